using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Returns;

/// <summary>
/// How many times a council's confirmed returns have changed: bumped in the transaction of every
/// confirmation and roll-back, so every process holding a model of the council can tell it is stale.
/// </summary>
public sealed class CouncilVersionEntity
{
    /// <summary>The council's code, e.g. E10000003.</summary>
    public required string CouncilCode { get; set; }

    public long Version { get; set; }
}

internal sealed class CouncilVersionConfiguration : IEntityTypeConfiguration<CouncilVersionEntity>
{
    public void Configure(EntityTypeBuilder<CouncilVersionEntity> version)
    {
        version.ToTable("council_versions");
        version.HasKey(v => v.CouncilCode);
        version.Property(v => v.CouncilCode).HasMaxLength(9);
    }
}
