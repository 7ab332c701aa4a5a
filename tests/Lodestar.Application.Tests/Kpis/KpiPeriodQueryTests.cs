using Lodestar.Application.Kpis;
using Lodestar.Domain.Periods;

namespace Lodestar.Application.Tests.Kpis;

public sealed class KpiPeriodQueryTests
{
    [Fact]
    public void Parse_Year_IsTheReportingYearEndingThen()
    {
        var (periods, problem) = KpiPeriodQuery.Parse("2025", null, null, null);

        Assert.Null(problem);
        Assert.Equal([Period.Between(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31))], periods);
    }

    [Fact]
    public void Parse_FromTo_IsOnePeriodWithBothDaysIncluded()
    {
        var (periods, problem) = KpiPeriodQuery.Parse(null, "2024-10-01", "2024-12-31", null);

        Assert.Null(problem);
        Assert.Equal([Period.Between(new DateOnly(2024, 10, 1), new DateOnly(2024, 12, 31))], periods);
    }

    [Fact]
    public void Parse_QuarterSeries_GivesFinancialQuartersCoveringTheDates()
    {
        // 15 May 2024 is in the April quarter, 10 January 2025 in the January quarter: 4 quarters.
        var (periods, problem) = KpiPeriodQuery.Parse(null, "2024-05-15", "2025-01-10", "quarter");

        Assert.Null(problem);
        Assert.Equal(
            [
                Period.Between(new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30)),
                Period.Between(new DateOnly(2024, 7, 1), new DateOnly(2024, 9, 30)),
                Period.Between(new DateOnly(2024, 10, 1), new DateOnly(2024, 12, 31)),
                Period.Between(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)),
            ],
            periods);
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("2025", "2024-04-01", null, null)]
    [InlineData("2025", null, null, "month")]
    [InlineData("25", null, null, null)]
    [InlineData("2025.0", null, null, null)]
    [InlineData("2101", null, null, null)]
    [InlineData(null, "2024-04-01", null, null)]
    [InlineData(null, "2025-04-01", "2025-03-31", null)]
    [InlineData(null, "2024-4-1", "2025-03-31", null)]
    [InlineData(null, "2024-04-01", "2025-03-31", "fortnight")]
    [InlineData(null, "1989-01-01", "2100-12-31", "month")]
    public void Parse_BadInput_SaysWhatIsWrong(string? year, string? from, string? to, string? series)
    {
        var (periods, problem) = KpiPeriodQuery.Parse(year, from, to, series);

        Assert.Empty(periods);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }
}
