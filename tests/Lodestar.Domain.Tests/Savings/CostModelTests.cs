using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;

namespace Lodestar.Domain.Tests.Savings;

public sealed class CostModelTests
{
    private static readonly UnitCostTable Costs = new(
    [
        new UnitCost(PlacementCategory.Ifa, Period.ParseFinancialYear("2016/17"), 45_000m),
        new UnitCost(PlacementCategory.Residential, Period.ParseFinancialYear("2016/17"), 170_000m),
        new UnitCost(PlacementCategory.Ifa, Period.ParseFinancialYear("2015/16"), 44_000m),
    ]);

    private static readonly PlacementActuals Baseline = new(
        new(2015, 4, 1), new(2016, 3, 31),
        new Dictionary<PlacementCategory, decimal> { [PlacementCategory.Ifa] = 160m, [PlacementCategory.Residential] = 12m });

    [Fact]
    public void Compute_WholeYear_SpendAndSavingsAtTheYearsUnitCost()
    {
        var year = new PlacementActuals(
            new(2016, 4, 1), new(2017, 3, 31),
            new Dictionary<PlacementCategory, decimal> { [PlacementCategory.Ifa] = 150m, [PlacementCategory.Residential] = 10m });

        var result = CostModel.Compute(year, Baseline, Costs);

        // IFA: 150 × 45,000 = 6,750,000; saving (150 − 160) × 45,000 = −450,000.
        // Residential: 10 × 170,000 = 1,700,000; saving (10 − 12) × 170,000 = −340,000.
        var ifa = result.Categories.Single(c => c.Category == PlacementCategory.Ifa);
        Assert.Equal((6_750_000m, -450_000m, 150m), (ifa.ActualSpend, ifa.DeliveredSavings, ifa.Forecast52Wk));
        Assert.Equal(8_450_000m, result.ActualSpend);
        Assert.Equal(-790_000m, result.DeliveredSavings);
        Assert.Equal(result.DeliveredSavings, result.ForecastSavings);
        Assert.Equal(("2016/17", "2015/16"), (result.Year.ToFinancialYearLabel(), result.BaselineYear.ToFinancialYearLabel()));
    }

    [Fact]
    public void Compute_HalfYear_ForecastsTheYearFromTheRunRate()
    {
        // 1 April – 30 September 2016 is 183 of the year's 365 days. 73.2 = 146 × 183 ÷ 365.
        var ytd = new PlacementActuals(
            new(2016, 4, 1), new(2016, 9, 30),
            new Dictionary<PlacementCategory, decimal> { [PlacementCategory.Ifa] = 73.2m });

        var result = CostModel.Compute(ytd, Baseline, Costs);

        var ifa = result.Categories.Single(c => c.Category == PlacementCategory.Ifa);
        Assert.Equal(146m, ifa.Forecast52Wk);
        Assert.Equal(73.2m * 45_000m, ifa.ActualSpend);
        Assert.Equal(6_570_000m, ifa.ForecastSpend);
        // Forecast saving: (146 − 160) × 45,000 = −630,000.
        Assert.Equal(-630_000m, ifa.ForecastSavings);
        // Delivered so far: (73.2 − 160 × 183 ÷ 365) × 45,000 = (73.2 − 80.219178…) × 45,000 = −315,863.01.
        Assert.Equal(-315_863.01m, ifa.DeliveredSavings);
        // Residential: none this year, 12 in the baseline: 12 × 183 ÷ 365 × 170,000 = 1,022,794.52… saved so far.
        var residential = result.Categories.Single(c => c.Category == PlacementCategory.Residential);
        Assert.Equal((-1_022_794.52m, -2_040_000m), (residential.DeliveredSavings, residential.ForecastSavings));
    }

    [Fact]
    public void Compute_GeneratedWholeYears_SavingsAreTheChangeInPlacementsTimesUnitCost()
    {
        // Generated data, fixed seed: for whole years the model reduces to Σ (this year − baseline) × unit cost.
        var random = new Random(20161);
        var categories = Enum.GetValues<PlacementCategory>();
        var costs = new UnitCostTable(categories.Select(c => new UnitCost(c, Period.ParseFinancialYear("2016/17"), random.Next(5_000, 250_000))));
        for (var run = 0; run < 50; run++)
        {
            var baseline = categories.ToDictionary(c => c, _ => Math.Round((decimal)random.NextDouble() * 200m, 2));
            var year = categories.ToDictionary(c => c, _ => Math.Round((decimal)random.NextDouble() * 200m, 2));

            var result = CostModel.Compute(
                new PlacementActuals(new(2016, 4, 1), new(2017, 3, 31), year),
                new PlacementActuals(new(2015, 4, 1), new(2016, 3, 31), baseline),
                costs);

            var expected = categories.Sum(c => (year[c] - baseline[c]) * costs.Find(c, Period.ParseFinancialYear("2016/17"))!.Value);
            Assert.Equal(expected, result.DeliveredSavings);
            Assert.Equal(expected, result.ForecastSavings);
            Assert.Equal(categories.Sum(c => year[c] * costs.Find(c, Period.ParseFinancialYear("2016/17"))!.Value), result.ActualSpend);
            Assert.Equal(result.ActualSpend, result.ForecastSpend);
        }
    }

    [Fact]
    public void Compute_CategoryWithoutUnitCost_IsListedNotCosted()
    {
        var year = new PlacementActuals(
            new(2016, 4, 1), new(2017, 3, 31),
            new Dictionary<PlacementCategory, decimal> { [PlacementCategory.Ifa] = 150m, [PlacementCategory.Kinship] = 30m });

        var result = CostModel.Compute(year, Baseline, Costs);

        Assert.Equal([PlacementCategory.Kinship], result.MissingUnitCosts);
        Assert.DoesNotContain(result.Categories, c => c.Category == PlacementCategory.Kinship);
    }

    [Fact]
    public void Compute_BaselineNotAWholeYear_IsRefused()
    {
        var part = new PlacementActuals(new(2015, 4, 1), new(2015, 9, 30), new Dictionary<PlacementCategory, decimal>());

        Assert.Throws<ArgumentException>(() => CostModel.Compute(part, part, Costs));
    }

    [Fact]
    public void PlacementActuals_PeriodAcrossYearEnd_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new PlacementActuals(new(2016, 3, 1), new(2016, 4, 30), new Dictionary<PlacementCategory, decimal>()));
    }

    [Fact]
    public void UnitCostTable_SameCategoryAndYearTwice_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new UnitCostTable([new(PlacementCategory.Ifa, Period.ParseFinancialYear("2016/17"), 1m), new(PlacementCategory.Ifa, Period.ParseFinancialYear("2016/17"), 2m)]));
    }

    [Fact]
    public void UnitCost_PeriodThatIsNotAReportingYear_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new UnitCost(PlacementCategory.Ifa, Period.Quarter(2017, 1), 1m));
    }

    [Fact]
    public void SavingsReport_WithCostModel_ShowsPlanDeliveredAndForecastByObjectiveAndPlacementType()
    {
        var plan = new SavingsPlan
        {
            Id = "p",
            Title = "P",
            Years = [Period.ParseFinancialYear("2016/17"), Period.ParseFinancialYear("2017/18")],
            ByObjective =
            [
                new ObjectiveSavings { Objective = "Fewer IFA placements", BpReference = "A/R.1", PlacementTypes = [PlacementCategory.Ifa], ValuesK = new Dictionary<Period, decimal> { [Period.ParseFinancialYear("2016/17")] = -500m, [Period.ParseFinancialYear("2017/18")] = -100m } },
                new ObjectiveSavings { Objective = "Inflation", ValuesK = new Dictionary<Period, decimal> { [Period.ParseFinancialYear("2016/17")] = -50m } },
            ],
            ByPlacementType =
            [
                new PlacementTypeSavings { PlacementType = PlacementCategory.Residential, Label = "Residential homes", BpSavingsK = -200m },
                new PlacementTypeSavings { PlacementType = PlacementCategory.Residential, Label = "Residential - disability", BpSavingsK = -50m, BudgetTransfersK = -25m },
            ],
        };
        var year = new PlacementActuals(
            new(2016, 4, 1), new(2017, 3, 31),
            new Dictionary<PlacementCategory, decimal> { [PlacementCategory.Ifa] = 150m, [PlacementCategory.Residential] = 10m });

        var report = SavingsReport.Build(plan, CostModel.Compute(year, Baseline, Costs));

        var first = report.Years[0];
        Assert.Equal(new SavingsLine("Fewer IFA placements", "A/R.1", -500m, -450m, -450m), first.ByObjective[0]);
        Assert.Equal(new SavingsLine("Inflation", null, -50m, null, null), first.ByObjective[1]);
        Assert.Equal(new SavingsLine("Total", null, -550m, -790m, -790m), first.Total);
        Assert.Equal(new SavingsLine("Residential homes; Residential - disability", "Residential", -275m, -340m, -340m), Assert.Single(first.ByPlacementType));
        var second = report.Years[1];
        Assert.Equal(new SavingsLine("Total", null, -100m, null, null), second.Total);
        Assert.Empty(second.ByPlacementType);
        Assert.Equal([Period.ParseFinancialYear("2017/18")], SavingsReport.Build(plan, onlyYear: Period.ParseFinancialYear("2017/18")).Years.Select(y => y.Year));
    }
}
