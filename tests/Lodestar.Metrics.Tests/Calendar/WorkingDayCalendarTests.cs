using Lodestar.Metrics.Calendar;

namespace Lodestar.Metrics.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England;

    [Fact]
    public void WorkingDaysBetween_SameDay_IsZeroBecauseTheStartDayIsNotCounted()
    {
        Assert.Equal(0, England.WorkingDaysBetween(new DateOnly(2025, 6, 4), new DateOnly(2025, 6, 4)));
    }

    [Fact]
    public void WorkingDaysBetween_FridayToMonday_IsOne()
    {
        Assert.Equal(1, England.WorkingDaysBetween(new DateOnly(2025, 6, 6), new DateOnly(2025, 6, 9)));
    }

    [Fact]
    public void WorkingDaysBetween_AcrossEaster2025_SkipsGoodFridayAndEasterMonday()
    {
        // Thu 17 Apr 2025 to Tue 22 Apr 2025: Fri 18 (Good Friday), Sat, Sun, Mon 21 (Easter Monday) are not working days; Tue 22 is the first.
        Assert.Equal(1, England.WorkingDaysBetween(new DateOnly(2025, 4, 17), new DateOnly(2025, 4, 22)));
    }

    [Fact]
    public void WorkingDaysBetween_AcrossChristmas2024_SkipsChristmasBoxingDayAndNewYear()
    {
        // Fri 20 Dec 2024 to Fri 3 Jan 2025: 23, 24, 27, 30, 31 Dec, 2, 3 Jan = 7 (25, 26 Dec and 1 Jan are bank holidays).
        Assert.Equal(7, England.WorkingDaysBetween(new DateOnly(2024, 12, 20), new DateOnly(2025, 1, 3)));
    }

    [Fact]
    public void WorkingDaysBetween_ChristmasOnASaturday_UsesTheSubstituteDays()
    {
        // 2021: Christmas Sat 25, Boxing Day Sun 26; substitutes Mon 27 and Tue 28. Fri 24 to Wed 29 = 1 working day.
        Assert.Equal(1, England.WorkingDaysBetween(new DateOnly(2021, 12, 24), new DateOnly(2021, 12, 29)));
    }

    [Fact]
    public void WorkingDaysBetween_LeapDay2024_IsAWorkingThursday()
    {
        // Wed 28 Feb 2024 to Fri 1 Mar 2024: Thu 29 Feb and Fri 1 Mar.
        Assert.Equal(2, England.WorkingDaysBetween(new DateOnly(2024, 2, 28), new DateOnly(2024, 3, 1)));
    }

    [Fact]
    public void WorkingDaysBetween_EndBeforeStart_IsNegative()
    {
        Assert.Equal(-1, England.WorkingDaysBetween(new DateOnly(2025, 6, 9), new DateOnly(2025, 6, 6)));
    }

    [Fact]
    public void England_Ships2010To2030_EightOrMoreHolidaysEachYear()
    {
        var years = England.Holidays.GroupBy(d => d.Year).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(2010, 21), years.Keys.Order());
        Assert.All(years.Values, count => Assert.InRange(count, 8, 10));
        Assert.Contains(new DateOnly(2022, 9, 19), England.Holidays);
    }

    [Fact]
    public void Parse_UpdatedList_AddsTheHoliday()
    {
        var calendar = WorkingDayCalendar.Parse("# comment\n2031-01-01 New Year's Day\n\n");

        Assert.False(calendar.IsWorkingDay(new DateOnly(2031, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2031, 1, 2)));
    }

    [Fact]
    public void Parse_LineWithoutDate_ThrowsNamingTheLine()
    {
        var error = Assert.Throws<FormatException>(() => WorkingDayCalendar.Parse("2031-01-01 ok\nnot-a-date\n"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Friday 20 Dec 2024 + 5: Mon 23, Tue 24, (25, 26 bank holidays), Fri 27, Mon 30, Tue 31.
    [InlineData("2024-12-20", 5, "2024-12-31")]
    // Thursday before Easter 2025: Good Friday 18 and Easter Monday 21 April skipped.
    [InlineData("2025-04-17", 1, "2025-04-22")]
    // Monday 3 March 2025 + 15: three full weeks.
    [InlineData("2025-03-03", 15, "2025-03-24")]
    // Christmas 2021 fell on a Saturday: Monday 27 and Tuesday 28 December were the bank holidays.
    [InlineData("2021-12-24", 1, "2021-12-29")]
    // The extra bank holiday for the coronation, Monday 8 May 2023 (and the early May one on the 1st).
    [InlineData("2023-05-05", 1, "2023-05-09")]
    // From a Saturday: five working days end on the Friday, not on the Saturday a week later.
    [InlineData("2025-03-01", 5, "2025-03-07")]
    public void AddWorkingDays_OverWeekendsAndBankHolidays_SkipsThem(string start, int days, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(DateOnly.Parse(expected, culture), England.AddWorkingDays(DateOnly.Parse(start, culture), days));
    }

    [Fact]
    public void AddWorkingDays_AnyStartAndCount_AgreesWithCountingDayByDay()
    {
        for (var start = new DateOnly(2015, 1, 1); start < new DateOnly(2027, 1, 1); start = start.AddDays(3))
        {
            foreach (var days in new[] { 0, 1, 5, 15, 20, 45, 80 })
            {
                var date = start;
                for (var counted = 0; counted < days;)
                {
                    date = date.AddDays(1);
                    counted += England.IsWorkingDay(date) ? 1 : 0;
                }

                Assert.Equal(date, England.AddWorkingDays(start, days));
            }
        }
    }

    [Theory]
    [InlineData(2024, 4, 1, 1, 2024, 3, 28)] // Easter Monday; Good Friday the 29th and the weekend are passed over
    [InlineData(2025, 3, 31, 45, 2025, 1, 27)] // 45 working days before the 2024/25 reference date
    [InlineData(2025, 3, 31, 0, 2025, 3, 31)]
    public void WorkingDaysBefore_CountsBackOverWeekendsAndBankHolidays(int year, int month, int day, int days, int toYear, int toMonth, int toDay)
    {
        Assert.Equal(new DateOnly(toYear, toMonth, toDay), WorkingDayCalendar.England.WorkingDaysBefore(new DateOnly(year, month, day), days));
    }
}
