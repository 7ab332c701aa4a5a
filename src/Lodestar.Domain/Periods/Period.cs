using System.Globalization;

namespace Lodestar.Domain.Periods;

/// <summary>What kind of span a <see cref="Period"/> is; it decides what "the previous period" means.</summary>
public enum PeriodKind
{
    /// <summary>A financial year, 1 April to 31 March, labelled by the year it ends in ("2025").</summary>
    ReportingYear,

    /// <summary>A quarter of the reporting year: Q1 is April to June.</summary>
    Quarter,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>From 1 April to the end of a month of the same reporting year.</summary>
    YearToDate,

    /// <summary>The twelve whole months ending at the end of a month.</summary>
    Rolling12,

    /// <summary>Any other span of days.</summary>
    Custom,
}

/// <summary>
/// A span of whole days, both ends included. Reporting years follow the DfE: "2025" is
/// 2024-04-01 to 2025-03-31, and its quarters are Q1 April–June … Q4 January–March.
/// </summary>
public readonly record struct Period
{
    public Period(DateOnly start, DateOnly end, PeriodKind kind)
    {
        if (end < start)
        {
            throw new ArgumentException($"A period cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).", nameof(end));
        }

        Start = start;
        End = end;
        Kind = kind;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public PeriodKind Kind { get; }

    /// <summary>The day number (<see cref="DateOnly.DayNumber"/>) of <see cref="Start"/>: the KPI engine works in day numbers.</summary>
    public int StartDay => Start.DayNumber;

    /// <summary>The day number of <see cref="End"/>.</summary>
    public int EndDay => End.DayNumber;

    /// <summary>The number of days in the period, both ends included.</summary>
    public int Days => EndDay - StartDay + 1;

    /// <summary>Whether the period ends on 31 March, the end of a reporting year (the annual OC2/OC3 measures need such an end).</summary>
    public bool EndsOn31March => End.Month == 3 && End.Day == 31;

    /// <summary>The DfE year label of the reporting year the period ends in (a period ending 2025-03-31 is in "2025").</summary>
    public int ReportingYearLabel => ReportingYearOf(End);

    /// <summary>
    /// The DfE year label of the reporting year that contains <paramref name="date"/>: the one place
    /// that decides which year a date belongs to (April starts a year).
    /// </summary>
    public static int ReportingYearOf(DateOnly date) => date.Month >= 4 ? date.Year + 1 : date.Year;

    /// <summary>The reporting year containing <paramref name="date"/>.</summary>
    public static Period ReportingYearContaining(DateOnly date) => ReportingYear(ReportingYearOf(date));

    /// <summary>The reporting year labelled <paramref name="dfeYear"/>: "2025" is 2024-04-01..2025-03-31.</summary>
    public static Period ReportingYear(int dfeYear)
    {
        CheckYear(dfeYear);
        return new Period(new DateOnly(dfeYear - 1, 4, 1), new DateOnly(dfeYear, 3, 31), PeriodKind.ReportingYear);
    }

    /// <summary>Quarter 1–4 of the reporting year <paramref name="dfeYear"/> (Q1 of "2025" is April–June 2024).</summary>
    public static Period Quarter(int dfeYear, int quarter)
    {
        CheckYear(dfeYear);
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is 1 to 4.");
        }

        var start = new DateOnly(dfeYear - 1, 4, 1).AddMonths(3 * (quarter - 1));
        return new Period(start, start.AddMonths(3).AddDays(-1), PeriodKind.Quarter);
    }

    /// <summary>The calendar month <paramref name="month"/> of <paramref name="year"/>.</summary>
    public static Period Month(int year, int month)
    {
        CheckYear(year);
        var start = new DateOnly(year, month, 1);
        return new Period(start, start.AddMonths(1).AddDays(-1), PeriodKind.Month);
    }

    /// <summary>From 1 April of the reporting year containing the month to the end of that month.</summary>
    public static Period YearToDate(int year, int month)
    {
        var end = Month(year, month).End;
        var start = new DateOnly(ReportingYearOf(end) - 1, 4, 1);
        return new Period(start, end, PeriodKind.YearToDate);
    }

    /// <summary>The twelve months ending at the end of <paramref name="month"/> of <paramref name="year"/>.</summary>
    public static Period Rolling12(int year, int month)
    {
        var last = Month(year, month);
        return new Period(last.Start.AddMonths(-11), last.End, PeriodKind.Rolling12);
    }

    /// <summary>
    /// Consecutive periods of <paramref name="kind"/> covering <paramref name="from"/> to <paramref name="to"/>:
    /// calendar months, financial quarters (starting April, July, October, January) or reporting years, the
    /// first the one containing <paramref name="from"/>, the last the one containing <paramref name="to"/>; or,
    /// for <see cref="PeriodKind.YearToDate"/> and <see cref="PeriodKind.Rolling12"/>, one period ending at each
    /// month end from the month containing <paramref name="from"/> to the month containing <paramref name="to"/>
    /// (these overlap: each is the year to date, or the twelve months, to that month's end).
    /// </summary>
    public static IReadOnlyList<Period> Series(PeriodKind kind, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"A series cannot end ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        if (kind is PeriodKind.YearToDate or PeriodKind.Rolling12)
        {
            return [.. Series(PeriodKind.Month, from, to).Select(m => kind == PeriodKind.YearToDate
                ? YearToDate(m.Start.Year, m.Start.Month)
                : Rolling12(m.Start.Year, m.Start.Month))];
        }

        var first = kind switch
        {
            PeriodKind.Month => Month(from.Year, from.Month),
            PeriodKind.Quarter => Quarter(ReportingYearOf(from), QuarterNumber(from)),
            PeriodKind.ReportingYear => ReportingYearContaining(from),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A series is of months, quarters, reporting years, years to date or rolling 12 months."),
        };

        var periods = new List<Period>();
        for (var period = first; period.Start <= to; period = period.Next())
        {
            periods.Add(period);
        }

        return periods;
    }

    /// <summary>Any span; it is recognised as a reporting year, quarter or month when it is exactly one.</summary>
    public static Period Between(DateOnly start, DateOnly end)
    {
        var custom = new Period(start, end, PeriodKind.Custom);
        if (start.Day != 1 || end.AddDays(1).Day != 1)
        {
            return custom;
        }

        var months = MonthsBetween(start, end);
        if (months == 1)
        {
            return Month(start.Year, start.Month);
        }

        if (months == 3 && (start.Month - 4 + 12) % 3 == 0)
        {
            return Quarter(ReportingYearOf(start), ((start.Month - 4 + 12) % 12 / 3) + 1);
        }

        if (months == 12 && start.Month == 4)
        {
            return ReportingYear(end.Year);
        }

        return custom;
    }

    /// <summary>
    /// The period before this one, of the same kind: the previous year, quarter or month; the
    /// year to date one month shorter (or, for April, the whole previous year); the rolling twelve
    /// months ending a month earlier; for a custom span, the span of the same length just before.
    /// </summary>
    public Period Previous()
    {
        switch (Kind)
        {
            case PeriodKind.ReportingYear:
                return ReportingYear(ReportingYearLabel - 1);
            case PeriodKind.Quarter:
                var q = Start.AddMonths(-3);
                return Quarter(ReportingYearOf(q), QuarterNumber(q));
            case PeriodKind.Month:
                var m = Start.AddMonths(-1);
                return Month(m.Year, m.Month);
            case PeriodKind.YearToDate:
                if (End.Month == 4)
                {
                    var year = ReportingYear(ReportingYearLabel - 1);
                    return new Period(year.Start, year.End, PeriodKind.YearToDate);
                }

                var p = End.AddMonths(-1);
                return YearToDate(p.Year, p.Month);
            case PeriodKind.Rolling12:
                var r = End.AddDays(1).AddMonths(-2);
                return Rolling12(r.Year, r.Month);
            default:
                var end = Start.AddDays(-1);
                return new Period(end.AddDays(1 - Days), end, PeriodKind.Custom);
        }
    }

    /// <summary>The month, quarter or reporting year just after this one (the step of <see cref="Series"/>).</summary>
    private Period Next()
    {
        var next = End.AddDays(1);
        return Kind switch
        {
            PeriodKind.Month => Month(next.Year, next.Month),
            PeriodKind.Quarter => Quarter(ReportingYearOf(next), QuarterNumber(next)),
            _ => ReportingYear(ReportingYearOf(next)),
        };
    }

    /// <summary>
    /// The same period a year earlier. Month-aligned periods stay month-aligned (February 2024, a
    /// leap year, is 29 days; February 2023, 28); a custom span moves both ends back a year, a
    /// 29 February becoming 28 February.
    /// </summary>
    public Period SameLastYear()
    {
        switch (Kind)
        {
            case PeriodKind.ReportingYear:
                return ReportingYear(ReportingYearLabel - 1);
            case PeriodKind.Quarter:
                return Quarter(ReportingYearLabel - 1, QuarterNumber(Start));
            case PeriodKind.Month:
                return Month(Start.Year - 1, Start.Month);
            case PeriodKind.YearToDate:
                return YearToDate(End.Year - 1, End.Month);
            case PeriodKind.Rolling12:
                return Rolling12(End.Year - 1, End.Month);
            default:
                var start = Start.AddYears(-1);
                var end = End.AddDays(1).Day == 1 ? End.AddDays(1).AddYears(-1).AddDays(-1) : End.AddYears(-1);
                return new Period(start, end, PeriodKind.Custom);
        }
    }

    /// <summary>Whether <paramref name="other"/> lies wholly inside this period.</summary>
    public bool Contains(Period other) => other.Start >= Start && other.End <= End;

    /// <summary>Whether the period starts on the 1st of a month and ends on a month's last day.</summary>
    public bool IsWholeMonths => Start.Day == 1 && End.AddDays(1).Day == 1;

    /// <summary>The number of calendar months covered, for a period of whole months; otherwise null.</summary>
    public int? WholeMonths => IsWholeMonths ? MonthsBetween(Start, End) : null;

    /// <summary>
    /// Reads a period: <c>2025</c> (the DfE reporting year 2024-04-01..2025-03-31), <c>2024-25</c> or
    /// <c>2024/25</c> (the same year), <c>2025-Q1</c> (quarter 1 of reporting year 2025: April–June 2024),
    /// <c>2025-03</c> (a calendar month), or <c>2024-04-01..2025-03-31</c> (any span).
    /// </summary>
    public static bool TryParse(string? text, out Period period, out string error)
    {
        period = default;
        error = "";
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            error = "the period is empty";
            return false;
        }

        try
        {
            if (t.Contains("..", StringComparison.Ordinal))
            {
                var parts = t.Split("..");
                if (parts.Length == 2
                    && DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                    && DateOnly.TryParseExact(parts[1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
                {
                    if (end < start)
                    {
                        error = $"'{t}' ends before it starts";
                        return false;
                    }

                    period = Between(start, end);
                    return true;
                }
            }
            else if (TryParseFinancialYear(t, out var financialYear) && t[4] == '/')
            {
                period = financialYear;
                return true;
            }
            else if (t.Length == 4 && IsDigits(t))
            {
                period = ReportingYear(int.Parse(t, CultureInfo.InvariantCulture));
                return true;
            }
            else if (t.Length == 7 && IsDigits(t[..4]) && t[4] == '-')
            {
                var year = int.Parse(t[..4], CultureInfo.InvariantCulture);
                var rest = t[5..];
                if ((rest[0] is 'Q' or 'q') && rest[1] is >= '1' and <= '4')
                {
                    period = Quarter(year, rest[1] - '0');
                    return true;
                }

                // Two digits after the year: a month when 01–12 (so "2011-12" is December 2011), else the
                // second year of a financial year ("2024-25").
                var number = IsDigits(rest) ? int.Parse(rest, CultureInfo.InvariantCulture) : -1;
                if (number is >= 1 and <= 12)
                {
                    period = Month(year, number);
                    return true;
                }

                if (number >= 0 && (year + 1) % 100 == number)
                {
                    period = ReportingYear(year + 1);
                    return true;
                }
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // A year outside 1900..9998 or a month outside 1..12: reported below like any other bad text.
        }

        error = $"'{t}' is not a period: use 2025, 2024-25, 2025-Q1, 2025-03 or 2024-04-01..2025-03-31";
        return false;
    }

    /// <summary>
    /// Reads a financial year as the savings and cost files write it, <c>2016/17</c> (or <c>2016-17</c>):
    /// the reporting year 2016-04-01..2017-03-31. Only these two forms, so "2011-12" is the year 2011/12 here.
    /// </summary>
    public static bool TryParseFinancialYear(string? text, out Period year)
    {
        year = default;
        var t = (text ?? "").Trim();
        if (t.Length == 7 && IsDigits(t[..4]) && t[4] is '/' or '-' && IsDigits(t[5..]))
        {
            var first = int.Parse(t[..4], CultureInfo.InvariantCulture);
            if ((first + 1) % 100 == int.Parse(t[5..], CultureInfo.InvariantCulture) && first is >= 1900 and < 9998)
            {
                year = ReportingYear(first + 1);
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a financial year as <see cref="TryParseFinancialYear"/> does, throwing <see cref="FormatException"/> on other text.</summary>
    public static Period ParseFinancialYear(string text) =>
        TryParseFinancialYear(text, out var year) ? year : throw new FormatException($"'{text}' is not a financial year like 2016/17.");

    /// <summary>The first year a period may be of: the reporting year 1901 ran from 1 April 1900.</summary>
    public const int FirstYear = 1901;

    /// <summary>The last year a period may be of, so that the day after any period still has a year.</summary>
    public const int LastYear = 9998;

    /// <summary>Whether <paramref name="year"/> is a year a period may be of (<see cref="FirstYear"/> to <see cref="LastYear"/>).</summary>
    public static bool IsYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>
    /// Reads a year as a person asks for one: a financial year (<c>2016/17</c>, <c>2016-17</c>) or the
    /// DfE label of the year it ends in (<c>2017</c>), both the reporting year 2016-04-01..2017-03-31.
    /// </summary>
    public static bool TryParseYear(string? text, out Period year)
    {
        var t = (text ?? "").Trim();
        if (TryParseFinancialYear(t, out year))
        {
            return true;
        }

        if (t.Length == 4 && IsDigits(t) && int.Parse(t, CultureInfo.InvariantCulture) is var label && IsYear(label))
        {
            year = ReportingYear(label);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The financial-year label of the reporting year the period ends in, as savings plans, benefits and unit
    /// costs write it: "2016/17" for 2016-04-01..2017-03-31 (<see cref="TryParseFinancialYear"/> reads it back).
    /// </summary>
    public string ToFinancialYearLabel() => $"{ReportingYearLabel - 1}/{ReportingYearLabel % 100:00}";

    /// <summary>Reads a period as <see cref="TryParse"/> does, throwing <see cref="FormatException"/> on bad text.</summary>
    public static Period Parse(string text) =>
        TryParse(text, out var period, out var error) ? period : throw new FormatException(error);

    /// <summary>
    /// The canonical label, which <see cref="Parse"/> reads back: <c>2025</c>, <c>2025-Q1</c>,
    /// <c>2025-03</c>, else <c>start..end</c>.
    /// </summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.ReportingYear => ReportingYearLabel.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{ReportingYearLabel}-Q{QuarterNumber(Start)}",
        PeriodKind.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => $"{Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
    };

    /// <summary>A label for people: "2024-25", "Q1 2024-25", "March 2025", "April 2024 to June 2024 (year to date)".</summary>
    public string Describe()
    {
        var year = $"{ReportingYearLabel - 1}-{ReportingYearLabel % 100:00}";
        return Kind switch
        {
            PeriodKind.ReportingYear => year,
            PeriodKind.Quarter => $"Q{QuarterNumber(Start)} {year}",
            PeriodKind.Month => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            PeriodKind.YearToDate => $"{year} to {End.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} (year to date)",
            PeriodKind.Rolling12 => $"12 months to {End.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
            _ => ToString(),
        };
    }

    private static int QuarterNumber(DateOnly date) => ((date.Month - 4 + 12) % 12 / 3) + 1;

    private static int MonthsBetween(DateOnly start, DateOnly end) =>
        ((end.Year - start.Year) * 12) + end.Month - start.Month + 1;

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static void CheckYear(int year)
    {
        if (!IsYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"A year is {FirstYear} to {LastYear}.");
        }
    }
}
