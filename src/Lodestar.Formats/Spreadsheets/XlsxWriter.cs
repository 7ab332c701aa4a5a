using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lodestar.Formats.Spreadsheets;

/// <summary>A sheet to write: a name, a header row and rows of cells (string, number, DateOnly or null).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes simple workbooks: a bold header row, numbers as numbers, dates as dates (yyyy-mm-dd), text as
/// inline strings neutralised against formula injection (<see cref="SpreadsheetText"/>).
/// </summary>
public static class XlsxWriter
{
    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateFormatId = 164;

    public static void Write(Stream output, IEnumerable<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(sheet.Header.Cast<object?>().ToList(), BoldStyle));
            foreach (var row in sheet.Rows)
            {
                data.Append(Row(row, null));
            }

            part.Worksheet = new Worksheet(data);
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name) });
        }

        workbook.Workbook.Save();
    }

    private static Row Row(IReadOnlyList<object?> values, uint? style)
    {
        var row = new Row();
        foreach (var value in values)
        {
            var cell = Cell(value);
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            row.Append(cell);
        }

        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        decimal d => Number(d.ToString(CultureInfo.InvariantCulture)),
        int i => Number(i.ToString(CultureInfo.InvariantCulture)),
        double f => Number(f.ToString("R", CultureInfo.InvariantCulture)),
        DateOnly date => new Cell
        {
            CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
            DataType = CellValues.Number,
            StyleIndex = DateStyle,
        },
        _ => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(SpreadsheetText.Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")) { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    private static Cell Number(string text) => new() { CellValue = new CellValue(text), DataType = CellValues.Number };

    // Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? ' ' : c)]);
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true })
        { Count = 3 });
}
