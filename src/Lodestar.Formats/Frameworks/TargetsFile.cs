using System.Globalization;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Frameworks;

/// <summary>
/// Targets from CSV or XLSX (first sheet): columns <c>measure, council, period, value</c> and optionally
/// <c>tolerance</c> (a number; a trailing % makes it a percentage of the target, e.g. <c>10%</c>; otherwise it
/// is in the measure's unit) and <c>profile</c> (<c>flat</c>, the default, or <c>linear</c>: how a yearly
/// target spreads over months). Councils and periods are written as for periodic values. Every problem
/// names its row, column and value; a file with any problem gives no targets.
/// </summary>
public static class TargetsFile
{
    private static readonly string[] Required = ["measure", "council", "period", "value"];
    private static readonly string[] Optional = ["tolerance", "profile"];

    public static Result<IReadOnlyList<Target>> Read(string path, Func<string, bool> isMeasure, Func<string, string?> councilCode)
    {
        var read = SheetRows.Read(path);
        return read.Succeeded
            ? Validate(Path.GetFileName(path), read.Value, isMeasure, councilCode)
            : Result.Failure<IReadOnlyList<Target>>(read.Problems);
    }

    /// <summary>Checks rows read from a file (the first is the header) and turns them into targets.</summary>
    public static Result<IReadOnlyList<Target>> Validate(string file, IReadOnlyList<(int Row, string[] Cells)> rows, Func<string, bool> isMeasure, Func<string, string?> councilCode)
    {
        var problems = new List<Problem>();
        if (rows.Count == 0)
        {
            return Result.Failure<IReadOnlyList<Target>>(Problem.InFile(file, "the file is empty: expected a header row measure,council,period,value"));
        }

        var columns = HeaderColumns.Read(file, rows[0], Required, Optional, problems);
        if (problems.Count > 0)
        {
            return Result.Failure<IReadOnlyList<Target>>(problems);
        }

        var targets = new List<Target>();
        var seen = new Dictionary<(string, string, DateOnly, DateOnly), int>();
        foreach (var (row, cells) in rows.Skip(1))
        {
            string Cell(string column) => columns.TryGetValue(column, out var i) && i < cells.Length ? cells[i].Trim() : "";
            void Flag(string column, string message) => problems.Add(new Problem(file, row, column, Cell(column), message));

            var measure = Cell("measure");
            if (!isMeasure(measure))
            {
                Flag("measure", measure.Length == 0 ? "the measure is empty" : "unknown measure");
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

            decimal? value = null;
            var valueText = Cell("value");
            if (decimal.TryParse(valueText, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                value = v;
            }
            else
            {
                Flag("value", valueText.Length == 0 ? "the value is empty" : "not a number");
            }

            Tolerance? tolerance = null;
            var toleranceText = Cell("tolerance");
            if (toleranceText.Length > 0)
            {
                var percent = toleranceText.EndsWith('%');
                if (decimal.TryParse(percent ? toleranceText[..^1] : toleranceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
                {
                    tolerance = percent ? Tolerance.Percent(amount) : Tolerance.Absolute(amount);
                }
                else
                {
                    Flag("tolerance", "not a tolerance: write a number (in the measure's unit) or a percentage of the target such as 10%");
                }
            }

            var profileText = Cell("profile").ToLowerInvariant();
            var profile = TargetProfile.Flat;
            if (profileText.Length > 0 && !Names.TryParse(profileText, out profile))
            {
                Flag("profile", "not a profile: use flat or linear");
            }

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

            if (value is { } target && council is not null && periodOk)
            {
                targets.Add(new Target { MeasureId = measure, Council = council, Period = period, Value = target, Tolerance = tolerance, Profile = profile });
            }
        }

        return problems.Count == 0 ? Result.Success<IReadOnlyList<Target>>(targets) : Result.Failure<IReadOnlyList<Target>>(problems);
    }
}
