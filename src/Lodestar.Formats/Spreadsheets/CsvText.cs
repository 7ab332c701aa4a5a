namespace Lodestar.Formats.Spreadsheets;

/// <summary>Writing CSV that spreadsheets open safely (reading is <see cref="SheetRows"/>).</summary>
public static class CsvText
{
    /// <summary>One CSV line: each cell through <see cref="Cell"/>, joined with commas.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell));

    /// <summary>One CSV cell: neutralised against formula injection (<see cref="SpreadsheetText.Neutralise"/>), and quoted when it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        var safe = SpreadsheetText.Neutralise(value);
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
