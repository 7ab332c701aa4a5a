using Lodestar.Domain.Periods;
using Lodestar.Formats.Benchmarks;

namespace Lodestar.Formats.Tests.Benchmarks;

public sealed class DfeTimePeriodTests
{
    [Theory]
    // A "Reporting year" (every shipped file): 2025 is the year to 31 March 2025, or the snapshot on that day.
    [InlineData("2025", 2025)]
    [InlineData("2013", 2013)]
    [InlineData(" 2021 ", 2021)]
    // A financial year: 202425 is 2024-04-01..2025-03-31, the year ending in March 2025.
    [InlineData("202425", 2025)]
    [InlineData("201213", 2013)]
    // Across a century: 199900 is 1999-04-01..2000-03-31.
    [InlineData("199900", 2000)]
    public void TryReadYear_DfeForm_IsTheReportingYearItEndsIn(string timePeriod, int expected)
    {
        Assert.True(DfeTimePeriod.TryReadYear(timePeriod, out var year));
        Assert.Equal(expected, year);
    }

    [Fact]
    public void TryReadYear_FinancialYear_IsThePeriodTheScorecardCallsThatYear()
    {
        Assert.True(DfeTimePeriod.TryReadYear("202425", out var year));

        var period = Period.ReportingYear(year);
        Assert.Equal((new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)), (period.Start, period.End));
    }

    [Theory]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("20245")]
    [InlineData("202426")] // the second year must follow the first
    [InlineData("202324-")]
    [InlineData("2024/25")] // not a DfE time_period form
    [InlineData("2024-25")]
    [InlineData("2025Q1")]
    [InlineData("0999")]
    [InlineData("１２３４")] // digits, but not ASCII ones
    public void TryReadYear_AnythingElse_IsFalse(string timePeriod)
    {
        Assert.False(DfeTimePeriod.TryReadYear(timePeriod, out _));
    }
}
