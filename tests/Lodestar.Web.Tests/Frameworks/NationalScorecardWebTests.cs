using System.Globalization;
using System.Net;
using System.Text.Json;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Frameworks;

/// <summary>
/// The national scorecard's API route and page (issue 14) on the shared demo app, whose start confirmed the demo
/// council's returns and so stored their KPI results: each council's line equals its own scorecard (computed from its
/// returns in memory), only councils the user has a grant for are shown, and one without data is named as such.
/// </summary>
public sealed class NationalScorecardWebTests(DemoApp demo)
{
    private const string Council = DemoApp.Council;
    private const string Other = "E10000015"; // Hertfordshire: no returns, no entered values on the demo
    private const string Framework = "childrens-trust-kpi-schedule";
    private const string LookedAfter = "ctk-pi-35-cla-at-end"; // PI 35, source: { kpi: cla_at_end }, a count

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NationalApi_GrantedTheDemoCouncilAndAnother_GivesBothByName_TheOtherWithoutData()
    {
        var (_, client) = await demo.App.SignedInUserAsync(TestGrants.Of(Council, Other), Roles.Viewer);
        using var _ = client;

        using var json = await JsonAsync(client, $"/api/v1/frameworks/{Framework}/national?year=2025");

        var root = json.RootElement;
        Assert.Equal(Framework, root.GetProperty("framework").GetString());
        Assert.Equal("2025", root.GetProperty("period").GetString());
        Assert.Equal("2024-25", root.GetProperty("period_label").GetString());
        var councils = root.GetProperty("councils").EnumerateArray().ToList();
        Assert.Equal([Council, Other], councils.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(["Cambridgeshire", "Hertfordshire"], councils.Select(c => c.GetProperty("name").GetString()));
        Assert.True(councils[0].GetProperty("has_data").GetBoolean());
        Assert.True(councils[0].GetProperty("stored_results").GetBoolean());
        Assert.False(councils[1].GetProperty("has_data").GetBoolean());
        Assert.False(councils[1].GetProperty("stored_results").GetBoolean());
        Assert.Equal(JsonValueKind.Null, councils[1].GetProperty("counts").ValueKind);
        Assert.Empty(councils[1].GetProperty("values").EnumerateArray());

        // Children looked after at 31 March 2025, as the generator counted them from its own events: stored, read back.
        var lookedAfter = councils[0].GetProperty("values").EnumerateArray().Single(v => v.GetProperty("measure").GetString() == LookedAfter);
        Assert.Equal(demo.GeneratorLookedAfterAt31March(2025), lookedAfter.GetProperty("value").GetDecimal());
        // One value per measure, in the order of the measures.
        Assert.Equal(
            root.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("id").GetString()),
            councils[0].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("measure").GetString()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NationalApi_DemoCouncil_EveryMeasureAndTheCountsAreWhatItsOwnScorecardSays(bool suppress)
    {
        var (_, client) = await demo.App.SignedInUserAsync(TestGrants.Of(Council), Roles.Viewer);
        using var _ = client;
        var query = $"year=2025&suppress={(suppress ? "true" : "false")}";

        using var national = await JsonAsync(client, $"/api/v1/frameworks/{Framework}/national?{query}");
        using var own = await JsonAsync(client, $"/api/v1/frameworks/{Framework}/scorecard?council={Council}&{query}");

        var line = Assert.Single(national.RootElement.GetProperty("councils").EnumerateArray());
        var ownRows = Rows(own.RootElement.GetProperty("nodes")).DistinctBy(r => r.GetProperty("id").GetString()).ToList();
        var values = line.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(ownRows.Count, values.Count);
        // 159 measures in the schedule, and the demo's data give many of them a value.
        Assert.True(values.Count(v => v.GetProperty("value").ValueKind == JsonValueKind.Number) >= 20, "too few values to compare");
        foreach (var (row, value) in ownRows.Zip(values))
        {
            Assert.Equal(row.GetProperty("id").GetString(), value.GetProperty("measure").GetString());
            Assert.Equal(Fields(row), Fields(value));
        }

        // England's figure is the one beside the measure on the council's scorecard (the DfE's, loaded by the demo start).
        var measures = national.RootElement.GetProperty("measures").EnumerateArray().ToList();
        Assert.Equal(ownRows.Select(England), measures.Select(m => Number(m, "england")));
        Assert.Contains(measures, m => Number(m, "england") is not null);

        Assert.Equal(
            own.RootElement.GetProperty("counts").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())),
            line.GetProperty("counts").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
    }

    [Fact]
    public async Task NationalApi_UserWithoutAGrantForTheDemoCouncil_DoesNotSeeIt()
    {
        var (_, other) = await demo.App.SignedInUserAsync(TestGrants.Of(Other), Roles.Viewer);
        var (_, none) = await demo.App.SignedInUserAsync(TestGrants.None, Roles.Viewer);
        using var _ = other;
        using var __ = none;

        var otherBody = await other.GetStringAsync(new Uri($"/api/v1/frameworks/{Framework}/national?year=2025", UriKind.Relative), Cancel);
        using var noneJson = await JsonAsync(none, $"/api/v1/frameworks/{Framework}/national?year=2025");

        using var otherJson = JsonDocument.Parse(otherBody);
        Assert.Equal([Other], otherJson.RootElement.GetProperty("councils").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.DoesNotContain(Council, otherBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Cambridgeshire", otherBody, StringComparison.Ordinal);
        Assert.Empty(noneJson.RootElement.GetProperty("councils").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/frameworks/no-such-framework/national?year=2025", HttpStatusCode.NotFound, "There is no framework 'no-such-framework'.")]
    [InlineData("/api/v1/frameworks/childrens-trust-kpi-schedule/national", HttpStatusCode.BadRequest, "Give the reporting year, e.g. 2025.")]
    [InlineData("/api/v1/frameworks/childrens-trust-kpi-schedule/national?year=99", HttpStatusCode.BadRequest, "Give the reporting year, e.g. 2025.")]
    [InlineData("/api/v1/frameworks/childrens-trust-kpi-schedule/national?year=twenty", HttpStatusCode.BadRequest, null)]
    public async Task NationalApi_UnknownFrameworkOrBadYear_IsAProblem(string path, HttpStatusCode expected, string? detail)
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (detail is not null)
        {
            Assert.Contains(detail, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NationalApi_Anonymous_Is401()
    {
        using var response = await demo.App.Client.GetAsync(new Uri($"/api/v1/frameworks/{Framework}/national?year=2025", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task NationalPage_NoYear_OpensOnTheLatestStoredYear_ARowPerCouncilWithData_LinkedToItsScorecard_TheOthersListed()
    {
        var (_, client) = await demo.App.SignedInUserAsync(TestGrants.Of(Council, Other), Roles.Viewer);
        using var _ = client;

        var page = await client.GetStringAsync(new Uri($"/frameworks/{Framework}/national", UriKind.Relative), Cancel);

        // The demo's returns are the collection years 2021 to 2025.
        Assert.Contains("Every council you may see, 2024-25: 1 with data, 1 without.", page, StringComparison.Ordinal);
        Assert.Equal([Council], Attributes(page, "data-testid=\"national-council\" data-council"));
        Assert.Contains($"href=\"/frameworks/{Framework}/scorecard?council={Council}&year=2025\">Cambridgeshire</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<li data-council=\"{Other}\"><a class=\"govuk-link\" href=\"/frameworks/{Framework}/scorecard?council={Other}&year=2025\">Hertfordshire</a></li>", page, StringComparison.Ordinal);
        var cell = Cell(page, Council, LookedAfter);
        Assert.Contains($"<span data-testid=\"value\">{demo.GeneratorLookedAfterAt31March(2025).ToString("#,##0", CultureInfo.InvariantCulture)}</span>", cell, StringComparison.Ordinal);
        Assert.Contains("role=\"region\" aria-label=\"Councils by measure\" tabindex=\"0\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NationalPage_OnlyOtherCouncilGranted_ShowsNoRowForTheDemoCouncil()
    {
        var (_, client) = await demo.App.SignedInUserAsync(TestGrants.Of(Other), Roles.Viewer);
        using var _ = client;

        var page = await client.GetStringAsync(new Uri($"/frameworks/{Framework}/national?year=2025", UriKind.Relative), Cancel);

        Assert.Contains("Every council you may see, 2024-25: 0 with data, 1 without.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Council, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Cambridgeshire", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NationalPage_UnknownFramework_Is404_AndTheFrameworksListLinksEachNationalScorecard()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        using var unknown = await client.GetAsync(new Uri("/frameworks/no-such-framework/national?year=2025", UriKind.Relative), Cancel);
        var list = await client.GetStringAsync(new Uri("/frameworks", UriKind.Relative), Cancel);
        var scorecard = await client.GetStringAsync(new Uri($"/frameworks/{Framework}/scorecard?council={Council}&year=2025", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var id in new[] { "childrens-trust-kpi-schedule", "council-outcomes-framework", "leics-cfs-outcomes-2016-17", "national-framework" })
        {
            Assert.Contains($"href=\"/frameworks/{id}/national\"", list, StringComparison.Ordinal);
        }

        Assert.Contains($"href=\"/frameworks/{Framework}/national?year=2025\" data-testid=\"national-link\"", scorecard, StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private static IEnumerable<JsonElement> Rows(JsonElement nodes) =>
        nodes.EnumerateArray().SelectMany(n => n.GetProperty("measures").EnumerateArray().Concat(Rows(n.GetProperty("children"))));

    // What a national value and a scorecard row both carry, in one shape.
    private static (decimal? Value, decimal? Numerator, decimal? Denominator, string? Text, decimal? Target, string? Rag, string? Reason, bool Small, string? Suppressed) Fields(JsonElement e) => (
        Number(e, "value"), Number(e, "numerator"), Number(e, "denominator"), e.GetProperty("value_text").GetString(), Number(e, "target"),
        e.GetProperty("rag").GetString(), e.GetProperty("reason").GetString(), e.GetProperty("small_number").GetBoolean(),
        e.TryGetProperty("suppressed", out var s) ? s.GetString() : null);

    private static decimal? England(JsonElement row) =>
        row.GetProperty("benchmarks").EnumerateArray().Where(b => b.GetProperty("label").GetString() == "England").Select(b => Number(b, "value")).FirstOrDefault();

    private static decimal? Number(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.Number } n ? n.GetDecimal() : null;

    private static List<string> Attributes(string page, string prefix) =>
        [.. System.Text.RegularExpressions.Regex.Matches(page, System.Text.RegularExpressions.Regex.Escape(prefix) + "=\"([^\"]*)\"").Select(m => m.Groups[1].Value)];

    // A council's cell for a measure: from its td to the next.
    private static string Cell(string page, string council, string measure)
    {
        var row = page.IndexOf($"data-council=\"{council}\"", StringComparison.Ordinal);
        Assert.True(row >= 0, $"no row for {council}");
        var start = page.IndexOf($"<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-measure=\"{measure}\">", row, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no cell for {measure}");
        return page[start..page.IndexOf("</td>", start, StringComparison.Ordinal)];
    }
}
