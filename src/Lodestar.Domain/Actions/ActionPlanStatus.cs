namespace Lodestar.Domain.Actions;

/// <summary>A deliverable's status on the as-at date.</summary>
public sealed record DeliverableStatus(
    string OutcomeNumber,
    string WorkstreamNumber,
    string Number,
    string Text,
    ActionPriority? Priority,
    DateOnly? EndDate,
    DateOnly? Completed,
    RagResult Rag,
    ActionRag? RecordedRag);

/// <summary>A workstream's rolled-up status.</summary>
public sealed record WorkstreamStatus(
    string Number,
    string Title,
    IReadOnlyList<string> Leads,
    ActionPriority? Priority,
    ActionRag Rag,
    ActionRag? RecordedRag,
    IReadOnlyList<DeliverableStatus> Deliverables);

/// <summary>An outcome's rolled-up status.</summary>
public sealed record OutcomeStatus(string Number, string Title, ActionRag Rag, IReadOnlyList<WorkstreamStatus> Workstreams);

/// <summary>A deliverable past its end date and not complete.</summary>
public sealed record OverdueDeliverable(string Number, string Text, IReadOnlyList<string> Leads, DateOnly EndDate, int DaysOverdue, ActionRag Rag);

/// <summary>How many deliverables have each RAG, for one priority (null: workstreams with no priority).</summary>
public sealed record PriorityRagCount(ActionPriority? Priority, IReadOnlyDictionary<ActionRag, int> ByRag, int Total);

/// <summary>A plan's status on an as-at date: every RAG, the roll-ups, the counts and the overdue list.</summary>
public sealed record ActionPlanStatus(
    string PlanId,
    string Title,
    DateOnly AsAt,
    int WarningWindowDays,
    ActionRag Rag,
    IReadOnlyList<OutcomeStatus> Outcomes,
    IReadOnlyDictionary<ActionRag, int> DeliverablesByRag,
    IReadOnlyList<PriorityRagCount> DeliverablesByPriority,
    IReadOnlyList<OverdueDeliverable> Overdue)
{
    /// <summary>The deliverable RAGs the counts report, in display order.</summary>
    public static readonly IReadOnlyList<ActionRag> CountedRags = [ActionRag.Blue, ActionRag.Green, ActionRag.Amber, ActionRag.Red];

    /// <summary>Computes the plan's status on <paramref name="asAt"/>. A deliverable takes its workstream's priority.</summary>
    public static ActionPlanStatus Compute(ActionPlan plan, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var outcomes = plan.Outcomes.Select(outcome =>
        {
            var workstreams = outcome.Workstreams.Select(workstream =>
            {
                var deliverables = workstream.Deliverables
                    .Select(d => new DeliverableStatus(
                        outcome.Number, workstream.Number, d.Number, d.Text, workstream.Priority, d.EndDate, d.Completed,
                        ActionRagRules.Compute(d, asAt, plan.WarningWindowDays), d.RecordedRag))
                    .ToList();
                return new WorkstreamStatus(
                    workstream.Number, workstream.Title, workstream.Leads, workstream.Priority,
                    ActionRagRules.RollUp(deliverables.Select(d => d.Rag.Rag)), workstream.RecordedRag, deliverables);
            }).ToList();
            return new OutcomeStatus(outcome.Number, outcome.Title, ActionRagRules.RollUp(workstreams.Select(w => w.Rag)), workstreams);
        }).ToList();

        var all = outcomes.SelectMany(o => o.Workstreams).SelectMany(w => w.Deliverables).ToList();
        var byPriority = all
            .GroupBy(d => d.Priority)
            .OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key)
            .Select(g => new PriorityRagCount(g.Key, CountByRag(g), g.Count()))
            .ToList();

        var leads = plan.AllWorkstreams.SelectMany(w => w.Deliverables.Select(d => (d.Number, w.Leads)))
            .GroupBy(x => x.Number, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Leads, StringComparer.Ordinal);
        var overdue = plan.AllDeliverables
            .Select(x => x.Deliverable)
            .Where(d => !d.IsCompleteOn(asAt) && d.EndDate is { } end && end < asAt)
            .Select(d => new OverdueDeliverable(
                d.Number, d.Text, leads[d.Number], d.EndDate!.Value, asAt.DayNumber - d.EndDate.Value.DayNumber,
                ActionRagRules.Compute(d, asAt, plan.WarningWindowDays).Rag))
            .OrderByDescending(o => o.DaysOverdue)
            .ThenBy(o => o.Number, StringComparer.Ordinal)
            .ToList();

        return new ActionPlanStatus(
            plan.Id, plan.Title, asAt, plan.WarningWindowDays,
            ActionRagRules.RollUp(outcomes.Select(o => o.Rag)), outcomes, CountByRag(all), byPriority, overdue);
    }

    private static IReadOnlyDictionary<ActionRag, int> CountByRag(IEnumerable<DeliverableStatus> deliverables)
    {
        var counts = CountedRags.ToDictionary(r => r, _ => 0);
        foreach (var d in deliverables)
        {
            counts[d.Rag.Rag]++;
        }

        return counts;
    }
}
