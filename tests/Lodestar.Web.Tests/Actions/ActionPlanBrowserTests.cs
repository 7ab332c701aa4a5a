using Lodestar.Data.Security;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests.Actions;

public sealed class ActionPlanBrowserTests(ImportedActionsSamples samples, Browser browser) : IClassFixture<ImportedActionsSamples>
{
    [Fact]
    public async Task PlanStatus_Seed004AsAt20160211_ShowsRagTagsCountsAndRecordedRag()
    {
        var app = samples.App;
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page, Roles.Viewer);

        await page.GotoAsync(new Uri(app.Address, $"/actions/{ActionsSamples.Seed004}?asAt=2016-02-11").ToString());

        // By hand from the sample: 100 deliverables; 11 completed by 2016-02-11 (2.1.3, 2.1.4, 2.1.8, 2.1.9,
        // 2.5.1, 4.1.1, 4.3.2, 4.3.3, 4.5.1, 5.3.1, 5.3.6); the earliest other end date is 2016-03-31,
        // 49 days on, outside the 28-day window: so Blue 11, Green 89, no Amber, no Red, nothing overdue.
        Assert.Equal("11", await page.GetByTestId("count-blue").InnerTextAsync());
        Assert.Equal("89", await page.GetByTestId("count-green").InnerTextAsync());
        Assert.Equal("0", await page.GetByTestId("count-amber").InnerTextAsync());
        Assert.Equal("0", await page.GetByTestId("count-red").InnerTextAsync());
        Assert.Equal("11 Feb 2016", await page.GetByTestId("as-at").InnerTextAsync());
        await page.GetByTestId("overdue-none").WaitForAsync();

        // 2.1.3 (due 2016-02-29, completed 2016-02-11) is Blue; 1.1.2 (due 2016-03-31) is Green.
        var blue = page.GetByTestId("deliverable-2.1.3").Locator(".govuk-tag");
        Assert.Equal("Blue", await blue.First.InnerTextAsync());
        Assert.Contains("govuk-tag--blue", await blue.First.GetAttributeAsync("class"), StringComparison.Ordinal);
        var green = page.GetByTestId("deliverable-1.1.2").Locator(".govuk-tag");
        Assert.Equal("Green", await green.First.InnerTextAsync());
        Assert.Contains("govuk-tag--green", await green.First.GetAttributeAsync("class"), StringComparison.Ordinal);

        // Workstream 1.1: its three deliverables are Green, so it rolls up Green; the document printed Red.
        var workstream = page.GetByTestId("workstream-1.1").Locator("caption .govuk-tag");
        Assert.Equal(["Green", "Red"], await workstream.AllInnerTextsAsync());
        Assert.Contains(
            "LL/CS to meet 15.2.16 to agree key deliverables and target dates.",
            await page.GetByTestId("workstream-update-1.1").InnerTextAsync(),
            StringComparison.Ordinal);

        // The workstreams 5.3 and 5.4 have no priority: 7 deliverables, 5.3.1 and 5.3.6 complete.
        var none = page.GetByTestId("by-priority").Locator("tr", new() { HasText = "(none)" }).Locator("td");
        Assert.Equal(["2", "5", "0", "0", "7"], await none.AllInnerTextsAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ListSavingsAndBenefitsPages_Seeds_ShowSummaryReconciliationAndTotals()
    {
        var app = samples.App;
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page, Roles.Viewer);

        await page.GotoAsync(new Uri(app.Address, "/actions?asAt=2016-02-11").ToString());
        var plan = page.GetByTestId($"plan-{ActionsSamples.Seed004}");
        Assert.Equal("11", await plan.GetByTestId("plan-count-blue").InnerTextAsync());
        Assert.Equal("89", await plan.GetByTestId("plan-count-green").InnerTextAsync());
        await plan.GetByRole(AriaRole.Link, new() { Name = "LAC Action Plan November 2015" }).ClickAsync();
        await page.GetByTestId("counts").WaitForAsync();

        await page.GotoAsync(new Uri(app.Address, "/savings").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "LAC savings plan 2016/17" }).ClickAsync();
        // 2016/17 by objective: -2,100 - 922 - 507 - 350 - 500 - 219 + 0 - 132 - 2,059 = -6,789, as stated;
        // by placement type the lines add up to the stated -2,148, and -1,429 + -719 = -2,148.
        Assert.Contains("Every stated total agrees", await page.GetByTestId("reconciliation").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("-6,789", await page.GetByTestId("year-2016-17").GetByTestId("total").InnerTextAsync());
        Assert.Equal("-3,724", await page.GetByTestId("year-2017-18").GetByTestId("total").InnerTextAsync());
        // "Residential - disability" -75, "Residential homes" 796 and "In house residential" 0 share a category: 721.
        var residential = page.GetByTestId("year-2016-17").Locator("tr", new() { HasText = "Residential homes" }).Locator("td");
        Assert.Equal(["Residential - disability; Residential homes; In house residential", "Residential", "721", "", ""], await residential.AllInnerTextsAsync());

        await page.GotoAsync(new Uri(app.Address, "/benefits").ToString());
        var register = page.GetByTestId("register-leeds-ld-benefits");
        // £270,000 + £95,142 a year; risk-adjusted 270,000 × 75% + 95,142 × 100% = 297,642; nothing realised yet.
        Assert.Equal("£365,142", await register.GetByTestId("total-value").InnerTextAsync());
        Assert.Equal("£297,642", await register.GetByTestId("total-risk-adjusted").InnerTextAsync());
        Assert.Equal("£0", await register.GetByTestId("total-realised").InnerTextAsync());
        Assert.Equal("202,500", await register.GetByTestId("benefit-residential-cost-reduction").GetByTestId("risk-adjusted").InnerTextAsync());
        Assert.Empty(errors);
    }
}
