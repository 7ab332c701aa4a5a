using Lodestar.Metrics.Kpis;

namespace Lodestar.Metrics.Tests.Kpis;

public sealed class KpiPeriodTests
{
    [Fact]
    public void ReportingYear_2025_IsApril2024ToMarch2025()
    {
        var year = KpiPeriod.ReportingYear(2025);

        Assert.Equal(new DateOnly(2024, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2025, 3, 31), year.End);
        Assert.Equal(365, year.Days);
    }

    [Fact]
    public void Month_February2024_EndsOnLeapDay()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), KpiPeriod.Month(2024, 2).End);
    }

    [Fact]
    public void YearToDate_InJanuary_StartsTheAprilBefore()
    {
        var ytd = KpiPeriod.YearToDate(new DateOnly(2025, 1, 31));

        Assert.Equal(new DateOnly(2024, 4, 1), ytd.Start);
    }

    [Fact]
    public void Rolling12_EndingLeapDay_StartsFirstOfMarch()
    {
        var rolling = KpiPeriod.Rolling12(new DateOnly(2024, 2, 29));

        Assert.Equal(new DateOnly(2023, 3, 1), rolling.Start);
    }

    [Fact]
    public void Series_MonthsOfFiveReportingYears_IsSixtyConsecutiveMonths()
    {
        var months = KpiPeriod.Series(KpiSeriesKind.Month, new DateOnly(2020, 4, 1), new DateOnly(2025, 3, 31));

        Assert.Equal(60, months.Count);
        Assert.Equal(new DateOnly(2020, 4, 30), months[0].End);
        Assert.Equal(new DateOnly(2025, 3, 1), months[^1].Start);
        Assert.All(months.Skip(1).Zip(months), pair => Assert.Equal(pair.Second.End.AddDays(1), pair.First.Start));
    }

    [Fact]
    public void Series_Quarters_AreFinancialQuarters()
    {
        var quarters = KpiPeriod.Series(KpiSeriesKind.Quarter, new DateOnly(2024, 5, 15), new DateOnly(2025, 3, 31));

        Assert.Equal([new DateOnly(2024, 4, 1), new DateOnly(2024, 7, 1), new DateOnly(2024, 10, 1), new DateOnly(2025, 1, 1)], quarters.Select(q => q.Start));
    }

    [Fact]
    public void Series_Years_AreReportingYears()
    {
        var years = KpiPeriod.Series(KpiSeriesKind.Year, new DateOnly(2023, 4, 1), new DateOnly(2025, 3, 31));

        Assert.Equal([KpiPeriod.ReportingYear(2024), KpiPeriod.ReportingYear(2025)], years);
    }

    [Fact]
    public void Constructor_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new KpiPeriod(new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 1)));
    }
}
