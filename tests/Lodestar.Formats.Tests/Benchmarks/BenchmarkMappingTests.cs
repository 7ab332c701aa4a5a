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
        var mapping = BenchmarkMapping.Parse("m.yaml", OneMeasure);

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
    public void Parse_BadPolarityAndMissingIndicator_ListsBothProblems()
    {
        var yaml = OneMeasure.Replace("polarity: lower", "polarity: up", StringComparison.Ordinal)
            .Replace("    indicator: rereferral_percent\n", "", StringComparison.Ordinal);

        var error = Assert.Throws<BenchmarkInputException>(() => BenchmarkMapping.Parse("m.yaml", yaml));

        Assert.Contains("'polarity' must be higher, lower or neither, not 'up'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'indicator' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_NamesTheLine()
    {
        var yaml = OneMeasure + "\n    colour: red\n";

        var error = Assert.Throws<BenchmarkInputException>(() => BenchmarkMapping.Parse("m.yaml", yaml));

        Assert.StartsWith("m.yaml line 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateId_IsRefused()
    {
        var yaml = OneMeasure + OneMeasure[OneMeasure.IndexOf("  - id", StringComparison.Ordinal)..].Insert(0, "\n");

        var error = Assert.Throws<BenchmarkInputException>(() => BenchmarkMapping.Parse("m.yaml", yaml));

        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RateOfAnUnknownMeasure_IsRefused()
    {
        var yaml = OneMeasure + "\n    per_10k_of: population_0_17\n";

        var error = Assert.Throws<BenchmarkInputException>(() => BenchmarkMapping.Parse("m.yaml", yaml));

        Assert.Contains("'per_10k_of' must name another measure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedMapping_IsValidAndCoversTheCatalogueMeasures()
    {
        var mapping = BenchmarkMapping.Load(DfeBenchmarkFiles.Mapping());

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
