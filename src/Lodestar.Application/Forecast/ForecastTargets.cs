using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Metrics.Forecast;

namespace Lodestar.Application.Forecast;

/// <summary>An action plan's target on the number of children looked after (measure <c>cla_at_end</c>), and where the forecast puts it.</summary>
/// <param name="PlanId">The action plan setting the target.</param>
/// <param name="Date">The target's date as the plan gives it ("April 2017" is 2017-04-01).</param>
/// <param name="Month">The month end the target is judged at: the last on or before the date (2017-03-31), the year-end snapshot.</param>
/// <param name="Target">The target number.</param>
/// <param name="Expected">On current trends: the forecast's median at <paramref name="Month"/>, the count the returns show when the month is past, or null when it is beyond the forecast.</param>
/// <param name="Forecast">Whether <paramref name="Expected"/> is a forecast (true) or what the returns show (false).</param>
public sealed record LacTargetView(string PlanId, DateOnly Date, DateOnly Month, decimal Target, double? Expected, bool Forecast);

/// <summary>The action plans' targets on children looked after, set beside the forecast ("on current trends 530 in April 2017 against a target of 497").</summary>
public static class ForecastTargets
{
    /// <summary>The measure the plans' looked-after targets are set on.</summary>
    public const string Measure = "cla_at_end";

    /// <summary>Every <c>cla_at_end</c> target of the council's action plans, with the forecast or actual at its month.</summary>
    public static async Task<IReadOnlyList<LacTargetView>> ForCouncilAsync(LodestarDbContext db, LacForecastResult forecast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var views = new List<LacTargetView>();
        foreach (var (planId, council) in await ActionsStore.PlanCouncilsAsync(db, cancellationToken))
        {
            if (council != forecast.Council)
            {
                continue;
            }

            var plan = await ActionsStore.LoadPlanAsync(db, planId, cancellationToken);
            foreach (var target in plan?.MeasureTargets().Where(t => t.MeasureId == Measure && t.CouncilCode == forecast.Council) ?? [])
            {
                views.Add(View(planId, target.Date, target.Value, forecast));
            }
        }

        return [.. views.OrderBy(v => v.Date)];
    }

    /// <summary>A target beside the forecast: the forecast median, or the history's count for a past month.</summary>
    public static LacTargetView View(string planId, DateOnly date, decimal target, LacForecastResult forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var month = ForecastEstimator.MonthEndOnOrBefore(date);
        if (forecast.Baseline.At(month) is { } point)
        {
            return new LacTargetView(planId, date, month, target, point.Value.Median, true);
        }

        var past = forecast.History.FirstOrDefault(h => h.Month == month);
        return new LacTargetView(planId, date, month, target, past?.Total, false);
    }
}
