using System.Text;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Text;

namespace Lodestar.Formats.Spreadsheets;

/// <summary>
/// The rows of a small table file (CSV, or an XLSX workbook's first sheet) as text, each with its
/// 1-based line (CSV) or row (XLSX) number; rows whose cells are all blank are left out. A file that
/// cannot be read gives a problem naming it, never an exception.
/// </summary>
public static class SheetRows
{
    /// <summary>Reads a .xlsx file as a workbook and anything else as CSV.</summary>
    public static Result<IReadOnlyList<(int Row, string[] Cells)>> Read(string path)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Read(file, stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result.Failure<IReadOnlyList<(int Row, string[] Cells)>>(Problem.InFile(file, $"cannot be read: {e.Message}"));
        }
    }

    /// <summary>Reads a stream, XLSX when <paramref name="file"/> ends .xlsx, else CSV.</summary>
    public static Result<IReadOnlyList<(int Row, string[] Cells)>> Read(string file, Stream stream) =>
        file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? XlsxReader.ReadFirstSheet(file, stream) : ReadCsv(file, stream);

    /// <summary>Reads CSV (UTF-8, with or without a byte-order mark) through the one tokenizer, <see cref="CsvCursor"/>.</summary>
    public static Result<IReadOnlyList<(int Row, string[] Cells)>> ReadCsv(string file, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return ReadCsv(file, reader.ReadToEnd());
    }

    /// <summary>Reads CSV text; <paramref name="file"/> names it in problems.</summary>
    public static Result<IReadOnlyList<(int Row, string[] Cells)>> ReadCsv(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<(int, string[])>();
        var cursor = new CsvCursor(text);
        try
        {
            while (cursor.Next())
            {
                var cells = cursor.Cells();
                if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
                {
                    rows.Add((cursor.Line, cells));
                }
            }
        }
        catch (UnreadableFileException e)
        {
            return Result.Failure<IReadOnlyList<(int Row, string[] Cells)>>(Problem.InFile(file, $"cannot be read as CSV: {e.Message}"));
        }

        return Result.Success<IReadOnlyList<(int Row, string[] Cells)>>(rows);
    }
}
