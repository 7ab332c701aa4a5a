using System.Globalization;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Benefits;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lodestar.Formats.Actions;

/// <summary>
/// Writes action plans, savings plans and benefits registers in the format <see cref="ActionsYamlReader"/>
/// reads, so that export then import gives the same plan (history included).
/// </summary>
public static class ActionsYamlWriter
{
    public static string Write(ActionsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document switch
        {
            { Benefits: { } register } => Register(register),
            { Plan: { } plan } => Plan(plan, document.Savings),
            { Savings: { } savings } => Map(("savings_plan", Savings(savings))),
            _ => throw new ArgumentException("The document is empty.", nameof(document)),
        };

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlStream ends a document with "...", which is valid but unusual in hand-edited files.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode Plan(ActionPlan plan, SavingsPlan? savings) => Map(
        ("id", Str(plan.Id)),
        ("title", Str(plan.Title)),
        ("council", Str(plan.Council)),
        ("source", Str(plan.Source)),
        ("as_at", Date(plan.AsAt)),
        ("warning_window_days", Num(plan.WarningWindowDays)),
        ("notes", Str(plan.Notes)),
        ("targets", plan.Targets.Count == 0 ? null : Seq(plan.Targets.Select(t => Map(
            ("measure", Str(t.MeasureId)), ("council", Str(t.CouncilCode)), ("date", Date(t.Date)), ("value", Num(t.Value)))))),
        ("outcomes", Seq(plan.Outcomes.Select(o => Map(
            ("number", Str(o.Number)),
            ("title", Str(o.Title)),
            ("workstreams", Seq(o.Workstreams.Select(Workstream))))))),
        ("savings_plan", savings is null ? null : Savings(savings)));

    private static YamlMappingNode Workstream(Workstream w) => Map(
        ("number", Str(w.Number)),
        ("title", Str(w.Title)),
        ("description", Str(w.Description)),
        ("leads", Seq(w.Leads.Select(l => Str(l)!))),
        ("target_age_group", Str(w.TargetAgeGroup)),
        ("priority", Word(w.Priority is { } p ? ActionsYaml.Word(p) : null)),
        ("impact_objective", Word(w.ImpactObjective is { } i ? ActionsYaml.Word(i) : null)),
        ("expected_impact", Str(w.ExpectedImpact)),
        ("how_measured", Str(w.HowMeasured)),
        ("target_saving_k", Num(w.TargetSavingK)),
        ("target_reduction_52wk", Num(w.TargetReduction52Wk)),
        ("recorded_rag", Word(w.RecordedRag is { } r ? ActionsYaml.Word(r) : null)),
        ("progress", Progress(w.Progress)),
        ("deliverables", Seq(w.Deliverables.Select(Deliverable))));

    private static YamlMappingNode Deliverable(Deliverable d) => Map(
        ("number", Str(d.Number)),
        ("text", Str(d.Text)),
        ("target_end", Date(d.TargetEnd)),
        ("revised_end", Date(d.RevisedEnd)),
        ("completed", Date(d.Completed)),
        ("impact_objective", Word(d.ImpactObjective is { } i ? ActionsYaml.Word(i) : null)),
        ("expected_impact", Str(d.ExpectedImpact)),
        ("how_measured", Str(d.HowMeasured)),
        ("measures", d.Measures.Count == 0 ? null : Seq(d.Measures.Select(m => Str(m)!))),
        ("target_saving_k", Num(d.TargetSavingK)),
        ("target_reduction_52wk", Num(d.TargetReduction52Wk)),
        ("recorded_rag", Word(d.RecordedRag is { } r ? ActionsYaml.Word(r) : null)),
        ("progress", Progress(d.Progress)),
        ("overrides", d.Overrides.Count == 0 ? null : Seq(d.Overrides.Select(o => Map(
            ("date", Date(o.Date)),
            ("by", Str(o.By)),
            ("rag", Word(o.Rag is { } r ? ActionsYaml.Word(r) : "none")),
            ("reason", Str(o.Reason)))))));

    private static YamlSequenceNode? Progress(IReadOnlyList<ProgressUpdate> progress) => progress.Count == 0 ? null : Seq(progress.Select(p => Map(
        ("date", Date(p.Date)),
        ("by", Str(p.By)),
        ("text", Str(p.Text)),
        ("rag", Word(p.Rag is { } r ? ActionsYaml.Word(r) : null)))));

    private static YamlMappingNode Savings(SavingsPlan s) => Map(
        ("id", Str(s.Id)),
        ("title", Str(s.Title)),
        ("years", Flow(Seq(s.Years.Select(y => Str(y.ToFinancialYearLabel())!)))),
        ("placement_year", Str(s.PlacementYear?.ToFinancialYearLabel())),
        ("notes", Str(s.Notes)),
        ("by_objective", Seq(s.ByObjective.Select(o => Map(
            ("objective", Str(o.Objective)),
            ("bp_reference", Str(o.BpReference)),
            ("placement_types", o.PlacementTypes.Count == 0 ? null : Flow(Seq(o.PlacementTypes.Select(p => Word(ActionsYaml.Word(p))!)))),
            ("values_k", YearValues(s.Years, o.ValuesK)))))),
        ("stated_totals_k", s.StatedTotalsK.Count == 0 ? null : YearValues(s.Years, s.StatedTotalsK)),
        ("by_placement_type", s.ByPlacementType.Count == 0 ? null : Seq(s.ByPlacementType.Select(p => Map(
            ("placement_type", Word(ActionsYaml.Word(p.PlacementType))),
            ("label", Str(p.Label)),
            ("bp_savings_k", p.UnsplitK is not null && p.BpSavingsK == 0m ? null : Num(p.BpSavingsK)),
            ("budget_transfers_k", p.UnsplitK is not null && p.BudgetTransfersK == 0m ? null : Num(p.BudgetTransfersK)),
            ("saving_k", Num(p.UnsplitK)))))),
        ("stated_placement_total_k", s.StatedPlacementTotal is not { } t ? null : Flow(Map(
            ("bp_savings", Num(t.BpSavingsK)), ("budget_transfers", Num(t.BudgetTransfersK)), ("total", Num(t.TotalK))))));

    private static YamlMappingNode YearValues(IReadOnlyList<Period> years, IReadOnlyDictionary<Period, decimal> values) =>
        Flow(Map([.. years.Where(values.ContainsKey).Select(y => (y.ToFinancialYearLabel(), (YamlNode?)Num(values[y])))]));

    private static YamlMappingNode Register(BenefitsRegister r) => Map(
        ("id", Str(r.Id)),
        ("title", Str(r.Title)),
        ("source", Str(r.Source)),
        ("notes", Str(r.Notes)),
        ("benefits", Seq(r.Benefits.Select(b => Map(
            ("id", Str(b.Id)),
            ("description", Str(b.Description)),
            ("financial", Word(b.Financial ? "true" : "false")),
            ("timing", Str(b.Timing)),
            ("how_measured", Str(b.HowMeasured)),
            ("baseline", Str(b.Baseline)),
            ("baseline_value", Num(b.BaselineValue)),
            ("target", Str(b.Target)),
            ("value_per_year", Num(b.ValuePerYear)),
            ("confidence_percent", Num(b.ConfidencePercent)),
            ("measures", b.Measures.Count == 0 ? null : Seq(b.Measures.Select(m => Str(m)!))),
            ("realised", b.Realised.Count == 0 ? null : Seq(b.Realised.Select(v => Map(
                ("date", Date(v.Date)), ("value", Num(v.Value)), ("note", Str(v.Note)))))))))));

    private static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map.Add(new YamlScalarNode(key), value);
            }
        }

        return map;
    }

    private static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

    private static T Flow<T>(T node)
        where T : YamlNode
    {
        switch (node)
        {
            case YamlMappingNode map:
                map.Style = YamlDotNet.Core.Events.MappingStyle.Flow;
                break;
            case YamlSequenceNode seq:
                seq.Style = YamlDotNet.Core.Events.SequenceStyle.Flow;
                break;
        }

        return node;
    }

    // Text is always quoted (or a literal block when it spans lines) so that it reads back as the same text.
    private static YamlScalarNode? Str(string? value) => value is null ? null : new YamlScalarNode(value)
    {
        Style = value.Contains('\n', StringComparison.Ordinal) && !value.Contains('\r', StringComparison.Ordinal) && value == value.TrimEnd(' ', '\t')
            ? ScalarStyle.Literal
            : ScalarStyle.DoubleQuoted,
    };

    private static YamlScalarNode? Word(string? value) => value is null ? null : new YamlScalarNode(value) { Style = ScalarStyle.Plain };

    private static YamlScalarNode? Date(DateOnly? value) => value is { } date ? Word(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;

    private static YamlScalarNode? Num(decimal? value) => value is { } number ? Word(number.ToString(CultureInfo.InvariantCulture)) : null;

    private static YamlScalarNode? Num(int value) => Word(value.ToString(CultureInfo.InvariantCulture));
}
