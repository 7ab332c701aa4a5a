using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Tests.Kpis;

public sealed class KpiInputsTests
{
    [Fact]
    public void ForPeriodEnding_MonthInOctober2024_UsesTheMid2023Estimate()
    {
        var population = new PopulationEstimates().Add("E10000003", 2023, 100).Add("E10000003", 2024, 200);

        Assert.Equal(100, population.ForPeriodEnding("E10000003", new DateOnly(2024, 10, 31)));
        Assert.Equal(200, population.ForPeriodEnding("E10000003", new DateOnly(2025, 3, 31)));
        Assert.Null(population.ForPeriodEnding("E09000001", new DateOnly(2025, 3, 31)));
    }

    [Fact]
    public void KpiDataset_DataOfAnotherCouncil_Throws()
    {
        var cla = new Ssda903Builder("E10000003").Build();

        Assert.Throws<ArgumentException>(() => new KpiDataset("E09000001", cla, null));
    }

    [Fact]
    public void Compute_KpiSubset_GivesOnlyThoseInCatalogueOrder()
    {
        var cla = new Ssda903Builder("E10000003").Build();

        var results = new KpiEngine().Compute(KpiDataset.Of(cla), [Period.ReportingYear(2025)], ["cla_started", "cla_at_end"]);

        Assert.Equal(["cla_at_end", "cla_started"], results.Select(r => r.Kpi));
        Assert.All(results, r => Assert.Equal(0, r.Value));
    }

    [Fact]
    public void Compute_UnknownKpi_Throws()
    {
        var cla = new Ssda903Builder("E10000003").Build();

        Assert.Throws<ArgumentException>(() => new KpiEngine().Compute(KpiDataset.Of(cla), [Period.ReportingYear(2025)], ["nope"]));
    }
}
