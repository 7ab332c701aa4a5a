using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Application.Tests.Packs;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Formats;
using Lodestar.Metrics.Kpis;
using Lodestar.Testing;

namespace Lodestar.Application.Tests.Scorecards;

/// <summary>A framework's scorecard for every council, from stored values and stored KPI results.</summary>
public sealed class NationalScorecardsTests
{
    private const string Framework = """
        id: national-test
        title: "National test framework"
        measures:
          - id: lac
            title: "Children looked after at 31 March"
            unit: count
            polarity: lower_is_better
            source: { kpi: cla_at_end }
          - id: complaints
            title: "Complaints received"
            unit: count
            polarity: lower_is_better
        nodes:
          - kind: outcome
            id: safe
            title: "Children are safe"
            measures: [lac, complaints]
        """;

    // Cambridgeshire (E10000003) has complaints and targets; Barking and Dagenham (E09000002) neither.
    private const string Values = """
        measure,council,period,value,numerator,denominator
        complaints,E10000003,2025,12,,
        complaints,E10000003,2024,15,,
        """;

    private const string Targets = """
        measure,council,period,value
        lac,E10000003,2025,1
        complaints,E10000003,2025,20
        """;

    private const string HeaderHead = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    private const string EpisodesHead = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Build_TwoCouncilsConfirmed_EachCouncilsLineIsItsOwnScorecardFromTheStoredResults(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await PackTestData.ImportAsync(db, Framework, Values, Targets);
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
        // Cambridgeshire: two looked after at 31 March 2025; Barking and Dagenham: three.
        await ConfirmAsync(submissions, "E10000003", ("C1", "01/04/2023", ""), ("C2", "01/06/2024", ""));
        await ConfirmAsync(submissions, "E09000002", ("D1", "01/05/2024", ""), ("D2", "01/07/2024", ""), ("D3", "01/08/2024", ""));
        var year = Period.ReportingYear(2025);

        var national = await new NationalScorecards(db, new FrameworkStore(db)).BuildAsync("national-test", year, allowed: null, Cancel);

        Assert.NotNull(national);
        Assert.Equal(["E09000002", "E10000003"], national.Councils.Select(c => c.Council.Code));
        var barking = national.Councils[0].Scorecard.Rows.ToDictionary(r => r.Measure.Id);
        var cambs = national.Councils[1].Scorecard.Rows.ToDictionary(r => r.Measure.Id);
        Assert.Equal(((decimal?)3m, (decimal?)null), (barking["lac"].Value?.Value, barking["lac"].Target?.Value));
        Assert.Null(barking["complaints"].Value);
        // Two against a target of 1, lower is better: red; no value for last year, which no return covers.
        Assert.Equal(((decimal?)2m, (decimal?)1m, RagStatus.Red, (decimal?)null), (cambs["lac"].Value?.Value, cambs["lac"].Target?.Value, cambs["lac"].Rag.Status, cambs["lac"].PreviousValue));
        Assert.Equal(((decimal?)12m, (decimal?)20m, RagStatus.Green, (decimal?)15m), (cambs["complaints"].Value?.Value, cambs["complaints"].Target?.Value, cambs["complaints"].Rag.Status, cambs["complaints"].PreviousValue));

        // The council's own scorecard, computed from its returns in memory, says the same line for line.
        foreach (var (council, scorecard) in national.Councils)
        {
            var store = StatutoryDataStore.From(await ConfirmedReturns.LoadAsync(db, council.Code, Cancel), PopulationEstimates.None);
            var own = await new ScorecardService(db, new FrameworkStore(db), new BenchmarkStore(db), store, TimeProvider.System).ScorecardAsync("national-test", council.Code, year, Cancel);
            Assert.Equal(Lines(own!), Lines(scorecard));
        }
    }

    [Theory]
    [AllDatabases]
    public async Task Build_OnlySomeCouncilsAllowed_ShowsThoseOnly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await PackTestData.ImportAsync(db, Framework, Values, Targets);
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
        await ConfirmAsync(submissions, "E09000002", ("D1", "01/05/2024", ""));
        var national = new NationalScorecards(db, new FrameworkStore(db));

        // Cambridgeshire is shown for its entered values alone, when allowed.
        Assert.Equal(["E09000002", "E10000003"], (await national.BuildAsync("national-test", Period.ReportingYear(2025), null, Cancel))!.Councils.Select(c => c.Council.Code));
        Assert.Equal(["E10000003"], (await national.BuildAsync("national-test", Period.ReportingYear(2025), new HashSet<string> { "E10000003" }, Cancel))!.Councils.Select(c => c.Council.Code));
        Assert.Null(await national.BuildAsync("no-such-framework", Period.ReportingYear(2025), null, Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Build_AllowedCouncilsWithoutData_AreNamed_AndWhichHaveStoredResultsIsSaid(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await PackTestData.ImportAsync(db, Framework, Values, Targets);
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
        await ConfirmAsync(submissions, "E09000002", ("D1", "01/05/2024", ""));
        var national = new NationalScorecards(db, new FrameworkStore(db));
        // Barking and Dagenham: stored results; Cambridgeshire: entered values only; Hartlepool: nothing.
        var allowed = new HashSet<string> { "E09000002", "E10000003", "E06000001" };

        var built = (await national.BuildAsync("national-test", Period.ReportingYear(2025), allowed, Cancel))!;

        Assert.Equal(["E09000002", "E10000003"], built.Councils.Select(c => c.Council.Code));
        Assert.Equal(["E09000002"], built.WithStoredResults);
        Assert.Equal(["Hartlepool"], built.WithoutData.Select(c => c.Name));
        Assert.Equal(["lac", "complaints"], built.Measures.Select(m => m.Id));
        Assert.Empty(built.England); // no DfE benchmarks loaded
        // The return is the 2025 collection (to 31 March 2025): the newest year with stored results; none for Cambridgeshire alone.
        Assert.Equal(2025, await national.LatestYearAsync(allowed, Cancel));
        Assert.Equal(2025, await national.LatestYearAsync(null, Cancel));
        Assert.Null(await national.LatestYearAsync(new HashSet<string> { "E10000003" }, Cancel));
    }

    private static List<string> Lines(Scorecard scorecard) =>
        [.. scorecard.Rows.Select(r => $"{r.Measure.Id} {r.Value?.Value} {r.Value?.Numerator} {r.Value?.Denominator} {r.Target?.Value} {r.Rag.Status} {r.Rag.Reason} {r.PreviousValue} {r.VersusPrevious} {r.SameLastYearValue} {r.VersusLastYear}")];

    private static async Task ConfirmAsync(Submissions submissions, string council, params (string Child, string Decom, string Dec)[] children)
    {
        List<InputFile> files =
        [
            new("header.csv", Encoding.UTF8.GetBytes(HeaderHead + string.Concat(children.Select(c => $"{c.Child},1,01/01/2012,WBRI,A123456789012,,\n")))),
            new("episodes.csv", Encoding.UTF8.GetBytes(EpisodesHead + string.Concat(children.Select(c =>
                $"{c.Child},{c.Decom},S,C2,N1,U4,PR1,{c.Dec},{(c.Dec.Length == 0 ? "" : "E11")},,AB1 2CD,EF3 4GH,SC123456\n")))),
        ];
        var check = await submissions.CheckAsync("ann", council, files, 2025, Cancel);
        Assert.True((await submissions.ConfirmAsync("bob", check.Value.Submission.Id, Cancel)).Succeeded);
    }
}
