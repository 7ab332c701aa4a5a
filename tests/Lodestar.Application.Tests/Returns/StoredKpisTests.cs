using System.Data.Common;
using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Domain.Periods;
using Lodestar.Formats;
using Lodestar.Formats.Generation;
using Lodestar.Metrics.Kpis;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lodestar.Application.Tests.Returns;

/// <summary>Every KPI of a council stored when its confirmed submissions change, and only that council's.</summary>
public sealed class StoredKpisTests
{
    private const string Council = "E10000003";
    private const string Other = "E09000002";

    private const string HeaderHead = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    private const string EpisodesHead = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Confirm_903Return_StoresEachMonthAndTheYearForWhatTheyMeanAndNoCinKpis(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = new StepClock();
        var submissions = Use(db, clock);
        // C1 looked after from 1 April 2024, C2 from 1 June 2024 until 15 January 2025.
        var id = await CheckAsync(submissions, Council, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", "15/01/2025")));
        Assert.True((await submissions.ConfirmAsync("bob", id, Cancel)).Succeeded);

        var stored = await db.Set<KpiResultEntity>().AsNoTracking().Where(r => r.CouncilCode == Council).ToListAsync(Cancel);
        double? At(string kpi, DateOnly start, DateOnly end) => stored.Single(r => r.Kpi == kpi && r.PeriodStart == start && r.PeriodEnd == end).Value;
        // Children looked after at each month's end: 1 in April and May, 2 from June to December, 1 from January.
        Assert.Equal(
            [1, 1, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1],
            Enumerable.Range(0, 12).Select(m => At("cla_at_end", new DateOnly(2024, 4, 1).AddMonths(m), new DateOnly(2024, 4, 1).AddMonths(m + 1).AddDays(-1))));
        Assert.Equal(1, At("cla_at_end", new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)));
        // C2's period of care ended in January: ceased in January, and in the year.
        Assert.Equal(1, At("cla_ceased", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31)));
        Assert.Equal(1, At("cla_ceased", new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)));
        // Placements over twelve months: the twelve months to each month end, never a month alone.
        Assert.Contains(stored, r => r.Kpi == "cla_placements_3plus" && r.PeriodStart == new DateOnly(2024, 2, 1) && r.PeriodEnd == new DateOnly(2025, 1, 31));
        Assert.DoesNotContain(stored, r => r.Kpi == "cla_placements_3plus" && r.PeriodStart == new DateOnly(2025, 1, 1));
        Assert.Equal(12, stored.Count(r => r.Kpi == "cla_placements_3plus"));
        // Defined for the year to 31 March: the year alone.
        Assert.Equal([(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31))], stored.Where(r => r.Kpi == "cla_health_check").Select(r => (r.PeriodStart, r.PeriodEnd)));
        // No CIN census confirmed: no CIN KPI stored.
        Assert.DoesNotContain(stored, r => r.Kpi == "referrals" || r.Kpi == "cin_at_end");

        var set = await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((Council, 1L, stored.Count), (set.CouncilCode, set.Version, set.Results));
        Assert.Equal([id], await db.Set<KpiResultSourceEntity>().Select(s => s.SubmissionId).ToListAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Confirm_GeneratedCouncilTwoYears_StoredResultsEqualTheEnginesOverItsConfirmedReturns(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("lodestar-stored-kpis-").FullName;
        try
        {
            var generated = SyntheticDataGenerator.Generate(new GenerationOptions(councils: 1, childrenPerCouncil: 150, years: 2, yearEnd: 2025, seed: 11), folder, cancellationToken: Cancel);
            var council = generated.Councils.Single().CouncilCode;
            await using var db = database.CreateContext();
            var submissions = Use(db, new StepClock());
            var ids = new List<long>();
            // One submission per return and year, earliest first, as a council sends them.
            foreach (var group in Directory.EnumerateFiles(Path.Combine(folder, council), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal))
                .GroupBy(f => (Return: Path.GetFileName(Path.GetDirectoryName(f)!), Year: StatutoryDataLoader.YearInName(Path.GetFileName(f))!.Value))
                .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Return, StringComparer.Ordinal))
            {
                var id = await CheckAsync(submissions, council, [.. group.Select(f => new InputFile(Path.GetFileName(f), File.ReadAllBytes(f)))], group.Key.Year);
                Assert.True((await submissions.ConfirmAsync("bob", id, Cancel)).Succeeded);
                ids.Add(id);
            }

            Assert.Equal(4, ids.Count);
            var dataset = KpiDataset.Of((await ConfirmedReturns.LoadAsync(db, council, Cancel)).Councils.Single());
            // Both returns cover April 2023 to March 2025: 24 months and two reporting years.
            var months = Period.Series(PeriodKind.Month, new DateOnly(2023, 4, 1), new DateOnly(2025, 3, 31));
            Assert.Equal(24, months.Count);
            IReadOnlyList<Period> years = [Period.ReportingYear(2024), Period.ReportingYear(2025)];
            var rolling = months.Select(m => Period.Rolling12(m.Start.Year, m.Start.Month)).ToList();
            var engine = new KpiEngine();
            var expected = new List<KpiResult>();
            foreach (var kpi in KpiCatalog.All.Where(k => k.Source != KpiSource.AnnexA))
            {
                IReadOnlyList<Period> periods = kpi.Timing switch
                {
                    KpiTiming.TwelveMonths => rolling,
                    KpiTiming.YearEnd => years,
                    _ => [.. months, .. years],
                };
                expected.AddRange(engine.Compute(dataset, periods, [kpi.Id]));
            }

            var stored = await StoredKpis.ReadAsync(db, council, [.. KpiCatalog.All.Select(k => k.Id)], [.. months, .. years, .. rolling], Cancel);
            Assert.Equal(Sorted(expected), Sorted(stored));
            Assert.Contains(stored, r => r.Kpi == "rereferrals_12m" && r.Value > 0);
            Assert.Contains(stored, r => r.Kpi == "cla_at_end" && r.Value > 0);
            Assert.Equal(expected.Count, await db.Set<KpiResultEntity>().CountAsync(Cancel));
            var source = await StoredKpis.SourceAsync(db, council, Cancel);
            Assert.Equal((4L, expected.Count), (source!.Value.Version, source.Value.Results));
            Assert.Equal(ids.Order(), source.Value.Submissions);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [AllDatabases]
    public async Task Confirm_OneCouncilsCorrection_ReplacesOnlyThatCouncilsResults(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = new StepClock();
        var submissions = Use(db, clock);
        // Two looked after at 31 March 2025 in each council.
        var first = await CheckAsync(submissions, Council, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", "")));
        Assert.True((await submissions.ConfirmAsync("bob", first, Cancel)).Succeeded);
        var other = await CheckAsync(submissions, Other, Return903(("D1", "01/05/2024", ""), ("D2", "01/07/2024", "")));
        Assert.True((await submissions.ConfirmAsync("bob", other, Cancel)).Succeeded);
        var otherBefore = await SnapshotAsync(db, Other);
        var otherSet = await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(s => s.CouncilCode == Other, Cancel);

        // The council's corrected return: C3 started in September, 3 at 31 March 2025.
        var second = await CheckAsync(submissions, Council, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", ""), ("C3", "01/09/2024", "")));
        Assert.True((await submissions.ConfirmAsync("bob", second, Cancel)).Succeeded);

        Assert.Equal(3, await ClaAtEndAsync(db, Council));
        Assert.Equal([second], await db.Set<KpiResultSourceEntity>().Where(s => s.CouncilCode == Council).Select(s => s.SubmissionId).ToListAsync(Cancel));
        Assert.Equal(otherBefore, await SnapshotAsync(db, Other));
        var otherAfter = await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(s => s.CouncilCode == Other, Cancel);
        Assert.Equal((otherSet.Version, otherSet.ComputedAt), (otherAfter.Version, otherAfter.ComputedAt));

        // Rolled back: the first return's results again, the other council's still untouched.
        Assert.True((await submissions.RollBackAsync("bob", second, Cancel)).Succeeded);
        Assert.Equal(2, await ClaAtEndAsync(db, Council));
        Assert.Equal([first], await db.Set<KpiResultSourceEntity>().Where(s => s.CouncilCode == Council).Select(s => s.SubmissionId).ToListAsync(Cancel));
        Assert.Equal(otherBefore, await SnapshotAsync(db, Other));

        // Rolled back again: no confirmed return, no results.
        Assert.True((await submissions.RollBackAsync("bob", first, Cancel)).Succeeded);
        Assert.Equal(0, await db.Set<KpiResultEntity>().CountAsync(r => r.CouncilCode == Council, Cancel));
        Assert.False(await db.Set<KpiResultSetEntity>().AnyAsync(s => s.CouncilCode == Council, Cancel));
        Assert.Equal(otherBefore, await SnapshotAsync(db, Other));
    }

    [Theory]
    [AllDatabases]
    public async Task ConfirmLeavingResults_ThenRefreshStale_ResultsFollowOnlyTheCouncilWhoseVersionMoved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = Use(db, new StepClock());
        var first = await CheckAsync(submissions, Council, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", "")));
        Assert.True((await submissions.ConfirmAsync("bob", first, Cancel)).Succeeded);
        var other = await CheckAsync(submissions, Other, Return903(("D1", "01/05/2024", "")));
        Assert.True((await submissions.ConfirmAsync("bob", other, Cancel)).Succeeded);
        var otherSet = await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(s => s.CouncilCode == Other, Cancel);
        // Nothing stale: nothing refreshed.
        Assert.Empty(await submissions.RefreshStaleResultsAsync(Cancel));

        // Confirmed leaving the results for later, as a folder import does (or as a process that died before the refresh left them).
        var second = await CheckAsync(submissions, Council, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", ""), ("C3", "01/09/2024", "")));
        Assert.True((await submissions.ConfirmAsync("bob", second, storeResults: false, Cancel)).Succeeded);
        Assert.Equal(2, await ClaAtEndAsync(db, Council));
        Assert.Equal(1L, (await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(s => s.CouncilCode == Council, Cancel)).Version);

        Assert.Equal([Council], await submissions.RefreshStaleResultsAsync(Cancel));

        Assert.Equal(3, await ClaAtEndAsync(db, Council));
        Assert.Equal(2L, (await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(s => s.CouncilCode == Council, Cancel)).Version);
        Assert.Equal([second], await db.Set<KpiResultSourceEntity>().Where(s => s.CouncilCode == Council).Select(s => s.SubmissionId).ToListAsync(Cancel));
        var otherAfter = await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(s => s.CouncilCode == Other, Cancel);
        Assert.Equal((otherSet.Version, otherSet.ComputedAt), (otherAfter.Version, otherAfter.ComputedAt));
        Assert.Empty(await submissions.RefreshStaleResultsAsync(Cancel));
    }

    [Fact]
    public async Task ConfirmLeavingResults_WithAServedModel_IsRefusedAndNothingChanges()
    {
        // A served model follows the stored results: a confirmation that left them for later would leave the model behind.
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, model: new StatutoryDataStore(PopulationEstimates.None));
        var id = await CheckAsync(submissions, Council, Return903(("C1", "01/04/2024", "")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => submissions.ConfirmAsync("bob", id, storeResults: false, Cancel));

        Assert.Equal(SubmissionStatus.Checked, (await submissions.FindAsync(id, Cancel))!.Status);
    }

    [Theory]
    [AllDatabases]
    public async Task Confirm_FailsWhileReplacingTheResults_ConfirmationAndResultsStayAsBefore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long first, second;
        await using (var db = database.CreateContext())
        {
            var submissions = Use(db, new StepClock());
            first = await CheckAsync(submissions, Council, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", "")));
            Assert.True((await submissions.ConfirmAsync("bob", first, Cancel)).Succeeded);
            second = await CheckAsync(submissions, Council, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", ""), ("C3", "01/09/2024", "")));
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(2, await ClaAtEndAsync(db, Council));
        }

        // The results were deleted, then the connection is lost before the new ones are written.
        await using (var failing = database.CreateContext(new FailAtResultSetDelete()))
        {
            await Assert.ThrowsAsync<LostConnectionException>(() => Use(failing, new StepClock()).ConfirmAsync("cat", second, Cancel));
        }

        await using var read = database.CreateContext();
        Assert.Equal(SubmissionStatus.Confirmed, (await read.Set<SubmissionEntity>().SingleAsync(s => s.Id == first, Cancel)).Status);
        Assert.Equal(SubmissionStatus.Checked, (await read.Set<SubmissionEntity>().SingleAsync(s => s.Id == second, Cancel)).Status);
        Assert.Equal(2, await ClaAtEndAsync(read, Council));
        Assert.Equal([first], await read.Set<KpiResultSourceEntity>().Select(s => s.SubmissionId).ToListAsync(Cancel));
        Assert.Equal(1, (await read.Set<KpiResultSetEntity>().SingleAsync(Cancel)).Version);
    }

    [Theory]
    [AllDatabases]
    public async Task Replace_ARowBreaksTheKeyHalfWay_TheCouncilsResultsBeforeItStay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = Use(db, new StepClock());
        var id = await CheckAsync(submissions, Council, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", "")));
        Assert.True((await submissions.ConfirmAsync("bob", id, Cancel)).Succeeded);
        var before = await SnapshotAsync(db, Council);

        // Results in which one comes twice, after others: the write fails part-way.
        var month = new KpiResult("cla_at_end", Council, new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30), 9, 9, null, Domain.Frameworks.MeasureUnit.Count);
        var year = month with { PeriodEnd = new DateOnly(2025, 3, 31) };
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            await Assert.ThrowsAnyAsync<DbException>(() => StoredKpis.ReplaceAsync(db, Council, 2, "", [id], [month, year, month], DateTimeOffset.UnixEpoch, Cancel));
            await transaction.RollbackAsync(Cancel);
        }

        Assert.Equal(before, await SnapshotAsync(db, Council));
    }

    private static async Task<double?> ClaAtEndAsync(LodestarDbContext db, string council) =>
        (await db.Set<KpiResultEntity>().AsNoTracking()
            .SingleAsync(r => r.CouncilCode == council && r.Kpi == "cla_at_end" && r.PeriodStart == new DateOnly(2024, 4, 1) && r.PeriodEnd == new DateOnly(2025, 3, 31), Cancel)).Value;

    private static async Task<List<string>> SnapshotAsync(LodestarDbContext db, string council) =>
        [.. (await db.Set<KpiResultEntity>().AsNoTracking().Where(r => r.CouncilCode == council).ToListAsync(Cancel))
            .Select(r => $"{r.Kpi} {r.PeriodStart:yyyy-MM-dd} {r.PeriodEnd:yyyy-MM-dd} {r.Category} {r.Value} {r.Numerator} {r.Denominator}")
            .Order(StringComparer.Ordinal)];

    private static List<string> Sorted(IEnumerable<KpiResult> results) =>
        [.. results.Select(r => $"{r.Council} {r.Kpi} {r.PeriodStart:yyyy-MM-dd} {r.PeriodEnd:yyyy-MM-dd} {r.Category} {r.Value:R} {r.Numerator:R} {r.Denominator:R} {r.Unit}").Order(StringComparer.Ordinal)];

    private static Submissions Use(LodestarDbContext db, TimeProvider clock) => new(db, new AuditLog(db, clock), clock);

    private static async Task<long> CheckAsync(Submissions submissions, string council, IReadOnlyList<InputFile> files, int year = 2025) =>
        (await submissions.CheckAsync("ann", council, files, year, Cancel)).Value.Submission.Id;

    /// <summary>A 903 return's Header and Episodes: one episode per child (CHILD, DECOM, DEC; a DEC ends it with REC E11).</summary>
    private static List<InputFile> Return903(params (string Child, string Decom, string Dec)[] children) =>
    [
        new("header.csv", Encoding.UTF8.GetBytes(HeaderHead + string.Concat(children.Select(c => $"{c.Child},1,01/01/2012,WBRI,A123456789012,,\n")))),
        new("episodes.csv", Encoding.UTF8.GetBytes(EpisodesHead + string.Concat(children.Select(c =>
            $"{c.Child},{c.Decom},S,C2,N1,U4,PR1,{c.Dec},{(c.Dec.Length == 0 ? "" : "E11")},,AB1 2CD,EF3 4GH,SC123456\n")))),
    ];

    /// <summary>A clock a minute later at every reading: each step's computed-at differs from the one before.</summary>
    private sealed class StepClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now = _now.AddMinutes(1);
    }

    // Stands in for a lost connection after the council's results were deleted and before the new ones are written.
    private sealed class FailAtResultSetDelete : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("DELETE", StringComparison.Ordinal) && command.CommandText.Contains("kpi_result_sets", StringComparison.Ordinal))
            {
                throw new LostConnectionException();
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class LostConnectionException() : DbException("the connection was lost (test)");
}
