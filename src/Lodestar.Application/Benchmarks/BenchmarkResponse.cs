using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Performance;

namespace Lodestar.Application.Benchmarks;

/// <summary>One DfE comparison on the wire: `lodestar benchmarks show --format json` and GET /api/v1/benchmarks (snake_case there) both write this (JSON field names are these, camel-cased).</summary>
/// <remarks><c>Year</c>: the DfE reporting year as a number, 2025 for 2024-04-01 to 2025-03-31.</remarks>
public sealed record BenchmarkResponse(
    BenchmarkMeasureInfo Measure,
    int Year,
    BenchmarkAreaInfo Council,
    BenchmarkAreaInfo? England,
    BenchmarkAreaInfo? Region,
    BenchmarkNeighboursInfo StatisticalNeighbours,
    BenchmarkPositionInfo? Position)
{
    public static BenchmarkResponse From(BenchmarkMeasure measure, Council council, BenchmarkComparison c) => new(
        new BenchmarkMeasureInfo(measure.Id, measure.Title, measure.Unit, c.Polarity.ToText(), measure.Source),
        c.Year,
        Area(c.Council) ?? new BenchmarkAreaInfo(council.LaNumber, council.Name, null, null, NoRow: true),
        Area(c.England),
        Area(c.Region),
        new BenchmarkNeighboursInfo(
            c.Neighbours.Average is { } a ? Math.Round(a, 4) : null,
            c.Neighbours.Used,
            c.Neighbours.Listed,
            c.Neighbours.Neighbours.Select(n => new BenchmarkNeighbourInfo(
                n.Position,
                n.Code,
                n.Name,
                n.Value?.Number,
                n.Value is { IsSuppressed: true } v ? v.ToString() : null,
                n.Value is null ? true : null)).ToArray()),
        c.Position is { } p
            ? new BenchmarkPositionInfo(p.Rank, p.Of, p.Quartile, p.Band(c.Polarity), p.Boundaries.LowerQuartile, p.Boundaries.Median, p.Boundaries.UpperQuartile)
            : null);

    private static BenchmarkAreaInfo? Area(AreaFigure? figure) => figure is null
        ? null
        : new BenchmarkAreaInfo(figure.Code, figure.Name, figure.Value.Number, figure.Value.IsSuppressed ? figure.Value.ToString() : null, null);
}

public sealed record BenchmarkMeasureInfo(string Id, string Title, string Unit, string Polarity, string Source);

/// <summary>
/// An area's figure: <see cref="Value"/>; or <see cref="Suppressed"/>, the DfE marker (c, x, z, k, u, low,
/// blank); or <see cref="NoRow"/> true when the file has no row for the area.
/// </summary>
public sealed record BenchmarkAreaInfo(string Code, string Name, decimal? Value, string? Suppressed, bool? NoRow);

public sealed record BenchmarkNeighboursInfo(decimal? Average, int Used, int Listed, IReadOnlyList<BenchmarkNeighbourInfo> Neighbours);

public sealed record BenchmarkNeighbourInfo(int Position, string Code, string? Name, decimal? Value, string? Suppressed, bool? NoRow);

/// <summary>Rank 1 = best by polarity (lowest value when polarity is neither); quartile 1 = A (best) … 4 = D.</summary>
public sealed record BenchmarkPositionInfo(int Rank, int Of, int Quartile, string Band, decimal LowerQuartile, decimal Median, decimal UpperQuartile);
