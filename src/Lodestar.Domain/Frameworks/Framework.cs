namespace Lodestar.Domain.Frameworks;

/// <summary>How a framework turns a value and a target into Green / Amber / Red.</summary>
public enum RagRule
{
    /// <summary>Green on or better than target; Amber worse but within tolerance; Red outside tolerance.</summary>
    Tolerance,

    /// <summary>As <see cref="Tolerance"/>, and a value outside tolerance that improved on the same period last year is Amber, not Red.</summary>
    ToleranceOrImproved,

    /// <summary>As <see cref="Tolerance"/>, but Amber only if it also improved on the same period last year; otherwise Red.</summary>
    ToleranceAndImproved,
}

/// <summary>
/// A level of a framework's tree: a theme, outcome, supporting outcome, enabler — the kind is a label,
/// and depth is data. Measures are referenced by id.
/// </summary>
public sealed record FrameworkNode
{
    public required string Id { get; init; }

    /// <summary>The level's label, e.g. "theme", "outcome", "supporting_outcome".</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> MeasureIds { get; init; } = [];

    public IReadOnlyList<CommissioningIntention> Intentions { get; init; } = [];

    public IReadOnlyList<FrameworkNode> Children { get; init; } = [];
}

/// <summary>A node with its depth (0 at the top) and its parent's id, from <see cref="Framework.Flatten"/>.</summary>
public readonly record struct PlacedNode(FrameworkNode Node, int Depth, string? ParentId);

/// <summary>A performance framework: a tree of nodes with measures attached, and the measures it defines.</summary>
public sealed record Framework
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Owner { get; init; }

    /// <summary>Free text, e.g. "2016-17".</summary>
    public string? PeriodText { get; init; }

    /// <summary>Where the content came from.</summary>
    public string? Source { get; init; }

    public string? Notes { get; init; }

    public RagRule RagRule { get; init; } = RagRule.Tolerance;

    public IReadOnlyList<TagSet> TagSets { get; init; } = [];

    /// <summary>The measures this framework defines (its nodes may also reference measures defined elsewhere).</summary>
    public IReadOnlyList<Measure> Measures { get; init; } = [];

    public IReadOnlyList<FrameworkNode> Nodes { get; init; } = [];

    /// <summary>Every node, depth first, in document order.</summary>
    public IEnumerable<PlacedNode> Flatten()
    {
        var stack = new Stack<PlacedNode>();
        for (var i = Nodes.Count - 1; i >= 0; i--)
        {
            stack.Push(new PlacedNode(Nodes[i], 0, null));
        }

        while (stack.Count > 0)
        {
            var placed = stack.Pop();
            yield return placed;
            for (var i = placed.Node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(new PlacedNode(placed.Node.Children[i], placed.Depth + 1, placed.Node.Id));
            }
        }
    }

    /// <summary>The ids of every measure the tree references, each once, in document order.</summary>
    public IReadOnlyList<string> ReferencedMeasureIds() =>
        Flatten().SelectMany(p => p.Node.MeasureIds).Distinct(StringComparer.Ordinal).ToList();
}
