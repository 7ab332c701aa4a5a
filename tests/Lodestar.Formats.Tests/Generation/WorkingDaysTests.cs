using Lodestar.Formats.Generation;

namespace Lodestar.Formats.Tests.Generation;

public sealed class WorkingDaysTests
{
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
    public void Add_OverWeekendsAndBankHolidays_SkipsThem(string start, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingDays.Add(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Fact]
    public void Add_FastLookup_AgreesWithCountingDayByDay()
    {
        for (var start = new DateOnly(2015, 1, 1); start < new DateOnly(2027, 1, 1); start = start.AddDays(3))
        {
            foreach (var days in new[] { 1, 5, 15, 20, 45, 80 })
            {
                Assert.Equal(WorkingDays.AddSlowly(start, days), WorkingDays.Add(start, days));
            }
        }
    }
}
