using System.CommandLine;
using Lodestar.Cli.Users;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Cli.Tests.Users;

/// <summary><c>lodestar users disable|enable|roles|reset</c>: access changed at once, audited.</summary>
public sealed class UsersAccessCommandTests
{
    private const string Password = "a long enough passphrase";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task DisableEnableRoles_ChangeTheUser_EndTheirSessions_AndAreAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreateAsync(database, "ann", Roles.Viewer);
        var stamp = await StampAsync(database, "ann");

        var disabled = await RunAsync(database, "users", "disable", "ANN");
        var whileDisabled = await SessionAsync(database, "ann");
        var enabled = await RunAsync(database, "users", "enable", "ann");
        var roles = await RunAsync(database, "users", "roles", "ann", "--role", "viewer,editor");
        var list = await RunAsync(database, "users", "list");

        Assert.Equal((0, "ann: disabled."), (disabled.ExitCode, disabled.Output.Trim()));
        Assert.Null(whileDisabled);
        Assert.Equal((0, "ann: enabled."), (enabled.ExitCode, enabled.Output.Trim()));
        Assert.Equal((0, "ann: editor, viewer."), (roles.ExitCode, roles.Output.Trim()));
        Assert.StartsWith("ann\teditor,viewer\tactive", list.Output.Trim(), StringComparison.Ordinal);
        Assert.NotEqual(stamp, await StampAsync(database, "ann"));
        await using var db = database.CreateContext();
        var actor = CliDatabase.CliActor;
        Assert.Equal(
            [(actor, AuditActions.UserDisabled), (actor, AuditActions.UserEnabled), (actor, AuditActions.RolesChanged)],
            (await db.Set<AuditEventEntity>().Where(e => e.Subject == "user ann").OrderBy(e => e.Id).ToListAsync(Cancel)).Select(e => (e.Actor, e.Action)));
    }

    [Fact]
    public async Task Reset_PrintsAOneTimeLinkPath_ThatSetsAPasswordOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CreateAsync(database, "bob", Roles.Viewer);

        var (exitCode, output, error) = await RunAsync(database, "users", "reset", "bob");

        Assert.True(exitCode == 0, error);
        var path = output.Trim();
        Assert.Matches("^/account/reset/[A-Za-z0-9_-]{43}$", path);
        await using var db = database.CreateContext();
        var accounts = new UserAccounts(db, TimeProvider.System);
        var token = path["/account/reset/".Length..];
        Assert.True((await accounts.ResetPasswordAsync(token, "kettle violin marmalade", Cancel)).Succeeded);
        Assert.False((await accounts.ResetPasswordAsync(token, "another new passphrase", Cancel)).Succeeded);
        Assert.Contains(await db.Set<AuditEventEntity>().ToListAsync(Cancel), e => e.Action == AuditActions.PasswordResetIssued && e.Actor == CliDatabase.CliActor);
    }

    [Fact]
    public async Task ResetTwoFactor_TurnsItOff_EndsTheSessions_AndIsAuditedAsAReset()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CreateAsync(database, "cat", Roles.Viewer);
        await using (var db = database.CreateContext())
        {
            var twoFactor = new TwoFactor(db, TimeProvider.System);
            var key = (await twoFactor.StartAsync("cat")).Value.Key;
            _ = (await twoFactor.ConfirmAsync("cat", Rfc6238.Code(key, DateTimeOffset.UtcNow))).Value;
        }

        var stamp = await StampAsync(database, "cat");

        var (exitCode, output, error) = await RunAsync(database, "users", "reset-two-factor", "cat");

        Assert.True(exitCode == 0, error);
        Assert.Equal("cat: two-factor sign-in off.", output.Trim());
        Assert.NotEqual(stamp, await StampAsync(database, "cat"));
        await using var check = database.CreateContext();
        Assert.False((await check.Set<UserEntity>().SingleAsync(u => u.UserName == "cat", Cancel)).TwoFactorEnabled);
        Assert.Contains(await check.Set<AuditEventEntity>().ToListAsync(Cancel), e => e.Action == AuditActions.TwoFactorReset && e.Actor == CliDatabase.CliActor);
    }

    [Theory]
    [InlineData("reset-two-factor", "nobody")]
    [InlineData("disable", "nobody")]
    [InlineData("enable", "nobody")]
    [InlineData("reset", "nobody")]
    public async Task UnknownUser_ExitsTwoAndSaysSo(string verb, string name)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exitCode, _, error) = await RunAsync(database, "users", verb, name);

        Assert.Equal(2, exitCode);
        Assert.Contains("'nobody'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_UnknownRole_ExitsTwoAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CreateAsync(database, "ann", Roles.Viewer);

        var (exitCode, _, error) = await RunAsync(database, "users", "roles", "ann", "--role", "root");

        Assert.Equal(2, exitCode);
        Assert.Contains("'root'", error, StringComparison.Ordinal);
        Assert.Equal(["viewer"], (await SessionAsync(database, "ann"))!.Roles);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("enable")]
    [InlineData("roles")]
    [InlineData("reset")]
    public async Task Help_DescribesTheCommand(string verb)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exitCode, output, _) = await RunAsync(database, "users", verb, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("<name>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_CommonOrHtml_IsRefused()
    {
        var folder = CliProcess.NewFolder();

        var common = await CliProcess.RunAsync(folder, "password123456\n", null, "users", "add", "ann", "--role", "viewer");
        var html = await CliProcess.RunAsync(folder, "kettle violin marmalade\n", null, "users", "add", "<b>ann</b>", "--role", "viewer");

        Assert.Equal(2, common.ExitCode);
        Assert.Contains("too common", common.Error, StringComparison.Ordinal);
        Assert.Equal(2, html.ExitCode);
        Assert.Contains("only letters, digits", html.Error, StringComparison.Ordinal);
    }

    private static async Task CreateAsync(TestDatabase database, string userName, params string[] roles)
    {
        await using var db = database.CreateContext();
        _ = (await new UserAccounts(db, TimeProvider.System).CreateAsync(userName, "", Password, roles, Cancel)).Value;
    }

    private static async Task<UserSession?> SessionAsync(TestDatabase database, string userName)
    {
        await using var db = database.CreateContext();
        return await new UserAccounts(db, TimeProvider.System).SessionAsync(userName, Cancel);
    }

    private static async Task<string> StampAsync(TestDatabase database, string userName) => (await SessionAsync(database, userName))!.SecurityStamp;

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var root = new RootCommand("test") { UsersCommand.Create(database.CreateContext) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Cancel);
        return (exitCode, output.ToString(), error.ToString());
    }
}
