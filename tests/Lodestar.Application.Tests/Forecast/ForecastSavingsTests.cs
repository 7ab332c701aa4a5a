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

    [Fact]
    public void ByObjective_PlacementTypes_SumTheirForecastSavingsAndTheRestAreNotMeasured()
    {
        var year = Period.ReportingYear(2017);
        ObjectiveSavings Objective(string name, decimal planK, params PlacementCategory[] types) =>
            new() { Objective = name, PlacementTypes = types, ValuesK = new Dictionary<Period, decimal> { [year] = planK } };
        var plan = new SavingsPlan
        {
            Id = "p", Title = "P", Years = [year],
            ByObjective =
            [
                Objective("Step down from residential", -500m, PlacementCategory.Residential, PlacementCategory.Ifa),
                Objective("Kinship", -100m, PlacementCategory.Kinship),
                Objective("Adoption", -50m, PlacementCategory.Adoption),
                Objective("Inflation", -132m),
            ],
        };
        // Residential: 2 fewer 52-week placements at £200,000 = −£400,000; IFA 1.5 more at £45,000 = +£67,500;
        // kinship had no placements in the year or the baseline (not listed: 0); adoption has no unit cost.
        var forecast = new ForecastSavingsResult(year, new DateOnly(2016, 9, 30), Period.ReportingYear(2016), 0.02m,
        [
            new ForecastCategorySavings(PlacementCategory.Residential, 6m, 2m, 4m, 200_000m, false, 800_000m, -400_000m),
            new ForecastCategorySavings(PlacementCategory.Ifa, 10m, 5m, 11.5m, 45_000m, false, 517_500m, 67_500m),
            new ForecastCategorySavings(PlacementCategory.Adoption, 1m, 1m, 2m, null, false, null, null),
        ]);

        var lines = ForecastSavings.ByObjective(plan, forecast);

        // (−400,000 + 67,500) ÷ 1,000 = −332.5 £k.
        Assert.Equal(
            [
                new ForecastObjectiveSavings("Step down from residential", null, -500m, -332.5m),
                new ForecastObjectiveSavings("Kinship", null, -100m, 0m),
                new ForecastObjectiveSavings("Adoption", null, -50m, null),
                new ForecastObjectiveSavings("Inflation", null, -132m, null),
            ],
            lines);
    }
}
