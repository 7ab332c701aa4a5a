using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Savings;

/// <summary>A stored savings plan (replaced as a whole on each import).</summary>
public sealed class SavingsPlanEntity
{
    public int Id { get; set; }
    public required string PlanId { get; set; }

    /// <summary>The action plan whose file held this savings plan, if any.</summary>
    public string? ActionPlanId { get; set; }
    public required string Title { get; set; }

    /// <summary>The financial years in order, stored as their "2016/17" labels one a line.</summary>
    public required List<Period> Years { get; set; }
    public Period? PlacementYear { get; set; }
    public string? Notes { get; set; }
    public decimal? StatedPlacementBpSavingsK { get; set; }
    public decimal? StatedPlacementBudgetTransfersK { get; set; }
    public decimal? StatedPlacementTotalK { get; set; }
    public List<SavingsObjectiveEntity> Objectives { get; set; } = [];
    public List<SavingsStatedTotalEntity> StatedTotals { get; set; } = [];
    public List<SavingsPlacementLineEntity> PlacementLines { get; set; } = [];
}

public sealed class SavingsObjectiveEntity
{
    public int Id { get; set; }
    public int SavingsPlanRecordId { get; set; }
    public int Position { get; set; }
    public required string Objective { get; set; }
    public string? BpReference { get; set; }

    /// <summary>Placement categories, one a line.</summary>
    public string? PlacementTypes { get; set; }
    public List<SavingsObjectiveValueEntity> Values { get; set; } = [];
}

public sealed class SavingsObjectiveValueEntity
{
    public int Id { get; set; }
    public int SavingsObjectiveRecordId { get; set; }
    public required Period Year { get; set; }
    public decimal ValueK { get; set; }
}

public sealed class SavingsStatedTotalEntity
{
    public int Id { get; set; }
    public int SavingsPlanRecordId { get; set; }
    public required Period Year { get; set; }
    public decimal ValueK { get; set; }
}

public sealed class SavingsPlacementLineEntity
{
    public int Id { get; set; }
    public int SavingsPlanRecordId { get; set; }
    public int Position { get; set; }
    public PlacementCategory PlacementType { get; set; }
    public required string Label { get; set; }
    public decimal BpSavingsK { get; set; }
    public decimal BudgetTransfersK { get; set; }
    public decimal? UnsplitK { get; set; }
}

internal sealed class SavingsPlanRecordConfiguration : IEntityTypeConfiguration<SavingsPlanEntity>
{
    public void Configure(EntityTypeBuilder<SavingsPlanEntity> plan)
    {
        plan.ToTable("savings_plans");
        plan.HasKey(p => p.Id);
        plan.Property(p => p.PlanId).HasMaxLength(200);
        plan.HasIndex(p => p.PlanId).IsUnique();
        plan.Property(p => p.ActionPlanId).HasMaxLength(200);
        plan.HasIndex(p => p.ActionPlanId);
        plan.Property(p => p.Title).HasMaxLength(500);
        plan.Property(p => p.Years).HasConversion(new FinancialYearListConverter(), new FinancialYearListComparer());
        plan.Property(p => p.PlacementYear).HasConversion(new FinancialYearConverter()).HasMaxLength(7);
        plan.Property(p => p.StatedPlacementBpSavingsK).HasPrecision(18, 3);
        plan.Property(p => p.StatedPlacementBudgetTransfersK).HasPrecision(18, 3);
        plan.Property(p => p.StatedPlacementTotalK).HasPrecision(18, 3);
        plan.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.SavingsPlanRecordId).OnDelete(DeleteBehavior.Cascade);
        plan.HasMany(p => p.StatedTotals).WithOne().HasForeignKey(t => t.SavingsPlanRecordId).OnDelete(DeleteBehavior.Cascade);
        plan.HasMany(p => p.PlacementLines).WithOne().HasForeignKey(l => l.SavingsPlanRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavingsObjectiveRecordConfiguration : IEntityTypeConfiguration<SavingsObjectiveEntity>
{
    public void Configure(EntityTypeBuilder<SavingsObjectiveEntity> objective)
    {
        objective.ToTable("savings_objectives");
        objective.HasKey(o => o.Id);
        objective.Property(o => o.Objective).HasMaxLength(500);
        objective.Property(o => o.BpReference).HasMaxLength(100);
        objective.HasMany(o => o.Values).WithOne().HasForeignKey(v => v.SavingsObjectiveRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavingsObjectiveValueRecordConfiguration : IEntityTypeConfiguration<SavingsObjectiveValueEntity>
{
    public void Configure(EntityTypeBuilder<SavingsObjectiveValueEntity> value)
    {
        value.ToTable("savings_objective_values");
        value.HasKey(v => v.Id);
        value.Property(v => v.Year).HasConversion(new FinancialYearConverter()).HasMaxLength(7);
        value.Property(v => v.ValueK).HasPrecision(18, 3);
    }
}

internal sealed class SavingsStatedTotalRecordConfiguration : IEntityTypeConfiguration<SavingsStatedTotalEntity>
{
    public void Configure(EntityTypeBuilder<SavingsStatedTotalEntity> total)
    {
        total.ToTable("savings_stated_totals");
        total.HasKey(t => t.Id);
        total.Property(t => t.Year).HasConversion(new FinancialYearConverter()).HasMaxLength(7);
        total.Property(t => t.ValueK).HasPrecision(18, 3);
    }
}

internal sealed class SavingsPlacementLineRecordConfiguration : IEntityTypeConfiguration<SavingsPlacementLineEntity>
{
    public void Configure(EntityTypeBuilder<SavingsPlacementLineEntity> line)
    {
        line.ToTable("savings_placement_lines");
        line.HasKey(l => l.Id);
        line.Property(l => l.PlacementType).HasConversion<string>().HasMaxLength(30);
        line.Property(l => l.Label).HasMaxLength(200);
        line.Property(l => l.BpSavingsK).HasPrecision(18, 3);
        line.Property(l => l.BudgetTransfersK).HasPrecision(18, 3);
        line.Property(l => l.UnsplitK).HasPrecision(18, 3);
    }
}
