using System.Globalization;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Forecast;

public sealed class ForecastPageBrowserTests(DemoApp demo, Browser browser)
{
    [Fact]
    public async Task ForecastPage_Editor_DrawsTheFanChartWithTheTableTargetsBacktestAndScenarioForm()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await demo.App.SignInAsync(page, Roles.Viewer, Roles.Editor);

        await page.GotoAsync(new Uri(demo.App.Address, "/councils/E10000003/forecast?as_at=2025-03-31&months=12").ToString());

        Assert.Equal("Forecast – Cambridgeshire – Lodestar", await page.TitleAsync());
        var count = demo.GeneratorLookedAfterAt31March(2025).ToString("#,0", CultureInfo.InvariantCulture);
        Assert.StartsWith($"{count} children looked after on 31 March 2025.", (await page.GetByTestId("forecast-summary").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        await page.Locator("#forecast-chart[data-rendered='true']").WaitForAsync();
        Assert.Equal(12, await page.GetByTestId("forecast-table").Locator("tbody tr").CountAsync());
        Assert.Equal(9, await page.GetByTestId("forecast-categories").Locator("tbody tr").CountAsync());
        // By age band: April 2025 to March 2026 is one financial year, all 12 months forecast.
        var bands = page.GetByTestId("forecast-age-bands");
        Assert.Equal(["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 to 17"], (await bands.Locator("tbody th").AllTextContentsAsync()).Select(t => t.Trim()));
        var bandHead = await bands.Locator("thead").TextContentAsync();
        Assert.Contains("31 March 2026", bandHead, StringComparison.Ordinal);
        Assert.Contains("2025/26 52-week (12 months)", bandHead, StringComparison.Ordinal);
        // The demo's children on 31 March 2026 by band add up, within the medians' rounding, to the total on the day.
        var byBand = (await bands.GetByTestId("age-band-children").AllTextContentsAsync()).Sum(t => double.Parse(t, CultureInfo.InvariantCulture));
        var total = double.Parse((await page.GetByTestId("forecast-table").Locator("tbody tr").Last.Locator("td").First.TextContentAsync())!.Trim().Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.InRange(byBand, total * 0.95, total * 1.05);
        // The seed plan's targets (535 in April 2016, 497 in April 2017) are before the demo's returns.
        Assert.Contains("Target of 497 for 1 April 2017", await page.GetByTestId("forecast-targets").TextContentAsync(), StringComparison.Ordinal);
        // As at March 2021 to 2024, 12 months on: four forecasts.
        Assert.Equal("4", (await page.GetByTestId("forecast-backtest").Locator("tbody tr").First.Locator("td").First.TextContentAsync())?.Trim());
        // By placement category: the 9 categories at 12 months (4 forecasts) and 24 (as at March 2021 to 2023: 3).
        var byCategory = page.GetByTestId("forecast-backtest-categories").Locator("tbody tr");
        Assert.Equal(18, await byCategory.CountAsync());
        Assert.Equal(["In-house fostering", "12", "4"], (await byCategory.First.Locator("th, td").AllTextContentsAsync()).Take(3).Select(t => t.Trim()));
        Assert.Equal(["24", "3"], (await byCategory.Nth(1).Locator("td").AllTextContentsAsync()).Take(2).Select(t => t.Trim()));
        Assert.True(await page.GetByTestId("scenario-form").IsVisibleAsync());
        Assert.Empty(errors);
    }
}
