using Lodestar.Domain.Periods;
using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Kpis;

/// <summary>
/// Computes the KPI catalogue (<see cref="KpiCatalog"/>) for one council's records over any periods, and
/// explains any result child by child. Pure: records in, results out.
/// </summary>
/// <remarks>
/// <para>Each family (903, CIN) sweeps each child's records once and adds the child's contribution to
/// every period asked for, so a five-year monthly series costs one pass, not sixty.</para>
/// <para>Rules common to all 903 measures: episodes with legal status V3 or V4 (agreed series of short
/// breaks) are left out entirely, as are episodes with a blank or invalid DECOM, an invalid DEC, or a DEC
/// before DECOM (validation reports them). A child is looked after on day D when a counted episode has
/// DECOM ≤ D and DEC blank or after D. Consecutive episodes form one period of care when the earlier
/// ends with REC X1 on the day the later starts (and the later's RNE is not S).</para>
/// <para>Children looked after:
/// cla_at_end — looked after on the last day of the period.
/// cla_rate_per_10k — cla_at_end ÷ population aged 0–17 (mid-year estimate of the calendar year before the period ends) × 10,000; no population, no value.
/// cla_started — children whose period of care started in the period (RNE S, or a re-entry after a ceased episode whatever the RNE).
/// cla_ceased — children with an episode ending in the period with REC other than X1.
/// cla_placements_3plus — of children looked after at the end, % with 3 or more placements in the period: the counted episodes overlapping the period (DECOM ≤ end, DEC blank or after the start) without T0–T4; the first counts 1; a later one counts 1 when its RNE is S, P, B, T or U and it is not the return to the placement held before a temporary move, and (by default) not a change with REASON_PLACE_CHANGE PLACE on the episode before it.
/// cla_long_term_stability — of children looked after at the end, under 16 at the end, whose period of care began 30 months or more before the end: % with the same carer for 2 years or more (the carer changes at RNE S, P or B; T, U, L, temporary moves and returns from them keep it), or placed for adoption (A3–A6) where the carer before the adoptive placement began 2 years or more before the end.
/// cla_placed_20_miles — of children looked after at the end, not placed for adoption, with both postcodes found: % whose placement is more than 20 miles from home (PL_DISTANCE as the DfE works it out from HOME_POST and PL_POST: miles straight across the National Grid, else along the great circle, to one decimal place); no postcode lookup, no value.
/// cla_missing_children, cla_missing_episodes — Missing rows with MISSING M starting in the period on a day the child was looked after: the children, and the episodes.
/// cla_reviews_in_time — reviews held in the period within a period of care: the first within 20 working days of the start of care, the second within 3 months of the first, later ones within 6 months of the previous.
/// cla_health_check, cla_teeth_check, cla_immunisations — of children looked after at the end whose period of care began on or before the day after the same date a year earlier (the OC2 cohort): % whose OC2 row for the year ending at the end has the check "1"; no OC2 row counts as not done. Only for periods ending 31 March.
/// cla_sdq_average — mean SDQ_SCORE of that cohort where a score is recorded. Only for periods ending 31 March.
/// care_leavers_* — OC3 rows of the year ending at the end, by age at the end (17–18, 19–21): EET = ACTIV F1 P1 F2 P2 F4 P4 F5 P5 (not known stays in the denominator); suitable = ACCOM with suffix 1; in touch = IN_TOUCH YES. Only for periods ending 31 March.
/// adopted, sgo_granted — children with an episode ending in the period with REC E11/E12, or E43–E48.
/// adoption_a1_days — children adopted (E11/E12) in the 3 years ending at the end: mean days from the start of the period of care to the first A3–A6 placement (for adoptions by the foster carer, AD1 FOSTER_CARE 1, to the start of that carer's placement: the A10 adjustment); without an A3–A6 episode the PlacedAdoption date; never placed, left out.
/// adoption_a2_days — same cohort: mean days from the first episode with LS E1 or D1 in the period of care to AD1 DATE_MATCH, 0 when matched before; no order or no match date, left out.
/// placements_52wk_by_type — per category, days in placement within the period ÷ 364.</para>
/// <para>Children in need: referrals — referrals dated in the period; rereferrals_12m — % of those within
/// 12 months of the child's previous referral; referrals_nfa — % with ReferralNFA true;
/// assessments_in_45_days — % of assessments authorised in the period within 45 working days of their
/// start; s47_started; s47_to_icpc — % of those with an ICPC date; icpc_in_15_days — % of ICPCs in the
/// period within 15 working days of their section 47 start; cpp_at_end, cpp_rate_per_10k; cpp_started;
/// cpp_subsequent — % of plans started that had an earlier plan in the data or NumberOfPreviousCPP &gt; 0;
/// cpp_subsequent_2y — % of plans started within 2 years of the end of the child's previous plan;
/// cpp_ended_2y_plus — % of plans ending in the period that lasted 2 years or more; cpp_reviews_in_time —
/// % of plans with a review due in the period whose reviews due in the period were all on time;
/// cpp_by_category — children on a plan at the end by LatestCategoryOfAbuse (else the initial category);
/// cin_at_end, cin_rate_per_10k — children with a referral open at the end; cin_plans_over_12m — % of
/// children on a CIN plan at the end whose earliest open plan began more than 12 months before.</para>
/// <para>National Framework indicators (issue 13, first batch; each one's definition is also
/// <see cref="KpiDefinition.Definition"/>): cla_started_rate_per_10k — cla_started per 10,000;
/// cla_uasc_started_rate_per_10k, cla_uasc_rate_per_10k —
/// children starting (at the DECOM of the starting episode) or looked after at the end who were UASC that
/// day (a UASC row with DUC blank or after it), per 10,000; cla_ceased_sgo, cla_ceased_cao — of children
/// ceasing, % whose latest ceasing in the period was REC E43–E48 (SGO) or E41 (residence or child
/// arrangements order); cla_in_foster_care (U1–U6), cla_in_childrens_homes (K1, K2),
/// cla_in_independent_living (P2, H5, K3) — % of children looked after at the end by the placement held
/// that day; cla_social_workers_3plus — of children looked after at the end, % with 3 or more different
/// SW_IDs on SWEpisodes held during the period (no data for periods starting before 1 April 2023);
/// cpp_2y_plus_at_end — of children on a CP plan at the end, % whose current plan began 2
/// years or more before; factor_*_rate_per_10k — episodes of need with an assessment completed in the
/// period recording the factor's AssessmentFactors code (3A, 3B, 3C, 17A, 23A, 16A, 18C, 18B, 18A, 19C,
/// 19B, 19A, 24A, 11A, 13A, 10A, 12A), each episode once, per 10,000; adoption_decision_to_match_days
/// (NF 47) — children matched in the period (AD1 DATE_MATCH): mean days from the PlacedAdoption decision
/// in force at the match (latest DATE_PLACED on or before it, not ceased before it); a match before every
/// decision is left out.</para>
/// <para>Annex A (the Ofsted ILACS lists, issue 13): the annexa_* KPIs, each defined on its
/// <see cref="KpiDefinition.Definition"/> and in docs/kpis.md ("Annex A"); a list's rows speak for their
/// file's collection year (<see cref="AnnexAKpis"/>).</para>
/// <para>Working days: Monday–Friday without bank holidays, not counting the start day. Full text with
/// the reasons and the differences from the DfE: docs/kpis.md.</para>
/// </remarks>
public sealed class KpiEngine
{
    private readonly KpiOptions _options;

    public KpiEngine(KpiOptions? options = null)
    {
        _options = options ?? KpiOptions.Default;
    }

    /// <summary>What the engine computes with besides the records.</summary>
    public KpiOptions Options => _options;

    /// <summary>Every KPI (or those in <paramref name="kpiIds"/>) for every period, in catalogue then period order.</summary>
    /// <exception cref="ArgumentException">An id is not in the catalogue.</exception>
    public IReadOnlyList<KpiResult> Compute(KpiDataset dataset, IReadOnlyList<Period> periods, IEnumerable<string>? kpiIds = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(periods);
        var wanted = Wanted(kpiIds);
        // Only the asked KPIs' work is done: the families skip the parts of their sweep no asked KPI needs.
        var tally = new KpiTally(periods.Count, kpiIds is null ? null : wanted);
        var (start, end) = Days(periods);
        var needCla = wanted.Any(i => KpiCatalog.All[i].Source == KpiSource.Ssda903);
        var needCin = wanted.Any(i => KpiCatalog.All[i].Source == KpiSource.Cin);
        if (needCla && dataset.Cla is { } cla)
        {
            new ClaKpis(cla, _options, tally, start, end).Run(0, cla.Children.Count);
        }

        if (needCin && dataset.Cin is { } cin)
        {
            new CinKpis(cin, _options, tally, start, end).Run(0, cin.Children.Count);
        }

        if (wanted.Any(i => KpiCatalog.All[i].Source == KpiSource.AnnexA) && dataset.AnnexA is { } annexA)
        {
            new AnnexAKpis(annexA, _options, tally, start, end).Run(0, annexA.Children.Count, 0, annexA.Adopters.Count);
        }

        var results = new List<KpiResult>(wanted.Count * periods.Count);
        foreach (var index in wanted)
        {
            for (var p = 0; p < periods.Count; p++)
            {
                AddResults(results, dataset, index, periods[p], tally, p);
            }
        }

        return results;
    }

    /// <summary>One KPI for one period (for a KPI with categories, the results of every category).</summary>
    public IReadOnlyList<KpiResult> Compute(string kpiId, KpiDataset dataset, Period period) =>
        Compute(dataset, [period], [kpiId]);

    /// <summary>The children in the numerator and denominator of a result, with every child's reasons.</summary>
    public KpiExplanation Explain(string kpiId, KpiDataset dataset, Period period) => Explain(kpiId, dataset, period, null);

    /// <summary>Why one child was or was not counted in a result (empty when the data does not hold the child).</summary>
    public IReadOnlyList<string> ExplainChild(string kpiId, KpiDataset dataset, Period period, string childId)
    {
        ArgumentNullException.ThrowIfNull(childId);
        var explanation = Explain(kpiId, dataset, period, childId);
        return explanation.Reasons.TryGetValue(childId, out var reasons) ? reasons : [];
    }

    private KpiExplanation Explain(string kpiId, KpiDataset dataset, Period period, string? childId)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var index = KpiCatalog.IndexOf(kpiId);
        var definition = KpiCatalog.All[index];
        var slot = KpiCatalog.SlotOf(index);
        var tally = new KpiTally(slot, slot + Math.Max(1, definition.Categories.Count));
        var (start, end) = Days([period]);
        ChildIndex? children = null;
        if (definition.Source == KpiSource.Ssda903 && dataset.Cla is { } cla)
        {
            children = cla.Children;
            var (from, to) = Range(cla.Children, childId);
            new ClaKpis(cla, _options, tally, start, end).Run(from, to);
        }
        else if (definition.Source == KpiSource.Cin && dataset.Cin is { } cin)
        {
            children = cin.Children;
            var (from, to) = Range(cin.Children, childId);
            new CinKpis(cin, _options, tally, start, end).Run(from, to);
        }
        else if (definition.Source == KpiSource.AnnexA && dataset.AnnexA is { } annexA)
        {
            // A KPI of adopters (List 11) explains adopters, by their identifiers; the others children.
            var adopters = AnnexAKpis.CountsAdopters(kpiId);
            children = adopters ? annexA.Adopters : annexA.Children;
            var (from, to) = Range(children, childId);
            new AnnexAKpis(annexA, _options, tally, start, end).Run(adopters ? 0 : from, adopters ? 0 : to, adopters ? from : 0, adopters ? to : 0);
        }

        var results = new List<KpiResult>();
        AddResults(results, dataset, index, period, tally, 0);
        var result = results[0];
        string Id(int child) => children!.IdOf(child);
        var reasons = tally.Reasons.ToDictionary(kv => Id(kv.Key), kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
        return new KpiExplanation(
            result,
            [.. tally.NumeratorChildren.Order().Select(Id)],
            [.. tally.DenominatorChildren.Order().Select(Id)],
            reasons);
    }

    private static (int From, int To) Range(ChildIndex children, string? childId)
    {
        if (childId is null)
        {
            return (0, children.Count);
        }

        var child = children.Find(childId);
        return child < 0 ? (0, 0) : (child, child + 1);
    }

    private void AddResults(List<KpiResult> results, KpiDataset dataset, int index, Period period, KpiTally tally, int p)
    {
        var definition = KpiCatalog.All[index];
        var slot = KpiCatalog.SlotOf(index);
        var hasData = dataset.Covers(definition.Source, period);
        var categories = Math.Max(1, definition.Categories.Count);
        for (var c = 0; c < categories; c++)
        {
            var category = definition.HasCategories ? definition.Categories[c] : null;
            if (!hasData || tally.IsNoData(slot + c, p))
            {
                results.Add(new KpiResult(definition.Id, dataset.Council, period.Start, period.End, null, null, null, definition.Unit, category));
                continue;
            }

            var numerator = tally.Numerator(slot + c, p);
            var denominator = tally.Denominator(slot + c, p);
            results.Add(definition.Kind switch
            {
                KpiKind.Count => new KpiResult(definition.Id, dataset.Council, period.Start, period.End, numerator, null, null, definition.Unit, category),
                KpiKind.RatePer10k => Rate(definition, dataset.Council, period, numerator),
                KpiKind.Percent => Ratio(definition, dataset.Council, period, numerator, denominator, 100, category),
                KpiKind.Mean or KpiKind.Per364 => Ratio(definition, dataset.Council, period, numerator, denominator, 1, category),
                _ => throw new InvalidOperationException($"Unknown kind {definition.Kind}."),
            });
        }
    }

    private KpiResult Rate(KpiDefinition definition, string council, Period period, double numerator)
    {
        var population = _options.Population.ForPeriodEnding(council, period.End);
        return population is { } people
            ? new KpiResult(definition.Id, council, period.Start, period.End, numerator / people * 10_000, numerator, people, definition.Unit)
            : new KpiResult(definition.Id, council, period.Start, period.End, null, numerator, null, definition.Unit);
    }

    private static KpiResult Ratio(KpiDefinition definition, string council, Period period, double numerator, double denominator, double scale, string? category) =>
        new(definition.Id, council, period.Start, period.End, denominator > 0 ? numerator / denominator * scale : null, numerator, denominator, definition.Unit, category);

    private static List<int> Wanted(IEnumerable<string>? kpiIds) =>
        kpiIds is null ? [.. Enumerable.Range(0, KpiCatalog.All.Count)] : [.. kpiIds.Select(KpiCatalog.IndexOf).Distinct().Order()];

    private static (int[] Start, int[] End) Days(IReadOnlyList<Period> periods)
    {
        var start = new int[periods.Count];
        var end = new int[periods.Count];
        for (var p = 0; p < periods.Count; p++)
        {
            start[p] = periods[p].StartDay;
            end[p] = periods[p].EndDay;
        }

        return (start, end);
    }
}
