using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lodestar.Application.Packs;

namespace Lodestar.Application.Tests.Packs;

/// <summary>The trend charts: the builder's series, hand-worked from PackTestData's values, and the three formats drawing them.</summary>
public sealed class PackTrendTests(PackTestData data) : IClassFixture<PackTestData>
{
    [Fact]
    public void Build_History_ValuesAndTargetsByYearFromTheFirstYearWithAFigure()
    {
        var byId = data.Internal.Measures.ToDictionary(m => m.Id);

        // complaints: 9 in 2023-24, 12 in 2024-25 with its target 10; nothing earlier, so the trend starts at 2023-24.
        Assert.Equal(
            [new PackPoint("2023-24", "9", 9m, "", null), new PackPoint("2024-25", "12", 12m, "10", 10m)],
            byId["complaints"].History);
        Assert.Equal([("2022-23", "2"), ("2023-24", "0"), ("2024-25", "3")], byId["missing"].History.Select(p => (p.Period, p.Value)));
        Assert.Equal([("2023-24", "50%", "", 50m), ("2024-25", "75%", "70%", 75m)], byId["visits"].History.Select(p => (p.Period, p.Value, p.Target, p.Amount!.Value)));
    }

    [Fact]
    public void Build_PublicHistory_SuppressesSmallCountsInEveryYear()
    {
        var missing = data.Public.Measures.Single(m => m.Id == "missing");

        // 2 and 3 are counts under 5; 0 is shown.
        Assert.Equal([("c", null), ("0", 0m), ("c", null)], missing.History.Select(p => (p.Value, p.Amount)));
        Assert.Equal(["50%", "c"], data.Public.Measures.Single(m => m.Id == "visits").History.Select(p => p.Value));
    }

    [Fact]
    public void Layout_TwoYears_PlacesPointsAndTargetOnTheScaleWithATenthSpare()
    {
        var points = PackChart.Layout(data.Internal.Measures.Single(m => m.Id == "complaints").History, 0, 0, 100, 100)!;

        // Figures 9, 12 and 10: the scale runs 8.7 to 12.3 (0.3 spare), so y = 100 - (v - 8.7) / 3.6 * 100.
        Assert.Equal([0d, 100d], points.Select(p => p.X));
        Assert.Equal(91.667, points[0].ValueY, 3);
        Assert.Equal(8.333, points[1].ValueY, 3);
        Assert.Equal(63.889, points[1].TargetY, 3);
        Assert.False(points[0].HasTarget);
    }

    [Fact]
    public void Html_Trend_HasAnSvgImageWithTheFiguresAndATableOfThem()
    {
        var html = PackHtml.Document(data.Internal);
        var svg = PackHtml.Svg(data.Internal.Measures.Single(m => m.Id == "complaints"));

        Assert.Contains("<figcaption class=\"govuk-body-s\">Trend: 1.1 Complaints received</figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-label=\"Chart of the trend of 1.1 Complaints received; its figures are in the table beside it.\"", svg, StringComparison.Ordinal);
        // The value line from (34, 73) to (234, 23.3): the box is 34..234 across and 18..78 down.
        Assert.Contains("<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\" points=\"34,73 234,23\"/>", svg, StringComparison.Ordinal);
        Assert.Contains(">12</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Target 10</text>", svg, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">Value</th><td class=\"govuk-table__cell\">9</td><td class=\"govuk-table__cell\">12</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">Target</th><td class=\"govuk-table__cell\">none</td><td class=\"govuk-table__cell\">10</td></tr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_Trend_DrawsTheChartWithItsYearsFiguresAndTarget()
    {
        var text = BoardPackTests.PdfText(data.Internal);

        Assert.Contains("Trend: 1.1 Complaints received 2023-24 9 2024-25 12 Target 10", text, StringComparison.Ordinal);
        Assert.Contains("Trend: 2.1 Children missing from care 2022-23 2 2023-24 0 2024-25 3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_TrendsSheet_HasValuesAndTargetsByYearAsNumbers()
    {
        var internalCells = TrendCells(data.Internal);
        var publicCells = TrendCells(data.Public);

        // Columns D to H are 2020-21 to 2024-25; rows: complaints value, complaints target, visits value, visits target, missing value.
        Assert.Equal("2022-23", internalCells["F1"].InnerText);
        Assert.Equal(("9", "12", "10"), (internalCells["G2"].CellValue!.Text, internalCells["H2"].CellValue!.Text, internalCells["H3"].CellValue!.Text));
        // visits has one decimal place: its target is written rounded to it.
        Assert.Equal(("Target", "70.0"), (internalCells["C5"].InnerText, internalCells["H5"].CellValue!.Text));
        Assert.Equal(("2", "0", "3"), (internalCells["F6"].CellValue!.Text, internalCells["G6"].CellValue!.Text, internalCells["H6"].CellValue!.Text));
        Assert.False(internalCells.ContainsKey("E6"));
        Assert.Equal(("c", "c"), (publicCells["F6"].InnerText, publicCells["H6"].InnerText));
    }

    private static Dictionary<string, Cell> TrendCells(BoardPack pack)
    {
        using var stream = new MemoryStream();
        PackXlsx.Write(stream, pack);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == PackXlsx.TrendsSheet);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>()
            .Where(c => c.CellValue is not null || c.InnerText.Length > 0)
            .ToDictionary(c => c.CellReference!.Value!);
    }
}
