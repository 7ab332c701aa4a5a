using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Security;

/// <summary>
/// ASP.NET Core Identity's store over Lodestar's own <c>users</c> and <c>user_roles</c> tables
/// (<see cref="UserEntity"/>): passwords, security stamps, roles, lockout, the authenticator key and
/// recovery codes. User names are stored normalised (<see cref="UserNames.Normalise"/>), so the "normalised
/// name" Identity asks for is the name itself. Recovery codes are stored as SHA-256 hashes only. Each
/// change is saved by <see cref="UpdateAsync"/> in one <c>SaveChanges</c> with whatever else the context holds
/// (an audit entry added first is saved with it).
/// </summary>
public sealed class LodestarUserStore(LodestarDbContext db) :
    IUserPasswordStore<UserEntity>,
    IUserSecurityStampStore<UserEntity>,
    IUserRoleStore<UserEntity>,
    IUserLockoutStore<UserEntity>,
    IUserTwoFactorStore<UserEntity>,
    IUserAuthenticatorKeyStore<UserEntity>,
    IUserTwoFactorRecoveryCodeStore<UserEntity>
{
    private IQueryable<UserEntity> Users => db.Set<UserEntity>().Include(u => u.Roles);

    public async Task<IdentityResult> CreateAsync(UserEntity user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        db.Set<UserEntity>().Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(UserEntity user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(UserEntity user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        db.Set<UserEntity>().Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public Task<UserEntity?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        int.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            : Task.FromResult<UserEntity?>(null);

    public Task<UserEntity?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        Users.SingleOrDefaultAsync(u => u.UserName == normalizedUserName, cancellationToken);

    public Task<string> GetUserIdAsync(UserEntity user, CancellationToken cancellationToken) =>
        Task.FromResult(user.Id.ToString(CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(UserEntity user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(UserEntity user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = UserNames.Normalise(userName ?? "");
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(UserEntity user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    // The user name is stored normalised: there is no second column to keep in step.
    public Task SetNormalizedUserNameAsync(UserEntity user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetPasswordHashAsync(UserEntity user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(UserEntity user, CancellationToken cancellationToken) =>
        Task.FromResult(user.PasswordHash.Length == 0 ? null : user.PasswordHash);

    public Task<bool> HasPasswordAsync(UserEntity user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash.Length > 0);

    public Task SetSecurityStampAsync(UserEntity user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(UserEntity user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task AddToRoleAsync(UserEntity user, string roleName, CancellationToken cancellationToken)
    {
        var role = roleName.Trim().ToLowerInvariant();
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{roleName}'.", nameof(roleName));
        }

        if (!user.Roles.Any(r => r.Role == role))
        {
            user.Roles.Add(new UserRoleEntity { Role = role });
        }

        return Task.CompletedTask;
    }

    public Task RemoveFromRoleAsync(UserEntity user, string roleName, CancellationToken cancellationToken)
    {
        user.Roles.RemoveAll(r => r.Role == roleName.Trim().ToLowerInvariant());
        return Task.CompletedTask;
    }

    public Task<IList<string>> GetRolesAsync(UserEntity user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<string>>([.. user.Roles.Select(r => r.Role).Order(StringComparer.Ordinal)]);

    public Task<bool> IsInRoleAsync(UserEntity user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(user.Roles.Any(r => r.Role == roleName.Trim().ToLowerInvariant()));

    public async Task<IList<UserEntity>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var role = roleName.Trim().ToLowerInvariant();
        return await Users.Where(u => u.Roles.Any(r => r.Role == role)).ToListAsync(cancellationToken);
    }

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(UserEntity user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(UserEntity user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(UserEntity user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(UserEntity user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        user.LastFailedSignInAt = null;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(UserEntity user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    // Every user can be locked out, administrators included.
    public Task<bool> GetLockoutEnabledAsync(UserEntity user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(UserEntity user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetTwoFactorEnabledAsync(UserEntity user, bool enabled, CancellationToken cancellationToken)
    {
        user.TwoFactorEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task<bool> GetTwoFactorEnabledAsync(UserEntity user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(UserEntity user, string key, CancellationToken cancellationToken)
    {
        user.AuthenticatorKey = key;
        user.AuthenticatorLastStep = null;
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(UserEntity user, CancellationToken cancellationToken) => Task.FromResult(user.AuthenticatorKey);

    public Task ReplaceCodesAsync(UserEntity user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        var hashes = recoveryCodes.Select(HashCode).ToList();
        user.RecoveryCodeHashes = hashes.Count == 0 ? null : string.Join(';', hashes);
        return Task.CompletedTask;
    }

    public Task<bool> RedeemCodeAsync(UserEntity user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hashes = (user.RecoveryCodeHashes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var hash = HashCode(code);
        var match = hashes.FindIndex(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h), Encoding.ASCII.GetBytes(hash)));
        if (match < 0)
        {
            return Task.FromResult(false);
        }

        hashes.RemoveAt(match);
        user.RecoveryCodeHashes = hashes.Count == 0 ? null : string.Join(';', hashes);
        return Task.FromResult(true);
    }

    public Task<int> CountCodesAsync(UserEntity user, CancellationToken cancellationToken) =>
        Task.FromResult((user.RecoveryCodeHashes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Length);

    public void Dispose()
    {
        // The context belongs to the caller (the request scope or the command).
    }

    // Codes are compared as typed but without spaces and case: "ABCDE-12345" and "abcde-12345 " are the same code.
    private static string HashCode(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())));
}
