using Lodestar.Domain.Frameworks;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Frameworks;

/// <summary>
/// A framework as a workbook for people who live in spreadsheets: sheet "Framework" lists the tree
/// (one row per node, indented by depth, with its measure ids and intentions), sheet "Measures" every
/// measure the framework uses with all its fields.
/// </summary>
public static class FrameworkXlsx
{
    public static void Write(Stream output, Framework framework, IReadOnlyDictionary<string, Measure> measures)
    {
        var tree = new List<IReadOnlyList<object?>>();
        foreach (var placed in framework.Flatten())
        {
            var node = placed.Node;
            tree.Add(
            [
                placed.Depth + 1,
                node.Kind,
                node.Id,
                new string(' ', placed.Depth * 4) + node.Title,
                node.Description,
                string.Join(", ", node.MeasureIds),
                string.Join("\n", node.Intentions.Select(i => i.Tags.Count == 0 ? i.Text : $"{i.Text} [{string.Join(", ", i.Tags)}]")),
            ]);
        }

        var measureRows = new List<IReadOnlyList<object?>>();
        var nodesOf = framework.Flatten()
            .SelectMany(p => p.Node.MeasureIds.Select(m => (Measure: m, Node: p.Node.Id)))
            .GroupBy(x => x.Measure)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(x => x.Node)));
        var ids = framework.Measures.Select(m => m.Id).Concat(framework.ReferencedMeasureIds()).Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!measures.TryGetValue(id, out var m))
            {
                m = framework.Measures.FirstOrDefault(x => x.Id == id);
            }

            measureRows.Add(m is null
                ? new object?[] { id, null, "(not defined)" }
                :
                [
                    m.Id, m.Number, m.Title, m.Group, Names.ToSnake(m.Unit), Names.ToSnake(m.Polarity), m.DecimalPlaces,
                    Names.ToSnake(m.Source.Kind), m.Source.Reference, m.Frequency is { } f ? Names.ToSnake(f) : null, m.Forum,
                    m.Contractual is { } c ? Names.ToSnake(c) : null, m.Responsibility is { } r ? Names.ToSnake(r) : null, Names.ToSnake(m.Status),
                    m.Owner, m.Why, string.Join(", ", m.Tags), nodesOf.GetValueOrDefault(m.Id),
                ]);
        }

        XlsxWriter.Write(output,
        [
            new XlsxSheet("Framework", ["Level", "Kind", "Id", "Title", "Description", "Measures", "Commissioning intentions"], tree),
            new XlsxSheet("Measures", ["Id", "Number", "Title", "Group", "Unit", "Polarity", "Decimals", "Source", "Reference", "Frequency", "Forum", "Contractual", "Responsibility", "Status", "Owner", "Why", "Tags", "Nodes"], measureRows),
        ]);
    }
}
