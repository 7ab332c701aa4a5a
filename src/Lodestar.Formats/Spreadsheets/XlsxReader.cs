using System.Globalization;
using System.Text;
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

    // The sheet's XML read forward with XmlReader: no element tree per row or cell (Open XML's
    // LoadCurrentElement built one per row, and took four fifths of reading an Annex A workbook). No DTD,
    // no external resolution: the part is untrusted input.
    private static readonly XmlReaderSettings SheetXml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static IReadOnlyList<(int Row, string[] Cells)> RowsOf(WorksheetPart part, string[] shared)
    {
        var rows = new List<(int, string[])>();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, SheetXml);
        var nextRow = 1;
        var cells = new List<string>();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            var rowNumber = uint.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index is > 0 and <= int.MaxValue
                ? (int)index : nextRow;
            nextRow = rowNumber + 1;
            cells.Clear();
            if (!xml.IsEmptyElement)
            {
                ReadCells(xml, cells, shared);
            }

            if (cells.Any(c => c.Length > 0))
            {
                rows.Add((rowNumber, cells.ToArray()));
            }
        }

        return rows;
    }

    // The cells of the row the reader is on (a <row> start tag), up to its end tag: each <c>'s text by its type
    // (t="s" a shared string, t="inlineStr" the text of its <is>, otherwise its <v> as written), at the column
    // its reference names, or after the previous cell when it has none (or a junk one).
    private static void ReadCells(XmlReader xml, List<string> cells, string[] shared)
    {
        var rowDepth = xml.Depth;
        var nextColumn = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == rowDepth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c" || xml.Depth != rowDepth + 1)
            {
                continue;
            }

            var column = xml.GetAttribute("r") is { } reference && ColumnIndex(reference) is var at and >= 0 and < MaxColumns ? at : nextColumn;
            nextColumn = column + 1;
            var type = xml.GetAttribute("t");
            var (value, inline) = xml.IsEmptyElement ? (null, null) : CellContent(xml);
            while (cells.Count <= column)
            {
                cells.Add("");
            }

            cells[column] = type switch
            {
                "inlineStr" => inline ?? "",
                "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : "",
                _ => value ?? "",
            };
        }
    }

    // A <c>'s <v> text and the text of its <is> (every <t> within, runs and phonetic runs included, as Open XML's
    // InnerText gives it; whitespace between the tags is layout, not text), reading to the cell's end tag.
    private static (string? Value, string? Inline) CellContent(XmlReader xml)
    {
        var cellDepth = xml.Depth;
        StringBuilder? value = null;
        StringBuilder? inline = null;
        StringBuilder? into = null;
        var inInline = false;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellDepth))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.Depth == cellDepth + 1:
                    inInline = xml.LocalName == "is" && !xml.IsEmptyElement;
                    into = xml.LocalName == "v" && !xml.IsEmptyElement ? (value = new StringBuilder()) : null;
                    if (xml.LocalName == "is")
                    {
                        inline = new StringBuilder();
                    }
                    else if (xml.LocalName == "v")
                    {
                        value ??= new StringBuilder();
                    }

                    break;
                case XmlNodeType.Element when inInline && xml.LocalName == "t":
                    into = xml.IsEmptyElement ? null : inline;
                    break;
                case XmlNodeType.EndElement when inInline && xml.LocalName == "t":
                    into = null;
                    break;
                case XmlNodeType.EndElement when xml.Depth == cellDepth + 1:
                    into = null;
                    inInline = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    into?.Append(xml.Value);
                    break;
            }
        }

        return (value?.ToString(), inline?.ToString());
    }

    // Excel's limit; a reference beyond it is junk, placed after the previous cell instead.
    private const int MaxColumns = 16384;

    private static Result<IReadOnlyList<(int Row, string[] Cells)>> Failure(string file, string message) =>
        Result.Failure<IReadOnlyList<(int Row, string[] Cells)>>(Problem.InFile(file, message));

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
