using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Packs;

/// <summary>The configured example packs (samples/packs), loaded by the demo start, built for the demo council in all three formats.</summary>
public sealed class ConfiguredPackTests(DemoApp demo)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExamplePacks_DemoCouncil_RenderAsPdfXlsxAndHtmlWithTheirOwnSections()
    {
        var client = await demo.App.SignedInClientAsync(Roles.Viewer);
        var (_, other) = await demo.App.SignedInUserAsync(TestGrants.Of("E06000001"), Roles.Viewer);

        var configs = await client.GetFromJsonAsync<JsonElement>("/api/v1/packs", Cancel);
        var formats = new Dictionary<string, HttpResponseMessage>();
        foreach (var pack in new[] { "corporate-parenting-panel", "childrens-trust-contract" })
        {
            foreach (var format in new[] { "pdf", "xlsx", "html" })
            {
                formats[$"{pack}.{format}"] = await client.GetAsync($"/api/v1/packs/{pack}/{DemoApp.Council}/2025?format={format}", Cancel);
            }
        }

        var panel = await formats["corporate-parenting-panel.html"].Content.ReadAsStringAsync(Cancel);
        var contract = await formats["childrens-trust-contract.html"].Content.ReadAsStringAsync(Cancel);
        var denied = await other.GetAsync($"/api/v1/packs/corporate-parenting-panel/{DemoApp.Council}/2025?format=pdf", Cancel);

        Assert.Equal(["childrens-trust-contract", "corporate-parenting-panel"], configs.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.All(formats.Values, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.StartsWith("%PDF-", await formats["corporate-parenting-panel.pdf"].Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", await formats["childrens-trust-contract.pdf"].Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("PK", (await formats["childrens-trust-contract.xlsx"].Content.ReadAsStringAsync(Cancel))[..2]);
        // The Panel's pack: the looked-after children measures (KPI 18, PI 35), not the safeguarding ones (KPI 1), with each one's trend.
        Assert.Contains("<h1 class=\"govuk-heading-l\">Corporate Parenting Panel: children in care and care leavers: ", panel, StringComparison.Ordinal);
        Assert.Contains("KPI 18 % of looked after children with 3 or more placements within 1 year", panel, StringComparison.Ordinal);
        Assert.Contains("PI 35 Number of looked after children (excluding respite)", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("KPI 1 % of re-referrals", panel, StringComparison.Ordinal);
        Assert.Contains("<figcaption class=\"govuk-body-s\">Trend: PI 35 Number of looked after children (excluding respite)</figcaption>", panel, StringComparison.Ordinal);
        // The contract's pack: the KPIs (KPI 1, KPI 34), not the non-contractual PIs (PI 35).
        Assert.Contains("KPI 1 % of re-referrals to CSC within 12 months", contract, StringComparison.Ordinal);
        Assert.Contains("KPI 34 % of statutory EHCP assessments", contract, StringComparison.Ordinal);
        Assert.DoesNotContain("PI 35 Number of looked after children", contract, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
    }
}
