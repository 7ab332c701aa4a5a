using System.Text;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Text;

namespace Lodestar.Formats.Benchmarks;

/// <summary>
/// A DfE "explore education statistics" CSV held in memory: a header and rows of cells, read with
/// Lodestar's one CSV tokenizer (quoted fields, doubled quotes, line breaks inside quotes, a UTF-8
/// byte-order mark, LF or CRLF line ends). The files are a few megabytes, so one pass over the whole
/// text is both the simplest and the fastest way to read them.
/// </summary>
internal sealed class DfeCsvTable
{
    private readonly Dictionary<string, int> _columns;

    private DfeCsvTable(string file, int headerLine, IReadOnlyList<string> header, IReadOnlyList<DfeCsvRow> rows)
    {
        File = file;
        HeaderLine = headerLine;
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i], i);
        }
    }

    /// <summary>The file's name (no folder), for diagnostics.</summary>
    public string File { get; }

    /// <summary>The line the header row is on (1 unless blank lines come first), for problems with a column.</summary>
    public int HeaderLine { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<DfeCsvRow> Rows { get; }

    /// <summary>The index of a column, or -1 when the file has no such column.</summary>
    public int ColumnIndex(string name) => _columns.TryGetValue(name, out var index) ? index : -1;

    /// <summary>Reads a file; one that cannot be read, is empty or is not CSV is a failed result naming it.</summary>
    public static Result<DfeCsvTable> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result.Failure<DfeCsvTable>(Problem.InFile(Path.GetFileName(path), $"cannot be read ({e.Message})."));
        }

        return Parse(Path.GetFileName(path), text);
    }

    /// <summary>Parses CSV text through the one tokenizer (<see cref="CsvCursor"/>); <paramref name="file"/> names it in problems.</summary>
    public static Result<DfeCsvTable> Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<DfeCsvRow>();
        var cursor = new CsvCursor(text);
        try
        {
            while (cursor.Next())
            {
                records.Add(new DfeCsvRow(cursor.Line, cursor.Cells()));
            }
        }
        catch (UnreadableFileException e)
        {
            // The cursor's line is where the broken row starts; the message says where the break is.
            return Result.Failure<DfeCsvTable>(new Problem(file, cursor.Line, null, null, $"cannot be read as CSV: {e.Message}."));
        }

        if (records.Count == 0)
        {
            return Result.Failure<DfeCsvTable>(Problem.InFile(file, "the file is empty; a header row is expected."));
        }

        var header = records[0].Cells.Select(h => h.Trim()).ToArray();
        return Result.Success(new DfeCsvTable(file, records[0].Row, header, records.Skip(1).ToArray()));
    }
}

/// <summary>One data row: its row number in the file (the header is row 1) and its cells.</summary>
internal sealed record DfeCsvRow(int Row, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at <paramref name="index"/>, or "" when the row is short or the index is -1.</summary>
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index] : "";
}
