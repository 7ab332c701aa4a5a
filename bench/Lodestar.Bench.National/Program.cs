using System.Globalization;
using Lodestar.Bench.National;
using Lodestar.Domain.Periods;

// Issue 14: Lodestar against an analyst's DuckDB on the same national files (bench/run.sh drives it).
//   flatten DATA FLAT             the CIN census XML to CSVs DuckDB can read; prints the seconds
//   duckdb DATA FLAT OUT.csv      the four KPIs by DuckDB SQL; prints the seconds
//   compare DUCK.csv LODESTAR.csv...   row by row; exit 1 on any difference
//   profile DATA                  Lodestar's phases on one thread: MB/s, rows/s, bytes allocated per input byte
//   allocs DATA                   what the 903 CSV reader allocates, by type (allocation-tick events)
//   csv DATA                      the 903 CSVs alone: rows/s and bytes allocated per input byte, reading and building apart
//   select DATA                   the four KPIs asked, together and one by one, against their whole families (CPU)
//   stored DATA sqlite|postgres [--postgres CONN] [--postmaster-pid PID] [--runs N] [--workers N] [--framework FILE] [--scratch DIR]
//                                 the stored path: bulk load, national scorecard from stored results, one council's new month
//   stored-phases DATA            where the bulk load's CPU goes (reading, checking, validating, computing), on one thread
var invariant = CultureInfo.InvariantCulture;
switch (args)
{
    case ["flatten", var data, var flat]:
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Flatten.Run(data, flat);
        Console.WriteLine(clock.Elapsed.TotalSeconds.ToString("0.00", invariant));
        return 0;
    case ["duckdb", var data, var flat, var output]:
        Console.WriteLine(Duck.Run(data, flat, output).ToString("0.00", invariant));
        return 0;
    case ["compare", var duck, .. var lodestar]:
        return Compare.Run(duck, lodestar);
    case ["profile", var data]:
        Profile.Run(data, NationalKpis.Ids);
        return 0;
    case ["allocs", var data]:
        AllocTick.Run(data);
        return 0;
    case ["csv", var data]:
        CsvRead.Run(data);
        return 0;
    case ["select", var data]:
        var loaded = Lodestar.Formats.StatutoryDataLoader.Load([data]);
        var datasets = loaded.Councils.Select(Lodestar.Metrics.Kpis.KpiDataset.Of).ToList();
        var engine = new Lodestar.Metrics.Kpis.KpiEngine();
        engine.Compute(datasets[0], NationalKpis.Months(), null);
        Profile.Select(engine, datasets, NationalKpis.Months(), NationalKpis.Ids);
        return 0;
    case ["stored-phases", var data]:
        StoredPhases.Run(data);
        return 0;
    case ["stored", var data, "sqlite" or "postgres", ..]:
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return await Stored.RunAsync(
            data,
            args[2],
            Option("--postgres") ?? Environment.GetEnvironmentVariable("LODESTAR_BENCH_POSTGRES"),
            Option("--framework") ?? "samples/frameworks/national-framework.yaml",
            int.Parse(Option("--runs") ?? "3", invariant),
            int.Parse(Option("--workers") ?? Environment.ProcessorCount.ToString(invariant), invariant),
            Option("--scratch") ?? Path.GetTempPath(),
            Option("--postmaster-pid") is { } pid ? int.Parse(pid, invariant) : null);
    default:
        Console.Error.WriteLine("usage: flatten DATA FLAT | duckdb DATA FLAT OUT.csv | compare DUCK.csv LODESTAR.csv... | profile DATA | csv DATA | allocs DATA | select DATA | stored DATA sqlite|postgres [options]");
        return 2;
}

namespace Lodestar.Bench.National
{
    /// <summary>The four KPIs of issue 14, over every month of the five reporting years 2021 to 2025.</summary>
    internal static class NationalKpis
    {
        public static IReadOnlyList<string> Ids { get; } = ["cla_at_end", "cla_placements_3plus", "rereferrals_12m", "cpp_subsequent"];

        public static IReadOnlyList<Period> Months() => Period.Series(PeriodKind.Month, new DateOnly(2020, 4, 1), new DateOnly(2025, 3, 31));
    }
}
