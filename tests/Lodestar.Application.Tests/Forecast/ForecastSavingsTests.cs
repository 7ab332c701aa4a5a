using Lodestar.Application.Forecast;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;

namespace Lodestar.Application.Tests.Forecast;

public sealed class ForecastSavingsTests
{
    private static readonly UnitCostTable Costs = new([new UnitCost(PlacementCategory.Ifa, Period.ReportingYear(2017), 45_000m)]);

    [Fact]
    public void UnitCost_TwoYearsBeyondTheTable_IsTheLastCostInflatedTwice()
    {
        // 45,000 × 1.02 × 1.02 = 46,818.
        var (cost, inflated) = ForecastSavings.UnitCost(Costs, PlacementCategory.Ifa, Period.ReportingYear(2019), 0.02m);

        Assert.Equal(46_818m, cost);
        Assert.True(inflated);
    }

    [Fact]
    public void UnitCost_YearInTheTable_IsItsOwn()
    {
        Assert.Equal((45_000m, false), ForecastSavings.UnitCost(Costs, PlacementCategory.Ifa, Period.ReportingYear(2017), 0.02m));
    }

    [Fact]
    public void UnitCost_YearBeforeTheTable_IsUnknown()
    {
        Assert.Equal((null, false), ForecastSavings.UnitCost(Costs, PlacementCategory.Ifa, Period.ReportingYear(2016), 0.02m));
    }
}
