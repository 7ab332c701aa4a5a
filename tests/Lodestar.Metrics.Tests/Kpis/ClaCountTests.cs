using Lodestar.Domain.Frameworks;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Records;
using static Lodestar.Metrics.Tests.Kpis.KpiTestRun;

namespace Lodestar.Metrics.Tests.Kpis;

public sealed class ClaCountTests
{
    [Fact]
    public void ClaAtEnd_EpisodeEndingOnTheLastDay_IsNotLookedAfterAtTheEnd()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2025, 3, 31), rec: "E13")
            .Build();

        Assert.Equal(0, Value("cla_at_end", data, Year2025));
    }

    [Fact]
    public void ClaAtEnd_EpisodeEndingTheDayAfter_IsLookedAfterAtTheEnd()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2025, 4, 1), rec: "E13")
            .Build();

        Assert.Equal(1, Value("cla_at_end", data, Year2025));
    }

    [Fact]
    public void ClaAtEnd_EpisodeStartingOnTheLastDay_IsLookedAfterAtTheEnd()
    {
        var data = Cla()
            .Episode("C1", decom: new(2025, 3, 31), rne: "S", ls: "L2", place: "U4", provider: "PR1")
            .Build();

        Assert.Equal(1, Value("cla_at_end", data, Year2025));
    }

    [Fact]
    public void ClaAtEnd_ShortBreaksV3AndV4_AreLeftOut()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "V3", place: "U4", provider: "PR1")
            .Episode("C2", decom: new(2024, 5, 1), rne: "S", ls: "V4", place: "K2", provider: "PR1")
            .Episode("C3", decom: new(2024, 5, 1), rne: "S", ls: "V2", place: "U4", provider: "PR1")
            .Build();

        Assert.Equal(1, Value("cla_at_end", data, Year2025));
    }

    [Fact]
    public void ClaAtEnd_BlankDecom_IsLeftOutAndExplained()
    {
        var data = Cla()
            .Episode("C1", decom: null, rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        Assert.Equal(0, Value("cla_at_end", data, Year2025));
        var reasons = new KpiEngine().ExplainChild("cla_at_end", KpiDataset.Of(data), Year2025, "C1");
        Assert.Contains(reasons, r => r.Contains("missing or invalid DECOM", StringComparison.Ordinal));
    }

    [Fact]
    public void ClaAtEnd_InvalidOrReversedDec_IsLeftOut()
    {
        var data = new Lodestar.Metrics.Records.Ssda903Builder("E10000003")
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 4, 1), rec: "E13")
            .Build();

        Assert.Equal(0, Value("cla_at_end", data, Year2025));
        Assert.Equal(0, Value("cla_started", data, Year2025));
    }

    [Fact]
    public void ClaAtEnd_SameChildIdInTwoCouncils_CountsOncePerCouncil()
    {
        var first = new Lodestar.Metrics.Records.Ssda903Builder("E10000003")
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();
        var second = new Lodestar.Metrics.Records.Ssda903Builder("E09000001")
            .Episode("C1", decom: new(2024, 6, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 7, 1), rec: "E13")
            .Build();
        var engine = new KpiEngine();

        var a = engine.Compute("cla_at_end", KpiDataset.Of(first), Year2025).Single();
        var b = engine.Compute("cla_at_end", KpiDataset.Of(second), Year2025).Single();

        Assert.Equal(("E10000003", 1.0), (a.Council, a.Value!.Value));
        Assert.Equal(("E09000001", 0.0), (b.Council, b.Value!.Value));
    }

    [Fact]
    public void ClaStarted_StartOnTheFirstDay_CountsAndDayBeforeDoesNot()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 4, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Episode("C2", decom: new(2024, 3, 31), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        Assert.Equal(1, Value("cla_started", data, Year2025));
    }

    [Fact]
    public void ClaStarted_NewEpisodeWithRneP_IsNotAStart()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 6, 1), rec: "X1")
            .Episode("C1", decom: new(2024, 6, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4")
            .Build();

        Assert.Equal(0, Value("cla_started", data, Year2025));
    }

    [Fact]
    public void ClaStarted_ReentryAfterCeasedEpisodeWhateverTheRne_StartsANewPeriodOfCare()
    {
        // C1 left care on 1 March 2024 (E13) and came back on 1 September 2024 recorded with RNE P (validation's 432):
        // a new period of care in 2024-25. C2's P on 1 June continues care (the previous ended X1 that day): not a start.
        // C3's first episode in the data starts in the year with RNE P: earlier episodes may lie before the data, not a start.
        var data = Cla()
            .Episode("C1", decom: new(2023, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 3, 1), rec: "E13")
            .Episode("C1", decom: new(2024, 9, 1), rne: "P", ls: "C2", place: "U4", provider: "PR1")
            .Episode("C2", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 6, 1), rec: "X1")
            .Episode("C2", decom: new(2024, 6, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4")
            .Episode("C3", decom: new(2024, 7, 1), rne: "P", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        var explanation = new KpiEngine().Explain("cla_started", KpiDataset.Of(data), Year2025);

        Assert.Equal(1, Value("cla_started", data, Year2025));
        Assert.Equal(["C1"], explanation.NumeratorChildren);
    }

    [Fact]
    public void ClaStarted_SameChildrenInAnyRowOrder_SameCount()
    {
        Ssda903Builder Build(bool reversed)
        {
            var rows = new List<Func<Ssda903Builder, Ssda903Builder>>
            {
                b => b.Episode("C1", decom: new(2023, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 3, 1), rec: "E13"),
                b => b.Episode("C1", decom: new(2024, 9, 1), rne: "P", ls: "C2", place: "U4", provider: "PR1"),
                b => b.Episode("C2", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1"),
            };
            if (reversed)
            {
                rows.Reverse();
            }

            return rows.Aggregate(Cla(), (builder, add) => add(builder));
        }

        Assert.Equal(2, Value("cla_started", Build(reversed: false).Build(), Year2025));
        Assert.Equal(2, Value("cla_started", Build(reversed: true).Build(), Year2025));
    }

    [Fact]
    public void ClaCeased_SameDayX1Chain_IsNotACeasing()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 6, 1), rec: "X1")
            .Episode("C1", decom: new(2024, 6, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4", dec: new(2025, 3, 31), rec: "E4A")
            .Episode("C2", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 6, 1), rec: "X1")
            .Episode("C2", decom: new(2024, 6, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4")
            .Build();

        // C1 ceased on the last day (E4A); C2's only ending is the X1 change.
        Assert.Equal(1, Value("cla_ceased", data, Year2025));
    }

    [Fact]
    public void ClaCeased_ShortBreakEpisodeEnding_IsLeftOut()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "V3", place: "U4", provider: "PR1", dec: new(2024, 5, 3), rec: "E4A")
            .Build();

        Assert.Equal(0, Value("cla_ceased", data, Year2025));
    }

    [Fact]
    public void ClaRatePer10k_WithPopulation_UsesTheMidYearEstimateOfTheYearBeforeTheEnd()
    {
        var builder = Cla();
        for (var i = 0; i < 3; i++)
        {
            builder.Episode($"C{i}", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1");
        }

        var data = builder.Build();
        var population = new PopulationEstimates().Add("E10000003", 2024, 60_000).Add("E10000003", 2025, 1);

        var result = Result("cla_rate_per_10k", data, Year2025, new KpiOptions { Population = population });

        // 3 ÷ 60,000 × 10,000 = 0.5 (the 2024 estimate: the 2025 one is not used).
        Assert.Equal(0.5, result.Value);
        Assert.Equal(3, result.Numerator);
        Assert.Equal(60_000, result.Denominator);
        Assert.Equal(MeasureUnit.RatePer10k, result.Unit);
    }

    [Fact]
    public void ClaRatePer10k_WithoutPopulation_IsNoDataNotZero()
    {
        var data = Cla().Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1").Build();

        var result = Result("cla_rate_per_10k", data, Year2025);

        Assert.Null(result.Value);
        Assert.Equal(1, result.Numerator);
        Assert.Null(result.Denominator);
    }

    [Fact]
    public void Adopted_AndSgo_CountChildrenByReasonCeased()
    {
        var data = Cla()
            .Episode("C1", decom: new(2022, 5, 1), rne: "S", ls: "E1", place: "A4", provider: "PR1", dec: new(2024, 9, 1), rec: "E11")
            .Episode("C2", decom: new(2022, 5, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1", dec: new(2024, 9, 1), rec: "E45")
            .Episode("C3", decom: new(2022, 5, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1", dec: new(2024, 3, 31), rec: "E12")
            .Build();

        Assert.Equal(1, Value("adopted", data, Year2025));
        Assert.Equal(1, Value("sgo_granted", data, Year2025));
    }

    [Fact]
    public void MissingKpis_CountOnlyMWhileLookedAfter()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "K2", provider: "PR4", dec: new(2024, 12, 1), rec: "E13")
            .Missing("C1", missing: "M", misStart: new(2024, 6, 1), misEnd: new(2024, 6, 2))
            .Missing("C1", missing: "M", misStart: new(2024, 7, 1), misEnd: new(2024, 7, 2))
            .Missing("C1", missing: "A", misStart: new(2024, 8, 1), misEnd: new(2024, 8, 2))
            .Missing("C1", missing: "M", misStart: new(2024, 12, 1), misEnd: new(2024, 12, 2))
            .Episode("C2", decom: new(2024, 5, 1), rne: "S", ls: "V3", place: "U4", provider: "PR1")
            .Missing("C2", missing: "M", misStart: new(2024, 6, 1), misEnd: new(2024, 6, 2))
            .Build();

        // C1: June and July count; August is A; 1 December is the day care ended. C2 is on short breaks.
        Assert.Equal(1, Value("cla_missing_children", data, Year2025));
        Assert.Equal(2, Value("cla_missing_episodes", data, Year2025));
    }

    [Fact]
    public void Compute_NoClaDataset_GivesNoDataForClaKpis()
    {
        var cin = Cin().Child("C1").Build();

        var result = new KpiEngine().Compute("cla_at_end", KpiDataset.Of(cin), Year2025).Single();

        Assert.Null(result.Value);
    }
}
