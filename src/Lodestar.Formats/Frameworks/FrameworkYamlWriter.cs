using System.Globalization;
using Lodestar.Domain.Frameworks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lodestar.Formats.Frameworks;

public static partial class FrameworkYaml
{
    /// <summary>
    /// Writes a framework in the format <see cref="Read"/> reads back. Ids and enum values are plain;
    /// free text is double-quoted (multi-line text is a literal block) so no YAML reader mistakes
    /// "No" or "1.0" for a boolean or a number.
    /// </summary>
    public static string Write(Framework framework)
    {
        var root = new YamlMappingNode();
        Add(root, "id", Plain(framework.Id));
        Add(root, "title", Quoted(framework.Title));
        AddText(root, "owner", framework.Owner);
        AddText(root, "period", framework.PeriodText);
        AddText(root, "source", framework.Source);
        AddText(root, "notes", framework.Notes);
        if (framework.RagRule != RagRule.Tolerance)
        {
            Add(root, "rag_rule", Plain(Names.ToSnake(framework.RagRule)));
        }

        if (framework.TagSets.Count > 0)
        {
            Add(root, "tag_sets", new YamlSequenceNode(framework.TagSets.Select(set =>
            {
                var map = new YamlMappingNode();
                Add(map, "id", Plain(set.Id));
                Add(map, "title", Quoted(set.Title));
                Add(map, "tags", new YamlSequenceNode(set.Tags.Select(tag =>
                {
                    var t = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
                    Add(t, "id", Plain(tag.Id));
                    Add(t, "title", Quoted(tag.Title));
                    return (YamlNode)t;
                })));
                return (YamlNode)map;
            })));
        }

        if (framework.Measures.Count > 0)
        {
            Add(root, "measures", new YamlSequenceNode(framework.Measures.Select(WriteMeasure)));
        }

        if (framework.Nodes.Count > 0)
        {
            Add(root, "nodes", new YamlSequenceNode(framework.Nodes.Select(WriteNode)));
        }

        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlStream ends each document with "...": one file holds one document, so drop it.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlNode WriteMeasure(Measure measure)
    {
        var map = new YamlMappingNode();
        Add(map, "id", Plain(measure.Id));
        Add(map, "title", Quoted(measure.Title));
        AddText(map, "number", measure.Number);
        AddText(map, "group", measure.Group);
        Add(map, "unit", Plain(Names.ToSnake(measure.Unit)));
        Add(map, "polarity", Plain(Names.ToSnake(measure.Polarity)));
        if (measure.Decimals is { } decimals)
        {
            Add(map, "decimals", Plain(decimals.ToString(CultureInfo.InvariantCulture)));
        }

        var source = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
        var sourceKey = measure.Source.Kind switch
        {
            MeasureSourceKind.Kpi => "kpi",
            MeasureSourceKind.Formula => "formula",
            _ => "values",
        };
        Add(source, sourceKey, measure.Source.Kind == MeasureSourceKind.Formula ? Quoted(measure.Source.Reference) : Plain(measure.Source.Reference));
        Add(map, "source", source);
        if (measure.Frequency is { } frequency)
        {
            Add(map, "frequency", Plain(Names.ToSnake(frequency)));
        }

        AddText(map, "forum", measure.Forum);
        if (measure.Contractual is { } contractual)
        {
            Add(map, "contractual", Plain(Names.ToSnake(contractual)));
        }

        if (measure.Responsibility is { } responsibility)
        {
            Add(map, "responsibility", Plain(Names.ToSnake(responsibility)));
        }

        if (measure.Status != MeasureStatus.Live)
        {
            Add(map, "status", Plain(Names.ToSnake(measure.Status)));
        }

        AddText(map, "owner", measure.Owner);
        AddText(map, "why", measure.Why);
        AddTags(map, measure.Tags);
        return map;
    }

    private static YamlNode WriteNode(FrameworkNode node)
    {
        var map = new YamlMappingNode();
        Add(map, "kind", Plain(node.Kind));
        Add(map, "id", Plain(node.Id));
        Add(map, "title", Quoted(node.Title));
        AddText(map, "description", node.Description);
        if (node.MeasureIds.Count > 0)
        {
            Add(map, "measures", new YamlSequenceNode(node.MeasureIds.Select(id => (YamlNode)Plain(id))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
        }

        if (node.Intentions.Count > 0)
        {
            Add(map, "intentions", new YamlSequenceNode(node.Intentions.Select(intention =>
            {
                var i = new YamlMappingNode();
                Add(i, "text", Quoted(intention.Text));
                AddTags(i, intention.Tags);
                return (YamlNode)i;
            })));
        }

        if (node.Children.Count > 0)
        {
            Add(map, "children", new YamlSequenceNode(node.Children.Select(WriteNode)));
        }

        return map;
    }

    private static void AddTags(YamlMappingNode map, IReadOnlyList<TagRef> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        var sets = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
        foreach (var group in tags.GroupBy(t => t.SetId))
        {
            Add(sets, group.Key, new YamlSequenceNode(group.Select(t => (YamlNode)Plain(t.TagId))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
        }

        Add(map, "tags", sets);
    }

    private static void Add(YamlMappingNode map, string key, YamlNode value) => map.Add(new YamlScalarNode(key), value);

    private static void AddText(YamlMappingNode map, string key, string? value)
    {
        if (value is not null)
        {
            Add(map, key, Quoted(value));
        }
    }

    private static YamlScalarNode Plain(string value) => new(value);

    private static YamlScalarNode Quoted(string value) =>
        new(value) { Style = value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted };
}
