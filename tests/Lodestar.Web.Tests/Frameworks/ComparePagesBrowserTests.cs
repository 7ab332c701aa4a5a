namespace Lodestar.Web.Tests.Frameworks;

/// <summary>
/// The measure page's chart and history, and the home dashboard, on <see cref="FrameworkTestData"/>: values
/// for Cambridgeshire in 2024-25 (re-referrals 12%, target 11 ± 1, amber; children on a plan two years or
/// more 14.2%, target 11 ± 1, red; seen alone 85%, target 80, green) and 2023-24 (re-referrals 13%, no
/// target), and re-referral benchmarks for 2024-25 only. Both tests only read.
/// </summary>
public sealed class ComparePagesBrowserTests(ImportedFrameworkTestData imported, Browser browser) : IClassFixture<ImportedFrameworkTestData>
{
    private const int Narrow = 375;

    [Fact]
    public async Task MeasurePage_Benchmarked_DrawsTheChartAndTablesEveryYearWithoutSideways375()
    {
        var app = imported.App;
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page);

        await page.GotoAsync(new Uri(app.Address, $"/frameworks/{FrameworkTestData.FrameworkId}/measures/{FrameworkTestData.Rereferrals}?council=873&year=2025").ToString());

        await page.Locator("canvas[data-testid=measure-chart][data-rendered='true']").WaitForAsync();
        var rows = page.GetByTestId("history-row");
        // Six reporting years, newest first.
        Assert.Equal(["2024-25", "2023-24", "2022-23", "2021-22", "2020-21", "2019-20"], (await rows.Locator("th").AllTextContentsAsync()).Select(t => t.Trim()));
        // 2024-25: England 22, neighbours (25 + 15) / 2 = 20; the councils 15, 18, 25, 30 have quartiles 17.25 and 26.25;
        // Cambridgeshire's 18 is second best of four (lower is better): band B.
        var latest = (await rows.First.Locator("th, td").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal("12%", latest[1]);
        Assert.Equal("11%", latest[2]);
        Assert.StartsWith("Amber", latest[3], StringComparison.Ordinal);
        Assert.Equal(["22%", "20%", "17.3% to 26.3%", "B (rank 2 of 4)"], latest[5..]);
        // 2023-24 has a value but neither target nor benchmarks; 2022-23 has nothing, and says so rather than 0.
        var before = (await rows.Nth(1).Locator("th, td").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(("13%", "No target", ""), (before[1], before[2], before[5]));
        Assert.Equal("No data", (await rows.Nth(2).GetByTestId("history-value").TextContentAsync())?.Trim());

        // Loaded at 375 px (the chart sizes itself to its box when drawn).
        await page.SetViewportSizeAsync(Narrow, 800);
        await page.ReloadAsync();
        await page.Locator("canvas[data-testid=measure-chart][data-rendered='true']").WaitForAsync();
        Assert.InRange(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), 0, Narrow);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Dashboard_UserGrantedCambridgeshire_SummarisesItsFrameworkAndWhatTurnedRedWithoutSideways375()
    {
        var app = imported.App;
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page, TestGrants.Of(FrameworkTestData.Council));

        await page.GotoAsync(app.Address.ToString());

        var council = page.GetByTestId("dashboard-council");
        Assert.Equal(1, await council.CountAsync());
        Assert.Equal("Cambridgeshire", (await council.Locator("h3").TextContentAsync())?.Trim());
        Assert.Contains("No return has been confirmed yet", await council.GetByTestId("confirmed").TextContentAsync(), StringComparison.Ordinal);
        // 108 measures: one each green, amber and red, 105 with no rating; words beside the colours.
        var summary = await council.GetByTestId("framework-summary").TextContentAsync() ?? "";
        Assert.Equal("1 green 1 amber 1 red 105 with no rating (1 green, 1 amber, 1 red, 105 with no rating)", string.Join(' ', summary.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        // Red in 2024-25 and not in 2023-24 (no target then): the two-years-on-a-plan measure only.
        var red = council.GetByTestId("turned-red").Locator("li");
        Assert.Equal(1, await red.CountAsync());
        Assert.Equal("% of children subject to CP Plans for 2+ years: 14.2%, target 11%", string.Join(' ', (await red.TextContentAsync() ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains(FrameworkTestData.CppTwoYears, await red.Locator("a").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByTestId("overdue-none").CountAsync());

        await page.SetViewportSizeAsync(Narrow, 800);
        await page.ReloadAsync();
        Assert.InRange(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), 0, Narrow);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Dashboard_UserWithNoCouncils_SaysSoAndShowsNoCouncil()
    {
        var (_, client) = await imported.App.SignedInUserAsync(TestGrants.None);
        using (client)
        {
            var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

            Assert.Contains("You have no councils yet.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"dashboard-council\"", html, StringComparison.Ordinal);
        }
    }
}
