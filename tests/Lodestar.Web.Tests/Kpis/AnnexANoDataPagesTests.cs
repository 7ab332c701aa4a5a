using Lodestar.Web.Tests.Frameworks;

namespace Lodestar.Web.Tests.Kpis;

/// <summary>A council with a 903 and a CIN census but no Annex A lists: its Annex A KPIs say "No data", as for a missing return.</summary>
[Collection(RulesApp.Collection)]
public sealed class AnnexANoDataPagesTests(RulesApp data)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Cell(string html, string testId)
    {
        var needle = $"data-testid=\"{testId}\">";
        var at = html.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no cell {testId}");
        var cell = html[(at + needle.Length)..];
        return cell[..cell.IndexOf("</td>", StringComparison.Ordinal)].Trim();
    }

    [Fact]
    public async Task KpiList_CouncilWithoutLists_SaysNoDataForAnnexAAsForAYearWithoutReturns()
    {
        var client = data.Staff;

        var with = await client.GetStringAsync(new Uri($"/kpis?council={data.NoListsCouncil}&year={RulesApp.Year}", UriKind.Relative), Cancel);
        var before = await client.GetStringAsync(new Uri($"/kpis?council={data.NoListsCouncil}&year={RulesApp.Year - 3}", UriKind.Relative), Cancel);

        // The returns give 2022-23's children looked after; no list gives its contacts, adopters or early help.
        Assert.NotEqual("No data", Cell(with, "value-cla_at_end"));
        Assert.Equal("No data", Cell(with, "value-annexa_contacts"));
        Assert.Equal("No data", Cell(with, "value-annexa_adopters_available"));
        Assert.Equal("No data", Cell(with, "value-annexa_early_help_assessments"));
        // The same words as for a year with no return at all.
        Assert.Equal("No data", Cell(before, "value-cla_at_end"));
    }

    [Fact]
    public async Task KpiPage_CouncilWithoutLists_SaysNoDataNeverZero()
    {
        var client = data.Staff;

        var page = await client.GetStringAsync(new Uri($"/kpis/annexa_cla_visits_6w?council={data.NoListsCouncil}&year={RulesApp.Year}", UriKind.Relative), Cancel);

        Assert.Equal("No data", Cell(page, "year-value"));
    }
}
