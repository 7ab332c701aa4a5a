using System.CommandLine;
using Lodestar.Cli.Users;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Cli.Tests.Users;

/// <summary><c>lodestar users grant|revoke|list</c>: council grants, stored and audited.</summary>
public sealed class UsersGrantCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task GrantRevokeList_Councils_AreStoredListedAndAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = database.CreateContext())
        {
            await TestUsers.AddAsync(setup, "ann", [], Roles.Viewer);
        }

        var granted = await RunAsync(database, "users", "grant", "ann", "--council", "E10000003", "873", "E10000015");
        var revoked = await RunAsync(database, "users", "revoke", "ANN", "--council", "E10000003");
        var list = await RunAsync(database, "users", "list");

        Assert.Equal((0, "ann: E10000003, E10000015."), (granted.ExitCode, granted.Output.Trim()));
        Assert.Equal((0, "ann: E10000015."), (revoked.ExitCode, revoked.Output.Trim()));
        Assert.Equal("ann\tviewer\tactive\tE10000015", list.Output.Trim());
        await using var db = database.CreateContext();
        var grants = new CouncilGrants(db, TimeProvider.System);
        Assert.Equal(["E10000015"], await grants.AllowedAsync("ann", Cancel));
        var actor = CliDatabase.CliActor;
        Assert.Equal(
            [(actor, AuditActions.CouncilsGranted, "user ann", "E10000003,E10000015"), (actor, AuditActions.CouncilsRevoked, "user ann", "E10000003")],
            (await db.Set<AuditEventEntity>().OrderBy(e => e.Id).ToListAsync(Cancel)).Select(e => (e.Actor, e.Action, e.Subject, e.Details)));
    }

    [Fact]
    public async Task GrantAllCouncils_ThenRevokeIt_ListsAndChecksAccordingly()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var setup = database.CreateContext())
        {
            await TestUsers.AddAsync(setup, "ann", [], Roles.Viewer);
        }

        var all = await RunAsync(database, "users", "grant", "ann", "--all-councils");
        var listed = await RunAsync(database, "users", "list");
        bool whileAll;
        await using (var db = database.CreateContext())
        {
            whileAll = await new CouncilGrants(db, TimeProvider.System).AllowsAsync("ann", "E06000001", Cancel);
        }

        var none = await RunAsync(database, "users", "revoke", "ann", "--all-councils");

        Assert.Equal((0, "ann: all councils."), (all.ExitCode, all.Output.Trim()));
        Assert.EndsWith("\tall councils", listed.Output.Trim(), StringComparison.Ordinal);
        Assert.True(whileAll);
        Assert.Equal((0, "ann: no councils."), (none.ExitCode, none.Output.Trim()));
        await using var check = database.CreateContext();
        Assert.False(await new CouncilGrants(check, TimeProvider.System).AllowsAsync("ann", "E06000001", Cancel));
    }

    [Theory]
    [InlineData("users", "grant", "ann", "--council", "E99999999")]
    [InlineData("users", "grant", "nobody", "--council", "E10000003")]
    [InlineData("users", "grant", "ann")]
    [InlineData("users", "revoke", "ann", "--council", "E10000003", "--all-councils")]
    public async Task Grant_UnknownCouncilOrUserOrNeitherOption_ExitsTwoAndChangesNothing(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var setup = database.CreateContext())
        {
            await TestUsers.AddAsync(setup, "ann", [], Roles.Viewer);
        }

        var (exitCode, output, error) = await RunAsync(database, args);

        Assert.Equal((2, ""), (exitCode, output));
        Assert.StartsWith($"lodestar users {args[1]}: ", error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Set<CouncilGrantEntity>().ToListAsync(Cancel));
        Assert.Empty(await db.Set<AuditEventEntity>().ToListAsync(Cancel));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var root = new RootCommand("test") { UsersCommand.Create(database.CreateContext) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Cancel);
        return (exitCode, output.ToString(), error.ToString());
    }
}
