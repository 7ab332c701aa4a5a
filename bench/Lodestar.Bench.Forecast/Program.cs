using System.Diagnostics;
using System.Globalization;
using Lodestar.Formats;
using Lodestar.Formats.Generation;
using Lodestar.Bench.Forecast;
using Lodestar.Metrics.Forecast;

// Issue 15: the forecast's speed (one council, 36 months, intervals from 1,000 runs) and its backtest on
// generated councils. `dotnet run -c Release --project bench/Lodestar.Bench.Forecast -- [councils] [window]`;
// `-- seed004`: seed 004's looked-after targets against a forecast from generated Cambridgeshire returns to March 2016.
if (args is ["seed004"])
{
    Seed004.Run();
    return;
}

var councils = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var window = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : ForecastEstimator.DefaultWindowMonths;
var folder = Path.Combine(Path.GetTempPath(), $"lodestar-forecast-bench-{councils}");
var options = new GenerationOptions(councils: councils);
if (!Directory.Exists(folder))
{
    SyntheticDataGenerator.Generate(options, folder);
}

var loaded = StatutoryDataLoader.Load([folder]);
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine($"{loaded.Councils.Count} generated councils, {options.Years} years to March {options.YearEnd}; window {window} months; {Environment.ProcessorCount} cores");

var first = loaded.Councils[0];
var asAt = new DateOnly(options.YearEnd, 3, 31);
var times = new List<double>();
for (var run = 0; run < 5; run++)
{
    var watch = Stopwatch.StartNew();
    var spells = CareSpells.From(first.Ssda903!, asAt);
    var model = ForecastEstimator.Estimate(spells, asAt, CareSpells.CoveredFrom(first.Ssda903!), window);
    var result = ForecastSimulator.Simulate(model, new ForecastOptions(Months: 36));
    watch.Stop();
    times.Add(watch.Elapsed.TotalMilliseconds);
    if (run == 0)
    {
        Console.WriteLine($"{first.CouncilCode}: {model.StartCount} looked after at {asAt:yyyy-MM-dd}, {model.TotalEntryRate:0.0} entries a month, exit rate {model.OverallExitRate:0.000}; 36 months on: {result.At(result.Points[^1].Month)!.Value}");
    }
}

times.Sort();
Console.WriteLine($"forecast, one council, 36 months, 1,000 runs: median {times[2].ToString("0", invariant)} ms of 5 (min {times[0]:0}, max {times[4]:0})");

var all = new List<BacktestSummary>();
Console.WriteLine("council    horizon  forecasts  MAPE     80% held  95% held");
var backtestWatch = Stopwatch.StartNew();
foreach (var council in loaded.Councils)
{
    var data = council.Ssda903!;
    var spells = CareSpells.From(data, DateOnly.MaxValue);
    var coveredFrom = CareSpells.CoveredFrom(data)!.Value;
    var coveredTo = new DateOnly(data.Files.Max(f => f.CollectionYear), 3, 31);
    var backtest = ForecastBacktest.Run(spells, coveredFrom, coveredTo, new ForecastOptions(), window);
    foreach (var s in backtest.Summaries.Where(s => s.Category == ForecastResult.All))
    {
        Console.WriteLine($"{council.CouncilCode,-10} {s.Horizon,7}  {s.Forecasts,9}  {s.Mape,6:P1}  {s.Coverage80,8:P0}  {s.Coverage95,8:P0}");
    }

    all.AddRange(backtest.Summaries);
}

Console.WriteLine($"backtest of {loaded.Councils.Count} councils: {backtestWatch.Elapsed.TotalSeconds:0.0} s");
foreach (var group in all.GroupBy(s => (s.Horizon, s.Category)))
{
    var n = group.Sum(s => s.Forecasts);
    Console.WriteLine($"all councils {group.Key.Category,-24} {group.Key.Horizon,3} months: {n,4} forecasts, MAPE {group.Where(s => !double.IsNaN(s.Mape)).Select(s => s.Mape).DefaultIfEmpty(double.NaN).Average():P1}, 80% held {group.Sum(s => s.Coverage80 * s.Forecasts) / n:P0}, 95% held {group.Sum(s => s.Coverage95 * s.Forecasts) / n:P0}");
}
