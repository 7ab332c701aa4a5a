using Lodestar.Application.Returns;
using Lodestar.Domain.Problems;
using Lodestar.Metrics.Forecast;
using Lodestar.Metrics.Records;

namespace Lodestar.Application.Forecast;

/// <summary>Children looked after at one past month end, in total and by category (the chart's history).</summary>
public sealed record ForecastHistoryPoint(DateOnly Month, int Total, IReadOnlyList<int> ByCategory);

/// <summary>
/// A council's looked-after children forecast: the baseline, each scenario beside it, the month ends
/// before it as the returns show them, and (when asked) the backtest.
/// </summary>
public sealed record LacForecastResult(
    string Council,
    DateOnly AsAt,
    ForecastModel Model,
    ForecastResult Baseline,
    IReadOnlyList<ForecastResult> Scenarios,
    IReadOnlyList<ForecastHistoryPoint> History,
    BacktestResult? Backtest);

/// <summary>
/// The forecast use case (docs/forecast.md): from a council's 903 returns as at a date, the baseline and
/// scenario forecasts of children looked after. The forecast page, the API and <c>lodestar forecast</c>
/// all call this.
/// </summary>
public static class LacForecast
{
    /// <summary>Month ends of history shown before the forecast.</summary>
    public const int HistoryMonths = 36;

    /// <summary>From the store: the council's returns, or a failure when it has none (or it is not in <paramref name="allowed"/>).</summary>
    public static Result<LacForecastResult> Compute(StatutoryDataStore store, string council, DateOnly asAt, int months,
        IReadOnlyList<ForecastScenario>? scenarios = null, bool backtest = false, IReadOnlySet<string>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(council);
        var data = allowed is null || allowed.Contains(council) ? store.Dataset(council)?.Cla : null;
        return data is null
            ? Result.Failure<LacForecastResult>(new Problem($"the returns hold no SSDA903 data for {council}"))
            : Compute(data, asAt, months, scenarios, backtest);
    }

    /// <summary>The last day the council's returns cover (31 March of the latest collection year), the page's default "as at"; null with no 903 data.</summary>
    public static DateOnly? DataEnd(StatutoryDataStore store, string council)
    {
        ArgumentNullException.ThrowIfNull(store);
        var data = store.Dataset(council)?.Cla;
        if (data is null)
        {
            return null;
        }

        var years = data.Files.Where(f => f.CollectionYear > 0).Select(f => f.CollectionYear).ToList();
        if (years.Count > 0)
        {
            return new DateOnly(years.Max(), 3, 31);
        }

        var spells = CareSpells.From(data, DateOnly.MaxValue);
        return spells.Count == 0 ? null : spells.Max(s => s.End ?? s.Start);
    }

    /// <summary>From one council's 903 records.</summary>
    public static Result<LacForecastResult> Compute(Ssda903Data data, DateOnly asAt, int months,
        IReadOnlyList<ForecastScenario>? scenarios = null, bool backtest = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (months is < 1 or > ForecastOptions.MaxMonths)
        {
            return Result.Failure<LacForecastResult>(new Problem(null, 0, "months", months.ToString(System.Globalization.CultureInfo.InvariantCulture), $"the forecast runs 1 to {ForecastOptions.MaxMonths} months"));
        }

        var coveredFrom = CareSpells.CoveredFrom(data);
        var spells = CareSpells.From(data, DateOnly.MaxValue);
        coveredFrom ??= spells.Count == 0 ? null : spells.Min(s => s.Start);
        var start = ForecastEstimator.MonthEndOnOrBefore(asAt);
        if (coveredFrom is not { } from)
        {
            return Result.Failure<LacForecastResult>(new Problem("the returns hold no episodes of care"));
        }

        if (start < from)
        {
            return Result.Failure<LacForecastResult>(new Problem(null, 0, "as_at", asAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                $"the returns begin on {from:yyyy-MM-dd}: forecast as at a later date"));
        }

        var model = ForecastEstimator.Estimate(spells, asAt, from);
        if (model.WindowMonths < 1)
        {
            return Result.Failure<LacForecastResult>(new Problem(null, 0, "as_at", asAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                "less than a month of returns before this date: nothing to estimate the rates from"));
        }

        var options = new ForecastOptions(Months: months);
        var baseline = ForecastSimulator.Simulate(model, options);
        var results = (scenarios ?? []).Select(s => ForecastSimulator.Simulate(model, options, s)).ToList();
        var history = new List<ForecastHistoryPoint>();
        for (var m = HistoryMonths; m >= 0; m--)
        {
            var month = ForecastEstimator.MonthEnd(start.AddMonths(-m));
            if (month < from.AddDays(-1))
            {
                continue;
            }

            var counts = ForecastBacktest.CountOn(spells, month);
            history.Add(new ForecastHistoryPoint(month, counts.Sum(), counts));
        }

        BacktestResult? tested = null;
        if (backtest)
        {
            var coveredTo = data.Files.Any(f => f.CollectionYear > 0) ? new DateOnly(data.Files.Max(f => f.CollectionYear), 3, 31) : spells.Max(s => s.End ?? s.Start);
            tested = ForecastBacktest.Run(spells, from, coveredTo, new ForecastOptions(Runs: 500));
        }

        return Result.Success(new LacForecastResult(data.CouncilCode, asAt, model, baseline, results, history, tested));
    }
}
