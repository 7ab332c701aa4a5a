using System.Runtime.CompilerServices;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Validation;

internal delegate ReadOnlySpan<int> ColumnOf<in TTable>(TTable table);

/// <summary>What the rules of one return share: the files, the codes, the collection year of each row, and the reporting.</summary>
internal abstract class ValidationContext(IReadOnlyList<SourceFile> files, CodeTable codes, int? collectionYear, bool isoDates)
{
    /// <summary>
    /// How the rules and the helpers with loops are compiled: optimised at their first call. Each rule runs once a council, too few
    /// times for the runtime's tiered compilation to optimise it before the run ends, and unoptimised its loops cost about three
    /// times as much (docs/benchmarks.md, "Validation (issue 12)").
    /// </summary>
    public const MethodImplOptions Optimized = MethodImplOptions.AggressiveOptimization;

    private readonly List<Problem> _diagnostics = [];

    // Each code list's years by code id, worked out once per return (rules look codes up by id, row after row).
    private readonly Dictionary<CodeList, (int From, int Until)[]> _years = [];

    // The collection year of each file, by file index.
    private readonly int[] _fileYears = [.. files.Select(f => f.CollectionYear)];

    public IReadOnlyList<Problem> Diagnostics => _diagnostics;

    public CodeTable Codes => codes;

    /// <summary>The collection year a row is checked against: the one given, else its file's; 0 when unknown (year-bound checks are then skipped).</summary>
    public int Year(SourceLocation at) =>
        collectionYear ?? ((uint)at.File < (uint)_fileYears.Length ? _fileYears[at.File] : 0);

    /// <summary>Whether the code with id <paramref name="code"/> is on <paramref name="list"/> in <paramref name="year"/> (0: any year).</summary>
    public bool IsValid(CodeList list, int code, int year)
    {
        if (!_years.TryGetValue(list, out var years))
        {
            // Looked up on first use of each code (the table also holds UPNs, postcodes, URNs ...): NotLooked, the array's
            // zero, until then, so that a new list's array needs no filling (no list's run of years ends in year 0).
            years = new (int From, int Until)[codes.Count];
            _years[list] = years;
        }

        if ((uint)code >= (uint)years.Length)
        {
            return list.IsValid(codes[code]!, year);
        }

        var (from, until) = years[code];
        if ((from, until) == NotLooked)
        {
            // Not on the list: an empty run of years (From after Until).
            (from, until) = years[code] = codes[code] is { } text && list.YearsOf(text) is { } range ? range : (1, 0);
        }

        return from <= until && (year == 0 || (year >= from && year <= until));
    }

    private static readonly (int From, int Until) NotLooked = (0, 0);

    public static int YearStart(int year) => new DateOnly(year - 1, 4, 1).DayNumber;

    public static int YearEnd(int year) => new DateOnly(year, 3, 31).DayNumber;

    public static bool Has(int value) => RecordValues.HasValue(value);

    /// <summary>Whole years from <paramref name="dob"/> to <paramref name="day"/>.</summary>
    public static int Age(int dob, int day)
    {
        var birth = DateOnly.FromDayNumber(dob);
        var on = DateOnly.FromDayNumber(day);
        var age = on.Year - birth.Year;
        return on < birth.AddYears(age) ? age - 1 : age;
    }

    /// <summary>The day of the <paramref name="years"/>th birthday.</summary>
    public static int Birthday(int dob, int years) => DateOnly.FromDayNumber(dob).AddYears(years).DayNumber;

    public string? Text(int code) => codes[code];

    public string Date(int day) => isoDates ? DateText.FormatIso(day) : DateText.Format903(day);

    public void Report(ValidationRule rule, SourceLocation at, string? column, string? value)
    {
        // A rule's years (its catalogue entry) decide where it applies: one place, so no rule can forget.
        if (!rule.Years.Contains(Year(at)))
        {
            return;
        }

        var file = at.File >= 0 && at.File < files.Count ? files[at.File].Path : "(built by hand)";
        _diagnostics.Add(new Problem(file, at.Line, column, string.IsNullOrEmpty(value) ? null : value, rule.Message) { Rule = rule.Id, Severity = rule.Severity });
    }

    [MethodImpl(Optimized)]
    public void ReportDate(ValidationRule rule, SourceLocation at, string column, int day) =>
        Report(rule, at, column, Date(day));

    [MethodImpl(Optimized)]
    public void ReportCode(ValidationRule rule, SourceLocation at, string column, int code) =>
        Report(rule, at, column, Text(code));

    /// <summary>Reports every row whose code in <paramref name="column"/> is not on <paramref name="list"/> (for the row's year), or is blank when <paramref name="required"/>.</summary>
    [MethodImpl(Optimized)]
    public void CheckCodes<TTable>(ValidationRule rule, TTable table, ColumnOf<TTable> column, string name, CodeList list, bool required)
        where TTable : RecordTable
    {
        var values = column(table);
        var source = table.Source;
        for (var i = 0; i < values.Length; i++)
        {
            // A row of a year the rule is not of is passed over before its code is looked up (Report would drop it): a rule
            // with a version for each run of years (4180, 101 ...) then looks up each row once, not once a version.
            var year = Year(source[i]);
            if (!rule.Years.Contains(year))
            {
                continue;
            }

            var code = values[i];
            if (code == CodeTable.Blank)
            {
                if (required)
                {
                    Report(rule, source[i], name, null);
                }
            }
            else if (!IsValid(list, code, year))
            {
                ReportCode(rule, source[i], name, code);
            }
        }
    }

    /// <summary>Reports every row whose date in <paramref name="column"/> is blank (an unreadable date was reported when read).</summary>
    [MethodImpl(Optimized)]
    public void CheckRequiredDates<TTable>(ValidationRule rule, TTable table, ColumnOf<TTable> column, string name)
        where TTable : RecordTable
    {
        var values = column(table);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] == RecordValues.Blank)
            {
                Report(rule, table.Source[i], name, null);
            }
        }
    }

    /// <summary>Reports every row where both dates are present and <paramref name="later"/> is before <paramref name="earlier"/>.</summary>
    [MethodImpl(Optimized)]
    public void CheckOrder<TTable>(ValidationRule rule, TTable table, ColumnOf<TTable> earlier, ColumnOf<TTable> later, string laterName)
        where TTable : RecordTable
    {
        var first = earlier(table);
        var second = later(table);
        for (var i = 0; i < first.Length; i++)
        {
            if (Has(first[i]) && Has(second[i]) && second[i] < first[i])
            {
                ReportDate(rule, table.Source[i], laterName, second[i]);
            }
        }
    }
}
