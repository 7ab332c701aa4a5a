using System.Globalization;
using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Tests.Periods;

public sealed class PeriodSeriesTests
{
    [Fact]
    public void ReportingYear_2025_IsApril2024ToMarch2025()
    {
        var year = Period.ReportingYear(2025);

        Assert.Equal(new DateOnly(2024, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2025, 3, 31), year.End);
        Assert.Equal(365, year.Days);
    }

    [Fact]
    public void Month_February2024_EndsOnLeapDay()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), Period.Month(2024, 2).End);
    }

    [Fact]
    public void YearToDate_InJanuary_StartsTheAprilBefore()
    {
        var ytd = Period.YearToDate(2025, 1);

        Assert.Equal(new DateOnly(2024, 4, 1), ytd.Start);
    }

    [Fact]
    public void Rolling12_EndingLeapDay_StartsFirstOfMarch()
    {
        var rolling = Period.Rolling12(2024, 2);

        Assert.Equal(new DateOnly(2023, 3, 1), rolling.Start);
    }

    [Fact]
    public void Series_MonthsOfFiveReportingYears_IsSixtyConsecutiveMonths()
    {
        var months = Period.Series(PeriodKind.Month, new DateOnly(2020, 4, 1), new DateOnly(2025, 3, 31));

        Assert.Equal(60, months.Count);
        Assert.Equal(new DateOnly(2020, 4, 30), months[0].End);
        Assert.Equal(new DateOnly(2025, 3, 1), months[^1].Start);
        Assert.All(months.Skip(1).Zip(months), pair => Assert.Equal(pair.Second.End.AddDays(1), pair.First.Start));
    }

    [Fact]
    public void Series_Quarters_AreFinancialQuarters()
    {
        var quarters = Period.Series(PeriodKind.Quarter, new DateOnly(2024, 5, 15), new DateOnly(2025, 3, 31));

        Assert.Equal([new DateOnly(2024, 4, 1), new DateOnly(2024, 7, 1), new DateOnly(2024, 10, 1), new DateOnly(2025, 1, 1)], quarters.Select(q => q.Start));
    }

    [Fact]
    public void Series_Years_AreReportingYears()
    {
        var years = Period.Series(PeriodKind.ReportingYear, new DateOnly(2023, 4, 1), new DateOnly(2025, 3, 31));

        Assert.Equal([Period.ReportingYear(2024), Period.ReportingYear(2025)], years);
    }

    [Fact]
    public void Constructor_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Period(new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 1), PeriodKind.Custom));
    }

    [Fact]
    public void Series_Quarters_AreLabelledAsQuartersOfTheReportingYear()
    {
        var quarters = Period.Series(PeriodKind.Quarter, new DateOnly(2024, 12, 1), new DateOnly(2025, 4, 1));

        Assert.Equal(["2025-Q3", "2025-Q4", "2026-Q1"], quarters.Select(q => q.ToString()));
    }

    [Fact]
    public void Series_OtherKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Series(PeriodKind.Custom, new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)));
    }

    [Fact]
    public void Series_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => Period.Series(PeriodKind.Month, new DateOnly(2025, 4, 1), new DateOnly(2025, 3, 31)));
    }

    [Theory]
    [InlineData("2024-04-01", "2025-03-31", true)]
    [InlineData("2024-03-01", "2024-03-31", true)]
    [InlineData("2024-04-01", "2025-03-30", false)]
    [InlineData("2024-01-01", "2024-12-31", false)]
    public void EndsOn31March_ByEndDay(string start, string end, bool expected)
    {
        Assert.Equal(expected, Period.Between(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture)).EndsOn31March);
    }

    [Fact]
    public void StartDayAndEndDay_AreDayNumbers()
    {
        var month = Period.Month(2024, 2);

        Assert.Equal(new DateOnly(2024, 2, 1).DayNumber, month.StartDay);
        Assert.Equal(new DateOnly(2024, 2, 29).DayNumber, month.EndDay);
        Assert.Equal(29, month.Days);
    }

    [Theory]
    [InlineData("2024-04-01", 2025)]
    [InlineData("2025-03-31", 2025)]
    [InlineData("2025-01-15", 2025)]
    public void ReportingYearContaining_Date_IsTheYearItFallsIn(string date, int label)
    {
        Assert.Equal(Period.ReportingYear(label), Period.ReportingYearContaining(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Series_YearToDate_EndsAtEachMonthEndAndRestartsOnFirstApril()
    {
        // 15 January to 10 April 2025: the months January, February, March and April; April starts a new reporting year.
        var periods = Period.Series(PeriodKind.YearToDate, new DateOnly(2025, 1, 15), new DateOnly(2025, 4, 10));

        Assert.Equal(
            [
                (new DateOnly(2024, 4, 1), new DateOnly(2025, 1, 31)),
                (new DateOnly(2024, 4, 1), new DateOnly(2025, 2, 28)),
                (new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)),
                (new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30)),
            ],
            periods.Select(p => (p.Start, p.End)));
        Assert.All(periods, p => Assert.Equal(PeriodKind.YearToDate, p.Kind));
    }

    [Fact]
    public void Series_Rolling12_IsTheTwelveWholeMonthsToEachMonthEndAcrossALeapFebruary()
    {
        var periods = Period.Series(PeriodKind.Rolling12, new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 31));

        Assert.Equal(
            [
                (new DateOnly(2023, 3, 1), new DateOnly(2024, 2, 29)),
                (new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31)),
            ],
            periods.Select(p => (p.Start, p.End)));
        Assert.All(periods, p => Assert.Equal(PeriodKind.Rolling12, p.Kind));
    }
}
