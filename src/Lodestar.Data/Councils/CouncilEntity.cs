using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Councils;

/// <summary>An English local authority (or the Children's Trust acting for it).</summary>
/// <remarks>
/// <see cref="Code"/> is the DfE's ONS-style code (new_la_code, e.g. E10000003); <see cref="LaNumber"/>
/// is the DfE's three-digit old_la_code (e.g. 873), which the statutory returns and the benchmark
/// files both carry.
/// </remarks>
public sealed class CouncilEntity
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string LaNumber { get; set; }
    public required string Name { get; set; }
    public required string Region { get; set; }
}

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<CouncilEntity>
{
    public void Configure(EntityTypeBuilder<CouncilEntity> council)
    {
        council.ToTable("councils");
        council.HasKey(c => c.Id);
        council.Property(c => c.Code).HasMaxLength(9);
        council.Property(c => c.LaNumber).HasMaxLength(3);
        council.Property(c => c.Name).HasMaxLength(120);
        council.Property(c => c.Region).HasMaxLength(60);
        council.HasIndex(c => c.Code).IsUnique();
        council.HasIndex(c => c.LaNumber).IsUnique();
    }
}
