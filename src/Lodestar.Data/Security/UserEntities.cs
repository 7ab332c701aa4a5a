using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Security;

/// <summary>A person who signs in to Lodestar. There is no built-in account and no default password.</summary>
public sealed class UserEntity
{
    public int Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Changed whenever the user's access changes (disabled, roles changed, password changed or reset, signed
    /// out): a sign-in cookie carries the stamp it was issued with and is refused once it differs.
    /// </summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>SHA-256 (hex) of the one outstanding password-reset token, never the token itself.</summary>
    public string? PasswordResetHash { get; set; }

    public DateTimeOffset? PasswordResetExpiresAt { get; set; }

    /// <summary>
    /// Sees every council (a regional team, the first administrator). Otherwise the user sees only the
    /// councils in <see cref="Councils"/>; no role, not even admin, implies this.
    /// </summary>
    public bool AllCouncils { get; set; }

    /// <summary>Failed sign-ins (password or two-factor code) since the last success or lockout: ASP.NET Core Identity's count, stored so every instance shares it.</summary>
    public int AccessFailedCount { get; set; }

    /// <summary>When the last counted failure was: failures older than the lockout window are forgotten (as for unknown names: <see cref="SignInFailureEntity"/>).</summary>
    public DateTimeOffset? LastFailedSignInAt { get; set; }

    /// <summary>Sign-in is refused until then (Identity's lockout).</summary>
    public DateTimeOffset? LockoutEnd { get; set; }

    /// <summary>Whether sign-in asks for a code from an authenticator app (TOTP, RFC 6238) after the password.</summary>
    public bool TwoFactorEnabled { get; set; }

    /// <summary>The TOTP shared secret (Base32), set when the user starts enrolling; null when two-factor is off.</summary>
    public string? AuthenticatorKey { get; set; }

    /// <summary>The last TOTP time step accepted, so one code cannot be used twice (RFC 6238, section 5.2).</summary>
    public long? AuthenticatorLastStep { get; set; }

    /// <summary>SHA-256 (hex) of each unused recovery code, separated by ';': never the codes themselves.</summary>
    public string? RecoveryCodeHashes { get; set; }

    public List<UserRoleEntity> Roles { get; set; } = [];

    /// <summary>The councils the user is granted, one row each (see <see cref="CouncilGrants"/>).</summary>
    public List<CouncilGrantEntity> Councils { get; set; } = [];
}

public sealed class UserRoleEntity
{
    public int UserId { get; set; }
    public required string Role { get; set; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<UserEntity>
{
    public void Configure(EntityTypeBuilder<UserEntity> user)
    {
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.Property(u => u.UserName).HasMaxLength(100);
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.PasswordHash).HasMaxLength(200);
        user.Property(u => u.SecurityStamp).HasMaxLength(64);
        user.Property(u => u.PasswordResetHash).HasMaxLength(64);
        user.HasIndex(u => u.PasswordResetHash).IsUnique();
        user.Property(u => u.AuthenticatorKey).HasMaxLength(64);
        user.Property(u => u.RecoveryCodeHashes).HasMaxLength(1000);
        user.HasIndex(u => u.UserName).IsUnique();
        user.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        user.HasMany(u => u.Councils).WithOne().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<UserRoleEntity>
{
    public void Configure(EntityTypeBuilder<UserRoleEntity> role)
    {
        role.ToTable("user_roles");
        role.HasKey(r => new { r.UserId, r.Role });
        role.Property(r => r.Role).HasMaxLength(40);
    }
}
