using System.Text.RegularExpressions;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Savings;

/// <summary>Issue 15: the savings page's forecast from the looked-after children forecast.</summary>
public sealed partial class SavingsFromReturnsPageTests
{
    [Fact]
    public async Task SavingsPlan_WithBaselineAndTo_ShowsTheTrendForecastBesideTheRunRate()
    {
        using var client = await App.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetStringAsync(new Uri(Plan + "&baseline=2016&to=2016-09-30", UriKind.Relative), Cancel);

        // The returns end on 31 March 2016 (one return, 2015/16), so the run rate sees nothing of 2016/17: 0.0.
        // The forecast starts there: the one child, in in-house fostering all along, nobody ever leaving, is
        // in care all 365 nights of 2016/17: 365 / 364 = 1.0 placements; baseline 2015/16, 366 nights: 1.0.
        // The child entered in the window's year, so the forecast expects about one more entry a year, each
        // staying (nobody left): the median adds less than a whole further placement-year.
        // Unit cost 2016/17 for in-house fostering: 23,000 (samples/costs/unit-costs.yaml).
        var row = TrendRow().Match(page);
        Assert.True(row.Success, "no in-house fostering row in the trend forecast table");
        var cells = TrendCell().Matches(row.Value).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(["1.0", "0.0", "23,000"], [cells[0], cells[1], cells[3]]);
        Assert.InRange(double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture), 1.0, 2.0);
        // The 2016/17 objectives beside it: seed 004's nine, none naming placement types, so the trend column is blank.
        var objectives = page[page.IndexOf("data-testid=\"trend-objectives\"", StringComparison.Ordinal)..];
        objectives = objectives[..objectives.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("Reduce the number of children who are looked after", objectives, StringComparison.Ordinal);
        Assert.Equal(9, Regex.Count(objectives, "data-testid=\"trend-objective-forecast\"></td>"));
    }

    [GeneratedRegex(@"data-testid=""trend-forecast"".*?<th scope=""row"" class=""govuk-table__header"">In-house fostering</th>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TrendRow();

    [GeneratedRegex(@"<td class=""govuk-table__cell govuk-table__cell--numeric"">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex TrendCell();
}
