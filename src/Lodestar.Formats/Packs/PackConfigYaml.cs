using System.Text.RegularExpressions;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Actions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lodestar.Formats.Packs;

/// <summary>
/// A configured board pack (samples/packs, docs/packs.md): which framework, under what title, for which
/// audience, which of the framework's nodes (outcomes or sections, with everything under them; all when
/// left out), and the period kind. The YAML text is kept as written, so the stored pack can be read again.
/// </summary>
public sealed record PackConfig
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Framework { get; init; }

    public string? Audience { get; init; }

    /// <summary>The framework's node ids to include, each with its descendants; empty for the whole framework.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>The period kind: "reporting-year", the only one packs are built for.</summary>
    public string Period { get; init; } = PackConfigYaml.ReportingYear;

    /// <summary>The file as written.</summary>
    public string Source { get; init; } = "";
}

/// <summary>Reads a pack configuration, naming the file, line and column of every problem.</summary>
public static partial class PackConfigYaml
{
    public const string ReportingYear = "reporting-year";

    public static Result<PackConfig> Read(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nodes = new YamlNodes(fileName);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            nodes.Error((int)e.Start.Line, (int)e.Start.Column, "Not valid YAML.");
            return Result.Failure<PackConfig>(nodes.Errors);
        }

        if (stream.Documents.Count == 0
            || nodes.Map(stream.Documents[0].RootNode, "the pack configuration", "id", "title", "framework", "audience", "sections", "period", "notes") is not { } map)
        {
            return Result.Failure<PackConfig>(nodes.ErrorsOr("the file holds no pack configuration"));
        }

        var id = map.RequiredText("id");
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            nodes.Error(map["id"]!, id, "'id' must be lower-case letters, digits and hyphens, up to 100 characters, such as corporate-parenting-panel.");
        }

        var title = map.RequiredText("title");
        if (title.Length > 200)
        {
            nodes.Error(map["title"]!, "'title' must be at most 200 characters.");
        }

        var framework = map.RequiredText("framework");
        var period = map.Text("period") ?? ReportingYear;
        if (period != ReportingYear)
        {
            nodes.Error(map["period"]!, period, $"'period' must be {ReportingYear}: packs report a DfE reporting year (April to March).");
        }

        var sections = map.TextList("sections");
        foreach (var twice in sections.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            nodes.Error(map["sections"]!, twice.Key, $"'sections' names '{twice.Key}' twice.");
        }

        return nodes.Errors.Count > 0
            ? Result.Failure<PackConfig>(nodes.Errors)
            : Result.Success(new PackConfig
            {
                Id = id,
                Title = title,
                Framework = framework,
                Audience = map.Text("audience"),
                Sections = sections,
                Period = period,
                Source = text,
            });
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex IdPattern();
}
