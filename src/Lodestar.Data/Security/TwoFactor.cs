using Lodestar.Data.Audit;
using Lodestar.Domain.Problems;

namespace Lodestar.Data.Security;

/// <summary>A new authenticator key to enrol with: the key to type in, and the <c>otpauth://</c> URI an app can read.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri);

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP) on Identity's <see cref="LodestarUserManager"/>: a user
/// starts (a new key), confirms with a code from the app (two-factor goes on and ten recovery codes are
/// issued, shown once), issues new recovery codes, or turns it off; an administrator resets it for a user
/// who lost their device. Each change is audited and changes the security stamp, ending the user's other
/// sessions.
/// </summary>
public sealed class TwoFactor(LodestarDbContext db, TimeProvider clock, LodestarUserManager users)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>With a user manager of its own (a command, a test).</summary>
    public TwoFactor(LodestarDbContext db, TimeProvider clock)
        : this(db, clock, LodestarUserManager.Create(db, clock))
    {
    }

    /// <summary>The key being enrolled (started, not yet confirmed) or in use, or null.</summary>
    public async Task<AuthenticatorSetup?> PendingAsync(string userName)
    {
        var user = await FindAsync(userName);
        return user?.AuthenticatorKey is { Length: > 0 } key ? new AuthenticatorSetup(key, TotpTokenProvider.AuthenticatorUri(user.UserName, key)) : null;
    }

    /// <summary>Starts enrolling: a new key, replacing any earlier unconfirmed one. Refused while two-factor is on (turn it off first).</summary>
    public async Task<Result<AuthenticatorSetup>> StartAsync(string userName)
    {
        var user = await FindAsync(userName);
        if (user is not { IsActive: true })
        {
            return Result.Failure<AuthenticatorSetup>([NoUser(userName)]);
        }

        if (user.TwoFactorEnabled)
        {
            return Result.Failure<AuthenticatorSetup>([new Problem(null, 0, "code", null, "Two-factor sign-in is already on: turn it off first to set up a new app.")]);
        }

        await users.ResetAuthenticatorKeyAsync(user);
        var key = user.AuthenticatorKey!;
        return Result.Success(new AuthenticatorSetup(key, TotpTokenProvider.AuthenticatorUri(user.UserName, key)));
    }

    /// <summary>Confirms enrolment with a code from the app: two-factor goes on and the recovery codes are returned, once.</summary>
    public async Task<Result<IReadOnlyList<string>>> ConfirmAsync(string userName, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var user = await FindAsync(userName);
        if (user is not { IsActive: true, AuthenticatorKey.Length: > 0 } || user.TwoFactorEnabled)
        {
            return Result.Failure<IReadOnlyList<string>>([new Problem(null, 0, "code", null, "Start setting up two-factor sign-in first.")]);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, TotpTokenProvider.Name, code))
        {
            return Result.Failure<IReadOnlyList<string>>([new Problem(null, 0, "code", null, "The code is not right: enter the 6 digits your app shows now.")]);
        }

        new AuditLog(db, clock).Add(user.UserName, AuditActions.TwoFactorEnabled, $"user {user.UserName}");
        await users.SetTwoFactorEnabledAsync(user, true);
        return Result.Success(await NewCodesAsync(user));
    }

    /// <summary>New recovery codes, replacing the old ones (returned once).</summary>
    public async Task<Result<IReadOnlyList<string>>> NewRecoveryCodesAsync(string userName)
    {
        var user = await FindAsync(userName);
        if (user is not { IsActive: true, TwoFactorEnabled: true })
        {
            return Result.Failure<IReadOnlyList<string>>([new Problem(null, 0, "code", null, "Two-factor sign-in is not on.")]);
        }

        new AuditLog(db, clock).Add(user.UserName, AuditActions.RecoveryCodesIssued, $"user {user.UserName}");
        return Result.Success(await NewCodesAsync(user));
    }

    /// <summary>How many unused recovery codes the user has.</summary>
    public async Task<int> RecoveryCodesLeftAsync(string userName) =>
        await FindAsync(userName) is { } user ? await users.CountRecoveryCodesAsync(user) : 0;

    /// <summary>
    /// Turns two-factor off and forgets the key and recovery codes: the user themself (<paramref name="actor"/> is
    /// them) or an administrator for a user who lost their device (audited as a reset).
    /// </summary>
    public async Task<Result<UserEntity>> DisableAsync(string actor, string userName)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await FindAsync(userName);
        if (user is null)
        {
            return Result.Failure<UserEntity>([NoUser(userName)]);
        }

        var self = user.UserName == UserNames.Normalise(actor);
        new AuditLog(db, clock).Add(actor, self ? AuditActions.TwoFactorDisabled : AuditActions.TwoFactorReset, $"user {user.UserName}");
        user.TwoFactorEnabled = false;
        user.AuthenticatorKey = null;
        user.AuthenticatorLastStep = null;
        user.RecoveryCodeHashes = null;
        await users.UpdateSecurityStampAsync(user);
        return Result.Success(user);
    }

    private async Task<IReadOnlyList<string>> NewCodesAsync(UserEntity user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    private Task<UserEntity?> FindAsync(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return users.FindByNameAsync(UserNames.Normalise(userName));
    }

    private static Problem NoUser(string userName) =>
        new(null, 0, "userName", UserNames.Normalise(userName), $"No user '{UserNames.Normalise(userName)}'.");
}
