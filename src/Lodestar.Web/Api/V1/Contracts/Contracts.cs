using Lodestar.Application.Forecast;
using Lodestar.Application.Scorecards;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Benefits;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Savings;
using Lodestar.Formats.Frameworks;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lodestar.Web.Api.V1.Contracts;

/// <summary>The one naming policy of /api/v1, for property names (ApiV1) and enumeration values (here) alike.</summary>
internal static class Wire
{
    public static readonly JsonNamingPolicy Policy = JsonNamingPolicy.SnakeCaseLower;

    public static string Name<T>(T value)
        where T : struct, Enum => Policy.ConvertName(value.ToString());
}

// The records /api/v1 reads and writes: the contract, kept apart from the domain types so the domain can
// change without changing the API. Property names go out in snake_case (one policy, ApiV1.AddApiV1);
// enumerations go out as snake_case strings.

/// <summary>A council the caller may see.</summary>
internal sealed record CouncilItem(string Code, string LaNumber, string Name, string? Region)
{
    public static CouncilItem From(Council c) => new(c.Code, c.LaNumber, c.Name, c.Region);
}

/// <summary>A framework: its id, title, owner, and how many nodes and measures it has.</summary>
internal sealed record FrameworkItem(string Id, string Title, string? Owner, int Nodes, int Measures);

/// <summary>A measure as a framework defines it.</summary>
internal sealed record MeasureItem(string Id, string? Number, string Title, string? Group, string Unit, string Polarity, int DecimalPlaces, string Source, string SourceReference)
{
    public static MeasureItem From(Measure m) => new(
        m.Id, m.Number, m.Title, m.Group, Wire.Name(m.Unit), Wire.Name(m.Polarity), m.DecimalPlaces, Wire.Name(m.Source.Kind), m.Source.Reference);
}

/// <summary>
/// One reporting year of a measure for a council: value, target, RAG and why; <c>small_number</c> when the value is about
/// fewer than 5 children, and with <c>suppress=true</c> such a value null and <c>suppressed</c> "c".
/// </summary>
internal sealed record MeasurePoint(
    int Year, string Period, decimal? Value, decimal? Numerator, decimal? Denominator, decimal? Target, string Rag, string Reason, bool SmallNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Suppressed);

/// <summary>A measure's series for a council over reporting years, oldest first.</summary>
internal sealed record MeasureSeries(string Framework, MeasureItem Measure, string Council, IReadOnlyList<MeasurePoint> Points);

/// <summary>A benchmark figure on a scorecard row (England, region, neighbours…).</summary>
internal sealed record ScorecardBenchmark(string Label, decimal? Value, string? Note);

/// <summary>
/// A measure's line on a scorecard. <c>small_number</c>: the value is about fewer than 5 children (docs/kpis.md, "Small
/// numbers"); with <c>suppress=true</c>, <c>suppressed</c> is "c" when the value is withheld and <c>withheld</c> names the
/// figures withheld (value, previous, same_last_year), each null.
/// </summary>
internal sealed record ScorecardMeasure(
    string Id,
    string? Number,
    string Title,
    string Unit,
    string Polarity,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    string ValueText,
    decimal? Target,
    string Rag,
    string Reason,
    decimal? Previous,
    string VersusPrevious,
    decimal? SameLastYear,
    string VersusLastYear,
    IReadOnlyList<ScorecardBenchmark> Benchmarks,
    bool SmallNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Withheld);

/// <summary>A node of the framework with its measures and its children.</summary>
internal sealed record ScorecardNodeItem(string Id, string Kind, string Title, IReadOnlyList<ScorecardMeasure> Measures, IReadOnlyList<ScorecardNodeItem> Children);

/// <summary>A framework's scorecard for one council and reporting year; counts by RAG (green, amber, red, grey).</summary>
internal sealed record ScorecardResult(string Framework, string Title, string Council, string Period, string PeriodLabel, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ScorecardNodeItem> Nodes)
{
    // One contract per built (marked or withheld) scorecard object, kept as long as it is: the cache hands out the
    // same object until the data changes, so a request maps none of its rows again.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Scorecard, ScorecardResult> Mapped = [];

    /// <summary>The contract of a scorecard, mapped once per scorecard object.</summary>
    public static ScorecardResult Of(Scorecard s) => Mapped.GetValue(s, From);

    public static ScorecardResult From(Scorecard s) => new(
        s.FrameworkId, s.FrameworkTitle, s.Council, s.Period.ToString(), s.Period.Describe(),
        s.Counts().ToDictionary(c => Wire.Name(c.Key), c => c.Value), [.. s.Nodes.Select(Node)]);

    private static ScorecardNodeItem Node(ScorecardNode n) => new(n.Node.Id, n.Node.Kind, n.Node.Title, [.. n.Rows.Select(Row)], [.. n.Children.Select(Node)]);

    public static ScorecardMeasure Row(ScorecardRow r)
    {
        var small = ScorecardFormats.SmallFields(r);
        return new(
            r.Measure.Id, r.Measure.Number, r.Measure.Title, Wire.Name(r.Measure.Unit), Wire.Name(r.Measure.Polarity),
            r.Value?.Value, r.Value?.Numerator, r.Value?.Denominator, r.ValueText, r.Target?.Value, Wire.Name(r.Rag.Status), r.Rag.Reason,
            r.PreviousValue, Wire.Name(r.VersusPrevious), r.SameLastYearValue, Wire.Name(r.VersusLastYear),
            [.. r.Benchmarks.Select(b => new ScorecardBenchmark(b.Label, b.Value, b.Note))], small.SmallNumber, small.Suppressed, small.Withheld);
    }
}

/// <summary>
/// One KPI result: null value, numerator and denominator when the data do not cover the period; <c>category</c> only for a
/// KPI split by category; <c>small_number</c> when it is about fewer than 5 children (docs/kpis.md, "Small numbers"); with
/// <c>suppress=true</c> such a result has value, numerator and denominator null and <c>suppressed</c> "c".
/// </summary>
internal sealed record KpiResultItem(
    string Kpi, string Council, DateOnly PeriodStart, DateOnly PeriodEnd, double? Value, double? Numerator, double? Denominator, string Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Category, bool SmallNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Suppressed = null);

/// <summary>The children (pseudonymous ids) behind a KPI result.</summary>
internal sealed record KpiChildren(IReadOnlyList<string> Numerator, IReadOnlyList<string> Denominator);

/// <summary>How many deliverables have each RAG (blue, green, amber, red) for one priority (null: none given).</summary>
internal sealed record PriorityCount(string? Priority, IReadOnlyDictionary<string, int> ByRag, int Total);

/// <summary>An action plan in the list: its RAG and deliverable counts on a date.</summary>
internal sealed record ActionPlanItem(string Id, string Title, string? Council, DateOnly AsAt, string Rag, int Deliverables, IReadOnlyDictionary<string, int> DeliverablesByRag, IReadOnlyList<PriorityCount> DeliverablesByPriority, int Overdue);

/// <summary>A deliverable's status on the as-at date.</summary>
/// <remarks><c>is_override</c>: the RAG is a manager's override; <c>recorded_rag</c>: the RAG the plan's document recorded.</remarks>
internal sealed record DeliverableItem(string Number, string Text, string? Priority, DateOnly? EndDate, DateOnly? Completed, string Rag, string Reason, bool IsOverride, string? RecordedRag);

/// <summary>A workstream with its rolled-up RAG and deliverables.</summary>
internal sealed record WorkstreamItem(string Number, string Title, IReadOnlyList<string> Leads, string? Priority, string Rag, IReadOnlyList<DeliverableItem> Deliverables);

/// <summary>An outcome with its rolled-up RAG and workstreams.</summary>
internal sealed record OutcomeItem(string Number, string Title, string Rag, IReadOnlyList<WorkstreamItem> Workstreams);

/// <summary>A deliverable past its end date and not complete.</summary>
internal sealed record OverdueItem(string Number, string Text, IReadOnlyList<string> Leads, DateOnly EndDate, int DaysOverdue, string Rag);

/// <summary>An action plan's status on a date.</summary>
internal sealed record ActionPlanDetail(
    string Id,
    string Title,
    DateOnly AsAt,
    int WarningWindowDays,
    string Rag,
    IReadOnlyList<OutcomeItem> Outcomes,
    IReadOnlyDictionary<string, int> DeliverablesByRag,
    IReadOnlyList<PriorityCount> DeliverablesByPriority,
    IReadOnlyList<OverdueItem> Overdue,
    PlanForecastItem? Forecast = null)
{
    public static ActionPlanDetail From(ActionPlanStatus s) => new(
        s.PlanId, s.Title, s.AsAt, s.WarningWindowDays, Wire.Name(s.Rag),
        [.. s.Outcomes.Select(o => new OutcomeItem(o.Number, o.Title, Wire.Name(o.Rag),
            [.. o.Workstreams.Select(w => new WorkstreamItem(w.Number, w.Title, w.Leads, Priority(w.Priority), Wire.Name(w.Rag),
                [.. w.Deliverables.Select(Deliverable)]))]))],
        ByRag(s.DeliverablesByRag), Priorities(s.DeliverablesByPriority),
        [.. s.Overdue.Select(d => new OverdueItem(d.Number, d.Text, d.Leads, d.EndDate, d.DaysOverdue, Wire.Name(d.Rag)))]);

    public static DeliverableItem Deliverable(DeliverableStatus d) => new(
        d.Number, d.Text, Priority(d.Priority), d.EndDate, d.Completed, Wire.Name(d.Rag.Rag), d.Rag.Reason, d.Rag.IsOverride, d.RecordedRag is { } r ? Wire.Name(r) : null);

    public static IReadOnlyDictionary<string, int> ByRag(IReadOnlyDictionary<ActionRag, int> counts) =>
        counts.ToDictionary(c => Wire.Name(c.Key), c => c.Value);

    public static IReadOnlyList<PriorityCount> Priorities(IReadOnlyList<PriorityRagCount> counts) =>
        [.. counts.Select(p => new PriorityCount(Priority(p.Priority), ByRag(p.ByRag), p.Total))];

    private static string? Priority(ActionPriority? p) => p is { } v ? Wire.Name(v) : null;
}

/// <summary>The body of a progress update: the text, and optionally the RAG recorded with it (blue, green, amber or red).</summary>
internal sealed record ProgressUpdateRequest(string? Text, string? Rag);

/// <summary>A savings line: plan, delivered and forecast in £k (savings negative; null when not measured).</summary>
internal sealed record SavingsLineItem(string Line, string? Reference, decimal PlanK, decimal? DeliveredK, decimal? ForecastK)
{
    public static SavingsLineItem From(SavingsLine l) => new(l.Line, l.Reference, l.PlanK, l.DeliveredK, l.ForecastK);
}

/// <summary>A financial year of a savings plan (e.g. 2016/17).</summary>
internal sealed record SavingsYearItem(string Year, IReadOnlyList<SavingsLineItem> ByObjective, SavingsLineItem Total, IReadOnlyList<SavingsLineItem> ByPlacementType);

/// <summary>A savings plan's plan against delivered and forecast, by year.</summary>
internal sealed record SavingsPlanItem(string Id, string Title, IReadOnlyList<SavingsYearItem> Years, IReadOnlyList<ReconciliationItem> Reconciliation, TrendForecastItem? TrendForecast = null)
{
    public static SavingsPlanItem From(SavingsReport r) => new(
        r.PlanId, r.Title,
        [.. r.Years.Select(y => new SavingsYearItem(y.Year.ToFinancialYearLabel(), [.. y.ByObjective.Select(SavingsLineItem.From)], SavingsLineItem.From(y.Total), [.. y.ByPlacementType.Select(SavingsLineItem.From)]))],
        [.. r.Reconciliation.Select(i => new ReconciliationItem(i.Line, i.StatedK, i.ComputedK, i.DifferenceK))]);
}

/// <summary>Issue 15: a target of the plan on children looked after, and the forecast (or the returns) at its month end; expected null when outside both.</summary>
internal sealed record PlanTargetForecastItem(DateOnly Date, DateOnly Month, decimal Target, double? Expected, bool Forecast);

/// <summary>Issue 15: a saved scenario linked to one of the plan's workstreams and what it must achieve against the baseline.</summary>
internal sealed record WorkstreamScenarioItem(string Workstream, string Scenario, string Changes, DateOnly? LastMonth, double? ChildrenChange, double? PlacementsChange, string? Problem);

/// <summary>
/// Issue 15: the plan joined to the looked-after children forecast (as at the last day the council's returns cover,
/// over 24 months, as the action plan page and the forecast page's default): its looked-after targets beside the
/// forecast and its workstreams' scenarios. <c>Problem</c> says why there is no forecast.
/// </summary>
internal sealed record PlanForecastItem(string Council, DateOnly? AsAt, int Months, IReadOnlyList<PlanTargetForecastItem> Targets, IReadOnlyList<WorkstreamScenarioItem> Workstreams, string? Problem);

/// <summary>Issue 15: one placement type's year from the looked-after children forecast (money in £, savings negative).</summary>
internal sealed record TrendPlacementItem(
    string PlacementType, decimal BaselinePlacements, decimal ActualPlacements, decimal ForecastPlacements, decimal? UnitCost, bool UnitCostInflated, decimal? ForecastSpend, decimal? ForecastSavings);

/// <summary>Issue 15: an objective's plan and its trend forecast (£k), from the placement types it names; null when it names none.</summary>
internal sealed record TrendObjectiveItem(string Objective, string? Reference, decimal PlanK, decimal? ForecastK);

/// <summary>
/// Issue 15: the savings plan's forecast column from the looked-after children forecast for one financial year
/// (docs/forecast.md, "Joined to the plan"), as the savings page shows it beside the run rate.
/// </summary>
internal sealed record TrendForecastItem(
    string Council, string Year, DateOnly To, string BaselineYear, decimal InflationRate, decimal? ForecastSavings,
    IReadOnlyList<TrendPlacementItem> ByPlacementType, IReadOnlyList<TrendObjectiveItem> ByObjective)
{
    public static TrendForecastItem From(string council, ForecastSavingsResult r, IReadOnlyList<ForecastObjectiveSavings> objectives) => new(
        council, r.Year.ToFinancialYearLabel(), r.To, r.BaselineYear.ToFinancialYearLabel(), r.InflationRate, r.ForecastSavings,
        [.. r.Categories.Select(c => new TrendPlacementItem(Wire.Name(c.Category), c.Baseline52Wk, c.Actual52Wk, c.Forecast52Wk, c.UnitCost, c.Inflated, c.ForecastSpend, c.ForecastSavings))],
        [.. objectives.Select(o => new TrendObjectiveItem(o.Objective, o.BpReference, o.PlanK, o.ForecastK))]);
}

/// <summary>A line whose stated total differs from the sum of its parts (£k).</summary>
internal sealed record ReconciliationItem(string Line, decimal StatedK, decimal ComputedK, decimal DifferenceK);

/// <summary>A value a benefit realised, on a date.</summary>
internal sealed record RealisedItem(DateOnly Date, decimal Value, string? Note);

/// <summary>One benefit of a register.</summary>
internal sealed record BenefitItem(
    string Id, string Description, bool Financial, string? Timing, string? HowMeasured, string? Baseline, decimal? BaselineValue, string? Target,
    decimal? ValuePerYear, int ConfidencePercent, decimal? RiskAdjustedValuePerYear, decimal RealisedToDate, IReadOnlyList<string> Measures, IReadOnlyList<RealisedItem> Realised);

/// <summary>A benefits register with its totals.</summary>
internal sealed record BenefitsRegisterItem(string Id, string Title, string? Source, decimal ValuePerYear, decimal RiskAdjustedValuePerYear, decimal RealisedToDate, IReadOnlyList<BenefitItem> Benefits)
{
    public static BenefitsRegisterItem From(BenefitsRegister r) => new(
        r.Id, r.Title, r.Source, r.ValuePerYear, r.RiskAdjustedValuePerYear, r.RealisedToDate,
        [.. r.Benefits.Select(b => new BenefitItem(
            b.Id, b.Description, b.Financial, b.Timing, b.HowMeasured, b.Baseline, b.BaselineValue, b.Target, b.ValuePerYear,
            b.ConfidencePercent, b.RiskAdjustedValuePerYear, b.RealisedToDate, b.Measures, [.. b.Realised.Select(v => new RealisedItem(v.Date, v.Value, v.Note))]))]);
}

/// <summary>A submission of a statutory return: its status (checked, confirmed, superseded, rolled_back, discarded) and its findings.</summary>
internal sealed record SubmissionItem(long Id, string Council, string Return, int CollectionYear, string Status, string CheckedBy, DateTimeOffset CheckedAt, string? ConfirmedBy, DateTimeOffset? ConfirmedAt, long? SupersededId, int Errors, int Warnings, int RulesNotRun);

/// <summary>
/// A measure of the national scorecard, in the framework's order; <c>england</c>: England's published DfE figure for the
/// year (null when the DfE does not benchmark the measure or gives none), <c>england_note</c> when it is suppressed.
/// </summary>
internal sealed record NationalMeasure(
    string Id, string? Number, string Title, string Unit, string Polarity, int DecimalPlaces, decimal? England,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EnglandNote);

/// <summary>
/// A council's line for one measure, as its own scorecard gives it: value (with numerator and denominator), the value as
/// text, target, RAG and why; <c>small_number</c> and, with <c>suppress=true</c>, <c>suppressed</c> "c" and the value null.
/// </summary>
internal sealed record NationalValue(
    string Measure, decimal? Value, decimal? Numerator, decimal? Denominator, string ValueText, decimal? Target, string Rag, string Reason, bool SmallNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Suppressed);

/// <summary>
/// A council the caller may see. <c>has_data</c> false: it has neither stored KPI results nor entered values for the
/// framework's measures — <c>counts</c> null and <c>values</c> empty. <c>stored_results</c>: its returns' KPI results are
/// stored (false: only entered values). <c>values</c>: one per measure, in the order of <c>measures</c>.
/// </summary>
internal sealed record NationalCouncil(
    string Code, string LaNumber, string Name, string? Region, bool HasData, bool StoredResults, IReadOnlyDictionary<string, int>? Counts,
    IReadOnlyList<NationalValue> Values);

/// <summary>A framework's scorecard for every council the caller may see, for one reporting year, by council name.</summary>
internal sealed record NationalScorecardResult(
    string Framework, string Title, string Period, string PeriodLabel, IReadOnlyList<NationalMeasure> Measures, IReadOnlyList<NationalCouncil> Councils)
{
    /// <summary>The contract; <paramref name="applied"/>: each shown council's scorecard with small numbers marked or withheld.</summary>
    public static NationalScorecardResult From(NationalScorecard national, IReadOnlyDictionary<string, Scorecard> applied)
    {
        var shown = national.Councils.Select(c => (c.Council, Scorecard: applied[c.Council.Code]));
        var without = national.WithoutData.Select(c => (Council: c, Scorecard: (Scorecard?)null));
        return new(
            national.FrameworkId, national.FrameworkTitle, national.Period.ToString(), national.Period.Describe(),
            [.. national.Measures.Select(m =>
            {
                var england = national.England.GetValueOrDefault(m.Id);
                return new NationalMeasure(
                    m.Id, m.Number, m.Title, Wire.Name(m.Unit), Wire.Name(m.Polarity), m.DecimalPlaces, england?.Value, england?.Note);
            })],
            [.. shown.Select(s => (s.Council, Scorecard: (Scorecard?)s.Scorecard)).Concat(without)
                .OrderBy(c => c.Council.Name, StringComparer.Ordinal)
                .Select(c => Line(c.Council, c.Scorecard, national.WithStoredResults.Contains(c.Council.Code)))]);
    }

    private static NationalCouncil Line(Council council, Scorecard? scorecard, bool stored) => new(
        council.Code, council.LaNumber, council.Name, council.Region, scorecard is not null, stored,
        scorecard?.Counts().ToDictionary(c => Wire.Name(c.Key), c => c.Value),
        scorecard is null ? [] : [.. scorecard.Rows.DistinctBy(r => r.Measure.Id).Select(Value)]);

    private static NationalValue Value(ScorecardRow r)
    {
        var small = ScorecardFormats.SmallFields(r);
        return new(
            r.Measure.Id, r.Value?.Value, r.Value?.Numerator, r.Value?.Denominator, r.ValueText, r.Target?.Value, Wire.Name(r.Rag.Status), r.Rag.Reason,
            small.SmallNumber, small.Suppressed);
    }
}
