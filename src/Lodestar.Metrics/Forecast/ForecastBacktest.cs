namespace Lodestar.Metrics.Forecast;

/// <summary>One backtest forecast: as at a year end, the total forecast <see cref="Horizon"/> months on against what the returns showed.</summary>
public sealed record BacktestPoint(DateOnly AsAt, int Horizon, DateOnly Month, string Category, double Actual, ForecastInterval Forecast)
{
    /// <summary>|forecast − actual| ÷ actual, or null when the actual is 0.</summary>
    public double? AbsolutePercentageError => Actual == 0 ? null : Math.Abs(Forecast.Median - Actual) / Actual;
}

/// <summary>A council's backtest summed up at one horizon: mean absolute percentage error and how often each interval held the actual.</summary>
public sealed record BacktestSummary(int Horizon, string Category, int Forecasts, double Mape, double Coverage80, double Coverage95);

/// <summary>A council's backtest: every forecast and the summaries by horizon (total, then each category).</summary>
public sealed record BacktestResult(IReadOnlyList<BacktestPoint> Points, IReadOnlyList<BacktestSummary> Summaries);

/// <summary>
/// Honest accuracy: as at each 31 March from a year after the returns begin, forecast from what was known
/// then, and compare the month ends <see cref="Horizons"/> months on with the children the returns show
/// looked after on those days (the later returns; the forecast never sees them).
/// </summary>
public static class ForecastBacktest
{
    /// <summary>The horizons compared: 12 and 24 months.</summary>
    public static readonly IReadOnlyList<int> Horizons = [12, 24];

    /// <summary>The backtest of one council's spells, covered from <paramref name="coveredFrom"/> to <paramref name="coveredTo"/> (the last day of the latest return).</summary>
    public static BacktestResult Run(IReadOnlyList<CareSpell> spells, DateOnly coveredFrom, DateOnly coveredTo, ForecastOptions options, int windowMonths = ForecastEstimator.DefaultWindowMonths)
    {
        ArgumentNullException.ThrowIfNull(spells);
        ArgumentNullException.ThrowIfNull(options);
        var points = new List<BacktestPoint>();
        var longest = Horizons.Max();
        for (var asAt = new DateOnly(coveredFrom.Year + (coveredFrom.Month >= 4 ? 1 : 0), 3, 31); asAt.AddMonths(Horizons.Min()) <= coveredTo; asAt = asAt.AddYears(1))
        {
            if (asAt < coveredFrom.AddMonths(12).AddDays(-1))
            {
                continue;
            }

            var model = ForecastEstimator.Estimate(spells, asAt, coveredFrom, windowMonths);
            var months = Math.Min(longest, MonthsBetween(asAt, coveredTo));
            var forecast = ForecastSimulator.Simulate(model, options with { Months = months });
            foreach (var horizon in Horizons.Where(h => h <= months))
            {
                var month = ForecastEstimator.MonthEnd(asAt.AddMonths(horizon));
                var actual = CountOn(spells, month);
                for (var k = 0; k <= ForecastCategories.Count; k++)
                {
                    var category = k == 0 ? ForecastResult.All : ForecastCategories.Names[k - 1];
                    points.Add(new BacktestPoint(asAt, horizon, month, category, k == 0 ? actual.Sum() : actual[k - 1], forecast.At(month, category)!.Value));
                }
            }
        }

        var summaries = points
            .GroupBy(p => (p.Horizon, p.Category))
            .OrderBy(g => g.Key.Horizon).ThenBy(g => g.Key.Category == ForecastResult.All ? -1 : ForecastCategories.IndexOf(g.Key.Category))
            .Select(g => new BacktestSummary(
                g.Key.Horizon,
                g.Key.Category,
                g.Count(),
                g.Select(p => p.AbsolutePercentageError).OfType<double>().DefaultIfEmpty(double.NaN).Average(),
                g.Average(p => p.Forecast.Holds80(p.Actual) ? 1.0 : 0.0),
                g.Average(p => p.Forecast.Holds95(p.Actual) ? 1.0 : 0.0)))
            .ToList();
        return new BacktestResult(points, summaries);
    }

    /// <summary>Children looked after at the end of <paramref name="day"/> (under 18), by category.</summary>
    public static int[] CountOn(IReadOnlyList<CareSpell> spells, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(spells);
        var state = new Dictionary<int, (DateOnly Start, int Category)>();
        foreach (var spell in spells)
        {
            if (spell.Start <= day && (spell.End is not { } end || end > day) && AgeBands.MonthsOld(spell.BirthDate, day) is >= 0 and < AgeBands.AdultMonths
                && (!state.TryGetValue(spell.Child, out var held) || held.Start <= spell.Start))
            {
                state[spell.Child] = (spell.Start, spell.Category);
            }
        }

        var counts = new int[ForecastCategories.Count];
        foreach (var (_, category) in state.Values)
        {
            counts[category]++;
        }

        return counts;
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month - (to.Day < DateTime.DaysInMonth(to.Year, to.Month) ? 1 : 0);
}
