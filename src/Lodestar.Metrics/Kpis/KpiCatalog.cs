using System.Collections.Frozen;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;

namespace Lodestar.Metrics.Kpis;

/// <summary>Every KPI the engine computes, with the ids of docs/domain.md ("The KPI catalogue"). Definitions: docs/kpis.md.</summary>
public static class KpiCatalog
{
    /// <summary>The placement categories of placements_52wk_by_type, in result order.</summary>
    public static readonly IReadOnlyList<string> PlacementCategories =
    [
        "in_house_fostering", "ifa", "kinship", "residential_homes", "residential_schools",
        "supported_accommodation", "placed_for_adoption", "with_parents", "other",
    ];

    /// <summary>The categories of cpp_by_category: LatestCategoryOfAbuse codes, then "unknown" for blank or unlisted codes.</summary>
    public static readonly IReadOnlyList<string> AbuseCategories = ["NEG", "PHY", "SAB", "EMO", "MUL", "unknown"];

    /// <summary>
    /// The National Framework's factors identified at the end of assessment: KPI id, name, and the CIN
    /// census AssessmentFactors codes it counts (the DfE's codes; docs/kpis.md, "Factors identified at
    /// the end of assessment"). One KPI per factor, in the order of the DfE's dashboard.
    /// </summary>
    internal static readonly IReadOnlyList<(string Id, string Name, string[] Codes)> AssessmentFactors =
    [
        ("factor_domestic_abuse_child_rate_per_10k", "domestic abuse: concerns about the child", ["3A"]),
        ("factor_domestic_abuse_parent_rate_per_10k", "domestic abuse: concerns about the parent", ["3B"]),
        ("factor_domestic_abuse_person_rate_per_10k", "domestic abuse: concerns about another person in the household", ["3C"]),
        ("factor_emotional_abuse_rate_per_10k", "emotional abuse", ["17A"]),
        ("factor_faith_linked_abuse_rate_per_10k", "abuse linked to faith or belief", ["23A"]),
        ("factor_neglect_rate_per_10k", "neglect", ["16A"]),
        ("factor_physical_abuse_adult_on_child_rate_per_10k", "physical abuse: adult on child", ["18C"]),
        ("factor_physical_abuse_child_on_child_rate_per_10k", "physical abuse: child on child", ["18B"]),
        ("factor_physical_abuse_unknown_rate_per_10k", "physical abuse, by whom not recorded", ["18A"]),
        ("factor_sexual_abuse_adult_on_child_rate_per_10k", "sexual abuse: adult on child", ["19C"]),
        ("factor_sexual_abuse_child_on_child_rate_per_10k", "sexual abuse: child on child", ["19B"]),
        ("factor_sexual_abuse_unknown_rate_per_10k", "sexual abuse, by whom not recorded", ["19A"]),
        ("factor_cce_rate_per_10k", "child criminal exploitation", ["24A"]),
        ("factor_cse_rate_per_10k", "child sexual exploitation", ["11A"]),
        ("factor_gangs_rate_per_10k", "gangs", ["13A"]),
        ("factor_going_missing_rate_per_10k", "going or being missing", ["10A"]),
        ("factor_trafficking_rate_per_10k", "trafficking", ["12A"]),
    ];

    /// <summary>
    /// Factors of the open cases of children in need: KPI id, name, and the CIN census AssessmentFactors codes
    /// any of which counts (docs/kpis.md, "Factors of open cases"). Only codes whose meaning the catalogue
    /// already relies on are used.
    /// </summary>
    internal static readonly IReadOnlyList<(string Id, string Name, string[] Codes)> OpenCaseFactors =
    [
        ("cin_open_domestic_abuse_parental", "domestic abuse concerning a parent or another adult of the household", ["3B", "3C"]),
        ("cin_open_substance_misuse_parental", "alcohol or drug misuse by a parent or carer", ["1B", "2B"]),
        ("cin_open_mental_health_parental", "the mental health of a parent or carer", ["4B"]),
        ("cin_open_cse", "child sexual exploitation", ["11A"]),
        ("cin_open_fgm", "female genital mutilation", ["22A"]),
    ];

    /// <summary>
    /// The KPIs that are not flows, by how they relate to their period (docs/kpis.md, "Which periods each KPI
    /// makes sense for"); every other KPI is counted over its whole span.
    /// </summary>
    private static readonly FrozenDictionary<string, KpiTiming> Timings = new Dictionary<string, KpiTiming>
    {
        // On the last day of the period.
        ["cla_at_end"] = KpiTiming.Stock,
        ["cla_rate_per_10k"] = KpiTiming.Stock,
        ["cla_long_term_stability"] = KpiTiming.Stock,
        ["cla_placed_20_miles"] = KpiTiming.Stock,
        ["cla_uasc_rate_per_10k"] = KpiTiming.Stock,
        ["cla_in_foster_care"] = KpiTiming.Stock,
        ["cla_in_childrens_homes"] = KpiTiming.Stock,
        ["cla_in_independent_living"] = KpiTiming.Stock,
        ["cpp_at_end"] = KpiTiming.Stock,
        ["cpp_rate_per_10k"] = KpiTiming.Stock,
        ["cpp_2y_plus_at_end"] = KpiTiming.Stock,
        ["cpp_by_category"] = KpiTiming.Stock,
        ["cin_at_end"] = KpiTiming.Stock,
        ["cin_rate_per_10k"] = KpiTiming.Stock,
        ["cin_plans_over_12m"] = KpiTiming.Stock,
        ["cin_open_domestic_abuse_parental"] = KpiTiming.Stock,
        ["cin_open_substance_misuse_parental"] = KpiTiming.Stock,
        ["cin_open_mental_health_parental"] = KpiTiming.Stock,
        ["cin_open_cse"] = KpiTiming.Stock,
        ["cin_open_fgm"] = KpiTiming.Stock,
        // The 3 years to the last day, whatever the span's start: the same for a month as for its year to date.
        ["adoption_a1_days"] = KpiTiming.Stock,
        ["adoption_a2_days"] = KpiTiming.Stock,
        // Twelve months.
        ["cla_placements_3plus"] = KpiTiming.TwelveMonths,
        ["cla_social_workers_3plus"] = KpiTiming.TwelveMonths,
        // The year to 31 March.
        ["cla_health_check"] = KpiTiming.YearEnd,
        ["cla_teeth_check"] = KpiTiming.YearEnd,
        ["cla_immunisations"] = KpiTiming.YearEnd,
        ["cla_sdq_average"] = KpiTiming.YearEnd,
        ["care_leavers_eet_19_21"] = KpiTiming.YearEnd,
        ["care_leavers_eet_17_18"] = KpiTiming.YearEnd,
        ["care_leavers_suitable_accom_19_21"] = KpiTiming.YearEnd,
        ["care_leavers_suitable_accom_17_18"] = KpiTiming.YearEnd,
        ["care_leavers_in_touch_19_21"] = KpiTiming.YearEnd,
        // Annex A (docs/kpis.md, "Annex A"): on the last day of the period, or the lists of the year to 31 March.
        ["annexa_early_help_open_rate_per_10k"] = KpiTiming.Stock,
        ["annexa_cin_seen_4w"] = KpiTiming.Stock,
        ["annexa_caseload_average"] = KpiTiming.Stock,
        ["annexa_cp_visits_10wd"] = KpiTiming.Stock,
        ["annexa_cp_seen_alone"] = KpiTiming.Stock,
        ["annexa_cp_visits_10wd_seen_alone"] = KpiTiming.Stock,
        ["annexa_cla_visits_6w"] = KpiTiming.Stock,
        ["annexa_cla_reviews_in_time"] = KpiTiming.Stock,
        ["annexa_cla_permanence_plan"] = KpiTiming.Stock,
        ["annexa_cla_12_months"] = KpiTiming.Stock,
        ["annexa_cla_health_dental"] = KpiTiming.Stock,
        ["annexa_adopters_available"] = KpiTiming.Stock,
        ["annexa_missing_ri_offered"] = KpiTiming.YearEnd,
        ["annexa_missing_ri_accepted"] = KpiTiming.YearEnd,
        ["annexa_missing_ri_held"] = KpiTiming.YearEnd,
        ["annexa_care_leavers"] = KpiTiming.YearEnd,
        ["annexa_care_leavers_in_touch"] = KpiTiming.YearEnd,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The catalogue, in the order of docs/domain.md ("The KPI catalogue").</summary>
    public static readonly IReadOnlyList<KpiDefinition> All = WithTimings(
    [
        Cla("cla_at_end", "Children looked after at the end of the period", KpiKind.Count, Polarity.Neither) with
        {
            Definition = "Children with a counted episode (not V3/V4 short breaks) open on the last day of the period: DECOM on or before it and DEC blank or after it.",
        },
        Cla("cla_rate_per_10k", "Children looked after per 10,000 children aged 0–17", KpiKind.RatePer10k, Polarity.Neither) with
        {
            Definition = "Children looked after on the last day of the period (cla_at_end) ÷ population 0–17 × 10,000.",
        },
        Cla("cla_started", "Children who started to be looked after", KpiKind.Count, Polarity.Neither) with
        {
            Definition = "Children whose period of care started in the period: an episode with RNE S, or one after an episode that ended their care (REC other than X1) whatever its RNE, with DECOM in the period. A placement or legal status change within care is not a start.",
        },
        Cla("cla_ceased", "Children who ceased to be looked after", KpiKind.Count, Polarity.Neither) with
        {
            Definition = "Children with an episode whose DEC is in the period and whose REC is not X1 (a blank REC counts as ceased).",
        },
        Cla("cla_placements_3plus", "Children looked after with 3 or more placements in the period", KpiKind.Percent, Polarity.LowerIsBetter) with
        {
            Definition = "Of children looked after on the last day, % with 3 or more placements in the period: the placement held at the start counts, then each episode with RNE S, P, B, T or U, not temporary moves (T0–T4), the return from one, or a change of placement status only.",
        },
        Cla("cla_long_term_stability", "Long-term placement stability (2½ years in care, 2 years with the same carer)", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of children looked after on the last day, under 16, whose period of care began 30 months or more before the end: % with the same carer for 2 years or more (or placed for adoption, with the carer before that 2 years or more together).",
        },
        Cla("cla_placed_20_miles", "Children looked after placed more than 20 miles from home", KpiKind.Percent, Polarity.LowerIsBetter) with
        {
            Definition = "Of children looked after on the last day, not placed for adoption, whose home and placement postcodes are both known: % placed more than 20 miles from home (the distance the DfE works out from the two postcodes, PL_DISTANCE, to one decimal place). No data without a postcode lookup.",
        },
        Cla("cla_missing_children", "Children looked after who went missing", KpiKind.Count, Polarity.LowerIsBetter) with
        {
            Definition = "Children with a Missing row with MISSING = M (not A, away without authorisation) starting in the period on a day they were looked after.",
        },
        Cla("cla_missing_episodes", "Missing episodes of children looked after", KpiKind.Count, Polarity.LowerIsBetter) with
        {
            Definition = "Missing rows with MISSING = M starting in the period on a day the child was looked after.",
        },
        Cla("cla_reviews_in_time", "Looked-after reviews held within timescale", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of reviews in the period held during a period of care, % in time: the first within 20 working days of the start of care, the second within 3 months of the first, later ones within 6 months of the previous.",
        },
        Cla("cla_health_check", "Children looked after 12 months+ with an annual health assessment", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of children looked after on 31 March for 12 months or more (OC2 cohort), % whose OC2 row for the year has HEALTH_CHECK = 1; a cohort child without an OC2 row counts as not done. Periods ending 31 March only.",
        },
        Cla("cla_teeth_check", "Children looked after 12 months+ with teeth checked", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of children looked after on 31 March for 12 months or more (OC2 cohort), % whose OC2 row for the year has TEETH_CHECK = 1; a cohort child without an OC2 row counts as not done. Periods ending 31 March only.",
        },
        Cla("cla_immunisations", "Children looked after 12 months+ with immunisations up to date", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of children looked after on 31 March for 12 months or more (OC2 cohort), % whose OC2 row for the year has IMMUNISATIONS = 1; a cohort child without an OC2 row counts as not done. Periods ending 31 March only.",
        },
        Cla("cla_sdq_average", "Average SDQ score of children looked after 12 months+", KpiKind.Mean, Polarity.LowerIsBetter, MeasureUnit.Score) with
        {
            Definition = "Mean SDQ_SCORE of the OC2 cohort (looked after on 31 March for 12 months or more) where a score is recorded. Periods ending 31 March only.",
        },
        Cla("care_leavers_eet_19_21", "Care leavers aged 19–21 in education, employment or training", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of the year's OC3 rows for care leavers aged 19–21, % with ACTIV in education, employment or training (F1, P1, F2, P2, F4, P4, F5, P5); not known stays in the denominator. Periods ending 31 March only.",
        },
        Cla("care_leavers_eet_17_18", "Care leavers aged 17–18 in education, employment or training", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of the year's OC3 rows for care leavers aged 17–18, % with ACTIV in education, employment or training (F1, P1, F2, P2, F4, P4, F5, P5); not known stays in the denominator. Periods ending 31 March only.",
        },
        Cla("care_leavers_suitable_accom_19_21", "Care leavers aged 19–21 in suitable accommodation", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of the year's OC3 rows for care leavers aged 19–21, % whose ACCOM ends in 1 (suitable); not known and unsuitable stay in the denominator. Periods ending 31 March only.",
        },
        Cla("care_leavers_suitable_accom_17_18", "Care leavers aged 17–18 in suitable accommodation", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of the year's OC3 rows for care leavers aged 17–18, % whose ACCOM ends in 1 (suitable); not known and unsuitable stay in the denominator. Periods ending 31 March only.",
        },
        Cla("care_leavers_in_touch_19_21", "Care leavers aged 19–21 the council is in touch with", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of the year's OC3 rows for care leavers aged 19–21, % with IN_TOUCH = YES; every other answer stays in the denominator. Periods ending 31 March only.",
        },
        Cla("adopted", "Children adopted", KpiKind.Count, Polarity.Neither) with
        {
            Definition = "Children with an episode ending in the period with REC E11 or E12 (adopted).",
        },
        Cla("sgo_granted", "Children leaving care on a special guardianship order", KpiKind.Count, Polarity.Neither) with
        {
            Definition = "Children with an episode ending in the period with a special guardianship order: REC E43–E48.",
        },
        Cla("adoption_a1_days", "A1/A10: average days from entering care to moving in with the adoptive family (3 years)", KpiKind.Mean, Polarity.LowerIsBetter, MeasureUnit.Days) with
        {
            Definition = "Children adopted (REC E11/E12) in the 3 years to the end of the period: mean days from entering the care that ended in adoption to moving in with the adoptive family (for a foster-carer adoption, the start of that carer's placement).",
        },
        Cla("adoption_a2_days", "A2: average days from court authority to match (3 years)", KpiKind.Mean, Polarity.LowerIsBetter, MeasureUnit.Days) with
        {
            Definition = "Children adopted (REC E11/E12) in the 3 years to the end of the period: mean days from court authority (the first LS E1 or D1 episode of the period of care) to the match (AD1 DATE_MATCH); 0 when the match came first.",
        },
        new KpiDefinition("placements_52wk_by_type", "52-week placements by placement category", KpiKind.Per364, Polarity.Neither, KpiSource.Ssda903, PlacementCategories, MeasureUnit.Placements52wk) with
        {
            Definition = "Per placement category: nights in placement within the period ÷ 364, over all children's counted episodes.",
        },
        Cla("cla_started_rate_per_10k", "Children starting to be looked after per 10,000 children aged 0–17", KpiKind.RatePer10k, Polarity.Neither) with
        {
            Definition = "Children counted by cla_started (a period of care starting in the period), ÷ population 0–17 × 10,000.",
        },
        Cla("cla_uasc_started_rate_per_10k", "Children starting to be looked after who were UASC, per 10,000 children aged 0–17", KpiKind.RatePer10k, Polarity.Neither) with
        {
            Definition = "Children counted by cla_started whose starting episode began on a day they were an unaccompanied asylum-seeking child (a UASC row with DUC blank or after that day), ÷ population 0–17 × 10,000.",
        },
        Cla("cla_uasc_rate_per_10k", "Children looked after at the end who were UASC, per 10,000 children aged 0–17", KpiKind.RatePer10k, Polarity.Neither) with
        {
            Definition = "Children looked after on the last day of the period who were an unaccompanied asylum-seeking child that day (a UASC row with DUC blank or after it), ÷ population 0–17 × 10,000.",
        },
        Cla("cla_ceased_sgo", "Children ceasing to be looked after through a special guardianship order", KpiKind.Percent, Polarity.Neither) with
        {
            Definition = "Of children who ceased to be looked after in the period (cla_ceased), % whose latest ceasing in the period had REC E43–E48 (special guardianship order; E43/E44 to 2013/14, E45–E48 since).",
        },
        Cla("cla_ceased_cao", "Children ceasing to be looked after through a residence or child arrangements order", KpiKind.Percent, Polarity.Neither) with
        {
            Definition = "Of children who ceased to be looked after in the period (cla_ceased), % whose latest ceasing in the period had REC E41 (residence order or child arrangements order granted).",
        },
        Cla("cla_in_foster_care", "Children looked after at the end living in foster care", KpiKind.Percent, Polarity.Neither) with
        {
            Definition = "Of children looked after on the last day of the period, % whose placement that day is foster care: PLACE U1–U6.",
        },
        Cla("cla_in_childrens_homes", "Children looked after at the end living in secure homes and children's homes", KpiKind.Percent, Polarity.Neither) with
        {
            Definition = "Of children looked after on the last day of the period, % whose placement that day is a secure children's home or a children's home: PLACE K1, K2.",
        },
        Cla("cla_social_workers_3plus", "Children looked after at the end with 3 or more social workers in the period", KpiKind.Percent, Polarity.LowerIsBetter) with
        {
            Definition = "Of children looked after on the last day of the period, % with 3 or more different social workers (SW_ID) on SWEpisodes rows held during the period (SW_DECOM ≤ end, SW_DEC blank or after the start). No data for periods starting before 1 April 2023 (the table began in 2023/24).",
        },
        Cla("cla_in_independent_living", "Children looked after at the end in independent or semi-independent living or supported accommodation", KpiKind.Percent, Polarity.Neither) with
        {
            Definition = "Of children looked after on the last day of the period, % whose placement that day is independent living (P2), semi-independent living (H5) or registered supported accommodation (K3).",
        },
        Cla("adoption_decision_to_match_days", "Average days from the decision that a child should be placed for adoption to matching with adopters", KpiKind.Mean, Polarity.LowerIsBetter, MeasureUnit.Days) with
        {
            Definition = "Children matched with adopters in the period (AD1 DATE_MATCH): the mean of the days from the decision that they should be placed for adoption (the latest PlacedAdoption DATE_PLACED on or before the match, not ceased before it) to the match. The DfE's NF 47 gives the same in months (days ÷ 30.44).",
        },
        Cin("referrals", "Referrals", KpiKind.Count, Polarity.Neither) with
        {
            Definition = "Referrals with CINreferralDate in the period.",
        },
        Cin("rereferrals_12m", "Re-referrals within 12 months", KpiKind.Percent, Polarity.LowerIsBetter) with
        {
            Definition = "Of referrals in the period, % whose child's previous referral was within 12 months before it (exactly 12 months counts).",
        },
        Cin("referrals_nfa", "Referrals with no further action", KpiKind.Percent, Polarity.Neither) with
        {
            Definition = "Of referrals in the period, % with ReferralNFA true; a blank or unreadable NFA stays in the denominator.",
        },
        Cin("assessments_in_45_days", "Assessments completed within 45 working days", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of assessments authorised in the period with a valid start on or before, % authorised within 45 working days of the start.",
        },
        Cin("s47_started", "Section 47 enquiries started", KpiKind.Count, Polarity.Neither) with
        {
            Definition = "Section 47 enquiries with S47ActualStartDate in the period.",
        },
        Cin("s47_to_icpc", "Section 47 enquiries leading to an initial child protection conference", KpiKind.Percent, Polarity.Neither) with
        {
            Definition = "Of section 47 enquiries started in the period, % with a DateOfInitialCPC.",
        },
        Cin("icpc_in_15_days", "Initial child protection conferences within 15 working days", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of initial child protection conferences held in the period whose section 47 has a valid start on or before, % held within 15 working days of the section 47 start.",
        },
        Cin("cpp_at_end", "Children on a child protection plan at the end", KpiKind.Count, Polarity.Neither) with
        {
            Definition = "Children with a child protection plan open on the last day of the period (start on or before it, end blank or after it), each child once.",
        },
        Cin("cpp_rate_per_10k", "Children on a child protection plan per 10,000 children aged 0–17", KpiKind.RatePer10k, Polarity.Neither) with
        {
            Definition = "Children on a child protection plan on the last day of the period (cpp_at_end) ÷ population 0–17 × 10,000.",
        },
        Cin("cpp_started", "Child protection plans started", KpiKind.Count, Polarity.Neither) with
        {
            Definition = "Child protection plans with CPPstartDate in the period.",
        },
        Cin("cpp_subsequent", "Plans started that were a second or subsequent plan", KpiKind.Percent, Polarity.LowerIsBetter) with
        {
            Definition = "Of plans started in the period, % that were a second or subsequent plan ever (an earlier plan of the child in the data, or NumberOfPreviousCPP above 0).",
        },
        Cin("cpp_subsequent_2y", "Plans started within 2 years of the previous plan ending", KpiKind.Percent, Polarity.LowerIsBetter) with
        {
            Definition = "Of plans started in the period, % that began within 2 years of the end of the child's previous plan.",
        },
        Cin("cpp_ended_2y_plus", "Plans ended that had lasted 2 years or more", KpiKind.Percent, Polarity.LowerIsBetter) with
        {
            Definition = "Of plans ended in the period, % that had lasted 2 years or more.",
        },
        Cin("cpp_reviews_in_time", "Plans with every review due in the period held on time", KpiKind.Percent, Polarity.HigherIsBetter) with
        {
            Definition = "Of plans with at least one review due in the period, % whose reviews due in the period were all held on time (the first 3 months after the start, then every 6 months after the review held before).",
        },
        new KpiDefinition("cpp_by_category", "Children on a plan at the end by latest category of abuse", KpiKind.Percent, Polarity.Neither, KpiSource.Cin, AbuseCategories, MeasureUnit.Percent) with
        {
            Definition = "Children on a plan on the last day of the period by the latest category of abuse of their latest-starting open plan (NEG, PHY, SAB, EMO, MUL, unknown), as % of children on a plan.",
        },
        Cin("cin_at_end", "Children in need at the end", KpiKind.Count, Polarity.Neither) with
        {
            Definition = "Children with a referral open on the last day of the period: referral date on or before it, CINclosureDate blank or after it.",
        },
        Cin("cin_rate_per_10k", "Children in need per 10,000 children aged 0–17", KpiKind.RatePer10k, Polarity.Neither) with
        {
            Definition = "Children in need on the last day of the period (cin_at_end) ÷ population 0–17 × 10,000.",
        },
        Cin("cin_plans_over_12m", "Children on a CIN plan at the end whose plan began more than 12 months before", KpiKind.Percent, Polarity.LowerIsBetter) with
        {
            Definition = "Of children on a CIN plan on the last day of the period, % whose earliest open plan began more than 12 months before the end.",
        },
        Cin("cpp_2y_plus_at_end", "Children on a child protection plan at the end whose plan had lasted 2 years or more", KpiKind.Percent, Polarity.LowerIsBetter) with
        {
            Definition = "Of children on a CP plan at the end (cpp_at_end), % whose current plan (the latest-starting open one) began 2 years or more before the end: CPPstartDate ≤ end − 2 years.",
        },
        .. AssessmentFactors.Select(f => Cin(f.Id, $"Factor at the end of assessment: {f.Name}, per 10,000 children aged 0–17", KpiKind.RatePer10k, Polarity.Neither) with
        {
            Definition = $"Episodes of need (referrals) with an assessment completed (AssessmentAuthorisationDate) in the period recording factor {string.Join(" or ", f.Codes)} ({f.Name}), each episode once, ÷ population 0–17 × 10,000.",
        }),
        .. OpenCaseFactors.Select(f => Cin(f.Id, $"Children in need at the end whose open case records {f.Name}", KpiKind.Percent, Polarity.Neither) with
        {
            Definition = $"Of children in need on the last day (cin_at_end), % with an open referral one of whose assessments completed on or before the day records factor {string.Join(" or ", f.Codes)} ({f.Name}).",
        }),
        .. AnnexAKpis(),
    ]);

    /// <summary>The KPIs computed from the Ofsted Annex A lists (docs/kpis.md, "Annex A"), in the order of the lists.</summary>
    private static KpiDefinition[] AnnexAKpis() =>
    [
        AnnexA("annexa_contacts", "Contacts (Annex A List 1)", KpiKind.Count, Polarity.Neither,
            "List 1 rows whose Date of Contact is in the period: contacts, not children (a child with two contacts counts twice)."),
        AnnexA("annexa_contacts_to_referral", "Contacts followed by a referral within 30 days", KpiKind.Percent, Polarity.Neither,
            "Of contacts in the period (List 1), % followed by a referral of the same child (List 3, by Child Unique ID) dated on the contact's day or within 30 days after it."),
        AnnexA("annexa_referral_decision_1wd", "Referrals decided within 1 working day of the contact", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of referrals in the period (List 3) with a contact of the same child (List 1) on the day or in the 30 days before, % dated within 1 working day of the latest such contact. The lists hold no decision date: the referral's date is when the contact was accepted as a referral. Referrals with no earlier contact are left out."),
        AnnexA("annexa_early_help_assessments", "Early help assessments started (Annex A List 2)", KpiKind.Count, Polarity.Neither,
            "List 2 rows whose Assessment start date is in the period."),
        AnnexA("annexa_early_help_open_rate_per_10k", "Early help assessments open at the end per 10,000 children aged 0–17", KpiKind.RatePer10k, Polarity.Neither,
            "List 2 rows started on or before the last day with no completion date, or completed after it, ÷ population 0–17 × 10,000."),
        AnnexA("annexa_s47_rate_per_10k", "Section 47 enquiries per 10,000 children aged 0–17 (Annex A List 5)", KpiKind.RatePer10k, Polarity.Neither,
            "List 5 rows whose section 47 enquiry start date is in the period ÷ population 0–17 × 10,000."),
        AnnexA("annexa_icpc_no_plan", "ICPCs that did not result in a child protection plan", KpiKind.Percent, Polarity.Neither,
            "Of initial child protection conferences held in the period (List 5, with the question answered yes or no), % that did not result in a plan."),
        AnnexA("annexa_cin_seen_4w", "Children in need seen in the last 4 weeks", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of List 6 cases open on the last day (start blank or on or before it, closure blank or after it), % whose Date Child Was Last Seen is in the 28 days up to it. A case last seen after the day is left out."),
        AnnexA("annexa_caseload_average", "Average open cases per allocated worker", KpiKind.Mean, Polarity.Neither,
            "List 6 cases open on the last day with an allocated worker ÷ the different allocated workers of those cases.", MeasureUnit.Ratio),
        AnnexA("annexa_cp_visits_10wd", "Children on a child protection plan visited in the last 10 working days", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of children on a plan on the last day (List 7: start on or before it, end blank or after it), % whose Date of the Last Statutory Visit is within 10 working days before it (no visit: not in time). A child last visited after the day is left out."),
        AnnexA("annexa_cp_seen_alone", "Children on a child protection plan seen alone at the last visit", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of children on a plan on the last day with a statutory visit on or before it (List 7), % with Was the Child Seen Alone? = yes."),
        AnnexA("annexa_cp_visits_10wd_seen_alone", "Children on a child protection plan visited in the last 10 working days and seen alone", KpiKind.Percent, Polarity.HigherIsBetter,
            "As annexa_cp_visits_10wd, counting only children whose last visit was also seen alone."),
        AnnexA("annexa_cp_ended", "Child protection plans ended (Annex A List 7)", KpiKind.Count, Polarity.Neither,
            "List 7 rows whose Child Protection Plan End Date is in the period."),
        AnnexA("annexa_cla_visits_6w", "Children looked after visited in the last 6 weeks", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of children looked after on the last day (List 8: start on or before it, ceased blank or after it), % whose Date of Last Social Work Visit is in the 42 days up to it. Left out: a child last visited after the day, and one looked after under a week and not yet visited."),
        AnnexA("annexa_cla_reviews_in_time", "Children looked after with a statutory review in the last 6 months", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of children looked after on the last day for more than 20 working days (List 8), % whose Date of Latest Statutory Review is in the 6 months up to it. A review after the day: left out."),
        AnnexA("annexa_cla_permanence_plan", "Children looked after with a permanence plan recorded", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of children looked after on the last day (List 8), % whose permanence plan column names a plan (blank, none, not yet, unknown: no plan)."),
        AnnexA("annexa_cla_12_months", "Children looked after for 12 months or more", KpiKind.Percent, Polarity.Neither,
            "Of children looked after on the last day (List 8), % who started to be looked after on or before the same date a year earlier."),
        AnnexA("annexa_cla_health_dental", "Children looked after 12 months+ with health and dental checks up to date", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of children looked after on the last day who started on or before the same date a year earlier (List 8), % with both a health assessment and a dental check in the year up to it. A check after the day: left out."),
        AnnexA("annexa_missing_ri_offered", "Children missing from care offered a return interview", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of List 8 children with 1 or more missing episodes in the 12 months (the list of the year to 31 March), % offered a return interview after their last missing episode."),
        AnnexA("annexa_missing_ri_accepted", "Return interviews offered that were accepted", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of those offered a return interview (annexa_missing_ri_offered), % who accepted it."),
        AnnexA("annexa_missing_ri_held", "Children missing from care who had a return interview", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of List 8 children with 1 or more missing episodes in the 12 months (the list of the year to 31 March), % offered a return interview after their last missing episode who accepted it. The list says neither when it was held nor by whom."),
        AnnexA("annexa_care_leavers", "Care leavers (Annex A List 9)", KpiKind.Count, Polarity.Neither,
            "List 9 rows of the list of the year to 31 March: care leavers eligible, relevant and former relevant."),
        AnnexA("annexa_care_leavers_in_touch", "Care leavers the council is in touch with", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of List 9 care leavers of the year to 31 March, but for those who died or have no answer, % with LA in Touch = yes (refused, no longer required and returned home stay in the denominator)."),
        AnnexA("annexa_adoption_placed_12m_of_decision", "Children adopted who were placed within 12 months of the decision", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of List 10 children with an adoption order in the period, placed and with a decision date, % placed for adoption within 12 months of the decision that they should be."),
        AnnexA("annexa_adoption_under_18m", "Children adopted who moved in with their adoptive family within 18 months of entering care", KpiKind.Percent, Polarity.HigherIsBetter,
            "Of List 10 children with an adoption order in the period and a placement date, % placed for adoption less than 18 months after the date they entered care."),
        AnnexA("annexa_adopters_available", "Approved adopters waiting to be matched (Annex A List 11)", KpiKind.Count, Polarity.Neither,
            "List 11 adopters approved on or before the last day, and neither matched nor left the process by then."),
    ];

    private static KpiDefinition AnnexA(string id, string name, KpiKind kind, Polarity polarity, string definition, MeasureUnit? unit = null) =>
        new(id, name, kind, polarity, KpiSource.AnnexA, [], unit ?? UnitOf(kind)) { Definition = definition };

    private static KpiDefinition[] WithTimings(KpiDefinition[] kpis) =>
        [.. kpis.Select(k => Timings.TryGetValue(k.Id, out var timing) ? k with { Timing = timing } : k)];

    private static readonly FrozenDictionary<string, int> Indexes =
        All.Select((d, i) => (d.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

    private static readonly int[] Slots = BuildSlots();

    /// <summary>How many result slots (one per KPI, or one per category of a broken-down KPI).</summary>
    internal static int SlotCount => Slots[^1];

    /// <summary>The definition with id <paramref name="id"/>, or null.</summary>
    public static KpiDefinition? Find(string id) => Indexes.TryGetValue(id, out var i) ? All[i] : null;

    /// <summary>The catalogue position of <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">No KPI has that id.</exception>
    public static int IndexOf(string id) =>
        Indexes.TryGetValue(id, out var i) ? i : throw new ArgumentException($"No KPI with id '{id}'.", nameof(id));

    /// <summary>The first result slot of KPI <paramref name="index"/>; categories follow it.</summary>
    internal static int SlotOf(int index) => Slots[index];

    /// <summary>The first result slot of the KPI with id <paramref name="id"/>.</summary>
    internal static int SlotOf(string id) => Slots[IndexOf(id)];

    private static int[] BuildSlots()
    {
        var slots = new int[All.Count + 1];
        for (var i = 0; i < All.Count; i++)
        {
            slots[i + 1] = slots[i] + Math.Max(1, All[i].Categories.Count);
        }

        return slots;
    }

    private static KpiDefinition Cla(string id, string name, KpiKind kind, Polarity polarity, MeasureUnit? unit = null) =>
        new(id, name, kind, polarity, KpiSource.Ssda903, [], unit ?? UnitOf(kind));

    private static KpiDefinition Cin(string id, string name, KpiKind kind, Polarity polarity, MeasureUnit? unit = null) =>
        new(id, name, kind, polarity, KpiSource.Cin, [], unit ?? UnitOf(kind));

    // A mean says what it averages (days, a score), so each mean names its unit.
    private static MeasureUnit UnitOf(KpiKind kind) => kind switch
    {
        KpiKind.Count => MeasureUnit.Count,
        KpiKind.Percent => MeasureUnit.Percent,
        KpiKind.RatePer10k => MeasureUnit.RatePer10k,
        KpiKind.Per364 => MeasureUnit.Placements52wk,
        _ => throw new ArgumentException($"A {kind} KPI names its unit.", nameof(kind)),
    };
}
