using System.Text;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Frameworks;

/// <summary>Small RFC 4180 CSV reading and writing for the framework files.</summary>
public static class Csv
{
    /// <summary>Rows with the line each starts on; rows whose cells are all blank are left out.</summary>
    public static IReadOnlyList<(int Row, string[] Cells)> Read(string text)
    {
        var rows = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var quoted = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        void EndRow()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            if (cells.Any(c => c.Trim().Length > 0))
            {
                rows.Add((rowStart, cells.ToArray()));
            }

            cells.Clear();
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRow();
                line++;
                rowStart = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            EndRow();
        }

        return rows;
    }

    /// <summary>One CSV line: text cells neutralised (<see cref="SpreadsheetText.Neutralise"/>) and quoted when needed.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Quote));

    private static string Quote(string? value)
    {
        var safe = SpreadsheetText.Neutralise(value);
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
