namespace Lodestar.Formats.Generation;

/// <summary>
/// Monday to Friday excluding bank holidays in England, as the DfE counts timescales (the start day is not counted).
/// The generator uses it to place events exactly inside or outside 15, 20 and 45 working-day limits.
/// </summary>
internal static class WorkingDays
{
    private const int FirstYear = 1980;
    private const int LastYear = 2080;

    // Computed once for every year the generator can touch, so that lookups need no lock.
    private static readonly HashSet<DateOnly> Holidays =
        Enumerable.Range(FirstYear, LastYear - FirstYear + 1).SelectMany(Compute).ToHashSet();

    // Working days counted from 1 January of the first year: Counted[i] = working days on or before day i.
    private static readonly int FirstDay = new DateOnly(FirstYear, 1, 1).DayNumber;
    private static readonly int[] Counted = CountWorkingDays();

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/>.</summary>
    public static DateOnly Add(DateOnly start, int days)
    {
        var index = start.DayNumber - FirstDay;
        if (index < 0 || index + (days * 2) + 30 >= Counted.Length)
        {
            return AddSlowly(start, days);
        }

        // The first day whose running count reaches the target is a working day.
        var target = Counted[index] + days;
        var found = Array.BinarySearch(Counted, index + 1, Math.Min(Counted.Length - index - 1, (days * 2) + 30), target);
        if (found < 0)
        {
            return AddSlowly(start, days);
        }

        while (found > index + 1 && Counted[found - 1] == target)
        {
            found--;
        }

        return DateOnly.FromDayNumber(FirstDay + found);
    }

    internal static DateOnly AddSlowly(DateOnly start, int days)
    {
        var date = start;
        var counted = 0;
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

    private static int[] CountWorkingDays()
    {
        var last = new DateOnly(LastYear, 12, 31).DayNumber;
        var counted = new int[last - FirstDay + 1];
        var running = 0;
        for (var i = 0; i < counted.Length; i++)
        {
            if (IsWorkingDay(DateOnly.FromDayNumber(FirstDay + i)))
            {
                running++;
            }

            counted[i] = running;
        }

        return counted;
    }

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    internal static bool IsBankHoliday(DateOnly date) =>
        date.Year is < FirstYear or > LastYear
            ? Compute(date.Year).Contains(date)
            : Holidays.Contains(date);

    private static HashSet<DateOnly> Compute(int year)
    {
        var easter = EasterSunday(year);
        var set = new HashSet<DateOnly>
        {
            NextWeekday(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };
        var earlyMay = FirstMonday(year, 5);
        set.Add(year == 2020 ? new DateOnly(2020, 5, 8) : earlyMay);
        if (year == 2022)
        {
            set.Remove(LastMonday(2022, 5));
            set.Add(new DateOnly(2022, 6, 2));
            set.Add(new DateOnly(2022, 6, 3));
            set.Add(new DateOnly(2022, 9, 19));
        }

        if (year == 2023)
        {
            set.Add(new DateOnly(2023, 5, 8));
        }

        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                set.Add(christmas);
                set.Add(new DateOnly(year, 12, 28));
                break;
            case DayOfWeek.Saturday:
                set.Add(new DateOnly(year, 12, 27));
                set.Add(new DateOnly(year, 12, 28));
                break;
            case DayOfWeek.Sunday:
                set.Add(new DateOnly(year, 12, 26));
                set.Add(new DateOnly(year, 12, 27));
                break;
            default:
                set.Add(christmas);
                set.Add(new DateOnly(year, 12, 26));
                break;
        }

        return set;
    }

    private static DateOnly NextWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    private static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
