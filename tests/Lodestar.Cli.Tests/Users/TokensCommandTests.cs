using System.CommandLine;
using Lodestar.Cli.Users;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Cli.Tests.Users;

/// <summary><c>lodestar tokens add|revoke|list</c>: the token printed once, working until revoked, audited.</summary>
public sealed class TokensCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddThenRevoke_PrintsATokenOnce_ThatWorksUntilRevoked_AndBothAreAudited()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CreateAsync(database, "ann");

        var added = await RunAsync(database, "tokens", "add", "ANN", "--name", "power-bi", "--expires-days", "30");
        var token = added.Output.Trim();
        var whileLive = await OwnerAsync(database, token);
        var list = await RunAsync(database, "tokens", "list", "ann");
        var revoked = await RunAsync(database, "tokens", "revoke", "ann", "--name", "power-bi");
        var afterRevoke = await OwnerAsync(database, token);

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Matches("^lsp_[A-Za-z0-9_-]{43}$", token);
        Assert.Contains("shown once", added.Error, StringComparison.Ordinal);
        Assert.Equal("ann", whileLive?.UserName);
        Assert.StartsWith("power-bi\tcreated ", list.Output, StringComparison.Ordinal);
        Assert.EndsWith("\tlive", list.Output.Trim(), StringComparison.Ordinal);
        Assert.Equal((0, "Revoked: power-bi."), (revoked.ExitCode, revoked.Output.Trim()));
        Assert.Null(afterRevoke);
        await using var db = database.CreateContext();
        Assert.Equal(
            [(CliDatabase.CliActor, ApiTokens.CreatedAction, "token power-bi"), (CliDatabase.CliActor, ApiTokens.RevokedAction, "token power-bi")],
            (await db.Set<AuditEventEntity>().Where(e => e.Subject == "user ann").OrderBy(e => e.Id).ToListAsync(Cancel))
                .Select(e => (e.Actor, e.Action, e.Details![..Math.Min(e.Details!.Length, 14)])));
    }

    [Fact]
    public async Task RevokeAll_StopsEveryToken_AndNeedsNameOrAll()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CreateAsync(database, "bob");
        var first = (await RunAsync(database, "tokens", "add", "bob")).Output.Trim();
        var second = (await RunAsync(database, "tokens", "add", "bob")).Output.Trim();

        var neither = await RunAsync(database, "tokens", "revoke", "bob");
        var all = await RunAsync(database, "tokens", "revoke", "bob", "--all");

        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("--name NAME or --all", neither.Error, StringComparison.Ordinal);
        Assert.Equal((0, "Revoked: token-1, token-2."), (all.ExitCode, all.Output.Trim()));
        Assert.Null(await OwnerAsync(database, first));
        Assert.Null(await OwnerAsync(database, second));
    }

    [Theory]
    [InlineData("nobody", "--expires-days", "30", "'nobody'")]
    [InlineData("ann", "--expires-days", "0", "1 to 3650 days")]
    [InlineData("ann", "--name", "<b>x</b>", "letters, digits")]
    public async Task Add_BadInput_ExitsTwoAndSaysWhy(string user, string option, string value, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CreateAsync(database, "ann");

        var (exitCode, output, error) = await RunAsync(database, "tokens", "add", user, option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private static async Task CreateAsync(TestDatabase database, string userName)
    {
        await using var db = database.CreateContext();
        _ = (await new UserAccounts(db, TimeProvider.System).CreateAsync(userName, "", "a long enough passphrase", [Roles.Viewer], Cancel)).Value;
    }

    private static async Task<ApiTokenOwner?> OwnerAsync(TestDatabase database, string token)
    {
        await using var db = database.CreateContext();
        return await new ApiTokens(db, TimeProvider.System).AuthenticateAsync(token, Cancel);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var root = new RootCommand("test") { TokensCommand.Create(database.CreateContext) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Cancel);
        return (exitCode, output.ToString(), error.ToString());
    }
}
