using System.Diagnostics;
using System.Globalization;
using Lodestar.Application.Imports;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Bench.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Periods;
using Lodestar.Formats.Population;
using Lodestar.Metrics.Kpis;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lodestar.Bench.National;

/// <summary>
/// The stored path at national scale (issue 14): the councils' returns taken in by the bulk load (checked, stored
/// confirmed, every KPI of every council for every month and year computed and stored), a national scorecard read
/// from the stored results, and one council's new month confirmed (its results refreshed). Each run on a new database.
/// </summary>
internal static class Stored
{
    private const string Actor = "bench";

    public static async Task<int> RunAsync(string data, string provider, string? server, string framework, int runs, int workers, string scratch, int? postmaster)
    {
        var population = File.Exists(Path.Combine(data, "population.csv")) ? PopulationCsvReader.ReadFile(Path.Combine(data, "population.csv")) : PopulationEstimates.None;
        var engine = new KpiEngine(new KpiOptions { Population = population });
        var council = Directory.GetDirectories(data).Select(Path.GetFileName).Where(n => n!.StartsWith('E')).Order(StringComparer.Ordinal).First()!;
        var full = BenchData.Uploads(Path.Combine(data, council)).Single(u => u.Return == "SSDA903" && u.Year == 2025);
        var lastMonth = BenchData.CutAt(full, new DateOnly(2025, 2, 28));
        var bytes = Directory.EnumerateFiles(data, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"stored path on {provider}: {data} ({bytes / 1e6:N0} MB), {runs} runs, {workers} workers; {Environment.ProcessorCount} cores, load average {Load()}");
        Console.WriteLine("run | load wall | load CPU (this process) | database server CPU | councils | submissions | results | national scorecard first, median of 5 | new month confirmed (median of 3) | results refresh alone (median of 3)");
        var lines = new List<double[]>();
        for (var run = 1; run <= runs; run++)
        {
            await using var database = await BenchDb.CreateAsync(provider, server, scratch);
            await using (var db = database.Open())
            {
                var imported = await new Importer(db, new AuditLog(db, TimeProvider.System), TimeProvider.System).FrameworksAsync(Actor, [framework]);
                if (!imported.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", imported.Problems));
                }
            }

            // The bulk load: wall time, this process's CPU, and the PostgreSQL cluster's (its postmaster and backends).
            var serverBefore = ServerCpu(postmaster);
            var (summary, loadWall, loadCpu) = await Measure(async () =>
            {
                await using var db = database.Open();
                var loaded = await new BulkLoad(db, TimeProvider.System, engine) { Workers = workers }.LoadAsync(Actor, [data]);
                return loaded.Succeeded ? loaded.Value : throw new InvalidOperationException(string.Join("; ", loaded.Problems.Take(5)));
            });

            var serverCpu = ServerCpu(postmaster) - serverBefore;

            // The national scorecard: every council, the National Framework, 2024-25; a new context each read, as a request has.
            var reads = new List<double>();
            for (var i = 0; i < 6; i++)
            {
                var (national, wall, _) = await Measure(async () =>
                {
                    await using var db = database.Open();
                    return await new NationalScorecards(db, new FrameworkStore(db)).BuildAsync("national-framework", Period.ReportingYear(2025), null);
                });
                if (national!.Councils.Count != summary.Councils)
                {
                    throw new InvalidOperationException($"the national scorecard shows {national.Councils.Count} councils, not {summary.Councils}");
                }

                reads.Add(wall);
            }

            // One council's new month: its 2025 903 to 28 February confirmed, then to 31 March superseding it (timed), three times.
            var months = new List<double>();
            var refreshes = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                await using var db = database.Open();
                var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, engine: engine);
                await ConfirmAsync(submissions, council, lastMonth);
                var check = await submissions.CheckAsync(Actor, council, full.Files, full.Year);
                var (_, wall, _) = await Measure(async () => (await submissions.ConfirmAsync(Actor, check.Value.Submission.Id)).Succeeded ? 0 : throw new InvalidOperationException("not confirmed"));
                months.Add(wall);
                var (_, refresh, _) = await Measure(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    await StoredKpis.RefreshAsync(db, engine, council, 0, DateTimeOffset.UtcNow);
                    await transaction.RollbackAsync();
                    return 0;
                });
                refreshes.Add(refresh);
            }

            var line = new[] { loadWall, loadCpu, summary.Councils, summary.Submissions, summary.Results, reads[0], Median(reads.Skip(1)), Median(months), Median(refreshes), serverCpu };
            lines.Add(line);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run} | {loadWall:N1} s | {loadCpu:N1} s | {(postmaster is null ? "-" : $"{serverCpu:N1} s")} | {summary.Councils} | {summary.Submissions} | {summary.Results:N0} | {reads[0] * 1000:N0} ms, {Median(reads.Skip(1)) * 1000:N0} ms | {Median(months) * 1000:N0} ms | {Median(refreshes) * 1000:N0} ms"));
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"median of {runs}: load {Median(lines.Select(l => l[0])):N1} s wall, {Median(lines.Select(l => l[1])):N1} s CPU{(postmaster is null ? "" : $" (+ {Median(lines.Select(l => l[9])):N1} s the server's)")}; national scorecard {Median(lines.Select(l => l[6])) * 1000:N0} ms (first read {Median(lines.Select(l => l[5])) * 1000:N0} ms); new month confirmed {Median(lines.Select(l => l[7])) * 1000:N0} ms; results refresh {Median(lines.Select(l => l[8])) * 1000:N0} ms; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB"));
        return 0;
    }

    private static async Task ConfirmAsync(Submissions submissions, string council, Upload upload)
    {
        var check = await submissions.CheckAsync(Actor, council, upload.Files, upload.Year);
        if (!check.Succeeded || !(await submissions.ConfirmAsync(Actor, check.Value.Submission.Id)).Succeeded)
        {
            throw new InvalidOperationException("the month before was not confirmed");
        }
    }

    private static async Task<(T Result, double Wall, double Cpu)> Measure<T>(Func<Task<T>> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await work();
        return (result, clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // The CPU seconds a PostgreSQL cluster has used: its postmaster's own and its reaped children's (Linux /proc, in clock
    // ticks of 1/100 s), and its live children's. 0 without a postmaster to read.
    private static double ServerCpu(int? postmaster)
    {
        if (postmaster is not { } pid || !File.Exists($"/proc/{pid}/stat"))
        {
            return 0;
        }

        static long[] Fields(string stat) => [.. stat[(stat.LastIndexOf(')') + 2)..].Split(' ').Select(f => long.TryParse(f, out var n) ? n : 0)];
        var own = Fields(File.ReadAllText($"/proc/{pid}/stat"));
        // After the command name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
        var ticks = own[11] + own[12] + own[13] + own[14];
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var child = Fields(File.ReadAllText(Path.Combine(dir, "stat")));
                if (child[1] == pid)
                {
                    ticks += child[11] + child[12];
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile: its time is in the postmaster's cutime now.
            }
        }

        return ticks / 100.0;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>A new database for one run, migrated with the councils loaded as the app leaves it; dropped after.</summary>
    private sealed class BenchDb(DatabaseOptions options, Func<Task> drop) : IAsyncDisposable
    {
        public LodestarDbContext Open() => options.CreateContext();

        public static async Task<BenchDb> CreateAsync(string provider, string? server, string scratch)
        {
            DatabaseOptions options;
            Func<Task> drop;
            if (provider == "postgres")
            {
                var connection = server ?? throw new InvalidOperationException("--postgres CONN (a server where databases may be created) is needed for postgres");
                var name = $"lodestar_stored_{Guid.NewGuid():N}"[..40];
                await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\"");
                options = new DatabaseOptions(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(connection) { Database = name, CommandTimeout = 600 }.ToString());
                drop = async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                };
            }
            else
            {
                Directory.CreateDirectory(scratch);
                var file = Path.Combine(scratch, $"stored-{Guid.NewGuid():N}.db");
                options = new DatabaseOptions(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 600 }.ToString());
                drop = () =>
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var f in new[] { file, file + "-wal", file + "-shm", file + "-journal" }.Where(File.Exists))
                    {
                        File.Delete(f);
                    }

                    return Task.CompletedTask;
                };
            }

            await using (var db = options.CreateContext())
            {
                DatabaseInitializer.Initialize(db);
            }

            return new BenchDb(options, drop);
        }

        public async ValueTask DisposeAsync() => await drop();

        private static async Task ExecuteAsync(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Where the bulk load's CPU goes, phase by phase, council by council on one thread (no database).</summary>
internal static class StoredPhases
{
    public static void Run(string data)
    {
        var engine = new KpiEngine(new KpiOptions { Population = PopulationCsvReader.ReadFile(Path.Combine(data, "population.csv")) });
        var (councils, _) = Lodestar.Formats.StatutoryDataLoader.GroupByCouncil([data]);
        double read = 0, years = 0, validate = 0, merge = 0, compute = 0;
        long results = 0;
        var list = councils.Where(c => c.Council != Lodestar.Formats.StatutoryDataLoader.UnknownCouncil).ToList();
        // The first council twice: once to warm up (the JIT), not counted.
        foreach (var (index, (council, paths)) in list.Take(1).Concat(list).Index())
        {
            if (index == 1)
            {
                (read, years, validate, merge, compute, results) = (0, 0, 0, 0, 0, 0);
            }

            // As BulkLoad: each file read from the disk and parsed once.
            var t = Cpu();
            var returns = Lodestar.Formats.StatutoryDataLoader.ReadCouncil(council, paths);
            read += Cpu() - t;
            foreach (var year in returns.Years)
            {
                // Each return and year as its check loads it (a 903 year with the year before it too, for the rules across years).
                t = Cpu();
                var loaded = returns.Load(year);
                var previous = returns.Years.FirstOrDefault(y => y.Return == Lodestar.Domain.Returns.StatutoryReturn.Ssda903 && year.Return == y.Return && y.CollectionYear == year.CollectionYear - 1);
                var together = previous is null ? null : returns.LoadWithPrevious(year, previous, "last year's confirmed return/");
                years += Cpu() - t;
                t = Cpu();
                Lodestar.Formats.Validation.ReturnValidator.Validate(together ?? loaded);
                validate += Cpu() - t;
            }

            t = Cpu();
            var merged = returns.Merged()!;
            merge += Cpu() - t;
            t = Cpu();
            results += StoredKpis.Compute(engine, KpiDataset.Of(merged)).Count;
            compute += Cpu() - t;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{list.Count} councils, CPU seconds on one thread after a warm-up: read every file's bytes and parse it once {read:N2}, each return and year from that reading (alone, and a 903 year with the one before) {years:N2}, validate {validate:N2}, every year merged {merge:N2}, compute every KPI ({results:N0} results) {compute:N2}"));
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
