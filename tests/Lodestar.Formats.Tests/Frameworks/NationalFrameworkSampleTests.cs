using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Frameworks;
using Lodestar.Formats.Benchmarks;
using Lodestar.Formats.Frameworks;
using Lodestar.Metrics.Kpis;
using Lodestar.Testing;

namespace Lodestar.Formats.Tests.Frameworks;

/// <summary>
/// samples/frameworks/national-framework.yaml against the DfE dashboard's list of indicators
/// (summary_page_metadata.csv: 4 outcomes and 2 enablers; indicators numbered 1–68, of which 59–62 are
/// counts of councils, held as one measure), and samples/benchmarks/national-framework against the
/// published figures, read by hand from the CSVs (each expected value names its row).
/// </summary>
public sealed class NationalFrameworkSampleTests
{
    private static readonly Lazy<Framework> Sample = new(() =>
    {
        var result = FrameworkYaml.ReadFile(Repository.File("samples", "frameworks", "national-framework.yaml"));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Value!;
    });

    private static readonly Lazy<BenchmarkReadResult> Figures = new(() =>
    {
        var folder = Path.GetDirectoryName(Repository.File("samples", "benchmarks", "national-framework", "mapping.yaml"))!;
        return DfeBenchmarkReader.Read(folder, BenchmarkMapping.Load(Path.Combine(folder, "mapping.yaml")).Value);
    });

    [Fact]
    public void Sample_FollowsTheDashboardOrder_FourOutcomesTwoEnablersAndEveryIndicator()
    {
        var framework = Sample.Value;

        Assert.Equal(["outcome", "outcome", "outcome", "outcome", "enabler", "enabler"], framework.Nodes.Select(n => n.Kind));
        var numbers = framework.Flatten().SelectMany(n => n.Node.MeasureIds)
            .Select(id => framework.Measures.Single(m => m.Id == id).Number!)
            .ToList();
        var expected = Enumerable.Range(1, 58).Select(n => $"NF {n}").Append("NF 59-62").Concat(Enumerable.Range(63, 6).Select(n => $"NF {n}"));
        Assert.Equal(expected, numbers);
    }

    [Fact]
    public void Sample_ComputedIndicators_AreTheThirtyNineTheReturnsGiveEachAKpiOfTheCatalogue()
    {
        var computed = Sample.Value.Measures.Where(m => m.Source.Kind == MeasureSourceKind.Kpi).ToList();

        // NF 1–6, 23, 24, 26–42 (17 factors), 43–55, 67: 6 + 2 + 17 + 13 + 1.
        Assert.Equal(39, computed.Count);
        Assert.All(computed, m =>
        {
            var kpi = Assert.Single(KpiCatalog.All, k => k.Id == m.Source.Reference);
            Assert.Equal(kpi.Unit, m.Unit);
        });
    }

    [Fact]
    public void Sample_EveryComputedIndicator_HasTheDfesPublishedFiguresInOneOfTheMappings()
    {
        var main = BenchmarkMapping.Load(DfeBenchmarkFiles.Mapping()).Value.Measures.Select(m => m.Measure.Id);
        var national = Figures.Value.Import.Measures.Select(m => m.Id);
        var benchmarked = main.Concat(national).ToHashSet(StringComparer.Ordinal);

        Assert.All(Sample.Value.Measures.Where(m => m.Source.Kind == MeasureSourceKind.Kpi), m => Assert.Contains(m.Source.Reference, benchmarked));
    }

    [Fact]
    public void NationalFrameworkFigures_ReadWithoutProblems_AsPublished()
    {
        var result = Figures.Value;
        Assert.Empty(result.Problems);

        decimal? Value(string measure, int year, GeographicLevel level, string code) =>
            Assert.Single(result.Import.Observations, o => o.MeasureId == measure && o.Year == year && o.Level == level && o.AreaCode == code).Value.Number;

        // assessment_factors.csv: 2025,National,National,,,Neglect,74 and 2025,Local authority,Cambridgeshire,873,E10000003,Neglect,69
        Assert.Equal(74m, Value("factor_neglect_rate_per_10k", 2025, GeographicLevel.National, "E92000001"));
        Assert.Equal(69m, Value("factor_neglect_rate_per_10k", 2025, GeographicLevel.LocalAuthority, "873"));
        // placement_data.csv: 2025,National,National,,,Placement,Foster placements,67
        Assert.Equal(67m, Value("cla_in_foster_care", 2025, GeographicLevel.National, "E92000001"));
        // duration_cpp.csv: 2025,Regional,North East,,1.0
        Assert.Equal(1.0m, Value("cpp_2y_plus_at_end", 2025, GeographicLevel.Regional, "E12000001"));
        // placement_order_match_data.csv: 2025,National,National,Total (all ages),00:10 — 10 months × 30.4375 days = 304.375, to 0 places.
        Assert.Equal(304m, Value("adoption_decision_to_match_days", 2025, GeographicLevel.National, "E92000001"));
        // Cambridgeshire's region comes from the council list (the file has no region_code): East of England.
        Assert.Equal("E12000006", result.Import.Observations.First(o => o.AreaCode == "873").RegionCode);
    }
}
