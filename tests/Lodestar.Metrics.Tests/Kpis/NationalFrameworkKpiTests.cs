using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using static Lodestar.Metrics.Tests.Kpis.KpiTestRun;

namespace Lodestar.Metrics.Tests.Kpis;

/// <summary>The National Framework indicators of issue 13's first batch, worked by hand (docs/kpis.md).</summary>
public sealed class NationalFrameworkKpiTests
{
    private const string Council = "E10000003";

    private static KpiOptions PopulationOf(long children) =>
        new() { Population = new PopulationEstimates().Add(Council, 2024, children) };

    // The DfE's AssessmentFactors codes, typed here from the CIN census schema's code list (18B/19B child on child,
    // 18C/19C adult on child, 22A FGM, 23A faith or belief, 24A criminal exploitation), not read from the catalogue.
    private static readonly (string Kpi, string Code)[] Factors =
    [
        ("factor_domestic_abuse_child_rate_per_10k", "3A"),
        ("factor_domestic_abuse_parent_rate_per_10k", "3B"),
        ("factor_domestic_abuse_person_rate_per_10k", "3C"),
        ("factor_emotional_abuse_rate_per_10k", "17A"),
        ("factor_faith_linked_abuse_rate_per_10k", "23A"),
        ("factor_neglect_rate_per_10k", "16A"),
        ("factor_physical_abuse_adult_on_child_rate_per_10k", "18C"),
        ("factor_physical_abuse_child_on_child_rate_per_10k", "18B"),
        ("factor_physical_abuse_unknown_rate_per_10k", "18A"),
        ("factor_sexual_abuse_adult_on_child_rate_per_10k", "19C"),
        ("factor_sexual_abuse_child_on_child_rate_per_10k", "19B"),
        ("factor_sexual_abuse_unknown_rate_per_10k", "19A"),
        ("factor_cce_rate_per_10k", "24A"),
        ("factor_cse_rate_per_10k", "11A"),
        ("factor_gangs_rate_per_10k", "13A"),
        ("factor_going_missing_rate_per_10k", "10A"),
        ("factor_trafficking_rate_per_10k", "12A"),
    ];

    public static TheoryData<string, string> FactorCodes => new(Factors.Select(f => (f.Kpi, f.Code)));

    [Theory]
    [MemberData(nameof(FactorCodes))]
    public void Factor_OneAssessmentWithItsCode_CountsForThatFactorAndNoOther(string kpi, string code)
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 5, 1))
            .Assessment("C1", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: [code])
            .Build();

        var factorIds = Factors.Select(f => f.Kpi).ToList();
        var results = new KpiEngine(PopulationOf(10_000)).Compute(KpiDataset.Of(data), [Year2025], factorIds);

        Assert.Equal(17, results.Count);
        foreach (var result in results)
        {
            // 1 episode ÷ 10,000 children × 10,000 = 1.0 for the factor; 0 for the other sixteen.
            Assert.Equal(result.Kpi == kpi ? 1.0 : 0.0, result.Value);
        }
    }

    [Fact]
    public void Factor_FgmFaithAndCriminalExploitation_CountUnderTheirOwnCodes()
    {
        var data = Cin()
            // C1: 24A, child criminal exploitation: CCE 1, faith 0.
            .Referral("C1", referralDate: new(2024, 5, 1))
            .Assessment("C1", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["24A"])
            // C2 and C3: 23A, abuse linked to faith or belief: faith 2, CCE 0.
            .Referral("C2", referralDate: new(2024, 5, 1))
            .Assessment("C2", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["23A"])
            .Referral("C3", referralDate: new(2024, 7, 1))
            .Assessment("C3", new(2024, 7, 1), start: new(2024, 7, 2), authorised: new(2024, 8, 1), factors: ["23A", "16A"])
            // C4: 22A, female genital mutilation: none of the two, and no National Framework factor at all.
            .Referral("C4", referralDate: new(2024, 5, 1))
            .Assessment("C4", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["22A"])
            .Build();
        var options = PopulationOf(10_000);

        var cce = Result("factor_cce_rate_per_10k", data, Year2025, options);
        var faith = Result("factor_faith_linked_abuse_rate_per_10k", data, Year2025, options);
        var all = new KpiEngine(options).Compute(KpiDataset.Of(data), [Year2025], Factors.Select(f => f.Kpi).ToList());

        // CCE: C1 only = 1 ÷ 10,000 × 10,000 = 1.0. Faith: C2 + C3 = 2 → 2.0. Every factor together: C1 1 + C2 1 +
        // C3 2 (faith and neglect) + C4 0 = 4 episode counts.
        Assert.Equal((1.0, 1.0), (cce.Numerator!.Value, cce.Value!.Value));
        Assert.Equal((2.0, 2.0), (faith.Numerator!.Value, faith.Value!.Value));
        Assert.Equal(4.0, all.Sum(r => r.Numerator ?? 0));
    }

    [Fact]
    public void Factor_PhysicalAndSexualAbuse_18Band19BAreChildOnChild_18Cand19CAdultOnChild()
    {
        var data = Cin()
            // C1: 18B and 19B, abuse by another child.
            .Referral("C1", referralDate: new(2024, 5, 1))
            .Assessment("C1", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["18B", "19B"])
            // C2, C3: 18C, physical abuse by an adult; C3 also 19C, sexual abuse by an adult.
            .Referral("C2", referralDate: new(2024, 5, 1))
            .Assessment("C2", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["18C"])
            .Referral("C3", referralDate: new(2024, 5, 1))
            .Assessment("C3", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["18C", "19C"])
            .Build();
        var options = PopulationOf(10_000);

        // Per 10,000 of 10,000 children each episode is 1.0: child on child 1 and 1; adult on child 2 and 1.
        Assert.Equal(1.0, Result("factor_physical_abuse_child_on_child_rate_per_10k", data, Year2025, options).Value);
        Assert.Equal(1.0, Result("factor_sexual_abuse_child_on_child_rate_per_10k", data, Year2025, options).Value);
        Assert.Equal(2.0, Result("factor_physical_abuse_adult_on_child_rate_per_10k", data, Year2025, options).Value);
        Assert.Equal(1.0, Result("factor_sexual_abuse_adult_on_child_rate_per_10k", data, Year2025, options).Value);
    }

    [Fact]
    public void FactorNeglect_CountsEachEpisodeOnceAndOnlyAssessmentsCompletedInThePeriod()
    {
        var data = Cin()
            // C1: one episode, two assessments completed in the year both recording neglect: 1.
            .Referral("C1", referralDate: new(2024, 5, 1))
            .Assessment("C1", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["16A"])
            .Assessment("C1", new(2024, 5, 1), start: new(2024, 9, 2), authorised: new(2024, 10, 1), factors: ["16A", "3B"])
            // C2: two episodes, each with an assessment recording neglect: 2.
            .Referral("C2", referralDate: new(2024, 6, 1))
            .Assessment("C2", new(2024, 6, 1), start: new(2024, 6, 2), authorised: new(2024, 7, 1), factors: ["16A"])
            .Referral("C2", referralDate: new(2024, 10, 1))
            .Assessment("C2", new(2024, 10, 1), start: new(2024, 10, 2), authorised: new(2024, 11, 1), factors: ["16A"])
            // C3: completed the day after the year ends: 0.
            .Referral("C3", referralDate: new(2025, 3, 1))
            .Assessment("C3", new(2025, 3, 1), start: new(2025, 3, 2), authorised: new(2025, 4, 1), factors: ["16A"])
            // C4: completed on the first day, neglect and emotional abuse: 1 each.
            .Referral("C4", referralDate: new(2024, 3, 1))
            .Assessment("C4", new(2024, 3, 1), start: new(2024, 3, 2), authorised: new(2024, 4, 1), factors: ["17A", "16A"])
            // C5: completed on the last day, drug misuse by a parent (2B) only: no neglect.
            .Referral("C5", referralDate: new(2025, 3, 1))
            .Assessment("C5", new(2025, 3, 1), start: new(2025, 3, 2), authorised: new(2025, 3, 31), factors: ["2B"])
            .Build();
        var options = PopulationOf(20_000);

        var neglect = Result("factor_neglect_rate_per_10k", data, Year2025, options);
        var emotional = Result("factor_emotional_abuse_rate_per_10k", data, Year2025, options);

        // Neglect: C1 1 + C2 2 + C4 1 = 4 episodes; 4 ÷ 20,000 × 10,000 = 2.0. Emotional: C4 = 1 → 0.5.
        Assert.Equal((4.0, 20_000.0, 2.0), (neglect.Numerator!.Value, neglect.Denominator!.Value, neglect.Value!.Value));
        Assert.Equal(0.5, emotional.Value);
    }

    [Fact]
    public void Factor_WithoutPopulation_IsNoDataButKeepsTheCount()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 5, 1))
            .Assessment("C1", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["13A"])
            .Build();

        var result = Result("factor_gangs_rate_per_10k", data, Year2025);

        Assert.Null(result.Value);
        Assert.Equal(1, result.Numerator);
    }

    [Fact]
    public void Factor_Explain_NamesTheChildAndTheCode()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 5, 1))
            .Assessment("C1", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["11A"])
            .Referral("C2", referralDate: new(2024, 5, 1))
            .Assessment("C2", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["23A"])
            .Build();

        var explanation = new KpiEngine().Explain("factor_cse_rate_per_10k", KpiDataset.Of(data), Year2025);

        Assert.Equal(["C1"], explanation.NumeratorChildren);
        Assert.Contains(explanation.Reasons["C1"], r => r.Contains("records 11A", StringComparison.Ordinal));
        Assert.False(explanation.Reasons.ContainsKey("C2"));
    }

    [Fact]
    public void Cpp2yPlusAtEnd_StartedExactly2YearsBeforeCountsAndTheCurrentPlanDecides()
    {
        var data = Cin()
            // C1: started 31/03/2023, exactly 2 years before 31/03/2025: counts.
            .Referral("C1", referralDate: new(2023, 3, 1))
            .ProtectionPlan("C1", new(2023, 3, 1), start: new(2023, 3, 31))
            // C2: started a day later: not 2 years.
            .Referral("C2", referralDate: new(2023, 3, 1))
            .ProtectionPlan("C2", new(2023, 3, 1), start: new(2023, 4, 1))
            // C3: a long plan ending on the last day: not on a plan at the end, not in the denominator.
            .Referral("C3", referralDate: new(2021, 12, 1))
            .ProtectionPlan("C3", new(2021, 12, 1), start: new(2022, 1, 1), end: new(2025, 3, 31))
            // C4: two open plans; the latest-starting (01/06/2024) is the current one: not 2 years; counted once.
            .Referral("C4", referralDate: new(2022, 5, 1))
            .ProtectionPlan("C4", new(2022, 5, 1), start: new(2024, 6, 1))
            .ProtectionPlan("C4", new(2022, 5, 1), start: new(2022, 6, 1))
            .Build();

        var result = Result("cpp_2y_plus_at_end", data, Year2025);

        // 1 of 3 children on a plan at the end.
        Assert.Equal((1.0, 3.0), (result.Numerator!.Value, result.Denominator!.Value));
        Assert.Equal(100.0 / 3, result.Value!.Value, 9);
    }

    [Theory]
    [InlineData(2022, 2, 28, 1.0)] // 2 years before 29/02/2024 is 28/02/2022 (calendar arithmetic): counts.
    [InlineData(2022, 3, 1, 0.0)] // a day later: less than 2 years.
    public void Cpp2yPlusAtEnd_EndingOnALeapDay_GoesBackToThe28th(int year, int month, int day, double numerator)
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2022, 2, 1))
            .ProtectionPlan("C1", new(2022, 2, 1), start: new DateOnly(year, month, day))
            .Build();

        var result = Result("cpp_2y_plus_at_end", data, Period.Month(2024, 2));

        Assert.Equal((numerator, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void Uasc_StartingAndAtTheEnd_UseTheDayTheChildCeasedToBeUasc()
    {
        var data = Cla()
            // U1: started in the year, UASC until 2026: a UASC start and UASC at the end.
            .Episode("U1", decom: new(2024, 6, 1), rne: "S", ls: "V2", place: "U4", provider: "PR1")
            .Uasc("U1", duc: new(2026, 1, 1))
            // U2: ceased to be UASC on the day care began: neither.
            .Episode("U2", decom: new(2024, 6, 1), rne: "S", ls: "V2", place: "U4", provider: "PR1")
            .Uasc("U2", duc: new(2024, 6, 1))
            // U3: in care since 2023, DUC blank: UASC at the end, not a start in the year.
            .Episode("U3", decom: new(2023, 1, 1), rne: "S", ls: "V2", place: "U4", provider: "PR1")
            .Uasc("U3")
            // U4: started and left in the year as UASC: a start, not at the end.
            .Episode("U4", decom: new(2024, 7, 1), rne: "S", ls: "V2", place: "U4", provider: "PR1", dec: new(2024, 12, 1), rec: "E13")
            .Uasc("U4")
            // U5: no UASC row: neither.
            .Episode("U5", decom: new(2024, 8, 1), rne: "S", ls: "V2", place: "U4", provider: "PR1")
            // U6: DUC the day after the year ends: UASC at the end.
            .Episode("U6", decom: new(2022, 5, 1), rne: "S", ls: "V2", place: "U4", provider: "PR1")
            .Uasc("U6", duc: new(2025, 4, 1))
            // U7: DUC on the last day: no longer UASC at the end.
            .Episode("U7", decom: new(2022, 5, 1), rne: "S", ls: "V2", place: "U4", provider: "PR1")
            .Uasc("U7", duc: new(2025, 3, 31))
            .Build();
        var options = PopulationOf(10_000);

        // All starting: U1, U2, U4, U5 = 4 → 4 ÷ 10,000 × 10,000 = 4.0.
        // UASC starting: U1, U4 = 2 → 2.0. UASC at the end: U1, U3, U6 = 3 → 3.0.
        Assert.Equal(4.0, Value("cla_started_rate_per_10k", data, Year2025, options)!.Value, 9);
        Assert.Equal(2.0, Value("cla_uasc_started_rate_per_10k", data, Year2025, options)!.Value, 9);
        Assert.Equal(3.0, Value("cla_uasc_rate_per_10k", data, Year2025, options)!.Value, 9);
        Assert.Null(Value("cla_uasc_rate_per_10k", data, Year2025));
    }

    [Fact]
    public void CeasedSgoAndCao_ShareOfChildrenCeasing_ByTheirLatestCeasing()
    {
        var data = Cla()
            .Episode("S1", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1", dec: new(2024, 6, 1), rec: "E45")
            .Episode("S2", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1", dec: new(2024, 7, 1), rec: "E41")
            .Episode("S3", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 8, 1), rec: "E13")
            // S4: left on an SGO, came back, left on a child arrangements order: the latest (E41) decides.
            .Episode("S4", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1", dec: new(2024, 5, 1), rec: "E48")
            .Episode("S4", decom: new(2024, 9, 1), rne: "S", ls: "V2", place: "U4", provider: "PR1", dec: new(2025, 1, 10), rec: "E41")
            // S5: SGO on the last day of the year.
            .Episode("S5", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1", dec: new(2025, 3, 31), rec: "E47")
            // S6: an X1 change of placement is not a ceasing.
            .Episode("S6", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 10, 1), rec: "X1")
            .Episode("S6", decom: new(2024, 10, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4")
            // S7: SGO the day after the year: outside.
            .Episode("S7", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1", dec: new(2025, 4, 1), rec: "E45")
            .Episode("S8", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1", dec: new(2024, 11, 11), rec: "E46")
            .Build();

        var sgo = Result("cla_ceased_sgo", data, Year2025);
        var cao = Result("cla_ceased_cao", data, Year2025);

        // Ceased: S1, S2, S3, S4, S5, S8 = 6. SGO: S1, S5, S8 = 3 → 50%. CAO: S2, S4 = 2 → 33.3%.
        Assert.Equal((3.0, 6.0, 50.0), (sgo.Numerator!.Value, sgo.Denominator!.Value, sgo.Value!.Value));
        Assert.Equal((2.0, 6.0), (cao.Numerator!.Value, cao.Denominator!.Value));
    }

    [Fact]
    public void CeasedSgoAndCao_EpisodesGivenInAnyOrder_TheLatestCeasingStillDecides()
    {
        // S4 of the test above, its episodes given latest first: E48 on 01/05/2024, then E41 on 10/01/2025.
        var data = Cla()
            .Episode("S4", decom: new(2024, 9, 1), rne: "S", ls: "V2", place: "U4", provider: "PR1", dec: new(2025, 1, 10), rec: "E41")
            .Episode("S4", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1", dec: new(2024, 5, 1), rec: "E48")
            .Build();

        Assert.Equal(0, Value("cla_ceased_sgo", data, Year2025));
        Assert.Equal(100, Value("cla_ceased_cao", data, Year2025));
    }

    [Fact]
    public void CeasedSgo_NobodyCeased_IsNoData()
    {
        var data = Cla()
            .Episode("S1", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1")
            .Build();

        Assert.Null(Value("cla_ceased_sgo", data, Year2025));
    }

    [Fact]
    public void PlacementAtEnd_FosterHomesAndIndependentLiving_ByThePlacementOnTheLastDay()
    {
        var data = Cla()
            .Episode("P1", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1")
            .Episode("P2", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U6", provider: "PR4")
            .Episode("P3", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "K2", provider: "PR4")
            .Episode("P4", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "K1", provider: "PR1")
            .Episode("P5", decom: new(2024, 1, 1), rne: "S", ls: "V2", place: "K3", provider: "PR4")
            .Episode("P6", decom: new(2024, 1, 1), rne: "S", ls: "V2", place: "H5", provider: "PR4")
            .Episode("P7", decom: new(2024, 1, 1), rne: "S", ls: "V2", place: "P2", provider: "PR1")
            .Episode("P8", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "R1", provider: "PR4")
            .Episode("P9", decom: new(2024, 1, 1), rne: "S", ls: "E1", place: "A4", provider: "PR1")
            // P10: moved from foster care to a children's home on the last day: the home counts.
            .Episode("P10", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2025, 3, 31), rec: "X1")
            .Episode("P10", decom: new(2025, 3, 31), rne: "P", ls: "C2", place: "K2", provider: "PR4")
            // P11: short breaks only: not looked after.
            .Episode("P11", decom: new(2024, 1, 1), rne: "S", ls: "V3", place: "U4", provider: "PR1")
            // P12: left foster care on the last day: not looked after at the end.
            .Episode("P12", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2025, 3, 31), rec: "E13")
            .Build();

        var foster = Result("cla_in_foster_care", data, Year2025);
        var homes = Result("cla_in_childrens_homes", data, Year2025);
        var independent = Result("cla_in_independent_living", data, Year2025);

        // Looked after at the end: P1–P10 = 10. Foster: P1, P2 = 2 → 20%. Homes: P3, P4, P10 = 3 → 30%.
        // Independent: P5, P6, P7 = 3 → 30%.
        Assert.Equal((2.0, 10.0, 20.0), (foster.Numerator!.Value, foster.Denominator!.Value, foster.Value!.Value));
        Assert.Equal((3.0, 10.0, 30.0), (homes.Numerator!.Value, homes.Denominator!.Value, homes.Value!.Value));
        Assert.Equal((3.0, 10.0, 30.0), (independent.Numerator!.Value, independent.Denominator!.Value, independent.Value!.Value));
    }

    [Fact]
    public void SocialWorkers3Plus_DifferentSocialWorkersHeldDuringThePeriod()
    {
        var data = Cla()
            // W1: A (from before the year), B, C: 3 → numerator.
            .Episode("W1", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .SwEpisode("W1", swId: "A", swDecom: new(2023, 1, 1), swDec: new(2024, 5, 1))
            .SwEpisode("W1", swId: "B", swDecom: new(2024, 5, 1), swDec: new(2024, 9, 1))
            .SwEpisode("W1", swId: "C", swDecom: new(2024, 9, 1))
            // W2: A ended on the first day (not held during the year), B, C: 2.
            .Episode("W2", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .SwEpisode("W2", swId: "A", swDecom: new(2023, 1, 1), swDec: new(2024, 4, 1))
            .SwEpisode("W2", swId: "B", swDecom: new(2024, 4, 1), swDec: new(2024, 10, 1))
            .SwEpisode("W2", swId: "C", swDecom: new(2024, 10, 1))
            // W3: A, B, then A again: 2 different social workers.
            .Episode("W3", decom: new(2024, 4, 10), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .SwEpisode("W3", swId: "A", swDecom: new(2024, 4, 10), swDec: new(2024, 6, 1))
            .SwEpisode("W3", swId: "B", swDecom: new(2024, 6, 1), swDec: new(2024, 8, 1))
            .SwEpisode("W3", swId: "A", swDecom: new(2024, 8, 1))
            // W4: the third begins the day after the year ends: 2.
            .Episode("W4", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .SwEpisode("W4", swId: "A", swDecom: new(2023, 1, 1), swDec: new(2024, 6, 1))
            .SwEpisode("W4", swId: "B", swDecom: new(2024, 6, 1), swDec: new(2025, 4, 1))
            .SwEpisode("W4", swId: "C", swDecom: new(2025, 4, 1))
            // W5: three social workers but left care before the end: not in the denominator.
            .Episode("W5", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2025, 2, 1), rec: "E13")
            .SwEpisode("W5", swId: "A", swDecom: new(2023, 1, 1), swDec: new(2024, 5, 1))
            .SwEpisode("W5", swId: "B", swDecom: new(2024, 5, 1), swDec: new(2024, 9, 1))
            .SwEpisode("W5", swId: "C", swDecom: new(2024, 9, 1))
            // W6: looked after, no social worker rows: 0.
            .Episode("W6", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        var result = Result("cla_social_workers_3plus", data, Year2025);

        // Denominator W1, W2, W3, W4, W6 = 5; numerator W1 = 1 → 20%.
        Assert.Equal((1.0, 5.0, 20.0), (result.Numerator!.Value, result.Denominator!.Value, result.Value!.Value));
    }

    [Fact]
    public void SocialWorkers3Plus_PeriodsBeforeTheTableBegan_AreNoData()
    {
        var data = Cla()
            .Episode("W1", decom: new(2021, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        // 2022/23 starts before 1 April 2023, when the SWEpisodes table began; 2023/24 starts on it.
        Assert.Null(Value("cla_social_workers_3plus", data, Period.ReportingYear(2023)));
        Assert.Equal(0, Value("cla_social_workers_3plus", data, Period.ReportingYear(2024)));
    }

    [Fact]
    public void DecisionToMatch_ChildrenMatchedInThePeriod_AverageDaysFromTheDecisionInForce()
    {
        var data = Cla()
            // M1: decision and match on the same day: 0 days.
            .PlacedAdoption("M1", datePlaced: new(2024, 6, 1))
            .Ad1("M1", dateMatch: new(2024, 6, 1))
            // M2: 10 Jan 2024 to 10 Jul 2024: 21 + 29 + 31 + 30 + 31 + 30 + 10 = 182 days.
            .PlacedAdoption("M2", datePlaced: new(2024, 1, 10))
            .Ad1("M2", dateMatch: new(2024, 7, 10))
            // M3: matched 1 Jul 2024 before the decision of 1 Aug 2024: left out.
            .PlacedAdoption("M3", datePlaced: new(2024, 8, 1))
            .Ad1("M3", dateMatch: new(2024, 7, 1))
            // M4: no DATE_MATCH: not matched; M5: matched, no PlacedAdoption row: left out.
            .PlacedAdoption("M4", datePlaced: new(2024, 6, 1))
            .Ad1("M4")
            .Ad1("M5", dateMatch: new(2024, 9, 1))
            // M6: a decision of 1 Mar 2023 ceased 1 Sep 2023; a new one 1 Feb 2024, matched 1 May 2024: 29 + 31 + 30 = 90 days.
            .PlacedAdoption("M6", datePlaced: new(2023, 3, 1), datePlacedCeased: new(2023, 9, 1), reasonPlacedCeased: "RD4")
            .PlacedAdoption("M6", datePlaced: new(2024, 2, 1))
            .Ad1("M6", dateMatch: new(2024, 5, 1))
            // M7: matched on the first day, decided 2 Mar 2024: 30 days. M9: matched on the last day, decided 1 Mar 2025: 30 days.
            .PlacedAdoption("M7", datePlaced: new(2024, 3, 2))
            .Ad1("M7", dateMatch: new(2024, 4, 1))
            .PlacedAdoption("M9", datePlaced: new(2025, 3, 1))
            .Ad1("M9", dateMatch: new(2025, 3, 31))
            // M8: matched the day after the year ends: not in 2024/25.
            .PlacedAdoption("M8", datePlaced: new(2025, 1, 1))
            .Ad1("M8", dateMatch: new(2025, 4, 1))
            .Build();

        var explanation = new KpiEngine().Explain("adoption_decision_to_match_days", KpiDataset.Of(data), Year2025);
        var result = explanation.Result;

        // M1 + M2 + M6 + M7 + M9 = 0 + 182 + 90 + 30 + 30 = 332 days over 5 children = 66.4.
        Assert.Equal((332.0, 5.0, 66.4), (result.Numerator!.Value, result.Denominator!.Value, result.Value!.Value));
        Assert.Equal(["M1", "M2", "M6", "M7", "M9"], explanation.DenominatorChildren.Order(StringComparer.Ordinal));
        Assert.Contains("decision to place for adoption 01/02/2024, matched 01/05/2024: 90 days", explanation.Reasons["M6"]);
        Assert.Contains(explanation.Reasons["M3"], r => r.StartsWith("left out: matched before the decision", StringComparison.Ordinal));
        Assert.Contains(explanation.Reasons["M5"], r => r.StartsWith("left out: matched, but no PlacedAdoption", StringComparison.Ordinal));
        Assert.Equal(MeasureUnit.Days, result.Unit);
    }

    [Fact]
    public void DecisionToMatch_DecisionCeasedBeforeTheMatchAndNoOther_IsLeftOut()
    {
        var data = Cla()
            .PlacedAdoption("M1", datePlaced: new(2024, 4, 1), datePlacedCeased: new(2024, 5, 1), reasonPlacedCeased: "RD4")
            .Ad1("M1", dateMatch: new(2024, 6, 1))
            .Build();

        var result = Result("adoption_decision_to_match_days", data, Year2025);

        Assert.Equal(0, result.Denominator);
        Assert.Null(result.Value);
    }

    [Fact]
    public void DecisionToMatch_MonthsAndYear_MatchCountsInThePeriodItFallsIn()
    {
        var data = Cla()
            .PlacedAdoption("M1", datePlaced: new(2024, 6, 1))
            .Ad1("M1", dateMatch: new(2024, 6, 30))
            .Build();

        // 1 Jun to 30 Jun 2024 = 29 days, in June and in 2024/25, not in May or July.
        Assert.Equal(29, Value("adoption_decision_to_match_days", data, Period.Month(2024, 6)));
        Assert.Equal(29, Value("adoption_decision_to_match_days", data, Year2025));
        Assert.Null(Value("adoption_decision_to_match_days", data, Period.Month(2024, 7)));
        Assert.Null(Value("adoption_decision_to_match_days", data, Period.Month(2024, 5)));
    }

    [Fact]
    public void NationalFrameworkKpis_HaveTheirDefinitionOnTheCatalogue()
    {
        var ids = Factors.Select(f => f.Kpi).Concat(
        [
            "cla_started_rate_per_10k", "cla_uasc_started_rate_per_10k", "cla_uasc_rate_per_10k", "cla_ceased_sgo", "cla_ceased_cao", "cla_in_foster_care",
            "cla_in_childrens_homes", "cla_social_workers_3plus", "cla_in_independent_living", "cpp_2y_plus_at_end",
            "adoption_decision_to_match_days",
        ]);

        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(KpiCatalog.Find(id)!.Definition), id));
        Assert.Contains("16A", KpiCatalog.Find("factor_neglect_rate_per_10k")!.Definition, StringComparison.Ordinal);
    }
}
