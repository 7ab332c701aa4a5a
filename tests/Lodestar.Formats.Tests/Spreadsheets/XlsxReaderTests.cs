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

    // A workbook whose parts are written as given, as another program would write them.
    private static MemoryStream Workbook(string sheetXml, string? sharedStringsXml = null)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            using (var writer = new StreamWriter(part.GetStream(FileMode.Create)))
            {
                writer.Write(sheetXml);
            }

            if (sharedStringsXml is not null)
            {
                using var writer = new StreamWriter(workbook.AddNewPart<SharedStringTablePart>().GetStream(FileMode.Create));
                writer.Write(sharedStringsXml);
            }

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "S" }));
        }

        stream.Position = 0;
        return stream;
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public void ReadFirstSheet_PrettyPrintedSheetWithEveryKindOfCell_ReadsEachCellsText()
    {
        // Indented as some tools write it: the whitespace between tags is not text; a <t> keeps its own spaces.
        var sheet = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="{Main}">
              <sheetData>
                <row r="2">
                  <c r="A2" t="s"><v>1</v></c>
                  <c r="C2" t="inlineStr">
                    <is>
                      <r><t>Child </t></r>
                      <r><t xml:space="preserve">A1 </t></r>
                    </is>
                  </c>
                  <c r="D2"><f>1+1</f><v>2</v></c>
                  <c r="E2"/>
                  <c r="F2" t="str"><f>"x"</f><v>x</v></c>
                </row>
                <row>
                  <c t="s"><v>0</v></c>
                  <c t="s"><v>7</v></c>
                  <c><v>01/04/2024</v></c>
                </row>
                <row r="9"><c r="B9"/></row>
              </sheetData>
            </worksheet>
            """;
        var shared = $"""<sst xmlns="{Main}"><si><t>CHILD</t></si><si><r><t>Rich</t></r><r><t> text</t></r></si></sst>""";
        using var stream = Workbook(sheet, shared);

        var rows = XlsxReader.ReadFirstSheet("lists.xlsx", stream).Value;

        // Row 3 has no number: it follows row 2. Shared string 7 is not in the table: blank. Row 9 is empty: left out.
        Assert.Equal(
            [(2, new[] { "Rich text", "", "Child A1 ", "2", "", "x" }), (3, ["CHILD", "", "01/04/2024"])],
            rows.Select(r => (r.Row, r.Cells)));
    }

    [Fact]
    public void ReadFirstSheet_SheetWithADocumentTypeDeclaration_IsRefusedNotExpanded()
    {
        var sheet = $"""<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "expanded">]><worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>""";
        using var stream = Workbook(sheet);

        var problem = Assert.Single(XlsxReader.ReadFirstSheet("entities.xlsx", stream).Problems);

        Assert.Equal("entities.xlsx: cannot be read as an XLSX workbook", problem.ToString());
    }
}
