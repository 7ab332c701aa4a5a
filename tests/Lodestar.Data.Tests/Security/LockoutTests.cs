using Lodestar.Data.Security;
using Lodestar.Testing;

namespace Lodestar.Data.Tests.Security;

/// <summary>Identity's lockout, stored in the database, and the same for names that are not users (<see cref="SignInThrottle"/>), on a fake clock.</summary>
public sealed class LockoutTests
{
    private const string GoodPassword = "correct horse battery";
    private const string Wrong = "wrong password!";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Lockout_IsStoredInTheDatabase_SoAnotherInstanceRefusesTheNameToo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using (var setup = database.CreateContext())
        {
            await new UserAccounts(setup, clock).CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);
        }

        await using (var first = database.CreateContext())
        {
            var accounts = new UserAccounts(first, clock);
            for (var i = 0; i < SignInThrottle.FailuresBeforeLockout; i++)
            {
                await accounts.SignInAsync("bob", Wrong, Cancel);
                await accounts.SignInAsync("nobody", Wrong, Cancel);
            }
        }

        await using var second = database.CreateContext();
        var other = new UserAccounts(second, clock);

        Assert.Equal(SignInOutcome.LockedOut, (await other.SignInAsync("bob", GoodPassword, Cancel)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await other.SignInAsync("nobody", GoodPassword, Cancel)).Outcome);
        clock.Now += TimeSpan.FromMinutes(15);
        Assert.Equal(SignInOutcome.Succeeded, (await other.SignInAsync("bob", GoodPassword, Cancel)).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await other.SignInAsync("nobody", GoodPassword, Cancel)).Outcome);
    }

    // SQLite only: the rule is the same code on both databases; the stored counts and the clean-up query are
    // tested on both above and in UserAccountsTests.
    [Fact]
    public async Task Failures_OlderThanFifteenMinutes_AreForgotten_ForKnownAndUnknownNamesAlike()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var clock = new TestClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var accounts = new UserAccounts(db, clock);
        await accounts.CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);
        for (var i = 1; i < SignInThrottle.FailuresBeforeLockout; i++)
        {
            await accounts.SignInAsync("bob", Wrong, Cancel);
            await accounts.SignInAsync("nobody", Wrong, Cancel);
        }

        clock.Now += TimeSpan.FromMinutes(15);
        var known = (await accounts.SignInAsync("bob", Wrong, Cancel)).Outcome;
        var unknown = (await accounts.SignInAsync("nobody", Wrong, Cancel)).Outcome;
        clock.Now += TimeSpan.FromMinutes(14);
        for (var i = 1; i < SignInThrottle.FailuresBeforeLockout - 1; i++)
        {
            await accounts.SignInAsync("bob", Wrong, Cancel);
            await accounts.SignInAsync("nobody", Wrong, Cancel);
        }

        // The failure 15 minutes later started a new count; this is its fifth.
        var knownFifth = (await accounts.SignInAsync("bob", Wrong, Cancel)).Outcome;
        var unknownFifth = (await accounts.SignInAsync("nobody", Wrong, Cancel)).Outcome;

        Assert.Equal((SignInOutcome.Failed, SignInOutcome.Failed), (known, unknown));
        Assert.Equal((SignInOutcome.LockedOut, SignInOutcome.LockedOut), (knownFifth, unknownFifth));
    }

    [Theory]
    [AllDatabases]
    public async Task SignIn_ANameLongerThanAnyUserName_FailsAndLocksOutLikeAnyOther(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var accounts = new UserAccounts(db, new TestClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        var name = new string('x', 300);

        var outcomes = new List<SignInOutcome>();
        for (var i = 0; i < SignInThrottle.FailuresBeforeLockout; i++)
        {
            outcomes.Add((await accounts.SignInAsync(name, Wrong, Cancel)).Outcome);
        }

        Assert.Equal([SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.LockedOut], outcomes);
    }

    [Fact]
    public async Task ResetLink_EndsALockout()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var clock = new TestClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var accounts = new UserAccounts(db, clock);
        await accounts.CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);
        for (var i = 0; i < SignInThrottle.FailuresBeforeLockout; i++)
        {
            await accounts.SignInAsync("bob", Wrong, Cancel);
        }

        var token = (await accounts.IssuePasswordResetAsync("admin", "bob", Cancel)).Value;
        _ = (await accounts.ResetPasswordAsync(token, "kettle violin marmalade", Cancel)).Value;

        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync("bob", "kettle violin marmalade", Cancel)).Outcome);
    }
}
