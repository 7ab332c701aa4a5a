using System.Globalization;
using Lodestar.Bench.Returns;
using Lodestar.Formats.Population;

// Issue 10's speed and memory goals, measured as the product does the work (docs/benchmarks.md, "Returns"):
//   dotnet run -c Release --project bench/Lodestar.Bench.Returns -- upload [--runs 5] [--db sqlite|postgres] [--postgres CONN]
//   dotnet run -c Release --project bench/Lodestar.Bench.Returns -- memory [--councils 150]
//   dotnet run -c Release --project bench/Lodestar.Bench.Returns -- validation [--councils 10] [--runs 3]
const string Usage = """
    Lodestar.Bench.Returns: issue 10's speed and memory goals on the demo council's returns.

      upload   Check, confirm and refresh the model for each year of the demo council's five years of 903 and
               CIN (ten submissions), then a new month's 903 for the current year superseding the confirmed one
               (and the first KPI result after it). Each run starts from a new database; one warm-up run first.
      memory   The managed heap retained and the process's resident memory for the demo council's model, then
               (--councils N) for N generated councils' models in one store.
      validation  Issue 12's goal: reading N generated councils' five years of 903 and CIN (StatutoryDataLoader)
               and then validating them (ReturnValidator, every rule), each timed; one warm-up run first.

    Options:
      --runs N         runs to take the median of (upload: default 5; validation: default 3)
      --db NAME        sqlite (a file database, the default) or postgres
      --postgres CONN  PostgreSQL server to create each run's database on (default: $LODESTAR_BENCH_POSTGRES)
      --councils N     councils for memory (default 150; 0: the demo council only) and validation (default 10)
      --data DIR       where the generated returns are made once and reused (default: $TMPDIR/lodestar-bench-returns)
      --help           this text
    """;

if (args.Length == 0 || args.Contains("--help") || args.Contains("-h") || args[0] is not ("upload" or "memory" or "validation"))
{
    Console.WriteLine(Usage);
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var runs = int.Parse(Option("--runs") ?? "5", CultureInfo.InvariantCulture);
var db = Option("--db") ?? "sqlite";
var councils = int.Parse(Option("--councils") ?? "150", CultureInfo.InvariantCulture);
var data = Option("--data") ?? Path.Combine(Path.GetTempPath(), "lodestar-bench-returns");
if (args[0] == "validation")
{
    return ValidationBench.Run(BenchData.Councils(data, Option("--councils") is null ? 10 : councils), int.Parse(Option("--runs") ?? "3", CultureInfo.InvariantCulture));
}

var demo = BenchData.Demo(data);
var population = PopulationCsvReader.ReadFile(Path.Combine(demo, "population.csv"));

Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, load average {Load()} at the start");
if (args[0] == "memory")
{
    var (one, oneStore) = MemoryBench.Build([Path.Combine(demo, BenchData.DemoCouncil)], population);
    Console.WriteLine($"| Model | Councils | Retained (managed heap) | Per council | Process RSS after | Peak RSS | Build time |");
    Console.WriteLine($"|---|---|---|---|---|---|---|");
    Print("demo council", one);
    GC.KeepAlive(oneStore);
    if (councils > 0)
    {
        var folder = BenchData.Councils(data, councils);
        var folders = Directory.GetDirectories(folder).Where(d => Directory.Exists(Path.Combine(d, "903"))).Order(StringComparer.Ordinal).ToList();
        var (many, manyStore) = MemoryBench.Build(folders, population);
        Print($"{councils} generated councils", many);
        GC.KeepAlive(manyStore);
    }

    return 0;
}

var postgres = Option("--postgres") ?? Environment.GetEnvironmentVariable("LODESTAR_BENCH_POSTGRES");
if (db == "postgres" && string.IsNullOrWhiteSpace(postgres))
{
    Console.Error.WriteLine("--db postgres needs --postgres CONN or LODESTAR_BENCH_POSTGRES (a server where databases may be created)");
    return 2;
}

Func<BenchDatabase> newDatabase = db switch
{
    "sqlite" => () => BenchDatabase.Sqlite(Path.Combine(data, "db")),
    "postgres" => () => BenchDatabase.Postgres(postgres!),
    _ => throw new ArgumentException($"--db {db}: sqlite or postgres"),
};

var uploads = BenchData.Uploads(Path.Combine(demo, BenchData.DemoCouncil));
var month = uploads.Single(u => u.Return == "SSDA903" && u.Year == 2025);
var monthBefore = BenchData.CutAt(month, new DateOnly(2025, 2, 28));
var bad = BenchData.WithValue(BenchData.WithValue(month, "episodes", "LS", "ZZ"), "episodes", "PLACE", "ZZ9");
var bench = new UploadBench(uploads, monthBefore, month, bad, population);
Console.WriteLine($"demo council {BenchData.DemoCouncil}: {uploads.Count} uploads, {uploads.Sum(u => u.Files.Count)} files, {uploads.Sum(u => u.Bytes) / 1e6:0.0} MB; database {db}");
Console.WriteLine($"month: the 2025 903 to 28 February 2025 ({monthBefore.Bytes:N0} bytes) confirmed, then to 31 March 2025 ({month.Bytes:N0} bytes) superseding it");
var warm = bench.Run(newDatabase);
Console.WriteLine($"warm-up run (cold JIT, not in the medians): five years {warm.Years.Sum(y => y.Total) / 1000:0.00} s, month {warm.Month.Total:0} ms; {warm.Findings} findings stored");
Console.WriteLine($"  its uploads (check + confirm + refresh, ms): {string.Join(", ", uploads.Select((u, i) => $"{u.Return} {u.Year} {warm.Years[i].Check:0}+{warm.Years[i].Confirm:0}+{warm.Years[i].Refresh:0}"))}");
var results = new List<UploadRun>();
for (var run = 1; run <= runs; run++)
{
    var result = bench.Run(newDatabase);
    results.Add(result);
    Console.WriteLine($"run {run}: five years {result.Years.Sum(y => y.Total) / 1000:0.00} s ({result.CpuMs / 1000:0.00} s CPU), month {result.Month.Total:0} ms + first KPI {result.Month.FirstKpi:0} ms; load average {Load()}");
}

Console.WriteLine();
Console.WriteLine($"Medians of {runs} runs, milliseconds ({db}):");
Console.WriteLine("| Upload | Files | MB | Check | Confirm | Refresh | Total |");
Console.WriteLine("|---|---|---|---|---|---|---|");
for (var i = 0; i < uploads.Count; i++)
{
    var u = uploads[i];
    Console.WriteLine($"| {u.Return} {u.Year} | {u.Files.Count} | {u.Bytes / 1e6:0.0} | {Median(results.Select(r => r.Years[i].Check)):0} | {Median(results.Select(r => r.Years[i].Confirm)):0} | {Median(results.Select(r => r.Years[i].Refresh)):0} | {Median(results.Select(r => r.Years[i].Total)):0} |");
}

Console.WriteLine($"| **Five years, all ten** | {uploads.Sum(u => u.Files.Count)} | {uploads.Sum(u => u.Bytes) / 1e6:0.0} | {Median(results.Select(r => r.Years.Sum(y => y.Check))):0} | {Median(results.Select(r => r.Years.Sum(y => y.Confirm))):0} | {Median(results.Select(r => r.Years.Sum(y => y.Refresh))):0} | **{Median(results.Select(r => r.Years.Sum(y => y.Total))):0}** |");
Console.WriteLine($"| **A new month's 903 (2025), superseding** | {month.Files.Count} | {month.Bytes / 1e6:0.0} | {Median(results.Select(r => r.Month.Check)):0} | {Median(results.Select(r => r.Month.Confirm)):0} | {Median(results.Select(r => r.Month.Refresh)):0} | **{Median(results.Select(r => r.Month.Total)):0}** |");
Console.WriteLine($"First KPI result after the month's refresh: every KPI for reporting year 2025 {Median(results.Select(r => r.Month.FirstKpi)):0} ms; then every KPI for the 60 months {Median(results.Select(r => r.Month.Series)):0} ms");
Console.WriteLine($"Check of the 2025 903 with LS and PLACE invalid on every episode: {results[0].BadFindings:N0} findings stored, {Median(results.Select(r => r.BadCheck)):0} ms (the clean one: {Median(results.Select(r => r.Month.Check)):0} ms)");
var validateOnly = Enumerable.Range(0, 5).Select(_ =>
{
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var loaded = Lodestar.Formats.StatutoryDataLoader.Load(bad.Files, BenchData.DemoCouncil, bad.Year);
    var count = Lodestar.Formats.Validation.ReturnValidator.Validate(loaded).Count;
    return (watch.Elapsed.TotalMilliseconds, count);
}).ToList();
Console.WriteLine($"  of which reading and validating it, no database: {Median(validateOnly.Select(v => v.TotalMilliseconds)):0} ms ({validateOnly[0].count:N0} findings)");
Console.WriteLine($"Five years' CPU time (process, all threads): {Median(results.Select(r => r.CpuMs)) / 1000:0.00} s");
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static void Print(string what, MemoryResult r) =>
    Console.WriteLine($"| {what} | {r.Councils} | {r.RetainedBytes / 1e6:0.0} MB | {r.RetainedBytes / 1e6 / r.Councils:0.0} MB | {r.RssBytes / 1e6:0} MB | {r.PeakRssBytes / 1e6:0} MB | {r.Seconds:0.0} s |");
