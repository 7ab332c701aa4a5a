using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Tests.Spreadsheets;

public sealed class XlsxWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-6,789", "'-6,789")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Plain text", "Plain text")]
    [InlineData("", "")]
    public void Neutralise_FormulaLikeText_GetsALeadingApostrophe(string text, string expected)
    {
        Assert.Equal(expected, SpreadsheetText.Neutralise(text));
    }

    [Fact]
    public void Write_Cells_TextIsNeutralisedNumbersAndDatesAreValues()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("A sheet: with/bad*chars", ["Name", "Value", "When"], [["=1+1", -6789.5m, new DateOnly(2016, 6, 30)]])]);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        Assert.Equal("A sheet  with bad chars", workbook.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var rows = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(2, rows.Count);
        var cells = rows[1].Elements<Cell>().ToList();
        Assert.Equal("'=1+1", cells[0].InnerText);
        Assert.Equal(CellValues.Number, cells[1].DataType!.Value);
        Assert.Equal("-6789.5", cells[1].CellValue!.Text);
        // 30 June 2016 is serial day 42551 in Excel's 1900 date system.
        Assert.Equal("42551", cells[2].CellValue!.Text);
    }
}
