namespace Lodestar.Web.Tests.Frameworks;

public sealed class ScorecardBrowserTests(Browser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scorecard_ImportedFramework_ShowsRagTagsReasonsAndBenchmarksWithoutConsoleErrors()
    {
        await using var app = await FrameworkTestData.StartAsync();
        await FrameworkTestData.ImportAsync(app, Cancel);
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page);

        await page.GotoAsync(new Uri(app.Address, "/frameworks").ToString());
        var list = page.GetByTestId("frameworks-table");
        Assert.Contains("Appendix H: Draft Key Performance Indicators and Performance Indicators", await list.TextContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(new Uri(app.Address, $"/frameworks/{FrameworkTestData.FrameworkId}/scorecard?council=873&year=2025").ToString());
        Assert.Equal("Cambridgeshire (E10000003), 2024-25", (await page.GetByTestId("scorecard-subject").TextContentAsync())?.Trim());

        async Task<(string Value, string Rag, string Reason)> RowAsync(string measure)
        {
            var row = page.Locator($"tr[data-measure='{measure}']").First;
            return (
                (await row.GetByTestId("value").TextContentAsync())!.Trim(),
                (await row.GetByTestId("rag").TextContentAsync())!.Trim(),
                (await row.GetByTestId("reason").TextContentAsync())!.Trim());
        }

        Assert.Equal(("12%", "Amber", "Amber: 12% is 1 point worse than the 11% target; within tolerance 1 point"), await RowAsync(FrameworkTestData.Rereferrals));
        Assert.Equal(("14.2%", "Red", "Red: 14.2% is 3.2 points worse than the 11% target; tolerance 1 point"), await RowAsync(FrameworkTestData.CppTwoYears));
        Assert.Equal(("85%", "Green", "Green: 85% is 5 points better than the 80% target"), await RowAsync(FrameworkTestData.SeenAlone));
        Assert.Equal(("No data", "Grey", "Grey: no value for 2024-25"), await RowAsync(FrameworkTestData.DecisionInOneDay));
        var amber = page.Locator($"tr[data-measure='{FrameworkTestData.Rereferrals}'] [data-testid=rag]").First;
        Assert.Contains("govuk-tag--yellow", await amber.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        // 12% against 13% a year earlier, lower is better; benchmarks: England 22, region 20, neighbours (25 + 15) / 2.
        var rereferrals = page.Locator($"tr[data-measure='{FrameworkTestData.Rereferrals}']").First;
        Assert.Contains("Improving", await rereferrals.TextContentAsync(), StringComparison.Ordinal);
        var benchmarks = await rereferrals.GetByTestId("benchmarks").TextContentAsync();
        Assert.Contains("England: 22%", benchmarks, StringComparison.Ordinal);
        Assert.Contains("Region: 20% (East of England)", benchmarks, StringComparison.Ordinal);
        Assert.Contains("Statistical neighbours: 20% (2 of 2)", benchmarks, StringComparison.Ordinal);
        Assert.Contains("Quartile: B (rank 2 of 4)", benchmarks, StringComparison.Ordinal);

        // The tree: the group sits one level under its section.
        var group = page.Locator("tr[data-testid=scorecard-node] th", new() { HasText = "Safeguarding and child in need" }).First;
        Assert.Contains("govuk-!-padding-left-3", await group.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal("55", (await page.GetByTestId("coverage-computed").TextContentAsync())?.Trim());
        Assert.Equal("53", (await page.GetByTestId("coverage-entered").TextContentAsync())?.Trim());

        await rereferrals.GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        await page.GetByTestId("benchmark-comparison").WaitForAsync();
        Assert.Contains("Computed from the returns: KPI rereferrals_12m", await page.GetByTestId("source").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("B (boundaries 17.3% / 21.5% / 26.3%)", await page.GetByTestId("benchmark-comparison").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
