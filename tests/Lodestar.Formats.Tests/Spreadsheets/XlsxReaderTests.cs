using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Tests.Spreadsheets;

public sealed class XlsxReaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("measure,council,period,value\n")]
    [InlineData("PK\u0003\u0004 not really a zip")]
    public void ReadFirstSheet_NotAWorkbook_IsAProblemNamingTheFile(string junk)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(junk));

        var result = XlsxReader.ReadFirstSheet("values.xlsx", stream);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("values.xlsx", "cannot be read as an XLSX workbook"), (problem.File, problem.Message));
    }

    [Fact]
    public void ReadFirstSheet_WorkbookWithoutSheets_IsAProblem()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.AddWorkbookPart().Workbook = new Workbook(new Sheets());
        }

        stream.Position = 0;
        var problem = Assert.Single(XlsxReader.ReadFirstSheet("empty.xlsx", stream).Problems);

        Assert.Equal("empty.xlsx: the workbook has no sheets", problem.ToString());
    }

    [Fact]
    public void ReadFirstSheet_SheetWhosePartIsMissing_IsAProblem()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.AddWorkbookPart().Workbook = new Workbook(new Sheets(new Sheet { Id = "rIdNowhere", SheetId = 1, Name = "Values" }));
        }

        stream.Position = 0;
        var problem = Assert.Single(XlsxReader.ReadFirstSheet("broken.xlsx", stream).Problems);

        Assert.Equal("broken.xlsx: the sheet 'Values' is missing from the workbook", problem.ToString());
    }

    [Fact]
    public void ReadFirstSheet_CellsWithJunkReferences_AreReadInOrderWithoutThrowing()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(new Row(
                new Cell { CellReference = "1", DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("a")) },
                new Cell { CellReference = "ZZZZZZ1", DataType = CellValues.SharedString, CellValue = new CellValue("99") },
                new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("c")) })
            { RowIndex = 4 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "S" }));
        }

        stream.Position = 0;
        var rows = XlsxReader.ReadFirstSheet("odd.xlsx", stream).Value;

        Assert.Equal([(4, new[] { "a", "", "c" })], rows.Select(r => (r.Row, r.Cells)));
    }
}
