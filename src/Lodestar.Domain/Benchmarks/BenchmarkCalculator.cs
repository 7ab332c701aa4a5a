using Lodestar.Domain.Performance;

namespace Lodestar.Domain.Benchmarks;

/// <summary>
/// Compares one council with England, its region, its statistical neighbours and all councils, from
/// every area's published figures for one measure and year. Pure: figures in, comparison out.
/// </summary>
public static class BenchmarkCalculator
{
    public const string EnglandCode = "E92000001";

    /// <remarks>
    /// <c>figures</c>: Every area's figure for one measure and year (national, regional and council rows).<br/>
    /// <c>councilCode</c>: The council's old_la_code.<br/>
    /// <c>neighbours</c>: The council's statistical neighbours (any order; reported by position).<br/>
    /// </remarks>
    public static BenchmarkComparison Compare(
        string measureId,
        int year,
        Polarity polarity,
        IReadOnlyList<BenchmarkObservation> figures,
        string councilCode,
        IReadOnlyList<StatisticalNeighbour> neighbours)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(neighbours);

        var councils = new Dictionary<string, BenchmarkObservation>(StringComparer.Ordinal);
        BenchmarkObservation? england = null;
        var regions = new Dictionary<string, BenchmarkObservation>(StringComparer.Ordinal);
        foreach (var figure in figures)
        {
            if (figure.MeasureId != measureId || figure.Year != year)
            {
                throw new ArgumentException($"A figure for {figure.MeasureId} {figure.Year} was passed with {measureId} {year}.", nameof(figures));
            }

            switch (figure.Level)
            {
                case GeographicLevel.National:
                    england = figure;
                    break;
                case GeographicLevel.Regional:
                    regions[figure.AreaCode] = figure;
                    break;
                case GeographicLevel.LocalAuthority:
                    councils[figure.AreaCode] = figure;
                    break;
                default:
                    throw new ArgumentException($"Unknown geographic level {figure.Level}.", nameof(figures));
            }
        }

        councils.TryGetValue(councilCode, out var council);
        BenchmarkObservation? region = null;
        if (council?.RegionCode is { } regionCode)
        {
            regions.TryGetValue(regionCode, out region);
        }

        var allCouncilNumbers = councils.Values
            .Where(c => c.Value.Number.HasValue)
            .Select(c => c.Value.Number!.Value)
            .ToArray();
        var position = council?.Value.Number is { } value ? Position(value, allCouncilNumbers, polarity) : null;

        return new BenchmarkComparison(
            measureId,
            year,
            polarity,
            Figure(council),
            Figure(england),
            Figure(region),
            Average(neighbours.Where(n => n.CouncilCode == councilCode).OrderBy(n => n.Position), councils),
            position);
    }

    /// <summary>
    /// Rank (1 = best by polarity, ties share the best rank of the tie — "1, 2, 2, 4") and quartile of
    /// <paramref name="value"/> among <paramref name="values"/>, which must include it.
    /// </summary>
    public static BenchmarkPosition Position(decimal value, IReadOnlyCollection<decimal> values, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.Contains(value))
        {
            throw new ArgumentException("The value ranked must be one of the values.", nameof(values));
        }

        var better = polarity == Polarity.HigherIsBetter
            ? values.Count(v => v > value)
            : values.Count(v => v < value);
        var boundaries = Boundaries(values);
        return new BenchmarkPosition(better + 1, values.Count, Quartile(value, boundaries, polarity), boundaries);
    }

    /// <summary>
    /// Quartile boundaries by value, the inclusive method (as Excel's QUARTILE.INC): with the n values
    /// sorted ascending, the q-th quartile sits at position (n − 1) × q / 4, interpolating between neighbours.
    /// </summary>
    public static QuartileBoundaries Boundaries(IReadOnlyCollection<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("Quartiles need at least one value.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        return new QuartileBoundaries(At(sorted, 1), At(sorted, 2), At(sorted, 3));

        static decimal At(decimal[] sorted, int quarter)
        {
            var position = (sorted.Length - 1) * quarter / 4m;
            var below = (int)Math.Floor(position);
            var fraction = position - below;
            return below + 1 < sorted.Length
                ? sorted[below] + (fraction * (sorted[below + 1] - sorted[below]))
                : sorted[below];
        }
    }

    /// <summary>
    /// The band a value falls in: a value on a boundary goes to the better band (for neither polarity,
    /// the lower one). Ties therefore always share a quartile.
    /// </summary>
    private static int Quartile(decimal value, QuartileBoundaries b, Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter =>
            value >= b.UpperQuartile ? 1 : value >= b.Median ? 2 : value >= b.LowerQuartile ? 3 : 4,
        _ => value <= b.LowerQuartile ? 1 : value <= b.Median ? 2 : value <= b.UpperQuartile ? 3 : 4,
    };

    private static NeighbourAverage Average(
        IEnumerable<StatisticalNeighbour> neighbours,
        IReadOnlyDictionary<string, BenchmarkObservation> councils)
    {
        var figures = new List<NeighbourFigure>();
        var sum = 0m;
        var used = 0;
        foreach (var neighbour in neighbours)
        {
            councils.TryGetValue(neighbour.NeighbourCode, out var figure);
            figures.Add(new NeighbourFigure(neighbour.Position, neighbour.NeighbourCode, figure?.AreaName, figure?.Value));
            if (figure?.Value.Number is { } number)
            {
                sum += number;
                used++;
            }
        }

        return new NeighbourAverage(used == 0 ? null : sum / used, used, figures.Count, figures);
    }

    private static AreaFigure? Figure(BenchmarkObservation? observation) =>
        observation is null ? null : new AreaFigure(observation.AreaCode, observation.AreaName, observation.Value);
}
