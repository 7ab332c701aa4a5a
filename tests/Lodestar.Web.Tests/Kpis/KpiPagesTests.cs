using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Kpis;

public sealed class KpiPagesTests(DemoApp demo)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/kpis?council=E99999999", HttpStatusCode.NotFound)]
    [InlineData("/kpis/no_such_kpi", HttpStatusCode.NotFound)]
    [InlineData("/kpis/cla_at_end?council=E99999999&year=2025", HttpStatusCode.NotFound)]
    [InlineData("/kpis?year=twenty", HttpStatusCode.BadRequest)]
    [InlineData("/kpis?year=1066", HttpStatusCode.BadRequest)]
    [InlineData("/kpis/cla_at_end/children/NO-SUCH-CHILD?council=E10000003&year=2025", HttpStatusCode.NotFound)]
    public async Task KpiPages_BadAddress_AreNotFoundOrBadRequest(string path, HttpStatusCode expected)
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer, Roles.ChildLevel);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/kpis")]
    [InlineData("/kpis/cla_at_end")]
    [InlineData("/kpis/cla_at_end/children?council=E10000003&year=2025")]
    public async Task KpiPages_Anonymous_RedirectToSignIn(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = demo.App.Address };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("referrals", "Month by month, Apr 2020 to Mar 2025")]
    [InlineData("cla_placements_3plus", "The 12 months to each month end, Apr 2020 to Mar 2025")]
    [InlineData("cla_health_check", "Year by year (the year to 31 March), 2020-21 to 2024-25")]
    public async Task KpiPage_Series_IsInTheFinestKindOfPeriodTheKpiMakesSenseIn(string kpi, string heading)
    {
        // The demo's returns cover 2020-21 to 2024-25 (docs/kpis.md, "Which periods each KPI makes sense for").
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetStringAsync(new Uri($"/kpis/{kpi}?council=E10000003&year=2025", UriKind.Relative), Cancel);

        Assert.Contains(heading, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpiPage_KpiWithATargetedMeasure_DrawsTheTargetOnEachMarchAndListsIt()
    {
        // samples/targets/demo-targets-cambridgeshire.csv: ctk-kpi-01-rereferrals-12m (which reads rereferrals_12m)
        // has 22 for 2023-24 and 21 for 2024-25 for E10000003; no target for the years before.
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetStringAsync(new Uri("/kpis/rereferrals_12m?council=E10000003&year=2025", UriKind.Relative), Cancel);

        using var chart = JsonDocument.Parse(WebUtility.HtmlDecode(Regex.Match(page, "id=\"kpi-chart\"[^>]*data-chart=\"([^\"]*)\"").Groups[1].Value));
        var labels = chart.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        var target = Assert.Single(chart.RootElement.GetProperty("series").EnumerateArray(), s => s.GetProperty("kind").GetString() == "target");
        Assert.Equal("Target", target.GetProperty("label").GetString());
        var points = target.GetProperty("data").EnumerateArray()
            .Select((v, i) => (Label: labels[i], Value: v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()))
            .Where(p => p.Value is not null).ToList();
        Assert.Equal([("Mar 2024", (double?)22), ("Mar 2025", 21)], points);
        var table = Regex.Match(page, "data-testid=\"kpi-targets\".*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("% of re-referrals to CSC within 12 months", table, StringComparison.Ordinal);
        Assert.Equal(["22.0%", "21.0%"], Regex.Matches(table, "numeric\">([^<]*)</td>").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task KpiPage_KpiNoMeasureTargets_HasNoTargetLineOrTable()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetStringAsync(new Uri("/kpis/cla_health_check?council=E10000003&year=2025", UriKind.Relative), Cancel);

        Assert.DoesNotContain("data-testid=\"kpi-targets\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;kind&quot;:&quot;target&quot;", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"kpi-chart\"", page, StringComparison.Ordinal);
    }
}
