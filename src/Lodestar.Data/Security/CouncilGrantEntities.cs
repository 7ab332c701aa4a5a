using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Security;

/// <summary>
/// One council a user may see: its child-level data and its results. The council is the DfE code
/// (<c>E10000003</c>), checked against the council list when granted; grants go with the user.
/// </summary>
public sealed class CouncilGrantEntity
{
    public int UserId { get; set; }
    public required string Council { get; set; }
}

internal sealed class CouncilGrantConfiguration : IEntityTypeConfiguration<CouncilGrantEntity>
{
    public void Configure(EntityTypeBuilder<CouncilGrantEntity> grant)
    {
        grant.ToTable("user_councils");
        grant.HasKey(g => new { g.UserId, g.Council });
        grant.Property(g => g.Council).HasMaxLength(9);
    }
}
