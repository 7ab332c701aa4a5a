using System.Net;
using System.Text.Json;

namespace Lodestar.Web.Tests.Frameworks;

public sealed class FrameworkApiTests(ImportedFrameworkTestData imported) : IClassFixture<ImportedFrameworkTestData>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/frameworks")]
    [InlineData("/api/v1/frameworks/childrens-trust-kpi-schedule/scorecard?council=873&year=2025")]
    [InlineData("/api/v1/benchmarks?council=873&measure=rereferrals_12m&year=2025")]
    public async Task Api_Anonymous_Is401(string path)
    {
        var app = imported.App;

        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Frameworks_SignedIn_ListsTheImportedFrameworkWithItsMeasureCount()
    {
        var app = imported.App;
        using var client = await app.SignedInClientAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/frameworks", UriKind.Relative), Cancel));

        var framework = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(FrameworkTestData.FrameworkId, framework.GetProperty("id").GetString());
        Assert.Equal("Appendix H: Draft Key Performance Indicators and Performance Indicators", framework.GetProperty("title").GetString());
        // 44 KPIs and 64 PIs (seed 003, Appendix H).
        Assert.Equal(108, framework.GetProperty("measures").GetInt32());
    }

    [Fact]
    public async Task Scorecard_SignedIn_HasValuesRagAndBenchmarks()
    {
        var app = imported.App;
        using var client = await app.SignedInClientAsync();

        using var response = await client.GetAsync(new Uri($"/api/v1/frameworks/{FrameworkTestData.FrameworkId}/scorecard?council=873&year=2025", UriKind.Relative), Cancel);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = json.RootElement;
        Assert.Equal(FrameworkTestData.FrameworkId, root.GetProperty("framework").GetString());
        Assert.Equal("E10000003", root.GetProperty("council").GetString());
        Assert.Equal("2025", root.GetProperty("period").GetString());
        Assert.Equal("2024-25", root.GetProperty("period_label").GetString());
        // Green: KPI 5; Amber: KPI 1; Red: KPI 4; every other of the 108 measures is Grey.
        var counts = root.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("green").GetInt32());
        Assert.Equal(1, counts.GetProperty("amber").GetInt32());
        Assert.Equal(1, counts.GetProperty("red").GetInt32());
        Assert.Equal(105, counts.GetProperty("grey").GetInt32());

        static IEnumerable<JsonElement> Rows(JsonElement node) =>
            node.GetProperty("measures").EnumerateArray().Concat(node.GetProperty("children").EnumerateArray().SelectMany(Rows));
        var row = root.GetProperty("nodes").EnumerateArray().SelectMany(Rows).First(r => r.GetProperty("id").GetString() == FrameworkTestData.Rereferrals);
        Assert.Equal(12m, row.GetProperty("value").GetDecimal());
        Assert.Equal(11m, row.GetProperty("target").GetDecimal());
        Assert.Equal("Amber: 12% is 1 point worse than the 11% target; within tolerance 1 point", row.GetProperty("reason").GetString());
        Assert.Equal(13m, row.GetProperty("previous").GetDecimal());
        var england = row.GetProperty("benchmarks").EnumerateArray().First(b => b.GetProperty("label").GetString() == "England");
        Assert.Equal(22m, england.GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData("/api/v1/frameworks/childrens-trust-kpi-schedule/scorecard?council=873", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/frameworks/no-such-framework/scorecard?council=873&year=2025", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/frameworks/childrens-trust-kpi-schedule/scorecard?council=999&year=2025", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/benchmarks?council=873&year=2025", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/benchmarks?council=873&measure=no_such_measure&year=2025", HttpStatusCode.NotFound)]
    public async Task Api_BadOrUnknownQuery_IsAProblem(string path, HttpStatusCode expected)
    {
        var app = imported.App;
        using var client = await app.SignedInClientAsync();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Benchmarks_SignedIn_ComparesWithEnglandRegionNeighboursAndAllCouncils()
    {
        var app = imported.App;
        using var client = await app.SignedInClientAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/benchmarks?council=E10000003&measure=rereferrals_12m&year=2025", UriKind.Relative), Cancel));

        var root = json.RootElement;
        Assert.Equal("rereferrals_12m", root.GetProperty("measure").GetProperty("id").GetString());
        Assert.Equal(2025, root.GetProperty("year").GetInt32());
        Assert.Equal(18m, root.GetProperty("council").GetProperty("value").GetDecimal());
        Assert.Equal(22m, root.GetProperty("england").GetProperty("value").GetDecimal());
        Assert.Equal(20m, root.GetProperty("region").GetProperty("value").GetDecimal());
        var neighbours = root.GetProperty("statistical_neighbours");
        Assert.Equal(20m, neighbours.GetProperty("average").GetDecimal()); // (25 + 15) / 2
        Assert.Equal(2, neighbours.GetProperty("used").GetInt32());
        // Lower is better: only Barnet's 15 is better than 18. Quartiles of 15, 18, 25, 30 (inclusive): 17.25 / 21.5 / 26.25.
        var position = root.GetProperty("position");
        Assert.Equal(2, position.GetProperty("rank").GetInt32());
        Assert.Equal(4, position.GetProperty("of").GetInt32());
        Assert.Equal("B", position.GetProperty("band").GetString());
        Assert.Equal(17.25m, position.GetProperty("lower_quartile").GetDecimal());
        Assert.Equal(21.5m, position.GetProperty("median").GetDecimal());
        Assert.Equal(26.25m, position.GetProperty("upper_quartile").GetDecimal());
    }

    [Theory]
    [InlineData("909")]
    [InlineData("E10000006")]
    public async Task Benchmarks_FormerCouncil_ResolvesFromTheCouncilListAndSaysNoRow(string council)
    {
        var app = imported.App;
        using var client = await app.SignedInClientAsync();

        // Cumbria (909, E10000006) is a former council in samples/councils.tsv; the test figures have no row for it.
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/benchmarks?council={council}&measure=rereferrals_12m&year=2025", UriKind.Relative), Cancel));

        var row = json.RootElement.GetProperty("council");
        Assert.Equal(("909", "Cumbria", true), (row.GetProperty("code").GetString(), row.GetProperty("name").GetString(), row.GetProperty("no_row").GetBoolean()));
    }

    [Fact]
    public async Task ScorecardXlsx_SignedIn_IsASpreadsheetWithTheMeasureRows()
    {
        var app = imported.App;
        using var client = await app.SignedInClientAsync();

        using var response = await client.GetAsync(new Uri($"/frameworks/{FrameworkTestData.FrameworkId}/scorecard.xlsx?council=873&year=2025", UriKind.Relative), Cancel);
        await using var stream = await response.Content.ReadAsStreamAsync(Cancel);
        var rows = Lodestar.Formats.Spreadsheets.XlsxReader.ReadFirstSheet("scorecard.xlsx", stream).Value;

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var kpi1 = rows.Single(r => r.Cells.Length > 1 && r.Cells[1] == FrameworkTestData.Rereferrals).Cells;
        Assert.Equal("Amber", kpi1[8]);
    }
}
