using Lodestar.Formats.Validation;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>The collection year's first and last days, which the rules look up rather than work out.</summary>
public sealed class ValidationContextTests
{
    [Theory]
    [InlineData(2025, "2024-04-01", "2025-03-31")]
    [InlineData(2024, "2023-04-01", "2024-03-31")]
    [InlineData(2021, "2020-04-01", "2021-03-31")]
    [InlineData(1901, "1900-04-01", "1901-03-31")]
    [InlineData(2200, "2199-04-01", "2200-03-31")]
    [InlineData(2201, "2200-04-01", "2201-03-31")]
    [InlineData(2500, "2499-04-01", "2500-03-31")]
    [InlineData(1800, "1799-04-01", "1800-03-31")]
    public void A_collection_year_runs_from_1_April_to_31_March(int year, string first, string last)
    {
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture).DayNumber, ValidationContext.YearStart(year));
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture).DayNumber, ValidationContext.YearEnd(year));
    }
}
