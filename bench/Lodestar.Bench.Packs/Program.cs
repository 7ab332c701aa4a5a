using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lodestar.Application.Imports;
using Lodestar.Application.Packs;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;

// Issue 16: a board pack of a 100-measure framework (ten outcomes of ten measures, values for five years,
// so every trend chart has five points, and targets) on a new SQLite database: the build (the scorecard for the year and the year before, the action
// plan, the savings) and each renderer, medians of five runs after one warm-up.
// `dotnet run -c Release --project bench/Lodestar.Bench.Packs -- [measures]`
var measureCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var folder = Directory.CreateTempSubdirectory("lodestar-bench-packs-").FullName;
try
{
    var options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "lodestar.db")}");
    await using var db = options.CreateContext();
    DatabaseInitializer.Initialize(db);
    var clock = TimeProvider.System;
    var importer = new Importer(db, new AuditLog(db, clock), clock);

    var yaml = new StringBuilder("id: bench-pack\ntitle: \"Bench pack\"\nmeasures:\n");
    var values = new StringBuilder("measure,council,period,value,numerator,denominator\n");
    var targets = new StringBuilder("measure,council,period,value\n");
    for (var i = 0; i < measureCount; i++)
    {
        yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: m{i}, number: \"{i / 10 + 1}.{i % 10 + 1}\", title: \"Measure {i}\", unit: percent, polarity: {(i % 2 == 0 ? "higher_is_better" : "lower_is_better")}, decimals: 1 }}\n");
        values.Append(CultureInfo.InvariantCulture, $"m{i},E10000003,2025,{40 + (i % 30)},{40 + (i % 30)},100\nm{i},E10000003,2024,{45 + (i % 20)},{45 + (i % 20)},100\n");
        // Three earlier years, so every measure's trend chart has its five points.
        for (var back = 2; back <= 4; back++)
        {
            values.Append(CultureInfo.InvariantCulture, $"m{i},E10000003,{2025 - back},{42 + ((i + back) % 25)},{42 + ((i + back) % 25)},100\n");
        }
        targets.Append(CultureInfo.InvariantCulture, $"m{i},E10000003,2025,50\n");
    }

    yaml.Append("nodes:\n");
    for (var o = 0; o < (measureCount + 9) / 10; o++)
    {
        var ids = Enumerable.Range(o * 10, Math.Min(10, measureCount - (o * 10))).Select(i => $"m{i}");
        yaml.Append(CultureInfo.InvariantCulture, $"  - {{ kind: outcome, id: o{o}, title: \"Outcome {o + 1}\", measures: [{string.Join(", ", ids)}] }}\n");
    }

    var frameworkFile = Path.Combine(folder, "framework.yaml");
    var targetsFile = Path.Combine(folder, "targets.csv");
    await File.WriteAllTextAsync(frameworkFile, yaml.ToString());
    await File.WriteAllTextAsync(targetsFile, targets.ToString());
    Require((await importer.FrameworksAsync("bench", [frameworkFile])).Succeeded);
    Require((await importer.ValuesAsync("bench", "values.csv", new MemoryStream(Encoding.UTF8.GetBytes(values.ToString())))).Succeeded);
    Require((await importer.TargetsAsync("bench", targetsFile)).Succeeded);

    var timings = new Dictionary<string, List<double>> { ["build"] = [], ["pdf"] = [], ["xlsx"] = [], ["html"] = [] };
    long pdfBytes = 0;
    for (var run = 0; run < 6; run++)
    {
        var watch = Stopwatch.StartNew();
        // A new service per run, as a request or a command has: nothing cached between runs.
        var builder = new BoardPackBuilder(db, new ScorecardService(db, new FrameworkStore(db), new BenchmarkStore(db), StatutoryDataStore.Empty, clock), StatutoryDataStore.Empty, clock);
        var pack = await builder.BuildAsync(new PackRequest { FrameworkId = "bench-pack", Council = "E10000003", Year = 2025 }, CancellationToken.None) ?? throw new InvalidOperationException("no pack");
        var build = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        using var pdf = new MemoryStream();
        PackPdf.Write(pdf, pack);
        var pdfTime = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        PackXlsx.Write(new MemoryStream(), pack);
        var xlsxTime = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        _ = PackHtml.Document(pack);
        var htmlTime = watch.Elapsed.TotalMilliseconds;
        pdfBytes = pdf.Length;
        if (run == 0)
        {
            Console.WriteLine($"warm-up (first run in the process): build {build:F0} ms, pdf {pdfTime:F0} ms, xlsx {xlsxTime:F0} ms, html {htmlTime:F0} ms");
            continue;
        }

        timings["build"].Add(build);
        timings["pdf"].Add(pdfTime);
        timings["xlsx"].Add(xlsxTime);
        timings["html"].Add(htmlTime);
    }

    Console.WriteLine($"{measureCount} measures, {Environment.ProcessorCount} cores; PDF {pdfBytes / 1024} KB; medians of 5 runs:");
    foreach (var (name, times) in timings)
    {
        times.Sort();
        Console.WriteLine($"  {name,-5} {times[times.Count / 2],8:F1} ms");
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, true);
}

static void Require(bool succeeded)
{
    if (!succeeded)
    {
        throw new InvalidOperationException("the bench data did not import");
    }
}
