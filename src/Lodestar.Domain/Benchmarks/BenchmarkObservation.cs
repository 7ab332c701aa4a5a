using Lodestar.Domain.Performance;

namespace Lodestar.Domain.Benchmarks;

/// <summary>The three geographies the DfE publishes at.</summary>
public enum GeographicLevel
{
    National,
    Regional,
    LocalAuthority,
}

/// <summary>
/// One area's published figure for one measure and year.
/// </summary>
/// <remarks>
/// <c>MeasureId</c>: The measure's stable id (a KPI id of the catalogue where one exists).<br/>
/// <c>Year</c>: The DfE reporting year the figure is for, by the label of the year it ends in: 2025 is
/// 2024-04-01 to 2025-03-31 (<see cref="Periods.Period.ReportingYearLabel"/>); the reader maps the file's time_period to it.<br/>
/// <c>AreaCode</c>: E92000001 for England, the region code (E12…/E13…), or the council's three-digit old_la_code.<br/>
/// <c>RegionCode</c>: For a council, the region it is published under (Inner/Outer London for London boroughs); otherwise null.<br/>
/// <c>SourceFile</c>: The DfE file the figure came from.<br/>
/// </remarks>
public sealed record BenchmarkObservation(
    string MeasureId,
    int Year,
    GeographicLevel Level,
    string AreaCode,
    string AreaName,
    string? RegionCode,
    BenchmarkValue Value,
    string SourceFile);

/// <summary>What a benchmarked measure is, as the mapping describes it.</summary>
/// <remarks>
/// <c>Unit</c>: percent (0–100), rate_per_10k, count, months, fte, ratio …<br/>
/// <c>Source</c>: Where the figures come from, for people: file, filters and indicator column.<br/>
/// </remarks>
public sealed record BenchmarkMeasure(string Id, string Title, string Unit, Polarity Polarity, string Source);

/// <summary>One of a council's statistical neighbours, in the DfE's order (1 = nearest).</summary>
public sealed record StatisticalNeighbour(string CouncilCode, int Position, string NeighbourCode, string Closeness);

/// <summary>Everything one import brings: the measures, their figures, and optionally a statistical neighbour model.</summary>
public sealed record BenchmarkImport(
    IReadOnlyList<BenchmarkMeasure> Measures,
    IReadOnlyList<BenchmarkObservation> Observations,
    IReadOnlyList<StatisticalNeighbour> Neighbours);
