using Lodestar.Domain.Problems;

namespace Lodestar.Formats.Spreadsheets;

/// <summary>The header row of a table file (CSV or the first sheet of a workbook) read against the columns a format knows.</summary>
internal static class HeaderColumns
{
    /// <summary>
    /// Each named column's index, by its lower-case name; blank header cells are ignored. An unknown column,
    /// a column named twice and a required column missing are each a problem on the header row.
    /// </summary>
    public static Dictionary<string, int> Read(
        string file, (int Row, string[] Cells) header, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<Problem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var name = header.Cells[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                continue;
            }

            if (!required.Contains(name) && !optional.Contains(name))
            {
                problems.Add(new Problem(file, header.Row, null, header.Cells[i], $"unknown column '{header.Cells[i]}': columns are {string.Join(", ", required.Concat(optional))}"));
            }
            else if (!columns.TryAdd(name, i))
            {
                problems.Add(new Problem(file, header.Row, null, header.Cells[i], $"column '{name}' appears twice"));
            }
        }

        foreach (var missing in required.Where(r => !columns.ContainsKey(r)))
        {
            problems.Add(new Problem(file, header.Row, null, null, $"column '{missing}' is missing"));
        }

        return columns;
    }
}
