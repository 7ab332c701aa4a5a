using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Packs;

namespace Lodestar.Application.Packs;

// Configured packs (issue 16, samples/packs): a pack of some of the framework's nodes, each with the nodes
// under it, counted over the measures it shows.
public sealed partial class BoardPackBuilder
{
    /// <summary>The problems with a configuration against its framework: an unknown framework, a section it does not have.</summary>
    public static IReadOnlyList<Problem> Check(PackConfig config, Framework? framework, string fileName)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (framework is null)
        {
            return [Problem.InFile(fileName, $"'framework': there is no framework '{config.Framework}' (import it first).")];
        }

        var ids = framework.Nodes.SelectMany(Flatten).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        return [.. config.Sections.Where(s => !ids.Contains(s))
            .Select(s => new Problem(fileName, 0, "sections", s, $"'sections': framework '{framework.Id}' has no node '{s}'; it has {string.Join(", ", framework.Nodes.Select(n => n.Id))} and the nodes under them."))];

        static IEnumerable<FrameworkNode> Flatten(FrameworkNode node) => node.Children.SelectMany(Flatten).Prepend(node);
    }

    // The framework's nodes in order, or only the chosen ones and those under them (a node under a chosen one
    // and chosen itself is shown once).
    private static IEnumerable<ScorecardNode> Chosen(IReadOnlyList<ScorecardNode> nodes, PackConfig? config)
    {
        if (config is not { Sections.Count: > 0 })
        {
            return nodes.SelectMany(n => n.SelfAndDescendants());
        }

        var chosen = config.Sections.ToHashSet(StringComparer.Ordinal);
        IEnumerable<ScorecardNode> Walk(ScorecardNode node) =>
            chosen.Contains(node.Node.Id) ? node.SelfAndDescendants() : node.Children.SelectMany(Walk);
        return nodes.SelectMany(Walk);
    }

    private static Dictionary<RagStatus, int> CountsOf(IEnumerable<PackMeasure> measures)
    {
        var list = measures.ToList();
        return Enum.GetValues<RagStatus>().ToDictionary(s => s, s => list.Count(m => m.Rag == s));
    }
}
