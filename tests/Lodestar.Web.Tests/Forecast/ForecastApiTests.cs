using System.Net;
using System.Text.Json;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Forecast;

public sealed class ForecastApiTests(DemoApp demo)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forecast_Viewer_GivesSnakeCaseRowsForEachMonthEndAndCategoryStartingAtTheLastReturn()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/api/v1/councils/E10000003/forecast?as_at=2025-03-31&months=3", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3 * 10, rows.Count);
        Assert.Equal(["council", "month", "category", "forecast", "lower_80", "upper_80", "lower_95", "upper_95"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("E10000003", "2025-04-30", "all"), (rows[0].GetProperty("council").GetString(), rows[0].GetProperty("month").GetString(), rows[0].GetProperty("category").GetString()));
        Assert.Equal("2025-06-30", rows[20].GetProperty("month").GetString());
        // A month on from the last return, the total is close to the 31 March count the generator made.
        var atMarch = demo.GeneratorLookedAfterAt31March(2025);
        Assert.InRange(rows[0].GetProperty("forecast").GetDouble(), atMarch * 0.9, atMarch * 1.1);
        Assert.All(rows, r => Assert.True(
            r.GetProperty("lower_95").GetDouble() <= r.GetProperty("lower_80").GetDouble()
            && r.GetProperty("lower_80").GetDouble() <= r.GetProperty("forecast").GetDouble()
            && r.GetProperty("forecast").GetDouble() <= r.GetProperty("upper_80").GetDouble()
            && r.GetProperty("upper_80").GetDouble() <= r.GetProperty("upper_95").GetDouble()));
    }

    [Fact]
    public async Task ForecastAgeBands_Viewer_GivesEachYearsBandsAddingUpToTheMonthEndTotals()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/api/v1/councils/E10000003/forecast/age-bands?as_at=2025-03-31&months=3", UriKind.Relative), Cancel);
        using var totals = await client.GetAsync(new Uri("/api/v1/councils/E10000003/forecast?as_at=2025-03-31&months=3", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["council", "year", "age_band", "months", "forecast", "lower_80", "upper_80", "lower_95", "upper_95"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["under_1", "1_to_4", "5_to_9", "10_to_15", "16_to_17"], rows.Select(r => r.GetProperty("age_band").GetString()));
        Assert.All(rows, r => Assert.Equal(("2025/26", 3), (r.GetProperty("year").GetString(), r.GetProperty("months").GetInt32())));
        // April, May, June: each month end's children x 30, 31, 30 days / 364. The medians of the bands add up
        // to about the medians of the totals (a median of sums is not the sum of medians: within 3 %).
        using var monthly = JsonDocument.Parse(await totals.Content.ReadAsStringAsync(Cancel));
        var all = monthly.RootElement.EnumerateArray().Where(r => r.GetProperty("category").GetString() == "all").Select(r => r.GetProperty("forecast").GetDouble()).ToList();
        var expected = ((all[0] * 30) + (all[1] * 31) + (all[2] * 30)) / 364;
        Assert.InRange(rows.Sum(r => r.GetProperty("forecast").GetDouble()), expected * 0.97, expected * 1.03);
        Assert.True(rows[3].GetProperty("forecast").GetDouble() > 0, "no 10-15-year-olds in the demo's forecast");
    }

    [Fact]
    public async Task ActionPlan_WithForecast_SetsTheLookedAfterTargetsBesideTheForecastAsAtTheLastReturn()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        using var plain = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/action-plans/cambs-lac-action-plan-2015-17?as_at=2016-02-11", UriKind.Relative), Cancel));
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/action-plans/cambs-lac-action-plan-2015-17?as_at=2016-02-11&forecast=true", UriKind.Relative), Cancel));

        Assert.Equal(JsonValueKind.Null, plain.RootElement.GetProperty("forecast").ValueKind);
        var forecast = json.RootElement.GetProperty("forecast");
        // The demo's returns run to 31 March 2025: the forecast is as at then, over 24 months (to March 2027).
        Assert.Equal(("E10000003", "2025-03-31", 24), (forecast.GetProperty("council").GetString(), forecast.GetProperty("as_at").GetString(), forecast.GetProperty("months").GetInt32()));
        Assert.Equal(JsonValueKind.Null, forecast.GetProperty("problem").ValueKind);
        // Seed 004: 535 for April 2016 and 497 for April 2017, judged at the month ends before; both before the
        // returns (2020-2025) and the forecast, so nothing is expected there.
        var targets = forecast.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal([("2016-04-01", "2016-03-31", 535m), ("2017-04-01", "2017-03-31", 497m)],
            targets.Select(t => (t.GetProperty("date").GetString(), t.GetProperty("month").GetString(), t.GetProperty("target").GetDecimal())));
        Assert.All(targets, t => Assert.Equal(JsonValueKind.Null, t.GetProperty("expected").ValueKind));
        Assert.Empty(forecast.GetProperty("workstreams").EnumerateArray());
    }

    [Fact]
    public async Task Forecast_CouncilNotGranted_Is404LikeAnUnknownOne()
    {
        var (_, client) = await demo.App.SignedInUserAsync(TestGrants.Of("E10000015"), Roles.Viewer);
        using (client)
        {
            using var ungranted = await client.GetAsync(new Uri("/api/v1/councils/E10000003/forecast?as_at=2025-03-31", UriKind.Relative), Cancel);
            using var unknown = await client.GetAsync(new Uri("/api/v1/councils/E99999999/forecast?as_at=2025-03-31", UriKind.Relative), Cancel);
            using var ungrantedBands = await client.GetAsync(new Uri("/api/v1/councils/E10000003/forecast/age-bands?as_at=2025-03-31", UriKind.Relative), Cancel);

            Assert.Equal(HttpStatusCode.NotFound, ungranted.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, ungrantedBands.StatusCode);
            Assert.Equal("application/problem+json", ungranted.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("as_at=31/03/2025", "as_at=YYYY-MM-DD")]
    [InlineData("as_at=2025-03-31&months=37", "1 to 36 months")]
    [InlineData("as_at=2025-03-31&scenario=nothing", "No saved scenario named 'nothing'")]
    public async Task Forecast_BadQuery_Is400SayingWhat(string query, string message)
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/api/v1/councils/E10000003/forecast?" + query, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
