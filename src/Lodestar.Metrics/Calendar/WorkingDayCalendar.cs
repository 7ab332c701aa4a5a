using System.Globalization;

namespace Lodestar.Metrics.Calendar;

/// <summary>
/// Working days in England: Monday to Friday, excluding bank holidays. Used for the statutory
/// timescales (assessments in 45 working days, initial child protection conferences in 15).
/// </summary>
/// <remarks>
/// <para>The bank-holiday list is data: <see cref="England"/> reads the list shipped in
/// <c>samples/calendar/bank-holidays-england.txt</c> (2010–2030, embedded in this assembly);
/// <see cref="Parse"/> reads an updated copy in the same format (<c>yyyy-mm-dd name</c> a line,
/// <c>#</c> comments).</para>
/// <para>Counting never includes the start day: a task started on a Friday and finished the next
/// Monday took 1 working day. Outside the years the list covers, only weekends are excluded.</para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private const string ResourceName = "Lodestar.Metrics.Calendar.bank-holidays-england.txt";
    private static readonly Lazy<WorkingDayCalendar> Shipped = new(LoadShipped);

    // Day numbers of the bank holidays that fall on a weekday, sorted.
    private readonly int[] _holidays;

    private WorkingDayCalendar(int[] holidays)
    {
        _holidays = holidays;
    }

    /// <summary>England's bank holidays as shipped with Lodestar (2010–2030).</summary>
    public static WorkingDayCalendar England => Shipped.Value;

    /// <summary>A calendar with the given bank holidays (weekend dates are ignored: they are not working days anyway).</summary>
    public static WorkingDayCalendar FromHolidays(IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var days = holidays
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => d.DayNumber)
            .Distinct()
            .Order()
            .ToArray();
        return new WorkingDayCalendar(days);
    }

    /// <summary>Reads a bank-holiday list: one <c>yyyy-mm-dd</c> date at the start of each line, optionally followed by a name; blank lines and <c>#</c> comments skipped.</summary>
    /// <exception cref="FormatException">A line does not start with a date.</exception>
    public static WorkingDayCalendar Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dates = new List<DateOnly>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var token = line.Split(' ', 2)[0];
            if (!DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"Bank-holiday list line {lineNumber}: '{token}' is not a yyyy-mm-dd date.");
            }

            dates.Add(date);
        }

        return FromHolidays(dates);
    }

    /// <summary>The bank holidays on weekdays, in order.</summary>
    public IEnumerable<DateOnly> Holidays => _holidays.Select(DateOnly.FromDayNumber);

    /// <summary>True when <paramref name="date"/> is Monday–Friday and not a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && Array.BinarySearch(_holidays, date.DayNumber) < 0;

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/>; negative when end is before start.</summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end) => WorkingDaysBetween(start.DayNumber, end.DayNumber);

    /// <summary>As <see cref="WorkingDaysBetween(DateOnly, DateOnly)"/>, on day numbers (see <c>RecordValues</c>).</summary>
    public int WorkingDaysBetween(int startDay, int endDay)
    {
        if (endDay < startDay)
        {
            return -WorkingDaysBetween(endDay, startDay);
        }

        var weekdays = WeekdaysUpTo(endDay) - WeekdaysUpTo(startDay);
        var holidays = HolidaysUpTo(endDay) - HolidaysUpTo(startDay);
        return weekdays - holidays;
    }

    /// <summary>
    /// The day <paramref name="days"/> working days before <paramref name="day"/> (the day itself not counted): the last of
    /// them, counting back. One working day before Monday 1 April 2024 (Easter Monday; Good Friday the 29th) is Thursday 28 March.
    /// </summary>
    public DateOnly WorkingDaysBefore(DateOnly day, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = day;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// The day on which <paramref name="days"/> working days after <paramref name="start"/> are complete (the start
    /// day not counted): 15 working days after Monday 3 March 2025 is Monday 24 March.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        // Whole weeks hold at most 5 working days each, so this jump never passes the answer's count…
        var date = start.AddDays(days / 5 * 7);
        // …but it can land on a weekend or holiday after the day the count was reached.
        while (date > start && !IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        var counted = WorkingDaysBetween(start, date);
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Day number 0 (0001-01-01) is a Monday, so weekdays in days 0..day are whole weeks × 5 plus the rest up to 5.</summary>
    private static int WeekdaysUpTo(int day)
    {
        var days = day + 1;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }

    /// <summary>How many holidays fall on or before <paramref name="day"/>.</summary>
    private int HolidaysUpTo(int day)
    {
        var index = Array.BinarySearch(_holidays, day);
        return index >= 0 ? index + 1 : ~index;
    }

    private static WorkingDayCalendar LoadShipped()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The bank-holiday list {ResourceName} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
