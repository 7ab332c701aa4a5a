using System.Globalization;
using Lodestar.Domain.Performance;

namespace Lodestar.Formats.Frameworks;

/// <summary>Targets read from a file, or the problems found in it; a file with any problem gives no targets.</summary>
public sealed record TargetsReadResult(IReadOnlyList<Target> Targets, IReadOnlyList<FileProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Targets from CSV or XLSX (first sheet): columns <c>measure, council, period, value</c> and optionally
/// <c>tolerance</c> (a number; a trailing % makes it a percentage of the target, e.g. <c>10%</c>; otherwise it
/// is in the measure's unit) and <c>profile</c> (<c>flat</c>, the default, or <c>linear</c>: how a yearly
/// target spreads over months). Councils and periods are written as for periodic values.
/// </summary>
public static class TargetsFile
{
    private static readonly string[] Required = ["measure", "council", "period", "value"];
    private static readonly string[] Optional = ["tolerance", "profile"];

    public static TargetsReadResult Read(string path, Func<string, bool> isMeasure, Func<string, string?> councilCode)
    {
        var file = Path.GetFileName(path);
        IReadOnlyList<(int Row, string[] Cells)> rows;
        try
        {
            using var stream = File.OpenRead(path);
            rows = Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? Xlsx.ReadFirstSheet(stream) : PeriodicValuesFile.ReadCsv(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            return new TargetsReadResult([], [new FileProblem(file, "", $"cannot be read: {e.Message}")]);
        }

        var problems = new List<FileProblem>();
        if (rows.Count == 0)
        {
            return new TargetsReadResult([], [new FileProblem(file, "", "the file is empty: expected a header row measure,council,period,value")]);
        }

        var columns = Columns(file, rows[0], problems);
        if (problems.Count > 0)
        {
            return new TargetsReadResult([], problems);
        }

        var targets = new List<Target>();
        var seen = new Dictionary<(string, string, DateOnly, DateOnly), int>();
        foreach (var (row, cells) in rows.Skip(1))
        {
            string Cell(string column) => columns.TryGetValue(column, out var i) && i < cells.Length ? cells[i].Trim() : "";
            void Problem(string column, string message) => problems.Add(new FileProblem(file, $"row {row}, column {column}", message));

            var measure = Cell("measure");
            if (!isMeasure(measure))
            {
                Problem("measure", measure.Length == 0 ? "the measure is empty" : $"unknown measure '{measure}'");
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

            decimal? value = null;
            var valueText = Cell("value");
            if (decimal.TryParse(valueText, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                value = v;
            }
            else
            {
                Problem("value", valueText.Length == 0 ? "the value is empty" : $"'{valueText}' is not a number");
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
                    Problem("tolerance", $"'{toleranceText}' is not a tolerance: write a number (in the measure's unit) or a percentage of the target such as 10%");
                }
            }

            var profileText = Cell("profile").ToLowerInvariant();
            var profile = TargetProfile.Flat;
            if (profileText.Length > 0 && !Names.TryParse(profileText, out profile))
            {
                Problem("profile", $"'{Cell("profile")}' is not a profile: use flat or linear");
            }

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

            if (value is { } target && council is not null && periodOk)
            {
                targets.Add(new Target { MeasureId = measure, Council = council, Period = period, Value = target, Tolerance = tolerance, Profile = profile });
            }
        }

        return problems.Count == 0 ? new TargetsReadResult(targets, []) : new TargetsReadResult([], problems);
    }

    private static Dictionary<string, int> Columns(string file, (int Row, string[] Cells) header, List<FileProblem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var name = header.Cells[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                continue;
            }

            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                problems.Add(new FileProblem(file, $"row {header.Row}", $"unknown column '{header.Cells[i]}': columns are {string.Join(", ", Required.Concat(Optional))}"));
            }
            else if (!columns.TryAdd(name, i))
            {
                problems.Add(new FileProblem(file, $"row {header.Row}", $"column '{name}' appears twice"));
            }
        }

        foreach (var missing in Required.Where(r => !columns.ContainsKey(r)))
        {
            problems.Add(new FileProblem(file, $"row {header.Row}", $"column '{missing}' is missing"));
        }

        return columns;
    }
}
