using System.Text.RegularExpressions;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Savings;

/// <summary>Issue 15: the savings page's forecast from the looked-after children forecast.</summary>
public sealed partial class SavingsFromReturnsPageTests
{
    [Fact]
    public async Task SavingsPlan_WithBaselineAndTo_PageAndApiShowTheTrendForecastBesideTheRunRate()
    {
        using var client = await App.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetStringAsync(new Uri(Plan + "&baseline=2016&to=2016-09-30", UriKind.Relative), Cancel);

        // The returns (2015/16) end on 31 March 2016, so the run rate sees nothing of 2016/17: 0.0. Nobody entered
        // care in the window (both were in care before it began) and nobody left in-house fostering, so the
        // forecast from there is exact: C1 in in-house fostering all 365 nights of 2016/17, 365 / 364 = 1.00
        // (to two places); baseline 2015/16, 366 nights: 366 / 364 = 1.0055. C2 left: the IFA forecast is 0,
        // against a baseline of 214 nights (1 April to 31 October 2015) / 364 = 0.5879.
        // Unit costs 2016/17 (samples/costs/unit-costs.yaml): in-house fostering 23,000, IFA 45,000.
        var row = TrendRow().Match(page);
        Assert.True(row.Success, "no in-house fostering row in the trend forecast table");
        var cells = TrendCell().Matches(row.Value).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(["1.0", "0.0", "1.0", "23,000"], cells[..4]);

        // Seed 004's objectives with the placement types docs/savings.md argues for them. Trend forecast, £k:
        // - Reduce the unit cost (in-house fostering, IFA, kinship, residential, residential schools):
        //   in-house (1.00 - 1.0055) x 23,000 = -126.37; IFA (0 - 0.5879) x 45,000 = -26,456.04;
        //   the rest have no placements, 0. Sum -26,582.41 = -26.6 £k.
        // - Reduce the number (supported accommodation, 16+ "other") and Adoption* (adoption): no placements, 0.
        // - The six naming no placement type: blank.
        var objectives = page[page.IndexOf("data-testid=\"trend-objectives\"", StringComparison.Ordinal)..];
        objectives = objectives[..objectives.IndexOf("</table>", StringComparison.Ordinal)];
        var trend = ObjectiveRow().Matches(objectives).ToDictionary(m => m.Groups[1].Value.Trim(), m => m.Groups[2].Value.Trim());
        Assert.Equal(9, trend.Count);
        Assert.Equal("-26.6", trend["Reduce the unit cost of placements for children in care"]);
        Assert.Equal("0", trend["Reduce the number of children who are looked after"]);
        Assert.Equal("0", trend["Adoption*"]);
        Assert.Equal(6, trend.Values.Count(v => v.Length == 0));

        // The API answers the same figures (money in £ by placement type, £k by objective), and the run rate's:
        // it sees no 2016/17 placements, so its forecast is 0 - baseline: in-house -1.0055 x 23,000 = -23,126.37,
        // IFA -26,456.04; the unit-cost objective -49,582.41 = -49.6 £k (one decimal, as the plan's £k).
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(
            new Uri($"/api/v1/savings/cambs-lac-savings-2016-21?year=2016/17&baseline=2016&to=2016-09-30", UriKind.Relative), Cancel));
        var api = json.RootElement.GetProperty("trend_forecast");
        Assert.Equal(("E10000003", "2016/17", "2015/16", "2016-03-31"), (api.GetProperty("council").GetString(), api.GetProperty("year").GetString(),
            api.GetProperty("baseline_year").GetString(), api.GetProperty("to").GetString()));
        var types = api.GetProperty("by_placement_type").EnumerateArray().ToDictionary(t => t.GetProperty("placement_type").GetString()!, t => t.GetProperty("forecast_savings").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { ["in_house_fostering"] = -126.37m, ["ifa"] = -26456.04m }, types);
        var byObjective = api.GetProperty("by_objective").EnumerateArray().ToDictionary(o => o.GetProperty("objective").GetString()!, o => o.GetProperty("forecast_k"));
        Assert.Equal(-26.6m, byObjective["Reduce the unit cost of placements for children in care"].GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, byObjective["Inflation"].ValueKind);
        var runRate = json.RootElement.GetProperty("years")[0].GetProperty("by_objective").EnumerateArray()
            .Single(o => o.GetProperty("line").GetString() == "Reduce the unit cost of placements for children in care");
        Assert.Equal(-49.6m, runRate.GetProperty("forecast_k").GetDecimal());
    }

    [GeneratedRegex(@"<th scope=""row"" class=""govuk-table__header"">([^<]*)</th>.*?data-testid=""trend-objective-forecast"">([^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex ObjectiveRow();

    [GeneratedRegex(@"data-testid=""trend-forecast"".*?<th scope=""row"" class=""govuk-table__header"">In-house fostering</th>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TrendRow();

    [GeneratedRegex(@"<td class=""govuk-table__cell govuk-table__cell--numeric"">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex TrendCell();
}
