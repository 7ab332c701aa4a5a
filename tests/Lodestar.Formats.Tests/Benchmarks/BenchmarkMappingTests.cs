using Lodestar.Domain.Performance;
using Lodestar.Formats.Benchmarks;
using Lodestar.Testing;

namespace Lodestar.Formats.Tests.Benchmarks;

public sealed class BenchmarkMappingTests
{
    private const string OneMeasure = """
        statistical_neighbours: sn.csv
        measures:
          - id: rereferrals_12m
            title: Re-referrals
            file: c1.csv
            filters: { category: Referrals and Re-referrals }
            indicator: rereferral_percent
            unit: percent
            polarity: lower
        """;

    [Fact]
    public void Parse_OneMeasure_ReadsEveryField()
    {
        var mapping = BenchmarkMapping.Parse("m.yaml", OneMeasure).Value;

        Assert.Equal("sn.csv", mapping.StatisticalNeighboursFile);
        var measure = Assert.Single(mapping.Measures);
        Assert.Equal("rereferrals_12m", measure.Measure.Id);
        Assert.Equal(Polarity.LowerIsBetter, measure.Measure.Polarity);
        Assert.Equal("percent", measure.Measure.Unit);
        Assert.Equal("c1.csv", measure.File);
        Assert.Equal("Referrals and Re-referrals", measure.Filters["category"]);
        Assert.Equal("rereferral_percent", measure.Indicator);
        Assert.Equal(1m, measure.Scale);
        Assert.Equal(BenchmarkValueFormat.Number, measure.Format);
    }

    [Fact]
    public void Parse_BadPolarityAndMissingIndicator_ListsBothProblemsWhereTheyAre()
    {
        var yaml = OneMeasure.Replace("polarity: lower", "polarity: up", StringComparison.Ordinal)
            .Replace("    indicator: rereferral_percent\n", "", StringComparison.Ordinal);

        var result = BenchmarkMapping.Parse("m.yaml", yaml);

        Assert.False(result.Succeeded);
        Assert.Collection(
            result.Problems,
            // No indicator: placed at the measure's entry (line 3, "- id" at column 5).
            p => Assert.Equal(("m.yaml", 3, "5", null, "measure 1 (rereferrals_12m): 'indicator' is required."), (p.File, p.Line, p.Column, p.Value, p.Message)),
            // The polarity's value, line 8 ("    polarity: up"), column 15.
            p => Assert.Equal(("m.yaml", 8, "15", "up", "measure 1 (rereferrals_12m): 'polarity' must be higher, lower or neither."), (p.File, p.Line, p.Column, p.Value, p.Message)));
    }

    [Fact]
    public void Parse_UnknownKey_NamesTheLine()
    {
        var yaml = OneMeasure + "\n    colour: red\n";

        var problem = Assert.Single(BenchmarkMapping.Parse("m.yaml", yaml).Problems);

        Assert.Equal(("m.yaml", 10, "5"), (problem.File, problem.Line, problem.Column));
        Assert.Contains("colour", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateId_IsRefused()
    {
        var yaml = OneMeasure + OneMeasure[OneMeasure.IndexOf("  - id", StringComparison.Ordinal)..].Insert(0, "\n");

        var problem = Assert.Single(BenchmarkMapping.Parse("m.yaml", yaml).Problems);

        // The second entry's id, line 10 ("  - id: rereferrals_12m"), column 9.
        Assert.Equal(("m.yaml", 10, "9", "rereferrals_12m"), (problem.File, problem.Line, problem.Column, problem.Value));
        Assert.Contains("listed twice", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RateOfAnUnknownMeasure_IsRefused()
    {
        var yaml = OneMeasure + "\n    per_10k_of: population_0_17\n";

        var problem = Assert.Single(BenchmarkMapping.Parse("m.yaml", yaml).Problems);

        Assert.Equal(("m.yaml", 10, "17", "population_0_17"), (problem.File, problem.Line, problem.Column, problem.Value));
        Assert.Contains("'per_10k_of' must name another measure", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BrokenYaml_IsAProblemWithLineAndColumn()
    {
        var yaml = "measures:\n  - { id: m, file: f.csv\n  - id: n\n";

        var result = BenchmarkMapping.Parse("m.yaml", yaml);

        var problem = Assert.Single(result.Problems);
        Assert.False(result.Succeeded);
        Assert.Equal("m.yaml", problem.File);
        Assert.True(problem.Line > 1, $"line {problem.Line}");
        Assert.NotNull(problem.Column);
        Assert.StartsWith("not a valid mapping: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoMeasures_IsAProblemNamingTheFile()
    {
        var problem = Assert.Single(BenchmarkMapping.Parse("m.yaml", "statistical_neighbours: sn.csv\n").Problems);

        Assert.Equal(("m.yaml", 0), (problem.File, problem.Line));
        Assert.Contains("no measures", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_IsAProblemNotAnException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lodestar-no-mapping-{Guid.NewGuid():N}.yaml");

        var problem = Assert.Single(BenchmarkMapping.Load(path).Problems);

        Assert.Equal((path, 0), (problem.File, problem.Line));
        Assert.StartsWith("the mapping cannot be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedMapping_IsValidAndCoversTheCatalogueMeasures()
    {
        var mapping = BenchmarkMapping.Load(DfeBenchmarkFiles.Mapping()).Value;

        var ids = mapping.Measures.Select(m => m.Measure.Id).ToHashSet();
        string[] expected =
        [
            "cla_rate_per_10k", "cla_started", "cla_ceased", "cla_placements_3plus", "cla_long_term_stability",
            "rereferrals_12m", "cin_at_end", "cpp_subsequent", "cpp_at_end", "care_leavers_eet_19_21",
            "care_leavers_eet_17_18", "care_leavers_suitable_accom_19_21", "care_leavers_suitable_accom_17_18",
            "sw_turnover_rate", "sw_agency_rate", "sw_vacancy_rate", "sw_caseload_average", "cin_rate_per_10k",
            "cpp_rate_per_10k", "referrals_rate_per_10k",
        ];
        Assert.All(expected, id => Assert.Contains(id, ids));
        Assert.Equal("sn_model_2025_wide.csv", mapping.StatisticalNeighboursFile);
    }
}
