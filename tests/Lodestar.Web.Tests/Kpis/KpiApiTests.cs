using System.Net;
using System.Text.Json;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Kpis;

public sealed class KpiApiTests(DemoApp demo)
{
    private const string Year2025 = "kpi cla_at_end E10000003 2024-04-01..2025-03-31";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/kpis?council=E10000003&year=2025")]
    [InlineData("/api/v1/kpis/cla_at_end/explain?council=E10000003&year=2025")]
    public async Task Api_Anonymous_Is401(string path)
    {
        using var response = await demo.App.Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Results_YearBeforeTheReturnsBegin_AreAllNoDataNeverZero()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        // The demo's returns are the collection years 2021 to 2025: 2019/20 (year=2020) has none.
        using var response = await client.GetAsync(new Uri("/api/v1/kpis?council=E10000003&year=2020", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.All(json.RootElement.EnumerateArray(), row =>
        {
            Assert.Equal(JsonValueKind.Null, row.GetProperty("value").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("numerator").ValueKind);
        });
    }

    [Fact]
    public async Task Results_Year_GivesEveryKpiInTheCommandLineShape()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/api/v1/kpis?council=E10000003&year=2025", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var rows = json.RootElement.EnumerateArray().ToList();
        // 101 KPIs: 99 with one result (40, the 27 National Framework indicators of issue 13's first batch,
        // NF 47 adoption_decision_to_match_days, the 4 factors of open cases, cin_open_fgm and the 26 Annex A
        // KPIs), placements_52wk_by_type with 9 categories, cpp_by_category with 6.
        Assert.Equal(99 + 9 + 6, rows.Count);
        string[] keys = ["kpi", "council", "period_start", "period_end", "value", "numerator", "denominator", "unit"];
        foreach (var row in rows)
        {
            var names = row.EnumerateObject().Select(p => p.Name).ToList();
            var categorised = row.GetProperty("kpi").GetString() is "placements_52wk_by_type" or "cpp_by_category";
            Assert.Equal(categorised ? [.. keys, "category", "small_number"] : [.. keys, "small_number"], names);
            Assert.Equal("E10000003", row.GetProperty("council").GetString());
            Assert.Equal("2024-04-01", row.GetProperty("period_start").GetString());
            Assert.Equal("2025-03-31", row.GetProperty("period_end").GetString());
        }

        var atEnd = rows.Single(r => r.GetProperty("kpi").GetString() == "cla_at_end");
        Assert.Equal("count", atEnd.GetProperty("unit").GetString());
        Assert.Equal(demo.GeneratorLookedAfterAt31March(2025), atEnd.GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, atEnd.GetProperty("numerator").ValueKind);
        Assert.Equal(JsonValueKind.Null, atEnd.GetProperty("denominator").ValueKind);

        // The demo's own invented postcode lookup, generated with its returns: a value, as the engine computes it with that
        // lookup, and a plausible one (England: 22% placed more than 20 miles from home at 31 March 2025).
        var miles = rows.Single(r => r.GetProperty("kpi").GetString() == "cla_placed_20_miles");
        var placed = demo.EngineResult("cla_placed_20_miles", 2025).Value;
        Assert.NotNull(placed);
        Assert.InRange(placed.Value, 5, 50);
        Assert.Equal(placed.Value, miles.GetProperty("value").GetDouble(), 6);

        var categories = rows.Where(r => r.GetProperty("kpi").GetString() == "cpp_by_category").Select(r => r.GetProperty("category").GetString());
        Assert.Equal(["NEG", "PHY", "SAB", "EMO", "MUL", "unknown"], categories);
    }

    [Fact]
    public async Task Results_MonthSeries_GivesTwelveMonthsEndingWithTheYearEndSnapshot()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        var year = await client.GetStringAsync(new Uri("/api/v1/kpis?council=E10000003&year=2025&kpi=cla_at_end", UriKind.Relative), Cancel);
        var series = await client.GetStringAsync(new Uri("/api/v1/kpis?council=E10000003&series=month&from=2024-04-01&to=2025-03-31&kpi=cla_at_end", UriKind.Relative), Cancel);

        var months = JsonDocument.Parse(series).RootElement.EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal("2024-04-01", months[0].GetProperty("period_start").GetString());
        Assert.Equal("2024-04-30", months[0].GetProperty("period_end").GetString());
        Assert.Equal("2025-03-01", months[^1].GetProperty("period_start").GetString());
        // cla_at_end is a snapshot on the last day: March 2025 and the year 2024-25 both look at 31 March 2025.
        var yearValue = JsonDocument.Parse(year).RootElement[0].GetProperty("value").GetDouble();
        Assert.Equal(yearValue, months[^1].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Results_FromTo_GivesOnePeriod()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        var body = await client.GetStringAsync(new Uri("/api/v1/kpis?council=E10000003&from=2024-10-01&to=2024-12-31&kpi=referrals,cla_at_end", UriKind.Relative), Cancel);

        var rows = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        // Catalogue order: cla_at_end before referrals.
        Assert.Equal(["cla_at_end", "referrals"], rows.Select(r => r.GetProperty("kpi").GetString()));
        Assert.All(rows, r => Assert.Equal("2024-10-01", r.GetProperty("period_start").GetString()));
        Assert.All(rows, r => Assert.Equal("2024-12-31", r.GetProperty("period_end").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/kpis?year=2025")]
    [InlineData("/api/v1/kpis?council=E10000003")]
    [InlineData("/api/v1/kpis?council=E10000003&year=twenty")]
    [InlineData("/api/v1/kpis?council=E10000003&year=1066")]
    [InlineData("/api/v1/kpis?council=E10000003&year=2025&from=2024-04-01")]
    [InlineData("/api/v1/kpis?council=E10000003&from=2025-03-31&to=2024-04-01")]
    [InlineData("/api/v1/kpis?council=E10000003&from=31/03/2025&to=2025-04-30")]
    [InlineData("/api/v1/kpis?council=E10000003&series=week&from=2024-04-01&to=2025-03-31")]
    [InlineData("/api/v1/kpis?council=E10000003&series=month&from=2024-04-01")]
    [InlineData("/api/v1/kpis?council=E10000003&year=2025&kpi=cla_at_end,no_such_kpi")]
    public async Task Results_BadInput_Is400ProblemDetails(string path)
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/kpis?council=E99999999&year=2025")]
    [InlineData("/api/v1/kpis/cla_at_end/explain?council=E99999999&year=2025")]
    public async Task Api_UnknownCouncil_Is404ProblemDetails(string path)
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer, Roles.ChildLevel);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Explain_UnknownKpi_Is400ProblemDetails()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer, Roles.ChildLevel);

        using var response = await client.GetAsync(new Uri("/api/v1/kpis/no_such_kpi/explain?council=E10000003&year=2025", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Explain_Viewer_Is403AndNotAudited()
    {
        var (user, client) = await demo.App.SignedInUserAsync(TestGrants.All, Roles.Viewer);
        using var _ = client;
        var before = (await demo.ChildLevelViewsAsync(Year2025, user)).Count;

        using var response = await client.GetAsync(new Uri("/api/v1/kpis/cla_at_end/explain?council=E10000003&year=2025", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, (await demo.ChildLevelViewsAsync(Year2025, user)).Count);
    }

    [Fact]
    public async Task Explain_ChildLevel_GivesTheChildrenAndIsAudited()
    {
        var (user, client) = await demo.App.SignedInUserAsync(TestGrants.All, Roles.Viewer, Roles.ChildLevel);
        using var _ = client;
        var before = (await demo.ChildLevelViewsAsync(Year2025, user)).Count;

        using var response = await client.GetAsync(new Uri("/api/v1/kpis/cla_at_end/explain?council=E10000003&year=2025", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(["numerator", "denominator"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var numerator = json.RootElement.GetProperty("numerator").EnumerateArray().Select(e => e.GetString()).ToList();
        // A count lists its children in the numerator, one each, and has no denominator.
        Assert.Equal(demo.GeneratorLookedAfterAt31March(2025), numerator.Count);
        Assert.Equal(numerator.Count, numerator.Distinct().Count());
        Assert.Empty(json.RootElement.GetProperty("denominator").EnumerateArray());

        var views = await demo.ChildLevelViewsAsync(Year2025, user);
        Assert.Equal(before + 1, views.Count);
        Assert.Equal($"{numerator.Count} children", views[^1].Details);
    }

    [Fact]
    public async Task Explain_Percentage_ListsTheResultsNumeratorWithinItsDenominator()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer, Roles.ChildLevel);

        var result = JsonDocument.Parse(await client.GetStringAsync(
            new Uri("/api/v1/kpis?council=E10000003&year=2025&kpi=cla_placements_3plus", UriKind.Relative), Cancel)).RootElement[0];
        var explain = JsonDocument.Parse(await client.GetStringAsync(
            new Uri("/api/v1/kpis/cla_placements_3plus/explain?council=E10000003&year=2025", UriKind.Relative), Cancel)).RootElement;

        var numerator = explain.GetProperty("numerator").EnumerateArray().Select(e => e.GetString()).ToList();
        var denominator = explain.GetProperty("denominator").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(result.GetProperty("numerator").GetDouble(), numerator.Count);
        Assert.Equal(result.GetProperty("denominator").GetDouble(), denominator.Count);
        Assert.Subset(denominator.ToHashSet(), numerator.ToHashSet());
    }
}
