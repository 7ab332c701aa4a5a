using System.Globalization;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using YamlDotNet.RepresentationModel;

namespace Lodestar.Formats.Actions;

/// <summary>
/// Reads typed values out of a YAML representation tree, collecting a diagnostic (with line and column)
/// for every problem instead of stopping at the first.
/// </summary>
internal sealed class YamlNodes(string file)
{
    private readonly List<Problem> _errors = [];

    public IReadOnlyList<Problem> Errors => _errors;

    /// <summary>The errors, or when there are none one naming the file with <paramref name="message"/>: for a read that gave nothing.</summary>
    public IReadOnlyList<Problem> ErrorsOr(string message) => _errors.Count > 0 ? _errors : [Problem.InFile(file, message)];

    public void Error(YamlNode node, string message) => Error((int)node.Start.Line, (int)node.Start.Column, message);

    /// <summary>An error about a value as written in the file, which the problem carries.</summary>
    public void Error(YamlNode node, string? value, string message) =>
        _errors.Add(new Problem(file, (int)node.Start.Line, ((int)node.Start.Column).ToString(CultureInfo.InvariantCulture), value, message));

    // A YAML file's column is a character position, so it is written as a number.
    public void Error(int line, int column, string message) =>
        _errors.Add(new Problem(file, line, column.ToString(CultureInfo.InvariantCulture), null, message));

    /// <summary>A mapping whose keys are checked against the allowed ones: unknown keys are errors.</summary>
    public YamlMap? Map(YamlNode? node, string what, params string[] allowed)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping of keys to values.");
            return null;
        }

        var entries = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"Unknown key '{name}' in {what}; expected one of: {string.Join(", ", allowed)}.");
                continue;
            }

            if (!entries.TryAdd(name, (key, value)))
            {
                Error(key, $"Key '{name}' appears twice in {what}.");
            }
        }

        return new YamlMap(this, mapping, what, entries);
    }

    public IEnumerable<YamlNode> Sequence(YamlNode? node, string what)
    {
        if (node is null || IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"{what} must be a list.");
            return [];
        }

        return sequence.Children;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public string? Text(YamlNode? node, string what)
    {
        if (node is null || IsNull(node))
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"{what} must be a single value, not a list or mapping.");
            return null;
        }

        return scalar.Value;
    }

    public DateOnly? Date(YamlNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(node!, $"{what}: '{text}' is not a date yyyy-mm-dd (a document's \"Jun-16\" is written 2016-06-30).");
        return null;
    }

    public decimal? Number(YamlNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node!, $"{what}: '{text}' is not a number.");
        return null;
    }

    public int? Integer(YamlNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node!, $"{what}: '{text}' is not a whole number.");
        return null;
    }

    public bool? Boolean(YamlNode? node, string what)
    {
        var text = Text(node, what);
        switch (text)
        {
            case null:
                return null;
            case "true" or "True" or "TRUE" or "yes":
                return true;
            case "false" or "False" or "FALSE" or "no":
                return false;
            default:
                Error(node!, $"{what}: '{text}' is not true or false.");
                return null;
        }
    }

    /// <summary>A value from a fixed list of snake_case words.</summary>
    public T? Choice<T>(YamlNode? node, string what, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text.Trim().ToLowerInvariant(), out var value))
        {
            return value;
        }

        Error(node!, $"{what}: '{text}' is not one of: {string.Join(" | ", choices.Keys)}.");
        return null;
    }

    /// <summary>
    /// A financial year written 2016/17 (or 2016-17) as the reporting-year <see cref="Period"/> it names; an
    /// error naming the line, column and value otherwise.
    /// </summary>
    public Period? FinancialYear(YamlNode node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            if (IsNull(node))
            {
                Error(node, $"{what} must not be empty.");
            }

            return null;
        }

        if (Period.TryParseFinancialYear(text, out var year))
        {
            return year;
        }

        Error(node, text, $"{what}: '{text}' is not a financial year like 2016/17.");
        return null;
    }

    public IReadOnlyList<string> TextList(YamlNode? node, string what) =>
        [.. Sequence(node, what).Select(n => Text(n, what)).OfType<string>()];
}

/// <summary>A mapping's checked entries.</summary>
internal sealed class YamlMap(YamlNodes nodes, YamlMappingNode node, string what, IReadOnlyDictionary<string, (YamlNode Key, YamlNode Value)> entries)
{
    public YamlMappingNode Node => node;

    public IEnumerable<(YamlNode Key, YamlNode Value)> Entries => entries.Values;

    public bool Has(string key) => entries.ContainsKey(key);

    public YamlNode? this[string key] => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public string? Text(string key) => nodes.Text(this[key], Describe(key));

    public string RequiredText(string key)
    {
        var text = Text(key);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (this[key] is { } present)
            {
                nodes.Error(present, $"{Describe(key)} must not be empty.");
            }
            else
            {
                nodes.Error(node, $"{what} has no '{key}'.");
            }

            return "";
        }

        return text;
    }

    public DateOnly? Date(string key) => nodes.Date(this[key], Describe(key));

    public decimal? Number(string key) => nodes.Number(this[key], Describe(key));

    public int? Integer(string key) => nodes.Integer(this[key], Describe(key));

    public bool? Boolean(string key) => nodes.Boolean(this[key], Describe(key));

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct => nodes.Choice(this[key], Describe(key), choices);

    public IReadOnlyList<string> TextList(string key) => nodes.TextList(this[key], Describe(key));

    public IEnumerable<YamlNode> Sequence(string key) => nodes.Sequence(this[key], Describe(key));

    public void Missing(string key) => nodes.Error(node, $"{what} has no '{key}'.");

    private string Describe(string key) => $"'{key}' of {what}";
}
