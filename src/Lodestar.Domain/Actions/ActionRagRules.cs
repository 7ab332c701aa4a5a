namespace Lodestar.Domain.Actions;

/// <summary>A RAG with the one-line reason for it.</summary>
public sealed record RagResult(ActionRag Rag, string Reason, bool IsOverride = false);

/// <summary>
/// The action-plan RAG rules (docs/domain.md, "RAG for an action"), computed for an as-at date; see docs/actions.md.
/// </summary>
public static class ActionRagRules
{
    /// <summary>
    /// A deliverable's RAG on <paramref name="asAt"/>, in this order: Blue when completed on or before
    /// the date; a manager's override in force on the date; Red when past its end date (revised, else
    /// target), that is the end date is before the as-at date; Amber when slipped (revised end later than
    /// target end) or when due within <paramref name="warningWindowDays"/> days; Green otherwise,
    /// including a deliverable with no end date ("ongoing").
    /// </summary>
    public static RagResult Compute(Deliverable deliverable, DateOnly asAt, int warningWindowDays)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        ArgumentOutOfRangeException.ThrowIfNegative(warningWindowDays);

        if (deliverable.IsCompleteOn(asAt))
        {
            return new RagResult(ActionRag.Blue, $"Blue: completed {deliverable.Completed:yyyy-MM-dd}");
        }

        if (OverrideInForce(deliverable, asAt) is { Rag: { } overridden } ragOverride)
        {
            var by = string.IsNullOrWhiteSpace(ragOverride.By) ? "" : $" by {ragOverride.By}";
            return new RagResult(overridden, $"{overridden}: overridden{by} on {ragOverride.Date:yyyy-MM-dd}: {ragOverride.Reason}", IsOverride: true);
        }

        if (deliverable.EndDate is not { } end)
        {
            return new RagResult(ActionRag.Green, "Green: ongoing, no end date");
        }

        var daysToEnd = end.DayNumber - asAt.DayNumber;
        if (daysToEnd < 0)
        {
            return new RagResult(ActionRag.Red, $"Red: {-daysToEnd} days past its end date {end:yyyy-MM-dd}");
        }

        if (deliverable is { RevisedEnd: { } revised, TargetEnd: { } target } && revised > target)
        {
            return new RagResult(ActionRag.Amber, $"Amber: slipped from {target:yyyy-MM-dd} to {revised:yyyy-MM-dd}");
        }

        if (daysToEnd <= warningWindowDays)
        {
            return new RagResult(ActionRag.Amber, $"Amber: due {end:yyyy-MM-dd}, in {daysToEnd} days (warning window {warningWindowDays} days)");
        }

        return new RagResult(ActionRag.Green, $"Green: due {end:yyyy-MM-dd}, in {daysToEnd} days");
    }

    /// <summary>The latest override dated on or before <paramref name="asAt"/>, unless it was a clearing entry.</summary>
    public static RagOverride? OverrideInForce(Deliverable deliverable, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        var latest = deliverable.Overrides
            .Select((o, index) => (Override: o, Index: index))
            .Where(x => x.Override.Date <= asAt)
            .OrderBy(x => x.Override.Date)
            .ThenBy(x => x.Index)
            .Select(x => x.Override)
            .LastOrDefault();
        return latest is { Rag: not null } ? latest : null;
    }

    /// <summary>
    /// Rolls children's RAGs up to a workstream or outcome: Grey when there is nothing to judge (no
    /// children, or every child Grey); Blue only when every judged child is Blue; otherwise the worst of
    /// the children that are not complete (Red worse than Amber worse than Green). Grey children are ignored.
    /// </summary>
    public static ActionRag RollUp(IEnumerable<ActionRag> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var judged = children.Where(r => r != ActionRag.Grey).ToList();
        if (judged.Count == 0)
        {
            return ActionRag.Grey;
        }

        var open = judged.Where(r => r != ActionRag.Blue).ToList();
        return open.Count == 0 ? ActionRag.Blue : open.Max();
    }
}
