using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Cli.Tests.Users;

public sealed class UsersCommandTests
{
    [Fact]
    public async Task UsersAdd_PasswordOnStdin_CreatesTheUserAndAuditsIt()
    {
        var folder = CliProcess.NewFolder();

        var (exitCode, output, error) = await CliProcess.RunAsync(folder, "a long enough passphrase\n", null, "users", "add", "ann", "--role", "viewer,child-level");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Created user ann", output, StringComparison.Ordinal);
        await using var db = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "data", "lodestar.db")}").CreateContext();
        var user = await db.Set<UserEntity>().Include(u => u.Roles).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["child-level", "viewer"], user.Roles.Select(r => r.Role).Order());
        Assert.Contains(await db.Set<AuditEventEntity>().ToListAsync(TestContext.Current.CancellationToken), e => e.Action == AuditActions.UserCreated && e.Subject == "user ann");
    }

    [Theory]
    [InlineData("", "standard input")]
    [InlineData("short\n", "at least 12")]
    public async Task UsersAdd_MissingOrWeakPassword_ExitsTwoWithAMessage(string stdin, string message)
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(CliProcess.NewFolder(), stdin, null, "users", "add", "bob", "--role", "viewer");

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_UnknownRole_NamesIt()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(CliProcess.NewFolder(), "a long enough passphrase\n", null, "users", "add", "bob", "--role", "root");

        Assert.Equal(2, exitCode);
        Assert.Contains("'root'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_NameTaken_ExitsTwoAndSaysSo()
    {
        var folder = CliProcess.NewFolder();
        var (first, _, firstError) = await CliProcess.RunAsync(folder, "a long enough passphrase\n", null, "users", "add", "ann", "--role", "viewer");
        Assert.True(first == 0, firstError);

        var (exitCode, _, error) = await CliProcess.RunAsync(folder, "another long passphrase\n", null, "users", "add", "ANN", "--role", "editor");

        Assert.Equal(2, exitCode);
        Assert.Contains("'ann' is taken", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
