using System.Text;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Security;

/// <summary>TOTP two-factor on Identity (<see cref="TwoFactor"/>, <see cref="TotpTokenProvider"/>), with codes made by the tests' own RFC 6238 helper and a fake clock.</summary>
public sealed class TwoFactorTests
{
    private const string GoodPassword = "correct horse battery";
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 10, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(20000000000L, "65353130")]
    public void Rfc6238Helper_TheRfcsSha1TestVectors_AreReproduced(long unixSeconds, string expected) =>
        Assert.Equal(expected, Rfc6238.Code(Encoding.ASCII.GetBytes("12345678901234567890"), unixSeconds / 30, 8));

    [Theory]
    [AllDatabases]
    public async Task Confirm_WithTheAppsCode_TurnsTwoFactorOn_AndGivesTenRecoveryCodesStoredOnlyAsHashes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = new TestClock(Start);
        await new UserAccounts(db, clock).CreateAsync("ann", "", GoodPassword, [Roles.Viewer], Cancel);
        var twoFactor = new TwoFactor(db, clock);

        var setup = (await twoFactor.StartAsync("ann")).Value;
        var wrong = await twoFactor.ConfirmAsync("ann", "000000");
        var codes = (await twoFactor.ConfirmAsync("ann", Rfc6238.Code(setup.Key, clock.Now))).Value;

        Assert.Matches("^[A-Z2-7]{32}$", setup.Key);
        Assert.Equal($"otpauth://totp/Lodestar:ann?secret={setup.Key}&issuer=Lodestar&digits=6&period=30", setup.Uri);
        Assert.Contains("not right", Assert.Single(wrong.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        await using var check = database.CreateContext();
        var stored = await check.Set<UserEntity>().SingleAsync(Cancel);
        Assert.True(stored.TwoFactorEnabled);
        Assert.All(codes, c => Assert.DoesNotContain(c, stored.RecoveryCodeHashes!, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(10, stored.RecoveryCodeHashes!.Split(';').Length);
        Assert.Equal([AuditActions.TwoFactorEnabled], await check.Set<AuditEventEntity>().Select(a => a.Action).ToListAsync(Cancel));
    }

    [Fact]
    public async Task SignIn_WithTwoFactorOn_RightPassword_AsksForACode_AndDoesNotClearFailures()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var clock = new TestClock(Start);
        var accounts = new UserAccounts(db, clock);
        await accounts.CreateAsync("bob", "", GoodPassword, [Roles.Viewer], Cancel);
        await EnrolAsync(new TwoFactor(db, clock), "bob", clock);

        await accounts.SignInAsync("bob", "wrong password!", Cancel);
        var (outcome, user) = await accounts.SignInAsync("bob", GoodPassword, Cancel);

        Assert.Equal(SignInOutcome.RequiresTwoFactor, outcome);
        Assert.Equal("bob", user!.UserName);
        // A right password alone must not reset the count that wrong codes add to.
        Assert.Equal(1, user.AccessFailedCount);
    }

    [Fact]
    public async Task Code_OneStepOld_IsAccepted_TwoStepsOld_OrUsedTwice_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var clock = new TestClock(Start);
        await new UserAccounts(db, clock).CreateAsync("cat", "", GoodPassword, [Roles.Viewer], Cancel);
        var key = await EnrolAsync(new TwoFactor(db, clock), "cat", clock);
        var users = LodestarUserManager.Create(db, clock);
        var user = (await users.FindByNameAsync("cat"))!;
        clock.Now += TimeSpan.FromMinutes(5);

        var twoStepsOld = await users.VerifyTwoFactorTokenAsync(user, TotpTokenProvider.Name, Rfc6238.Code(key, clock.Now - TimeSpan.FromSeconds(60)));
        var oneStepOld = await users.VerifyTwoFactorTokenAsync(user, TotpTokenProvider.Name, Rfc6238.Code(key, clock.Now - TimeSpan.FromSeconds(30)));
        var current = Rfc6238.Code(key, clock.Now);
        var first = await users.VerifyTwoFactorTokenAsync(user, TotpTokenProvider.Name, current);
        var again = await users.VerifyTwoFactorTokenAsync(user, TotpTokenProvider.Name, current);

        Assert.False(twoStepsOld);
        Assert.True(oneStepOld);
        Assert.True(first);
        Assert.False(again);
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var clock = new TestClock(Start);
        await new UserAccounts(db, clock).CreateAsync("dan", "", GoodPassword, [Roles.Viewer], Cancel);
        var twoFactor = new TwoFactor(db, clock);
        var setup = (await twoFactor.StartAsync("dan")).Value;
        var codes = (await twoFactor.ConfirmAsync("dan", Rfc6238.Code(setup.Key, clock.Now))).Value;
        var users = LodestarUserManager.Create(db, clock);
        var user = (await users.FindByNameAsync("dan"))!;

        var first = await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3].ToUpperInvariant());
        var second = await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3]);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Equal(9, await twoFactor.RecoveryCodesLeftAsync("dan"));
    }

    [Theory]
    [AllDatabases]
    public async Task Disable_ByAnAdministrator_ForgetsTheKeyAndCodes_ChangesTheStamp_AndIsAuditedAsAReset(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = new TestClock(Start);
        var accounts = new UserAccounts(db, clock);
        await accounts.CreateAsync("eve", "", GoodPassword, [Roles.Viewer], Cancel);
        var twoFactor = new TwoFactor(db, clock);
        await EnrolAsync(twoFactor, "eve", clock);
        var stampBefore = (await accounts.SessionAsync("eve", Cancel))!.SecurityStamp;

        _ = (await twoFactor.DisableAsync("admin", "eve")).Value;

        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync("eve", GoodPassword, Cancel)).Outcome);
        Assert.NotEqual(stampBefore, (await accounts.SessionAsync("eve", Cancel))!.SecurityStamp);
        await using var check = database.CreateContext();
        var stored = await check.Set<UserEntity>().SingleAsync(Cancel);
        Assert.Equal((false, null, null), (stored.TwoFactorEnabled, stored.AuthenticatorKey, stored.RecoveryCodeHashes));
        var reset = await check.Set<AuditEventEntity>().SingleAsync(a => a.Action == AuditActions.TwoFactorReset, Cancel);
        Assert.Equal(("admin", "user eve"), (reset.Actor, reset.Subject));
    }

    private static async Task<string> EnrolAsync(TwoFactor twoFactor, string userName, TestClock clock)
    {
        var setup = (await twoFactor.StartAsync(userName)).Value;
        _ = (await twoFactor.ConfirmAsync(userName, Rfc6238.Code(setup.Key, clock.Now))).Value;
        return setup.Key;
    }
}
