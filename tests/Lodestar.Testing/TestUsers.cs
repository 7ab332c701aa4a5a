using Lodestar.Data;
using Lodestar.Data.Security;

namespace Lodestar.Testing;

/// <summary>Users stored straight into a test's database (no password to sign in with, no audit entry): whom the command line acts as.</summary>
public static class TestUsers
{
    /// <summary>Adds an active user with <paramref name="roles"/> (every role when none) and all councils, or only <paramref name="councils"/> when given.</summary>
    public static async Task AddAsync(LodestarDbContext db, string userName, IReadOnlyList<string>? councils = null, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Set<UserEntity>().Add(new UserEntity
        {
            UserName = userName,
            DisplayName = userName,
            PasswordHash = "not a hash: this user does not sign in",
            AllCouncils = councils is null,
            Roles = [.. (roles.Length == 0 ? Roles.All : roles).Select(r => new UserRoleEntity { Role = r })],
            Councils = [.. (councils ?? []).Select(c => new CouncilGrantEntity { Council = c })],
        });
        await db.SaveChangesAsync();
    }
}
