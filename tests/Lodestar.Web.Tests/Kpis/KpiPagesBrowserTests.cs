using System.Globalization;
using Lodestar.Data.Security;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests.Kpis;

public sealed class KpiPagesBrowserTests(DemoApp demo, Browser browser)
{
    private const string Query = "?council=E10000003&year=2025";
    private const string Subject = "kpi cla_at_end E10000003 2024-04-01..2025-03-31";

    private string Url(string path) => new Uri(demo.App.Address, path).ToString();

    [Fact]
    public async Task KpiTable_Viewer_ShowsTheDemoCouncilsLatestYearAsTheEngineComputesIt()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await demo.App.SignInAsync(page, Roles.Viewer);

        await page.GotoAsync(Url("/kpis"));

        Assert.Equal("KPIs – Lodestar", await page.TitleAsync());
        // With no choice made: the first council and the latest year its returns cover.
        Assert.Equal("E10000003", await page.Locator("#council").InputValueAsync());
        Assert.Equal("2025", await page.Locator("#year").InputValueAsync());
        Assert.Equal(["2025", "2024", "2023", "2022", "2021"], await page.Locator("#year option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        var shown = (await page.GetByTestId("value-cla_at_end").TextContentAsync())?.Trim();
        var engine = demo.EngineResult("cla_at_end", 2025).Value;
        Assert.NotNull(engine);
        Assert.Equal(engine.Value.ToString("N0", CultureInfo.InvariantCulture), shown);
        Assert.Equal(demo.GeneratorLookedAfterAt31March(2025).ToString("N0", CultureInfo.InvariantCulture), shown);
        // The demo's own postcode lookup gives a distance (docs/web.md); a KPI with no value says "No data" (AnnexANoDataPagesTests).
        Assert.Matches(@"^\d+(\.\d)?%$", (await page.GetByTestId("value-cla_placed_20_miles").TextContentAsync())?.Trim());
        Assert.Matches(@"^\d+(\.\d)?%$", (await page.GetByTestId("value-cla_placements_3plus").TextContentAsync())?.Trim());
        Assert.Matches(@"Data quality: \d+ files read, \d+ errors?, \d+ warnings?", await page.GetByTestId("data-quality").TextContentAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task KpiTable_PickAnEarlierYear_ShowsThatYear()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await demo.App.SignInAsync(page, Roles.Viewer);
        await page.GotoAsync(Url("/kpis"));

        await page.Locator("#year").SelectOptionAsync("2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await page.WaitForPageAsync("**/kpis?council=E10000003&year=2023");
        var engine = demo.EngineResult("cla_at_end", 2023).Value!.Value;
        Assert.Equal(engine.ToString("N0", CultureInfo.InvariantCulture), (await page.GetByTestId("value-cla_at_end").TextContentAsync())?.Trim());
        Assert.Contains("1 April 2022 to 31 March 2023", await page.Locator("caption").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task KpiPage_Viewer_ShowsDefinitionChartAndFiveYearsOfMonthsWithoutTheChildrenLink()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await demo.App.SignInAsync(page, Roles.Viewer);
        await page.GotoAsync(Url("/kpis"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Children looked after at the end of the period", Exact = true }).ClickAsync();

        await page.WaitForPageAsync("**/kpis/cla_at_end?council=E10000003&year=2025");
        Assert.Equal("Children looked after at the end of the period", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Contains("Neither", await page.GetByTestId("kpi-definition").TextContentAsync(), StringComparison.Ordinal);
        // The chart script ran and drew on the canvas.
        await page.Locator("canvas#kpi-chart[data-rendered='true']").WaitForAsync();
        // April 2020 to March 2025: 60 months, the last one the 31 March 2025 snapshot, the year's value.
        var months = page.GetByTestId("kpi-series").Locator("tbody tr");
        Assert.Equal(60, await months.CountAsync());
        Assert.Equal("Apr 2020", (await months.First.Locator("th").TextContentAsync())?.Trim());
        Assert.Equal("Mar 2025", (await months.Last.Locator("th").TextContentAsync())?.Trim());
        // The DfE's figures beside the chart, one row a year: England's 31 March 2025 count is 81,770
        // (samples/benchmarks/dfe/cla_number_and_rate_per_10k_children.csv), in the table only (a count: not on the council's scale).
        var benchmarks = page.GetByTestId("kpi-benchmarks").Locator("tbody tr");
        Assert.Equal(5, await benchmarks.CountAsync());
        Assert.Equal(("2024-25", "81,770"), ((await benchmarks.Last.Locator("th").TextContentAsync())?.Trim(), (await benchmarks.Last.Locator("td").First.TextContentAsync())?.Trim()));
        Assert.DoesNotContain("\"england\"", await page.Locator("canvas#kpi-chart").GetAttributeAsync("data-chart"), StringComparison.Ordinal);
        var yearValue = (await page.GetByTestId("year-value").TextContentAsync())?.Trim();
        Assert.Equal(yearValue, (await months.Last.Locator("td").First.TextContentAsync())?.Trim());
        Assert.Contains("needs the child-level role", await page.GetByTestId("children-note").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("children-link").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task KpiPage_Categorised_HasOneRowPerCategory()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await demo.App.SignInAsync(page, Roles.Viewer);

        await page.GotoAsync(Url("/kpis/cpp_by_category" + Query));

        // In words, in the engine's order (NEG, PHY, SAB, EMO, MUL, unknown); the API keeps the codes.
        string[] categories = ["Neglect", "Physical abuse", "Sexual abuse", "Emotional abuse", "Multiple categories", "Not recorded"];
        Assert.Equal(categories, await page.GetByTestId("kpi-year").Locator("tbody th").AllTextContentsAsync());
        Assert.Equal(categories, await page.GetByTestId("kpi-series").Locator("tbody th").AllTextContentsAsync());
        // Six categories: six small charts on one scale, not one wide chart.
        await page.Locator("canvas[data-testid='kpi-chart-small'][data-rendered='true']").Nth(5).WaitForAsync();
        Assert.Equal(6, await page.GetByTestId("kpi-chart-small").CountAsync());
        Assert.Equal(0, await page.Locator("canvas#kpi-chart").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task DrillThrough_Viewer_IsDeniedAndNotAudited()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        var user = await demo.App.SignInAsync(page, Roles.Viewer);
        var before = (await demo.ChildLevelViewsAsync(Subject, user)).Count;

        var response = await page.GotoAsync(Url("/kpis/cla_at_end/children" + Query));

        Assert.Equal(403, response!.Status);
        Assert.Equal(1, await page.GetByText("You do not have access to this page").CountAsync());
        Assert.Equal(0, await page.GetByTestId("numerator-children").CountAsync());
        Assert.Equal(before, (await demo.ChildLevelViewsAsync(Subject, user)).Count);
        // The browser reports the page's own 403 as a failed load; nothing else may fail.
        Assert.Contains("status of 403", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrillThrough_ChildLevel_ShowsTheChildrenAndTheirReasonsAndAuditsEachView()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        var user = await demo.App.SignInAsync(page, Roles.Viewer, Roles.ChildLevel);
        var before = (await demo.ChildLevelViewsAsync(Subject, user)).Count;
        await page.GotoAsync(Url("/kpis/cla_at_end" + Query));

        await page.GetByTestId("children-link").ClickAsync();

        await page.WaitForPageAsync("**/kpis/cla_at_end/children?council=E10000003&year=2025");
        var expected = demo.GeneratorLookedAfterAt31March(2025);
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), (await page.GetByTestId("numerator-count").TextContentAsync())?.Trim());
        var ids = page.GetByTestId("numerator-children").Locator("a");
        Assert.Equal(expected, await ids.CountAsync());
        var views = await demo.ChildLevelViewsAsync(Subject, user);
        Assert.Equal(before + 1, views.Count);
        Assert.Equal($"{expected} children", views[^1].Details);

        var child = (await ids.First.TextContentAsync())!.Trim();
        await ids.First.ClickAsync();

        await page.GetByTestId("child-id").WaitForAsync();
        Assert.Equal(child, (await page.GetByTestId("child-id").TextContentAsync())?.Trim());
        Assert.Equal("Yes", (await page.GetByTestId("in-numerator").TextContentAsync())?.Trim());
        Assert.True(await page.GetByTestId("reasons").Locator("li").CountAsync() > 0);
        views = await demo.ChildLevelViewsAsync(Subject, user);
        Assert.Equal(before + 2, views.Count);
        Assert.Equal($"1 child: {child}", views[^1].Details);
        Assert.Empty(errors);
    }
}
