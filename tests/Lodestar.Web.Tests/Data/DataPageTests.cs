using System.Net;
using System.Text;
using System.Text.Json;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lodestar.Web.Tests.Data.DataFiles;

namespace Lodestar.Web.Tests.Data;

/// <summary>
/// The council's Data page over HTTP: who may do what, refusals that store nothing, the report's filters and downloads.
/// The tests share one app (a class's tests run one after another), two for the upload limit; each test works on a
/// council of its own and counts only that council's submissions and audit entries, so what one test stored is never in
/// another's counts. The test of the reference lists, which are read at start, starts its own app.
/// </summary>
public sealed class DataPageTests(SharedApp shared, DataPageTests.LimitedApp limited) : IClassFixture<SharedApp>, IClassFixture<DataPageTests.LimitedApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>An app taking uploads of up to 1 MB.</summary>
    public sealed class LimitedApp : SharedApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lodestar:Returns:MaxUploadMb"] = "1" };
    }

    [Fact]
    public async Task Upload_Editor_StoresACheckedSubmissionButConfirmIsDenied()
    {
        var app = shared.App;
        const string council = "E06000001";
        using var editor = await app.SignedInClientAsync(Roles.Editor);

        using var uploaded = await UploadAsync(editor, Return903("C1", "C2"), Cancel, DataPageOf(council));
        var id = IdOf(uploaded);
        var report = await uploaded.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("header_2025.csv", report, StringComparison.Ordinal);

        using var confirm = await StepAsync(editor, id, "Confirm", Cancel, DataPageOf(council));

        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode); // the "no access" page, as a 403
        await using var db = Open(app);
        Assert.Equal(SubmissionStatus.Checked, (await SubmissionsOf(db, council).SingleAsync(Cancel)).Status);
        Assert.Equal(["checked: 3 files, 0 errors, 0 warnings"], await ImportAuditAsync(db, council));
    }

    [Fact]
    public async Task Confirm_Manager_ServesTheNewKpisAndRecordsBeforeAndAfter()
    {
        var app = shared.App;
        const string council = "E06000002";
        var dataPage = DataPageOf(council);
        using var client = await app.SignedInClientAsync(Roles.Editor, Roles.Manager);
        var first = IdOf(await UploadAsync(client, Return903("C1", "C2"), Cancel, dataPage));
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(client, first, "Confirm", Cancel, dataPage)).StatusCode);
        var second = IdOf(await UploadAsync(client, Return903("C1", "C2", "C3", "C4", "C5"), Cancel, dataPage));

        // Before confirming: now 2, if confirmed 5.
        var preview = await client.GetStringAsync(new Uri($"{dataPage}/submissions/{second}", UriKind.Relative), Cancel);
        Assert.Contains("data-testid=\"preview\"", preview, StringComparison.Ordinal);
        using var confirmed = await StepAsync(client, second, "Confirm", Cancel, dataPage);

        Assert.Equal($"{dataPage}/submissions/{second}", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(5, await ClaAtEndAsync(client, council));
        await using var db = Open(app);
        var recorded = await db.Set<SubmissionKpiEntity>().SingleAsync(k => k.SubmissionId == second && k.Kpi == "cla_at_end", Cancel);
        Assert.Equal((SubmissionStep.Confirmed, 2d, 5d), (recorded.Step, recorded.Before, recorded.After));
        var audit = await ImportAuditAsync(db, council);
        Assert.Contains($"confirmed, superseding submission {first}", audit);

        using var rolledBack = await StepAsync(client, second, "RollBack", Cancel, dataPage);
        Assert.Equal(2, await ClaAtEndAsync(client, council));
        var back = await db.Set<SubmissionKpiEntity>().AsNoTracking().SingleAsync(k => k.SubmissionId == second && k.Kpi == "cla_at_end" && k.Step == SubmissionStep.RolledBack, Cancel);
        Assert.Equal((5d, 2d), (back.Before, back.After));
        var page = await rolledBack.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("When it was rolled back", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discard_Editor_SetsTheSubmissionAsideAndAudits()
    {
        var app = shared.App;
        const string council = "E06000003";
        using var editor = await app.SignedInClientAsync(Roles.Editor);
        var id = IdOf(await UploadAsync(editor, Return903("C1"), Cancel, DataPageOf(council)));

        using var response = await StepAsync(editor, id, "Discard", Cancel, DataPageOf(council));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Open(app);
        Assert.Equal(SubmissionStatus.Discarded, (await SubmissionsOf(db, council).SingleAsync(Cancel)).Status);
        Assert.Contains("discarded", await ImportAuditAsync(db, council));
    }

    [Fact]
    public async Task Upload_OverTheLimit_GetsThePageThatSaysSoAndStoresNothing()
    {
        var app = limited.App; // nothing is stored by either test on it: each still finds no submission at all
        using var editor = await app.SignedInClientAsync(Roles.Editor);

        using var response = await UploadAsync(editor, [("episodes_2025.csv", new byte[2 * 1024 * 1024])], Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("The upload is too large", page, StringComparison.Ordinal);
        Assert.Contains("up to 1 MB", page, StringComparison.Ordinal);
        await using var db = Open(app);
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
    }

    [Fact]
    public async Task Upload_OverTheLimitWithoutALength_GetsThePageThatSaysSoAndStoresNothing()
    {
        var app = limited.App; // nothing is stored by either test on it: each still finds no submission at all
        using var editor = await app.SignedInClientAsync(Roles.Editor);
        var token = await TokenAsync(editor, DataPage, Cancel);
        // A stream that cannot seek has no length: the body is sent chunked, without a Content-Length.
        var pipe = new System.IO.Pipelines.Pipe(new System.IO.Pipelines.PipeOptions(pauseWriterThreshold: 0));
        await pipe.Writer.WriteAsync(new byte[2 * 1024 * 1024], Cancel);
        await pipe.Writer.CompleteAsync();
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StreamContent(pipe.Reader.AsStream()), "Files", "episodes_2025.csv" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(DataPage, UriKind.Relative)) { Content = form };

        using var response = await editor.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The upload is too large", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var db = Open(app);
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
    }

    [Fact]
    public async Task DownloadCsv_FormulaLikeValue_IsNeutralisedAndTheDownloadAudited()
    {
        var app = shared.App;
        const string council = "E06000004";
        using var client = await app.SignedInClientAsync(Roles.Editor, Roles.ChildLevel);
        var id = IdOf(await UploadAsync(client, Return903WithBadDate("=HYPERLINK(\"http://evil.example\",\"x\")"), Cancel, DataPageOf(council)));

        var csv = await client.GetStringAsync(new Uri($"{DataPageOf(council)}/submissions/{id}?handler=csv&rule=DATE-FORMAT", UriKind.Relative), Cancel);

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("severity,rule,file,line,column,value,message", lines[0]);
        var finding = Assert.Single(lines[1..]);
        Assert.StartsWith("error,DATE-FORMAT,episodes_2025.csv,3,DEC,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",", finding, StringComparison.Ordinal);
        await using var db = Open(app);
        var entry = await ChildLevelViewsOf(db, council).SingleAsync(Cancel);
        Assert.Equal(($"submission {id} {council} findings", "csv download: 1 findings"), (entry.Subject, entry.Details));

        using var xlsx = await client.GetAsync(new Uri($"{DataPageOf(council)}/submissions/{id}?handler=xlsx", UriKind.Relative), Cancel);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        // In the workbook the value is a text cell, never evaluated: it reads back exactly as the file had it.
        await using var workbook = await xlsx.Content.ReadAsStreamAsync(Cancel);
        var rows = Lodestar.Formats.Spreadsheets.SheetRows.Read("findings.xlsx", workbook).Value;
        Assert.Equal(["severity", "rule", "file", "line", "column", "value", "message"], rows[0].Cells);
        var dateRow = Assert.Single(rows, r => r.Cells[1] == "DATE-FORMAT");
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"x\")", dateRow.Cells[5]);
    }

    [Fact]
    public async Task Download_WithoutTheChildLevelRole_IsDeniedAndNotAudited()
    {
        var app = shared.App;
        const string council = "E06000005";
        using var editor = await app.SignedInClientAsync(Roles.Editor);
        var id = IdOf(await UploadAsync(editor, Return903WithBadDate("x"), Cancel, DataPageOf(council)));

        using var response = await editor.GetAsync(new Uri($"{DataPageOf(council)}/submissions/{id}?handler=csv", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // the "no access" page, as a 403
        await using var db = Open(app);
        Assert.Equal(0, await ChildLevelViewsOf(db, council).CountAsync(Cancel));
    }

    [Fact]
    public async Task Report_UascRowsWithoutLastYearsReturn_ShowsTheRuleThatCouldNotRun()
    {
        const string council = "E06000006";
        var page = DataPageOf(council);
        using var editor = await shared.App.SignedInClientAsync(Roles.Editor);
        var withUasc = Return903("C1");
        withUasc.Add(("uasc_2025.csv", Encoding.UTF8.GetBytes("CHILD,SEX,DOB,DUC\nC1,M,01/01/2012,01/01/2030\n")));

        using var uploaded = await UploadAsync(editor, withUasc, Cancel, page);
        var report = await editor.GetStringAsync(new Uri($"{page}/submissions/{IdOf(uploaded)}", UriKind.Relative), Cancel);
        using var plain = await UploadAsync(editor, Return903("C1"), Cancel, page);
        var plainReport = await editor.GetStringAsync(new Uri($"{page}/submissions/{IdOf(plain)}", UriKind.Relative), Cancel);

        Assert.Contains("Rules that could not run", report, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"not-run-205B\"", report, StringComparison.Ordinal);
        Assert.Contains("no 2023/24 return was given", report, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"not-run-205B\"", plainReport, StringComparison.Ordinal);
        // No reference list is configured: the rules that need one are said not to have run.
        Assert.Contains("data-testid=\"not-run-1008\"", plainReport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ReferenceListsConfigured_RunsTheirRulesAndListsNoneAsNotRun()
    {
        // Invented lists (docs/validation.md, "Issue 12, reference lists"): the returns' URN SC123456 is not on the provider list.
        var lists = Path.Combine(Path.GetTempPath(), "lodestar-lists-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(lists);
        var postcodes = Path.Combine(lists, "postcodes.csv");
        var providers = Path.Combine(lists, "providers.csv");
        // With positions, for the rules on distance (164, 392a, 406).
        await File.WriteAllTextAsync(postcodes, "pcd,oscty,oslaua,lat,long\nAB1 2CD,E10000003,E07000008,52.2,0.13\nEF3 4GH,E10000003,E07000008,52.235,0.175\n", Cancel);
        await File.WriteAllTextAsync(providers, "URN,PLACE_CODES,PROVIDER_CODES,POSTCODE,REG_END\nSC654321,K2,PR4,EF3 4GH,\n", Cancel);
        try
        {
            await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
            {
                ["Lodestar:Reference:Postcodes"] = postcodes,
                ["Lodestar:Reference:Providers"] = providers,
            });
            using var editor = await app.SignedInClientAsync(Roles.Editor);

            // The Header gives the UASC flag (C1 is not UASC), so that the rules needing it run too.
            var files = Return903("C1");
            files[0] = ("header_2025.csv", Encoding.UTF8.GetBytes("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC\nC1,M,01/01/2012,WBRI,A123456789010,,,0\n"));
            var report = await (await UploadAsync(editor, files, Cancel)).Content.ReadAsStringAsync(Cancel);

            // No rule waits for a list or the UASC flag ("it needs ..."); the rules across years do wait for last year's return.
            Assert.DoesNotContain("it needs", report, StringComparison.Ordinal);
            Assert.Contains("it compares the Episodes table with last year", report, StringComparison.Ordinal);
            await using var db = Open(app);
            Assert.Equal(["1008"], await db.Set<SubmissionFindingEntity>().Select(f => f.Rule).ToListAsync(Cancel));
        }
        finally
        {
            Directory.Delete(lists, recursive: true);
        }
    }

    [Fact]
    public async Task Report_Filters_KeepOnlyTheFindingsAsked()
    {
        var app = shared.App;
        const string council = "E06000007";
        using var editor = await app.SignedInClientAsync(Roles.Editor);
        // A bad date in each file: two DATE-FORMAT errors, one per file, and whatever else the rules find.
        var files = Return903WithBadDate("not a date");
        files[0] = ("header_2025.csv", Encoding.UTF8.GetBytes(HeaderHead + "C1,M,01/01/2012,WBRI,A123456789012,,\nC2,M,bad date,WBRI,A123456789013,,\n"));
        var id = IdOf(await UploadAsync(editor, files, Cancel, DataPageOf(council)));
        var address = $"{DataPageOf(council)}/submissions/{id}";

        var all = await FindingRowsAsync(editor, address);
        var dateFormat = await FindingRowsAsync(editor, $"{address}?rule=DATE-FORMAT");
        var headerDates = await FindingRowsAsync(editor, $"{address}?rule=DATE-FORMAT&file=header_2025.csv");
        var warnings = await FindingRowsAsync(editor, $"{address}?severity=warning");

        await using var db = Open(app);
        var stored = await db.Set<SubmissionFindingEntity>().Where(f => f.SubmissionId == id).ToListAsync(Cancel);
        Assert.Equal((stored.Count, 2, 1), (all, dateFormat, headerDates));
        Assert.Equal(stored.Count(f => f.Severity == Domain.Problems.Severity.Warning), warnings);
    }

    [Fact]
    public async Task Report_ManyFindings_PagedByPWithoutAnErrorOnTheFirstPage()
    {
        const string council = "E06000008";
        using var editor = await shared.App.SignedInClientAsync(Roles.Editor);
        // 130 children, each episode's DEC not a date: 130 DATE-FORMAT errors, 100 a page.
        var children = Enumerable.Range(1, 130).Select(i => $"C{i}").ToArray();
        var files = Return903(children);
        files[1] = ("episodes_2025.csv", Encoding.UTF8.GetBytes(EpisodesHead + string.Concat(children.Select(c => $"{c},01/04/2024,S,C2,N1,U4,PR1,not a date,,,AB1 2CD,EF3 4GH,SC123456\n"))));
        var id = IdOf(await UploadAsync(editor, files, Cancel, DataPageOf(council)));
        var address = $"{DataPageOf(council)}/submissions/{id}?rule=DATE-FORMAT";

        var first = await editor.GetStringAsync(new Uri(address, UriKind.Relative), Cancel);
        var second = await FindingRowsAsync(editor, $"{address}&p=2");

        Assert.DoesNotContain("govuk-error-summary", first, StringComparison.Ordinal);
        Assert.Equal((100, 30), (first.Split("data-testid=\"finding\"").Length - 1, second));
    }

    [Fact]
    public async Task DataPage_UnknownCouncilOrAnotherCouncilsSubmission_IsNotFound()
    {
        using var editor = await shared.App.SignedInClientAsync(Roles.Editor);
        var id = IdOf(await UploadAsync(editor, Return903("C1"), Cancel, DataPageOf("E06000009")));

        using var unknown = await editor.GetAsync(new Uri("/councils/E99999999/data", UriKind.Relative), Cancel);
        using var other = await editor.GetAsync(new Uri($"/councils/E09000002/data/submissions/{id}", UriKind.Relative), Cancel);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, other.StatusCode));
    }

    [Fact]
    public async Task DataRoutes_UserWithoutAGrantForTheCouncil_AreNotFoundAndChangeNothing()
    {
        var app = shared.App;
        const string council = "E06000010";
        var dataPage = DataPageOf(council);
        using var owner = await app.SignedInClientAsync(Roles.Editor);
        var id = IdOf(await UploadAsync(owner, Return903("C1"), Cancel, dataPage));
        // Every role, but a grant for another council only.
        var (_, outsider) = await app.SignedInUserAsync(TestGrants.Of("E09000002"), Roles.Editor, Roles.Manager, Roles.ChildLevel);
        using var client = outsider;
        var own = await TokenAsync(client, "/councils/E09000002/data", Cancel);

        var statuses = new List<HttpStatusCode>();
        foreach (var address in new[] { dataPage, $"{dataPage}/submissions/{id}", $"{dataPage}/submissions/{id}?handler=csv", $"{dataPage}/submissions/{id}?handler=xlsx", $"/data?council={council}" })
        {
            using var get = await client.GetAsync(new Uri(address, UriKind.Relative), Cancel);
            statuses.Add(get.StatusCode);
        }

        foreach (var handler in new[] { "Confirm", "Discard", "RollBack" })
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = own });
            using var post = await client.PostAsync(new Uri($"{dataPage}/submissions/{id}?handler={handler}", UriKind.Relative), form, Cancel);
            statuses.Add(post.StatusCode);
        }

        using (var files = new MultipartFormDataContent { { new StringContent(own), "__RequestVerificationToken" }, { new ByteArrayContent(Return903("C9")[0].Content), "Files", "header_2025.csv" } })
        {
            using var upload = await client.PostAsync(new Uri(dataPage, UriKind.Relative), files, Cancel);
            statuses.Add(upload.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        var picker = await client.GetStringAsync(new Uri("/data", UriKind.Relative), Cancel);
        Assert.DoesNotContain(council, picker, StringComparison.Ordinal);
        await using var db = Open(app);
        Assert.Equal(SubmissionStatus.Checked, (await SubmissionsOf(db, council).SingleAsync(Cancel)).Status);
        Assert.Equal(0, await ChildLevelViewsOf(db, council).CountAsync(Cancel));
    }

    private static async Task<int> FindingRowsAsync(HttpClient client, string address)
    {
        var page = await client.GetStringAsync(new Uri(address, UriKind.Relative), Cancel);
        return page.Split("data-testid=\"finding\"").Length - 1;
    }

    private static async Task<double> ClaAtEndAsync(HttpClient client, string council)
    {
        var body = await client.GetStringAsync(new Uri($"/api/v1/kpis?council={council}&year=2025&kpi=cla_at_end", UriKind.Relative), Cancel);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("value").GetDouble();
    }

    internal static async Task<List<string?>> ImportAuditAsync(LodestarDbContext db) =>
        await db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.Import).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync(Cancel);

    // One council's import audit entries: their subjects name the council ("submission 7 E06000001 903 2025").
    private static async Task<List<string?>> ImportAuditAsync(LodestarDbContext db, string council) =>
        await db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.Import && a.Subject!.Contains($" {council} "))
            .OrderBy(a => a.Id).Select(a => a.Details).ToListAsync(Cancel);

    // One council's child-level view audit entries ("submission 7 E06000001 findings").
    private static IQueryable<AuditEventEntity> ChildLevelViewsOf(LodestarDbContext db, string council) =>
        db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.ViewChildLevel && a.Subject!.Contains($" {council} "));

    private static IQueryable<SubmissionEntity> SubmissionsOf(LodestarDbContext db, string council) =>
        db.Set<SubmissionEntity>().Where(s => s.CouncilCode == council);

    internal static LodestarDbContext Open(RunningApp app) =>
        app.Services.GetRequiredService<DatabaseOptions>().CreateContext();
}
