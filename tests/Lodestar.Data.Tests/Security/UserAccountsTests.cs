using Lodestar.Data.Audit;
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

    [Theory]
    [AllDatabases]
    public async Task SignIn_UnknownName_FailsAndLocksOutExactlyAsAKnownName(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = new StepClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var accounts = new UserAccounts(db, clock);
        await accounts.CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);

        var known = new List<SignInOutcome>();
        var unknown = new List<SignInOutcome>();
        for (var i = 0; i < UserAccounts.FailuresBeforeLockout + 1; i++)
        {
            known.Add((await accounts.SignInAsync("bob", "wrong password!", Cancel)).Outcome);
            unknown.Add((await accounts.SignInAsync("nobody", "wrong password!", Cancel)).Outcome);
        }

        Assert.Equal([SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.LockedOut, SignInOutcome.LockedOut], known);
        Assert.Equal(known, unknown);
        clock.Now += UserAccounts.LockoutDuration - TimeSpan.FromSeconds(1);
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync("nobody", GoodPassword, Cancel)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync("bob", GoodPassword, Cancel)).Outcome);
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(SignInOutcome.Failed, (await accounts.SignInAsync("nobody", GoodPassword, Cancel)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync("bob", GoodPassword, Cancel)).Outcome);
    }

    [Theory]
    [AllDatabases]
    public async Task SignInThrottle_AFloodOfMadeUpNames_IsDeletedOnceItsWindowHasPassed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = new StepClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(db, clock);
        for (var i = 0; i < 40; i++)
        {
            await throttle.FailAsync($"made-up-{i}", Cancel);
        }

        var during = await throttle.CountAsync(Cancel);
        clock.Now += TimeSpan.FromMinutes(15);
        await throttle.FailAsync("one-more", Cancel);

        Assert.Equal(40, during);
        Assert.Equal(1, await throttle.CountAsync(Cancel));
    }

    [Fact]
    public async Task SignIn_DisabledUserWithTheRightPassword_FailsAsAWrongPasswordDoes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var accounts = new UserAccounts(db, TimeProvider.System);
        await accounts.CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);
        _ = (await accounts.SetActiveAsync("admin", "bob", active: false, Cancel)).Value;

        Assert.Equal((SignInOutcome.Failed, (UserEntity?)null), await accounts.SignInAsync("bob", GoodPassword, Cancel));
        Assert.Null(await accounts.SessionAsync("bob", Cancel));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("ann smith")]
    public async Task Create_HtmlOrSpacesInTheUserName_IsRefused(string userName)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var result = await new UserAccounts(db, TimeProvider.System).CreateAsync(userName, "<b>Ann</b>", GoodPassword, [Roles.Viewer], Cancel);

        Assert.Equal(["userName", "displayName"], result.Problems.Select(p => p.Column));
        Assert.False(await db.Set<UserEntity>().AnyAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task DisableEnableAndRoles_ChangeTheStampAndAreAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var accounts = new UserAccounts(db, TimeProvider.System);
        await accounts.CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);
        var stamps = new List<string> { (await accounts.SessionAsync("bob", Cancel))!.SecurityStamp };

        _ = (await accounts.SetRolesAsync("admin", "BOB", [Roles.Viewer, Roles.Editor], Cancel)).Value;
        stamps.Add((await accounts.SessionAsync("bob", Cancel))!.SecurityStamp);
        _ = (await accounts.SetActiveAsync("admin", "bob", active: false, Cancel)).Value;
        var whileDisabled = await accounts.SessionAsync("bob", Cancel);
        _ = (await accounts.SetActiveAsync("admin", "bob", active: true, Cancel)).Value;
        var session = (await accounts.SessionAsync("bob", Cancel))!;
        stamps.Add(session.SecurityStamp);

        Assert.Null(whileDisabled);
        Assert.Equal(3, stamps.Distinct().Count());
        Assert.Equal(["editor", "viewer"], session.Roles.Order());
        await using var check = database.CreateContext();
        Assert.Equal(
            [("admin", AuditActions.RolesChanged, "user bob", "viewer -> editor,viewer"), ("admin", AuditActions.UserDisabled, "user bob", null), ("admin", AuditActions.UserEnabled, "user bob", null)],
            (await check.Set<AuditEventEntity>().OrderBy(e => e.Id).ToListAsync(Cancel)).Select(e => (e.Actor, e.Action, e.Subject, e.Details)));
    }

    [Fact]
    public async Task DisableOrDemote_Oneself_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var accounts = new UserAccounts(db, TimeProvider.System);
        await accounts.CreateAsync("root", "", GoodPassword, [Roles.Admin], Cancel);

        Assert.False((await accounts.SetActiveAsync("root", "root", active: false, Cancel)).Succeeded);
        Assert.False((await accounts.SetRolesAsync("root", "root", [Roles.Viewer], Cancel)).Succeeded);
        Assert.False((await accounts.SetRolesAsync("root", "root", ["superuser"], Cancel)).Succeeded);
        Assert.NotNull(await accounts.SessionAsync("root", Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task ResetLink_WorksOnceBeforeItExpires_AndTheNewPasswordMustPassTheRules(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = new StepClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var accounts = new UserAccounts(db, clock);
        await accounts.CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);
        var stamp = (await accounts.SessionAsync("bob", Cancel))!.SecurityStamp;

        var token = (await accounts.IssuePasswordResetAsync("admin", "bob", Cancel)).Value;
        var weak = await accounts.ResetPasswordAsync(token, "aaaaaaaaaaaa", Cancel);
        var reset = await accounts.ResetPasswordAsync(token, "a brand new passphrase", Cancel);
        var again = await accounts.ResetPasswordAsync(token, "another new passphrase", Cancel);

        Assert.Equal("password", Assert.Single(weak.Problems).Column);
        Assert.True(reset.Succeeded);
        Assert.Equal("token", Assert.Single(again.Problems).Column);
        Assert.NotEqual(stamp, (await accounts.SessionAsync("bob", Cancel))!.SecurityStamp);
        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync("bob", "a brand new passphrase", Cancel)).Outcome);
        await using var check = database.CreateContext();
        var stored = await check.Set<UserEntity>().SingleAsync(Cancel);
        Assert.Null(stored.PasswordResetHash);
        Assert.Equal(
            [AuditActions.PasswordResetIssued, AuditActions.PasswordReset],
            await check.Set<AuditEventEntity>().OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Cancel));
    }

    [Fact]
    public async Task ResetLink_After24Hours_IsRefused_AndOnlyItsHashIsStored()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var clock = new StepClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var accounts = new UserAccounts(db, clock);
        await accounts.CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);
        var token = (await accounts.IssuePasswordResetAsync("admin", "bob", Cancel)).Value;

        clock.Now += UserAccounts.ResetLinkLifetime - TimeSpan.FromSeconds(1);
        Assert.Equal("bob", await accounts.ResetTokenUserAsync(token, Cancel));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Null(await accounts.ResetTokenUserAsync(token, Cancel));
        Assert.False((await accounts.ResetPasswordAsync(token, "a brand new passphrase", Cancel)).Succeeded);
        Assert.DoesNotContain(token, (await db.Set<UserEntity>().SingleAsync(Cancel)).PasswordResetHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_NeedsTheCurrentOne_AndChangesTheStamp()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var accounts = new UserAccounts(db, TimeProvider.System);
        await accounts.CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);
        var stamp = (await accounts.SessionAsync("bob", Cancel))!.SecurityStamp;

        var wrongCurrent = await accounts.ChangePasswordAsync("bob", "not my password", "a brand new passphrase", Cancel);
        var common = await accounts.ChangePasswordAsync("bob", GoodPassword, "password123456", Cancel);
        var changed = await accounts.ChangePasswordAsync("bob", GoodPassword, "a brand new passphrase", Cancel);

        Assert.Equal("currentPassword", Assert.Single(wrongCurrent.Problems).Column);
        Assert.Equal("password", Assert.Single(common.Problems).Column);
        Assert.True(changed.Succeeded);
        Assert.NotEqual(stamp, (await accounts.SessionAsync("bob", Cancel))!.SecurityStamp);
        Assert.Equal(SignInOutcome.Failed, (await accounts.SignInAsync("bob", GoodPassword, Cancel)).Outcome);
    }

    private sealed class StepClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
