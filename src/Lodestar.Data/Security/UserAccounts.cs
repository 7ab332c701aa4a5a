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

/// <summary>Creates users and checks passwords (PBKDF2 via ASP.NET Core Identity's hasher).</summary>
public sealed class UserAccounts(LodestarDbContext db, TimeProvider clock)
{
    public const int MinimumPasswordLength = 12;
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<UserEntity> Hasher = new();

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => db.Set<UserEntity>().AnyAsync(cancellationToken);

    /// <summary>Creates a user; throws <see cref="ArgumentException"/> for a weak password, unknown role or taken name.</summary>
    public async Task<UserEntity> CreateAsync(string userName, string displayName, string password, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        userName = userName.Trim().ToLowerInvariant();
        if (userName.Length is 0 or > 100)
        {
            throw new ArgumentException("A user name is 1 to 100 characters.", nameof(userName));
        }

        if (password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"A password needs at least {MinimumPasswordLength} characters.", nameof(password));
        }

        var roleList = Roles.Parse(string.Join(',', roles));
        if (await db.Set<UserEntity>().AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            throw new ArgumentException($"The user name '{userName}' is taken.", nameof(userName));
        }

        var user = new UserEntity
        {
            UserName = userName,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(),
            PasswordHash = "",
            CreatedAt = clock.GetUtcNow(),
            Roles = roleList.Select(r => new UserRoleEntity { Role = r }).ToList(),
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Set<UserEntity>().Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Checks a password, counting failures and locking the account after too many.</summary>
    public async Task<(SignInOutcome Outcome, UserEntity? User)> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        userName = userName.Trim().ToLowerInvariant();
        var user = await db.Set<UserEntity>().Include(u => u.Roles).SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null || !user.IsActive)
        {
            return (SignInOutcome.Failed, null);
        }

        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return (SignInOutcome.LockedOut, null);
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= FailuresBeforeLockout)
            {
                user.LockedUntil = now + LockoutDuration;
                user.FailedSignIns = 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            return (user.LockedUntil > now ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }

        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return (SignInOutcome.Succeeded, user);
    }
}
