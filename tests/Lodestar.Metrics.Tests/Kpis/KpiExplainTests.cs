using Lodestar.Metrics.Kpis;
using static Lodestar.Metrics.Tests.Kpis.KpiTestRun;

namespace Lodestar.Metrics.Tests.Kpis;

public sealed class KpiExplainTests
{
    [Fact]
    public void ExplainChild_EpisodeEndedOnTheLastDay_SaysNotLookedAfter()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2025, 3, 31), rec: "E13")
            .Build();

        var reasons = new KpiEngine().ExplainChild("cla_at_end", KpiDataset.Of(data), Year2025, "C1");

        Assert.Contains("not looked after at 31/03/2025: episode 1 ended 31/03/2025", reasons);
    }

    [Fact]
    public void Explain_ShortBreakEpisode_IsNamedAsLeftOut()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 6, 1), rec: "X1")
            .Episode("C1", decom: new(2024, 6, 1), rne: "L", ls: "V3", place: "U4", provider: "PR1")
            .Episode("C2", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        var explanation = new KpiEngine().Explain("cla_at_end", KpiDataset.Of(data), Year2025);

        Assert.Equal(["C2"], explanation.NumeratorChildren);
        Assert.Contains("left out: episode 2 (started 01/06/2024) is V3 short breaks", explanation.Reasons["C1"]);
        Assert.Equal(1, explanation.Result.Value);
    }

    [Fact]
    public void Explain_Percentage_ListsNumeratorAndDenominatorChildren()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 7, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 7, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4", dec: new(2024, 9, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 9, 1), rne: "P", ls: "C2", place: "U4", provider: "PR4")
            .Episode("C2", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        var explanation = new KpiEngine().Explain("cla_placements_3plus", KpiDataset.Of(data), Year2025);

        Assert.Equal(["C1"], explanation.NumeratorChildren);
        Assert.Equal(["C1", "C2"], explanation.DenominatorChildren);
        Assert.Contains(explanation.Reasons["C1"], r => r.StartsWith("3 placement(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void ExplainChild_UnknownChild_IsEmpty()
    {
        var data = Cla().Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1").Build();

        Assert.Empty(new KpiEngine().ExplainChild("cla_at_end", KpiDataset.Of(data), Year2025, "NOPE"));
    }

    [Fact]
    public void Explain_UnknownKpi_Throws()
    {
        var data = Cla().Build();

        Assert.Throws<ArgumentException>(() => new KpiEngine().Explain("no_such_kpi", KpiDataset.Of(data), Year2025));
    }

    [Fact]
    public void Catalogue_EveryKpi_HasADefinition()
    {
        Assert.All(KpiCatalog.All, k => Assert.False(string.IsNullOrWhiteSpace(k.Definition), k.Id));
    }

    [Fact]
    public void Catalogue_OlderKpis_DefinitionsSayWhatIsCounted()
    {
        // Spot checks against docs/kpis.md: the codes and thresholds that decide what is counted.
        Assert.Contains("RNE S", KpiCatalog.Find("cla_started")!.Definition, StringComparison.Ordinal);
        Assert.Contains("E11 or E12", KpiCatalog.Find("adopted")!.Definition, StringComparison.Ordinal);
        Assert.Contains("45 working days", KpiCatalog.Find("assessments_in_45_days")!.Definition, StringComparison.Ordinal);
        Assert.Contains("MISSING = M", KpiCatalog.Find("cla_missing_children")!.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogue_HasEveryIdOfTheDomainCatalogueOnce()
    {
        string[] ids =
        [
            "cla_at_end", "cla_rate_per_10k", "cla_started", "cla_ceased", "cla_placements_3plus", "cla_long_term_stability",
            "cla_placed_20_miles", "cla_missing_children", "cla_missing_episodes", "cla_reviews_in_time", "cla_health_check",
            "cla_teeth_check", "cla_immunisations", "cla_sdq_average", "care_leavers_eet_19_21", "care_leavers_eet_17_18",
            "care_leavers_suitable_accom_19_21", "care_leavers_suitable_accom_17_18", "care_leavers_in_touch_19_21", "adopted",
            "sgo_granted", "adoption_a1_days", "adoption_a2_days", "placements_52wk_by_type", "cla_started_rate_per_10k", "cla_uasc_started_rate_per_10k",
            "cla_uasc_rate_per_10k", "cla_ceased_sgo", "cla_ceased_cao", "cla_in_foster_care", "cla_in_childrens_homes",
            "cla_social_workers_3plus", "cla_in_independent_living", "adoption_decision_to_match_days", "referrals", "rereferrals_12m",
            "referrals_nfa", "assessments_in_45_days", "s47_started", "s47_to_icpc", "icpc_in_15_days", "cpp_at_end",
            "cpp_rate_per_10k", "cpp_started", "cpp_subsequent", "cpp_subsequent_2y", "cpp_ended_2y_plus", "cpp_reviews_in_time",
            "cpp_by_category", "cin_at_end", "cin_rate_per_10k", "cin_plans_over_12m", "cpp_2y_plus_at_end",
            "factor_domestic_abuse_child_rate_per_10k", "factor_domestic_abuse_parent_rate_per_10k",
            "factor_domestic_abuse_person_rate_per_10k", "factor_emotional_abuse_rate_per_10k", "factor_faith_linked_abuse_rate_per_10k",
            "factor_neglect_rate_per_10k", "factor_physical_abuse_adult_on_child_rate_per_10k",
            "factor_physical_abuse_child_on_child_rate_per_10k", "factor_physical_abuse_unknown_rate_per_10k",
            "factor_sexual_abuse_adult_on_child_rate_per_10k", "factor_sexual_abuse_child_on_child_rate_per_10k",
            "factor_sexual_abuse_unknown_rate_per_10k", "factor_cce_rate_per_10k", "factor_cse_rate_per_10k", "factor_gangs_rate_per_10k",
            "factor_going_missing_rate_per_10k", "factor_trafficking_rate_per_10k",
            "cin_open_domestic_abuse_parental", "cin_open_substance_misuse_parental", "cin_open_mental_health_parental", "cin_open_cse", "cin_open_fgm",
            "annexa_contacts", "annexa_contacts_to_referral", "annexa_referral_decision_1wd", "annexa_early_help_assessments",
            "annexa_early_help_open_rate_per_10k", "annexa_s47_rate_per_10k", "annexa_icpc_no_plan", "annexa_cin_seen_4w",
            "annexa_caseload_average", "annexa_cp_visits_10wd", "annexa_cp_seen_alone", "annexa_cp_visits_10wd_seen_alone",
            "annexa_cp_ended", "annexa_cla_visits_6w", "annexa_cla_reviews_in_time", "annexa_cla_permanence_plan",
            "annexa_cla_12_months", "annexa_cla_health_dental", "annexa_missing_ri_offered", "annexa_missing_ri_accepted", "annexa_missing_ri_held",
            "annexa_care_leavers", "annexa_care_leavers_in_touch", "annexa_adoption_placed_12m_of_decision",
            "annexa_adoption_under_18m", "annexa_adopters_available",
        ];

        Assert.Equal(ids, KpiCatalog.All.Select(k => k.Id));
    }
}
