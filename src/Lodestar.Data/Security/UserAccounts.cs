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
}

/// <summary>What a sign-in cookie is checked against on each request: the user is active and the stamp and roles are the stored ones.</summary>
public sealed record UserSession(string UserName, string SecurityStamp, IReadOnlySet<string> Roles);

/// <summary>
/// Creates users, checks passwords (PBKDF2 via ASP.NET Core Identity's hasher) and changes access: disable,
/// enable, roles, password change and one-time reset links. Every change writes an audit entry in the same
/// <c>SaveChanges</c> and changes the user's security stamp, which ends their sessions
/// (docs/web.md, "Accounts").
/// </summary>
public sealed class UserAccounts(LodestarDbContext db, TimeProvider clock, SignInThrottle throttle)
{
    public const int MinimumPasswordLength = PasswordRules.MinimumLength;
    public const int FailuresBeforeLockout = SignInThrottle.FailuresBeforeLockout;
    public static readonly TimeSpan LockoutDuration = SignInThrottle.LockoutDuration;

    /// <summary>How long a password-reset link works.</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(24);

    private static readonly PasswordHasher<UserEntity> Hasher = new();

    // An unknown name's password is checked against this, so a failure for it costs what one for a known name does.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    /// <summary>With a throttle of its own (a command, a test): the web app shares one per process.</summary>
    public UserAccounts(LodestarDbContext db, TimeProvider clock)
        : this(db, clock, new SignInThrottle(clock))
    {
    }

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
        var problems = new List<Problem>();
        if (UserNames.Problem(userName) is { } nameProblem)
        {
            problems.Add(new Problem(null, 0, "userName", null, nameProblem));
        }
        else if (await db.Set<UserEntity>().AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            problems.Add(new Problem(null, 0, "userName", userName, $"The user name '{userName}' is taken."));
        }

        if (UserNames.DisplayNameProblem(displayName) is { } displayProblem)
        {
            problems.Add(new Problem(null, 0, "displayName", null, displayProblem));
        }

        problems.AddRange(PasswordRules.Default.Check(password, userName).Select(m => new Problem(null, 0, "password", null, m)));
        var (roleList, roleProblems) = CheckRoles(roles);
        problems.AddRange(roleProblems);
        if (problems.Count > 0)
        {
            return Result.Failure<UserEntity>(problems);
        }

        var user = new UserEntity
        {
            UserName = userName,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(),
            PasswordHash = "",
            SecurityStamp = NewStamp(),
            CreatedAt = clock.GetUtcNow(),
            Roles = roleList.Select(r => new UserRoleEntity { Role = r }).ToList(),
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Set<UserEntity>().Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(user);
    }

    /// <summary>
    /// Checks a password. Failures are counted per submitted name, known or not (<see cref="SignInThrottle"/>),
    /// and an unknown or disabled name costs a password hash like a known one, so neither the answer, the
    /// lockout nor the time taken says whether the name exists.
    /// </summary>
    public async Task<(SignInOutcome Outcome, UserEntity? User)> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        userName = UserNames.Normalise(userName);
        if (throttle.IsLockedOut(userName))
        {
            return (SignInOutcome.LockedOut, null);
        }

        var user = await db.Set<UserEntity>().Include(u => u.Roles).SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        var result = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DummyHash.Value, password);
        if (user is null || !user.IsActive || result == PasswordVerificationResult.Failed)
        {
            return (throttle.Fail(userName) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        throttle.Succeed(userName);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

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

        var problems = PasswordRules.Default.Check(newPassword, user.UserName);
        if (problems.Count > 0)
        {
            return Result.Failure<UserEntity>([.. problems.Select(m => new Problem(null, 0, "password", null, m))]);
        }

        SetPassword(user, newPassword);
        throttle.Succeed(user.UserName);
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
        if (user is null || !user.IsActive || Hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            return Result.Failure<UserEntity>([new Problem(null, 0, "currentPassword", null, "Your current password is not right.")]);
        }

        var problems = PasswordRules.Default.Check(newPassword, user.UserName);
        if (problems.Count > 0)
        {
            return Result.Failure<UserEntity>([.. problems.Select(m => new Problem(null, 0, "password", null, m))]);
        }

        SetPassword(user, newPassword);
        new AuditLog(db, clock).Add(user.UserName, AuditActions.PasswordChanged, $"user {user.UserName}");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(user);
    }

    private void SetPassword(UserEntity user, string password)
    {
        user.PasswordHash = Hasher.HashPassword(user, password);
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
