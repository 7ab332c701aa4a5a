using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Returns;

/// <summary>
/// One stored KPI result: a council's value of one KPI (and category) for one period, as the KPI engine computed
/// it from the council's confirmed submissions. A council's results are replaced whole, in the transaction that
/// changes its confirmed submissions (docs/returns.md, "Stored results").
/// </summary>
public sealed class KpiResultEntity
{
    /// <summary>The council's code, e.g. E10000003.</summary>
    public required string CouncilCode { get; set; }

    /// <summary>The KPI's id in the catalogue, e.g. cla_at_end.</summary>
    public required string Kpi { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    /// <summary>The category of a KPI broken down by category (cpp_by_category); empty for every other KPI (a key column cannot be null).</summary>
    public string Category { get; set; } = "";

    /// <summary>Null when there is no value (an empty denominator, no population for a rate), never 0 for "unknown".</summary>
    public double? Value { get; set; }

    public double? Numerator { get; set; }

    public double? Denominator { get; set; }
}

/// <summary>
/// What a council's stored results were computed from: the version of its confirmed returns
/// (<c>council_versions</c>), the engine's inputs besides them, when, and how many results; the submissions
/// themselves are <see cref="KpiResultSourceEntity"/> rows.
/// </summary>
public sealed class KpiResultSetEntity
{
    /// <summary>The council's code, e.g. E10000003.</summary>
    public required string CouncilCode { get; set; }

    /// <summary>The council's version (<c>council_versions</c>) the results were computed at.</summary>
    public long Version { get; set; }

    /// <summary>
    /// What the engine computed with besides the returns (the KPI engine's <c>KpiOptions.Inputs</c>: the postcode lookup's
    /// digest, or empty without one). Results of other inputs than the host's are out of date, as those of another version.
    /// </summary>
    public string Inputs { get; set; } = "";

    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>How many results are stored for the council.</summary>
    public int Results { get; set; }
}

/// <summary>One confirmed submission a council's stored results were computed from.</summary>
public sealed class KpiResultSourceEntity
{
    public required string CouncilCode { get; set; }

    public long SubmissionId { get; set; }
}

internal sealed class KpiResultConfiguration : IEntityTypeConfiguration<KpiResultEntity>
{
    public void Configure(EntityTypeBuilder<KpiResultEntity> result)
    {
        result.ToTable("kpi_results");
        // A council's rows together: a refresh deletes them by the key's first column.
        result.HasKey(r => new { r.CouncilCode, r.Kpi, r.PeriodStart, r.PeriodEnd, r.Category });
        result.Property(r => r.CouncilCode).HasMaxLength(9);
        result.Property(r => r.Kpi).HasMaxLength(60);
        result.Property(r => r.Category).HasMaxLength(100);
        // The national views: every council's value of some KPIs for one period.
        result.HasIndex(r => new { r.Kpi, r.PeriodEnd, r.PeriodStart });
    }
}

internal sealed class KpiResultSetConfiguration : IEntityTypeConfiguration<KpiResultSetEntity>
{
    public void Configure(EntityTypeBuilder<KpiResultSetEntity> set)
    {
        set.ToTable("kpi_result_sets");
        set.HasKey(s => s.CouncilCode);
        set.Property(s => s.CouncilCode).HasMaxLength(9);
        // Results stored before the column (its migration gives them "") were computed without a postcode lookup: no host gave one.
        set.Property(s => s.Inputs).HasMaxLength(200);
    }
}

internal sealed class KpiResultSourceConfiguration : IEntityTypeConfiguration<KpiResultSourceEntity>
{
    public void Configure(EntityTypeBuilder<KpiResultSourceEntity> source)
    {
        source.ToTable("kpi_result_sources");
        source.HasKey(s => new { s.CouncilCode, s.SubmissionId });
        source.Property(s => s.CouncilCode).HasMaxLength(9);
        source.HasOne<SubmissionEntity>().WithMany().HasForeignKey(s => s.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        source.HasIndex(s => s.SubmissionId);
    }
}
