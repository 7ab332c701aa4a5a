using System.Globalization;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Frameworks;

/// <summary>
/// Periodic values from CSV or XLSX (first sheet): a header row with columns <c>measure, council,
/// period, value</c> and optionally <c>numerator, denominator, note</c>, in any order. The council is
/// its DfE code (E10000003) or three-digit LA number (873). The period is <c>2025</c>, <c>2024-25</c>,
/// <c>2025-Q1</c>, <c>2025-03</c> or <c>2024-04-01..2025-03-31</c> (see <see cref="Period.TryParse"/>).
/// Every problem names its row, column and value; any problem means nothing is imported.
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
    public static Result<IReadOnlyList<PeriodicValue>> Read(string path, Func<string, bool> isMeasure, Func<string, string?> councilCode, string? enteredBy, DateTimeOffset? enteredAt)
    {
        var rows = SheetRows.Read(path);
        return rows.Succeeded
            ? Validate(Path.GetFileName(path), rows.Value, isMeasure, councilCode, enteredBy, enteredAt)
            : Result.Failure<IReadOnlyList<PeriodicValue>>(rows.Problems);
    }

    /// <summary>Checks rows read from a file (the first is the header) and turns them into values.</summary>
    public static Result<IReadOnlyList<PeriodicValue>> Validate(
        string file,
        IReadOnlyList<(int Row, string[] Cells)> rows,
        Func<string, bool> isMeasure,
        Func<string, string?> councilCode,
        string? enteredBy,
        DateTimeOffset? enteredAt)
    {
        var problems = new List<Problem>();
        if (rows.Count == 0)
        {
            return Result.Failure<IReadOnlyList<PeriodicValue>>(Problem.InFile(file, "the file is empty: expected a header row measure,council,period,value"));
        }

        var columns = HeaderColumns.Read(file, rows[0], Required, Optional, problems);
        if (problems.Count > 0)
        {
            return Result.Failure<IReadOnlyList<PeriodicValue>>(problems);
        }

        var values = new List<PeriodicValue>();
        var seen = new Dictionary<(string, string, DateOnly, DateOnly), int>();
        foreach (var (row, cells) in rows.Skip(1))
        {
            string Cell(string column) => columns.TryGetValue(column, out var i) && i < cells.Length ? cells[i].Trim() : "";
            void Flag(string column, string message) => problems.Add(new Problem(file, row, column, Cell(column), message));

            var measure = Cell("measure");
            if (measure.Length == 0)
            {
                Flag("measure", "the measure is empty");
            }
            else if (!isMeasure(measure))
            {
                Flag("measure", "unknown measure");
            }

            var councilText = Cell("council");
            var council = councilText.Length == 0 ? null : councilCode(councilText);
            if (council is null)
            {
                Flag("council", councilText.Length == 0 ? "the council is empty" : "unknown council: use its DfE code (E10000003) or LA number (873)");
            }

            var periodOk = PeriodCell.TryParse(Cell("period"), out var period, out var periodError);
            if (!periodOk)
            {
                Flag("period", periodError);
            }

            var value = Number("value", required: true);
            var numerator = Number("numerator", required: false);
            var denominator = Number("denominator", required: false);
            var note = Cell("note");

            if (measure.Length > 0 && council is not null && periodOk)
            {
                if (seen.TryGetValue((measure, council, period.Start, period.End), out var earlier))
                {
                    Flag("period", $"{measure} for {council} in {period} is already given on row {earlier}");
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
                        Flag(column, $"the {column} is empty");
                    }

                    return null;
                }

                if (decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                Flag(column, "not a number");
                return null;
            }
        }

        return problems.Count == 0 ? Result.Success<IReadOnlyList<PeriodicValue>>(values) : Result.Failure<IReadOnlyList<PeriodicValue>>(problems);
    }
}
