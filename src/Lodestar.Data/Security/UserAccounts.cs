using System.Security.Cryptography;
using System.Text;
using Lodestar.Data.Audit;
using Lodestar.Domain.Problems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Security;

/// <summary>The outcome of a sign-in attempt. Failures do not say whether the user name exists.</summary>
public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,

    /// <summary>The password is right and the user has two-factor on: sign-in continues with a code.</summary>
    RequiresTwoFactor,
}

/// <summary>What a sign-in cookie is checked against on each request: the user is active and the stamp and roles are the stored ones.</summary>
public sealed record UserSession(string UserName, string SecurityStamp, IReadOnlySet<string> Roles);

/// <summary>
/// Creates users, checks passwords and changes access (disable, enable, roles, password change, one-time
/// reset links, two-factor reset) on ASP.NET Core Identity's <see cref="UserManager{TUser}"/>
/// (<see cref="LodestarUserManager"/>: its validators are <see cref="PasswordRules"/> and <see cref="UserNames"/>,
/// its hasher PBKDF2, its lockout stored in the database). Every change writes an audit entry in the same
/// <c>SaveChanges</c> and changes the user's security stamp, which ends their sessions
/// (docs/web.md, "Accounts"). The command line and the web app call the same methods.
/// </summary>
public sealed class UserAccounts(LodestarDbContext db, TimeProvider clock, LodestarUserManager users)
{
    public const int MinimumPasswordLength = PasswordRules.MinimumLength;
    public const int FailuresBeforeLockout = SignInThrottle.FailuresBeforeLockout;
    public static readonly TimeSpan LockoutDuration = SignInThrottle.LockoutDuration;

    /// <summary>How long a password-reset link works.</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(24);

    // An unknown name's password is checked against this, so a failure for it costs what one for a known name does.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserEntity>().HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    private readonly SignInThrottle _throttle = new(db, clock);

    /// <summary>With a user manager of its own (a command, a test): the web app's comes from its services.</summary>
    public UserAccounts(LodestarDbContext db, TimeProvider clock)
        : this(db, clock, LodestarUserManager.Create(db, clock))
    {
    }

    /// <summary>The Identity user manager these accounts are kept with.</summary>
    public LodestarUserManager Users => users;

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => db.Set<UserEntity>().AnyAsync(cancellationToken);

    /// <summary>
    /// Creates a user, or gives every reason it cannot: a user name that is blank, too long, has characters
    /// other than letters, digits and <c>. _ - @</c>, or is taken; a display name too long or with markup; a
    /// password the <see cref="PasswordRules"/> refuse; roles that are missing or unknown. Each problem's
    /// column names the field (<c>userName</c>, <c>displayName</c>, <c>password</c>, <c>roles</c>); a password
    /// is never echoed in one.
    /// </summary>
    public async Task<Result<UserEntity>> CreateAsync(string userName, string displayName, string password, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(roles);
        userName = UserNames.Normalise(userName);
        var (roleList, roleProblems) = CheckRoles(roles);
        var user = new UserEntity
        {
            UserName = userName,
            DisplayName = displayName,
            PasswordHash = "",
            CreatedAt = clock.GetUtcNow(),
            Roles = roleList.Select(r => new UserRoleEntity { Role = r }).ToList(),
        };
        // Every problem at once, in the order of the form: Identity's own CreateAsync stops at the first validator that fails.
        var problems = new List<Problem>();
        foreach (var validator in users.UserValidators)
        {
            problems.AddRange(ToProblems(await validator.ValidateAsync(users, user), userName));
        }

        problems.AddRange(await PasswordProblemsAsync(user, password));
        problems.AddRange(roleProblems);
        problems = [.. problems.OrderBy(p => Array.IndexOf(ProblemOrder, p.Column))];
        if (problems.Count > 0)
        {
            return Result.Failure<UserEntity>(problems);
        }

        user.DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim();
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? Result.Success(user) : Result.Failure<UserEntity>([.. ToProblems(created, userName)]);
    }

    /// <summary>
    /// Checks a password, as Identity's <c>SignInManager.CheckPasswordSignInAsync</c> does with lockout on:
    /// a locked-out user is refused without looking at the password; a failure counts towards lockout
    /// (<see cref="LodestarUserManager.AccessFailedAsync"/>); a success clears the count unless a two-factor code
    /// is still to come (else a stolen password could reset the count between guesses at the code). A name
    /// that is not an active user is counted the same way in the database (<see cref="SignInThrottle"/>) and
    /// costs a password hash, so neither the answer, the lockout nor the time taken says whether it exists.
    /// </summary>
    public async Task<(SignInOutcome Outcome, UserEntity? User)> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        userName = UserNames.Normalise(userName);
        var user = UserNames.Problem(userName) is null ? await users.FindByNameAsync(userName) : null;
        if (user is not { IsActive: true })
        {
            // Whatever was typed, cut to the longest a user name may be (the throttle's key column).
            var key = userName[..Math.Min(userName.Length, UserNames.MaximumLength)];
            if (await _throttle.IsLockedOutAsync(key, cancellationToken))
            {
                return (SignInOutcome.LockedOut, null);
            }

            _ = users.PasswordHasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return (await _throttle.FailAsync(key, cancellationToken) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return (SignInOutcome.LockedOut, null);
        }

        // Identity's check: it rehashes and saves a password hashed with older settings.
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return (await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        if (user.TwoFactorEnabled)
        {
            return (SignInOutcome.RequiresTwoFactor, user);
        }

        await users.ResetAccessFailedCountAsync(user);
        return (SignInOutcome.Succeeded, user);
    }

    /// <summary>What a session of the user is checked against, or null when the user does not exist or is disabled.</summary>
    public async Task<UserSession?> SessionAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var name = UserNames.Normalise(userName);
        var user = await db.Set<UserEntity>().AsNoTracking()
            .Where(u => u.UserName == name && u.IsActive)
            .Select(u => new { u.UserName, u.SecurityStamp, Roles = u.Roles.Select(r => r.Role).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return user is null ? null : new UserSession(user.UserName, user.SecurityStamp, user.Roles.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Ends every session of the user (a sign-out: a copy of the cookie stops working too). Audited.</summary>
    public async Task SignOutAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userName, cancellationToken);
        if (user is null)
        {
            return;
        }

        user.SecurityStamp = NewStamp();
        new AuditLog(db, clock).Add(user.UserName, AuditActions.SignOut, $"user {user.UserName}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Disables or re-enables a user. Disabling ends their sessions; an administrator cannot disable themselves.</summary>
    public async Task<Result<UserEntity>> SetActiveAsync(string actor, string userName, bool active, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await FindAsync(userName, cancellationToken);
        if (user is null)
        {
            return NoUser(userName);
        }

        if (!active && user.UserName == actor)
        {
            return Result.Failure<UserEntity>([new Problem(null, 0, "userName", user.UserName, "You cannot disable your own account: ask another administrator.")]);
        }

        if (user.IsActive != active)
        {
            user.IsActive = active;
            user.SecurityStamp = NewStamp();
            if (!active)
            {
                user.PasswordResetHash = null;
                user.PasswordResetExpiresAt = null;
            }

            new AuditLog(db, clock).Add(actor, active ? AuditActions.UserEnabled : AuditActions.UserDisabled, $"user {user.UserName}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success(user);
    }

    /// <summary>Replaces the user's roles (at least one, all known). Ends their sessions; an administrator cannot take away their own admin role.</summary>
    public async Task<Result<UserEntity>> SetRolesAsync(string actor, string userName, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(roles);
        var user = await FindAsync(userName, cancellationToken);
        var (roleList, problems) = CheckRoles(roles);
        if (user is null)
        {
            return NoUser(userName);
        }

        if (user.UserName == actor && !roleList.Contains(Roles.Admin))
        {
            problems.Add(new Problem(null, 0, "roles", user.UserName, "You cannot take away your own admin role: ask another administrator."));
        }

        if (problems.Count > 0)
        {
            return Result.Failure<UserEntity>(problems);
        }

        var before = user.Roles.Select(r => r.Role).Order(StringComparer.Ordinal).ToList();
        var after = roleList.Order(StringComparer.Ordinal).ToList();
        if (!before.SequenceEqual(after))
        {
            user.Roles.RemoveAll(r => !after.Contains(r.Role));
            user.Roles.AddRange(after.Where(r => !before.Contains(r)).Select(r => new UserRoleEntity { Role = r }));
            user.SecurityStamp = NewStamp();
            new AuditLog(db, clock).Add(actor, AuditActions.RolesChanged, $"user {user.UserName}", $"{string.Join(",", before)} -> {string.Join(",", after)}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success(user);
    }

    /// <summary>
    /// Issues a one-time password-reset token for an active user, valid for <see cref="ResetLinkLifetime"/>,
    /// replacing any earlier one. Only its SHA-256 is stored: the token is returned once, to be shown once.
    /// </summary>
    public async Task<Result<string>> IssuePasswordResetAsync(string actor, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await FindAsync(userName, cancellationToken);
        if (user is null || !user.IsActive)
        {
            return Result.Failure<string>([new Problem(null, 0, "userName", UserNames.Normalise(userName), $"No active user '{UserNames.Normalise(userName)}'.")]);
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        user.PasswordResetHash = HashToken(token);
        user.PasswordResetExpiresAt = clock.GetUtcNow() + ResetLinkLifetime;
        new AuditLog(db, clock).Add(actor, AuditActions.PasswordResetIssued, $"user {user.UserName}", $"expires {user.PasswordResetExpiresAt:yyyy-MM-dd HH:mm} UTC");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(token);
    }

    /// <summary>The user a reset token is for while it is unused and unexpired, else null.</summary>
    public async Task<string?> ResetTokenUserAsync(string token, CancellationToken cancellationToken = default) =>
        (await FindByTokenAsync(token, cancellationToken))?.UserName;

    /// <summary>
    /// Sets a new password with a reset token: once (the token is spent), before it expires, for an active
    /// user; the password must pass the <see cref="PasswordRules"/>. Ends the user's sessions. Audited.
    /// </summary>
    public async Task<Result<UserEntity>> ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newPassword);
        var user = await FindByTokenAsync(token, cancellationToken);
        if (user is null)
        {
            return Result.Failure<UserEntity>([new Problem(null, 0, "token", null, "This reset link has been used, has expired or is not right: ask an administrator for a new one.")]);
        }

        var problems = await PasswordProblemsAsync(user, newPassword);
        if (problems.Count > 0)
        {
            return Result.Failure<UserEntity>(problems);
        }

        SetPassword(user, newPassword);
        // A new password from an administrator's link ends a lockout, as the old one is no longer what was guessed at.
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        new AuditLog(db, clock).Add(user.UserName, AuditActions.PasswordReset, $"user {user.UserName}", "with a reset link");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(user);
    }

    /// <summary>The user changes their own password, giving the current one. Ends their other sessions. Audited.</summary>
    public async Task<Result<UserEntity>> ChangePasswordAsync(string userName, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        var user = await FindAsync(userName, cancellationToken);
        if (user is null || !user.IsActive || !await users.CheckPasswordAsync(user, currentPassword))
        {
            return Result.Failure<UserEntity>([new Problem(null, 0, "currentPassword", null, "Your current password is not right.")]);
        }

        var problems = await PasswordProblemsAsync(user, newPassword);
        if (problems.Count > 0)
        {
            return Result.Failure<UserEntity>(problems);
        }

        SetPassword(user, newPassword);
        new AuditLog(db, clock).Add(user.UserName, AuditActions.PasswordChanged, $"user {user.UserName}");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(user);
    }

    private static readonly string[] ProblemOrder = ["userName", "displayName", "password", "roles"];

    private async Task<List<Problem>> PasswordProblemsAsync(UserEntity user, string password)
    {
        var problems = new List<Problem>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange(ToProblems(await validator.ValidateAsync(users, user, password), null));
        }

        return problems;
    }

    // Identity's error codes are Lodestar's field names (UserNameValidator, PasswordRulesValidator); the value is never a password.
    private static IEnumerable<Problem> ToProblems(IdentityResult result, string? userName) =>
        result.Errors.Select(e => new Problem(null, 0, e.Code, e.Code == "userName" && e.Description.Contains("taken", StringComparison.Ordinal) ? userName : null, e.Description));

    private void SetPassword(UserEntity user, string password)
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.SecurityStamp = NewStamp();
        user.PasswordResetHash = null;
        user.PasswordResetExpiresAt = null;
    }

    private async Task<UserEntity?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = HashToken(token);
        var user = await db.Set<UserEntity>().Include(u => u.Roles).SingleOrDefaultAsync(u => u.PasswordResetHash == hash, cancellationToken);
        return user is { IsActive: true, PasswordResetExpiresAt: { } expires } && expires > clock.GetUtcNow() ? user : null;
    }

    private Task<UserEntity?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var name = UserNames.Normalise(userName);
        return db.Set<UserEntity>().Include(u => u.Roles).SingleOrDefaultAsync(u => u.UserName == name, cancellationToken);
    }

    private static Result<UserEntity> NoUser(string userName) =>
        Result.Failure<UserEntity>([new Problem(null, 0, "userName", UserNames.Normalise(userName), $"No user '{UserNames.Normalise(userName)}'.")]);

    private static (List<string> Roles, List<Problem> Problems) CheckRoles(IEnumerable<string> roles)
    {
        var roleList = roles.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToList();
        var problems = roleList.Where(r => !Roles.All.Contains(r))
            .Select(r => new Problem(null, 0, "roles", r, $"Unknown role '{r}': use {string.Join(", ", Roles.All)}.")).ToList();
        if (roleList.Count == 0)
        {
            problems.Add(new Problem(null, 0, "roles", null, "At least one role is needed."));
        }

        return (roleList, problems);
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
