using Lodestar.Domain.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Actions;

/// <summary>A stored action plan. Its items are replaced on each import; its history is only ever added to.</summary>
internal sealed class ActionPlanEntity
{
    public int Id { get; set; }
    public required string PlanId { get; set; }
    public required string Title { get; set; }
    public string? Council { get; set; }
    public string? Source { get; set; }
    public DateOnly? AsAt { get; set; }
    public int WarningWindowDays { get; set; }
    public string? Notes { get; set; }
    public List<ActionItemEntity> Items { get; set; } = [];
    public List<ActionPlanTargetEntity> Targets { get; set; } = [];
    public List<ActionHistoryEntity> History { get; set; } = [];
}

/// <summary>What an <see cref="ActionItemEntity"/> is.</summary>
public enum ActionItemKind
{
    Outcome,
    Workstream,
    Deliverable,
}

/// <summary>An outcome, workstream or deliverable of a plan, in document order (<see cref="Position"/>).</summary>
internal sealed class ActionItemEntity
{
    public int Id { get; set; }
    public int PlanRecordId { get; set; }
    public int Position { get; set; }
    public ActionItemKind Kind { get; set; }
    public required string Number { get; set; }

    /// <summary>The title of an outcome or workstream, the text of a deliverable.</summary>
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Leads, one a line.</summary>
    public string? Leads { get; set; }
    public string? TargetAgeGroup { get; set; }
    public ActionPriority? Priority { get; set; }
    public ImpactObjective? ImpactObjective { get; set; }
    public string? ExpectedImpact { get; set; }
    public string? HowMeasured { get; set; }
    public decimal? TargetSavingK { get; set; }
    public decimal? TargetReduction52Wk { get; set; }
    public ActionRag? RecordedRag { get; set; }
    public DateOnly? TargetEnd { get; set; }
    public DateOnly? RevisedEnd { get; set; }
    public DateOnly? Completed { get; set; }

    /// <summary>Linked measure ids, one a line.</summary>
    public string? Measures { get; set; }
}

/// <summary>A target on a measure that a plan sets.</summary>
internal sealed class ActionPlanTargetEntity
{
    public int Id { get; set; }
    public int PlanRecordId { get; set; }
    public int Position { get; set; }
    public required string MeasureId { get; set; }
    public string? CouncilCode { get; set; }
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
}

/// <summary>What an <see cref="ActionHistoryEntity"/> records.</summary>
public enum ActionHistoryKind
{
    Progress,
    Override,
}

/// <summary>
/// One entry of a workstream's or deliverable's history: a progress update, or a manager's RAG override
/// (a null <see cref="Rag"/> clears one). Entries are never changed or deleted; <see cref="Sequence"/> keeps
/// the order they were recorded in.
/// </summary>
public sealed class ActionHistoryEntity
{
    public long Id { get; set; }
    public int PlanRecordId { get; set; }
    public ActionItemKind ItemKind { get; set; }
    public required string ItemNumber { get; set; }
    public ActionHistoryKind Kind { get; set; }
    public int Sequence { get; set; }
    public DateOnly Date { get; set; }
    public required string By { get; set; }

    /// <summary>The update's text, or the override's reason.</summary>
    public required string Text { get; set; }
    public ActionRag? Rag { get; set; }
}

internal sealed class ActionPlanRecordConfiguration : IEntityTypeConfiguration<ActionPlanEntity>
{
    public void Configure(EntityTypeBuilder<ActionPlanEntity> plan)
    {
        plan.ToTable("action_plans");
        plan.HasKey(p => p.Id);
        plan.Property(p => p.PlanId).HasMaxLength(200);
        plan.HasIndex(p => p.PlanId).IsUnique();
        plan.Property(p => p.Title).HasMaxLength(500);
        plan.Property(p => p.Council).HasMaxLength(9);
        plan.Property(p => p.Source).HasMaxLength(200);
        plan.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanRecordId).OnDelete(DeleteBehavior.Cascade);
        plan.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PlanRecordId).OnDelete(DeleteBehavior.Cascade);
        plan.HasMany(p => p.History).WithOne().HasForeignKey(h => h.PlanRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionItemRecordConfiguration : IEntityTypeConfiguration<ActionItemEntity>
{
    public void Configure(EntityTypeBuilder<ActionItemEntity> item)
    {
        item.ToTable("action_items");
        item.HasKey(i => i.Id);
        item.Property(i => i.Number).HasMaxLength(40);
        item.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.Priority).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.ImpactObjective).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.RecordedRag).HasConversion<string>().HasMaxLength(10);
        item.Property(i => i.TargetAgeGroup).HasMaxLength(40);
        item.Property(i => i.TargetSavingK).HasPrecision(18, 3);
        item.Property(i => i.TargetReduction52Wk).HasPrecision(18, 3);
        item.HasIndex(i => new { i.PlanRecordId, i.Kind, i.Number }).IsUnique();
    }
}

internal sealed class ActionPlanTargetRecordConfiguration : IEntityTypeConfiguration<ActionPlanTargetEntity>
{
    public void Configure(EntityTypeBuilder<ActionPlanTargetEntity> target)
    {
        target.ToTable("action_plan_targets");
        target.HasKey(t => t.Id);
        target.Property(t => t.MeasureId).HasMaxLength(100);
        target.Property(t => t.CouncilCode).HasMaxLength(9);
        target.Property(t => t.Value).HasPrecision(18, 4);
    }
}

internal sealed class ActionHistoryRecordConfiguration : IEntityTypeConfiguration<ActionHistoryEntity>
{
    public void Configure(EntityTypeBuilder<ActionHistoryEntity> history)
    {
        history.ToTable("action_history");
        history.HasKey(h => h.Id);
        history.Property(h => h.ItemKind).HasConversion<string>().HasMaxLength(20);
        history.Property(h => h.ItemNumber).HasMaxLength(40);
        history.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        history.Property(h => h.By).HasMaxLength(200);
        history.Property(h => h.Rag).HasConversion<string>().HasMaxLength(10);
        history.HasIndex(h => new { h.PlanRecordId, h.ItemKind, h.ItemNumber, h.Sequence });
    }
}
