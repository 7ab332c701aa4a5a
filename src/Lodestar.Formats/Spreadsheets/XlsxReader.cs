using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lodestar.Domain.Problems;

namespace Lodestar.Formats.Spreadsheets;

/// <summary>Reads the first sheet of an XLSX workbook as text. Bad files are problems, never exceptions.</summary>
public static class XlsxReader
{
    /// <summary>
    /// The first sheet's rows as text, each with its 1-based row number; empty rows are left out. A file
    /// that is not a workbook (not a zip, no workbook part, no sheet, a sheet whose part is missing)
    /// gives one problem naming <paramref name="file"/>.
    /// </summary>
    public static Result<IReadOnlyList<(int Row, string[] Cells)>> ReadFirstSheet(string file, Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return Read(file, input);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException
            or IOException or ArgumentException or InvalidOperationException or KeyNotFoundException or InvalidCastException or FormatException)
        {
            // The OpenXml SDK reports a malformed package with any of these; none of them is our mistake.
            return Failure(file, "cannot be read as an XLSX workbook");
        }
    }

    private static Result<IReadOnlyList<(int Row, string[] Cells)>> Read(string file, Stream input)
    {
        using var document = SpreadsheetDocument.Open(input, false);
        if (document.WorkbookPart is not { } workbookPart)
        {
            return Failure(file, "the file has no workbook");
        }

        var first = workbookPart.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (first is null)
        {
            return Failure(file, "the workbook has no sheets");
        }

        if (first.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var found) || found is not WorksheetPart part)
        {
            return Failure(file, $"the sheet '{first.Name?.Value}' is missing from the workbook");
        }

        var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        return Result.Success(RowsOf(part, shared));
    }

    /// <summary>
    /// Every sheet of a workbook, in workbook order, each with its name and rows as <see cref="ReadFirstSheet"/>
    /// gives them; a file that is not a workbook, or a sheet whose part is missing, gives one problem naming
    /// <paramref name="file"/>.
    /// </summary>
    public static Result<IReadOnlyList<(string Name, IReadOnlyList<(int Row, string[] Cells)> Rows)>> ReadSheets(string file, Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var document = SpreadsheetDocument.Open(input, false);
            if (document.WorkbookPart is not { } workbookPart)
            {
                return SheetsFailure(file, "the file has no workbook");
            }

            var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var sheets = new List<(string, IReadOnlyList<(int Row, string[] Cells)>)>();
            foreach (var sheet in workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var found) || found is not WorksheetPart part)
                {
                    return SheetsFailure(file, $"the sheet '{sheet.Name?.Value}' is missing from the workbook");
                }

                sheets.Add((sheet.Name?.Value ?? "", RowsOf(part, shared)));
            }

            return sheets.Count == 0 ? SheetsFailure(file, "the workbook has no sheets") : Result.Success<IReadOnlyList<(string, IReadOnlyList<(int Row, string[] Cells)>)>>(sheets);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException
            or IOException or ArgumentException or InvalidOperationException or KeyNotFoundException or InvalidCastException or FormatException)
        {
            return SheetsFailure(file, "cannot be read as an XLSX workbook");
        }
    }

    private static Result<IReadOnlyList<(string Name, IReadOnlyList<(int Row, string[] Cells)> Rows)>> SheetsFailure(string file, string message) =>
        Result.Failure<IReadOnlyList<(string Name, IReadOnlyList<(int Row, string[] Cells)> Rows)>>(Problem.InFile(file, message));

    private static IReadOnlyList<(int Row, string[] Cells)> RowsOf(WorksheetPart part, string[] shared)
    {
        var rows = new List<(int, string[])>();
        var nextRow = 1;
        foreach (var row in Rows(part))
        {
            var rowNumber = row.RowIndex?.Value is { } index and > 0 ? (int)index : nextRow;
            nextRow = rowNumber + 1;
            var cells = new List<string>();
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference && ColumnIndex(reference) is var at and >= 0 and < MaxColumns ? at : nextColumn;
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

    // The sheet's rows one at a time, through Open XML's streaming reader: the whole sheet is never held as
    // one element tree (a 10,000-row Annex A list took most of a returns check's time and memory that way).
    private static IEnumerable<Row> Rows(WorksheetPart part)
    {
        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                // Loading the row moves the reader past it, onto what follows: no Read() here, or a row could be skipped.
                yield return (Row)reader.LoadCurrentElement()!;
            }
            else if (!reader.Read())
            {
                break;
            }
        }
    }

    // Excel's limit; a reference beyond it is junk, placed after the previous cell instead.
    private const int MaxColumns = 16384;

    private static Result<IReadOnlyList<(int Row, string[] Cells)>> Failure(string file, string message) =>
        Result.Failure<IReadOnlyList<(int Row, string[] Cells)>>(Problem.InFile(file, message));

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

    /// <summary>The 0-based column of a cell reference such as "AB12"; -1 when it has no letters.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter).Take(4))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
