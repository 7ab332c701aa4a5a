using System.Diagnostics;
using Lodestar.Bench.Kpis;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;

// The KPI engine's speed on synthetic councils (see docs/benchmarks.md, "## KPI engine").
// Usage: dotnet run -c Release --project bench/Lodestar.Bench.Kpis [-- MAXCOUNCILS]
var maxCouncils = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 150;
var engine = new KpiEngine(new KpiOptions { Population = Population(maxCouncils) });
var year = new[] { Period.ReportingYear(2025) };
var months = Period.Series(PeriodKind.Month, new DateOnly(2020, 4, 1), new DateOnly(2025, 3, 31));

Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine($"{Environment.ProcessorCount} cores; building {maxCouncils} synthetic councils (5 years each)...");
var build = Stopwatch.StartNew();
var councils = Enumerable.Range(0, maxCouncils)
    .AsParallel().AsOrdered()
    .Select(i =>
    {
        var (cla, cin) = SyntheticCouncil.Build(Code(i), seed: i + 1);
        return new KpiDataset(Code(i), cla, cin);
    })
    .ToList();
Console.WriteLine($"built in {build.Elapsed.TotalSeconds:0.0} s: {councils[0].Cla!.Episodes.Count} episodes and {councils[0].Cin!.Referrals.Count} referrals in council 1");

// Warm up (JIT), then measure.
engine.Compute(councils[0], months);
Measure("1 council, every KPI, every month of 5 years (60 periods)", 5, () => engine.Compute(councils[0], months).Count);
var claIds = KpiCatalog.All.Where(k => k.Source == KpiSource.Ssda903).Select(k => k.Id).ToList();
var cinIds = KpiCatalog.All.Where(k => k.Source == KpiSource.Cin).Select(k => k.Id).ToList();
Measure("1 council, 903 KPIs only, every month of 5 years", 5, () => engine.Compute(councils[0], months, claIds).Count);
Measure("1 council, CIN KPIs only, every month of 5 years", 5, () => engine.Compute(councils[0], months, cinIds).Count);
Measure("1 council, every KPI, one reporting year", 5, () => engine.Compute(councils[0], year).Count);
foreach (var n in new[] { 1, 10, 150 }.Where(n => n <= maxCouncils))
{
    var subset = councils.Take(n).ToList();
    Measure($"{n} councils, every KPI, one reporting year", 3, () => All(subset, year));
    Measure($"{n} councils, every KPI, every month of 5 years", n >= 150 ? 2 : 3, () => All(subset, months));
}

int All(List<KpiDataset> datasets, IReadOnlyList<Period> periods) =>
    datasets.AsParallel().Select(d => engine.Compute(d, periods).Count).Sum();

static void Measure(string what, int runs, Func<int> work)
{
    var best = double.MaxValue;
    var bestCpu = double.MaxValue;
    var results = 0;
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < runs; i++)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        results = work();
        best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    // CPU time is less disturbed than wall time when other processes share the cores.
    Console.WriteLine($"{what}: best of {runs}: {best:0} ms wall, {bestCpu:0} ms CPU ({results} results)");
}

static string Code(int i) => $"E{10000000 + i:D8}";

static PopulationEstimates Population(int councils)
{
    var estimates = new PopulationEstimates();
    for (var i = 0; i < councils; i++)
    {
        for (var y = 2019; y <= 2024; y++)
        {
            estimates.Add(Code(i), y, 80_000);
        }
    }

    return estimates;
}
