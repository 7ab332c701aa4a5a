namespace Lodestar.Domain.Actions;

/// <summary>The status colour of an action: Blue complete, Green on track, Amber slipping, Red significantly delayed.</summary>
/// <remarks>Grey means "nothing to judge" (a workstream or outcome with no deliverables). The order is the severity order used by roll-ups.</remarks>
public enum ActionRag
{
    Grey,
    Blue,
    Green,
    Amber,
    Red,
}

/// <summary>A workstream's priority rating in the plan.</summary>
public enum ActionPriority
{
    Urgent,
    High,
    Medium,
}

/// <summary>What an action is meant to change: placement cost, the number looked after, or the time in care.</summary>
public enum ImpactObjective
{
    Cost,
    Number,
    Time,
}

/// <summary>One progress update: who wrote it, when, what it said, and the RAG they gave at the time.</summary>
public sealed record ProgressUpdate
{
    public ProgressUpdate(DateOnly date, string by, string text, ActionRag? rag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Date = date;
        By = by ?? "";
        Text = text;
        Rag = rag;
    }

    public DateOnly Date { get; }
    public string By { get; }
    public string Text { get; }
    public ActionRag? Rag { get; }
}

/// <summary>
/// A manager's override of a deliverable's computed RAG, from <see cref="Date"/>. A null <see cref="Rag"/>
/// clears an earlier override. Setting an override needs a reason; overrides are kept as history.
/// </summary>
public sealed record RagOverride
{
    public RagOverride(DateOnly date, string by, ActionRag? rag, string reason)
    {
        if (rag is not null && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A RAG override needs a reason.", nameof(reason));
        }

        if (rag == ActionRag.Grey)
        {
            throw new ArgumentException("A deliverable cannot be overridden to Grey.", nameof(rag));
        }

        Date = date;
        By = by ?? "";
        Rag = rag;
        Reason = reason ?? "";
    }

    public DateOnly Date { get; }
    public string By { get; }

    /// <summary>The RAG the manager set, or null when this entry clears the override.</summary>
    public ActionRag? Rag { get; }
    public string Reason { get; }
}

/// <summary>A target on a measure that a plan sets (seed 004: 535 children looked after by April 2016).</summary>
public sealed record MeasureTarget(string MeasureId, string? CouncilCode, DateOnly Date, decimal Value);

/// <summary>A numbered deliverable of a workstream: the unit the RAG is computed for.</summary>
public sealed record Deliverable
{
    public required string Number { get; init; }
    public required string Text { get; init; }
    public DateOnly? TargetEnd { get; init; }
    public DateOnly? RevisedEnd { get; init; }
    public DateOnly? Completed { get; init; }
    public ImpactObjective? ImpactObjective { get; init; }
    public string? ExpectedImpact { get; init; }
    public string? HowMeasured { get; init; }
    public IReadOnlyList<string> Measures { get; init; } = [];
    public decimal? TargetSavingK { get; init; }
    public decimal? TargetReduction52Wk { get; init; }

    /// <summary>The RAG printed in the source document, kept for comparison; the computed RAG does not use it.</summary>
    public ActionRag? RecordedRag { get; init; }
    public IReadOnlyList<ProgressUpdate> Progress { get; init; } = [];
    public IReadOnlyList<RagOverride> Overrides { get; init; } = [];

    /// <summary>The date it is due: the revised end date when there is one, else the target end date.</summary>
    public DateOnly? EndDate => RevisedEnd ?? TargetEnd;

    public bool IsCompleteOn(DateOnly asAt) => Completed is { } completed && completed <= asAt;
}

/// <summary>A numbered workstream of an outcome, with its leads and priority.</summary>
public sealed record Workstream
{
    public required string Number { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Leads { get; init; } = [];
    public string? TargetAgeGroup { get; init; }
    public ActionPriority? Priority { get; init; }
    public ImpactObjective? ImpactObjective { get; init; }
    public string? ExpectedImpact { get; init; }
    public string? HowMeasured { get; init; }
    public decimal? TargetSavingK { get; init; }
    public decimal? TargetReduction52Wk { get; init; }
    public ActionRag? RecordedRag { get; init; }
    public IReadOnlyList<ProgressUpdate> Progress { get; init; } = [];
    public IReadOnlyList<Deliverable> Deliverables { get; init; } = [];
}

/// <summary>One of a plan's outcomes, delivered through its workstreams.</summary>
public sealed record Outcome
{
    public required string Number { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<Workstream> Workstreams { get; init; } = [];
}

/// <summary>An action plan: outcomes → workstreams → deliverables, with targets on measures.</summary>
public sealed record ActionPlan
{
    public const int DefaultWarningWindowDays = 28;

    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Council { get; init; }
    public string? Source { get; init; }

    /// <summary>The date of the progress report the source document reflects.</summary>
    public DateOnly? AsAt { get; init; }

    /// <summary>A deliverable due within this many days of the as-at date, and not complete, is Amber.</summary>
    public int WarningWindowDays { get; init; } = DefaultWarningWindowDays;
    public string? Notes { get; init; }
    public IReadOnlyList<MeasureTarget> Targets { get; init; } = [];
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    public IEnumerable<Workstream> AllWorkstreams => Outcomes.SelectMany(o => o.Workstreams);

    public IEnumerable<(Workstream Workstream, Deliverable Deliverable)> AllDeliverables =>
        AllWorkstreams.SelectMany(w => w.Deliverables.Select(d => (w, d)));

    /// <summary>The plan's targets as targets on measures, with the plan's council where a target names none.</summary>
    public IReadOnlyList<MeasureTarget> MeasureTargets() =>
        [.. Targets.Select(t => t with { CouncilCode = t.CouncilCode ?? Council })];
}
