using Lodestar.Domain.Savings;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Records;
using Lodestar.Metrics.Savings;

namespace Lodestar.Metrics.Tests.Savings;

public sealed class PlacementActualsFromReturnsTests
{
    [Fact]
    public void Compute_HalfYearInAgencyFostering_GivesDaysOver364InTheIfaCategory()
    {
        // IFA (U5 with PR4) from 1 Jan 2024, still open: 1 Apr–30 Sep 2024 is 183 days, 183 / 364 = 0.50275 placements.
        // Residential (K2) 1 Apr–30 Jun 2024 then home: 91 days, 0.25 placements.
        var data = new Ssda903Builder("E10000003")
            .Episode("C1", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U5", provider: "PR4")
            .Episode("C2", decom: new(2024, 4, 1), rne: "S", ls: "C2", place: "K2", provider: "PR4", dec: new(2024, 7, 1), rec: "E4A")
            .Build();

        var actuals = PlacementActualsFromReturns.Compute(new KpiEngine(), KpiDataset.Of(data), new(2024, 4, 1), new(2024, 9, 30));

        Assert.Equal(183m / 364m, actuals.Of(PlacementCategory.Ifa), 6);
        Assert.Equal(0.25m, actuals.Of(PlacementCategory.Residential), 6);
        Assert.Equal(0m, actuals.Of(PlacementCategory.InHouseFostering));
        Assert.Equal("2024/25", actuals.Year.ToFinancialYearLabel());
    }

    [Fact]
    public void Categories_EveryKpiCategory_HasASavingsCategory()
    {
        Assert.Equal(KpiCatalog.PlacementCategories.Order(StringComparer.Ordinal), PlacementActualsFromReturns.Categories.Keys.Order(StringComparer.Ordinal));
    }
}
