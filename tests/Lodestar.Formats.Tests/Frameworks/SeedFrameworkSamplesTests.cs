using Lodestar.Domain.Frameworks;
using Lodestar.Formats.Frameworks;
using Lodestar.Testing;

namespace Lodestar.Formats.Tests.Frameworks;

/// <summary>
/// The seed documents encoded as framework samples (samples/frameworks/) hold what the seeds hold.
/// Expected counts are read from the seeds themselves (../shared/seeds/001–003), not from the files.
/// </summary>
public sealed class SeedFrameworkSamplesTests
{
    private static Framework Load(string name)
    {
        var result = FrameworkYaml.ReadFile(Repository.File("samples", "frameworks", name));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Value!;
    }

    private static int Count(Framework framework, string kind) => framework.Flatten().Count(n => n.Node.Kind == kind);

    [Fact]
    public void Seed003_AppendixH_Holds44NumberedKpisAnd64Pis()
    {
        var schedule = Load("childrens-trust-kpi-schedule.yaml");

        // Appendix H: 33 contractual KPIs, 11 "still for discussion" (numbered 1–44), then 64 non-contractual PIs.
        Assert.Equal(33, schedule.Measures.Count(m => m.Contractual == ContractualStatus.Contractual));
        Assert.Equal(11, schedule.Measures.Count(m => m.Contractual == ContractualStatus.ForDiscussion));
        Assert.Equal(64, schedule.Measures.Count(m => m.Contractual == ContractualStatus.NonContractual));
        Assert.Equal(108, schedule.Measures.Select(m => m.Number).Distinct().Count());
        Assert.All(schedule.Measures, m => Assert.False(string.IsNullOrWhiteSpace(m.Forum), $"{m.Number} has a monitoring forum"));
    }

    [Fact]
    public void Seed003_AppendixH_LinksComputedKpisAndListsTheRest()
    {
        var schedule = Load("childrens-trust-kpi-schedule.yaml");

        var linked = schedule.Measures.Where(m => m.Source.Kind == MeasureSourceKind.Kpi).ToList();

        // The coverage report (docs/coverage.md): some lines are computed from the returns, the rest are entered.
        Assert.NotEmpty(linked);
        Assert.Contains(linked, m => m.Source.Reference == "cla_placements_3plus");
        Assert.Equal(108, linked.Count + schedule.Measures.Count(m => m.Source.Kind == MeasureSourceKind.Values));
        // 36 lines from the 903 and the CIN census, 19 from the Annex A lists (docs/coverage.md counts them).
        Assert.Equal(55, linked.Count);
        Assert.Equal(19, linked.Count(m => m.Source.Reference.StartsWith("annexa_", StringComparison.Ordinal)));
        Assert.Contains(linked, m => m.Number == "KPI 4" && m.Source.Reference == "cpp_2y_plus_at_end");
        Assert.Contains(linked, m => m.Number == "PI 32" && m.Source.Reference == "cin_open_fgm");
        Assert.All(linked, m => Assert.NotNull(Lodestar.Metrics.Kpis.KpiCatalog.Find(m.Source.Reference)));
    }

    [Fact]
    public void Seed001_OutcomesFramework_HasFourThemesWithTaggedIntentions()
    {
        var framework = Load("leics-cfs-outcomes-2016-17.yaml");

        Assert.Equal(4, framework.Nodes.Count(n => n.Kind == "theme"));
        var intentions = framework.Flatten().SelectMany(n => n.Node.Intentions).ToList();
        Assert.NotEmpty(intentions);
        Assert.Equal(["continuum", "priority"], framework.TagSets.Select(t => t.Id).Order());
        Assert.Equal(["DELAY", "MEET", "PREVENT", "REDUCE"], framework.TagSets.Single(t => t.Id == "continuum").Tags.Select(t => t.Id).Order());
        Assert.Equal(6, framework.TagSets.Single(t => t.Id == "priority").Tags.Count);
    }

    [Fact]
    public void Seed002_CouncilFramework_HasFiveStrategicOutcomesAndEightEnablers()
    {
        var framework = Load("council-outcomes-framework.yaml");

        Assert.Equal(5, framework.Nodes.Count(n => n.Kind != "enabler"));
        Assert.Equal(8, Count(framework, "enabler"));
        Assert.Contains(framework.Measures, m => m.Status == MeasureStatus.InDevelopment);
        Assert.Contains(framework.Measures, m => m.Responsibility == Responsibility.Primary);
    }
}
