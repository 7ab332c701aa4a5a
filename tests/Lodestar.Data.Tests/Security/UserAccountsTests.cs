using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Security;

public sealed class UserAccountsTests
{
    private const string GoodPassword = "correct horse battery";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task SignIn_RightPassword_Succeeds_AndNoPasswordIsStoredInClear(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var accounts = new UserAccounts(db, TimeProvider.System);
        await accounts.CreateAsync("Ann", "Ann Analyst", GoodPassword, [Roles.Viewer, Roles.ChildLevel], Cancel);

        var (outcome, user) = await accounts.SignInAsync(" ann ", GoodPassword, Cancel);

        Assert.Equal(SignInOutcome.Succeeded, outcome);
        Assert.Equal(["child-level", "viewer"], user!.Roles.Select(r => r.Role).Order());
        await using var check = database.CreateContext();
        var stored = await check.Set<UserEntity>().SingleAsync(Cancel);
        Assert.DoesNotContain(GoodPassword, stored.PasswordHash, StringComparison.Ordinal);
    }

    [Theory]
    [AllDatabases]
    public async Task SignIn_FiveWrongPasswords_LocksEvenTheRightPasswordOut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = new StepClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var accounts = new UserAccounts(db, clock);
        await accounts.CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);

        for (var i = 1; i < UserAccounts.FailuresBeforeLockout; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await accounts.SignInAsync("bob", "wrong password!", Cancel)).Outcome);
        }

        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync("bob", "wrong password!", Cancel)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync("bob", GoodPassword, Cancel)).Outcome);

        clock.Now += UserAccounts.LockoutDuration;
        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync("bob", GoodPassword, Cancel)).Outcome);
    }

    [Theory]
    [InlineData("short pass", "at least 12")]
    [InlineData("", "at least 12")]
    public async Task Create_WeakPassword_IsRefused(string password, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var result = await new UserAccounts(db, TimeProvider.System).CreateAsync("cat", "", password, [Roles.Viewer], Cancel);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("password", problem.Column);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.False(await db.Set<UserEntity>().AnyAsync(Cancel));
    }

    [Fact]
    public async Task Create_UnknownRoleOrTakenName_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var accounts = new UserAccounts(db, TimeProvider.System);
        await accounts.CreateAsync("dan", "", GoodPassword, [Roles.Viewer], Cancel);

        var unknownRole = await accounts.CreateAsync("eve", "", GoodPassword, ["superuser"], Cancel);
        var taken = await accounts.CreateAsync("DAN", "", GoodPassword, [Roles.Viewer], Cancel);

        Assert.Contains("'superuser'", Assert.Single(unknownRole.Problems).Message, StringComparison.Ordinal);
        Assert.Contains("taken", Assert.Single(taken.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(["dan"], await db.Set<UserEntity>().Select(u => u.UserName).ToListAsync(Cancel));
    }

    [Fact]
    public async Task Create_SeveralThingsWrong_GivesEveryProblem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var result = await new UserAccounts(db, TimeProvider.System).CreateAsync(" ", "", "short", [], Cancel);

        Assert.Equal(["userName", "password", "roles"], result.Problems.Select(p => p.Column));
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    private sealed class StepClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
