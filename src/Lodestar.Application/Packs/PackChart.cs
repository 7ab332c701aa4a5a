namespace Lodestar.Application.Packs;

/// <summary>
/// Where a measure's trend chart puts its points, in one box: the HTML's SVG and the PDF's drawing both place
/// them with <see cref="Layout"/>, so the two charts are the same. Years run left to right; the scale runs
/// from the lowest to the highest value or target with a tenth of the range spare above and below. Every
/// label the charts print is a figure as the pack shows it, so a chart holds no number the pack does not.
/// </summary>
public static class PackChart
{
    /// <summary>The chart's points, or null when the trend has no value or target to draw (all empty or suppressed).</summary>
    public static IReadOnlyList<ChartPoint>? Layout(IReadOnlyList<PackPoint> points, double left, double top, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(points);
        var amounts = points.SelectMany(p => new[] { p.Amount, p.TargetAmount }).OfType<decimal>().ToList();
        if (amounts.Count == 0)
        {
            return null;
        }

        double low = (double)amounts.Min(), high = (double)amounts.Max();
        var spare = high > low ? (high - low) / 10 : Math.Max(Math.Abs(high) / 10, 1);
        low -= spare;
        high += spare;
        double Y(decimal? v) => v is { } a ? top + height - (((double)a - low) / (high - low) * height) : double.NaN;
        return [.. points.Select((p, i) => new ChartPoint(
            points.Count == 1 ? left + (width / 2) : left + (i * width / (points.Count - 1)),
            Y(p.Amount),
            Y(p.TargetAmount),
            p))];
    }

    /// <summary>A sentence saying what the chart shows, for its text alternative: "Value 9 in 2023-24, 12 in 2024-25; target 10 in 2024-25."</summary>
    public static string Describe(PackMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        static string Series(IEnumerable<(string Shown, string Period)> figures) =>
            string.Join(", ", figures.Where(f => f.Shown.Length > 0).Select(f => $"{f.Shown} in {f.Period}"));
        var values = Series(measure.History.Select(p => (p.Value, p.Period)));
        var targets = Series(measure.History.Select(p => (p.Target, p.Period)));
        var text = $"Trend of {measure.Label}: ";
        text += values.Length > 0 ? $"value {values}" : "no values";
        return text + (targets.Length > 0 ? $"; target {targets}." : "; no target.");
    }
}

/// <summary>One year on a chart: its x, the value's and the target's y (NaN where there is none to draw), and the figures shown.</summary>
public sealed record ChartPoint(double X, double ValueY, double TargetY, PackPoint Point)
{
    public bool HasValue => !double.IsNaN(ValueY);

    public bool HasTarget => !double.IsNaN(TargetY);
}
