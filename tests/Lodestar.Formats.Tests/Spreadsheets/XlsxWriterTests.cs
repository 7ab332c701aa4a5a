using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Tests.Spreadsheets;

public sealed class XlsxWriterTests
{
    private static List<Row> WrittenRows(params XlsxSheet[] sheets)
    {
        var stream = new MemoryStream();
        XlsxWriter.Write(stream, sheets);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        return [.. document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => (Row)r.CloneNode(true))];
    }

    [Fact]
    public void Write_Cells_NumbersAndDatesAreValuesTheSheetNameIsCleaned()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("A sheet: with/bad*chars", ["Name", "Value", "When"], [["x", -6789.5m, new DateOnly(2016, 6, 30)]])]);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        Assert.Equal("A sheet  with bad chars", workbook.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var rows = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(2, rows.Count);
        var cells = rows[1].Elements<Cell>().ToList();
        Assert.Equal(CellValues.Number, cells[1].DataType!.Value);
        Assert.Equal("-6789.5", cells[1].CellValue!.Text);
        // 30 June 2016 is serial day 42551 in Excel's 1900 date system.
        Assert.Equal("42551", cells[2].CellValue!.Text);
    }

    // The generator promises byte-identical files for the same arguments and seed, its Annex A workbooks too; and an export of
    // the same figures is the same file whenever it is made.
    [Fact]
    public async Task Write_SameSheetsTwice_GivesTheSameBytes()
    {
        XlsxSheet[] sheets = [new("One", ["Name", "Value"], [["x", 1m]]), new("Two", ["When"], [[new DateOnly(2025, 3, 31)]])];
        using var first = new MemoryStream();
        XlsxWriter.Write(first, sheets);

        // Zip entries carry a time to two seconds: written in another two seconds, a stamped time would differ.
        await Task.Delay(TimeSpan.FromSeconds(2.1), TestContext.Current.CancellationToken);
        using var second = new MemoryStream();
        XlsxWriter.Write(second, sheets);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("-5")]
    [InlineData("+44 1223 000000")]
    [InlineData("@SUM(A1)")]
    [InlineData("'quoted")]
    public void Write_FormulaLikeText_IsAStringCellHoldingTheTextUnaltered(string text)
    {
        var cell = WrittenRows(new XlsxSheet("S", ["Text"], [[text]]))[1].Elements<Cell>().Single();

        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        Assert.Null(cell.CellFormula);
        Assert.Equal(text, cell.InlineString!.InnerText);
    }

    [Fact]
    public void Write_ThenRead_TextComesBackExactly()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("S", ["title", "value"], [["=1+1", -5m], ["-5", null]])]);
        stream.Position = 0;

        var rows = XlsxReader.ReadFirstSheet("s.xlsx", stream).Value;

        Assert.Equal([["title", "value"], ["=1+1", "-5"], ["-5"]], rows.Select(r => r.Cells));
    }

    [Fact]
    public void Write_BlankCells_KeepTheColumnsOfTheCellsAfterThem()
    {
        var cells = WrittenRows(new XlsxSheet("S", ["a", "b", "c"], [[null, "", "x"]]))[1].Elements<Cell>().ToList();

        Assert.Equal("C2", Assert.Single(cells).CellReference!.Value);
    }
}
