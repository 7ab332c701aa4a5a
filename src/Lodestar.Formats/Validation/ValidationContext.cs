using System.Runtime.CompilerServices;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Calendar;
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

    // Each code list's years by code id, worked out once per return (rules look codes up by id, row after row), in pages of
    // PageSize ids made on first use: the table also holds UPNs, postcodes, URNs ..., so an array of every id for each list
    // would be mostly never read, and allocating it was most of the cost of checking codes (docs/benchmarks.md). Indexed by
    // the list's Index, then the page.
    private (int From, int Until)[]?[]?[] _years = [];

    private const int PageBits = 8;

    private const int PageSize = 1 << PageBits;

    // The collection year of each file, by file index.
    private readonly int[] _fileYears = [.. files.Select(f => f.CollectionYear)];

    public IReadOnlyList<Problem> Diagnostics => _diagnostics;

    public CodeTable Codes => codes;

    /// <summary>The collection year a row is checked against: the one given, else its file's; 0 when unknown (year-bound checks are then skipped).</summary>
    public int Year(SourceLocation at) =>
        collectionYear ?? ((uint)at.File < (uint)_fileYears.Length ? _fileYears[at.File] : 0);

    /// <summary>The collection year of the file a row came from (0 for rows built by hand), whatever year rows are checked against.</summary>
    public int FileYear(SourceLocation at) => (uint)at.File < (uint)_fileYears.Length ? _fileYears[at.File] : 0;

    /// <summary>Whether the code with id <paramref name="code"/> is on <paramref name="list"/> in <paramref name="year"/> (0: any year).</summary>
    public bool IsValid(CodeList list, int code, int year)
    {
        if ((uint)code >= (uint)codes.Count)
        {
            return list.IsValid(codes[code]!, year);
        }

        if (list.Index >= _years.Length)
        {
            Array.Resize(ref _years, list.Index + 16);
        }

        var pages = _years[list.Index] ??= new (int From, int Until)[]?[(codes.Count >> PageBits) + 1];
        if (code >> PageBits >= pages.Length)
        {
            // A code interned after the list's pages were made (none is, while the rules run): looked up as it is.
            return list.IsValid(codes[code]!, year);
        }

        // NotLooked, a page's zero, until the code is first looked up, so that a new page needs no filling (no list's run
        // of years ends in year 0).
        var page = pages[code >> PageBits] ??= new (int From, int Until)[PageSize];
        ref var entry = ref page[code & (PageSize - 1)];
        if (entry == NotLooked)
        {
            // Not on the list: an empty run of years (From after Until).
            entry = codes[code] is { } text && list.YearsOf(text) is { } range ? range : (1, 0);
        }

        var (from, until) = entry;
        return from <= until && (year == 0 || (year >= from && year <= until));
    }

    private static readonly (int From, int Until) NotLooked = (0, 0);

    /// <summary>
    /// The day <paramref name="days"/> working days (in England) before day number <paramref name="day"/>, the day itself not
    /// counted, as a day number: <see cref="WorkingDayCalendar.WorkingDaysBefore"/>, worked out once for each day and count
    /// (the CIN census's queries on working days ask the same few at every row). A date is "more than N working days before"
    /// a day when it is before this cut-off.
    /// </summary>
    public int WorkingDaysBefore(int day, int days)
    {
        if (!_workingDaysBefore.TryGetValue((day, days), out var cutOff))
        {
            cutOff = _workingDaysBefore[(day, days)] = WorkingDayCalendar.England.WorkingDaysBefore(DateOnly.FromDayNumber(day), days).DayNumber;
        }

        return cutOff;
    }

    private readonly Dictionary<(int Day, int Days), int> _workingDaysBefore = [];

    /// <summary>The first day (1 April) of collection year <paramref name="year"/>, as a day number.</summary>
    public static int YearStart(int year) =>
        (uint)(year - FirstTabled) < (uint)YearStarts.Length ? YearStarts[year - FirstTabled] : new DateOnly(year - 1, 4, 1).DayNumber;

    /// <summary>The last day (31 March) of collection year <paramref name="year"/>, as a day number.</summary>
    public static int YearEnd(int year) => YearStart(year + 1) - 1;

    // Rules ask for a row's year's first and last day at nearly every row: looked up, not worked out, for the years a return can be of.
    private const int FirstTabled = 1901;

    private static readonly int[] YearStarts = [.. Enumerable.Range(FirstTabled, 300).Select(y => new DateOnly(y - 1, 4, 1).DayNumber)];

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

    /// <summary>Reports every row whose date in <paramref name="column"/> is a Saturday or a Sunday.</summary>
    [MethodImpl(Optimized)]
    public void CheckWeekends<TTable>(ValidationRule rule, TTable table, ColumnOf<TTable> column, string name)
        where TTable : RecordTable
    {
        var values = column(table);
        for (var i = 0; i < values.Length; i++)
        {
            // Day number 0 (1 January 0001) is a Monday: 5 and 6 are Saturday and Sunday.
            if (Has(values[i]) && values[i] % 7 >= 5)
            {
                ReportDate(rule, table.Source[i], name, values[i]);
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
