using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Tests.Periods;

public sealed class PeriodTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ReportingYear_DfeLabel2025_IsAprilToMarch()
    {
        var year = Period.ReportingYear(2025);

        Assert.Equal((D("2024-04-01"), D("2025-03-31"), PeriodKind.ReportingYear), (year.Start, year.End, year.Kind));
        Assert.Equal(365, year.Days);
        Assert.Equal("2025", year.ToString());
        Assert.Equal("2024-25", year.Describe());
    }

    [Fact]
    public void ReportingYear_EndingInLeapFebruary_Has366Days()
    {
        Assert.Equal(366, Period.ReportingYear(2024).Days);
    }

    [Theory]
    [InlineData("2024-03-31", 2024)]
    [InlineData("2024-04-01", 2025)]
    [InlineData("2025-03-31", 2025)]
    [InlineData("2024-12-31", 2025)]
    public void ReportingYearOf_Date_IsTheYearTheFinancialYearEndsIn(string date, int expected)
    {
        Assert.Equal(expected, Period.ReportingYearOf(D(date)));
    }

    [Theory]
    [InlineData(1, "2024-04-01", "2024-06-30")]
    [InlineData(2, "2024-07-01", "2024-09-30")]
    [InlineData(3, "2024-10-01", "2024-12-31")]
    [InlineData(4, "2025-01-01", "2025-03-31")]
    public void Quarter_OfReportingYear2025_StartsInApril(int quarter, string start, string end)
    {
        var q = Period.Quarter(2025, quarter);

        Assert.Equal((D(start), D(end)), (q.Start, q.End));
        Assert.Equal($"2025-Q{quarter}", q.ToString());
    }

    [Theory]
    [InlineData(2024, 2, "2024-02-29")]
    [InlineData(2023, 2, "2023-02-28")]
    [InlineData(2100, 2, "2100-02-28")]
    [InlineData(2000, 2, "2000-02-29")]
    [InlineData(2025, 4, "2025-04-30")]
    [InlineData(2025, 12, "2025-12-31")]
    public void Month_Any_EndsOnItsLastDay(int year, int month, string end)
    {
        Assert.Equal(D(end), Period.Month(year, month).End);
    }

    [Theory]
    [InlineData("2025", "2024-04-01", "2025-03-31", PeriodKind.ReportingYear)]
    [InlineData("2024-25", "2024-04-01", "2025-03-31", PeriodKind.ReportingYear)]
    [InlineData("1999-00", "1999-04-01", "2000-03-31", PeriodKind.ReportingYear)]
    [InlineData("2025-Q1", "2024-04-01", "2024-06-30", PeriodKind.Quarter)]
    [InlineData("2025-q4", "2025-01-01", "2025-03-31", PeriodKind.Quarter)]
    [InlineData("2025-03", "2025-03-01", "2025-03-31", PeriodKind.Month)]
    [InlineData("2011-12", "2011-12-01", "2011-12-31", PeriodKind.Month)]
    [InlineData("2024-04-01..2025-03-31", "2024-04-01", "2025-03-31", PeriodKind.ReportingYear)]
    [InlineData("2024-07-01..2024-09-30", "2024-07-01", "2024-09-30", PeriodKind.Quarter)]
    [InlineData("2024-02-01..2024-02-29", "2024-02-01", "2024-02-29", PeriodKind.Month)]
    [InlineData("2024-05-01..2024-07-31", "2024-05-01", "2024-07-31", PeriodKind.Custom)]
    [InlineData(" 2024-01-15..2024-01-20 ", "2024-01-15", "2024-01-20", PeriodKind.Custom)]
    public void TryParse_EachSyntax_GivesThePeriod(string text, string start, string end, PeriodKind kind)
    {
        Assert.True(Period.TryParse(text, out var period, out var error), error);
        Assert.Equal((D(start), D(end), kind), (period.Start, period.End, period.Kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-Q5")]
    [InlineData("2024-27")]
    [InlineData("2025-03-31..2024-04-01")]
    [InlineData("2025-02-30..2025-03-31")]
    [InlineData("last year")]
    public void TryParse_BadText_FailsWithAMessage(string text)
    {
        Assert.False(Period.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("2025")]
    [InlineData("2025-Q3")]
    [InlineData("2024-02")]
    [InlineData("2024-05-01..2024-07-31")]
    public void ToString_Parsed_ReadsBackTheSamePeriod(string text)
    {
        Assert.Equal(text, Period.Parse(text).ToString());
    }

    [Theory]
    [InlineData("2025", "2024")]
    [InlineData("2025-Q1", "2024-Q4")]
    [InlineData("2025-Q2", "2025-Q1")]
    [InlineData("2025-01", "2024-12")]
    [InlineData("2024-03", "2024-02")]
    public void Previous_YearQuarterMonth_IsTheOneBefore(string text, string expected)
    {
        Assert.Equal(expected, Period.Parse(text).Previous().ToString());
    }

    [Theory]
    [InlineData("2025", "2024")]
    [InlineData("2025-Q1", "2024-Q1")]
    [InlineData("2024-02", "2023-02")]
    [InlineData("2025-02", "2024-02")]
    public void SameLastYear_YearQuarterMonth_IsAYearEarlier(string text, string expected)
    {
        Assert.Equal(expected, Period.Parse(text).SameLastYear().ToString());
    }

    [Fact]
    public void SameLastYear_February2025_EndsOnLeapDay()
    {
        Assert.Equal(D("2024-02-29"), Period.Month(2025, 2).SameLastYear().End);
    }

    [Fact]
    public void YearToDate_ThroughJune_StartsInAprilAndStepsBackAMonth()
    {
        var ytd = Period.YearToDate(2024, 6);

        Assert.Equal((D("2024-04-01"), D("2024-06-30")), (ytd.Start, ytd.End));
        Assert.Equal((D("2024-04-01"), D("2024-05-31")), (ytd.Previous().Start, ytd.Previous().End));
        Assert.Equal((D("2023-04-01"), D("2023-06-30")), (ytd.SameLastYear().Start, ytd.SameLastYear().End));
    }

    [Fact]
    public void YearToDate_ThroughMarch_StartsTheAprilBefore()
    {
        var ytd = Period.YearToDate(2025, 3);

        Assert.Equal((D("2024-04-01"), D("2025-03-31")), (ytd.Start, ytd.End));
    }

    [Fact]
    public void Previous_YearToDateThroughApril_IsTheWholePreviousYear()
    {
        var previous = Period.YearToDate(2024, 4).Previous();

        Assert.Equal((D("2023-04-01"), D("2024-03-31"), PeriodKind.YearToDate), (previous.Start, previous.End, previous.Kind));
    }

    [Fact]
    public void Rolling12_ToFebruary2024_CoversMarch2023ToLeapDayAndStepsByAMonth()
    {
        var rolling = Period.Rolling12(2024, 2);

        Assert.Equal((D("2023-03-01"), D("2024-02-29")), (rolling.Start, rolling.End));
        Assert.Equal((D("2023-02-01"), D("2024-01-31")), (rolling.Previous().Start, rolling.Previous().End));
        Assert.Equal((D("2022-03-01"), D("2023-02-28")), (rolling.SameLastYear().Start, rolling.SameLastYear().End));
    }

    [Fact]
    public void Previous_CustomSpan_IsTheSameLengthJustBefore()
    {
        var previous = Period.Parse("2024-03-01..2024-03-10").Previous();

        Assert.Equal((D("2024-02-20"), D("2024-02-29")), (previous.Start, previous.End));
    }

    [Fact]
    public void SameLastYear_CustomSpanFromLeapDay_StartsOn28February()
    {
        var last = Period.Parse("2024-02-29..2024-03-15").SameLastYear();

        Assert.Equal((D("2023-02-28"), D("2023-03-15")), (last.Start, last.End));
    }

    [Fact]
    public void Constructor_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Period(D("2025-01-02"), D("2025-01-01"), PeriodKind.Custom));
    }

    [Theory]
    [InlineData("2016/17", 2017)]
    [InlineData("2019-20", 2020)]
    [InlineData("1999/00", 2000)]
    [InlineData("2011-12", 2012)]
    public void TryParseFinancialYear_Label_IsTheReportingYearEndingInMarch(string label, int dfeYear)
    {
        Assert.True(Period.TryParseFinancialYear(label, out var year));
        Assert.Equal(Period.ReportingYear(dfeYear), year);
    }

    [Theory]
    [InlineData("2016/18")]
    [InlineData("16/17")]
    [InlineData("2017")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseFinancialYear_OtherText_Fails(string? label)
    {
        Assert.False(Period.TryParseFinancialYear(label, out _));
    }

    [Theory]
    [InlineData("2016/17", "2016/17")]
    [InlineData("2016-17", "2016/17")]
    [InlineData("2017", "2016/17")]
    [InlineData(" 2000 ", "1999/00")]
    public void TryParseYear_FinancialYearOrDfeLabel_GivesTheLabel(string text, string label)
    {
        Assert.True(Period.TryParseYear(text, out var year));
        Assert.Equal(label, year.ToFinancialYearLabel());
    }

    [Theory]
    [InlineData("2016-03-31", "2015/16")]
    [InlineData("2016-04-01", "2016/17")]
    public void ToFinancialYearLabel_SplitsAtFirstOfApril(string date, string label)
    {
        Assert.Equal(label, Period.Month(D(date).Year, D(date).Month).ToFinancialYearLabel());
    }

    [Fact]
    public void TryParse_FinancialYearWithSlash_IsTheReportingYear()
    {
        Assert.Equal(Period.ReportingYear(2017), Period.Parse("2016/17"));
    }
}
