using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Security;

/// <summary>
/// A personal access token for the JSON API (<see cref="ApiTokens"/>): only the SHA-256 of the token is stored,
/// never the token. A token acts as its owner with the owner's current roles and grants.
/// </summary>
public sealed class ApiTokenEntity
{
    public int Id { get; set; }
    public int UserId { get; set; }

    /// <summary>The owner's label for it, unique per owner (e.g. "power-bi").</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the whole token text, <c>lsp_</c> prefix included.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiTokenEntity>
{
    public void Configure(EntityTypeBuilder<ApiTokenEntity> token)
    {
        token.ToTable("api_tokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Hash).HasMaxLength(64);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasIndex(t => new { t.UserId, t.Name });
        token.HasOne<UserEntity>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
