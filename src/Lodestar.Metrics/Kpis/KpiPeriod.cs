namespace Lodestar.Metrics.Kpis;

/// <summary>How a series divides time.</summary>
public enum KpiSeriesKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A period a KPI is computed for: every day from <see cref="Start"/> to <see cref="End"/>, both
/// included. Snapshot KPIs ("at the end") look at <see cref="End"/>; flow KPIs count events dated
/// within the period.
/// </summary>
/// <remarks>
/// The reporting year is the financial year labelled by the year it ends in: 2025 = 2024-04-01 to
/// 2025-03-31. Quarters are financial quarters (April–June is Q1). This is the engine's own minimal
/// period type; the domain's period model may replace it.
/// </remarks>
public readonly record struct KpiPeriod
{
    public KpiPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"A period cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>Day number of <see cref="Start"/>.</summary>
    public int StartDay => Start.DayNumber;

    /// <summary>Day number of <see cref="End"/>.</summary>
    public int EndDay => End.DayNumber;

    /// <summary>Days in the period, both ends included.</summary>
    public int Days => EndDay - StartDay + 1;

    /// <summary>True when the period ends on 31 March (the annual OC2/OC3 measures need such an end).</summary>
    public bool EndsOn31March => End.Month == 3 && End.Day == 31;

    /// <summary>The DfE reporting year labelled <paramref name="year"/>: 1 April of the year before to 31 March of <paramref name="year"/>.</summary>
    public static KpiPeriod ReportingYear(int year) => new(new DateOnly(year - 1, 4, 1), new DateOnly(year, 3, 31));

    /// <summary>A calendar month.</summary>
    public static KpiPeriod Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(start, start.AddMonths(1).AddDays(-1));
    }

    /// <summary>The three calendar months starting on the first of <paramref name="firstMonth"/>.</summary>
    public static KpiPeriod Quarter(int year, int firstMonth)
    {
        var start = new DateOnly(year, firstMonth, 1);
        return new(start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>From the start of the reporting year containing <paramref name="end"/> to <paramref name="end"/>.</summary>
    public static KpiPeriod YearToDate(DateOnly end)
    {
        var startYear = end.Month >= 4 ? end.Year : end.Year - 1;
        return new(new DateOnly(startYear, 4, 1), end);
    }

    /// <summary>The 12 months ending on <paramref name="end"/>: from the day after the same date a year earlier.</summary>
    public static KpiPeriod Rolling12(DateOnly end) => new(end.AddYears(-1).AddDays(1), end);

    /// <summary>
    /// Consecutive periods of <paramref name="kind"/> covering <paramref name="from"/> to <paramref name="to"/>:
    /// months are calendar months, quarters financial quarters (starting April, July, October, January),
    /// years reporting years. The first period is the one containing <paramref name="from"/>, the last
    /// the one containing <paramref name="to"/>.
    /// </summary>
    public static IReadOnlyList<KpiPeriod> Series(KpiSeriesKind kind, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"A series cannot end ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        var (start, months) = kind switch
        {
            KpiSeriesKind.Month => (new DateOnly(from.Year, from.Month, 1), 1),
            KpiSeriesKind.Quarter => (QuarterStart(from), 3),
            KpiSeriesKind.Year => (ReportingYearStart(from), 12),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown series kind."),
        };

        var periods = new List<KpiPeriod>();
        while (start <= to)
        {
            var next = start.AddMonths(months);
            periods.Add(new KpiPeriod(start, next.AddDays(-1)));
            start = next;
        }

        return periods;
    }

    public override string ToString() => $"{Start:yyyy-MM-dd} to {End:yyyy-MM-dd}";

    private static DateOnly ReportingYearStart(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1, 4, 1);

    private static DateOnly QuarterStart(DateOnly date)
    {
        // Financial quarters start in April, July, October and January: months 1, 4, 7, 10.
        var month = ((date.Month - 1) / 3 * 3) + 1;
        return new DateOnly(date.Year, month, 1);
    }
}
