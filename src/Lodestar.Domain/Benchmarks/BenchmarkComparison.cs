using Lodestar.Domain.Performance;

namespace Lodestar.Domain.Benchmarks;

/// <summary>A council's figure for one measure and year beside England, its region, its statistical neighbours and all councils.</summary>
/// <remarks>
/// <c>Year</c>: The DfE reporting year (2025 = 2024-04-01 to 2025-03-31).<br/>
/// <c>Council</c>: The council's own figure; null when the file has no row for it.<br/>
/// <c>England</c>: England's figure; null when not published.<br/>
/// <c>Region</c>: The figure of the region the council is published under; null when unknown.<br/>
/// <c>Position</c>: Rank and quartile among all councils with a number; null when the council's figure is suppressed or missing.<br/>
/// </remarks>
public sealed record BenchmarkComparison(
    string MeasureId,
    int Year,
    Polarity Polarity,
    AreaFigure? Council,
    AreaFigure? England,
    AreaFigure? Region,
    NeighbourAverage Neighbours,
    BenchmarkPosition? Position);

public sealed record AreaFigure(string Code, string Name, BenchmarkValue Value);

/// <summary>One statistical neighbour's figure; <see cref="Value"/> is null when the file has no row for it.</summary>
public sealed record NeighbourFigure(int Position, string Code, string? Name, BenchmarkValue? Value);

/// <summary>
/// The mean of the statistical neighbours' figures, over those with a number: <see cref="Used"/> of
/// <see cref="Listed"/>. Suppressed neighbours are left out, never counted as zero.
/// </summary>
public sealed record NeighbourAverage(decimal? Average, int Used, int Listed, IReadOnlyList<NeighbourFigure> Neighbours);

/// <summary>The quartile boundaries of all councils' figures (inclusive method, values ascending).</summary>
public sealed record QuartileBoundaries(decimal LowerQuartile, decimal Median, decimal UpperQuartile);

/// <summary>
/// Where a council stands among the councils with a number. <see cref="Rank"/> 1 is the best by
/// polarity (the lowest value when polarity is neither); tied values share the best rank of the tie.
/// <see cref="Quartile"/> 1 is the best quartile (A) … 4 the worst (D); for a measure with no better
/// direction, 1 holds the lowest values and 4 the highest.
/// </summary>
public sealed record BenchmarkPosition(int Rank, int Of, int Quartile, QuartileBoundaries Boundaries)
{
    /// <summary>A–D for a measure with a better direction; Q1–Q4 (lowest to highest) otherwise.</summary>
    public string Band(Polarity polarity) =>
        polarity == Polarity.Neither ? $"Q{Quartile}" : ((char)('A' + Quartile - 1)).ToString();
}
