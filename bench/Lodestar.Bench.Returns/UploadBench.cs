using System.Diagnostics;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Bench.Returns;

/// <summary>The times of one upload's steps, in milliseconds.</summary>
internal sealed record StepTimes(double Check, double Confirm, double Refresh, double FirstKpi = 0, double Series = 0)
{
    public double Total => Check + Confirm + Refresh;
}

/// <summary>One run: each year's upload of the five years, then the month's extract.</summary>
internal sealed record UploadRun(IReadOnlyList<StepTimes> Years, StepTimes Month, double CpuMs, int Findings, double BadCheck, int BadFindings);

/// <summary>
/// The product's use case, called as a host calls it: each upload checked (<see cref="Submissions.CheckAsync"/> with the
/// files in memory, as an upload gives them), confirmed (<see cref="Submissions.ConfirmAsync(string, long, CancellationToken)"/>), and the council's
/// model rebuilt from its confirmed submissions (<see cref="StatutoryDataStore.RefreshAsync"/> over
/// <see cref="ConfirmedReturns.LoadAsync(Lodestar.Data.LodestarDbContext, string, CancellationToken)"/>, what ConfirmAsync does when given the model; timed apart here). Each step
/// has its own DbContext, as each request has.
/// </summary>
internal sealed class UploadBench(IReadOnlyList<Upload> uploads, Upload monthBefore, Upload month, Upload bad, PopulationEstimates population)
{
    private const string Actor = "bench";

    public UploadRun Run(Func<BenchDatabase> newDatabase)
    {
        using var database = newDatabase();
        var store = new StatutoryDataStore(population);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var years = new List<StepTimes>();
        var findings = 0;
        foreach (var upload in uploads)
        {
            var (times, count) = Submit(database.Options, store, upload);
            years.Add(times);
            findings += count;
        }

        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;

        // The confirmed 903 of the current year is last month's extract; this month's, with one more month, supersedes it.
        Submit(database.Options, store, monthBefore);
        var (monthTimes, _) = Submit(database.Options, store, month);
        var watch = Stopwatch.StartNew();
        var results = store.Compute(BenchData.DemoCouncil, [Period.ReportingYear(month.Year)]);
        var firstKpi = Lap(watch);
        if (results.Count == 0)
        {
            throw new InvalidOperationException("no KPI result after the month's extract: the model is empty");
        }

        // A dashboard's trend: every KPI for every month of the five years, on the new model (nothing cached).
        store.Compute(BenchData.DemoCouncil, Period.Series(PeriodKind.Month, new DateOnly(month.Year - 5, 4, 1), new DateOnly(month.Year, 3, 31)));
        var series = Lap(watch);

        // The demo's returns are clean: a check that stores a finding on every row shows what findings cost.
        using var badDb = database.Options.CreateContext();
        var badCheck = new Submissions(badDb, new AuditLog(badDb, TimeProvider.System), TimeProvider.System)
            .CheckAsync(Actor, BenchData.DemoCouncil, bad.Files, bad.Year).GetAwaiter().GetResult();
        var badMs = Lap(watch);
        return new UploadRun(years, monthTimes with { FirstKpi = firstKpi, Series = series }, cpuMs, findings, badMs, badCheck.Value.Findings.Count);
    }

    private static (StepTimes Times, int Findings) Submit(DatabaseOptions options, StatutoryDataStore store, Upload upload)
    {
        var watch = Stopwatch.StartNew();
        long id;
        int findings;
        using (var db = options.CreateContext())
        {
            var check = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System)
                .CheckAsync(Actor, BenchData.DemoCouncil, upload.Files, upload.Year).GetAwaiter().GetResult();
            if (!check.Succeeded)
            {
                throw new InvalidOperationException($"{upload.Return} {upload.Year} refused: {string.Join("; ", check.Problems)}");
            }

            id = check.Value.Submission.Id;
            findings = check.Value.Findings.Count;
        }

        var checkMs = Lap(watch);
        using (var db = options.CreateContext())
        {
            var confirmed = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System)
                .ConfirmAsync(Actor, id).GetAwaiter().GetResult();
            if (!confirmed.Succeeded)
            {
                throw new InvalidOperationException($"{upload.Return} {upload.Year} not confirmed: {string.Join("; ", confirmed.Problems)}");
            }

            var confirmMs = Lap(watch);
            var version = ConfirmedReturns.VersionsAsync(db).GetAwaiter().GetResult()[BenchData.DemoCouncil];
            store.RefreshAsync(BenchData.DemoCouncil, version, ct => ConfirmedReturns.LoadAsync(db, BenchData.DemoCouncil, ct)).GetAwaiter().GetResult();
            return (new StepTimes(checkMs, confirmMs, Lap(watch)), findings);
        }
    }

    private static double Lap(Stopwatch watch)
    {
        var ms = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        return ms;
    }
}
