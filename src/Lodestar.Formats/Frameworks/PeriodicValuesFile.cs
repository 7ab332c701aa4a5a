using System.Globalization;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;

namespace Lodestar.Formats.Frameworks;

/// <summary>Values read from a file, or the problems found in it; a file with any problem gives no values.</summary>
public sealed record PeriodicValuesReadResult(IReadOnlyList<PeriodicValue> Values, IReadOnlyList<FileProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Periodic values from CSV or XLSX (first sheet): a header row with columns <c>measure, council,
/// period, value</c> and optionally <c>numerator, denominator, note</c>, in any order. The council is
/// its DfE code (E10000003) or three-digit LA number (873). The period is <c>2025</c>, <c>2024-25</c>,
/// <c>2025-Q1</c>, <c>2025-03</c> or <c>2024-04-01..2025-03-31</c> (see <see cref="Period.TryParse"/>).
/// Every problem names its row and column; any problem means nothing is imported.
/// </summary>
public static class PeriodicValuesFile
{
    private static readonly string[] Required = ["measure", "council", "period", "value"];
    private static readonly string[] Optional = ["numerator", "denominator", "note"];

    /// <summary>Reads a .csv or .xlsx file, by extension.</summary>
    /// <param name="path">The file.</param>
    /// <param name="isMeasure">Whether a measure id is known.</param>
    /// <param name="councilCode">The council's DfE code for a code or LA number, or null when unknown.</param>
    /// <param name="enteredBy">Who is importing, recorded on each value.</param>
    /// <param name="enteredAt">When, recorded on each value.</param>
    public static PeriodicValuesReadResult Read(string path, Func<string, bool> isMeasure, Func<string, string?> councilCode, string? enteredBy, DateTimeOffset? enteredAt)
    {
        var file = Path.GetFileName(path);
        IReadOnlyList<(int Row, string[] Cells)> rows;
        try
        {
            using var stream = File.OpenRead(path);
            rows = Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? Xlsx.ReadFirstSheet(stream) : ReadCsv(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException
            or FormatException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            return new PeriodicValuesReadResult([], [new FileProblem(file, "", $"cannot be read: {e.Message}")]);
        }

        return Validate(file, rows, isMeasure, councilCode, enteredBy, enteredAt);
    }

    /// <summary>Reads CSV (RFC 4180: commas, double quotes, line breaks inside quotes) into rows with their 1-based line numbers; blank rows are left out.</summary>
    public static IReadOnlyList<(int Row, string[] Cells)> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return Csv.Read(reader.ReadToEnd());
    }

    /// <summary>Checks rows read from a file (the first is the header) and turns them into values.</summary>
    public static PeriodicValuesReadResult Validate(
        string file,
        IReadOnlyList<(int Row, string[] Cells)> rows,
        Func<string, bool> isMeasure,
        Func<string, string?> councilCode,
        string? enteredBy,
        DateTimeOffset? enteredAt)
    {
        var problems = new List<FileProblem>();
        if (rows.Count == 0)
        {
            return new PeriodicValuesReadResult([], [new FileProblem(file, "", "the file is empty: expected a header row measure,council,period,value")]);
        }

        var (headerRow, header) = rows[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                continue;
            }

            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                problems.Add(new FileProblem(file, $"row {headerRow}", $"unknown column '{header[i]}': columns are {string.Join(", ", Required.Concat(Optional))}"));
            }
            else if (!columns.TryAdd(name, i))
            {
                problems.Add(new FileProblem(file, $"row {headerRow}", $"column '{name}' appears twice"));
            }
        }

        foreach (var missing in Required.Where(r => !columns.ContainsKey(r)))
        {
            problems.Add(new FileProblem(file, $"row {headerRow}", $"column '{missing}' is missing"));
        }

        if (problems.Count > 0)
        {
            return new PeriodicValuesReadResult([], problems);
        }

        var values = new List<PeriodicValue>();
        var seen = new Dictionary<(string, string, DateOnly, DateOnly), int>();
        foreach (var (row, cells) in rows.Skip(1))
        {
            string Cell(string column) => columns.TryGetValue(column, out var i) && i < cells.Length ? cells[i].Trim() : "";
            void Problem(string column, string message) => problems.Add(new FileProblem(file, $"row {row}, column {column}", message));

            var measure = Cell("measure");
            if (measure.Length == 0)
            {
                Problem("measure", "the measure is empty");
            }
            else if (!isMeasure(measure))
            {
                Problem("measure", $"unknown measure '{measure}'");
            }

            var councilText = Cell("council");
            var council = councilText.Length == 0 ? null : councilCode(councilText);
            if (council is null)
            {
                Problem("council", councilText.Length == 0 ? "the council is empty" : $"unknown council '{councilText}': use its DfE code (E10000003) or LA number (873)");
            }

            var periodOk = PeriodCell.TryParse(Cell("period"), out var period, out var periodError);
            if (!periodOk)
            {
                Problem("period", periodError);
            }

            var value = Number("value", required: true);
            var numerator = Number("numerator", required: false);
            var denominator = Number("denominator", required: false);
            var note = Cell("note");

            if (measure.Length > 0 && council is not null && periodOk)
            {
                if (seen.TryGetValue((measure, council, period.Start, period.End), out var earlier))
                {
                    Problem("period", $"{measure} for {council} in {period} is already given on row {earlier}");
                }
                else
                {
                    seen[(measure, council, period.Start, period.End)] = row;
                }
            }

            if (value is { } v && council is not null && periodOk)
            {
                values.Add(new PeriodicValue
                {
                    MeasureId = measure,
                    Council = council,
                    Period = period,
                    Value = v,
                    Numerator = numerator,
                    Denominator = denominator,
                    Note = note.Length == 0 ? null : note,
                    EnteredBy = enteredBy,
                    EnteredAt = enteredAt,
                });
            }

            decimal? Number(string column, bool required)
            {
                var text = Cell(column);
                if (text.Length == 0)
                {
                    if (required)
                    {
                        Problem(column, $"the {column} is empty");
                    }

                    return null;
                }

                if (decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                Problem(column, $"'{text}' is not a number");
                return null;
            }
        }

        return problems.Count == 0 ? new PeriodicValuesReadResult(values, []) : new PeriodicValuesReadResult([], problems);
    }
}
