using System.Text.RegularExpressions;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Forecast;

[Collection(DemoCollection.Name)]
public sealed partial class ForecastBacktestPageTests(DemoApp demo)
{
    [Fact]
    public async Task ForecastPage_Backtest_IsShownForEachPlacementCategoryAtEachHorizon()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetStringAsync(new Uri("/councils/E10000003/forecast?as_at=2025-03-31&months=12", UriKind.Relative), TestContext.Current.CancellationToken);

        var table = page[page.IndexOf("data-testid=\"forecast-backtest-categories\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var rows = Row().Matches(table).Select(m => (Category: m.Groups[1].Value, Horizon: m.Groups[2].Value, Forecasts: m.Groups[3].Value)).ToList();
        // The demo's returns run from April 2020 to March 2025: as at March 2021 to 2024 for 12 months on (4
        // forecasts), 2021 to 2023 for 24 (3), for each of the 9 placement categories.
        Assert.Equal(18, rows.Count);
        Assert.Equal(9, rows.Select(r => r.Category).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(r.Horizon == "12" ? "4" : "3", r.Forecasts));
        Assert.Equal(("in_house_fostering", "12"), (rows[0].Category, rows[0].Horizon));
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-category=\"([^\"]+)\">\\s*<th[^>]*>[^<]*</th>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td>")]
    private static partial Regex Row();
}
