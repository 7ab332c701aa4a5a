using Lodestar.Domain.Periods;
using Lodestar.Formats.Population;
using Lodestar.Formats.Tests.Generation;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Formats.Tests.Integration;

/// <summary>
/// Asking for some KPIs does only their part of a family's sweep (issue 14): whatever is asked, each result
/// must be the one the whole catalogue gives. Generated returns (the assembly's small councils), read by the
/// product's loader, over months, reporting years and a three-year span.
/// </summary>
public sealed class KpiSelectionTests(SmallCouncils generated)
{
    private static readonly Lock Gate = new();
    private static Catalogue? _catalogue;

    public static TheoryData<string> EveryKpi => new(KpiCatalog.All.Select(k => k.Id));

    public static TheoryData<string[]> SomeKpis => new(
        ["cla_at_end", "rereferrals_12m", "cpp_subsequent"],
        ["cla_placements_3plus"],
        ["cla_health_check", "care_leavers_eet_17_18", "placements_52wk_by_type"],
        ["adoption_a2_days", "adoption_decision_to_match_days", "cpp_by_category", "icpc_in_15_days"]);

    [Theory]
    [MemberData(nameof(EveryKpi))]
    public void Compute_OneKpiAsked_GivesTheWholeCataloguesResults(string kpi)
    {
        var catalogue = Load();

        var alone = catalogue.Engine.Compute(catalogue.Dataset, catalogue.Periods, [kpi]);

        Assert.NotEmpty(alone);
        Assert.Equal(catalogue.All.Where(r => r.Kpi == kpi), alone);
    }

    [Theory]
    [MemberData(nameof(SomeKpis))]
    public void Compute_SomeKpisAsked_GivesTheWholeCataloguesResults(string[] kpis)
    {
        var catalogue = Load();

        var some = catalogue.Engine.Compute(catalogue.Dataset, catalogue.Periods, kpis);

        Assert.Equal(catalogue.All.Where(r => kpis.Contains(r.Kpi)), some);
    }

    [Fact]
    public void Compute_TheGeneratedCouncil_HasValuesInEveryFamily()
    {
        // Guards the comparisons above against passing on empty data: the families' KPIs have values to compare.
        var all = Load().All;

        Assert.Contains(all, r => r.Kpi == "cla_placements_3plus" && r.Value > 0);
        Assert.Contains(all, r => r.Kpi == "rereferrals_12m" && r.Value > 0);
        Assert.Contains(all, r => r.Kpi == "cla_health_check" && r.Value > 0);
        Assert.Contains(all, r => r.Kpi == "cla_rate_per_10k" && r.Value > 0);
    }

    private Catalogue Load()
    {
        lock (Gate)
        {
            return _catalogue ??= new Catalogue(generated);
        }
    }

    private sealed class Catalogue
    {
        public Catalogue(SmallCouncils generated)
        {
            var loaded = StatutoryDataLoader.Load([Path.Combine(generated.Folder, generated.FirstCouncil)]);
            Dataset = KpiDataset.Of(loaded.Councils.Single());
            Engine = new KpiEngine(new KpiOptions { Population = PopulationCsvReader.ReadFile(Path.Combine(generated.Folder, "population.csv")) });
            Periods =
            [
                .. Period.Series(PeriodKind.Month, new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)),
                Period.ReportingYear(2023),
                Period.ReportingYear(2024),
                Period.ReportingYear(2025),
                Period.ReportingYear(2026),
                Period.Between(new DateOnly(2022, 4, 1), new DateOnly(2025, 3, 31)),
            ];
            All = Engine.Compute(Dataset, Periods);
        }

        public KpiDataset Dataset { get; }

        public KpiEngine Engine { get; }

        public Period[] Periods { get; }

        public IReadOnlyList<KpiResult> All { get; }
    }
}
