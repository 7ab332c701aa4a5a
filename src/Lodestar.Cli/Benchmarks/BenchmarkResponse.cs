using Lodestar.Data.Benchmarks;
using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Performance;

namespace Lodestar.Cli.Benchmarks;

/// <summary>The comparison as `benchmarks show` prints it (JSON field names are these, camel-cased).</summary>
internal sealed record BenchmarkResponse(
    MeasureInfo Measure,
    string Year,
    AreaInfo Council,
    AreaInfo? England,
    AreaInfo? Region,
    NeighboursInfo StatisticalNeighbours,
    PositionInfo? Position)
{
    public static BenchmarkResponse From(BenchmarkMeasure measure, BenchmarkCouncil council, BenchmarkComparison c) => new(
        new MeasureInfo(measure.Id, measure.Title, measure.Unit, c.Polarity.ToText(), measure.Source),
        c.Year,
        Area(c.Council) ?? new AreaInfo(council.LaNumber, council.Name, null, null, NoRow: true),
        Area(c.England),
        Area(c.Region),
        new NeighboursInfo(
            c.Neighbours.Average is { } a ? Math.Round(a, 4) : null,
            c.Neighbours.Used,
            c.Neighbours.Listed,
            c.Neighbours.Neighbours.Select(n => new NeighbourInfo(
                n.Position,
                n.Code,
                n.Name,
                n.Value?.Number,
                n.Value is { IsSuppressed: true } v ? v.ToString() : null,
                n.Value is null ? true : null)).ToArray()),
        c.Position is { } p
            ? new PositionInfo(p.Rank, p.Of, p.Quartile, p.Band(c.Polarity), p.Boundaries.LowerQuartile, p.Boundaries.Median, p.Boundaries.UpperQuartile)
            : null);

    private static AreaInfo? Area(AreaFigure? figure) => figure is null
        ? null
        : new AreaInfo(figure.Code, figure.Name, figure.Value.Number, figure.Value.IsSuppressed ? figure.Value.ToString() : null, null);
}

internal sealed record MeasureInfo(string Id, string Title, string Unit, string Polarity, string Source);

/// <summary>
/// An area's figure: <see cref="Value"/>; or <see cref="Suppressed"/>, the DfE marker (c, x, z, k, u, low,
/// blank); or <see cref="NoRow"/> true when the file has no row for the area.
/// </summary>
internal sealed record AreaInfo(string Code, string Name, decimal? Value, string? Suppressed, bool? NoRow);

internal sealed record NeighboursInfo(decimal? Average, int Used, int Listed, IReadOnlyList<NeighbourInfo> Neighbours);

internal sealed record NeighbourInfo(int Position, string Code, string? Name, decimal? Value, string? Suppressed, bool? NoRow);

/// <summary>Rank 1 = best by polarity (lowest value when polarity is neither); quartile 1 = A (best) … 4 = D.</summary>
internal sealed record PositionInfo(int Rank, int Of, int Quartile, string Band, decimal LowerQuartile, decimal Median, decimal UpperQuartile);
