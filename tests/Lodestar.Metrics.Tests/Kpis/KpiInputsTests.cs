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
    public void Compute_PeriodsBeforeBetweenAndAfterTheReturns_AreNoDataNeverZero()
    {
        // Returns for 2022/23 and 2024/25 only; C1 in care from 1 May 2022 throughout.
        var builder = new Ssda903Builder("E10000003");
        var y2023 = builder.AddFile(new SourceFile("episodes_2023.csv", "903 Episodes CSV", 2023));
        var y2025 = builder.AddFile(new SourceFile("episodes_2025.csv", "903 Episodes CSV", 2025));
        builder.Episode("C1", decom: new(2022, 5, 1), rne: "S", ls: "C2", place: "U4", at: new(y2023, 2))
            .Episode("C1", decom: new(2022, 5, 1), rne: "S", ls: "C2", place: "U4", at: new(y2025, 2));
        var dataset = KpiDataset.Of(builder.Build());
        Period[] periods =
        [
            Period.ReportingYear(2022), // before the returns begin
            Period.ReportingYear(2023),
            Period.ReportingYear(2024), // no 2023/24 return
            Period.ReportingYear(2025),
            Period.Month(2025, 4), // after they end
            Period.Rolling12(2024, 12), // half in 2023/24, half in 2024/25
        ];

        var results = new KpiEngine().Compute(dataset, periods, ["cla_at_end"]);

        Assert.Equal([null, 1, null, 1, null, null], results.Select(r => r.Value));
        Assert.All(results.Where(r => r.Value is null), r => Assert.Equal((null, null), (r.Numerator, r.Denominator)));
    }

    [Fact]
    public void Compute_RecordsBuiltWithoutFiles_CoverAnyPeriod()
    {
        var cla = new Ssda903Builder("E10000003").Episode("C1", decom: new(2022, 5, 1), rne: "S", ls: "C2", place: "U4").Build();

        var result = new KpiEngine().Compute(KpiDataset.Of(cla), [Period.ReportingYear(2019)], ["cla_at_end"]).Single();

        Assert.Equal(0, result.Value);
    }

    [Fact]
    public void Compute_UnknownKpi_Throws()
    {
        var cla = new Ssda903Builder("E10000003").Build();

        Assert.Throws<ArgumentException>(() => new KpiEngine().Compute(KpiDataset.Of(cla), [Period.ReportingYear(2025)], ["nope"]));
    }
}
