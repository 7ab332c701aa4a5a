using Lodestar.Domain.Periods;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Application.Packs;

// The trends in the workbook (issue 16): a sheet "Trends" with each measure's values and targets by reporting
// year, a row for each, the years as columns in order, so a chart can be made from any row in a spreadsheet
// program. The workbook draws no chart itself: XlsxWriter writes cells only (docs/packs.md says why).
public static partial class PackXlsx
{
    /// <summary>The sheet of trends: values and targets by reporting year.</summary>
    public const string TrendsSheet = "Trends";

    private static XlsxSheet Trends(BoardPack pack)
    {
        var years = Enumerable.Range(pack.Period.ReportingYearLabel - BoardPackBuilder.TrendYears + 1, BoardPackBuilder.TrendYears)
            .Select(y => Period.ReportingYear(y).Describe()).ToList();
        return new XlsxSheet(TrendsSheet, ["Measure id", "Measure", "Series", .. years], TrendRows(pack, years));
    }

    private static IEnumerable<IReadOnlyList<object?>> TrendRows(BoardPack pack, List<string> years)
    {
        foreach (var m in pack.Measures.DistinctBy(m => m.Id))
        {
            var byYear = m.History.ToDictionary(p => p.Period, StringComparer.Ordinal);
            yield return [m.Id, m.Label, "Value", .. years.Select(y => byYear.TryGetValue(y, out var p) ? Figure(p.Amount, p.Value) : null)];
            if (m.History.Any(p => p.Target.Length > 0))
            {
                yield return [m.Id, m.Label, "Target", .. years.Select(y => byYear.TryGetValue(y, out var p) ? Figure(p.TargetAmount, p.Target) : null)];
            }
        }
    }
}
