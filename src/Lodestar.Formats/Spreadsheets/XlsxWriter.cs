using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lodestar.Formats.Spreadsheets;

/// <summary>A sheet to write: a name, a header row and rows of cells (string, number, DateOnly or null).</summary>
internal sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// The one XLSX writer, for every export (frameworks, scorecards, action plans, savings, benefits): a
/// bold, frozen header row, numbers as numbers, dates as dates (yyyy-mm-dd), and text as inline string
/// cells, exactly as given. A string cell is never evaluated as a formula, so text such as "=1+1" or
/// "-5" is safe and reads back unaltered; only CSV needs <see cref="SpreadsheetText.Neutralise"/>.
/// </summary>
internal static class XlsxWriter
{
    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateFormatId = 164;

    // Where a workbook's parts are dated in its zip: a fixed time, so that the same sheets are the same bytes (the generator's
    // Annex A workbooks are byte-identical from run to run, as its other files are; zip times start in 1980).
    private static readonly DateTimeOffset Stamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(Stream output, IEnumerable<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        using var buffer = new MemoryStream();
        WritePackage(buffer, sheets);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
            {
                entry.LastWriteTime = Stamp;
            }
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    // The parts' relationship ids are given, not left to the SDK (which makes random ones).
    private static void WritePackage(Stream output, IEnumerable<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>("rIdStyles");
        styles.Stylesheet = Stylesheet();
        var sheetList = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>(string.Create(CultureInfo.InvariantCulture, $"rIdSheet{id}"));
            var data = new SheetData();
            var rowIndex = 1u;
            data.Append(Row(rowIndex++, [.. sheet.Header], BoldStyle));
            foreach (var row in sheet.Rows)
            {
                data.Append(Row(rowIndex++, row, null));
            }

            var views = new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 });
            part.Worksheet = new Worksheet(views, data);
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name) });
        }

        workbook.Workbook.Save();
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, uint? style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            if (Cell(values[c]) is not { } cell)
            {
                continue;
            }

            cell.CellReference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            row.Append(cell);
        }

        return row;
    }

    private static Cell? Cell(object? value) => value switch
    {
        null => null,
        string { Length: 0 } => null,
        string text => Text(text),
        decimal d => Number(d.ToString(CultureInfo.InvariantCulture)),
        int i => Number(i.ToString(CultureInfo.InvariantCulture)),
        long l => Number(l.ToString(CultureInfo.InvariantCulture)),
        double f => Number(f.ToString("R", CultureInfo.InvariantCulture)),
        DateOnly date => new Cell
        {
            CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
            DataType = CellValues.Number,
            StyleIndex = DateStyle,
        },
        _ => Cell(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    // An inline string is text to every spreadsheet: it is shown, never evaluated, whatever it starts with.
    private static Cell Text(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Number(string text) => new() { CellValue = new CellValue(text), DataType = CellValues.Number };

    private static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

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
