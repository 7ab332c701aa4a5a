using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Benchmarks;

/// <summary>
/// One area's published DfE figure for a measure and year. Exactly one of <see cref="Value"/> and
/// <see cref="Suppression"/> is set: a suppressed cell keeps its marker and is never stored as 0.
/// </summary>
internal sealed class BenchmarkValueEntity
{
    public long Id { get; set; }
    public required string MeasureId { get; set; }

    /// <summary>The DfE reporting year, by the year it ends in (2025 = 2024-04-01 to 2025-03-31).</summary>
    public int Year { get; set; }
    public GeographicLevel Level { get; set; }

    /// <summary>E92000001 for England, the region code, or the council's old_la_code.</summary>
    public required string AreaCode { get; set; }
    public required string AreaName { get; set; }

    /// <summary>For a council, the region it is published under.</summary>
    public string? RegionCode { get; set; }
    public decimal? Value { get; set; }

    /// <summary>The DfE marker (c, x, z, k, u, low, or "" for a blank cell) when the figure was not published.</summary>
    public string? Suppression { get; set; }
    public required string SourceFile { get; set; }

    public BenchmarkObservation ToObservation() => new(
        MeasureId,
        Year,
        Level,
        AreaCode,
        AreaName,
        RegionCode,
        Suppression is null ? BenchmarkValue.Of(Normalised(Value) ?? throw new InvalidOperationException($"Benchmark value {Id} has neither a value nor a suppression marker.")) : BenchmarkValue.Suppressed(Suppression),
        SourceFile);

    // SQLite keeps decimals as text ("13.0"); drop trailing zeros so 13 reads back as 13 on every database.
    private static decimal? Normalised(decimal? value) => value / 1.0000000000000000000000000000m;
}

/// <summary>A benchmarked measure as the mapping described it at its last import.</summary>
internal sealed class BenchmarkMeasureEntity
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required string Unit { get; set; }
    public Polarity Polarity { get; set; }
    public required string Source { get; set; }

    public BenchmarkMeasure ToMeasure() => new(Id, Title, Unit, Polarity, Source);
}

/// <summary>One of a council's DfE statistical neighbours (position 1 = nearest).</summary>
internal sealed class StatisticalNeighbourEntity
{
    public int Id { get; set; }
    public required string CouncilCode { get; set; }
    public int Position { get; set; }
    public required string NeighbourCode { get; set; }
    public required string Closeness { get; set; }

    public StatisticalNeighbour ToNeighbour() => new(CouncilCode, Position, NeighbourCode, Closeness);
}

internal sealed class BenchmarkValueRecordConfiguration : IEntityTypeConfiguration<BenchmarkValueEntity>
{
    public void Configure(EntityTypeBuilder<BenchmarkValueEntity> value)
    {
        value.ToTable("benchmark_values", t => t.HasCheckConstraint(
            "CK_benchmark_values_value_or_suppression",
            "(\"Value\" IS NULL) <> (\"Suppression\" IS NULL)"));
        value.HasKey(v => v.Id);
        value.Property(v => v.MeasureId).HasMaxLength(80);
        value.Property(v => v.Level).HasConversion<string>().HasMaxLength(20);
        value.Property(v => v.AreaCode).HasMaxLength(12);
        value.Property(v => v.AreaName).HasMaxLength(120);
        value.Property(v => v.RegionCode).HasMaxLength(12);
        value.Property(v => v.Value).HasPrecision(19, 4);
        value.Property(v => v.Suppression).HasMaxLength(4);
        value.Property(v => v.SourceFile).HasMaxLength(200);
        value.HasIndex(v => new { v.MeasureId, v.Year, v.Level, v.AreaCode }).IsUnique();
    }
}

internal sealed class BenchmarkMeasureRecordConfiguration : IEntityTypeConfiguration<BenchmarkMeasureEntity>
{
    public void Configure(EntityTypeBuilder<BenchmarkMeasureEntity> measure)
    {
        measure.ToTable("benchmark_measures");
        measure.HasKey(m => m.Id);
        measure.Property(m => m.Id).HasMaxLength(80);
        measure.Property(m => m.Title).HasMaxLength(300);
        measure.Property(m => m.Unit).HasMaxLength(30);
        measure.Property(m => m.Polarity).HasConversion<string>().HasMaxLength(20);
        measure.Property(m => m.Source).HasMaxLength(600);
    }
}

internal sealed class StatisticalNeighbourRecordConfiguration : IEntityTypeConfiguration<StatisticalNeighbourEntity>
{
    public void Configure(EntityTypeBuilder<StatisticalNeighbourEntity> neighbour)
    {
        neighbour.ToTable("statistical_neighbours");
        neighbour.HasKey(n => n.Id);
        neighbour.Property(n => n.CouncilCode).HasMaxLength(3);
        neighbour.Property(n => n.NeighbourCode).HasMaxLength(3);
        neighbour.Property(n => n.Closeness).HasMaxLength(40);
        neighbour.HasIndex(n => new { n.CouncilCode, n.Position }).IsUnique();
    }
}
