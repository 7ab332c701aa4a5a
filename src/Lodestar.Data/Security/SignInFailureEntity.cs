using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Security;

/// <summary>
/// Failed sign-ins for a submitted name that is not an active user (unknown or disabled), counted in the
/// database exactly as Identity counts a user's (<see cref="UserEntity.AccessFailedCount"/>,
/// <see cref="UserEntity.LockoutEnd"/>), so neither the answer nor the lockout says which names exist, and
/// every instance of the app shares the count. Rows whose failures and lockout are over are deleted.
/// </summary>
public sealed class SignInFailureEntity
{
    public required string UserName { get; set; }
    public int FailureCount { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailureEntity>
{
    public void Configure(EntityTypeBuilder<SignInFailureEntity> failure)
    {
        failure.ToTable("sign_in_failures");
        failure.HasKey(f => f.UserName);
        failure.Property(f => f.UserName).HasMaxLength(100);
        // Ticks (UTC), so "older than" is a plain comparison on both databases (SQLite has no DateTimeOffset type).
        failure.Property(f => f.LastFailureAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        failure.Property(f => f.LockoutEnd).HasConversion(v => v!.Value.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        failure.HasIndex(f => f.LastFailureAt);
    }
}
