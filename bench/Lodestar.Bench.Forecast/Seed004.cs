using Lodestar.Domain.Councils;
using Lodestar.Formats;
using Lodestar.Formats.Actions;
using Lodestar.Formats.Generation;
using Lodestar.Metrics.Forecast;

namespace Lodestar.Bench.Forecast;

/// <summary>
/// Seed 004's action plan (Cambridgeshire, 2015–17) sets targets of 535 children looked after in April
/// 2016 and 497 in April 2017. Its returns are not public, so this generates Cambridgeshire's five years to
/// March 2016 (the demo's generator settings) and forecasts from them as at 31 March 2016, as the page does.
/// </summary>
internal static class Seed004
{
    public static void Run()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lodestar-forecast-seed004");
        var index = CouncilList.Current.Select((c, i) => (c.Code, i)).Single(c => c.Code == "E10000003").i;
        if (!Directory.Exists(folder))
        {
            SyntheticDataGenerator.Generate(new GenerationOptions(councils: 1, childrenPerCouncil: 800, years: 5, yearEnd: 2016, seed: 20250331) { FirstCouncil = index }, folder);
        }

        var data = StatutoryDataLoader.Load([folder]).Councils.Single().Ssda903!;
        var plan = ActionsYamlReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "actions", "cambs-lac-action-plan-2015-17.yaml")).Value.Plan!;
        var asAt = new DateOnly(2016, 3, 31);
        var spells = CareSpells.From(data, DateOnly.MaxValue);
        var model = ForecastEstimator.Estimate(spells, asAt, CareSpells.CoveredFrom(data));
        var forecast = ForecastSimulator.Simulate(model, new ForecastOptions(Months: 12));
        Console.WriteLine($"Generated Cambridgeshire, returns to March 2016: {model.StartCount} looked after on {asAt:yyyy-MM-dd}");
        foreach (var target in plan.MeasureTargets().Where(t => t.MeasureId == "cla_at_end"))
        {
            var month = ForecastEstimator.MonthEndOnOrBefore(target.Date);
            var point = forecast.At(month);
            var shown = point is { } p ? $"on current trends {p.Value.Median:0} (80% interval {p.Value.Lower80:0}–{p.Value.Upper80:0})"
                : month == model.Start ? $"the returns show {model.StartCount}" : "outside the forecast";
            Console.WriteLine($"target {target.Value} for {target.Date:yyyy-MM-dd}, judged at {month:yyyy-MM-dd}: {shown}");
        }
    }
}
