using Lodestar.Application.Returns;
using Lodestar.Domain.Actions;
using Lodestar.Metrics.Forecast;

namespace Lodestar.Application.Forecast;

/// <summary>What a saved scenario changes against the baseline: children looked after at the last month end, and 52-week placements over the forecast months.</summary>
public sealed record ScenarioEffect(DateOnly LastMonth, double Children, double Placements)
{
    /// <summary>The effect of the scenario named <paramref name="scenario"/> in <paramref name="forecast"/>; null when the forecast does not hold it.</summary>
    public static ScenarioEffect? Of(LacForecastResult forecast, string scenario)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (forecast.Scenarios.FirstOrDefault(s => s.Scenario == scenario) is not { } result)
        {
            return null;
        }

        var last = forecast.Baseline.Points[^1].Month;
        return new ScenarioEffect(
            last,
            result.At(last)!.Value.Median - forecast.Baseline.At(last)!.Value.Median,
            result.PlacementYears.Sum(p => p.Value.Median) - forecast.Baseline.PlacementYears.Sum(p => p.Value.Median));
    }
}

/// <summary>A saved scenario linked to a workstream, with what it changes as at <see cref="AsAt"/> (null, with <see cref="Problem"/>, when there is no forecast).</summary>
public sealed record WorkstreamScenario(SavedScenario Saved, DateOnly? AsAt, int Months, ScenarioEffect? Effect, string? Problem);

/// <summary>
/// The scenarios linked to an action plan's workstreams, each with what it must achieve against the baseline
/// (docs/forecast.md, "Joined to the plan"): the forecast as at the last day the council's returns cover, over
/// <see cref="Months"/> months, the same forecast the forecast page shows by default.
/// </summary>
public static class WorkstreamScenarios
{
    /// <summary>The months forecast: the forecast page's default.</summary>
    public const int Months = 24;

    /// <summary>What a scenario changes, in words: "from 1 June 2025, entries × 0.9 (10_to_15 × 0.5), residential to fostering × 1.5, leaving care × 1".</summary>
    public static string Describe(ForecastScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        static string N(double f) => f.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var bands = string.Join(", ", scenario.EntryFactorByBand.Select((f, i) => f == 1 ? null : $"{AgeBands.Names[i]} × {N(f)}").OfType<string>());
        return $"from {scenario.From.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, entries × {N(scenario.EntryFactor)}"
            + (bands.Length > 0 ? $" ({bands})" : "")
            + $", residential to fostering × {N(scenario.ResidentialToFosterFactor)}, leaving care × {N(scenario.ExitFactor)}";
    }

    /// <summary>By workstream number, the plan's linked scenarios (by name); empty when none is linked (no forecast is run).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<WorkstreamScenario>>> ForPlanAsync(
        ForecastScenarios scenarios, StatutoryDataStore store, ActionPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Council is not { } council)
        {
            return new Dictionary<string, IReadOnlyList<WorkstreamScenario>>();
        }

        var linked = (await scenarios.ListAsync(council, cancellationToken)).Where(s => s.Link?.ActionPlanId == plan.Id).ToList();
        if (linked.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<WorkstreamScenario>>();
        }

        LacForecastResult? forecast = null;
        string? problem;
        if (LacForecast.DataEnd(store, council) is not { } asAt)
        {
            problem = "no SSDA903 returns are confirmed for this council: nothing to forecast from";
        }
        else
        {
            var result = LacForecast.Compute(store, council, asAt, Months, [.. linked.Select(s => s.Scenario)]);
            forecast = result.Succeeded ? result.Value : null;
            problem = result.Succeeded ? null : string.Join("; ", result.Errors.Select(e => e.Message));
        }

        return linked
            .GroupBy(s => s.Link!.Workstream, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<WorkstreamScenario>)[.. g.Select(s => new WorkstreamScenario(
                    s, forecast?.AsAt, Months, forecast is null ? null : ScenarioEffect.Of(forecast, s.Scenario.Name), problem))],
                StringComparer.Ordinal);
    }
}
