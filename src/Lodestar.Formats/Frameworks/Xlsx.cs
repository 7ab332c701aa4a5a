using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Frameworks;

/// <summary>A worksheet to write: a name and rows of cells (string, decimal, int or null).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Minimal XLSX reading and writing: inline strings, numbers, a bold frozen header row.</summary>
public static class Xlsx
{
    /// <summary>Writes the sheets; every text cell goes through <see cref="SpreadsheetText.Neutralise"/>.</summary>
    public static void Write(Stream output, IEnumerable<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var rowIndex = 1u;
            foreach (var row in sheet.Rows)
            {
                var xmlRow = new Row { RowIndex = rowIndex };
                for (var c = 0; c < row.Count; c++)
                {
                    if (Cell(row[c], $"{ColumnName(c)}{rowIndex}") is { } cell)
                    {
                        if (rowIndex == 1)
                        {
                            cell.StyleIndex = 1;
                        }

                        xmlRow.Append(cell);
                    }
                }

                data.Append(xmlRow);
                rowIndex++;
            }

            var views = new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 });
            part.Worksheet = new Worksheet(views, data);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name) });
        }

        workbookPart.Workbook.Save();
    }

    /// <summary>The first sheet's rows as text, each with its 1-based row number; empty rows are left out.</summary>
    public static IReadOnlyList<(int Row, string[] Cells)> ReadFirstSheet(Stream input)
    {
        using var document = SpreadsheetDocument.Open(input, false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("the file has no workbook");
        var first = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("the workbook has no sheets");
        var part = (WorksheetPart)workbookPart.GetPartById(first.Id!.Value!);
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var rows = new List<(int, string[])>();
        var nextRow = 1;
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var rowNumber = row.RowIndex is { } index ? (int)index.Value : nextRow;
            nextRow = rowNumber + 1;
            var cells = new List<string>();
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : nextColumn;
                nextColumn = column + 1;
                while (cells.Count <= column)
                {
                    cells.Add("");
                }

                cells[column] = CellText(cell, shared);
            }

            if (cells.Any(c => c.Length > 0))
            {
                rows.Add((rowNumber, cells.ToArray()));
            }
        }

        return rows;
    }

    private static string CellText(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : "";
        }

        return raw;
    }

    private static Cell? Cell(object? value, string reference) => value switch
    {
        null => null,
        string s when s.Length == 0 => null,
        string s => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(SpreadsheetText.Neutralise(s)) { Space = SpaceProcessingModeValues.Preserve }) },
        decimal d => new Cell { CellReference = reference, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
        int i => new Cell { CellReference = reference, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
        _ => Cell(Convert.ToString(value, CultureInfo.InvariantCulture), reference),
    };

    private static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    // Excel refuses sheet names over 31 characters or containing : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
