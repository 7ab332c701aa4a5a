using System.Globalization;
using System.Text.RegularExpressions;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Problems;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lodestar.Formats.Frameworks;

/// <summary>
/// The framework YAML format (docs/frameworks.md): one file, one framework. Unknown keys, wrong
/// types, bad enum values, duplicate ids and unknown tags are problems naming file, line and column;
/// all of a file's problems are reported together.
/// </summary>
public static partial class FrameworkYaml
{
    private static readonly string[] FrameworkKeys = ["id", "title", "owner", "period", "source", "notes", "rag_rule", "tag_sets", "measures", "nodes"];
    private static readonly string[] TagSetKeys = ["id", "title", "tags"];
    private static readonly string[] TagKeys = ["id", "title"];
    private static readonly string[] MeasureKeys =
        ["id", "title", "number", "group", "unit", "polarity", "decimals", "source", "frequency", "forum", "contractual", "responsibility", "status", "owner", "why", "tags"];
    private static readonly string[] SourceKeys = ["kpi", "values", "formula"];
    private static readonly string[] NodeKeys = ["kind", "id", "title", "description", "measures", "intentions", "children"];
    private static readonly string[] IntentionKeys = ["text", "tags"];

    public static Result<Framework> ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result.Failure<Framework>(Problem.InFile(Path.GetFileName(path), $"cannot be read: {e.Message}"));
        }

        return Read(text, Path.GetFileName(path));
    }

    public static Result<Framework> Read(string text, string fileName)
    {
        var reader = new Reader(fileName);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner && e.Message.Contains("See inner", StringComparison.Ordinal) ? inner.Message : e.Message;
            return Result.Failure<Framework>(reader.Problem(e.Start, $"not valid YAML: {message}"));
        }

        if (stream.Documents.Count != 1)
        {
            return Result.Failure<Framework>(Problem.InFile(fileName, stream.Documents.Count == 0 ? "the file is empty" : "a file holds one framework: found several YAML documents"));
        }

        var framework = reader.ReadFramework(stream.Documents[0].RootNode);
        return reader.Problems.Count == 0 && framework is not null ? Result.Success(framework) : Result.Failure<Framework>(reader.Problems);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex NodeIdPattern();

    private sealed class Reader(string fileName)
    {
        private readonly Dictionary<string, HashSet<string>> _tagSets = new(StringComparer.Ordinal);

        public List<Problem> Problems { get; } = [];

        public Problem Problem(Mark mark, string message) => new(fileName, (int)mark.Line, ((int)mark.Column).ToString(CultureInfo.InvariantCulture), null, message);

        private void Add(YamlNode node, string message) => Problems.Add(Problem(node.Start, message));

        public Framework? ReadFramework(YamlNode root)
        {
            if (Mapping(root, FrameworkKeys, "the framework") is not { } map)
            {
                return null;
            }

            var id = Id(map, root, "id", IdPattern());
            var title = Text(map, root, "title", required: true);
            var ragRule = Enum(map, "rag_rule", RagRule.Tolerance);
            var tagSets = List(map, "tag_sets", ReadTagSet);
            foreach (var set in tagSets)
            {
                _tagSets[set.Id] = set.Tags.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            }

            var measures = List(map, "measures", ReadMeasure);
            var nodes = new List<FrameworkNode>();
            if (map.Children.TryGetValue(new YamlScalarNode("nodes"), out var nodesNode) && Sequence(nodesNode, "nodes") is { } sequence)
            {
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (ReadNode(sequence.Children[i], $"n{i + 1}") is { } node)
                    {
                        nodes.Add(node);
                    }
                }
            }

            Unique(map, "tag_sets", tagSets.Select(s => s.Id), "tag set");
            Unique(map, "measures", measures.Select(m => m.Id), "measure");
            var framework = new Framework
            {
                Id = id ?? "",
                Title = title ?? "",
                Owner = Text(map, root, "owner"),
                PeriodText = Text(map, root, "period"),
                Source = Text(map, root, "source"),
                Notes = Text(map, root, "notes"),
                RagRule = ragRule,
                TagSets = tagSets,
                Measures = measures,
                Nodes = nodes,
            };
            Unique(map, "nodes", framework.Flatten().Select(p => p.Node.Id), "node");
            return framework;
        }

        private TagSet? ReadTagSet(YamlNode node)
        {
            if (Mapping(node, TagSetKeys, "a tag set") is not { } map)
            {
                return null;
            }

            var tags = List(map, "tags", tag => Mapping(tag, TagKeys, "a tag") is { } t && Text(t, tag, "id", required: true) is { } tagId
                ? new Tag(tagId, Text(t, tag, "title") ?? tagId)
                : null);
            Unique(map, "tags", tags.Select(t => t.Id), "tag");
            var id = Id(map, node, "id", IdPattern());
            return id is null ? null : new TagSet(id, Text(map, node, "title") ?? id, tags);
        }

        private Measure? ReadMeasure(YamlNode node)
        {
            if (Mapping(node, MeasureKeys, "a measure") is not { } map)
            {
                return null;
            }

            var id = Id(map, node, "id", IdPattern());
            var title = Text(map, node, "title", required: true);
            var decimals = Integer(map, "decimals", 0, 10);
            var source = ReadSource(map);
            var measure = new Measure
            {
                Id = id ?? "",
                Title = title ?? "",
                Number = Text(map, node, "number"),
                Group = Text(map, node, "group"),
                Unit = Enum(map, "unit", MeasureUnit.Count),
                Polarity = Enum(map, "polarity", Polarity.Neither),
                Decimals = decimals,
                Source = source,
                Frequency = OptionalEnum<MeasureFrequency>(map, "frequency"),
                Forum = Text(map, node, "forum"),
                Contractual = OptionalEnum<ContractualStatus>(map, "contractual"),
                Responsibility = OptionalEnum<Responsibility>(map, "responsibility"),
                Status = Enum(map, "status", MeasureStatus.Live),
                Owner = Text(map, node, "owner"),
                Why = Text(map, node, "why"),
                Tags = Tags(map),
            };
            return id is null || title is null ? null : measure;
        }

        private MeasureSource ReadSource(YamlMappingNode measure)
        {
            if (!measure.Children.TryGetValue(new YamlScalarNode("source"), out var node))
            {
                return MeasureSource.Entered;
            }

            if (Mapping(node, SourceKeys, "a measure's source") is not { } map)
            {
                return MeasureSource.Entered;
            }

            if (map.Children.Count != 1)
            {
                Add(node, "a source has exactly one of kpi, values or formula");
                return MeasureSource.Entered;
            }

            var (key, value) = map.Children.Single();
            if (key is not YamlScalarNode { Value: { } name })
            {
                return MeasureSource.Entered;
            }

            if (value is not YamlScalarNode { Value: { Length: > 0 } reference })
            {
                Add(value, $"'{name}' needs a value");
                return MeasureSource.Entered;
            }

            switch (name)
            {
                case "kpi":
                    return MeasureSource.Kpi(reference);
                case "formula":
                    if (!Formula.TryParse(reference, out _, out var error))
                    {
                        Add(value, error);
                    }

                    return MeasureSource.Formula(reference);
                default:
                    return new MeasureSource(MeasureSourceKind.Values, reference);
            }
        }

        private FrameworkNode? ReadNode(YamlNode node, string generatedId)
        {
            if (Mapping(node, NodeKeys, "a node") is not { } map)
            {
                return null;
            }

            var kind = Text(map, node, "kind", required: true);
            var title = Text(map, node, "title", required: true);
            var id = map.Children.ContainsKey(new YamlScalarNode("id")) ? Id(map, node, "id", NodeIdPattern()) : generatedId;
            var measureIds = new List<string>();
            if (map.Children.TryGetValue(new YamlScalarNode("measures"), out var measuresNode) && Sequence(measuresNode, "measures") is { } measures)
            {
                foreach (var item in measures.Children)
                {
                    if (Scalar(item, "a measure id") is { } measureId)
                    {
                        if (measureIds.Contains(measureId))
                        {
                            Add(item, $"measure '{measureId}' is listed twice under this node");
                        }
                        else
                        {
                            measureIds.Add(measureId);
                        }
                    }
                }
            }

            var intentions = List(map, "intentions", intention => Mapping(intention, IntentionKeys, "an intention") is { } i && Text(i, intention, "text", required: true) is { } text
                ? new CommissioningIntention(text, Tags(i))
                : null);
            var children = new List<FrameworkNode>();
            if (map.Children.TryGetValue(new YamlScalarNode("children"), out var childrenNode) && Sequence(childrenNode, "children") is { } sequence)
            {
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (ReadNode(sequence.Children[i], $"{id ?? generatedId}.{i + 1}") is { } child)
                    {
                        children.Add(child);
                    }
                }
            }

            return kind is null || title is null || id is null
                ? null
                : new FrameworkNode { Id = id, Kind = kind, Title = title, Description = Text(map, node, "description"), MeasureIds = measureIds, Intentions = intentions, Children = children };
        }

        private List<TagRef> Tags(YamlMappingNode owner)
        {
            var tags = new List<TagRef>();
            if (!owner.Children.TryGetValue(new YamlScalarNode("tags"), out var node) || Mapping(node, null, "tags") is not { } map)
            {
                return tags;
            }

            foreach (var (key, value) in map.Children)
            {
                if (key is not YamlScalarNode { Value: { } setId })
                {
                    continue;
                }

                if (!_tagSets.TryGetValue(setId, out var known))
                {
                    Add(key, $"tag set '{setId}' is not defined under tag_sets");
                    continue;
                }

                if (Sequence(value, $"tags of '{setId}'") is not { } sequence)
                {
                    continue;
                }

                foreach (var item in sequence.Children)
                {
                    if (Scalar(item, "a tag") is { } tagId)
                    {
                        if (!known.Contains(tagId))
                        {
                            Add(item, $"tag '{tagId}' is not in tag set '{setId}'");
                        }
                        else
                        {
                            tags.Add(new TagRef(setId, tagId));
                        }
                    }
                }
            }

            return tags;
        }

        private YamlMappingNode? Mapping(YamlNode node, string[]? allowed, string what)
        {
            if (node is not YamlMappingNode map)
            {
                Add(node, $"{what} must be a mapping of keys to values");
                return null;
            }

            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } name })
                {
                    Add(key, "keys must be plain names");
                }
                else if (allowed is not null && !allowed.Contains(name))
                {
                    Add(key, $"unknown key '{name}' in {what}: allowed keys are {string.Join(", ", allowed)}");
                }
            }

            return map;
        }

        private YamlSequenceNode? Sequence(YamlNode node, string what)
        {
            if (node is YamlSequenceNode sequence)
            {
                return sequence;
            }

            Add(node, $"{what} must be a list");
            return null;
        }

        private string? Scalar(YamlNode node, string what)
        {
            if (node is YamlScalarNode { Value: { } value })
            {
                return value;
            }

            Add(node, $"{what} must be a single value");
            return null;
        }

        private List<T> List<T>(YamlMappingNode map, string key, Func<YamlNode, T?> read)
            where T : class
        {
            var items = new List<T>();
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var node) && Sequence(node, key) is { } sequence)
            {
                foreach (var child in sequence.Children)
                {
                    if (read(child) is { } item)
                    {
                        items.Add(item);
                    }
                }
            }

            return items;
        }

        private string? Text(YamlMappingNode map, YamlNode owner, string key, bool required = false)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                if (required)
                {
                    Add(owner, $"'{key}' is required");
                }

                return null;
            }

            var value = Scalar(node, $"'{key}'");
            if (required && string.IsNullOrWhiteSpace(value) && value is not null)
            {
                Add(node, $"'{key}' cannot be empty");
                return null;
            }

            return value;
        }

        private string? Id(YamlMappingNode map, YamlNode owner, string key, Regex pattern)
        {
            var value = Text(map, owner, key, required: true);
            if (value is not null && !pattern.IsMatch(value))
            {
                Add(map.Children[new YamlScalarNode(key)], $"'{value}' is not a valid id: use lowercase letters, digits, '-' and '_'");
                return null;
            }

            return value;
        }

        private int? Integer(YamlMappingNode map, string key, int min, int max)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node) || Scalar(node, $"'{key}'") is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            Add(node, $"'{key}' must be a whole number from {min} to {max}, not '{text}'");
            return null;
        }

        private T Enum<T>(YamlMappingNode map, string key, T fallback)
            where T : struct, Enum => OptionalEnum<T>(map, key) ?? fallback;

        private T? OptionalEnum<T>(YamlMappingNode map, string key)
            where T : struct, Enum
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node) || Scalar(node, $"'{key}'") is not { } text)
            {
                return null;
            }

            if (Names.TryParse<T>(text, out var value))
            {
                return value;
            }

            Add(node, $"'{text}' is not a valid {key}: use {Names.Choices<T>()}");
            return null;
        }

        private void Unique(YamlMappingNode map, string key, IEnumerable<string> ids, string what)
        {
            var at = map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : map;
            foreach (var duplicate in ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Add(at, $"{what} id '{duplicate.Key}' is used more than once");
            }
        }
    }
}
