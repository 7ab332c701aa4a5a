using System.Net;
using System.Text.Json;
using Lodestar.Application.Forecast;
using Lodestar.Data.Audit;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Councils;
using Lodestar.Formats.Generation;
using Lodestar.Metrics.Forecast;
using Lodestar.Web.Tests.Actions;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;

namespace Lodestar.Web.Tests.Frameworks;

/// <summary>
/// One app for the tests of issue 13's scorecard and KPI-page rules (<see cref="Collection"/>): <see cref="FrameworkTestData"/>
/// and two small figures for Cambridgeshire — KPI 6 in 2024-25 is 75% of 4 referrals (3 decided in a day) against an 80%
/// target, KPI 4 in 2023-24 was 25% of 4 plans (1 lasting 2 years) — and Cambridgeshire's generated 903 and CIN census
/// for 2022-23 only (<see cref="Year"/>), without Annex A lists, taken in from the returns folder at start (the scorecard's
/// years have no returns, so its KPI-linked measures keep their entered values); seed 004's action plan, with two forecast
/// scenarios linked to its workstreams: "No change" (every factor 1) to 1.1, "No entries" (entries × 0) to 1.2.
/// </summary>
public sealed class RulesApp : IAsyncLifetime
{
    public const string Collection = "Rules13";

    private readonly string _returns = Path.Combine(Path.GetTempPath(), "lodestar-rules13-" + Guid.NewGuid().ToString("N"));
    private RunningApp? _app;

    public RunningApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>One signed-in user (every role, every council) for the collection's tests, which only read: signing in is the slow part.</summary>
    public HttpClient Staff { get; private set; } = null!;

    /// <summary>The reporting year of the generated returns.</summary>
    public const int Year = 2023;

    /// <summary>The generated council's code: returns, no lists.</summary>
    public string NoListsCouncil { get; } = FrameworkTestData.Council;

    public async ValueTask InitializeAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        var cambridgeshire = CouncilList.Current.Select((c, i) => (c.Code, i)).Single(c => c.Code == FrameworkTestData.Council).i;
        SyntheticDataGenerator.Generate(
            new GenerationOptions(councils: 1, childrenPerCouncil: 60, years: 1, yearEnd: Year, seed: 13) { FirstCouncil = cambridgeshire }, _returns, cancellationToken: cancel);
        _app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["Lodestar:Returns:Folder"] = _returns });
        await FrameworkTestData.ImportAsync(_app, cancel);
        await ActionsSamples.ImportAsync(_app, ActionsSamples.Seed004);
        await using (var actions = ActionsSamples.OpenDatabase(_app))
        {
            var scenarios = new ForecastScenarios(actions, new AuditLog(actions, TimeProvider.System));
            var from = new DateOnly(Year, 4, 1);
            foreach (var (name, entries, workstream) in new[] { ("No change", 1.0, "1.1"), ("No entries", 0.0, "1.2") })
            {
                var saved = await scenarios.SaveAsync("test", FrameworkTestData.Council, new ForecastScenario(name, from, entries, [1, 1, 1, 1, 1], 1, 1),
                    new WorkstreamLink(ActionsSamples.Seed004, workstream), cancel);
                Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
            }
        }

        await using var db = FrameworkTestData.Open(_app);
        var store = new FrameworkStore(db);
        var values = await store.ImportValuesAsync(
        [
            new PeriodicValue { MeasureId = FrameworkTestData.DecisionInOneDay, Council = FrameworkTestData.Council, Period = Period.ReportingYear(2025), Value = 75m, Numerator = 3, Denominator = 4 },
            new PeriodicValue { MeasureId = FrameworkTestData.CppTwoYears, Council = FrameworkTestData.Council, Period = Period.ReportingYear(2024), Value = 25m, Numerator = 1, Denominator = 4 },
        ], cancel);
        Assert.True(values.Succeeded, string.Join("; ", values.Problems));
        var targets = await store.SetTargetsAsync(
            [new Target { MeasureId = FrameworkTestData.DecisionInOneDay, Council = FrameworkTestData.Council, Period = Period.ReportingYear(2025), Value = 80m }], cancel);
        Assert.True(targets.Succeeded, string.Join("; ", targets.Problems));

        // Last: signing in opens the home page, which builds (and caches) a scorecard; the store's writes above leave no
        // audit entry to move the cache on.
        Staff = await _app.SignedInClientAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Staff?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_returns))
        {
            Directory.Delete(_returns, recursive: true);
        }
    }
}

[CollectionDefinition(RulesApp.Collection)]
public sealed class RulesCollection : ICollectionFixture<RulesApp>;

/// <summary>Council staff see small numbers marked; <c>suppress=true</c> on the scorecard page, its XLSX and the API shows them as c.</summary>
[Collection(RulesApp.Collection)]
public sealed class SmallNumbersWebTests(RulesApp data)
{
    private const string Scorecard = $"/api/v1/frameworks/{FrameworkTestData.FrameworkId}/scorecard?council=873&year=2025";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static JsonElement Row(JsonElement root, string id)
    {
        static IEnumerable<JsonElement> Rows(JsonElement node) =>
            node.GetProperty("measures").EnumerateArray().Concat(node.GetProperty("children").EnumerateArray().SelectMany(Rows));
        return root.GetProperty("nodes").EnumerateArray().SelectMany(Rows).First(r => r.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task ScorecardApi_Staff_SeeTheSmallValueMarked()
    {
        var client = data.Staff;

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(Scorecard, UriKind.Relative), Cancel));

        var kpi6 = Row(json.RootElement, FrameworkTestData.DecisionInOneDay);
        Assert.Equal((75m, 3m, 4m), (kpi6.GetProperty("value").GetDecimal(), kpi6.GetProperty("numerator").GetDecimal(), kpi6.GetProperty("denominator").GetDecimal()));
        Assert.True(kpi6.GetProperty("small_number").GetBoolean());
        Assert.Equal("red", kpi6.GetProperty("rag").GetString());
        Assert.False(kpi6.TryGetProperty("suppressed", out _));
        Assert.Equal(25m, Row(json.RootElement, FrameworkTestData.CppTwoYears).GetProperty("previous").GetDecimal());
        // Red: KPI 4 (14.2% against 11%) and KPI 6 (75% against 80%).
        Assert.Equal(2, json.RootElement.GetProperty("counts").GetProperty("red").GetInt32());
    }

    [Fact]
    public async Task ScorecardApi_Suppress_WithholdsTheSmallFiguresAsC()
    {
        var client = data.Staff;

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(Scorecard + "&suppress=true", UriKind.Relative), Cancel));

        var kpi6 = Row(json.RootElement, FrameworkTestData.DecisionInOneDay);
        Assert.Equal(JsonValueKind.Null, kpi6.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, kpi6.GetProperty("numerator").ValueKind);
        Assert.Equal(JsonValueKind.Null, kpi6.GetProperty("denominator").ValueKind);
        Assert.Equal(("c", "c", "grey"), (kpi6.GetProperty("suppressed").GetString(), kpi6.GetProperty("value_text").GetString(), kpi6.GetProperty("rag").GetString()));
        // KPI 4's 14.2% stands; its year before, 1 of 4, is withheld.
        var kpi4 = Row(json.RootElement, FrameworkTestData.CppTwoYears);
        Assert.Equal(14.2m, kpi4.GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, kpi4.GetProperty("previous").ValueKind);
        Assert.Equal(["previous", "same_last_year"], kpi4.GetProperty("withheld").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(1, json.RootElement.GetProperty("counts").GetProperty("red").GetInt32());
    }

    [Fact]
    public async Task ScorecardPage_StaffAndSuppress_ShowTheValueMarkedOrC()
    {
        var client = data.Staff;
        var page = $"/frameworks/{FrameworkTestData.FrameworkId}/scorecard?council=873&year=2025";

        var staff = await client.GetStringAsync(new Uri(page, UriKind.Relative), Cancel);
        var outside = await client.GetStringAsync(new Uri(page + "&suppress=true", UriKind.Relative), Cancel);

        static string Cell(string html)
        {
            var row = html[html.IndexOf($"data-measure=\"{FrameworkTestData.DecisionInOneDay}\"", StringComparison.Ordinal)..];
            var cell = row[row.IndexOf("data-testid=\"value\">", StringComparison.Ordinal)..];
            return cell[..cell.IndexOf("</td>", StringComparison.Ordinal)];
        }

        Assert.Contains("75%", Cell(staff), StringComparison.Ordinal);
        Assert.Contains("Small number", Cell(staff), StringComparison.Ordinal);
        Assert.DoesNotContain("75%", Cell(outside), StringComparison.Ordinal);
        Assert.Equal("c", Cell(outside)["data-testid=\"value\">".Length..].Trim());
        Assert.Contains("scorecard.xlsx?council=E10000003&amp;year=2025&amp;suppress=true", outside, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScorecardXlsx_Suppress_WritesC()
    {
        var client = data.Staff;

        using var response = await client.GetAsync(
            new Uri($"/frameworks/{FrameworkTestData.FrameworkId}/scorecard.xlsx?council=873&year=2025&suppress=true", UriKind.Relative), Cancel);
        await using var stream = await response.Content.ReadAsStreamAsync(Cancel);
        var rows = Lodestar.Formats.Spreadsheets.XlsxReader.ReadFirstSheet("scorecard.xlsx", stream).Value;

        var kpi6 = rows.Single(r => r.Cells.Length > 1 && r.Cells[1] == FrameworkTestData.DecisionInOneDay).Cells;
        // Value, numerator, denominator; RAG; small number.
        Assert.Equal(["c", "c", "c"], kpi6[4..7]);
        Assert.Equal("Grey", kpi6[8]);
        Assert.Equal("yes", kpi6[14]);
        var kpi4 = rows.Single(r => r.Cells.Length > 1 && r.Cells[1] == FrameworkTestData.CppTwoYears).Cells;
        Assert.Equal(("14.2", "c", "c"), (kpi4[4], kpi4[10], kpi4[12]));
    }

    [Fact]
    public async Task SeriesApi_Suppress_WithholdsTheSmallYear()
    {
        var client = data.Staff;
        var path = $"/api/v1/frameworks/{FrameworkTestData.FrameworkId}/measures/{FrameworkTestData.CppTwoYears}/series?council=873&year=2025&years=2";

        using var staff = JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative), Cancel));
        using var outside = JsonDocument.Parse(await client.GetStringAsync(new Uri(path + "&suppress=true", UriKind.Relative), Cancel));

        var staff2024 = staff.RootElement.GetProperty("points")[0];
        Assert.Equal((2024, 25m, true), (staff2024.GetProperty("year").GetInt32(), staff2024.GetProperty("value").GetDecimal(), staff2024.GetProperty("small_number").GetBoolean()));
        var outside2024 = outside.RootElement.GetProperty("points")[0];
        Assert.Equal((JsonValueKind.Null, "c"), (outside2024.GetProperty("value").ValueKind, outside2024.GetProperty("suppressed").GetString()));
        Assert.Equal(14.2m, outside.RootElement.GetProperty("points")[1].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task ScorecardApi_SuppressNotABoolean_Is400()
    {
        var client = data.Staff;

        using var response = await client.GetAsync(new Uri(Scorecard + "&suppress=maybe", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
