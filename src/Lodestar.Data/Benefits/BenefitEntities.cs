using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Benefits;

/// <summary>A stored benefits register. Its benefits are replaced on each import; realised values are only added to.</summary>
internal sealed class BenefitsRegisterEntity
{
    public int Id { get; set; }
    public required string RegisterId { get; set; }
    public required string Title { get; set; }
    public string? Source { get; set; }
    public string? Notes { get; set; }
    public List<BenefitEntity> Benefits { get; set; } = [];
    public List<BenefitRealisedEntity> Realised { get; set; } = [];
}

internal sealed class BenefitEntity
{
    public int Id { get; set; }
    public int RegisterRecordId { get; set; }
    public int Position { get; set; }
    public required string BenefitId { get; set; }
    public required string Description { get; set; }
    public bool Financial { get; set; }
    public string? Timing { get; set; }
    public string? HowMeasured { get; set; }
    public string? Baseline { get; set; }
    public decimal? BaselineValue { get; set; }
    public string? Target { get; set; }
    public decimal? ValuePerYear { get; set; }
    public int ConfidencePercent { get; set; }

    /// <summary>Linked measure ids, one a line.</summary>
    public string? Measures { get; set; }
}

/// <summary>An amount of a benefit realised on a date: history, never changed or deleted by an import.</summary>
internal sealed class BenefitRealisedEntity
{
    public long Id { get; set; }
    public int RegisterRecordId { get; set; }
    public required string BenefitId { get; set; }
    public int Sequence { get; set; }
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }
}

internal sealed class BenefitsRegisterRecordConfiguration : IEntityTypeConfiguration<BenefitsRegisterEntity>
{
    public void Configure(EntityTypeBuilder<BenefitsRegisterEntity> register)
    {
        register.ToTable("benefits_registers");
        register.HasKey(r => r.Id);
        register.Property(r => r.RegisterId).HasMaxLength(200);
        register.HasIndex(r => r.RegisterId).IsUnique();
        register.Property(r => r.Title).HasMaxLength(500);
        register.Property(r => r.Source).HasMaxLength(200);
        register.HasMany(r => r.Benefits).WithOne().HasForeignKey(b => b.RegisterRecordId).OnDelete(DeleteBehavior.Cascade);
        register.HasMany(r => r.Realised).WithOne().HasForeignKey(b => b.RegisterRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BenefitRecordConfiguration : IEntityTypeConfiguration<BenefitEntity>
{
    public void Configure(EntityTypeBuilder<BenefitEntity> benefit)
    {
        benefit.ToTable("benefits");
        benefit.HasKey(b => b.Id);
        benefit.Property(b => b.BenefitId).HasMaxLength(200);
        benefit.HasIndex(b => new { b.RegisterRecordId, b.BenefitId }).IsUnique();
        benefit.Property(b => b.Timing).HasMaxLength(200);
        benefit.Property(b => b.BaselineValue).HasPrecision(18, 2);
        benefit.Property(b => b.ValuePerYear).HasPrecision(18, 2);
    }
}

internal sealed class BenefitRealisedRecordConfiguration : IEntityTypeConfiguration<BenefitRealisedEntity>
{
    public void Configure(EntityTypeBuilder<BenefitRealisedEntity> realised)
    {
        realised.ToTable("benefit_realised");
        realised.HasKey(r => r.Id);
        realised.Property(r => r.BenefitId).HasMaxLength(200);
        realised.Property(r => r.Value).HasPrecision(18, 2);
    }
}
