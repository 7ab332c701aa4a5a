namespace Lodestar.Metrics.Forecast;

/// <summary>The distribution of one simulated quantity: the median and the 80 % and 95 % intervals.</summary>
public readonly record struct ForecastInterval(double Median, double Lower80, double Upper80, double Lower95, double Upper95)
{
    /// <summary>The interval of <paramref name="sorted"/> values (ascending), by linear interpolation between order statistics.</summary>
    public static ForecastInterval Of(ReadOnlySpan<double> sorted) => new(
        Quantile(sorted, 0.5), Quantile(sorted, 0.1), Quantile(sorted, 0.9), Quantile(sorted, 0.025), Quantile(sorted, 0.975));

    /// <summary>The <paramref name="q"/> quantile of ascending values (Hyndman and Fan's type 7, R's default).</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Whether <paramref name="value"/> is within the 80 % interval.</summary>
    public bool Holds80(double value) => value >= Lower80 && value <= Upper80;

    /// <summary>Whether <paramref name="value"/> is within the 95 % interval.</summary>
    public bool Holds95(double value) => value >= Lower95 && value <= Upper95;
}

/// <summary>
/// Children looked after at one month end: in total (<see cref="Category"/> "all") or in one placement category
/// (<see cref="ForecastResult.Points"/>), or in one age band, <see cref="Category"/> the band's name (<see cref="ForecastResult.AgeBandPoints"/>).
/// </summary>
public sealed record ForecastPoint(DateOnly Month, string Category, ForecastInterval Value);

/// <summary>
/// 52-week placement equivalents in one financial year (April to March, named by the year it starts)
/// over the forecast months in it (<see cref="Months"/>): each month end's children × the month's days ÷ 364.
/// </summary>
public sealed record PlacementYearForecast(int FinancialYear, string Category, int Months, ForecastInterval Value);

/// <summary>
/// 52-week placement equivalents in one financial year by age band (<see cref="AgeBands.Names"/>: the child's
/// completed years at each month end), over the forecast months in it: each month end's children in the
/// band × the month's days ÷ 364. The bands of a run add up to its placement categories.
/// </summary>
public sealed record AgeBandYearForecast(int FinancialYear, string AgeBand, int Months, ForecastInterval Value);

/// <summary>
/// A forecast: the month ends after <see cref="Start"/> with their intervals (in total and by placement category,
/// <see cref="Points"/>; by age band, <see cref="AgeBandPoints"/>, whose <see cref="ForecastPoint.Category"/> is the
/// band's name), and the placement equivalents by category and by age band.
/// </summary>
public sealed record ForecastResult(
    DateOnly Start,
    int StartCount,
    string? Scenario,
    IReadOnlyList<ForecastPoint> Points,
    IReadOnlyList<PlacementYearForecast> PlacementYears,
    IReadOnlyList<AgeBandYearForecast> AgeBandYears,
    IReadOnlyList<ForecastPoint> AgeBandPoints)
{
    /// <summary>The category name of the total.</summary>
    public const string All = "all";

    /// <summary>The point for <paramref name="month"/> and <paramref name="category"/>, or null.</summary>
    public ForecastPoint? At(DateOnly month, string category = All) =>
        Points.FirstOrDefault(p => p.Month == month && p.Category == category);

    /// <summary>Children in age band <paramref name="band"/> (<see cref="AgeBands.Names"/>) at <paramref name="month"/>, or null.</summary>
    public ForecastPoint? InBandAt(DateOnly month, string band) =>
        AgeBandPoints.FirstOrDefault(p => p.Month == month && p.Category == band);
}
