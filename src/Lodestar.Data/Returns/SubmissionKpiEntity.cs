using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Returns;

/// <summary>The step of a submission at which its headline KPIs were recorded.</summary>
public enum SubmissionStep
{
    /// <summary>The submission was confirmed.</summary>
    Confirmed,

    /// <summary>The submission was rolled back.</summary>
    RolledBack,
}

/// <summary>
/// One headline KPI of a submission's collection year, before and after one of its steps (confirmed,
/// rolled back), recorded in the step's transaction: what the step changed, kept with the history.
/// </summary>
public sealed class SubmissionKpiEntity
{
    public long SubmissionId { get; set; }

    public SubmissionStep Step { get; set; }

    /// <summary>The KPI's id in the catalogue, e.g. cla_at_end.</summary>
    public required string Kpi { get; set; }

    /// <summary>The value before the step; null when there was none (no data, nothing to divide by).</summary>
    public double? Before { get; set; }

    /// <summary>The value after the step; null when there is none.</summary>
    public double? After { get; set; }
}

internal sealed class SubmissionKpiConfiguration : IEntityTypeConfiguration<SubmissionKpiEntity>
{
    public void Configure(EntityTypeBuilder<SubmissionKpiEntity> kpi)
    {
        kpi.ToTable("submission_kpis");
        kpi.HasKey(k => new { k.SubmissionId, k.Step, k.Kpi });
        kpi.Property(k => k.Step).HasConversion<string>().HasMaxLength(20);
        kpi.Property(k => k.Kpi).HasMaxLength(60);
        kpi.HasOne<SubmissionEntity>().WithMany().HasForeignKey(k => k.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
