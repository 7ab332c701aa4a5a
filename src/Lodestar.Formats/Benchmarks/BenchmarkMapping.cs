using System.Globalization;
using System.Text.RegularExpressions;
using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Problems;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Lodestar.Formats.Benchmarks;

/// <summary>How a cell's text becomes a number.</summary>
public enum BenchmarkValueFormat
{
    /// <summary>A plain decimal number, e.g. 22.6.</summary>
    Number,

    /// <summary>Years and months as "YY:MM" (the adoption timeliness file), read as a number of months.</summary>
    YearsMonths,
}

/// <summary>
/// Which rows and column of which DfE file feed one benchmarked measure. See docs/benchmarks-data.md.
/// </summary>
public sealed record BenchmarkMeasureMapping(
    BenchmarkMeasure Measure,
    string File,
    IReadOnlyDictionary<string, string> Filters,
    string Indicator,
    decimal Scale,
    BenchmarkValueFormat Format)
{
    /// <summary>
    /// When set, the figure is divided by this other mapped measure's figure for the same area and
    /// multiplied by 10,000 (e.g. children in need per 10,000 children aged 0 to 17).
    /// </summary>
    public string? Per10kOf { get; init; }

    /// <summary>Which year of the denominator to use, relative to the figure's (-1: the year before).</summary>
    public int DenominatorYearOffset { get; init; }

    /// <summary>When set, the figure is rounded to this many decimal places (half away from zero).</summary>
    public int? Decimals { get; init; }
}

/// <summary>The mapping from the DfE files to Lodestar's measures, kept as data (samples/benchmarks/mapping.yaml).</summary>
public sealed partial record BenchmarkMapping(string? StatisticalNeighboursFile, IReadOnlyList<BenchmarkMeasureMapping> Measures)
{
    /// <summary>
    /// Reads and checks a mapping file. A file that cannot be read, is not valid YAML or breaks a rule is a
    /// failed result listing every problem, with its line and column where the YAML gives them.
    /// </summary>
    public static Result<BenchmarkMapping> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result.Failure<BenchmarkMapping>(Problem.InFile(path, $"the mapping cannot be read ({e.Message})."));
        }

        return Parse(Path.GetFileName(path), text);
    }

    /// <summary>Checks a mapping's text; <paramref name="name"/> names the file in problems.</summary>
    public static Result<BenchmarkMapping> Parse(string name, string yaml)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(yaml);
        MappingDocument? document;
        try
        {
            document = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build()
                .Deserialize<MappingDocument?>(yaml);
        }
        catch (YamlException e)
        {
            return Result.Failure<BenchmarkMapping>(At(name, e.Start, null, $"not a valid mapping: {e.InnerException?.Message ?? Describe(e)}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (see ActionsYamlReader).
            return Result.Failure<BenchmarkMapping>(Problem.InFile(name, "not valid YAML (an unclosed bracket or quote?)."));
        }

        if (document?.Measures is not { Count: > 0 } entries)
        {
            return Result.Failure<BenchmarkMapping>(Problem.InFile(name, "no measures are listed under 'measures:'."));
        }

        var places = Places(yaml);
        var problems = new List<Problem>();
        var measures = new List<BenchmarkMeasureMapping>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var where = $"measure {i + 1} ({entry.Id ?? "no id"})";
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(entry.Id) || !IdPattern().IsMatch(entry.Id))
            {
                Add("id", entry.Id, "'id' must be lower-case letters, digits and underscores.");
            }
            else if (!ids.Add(entry.Id))
            {
                Add("id", entry.Id, "the id is listed twice.");
            }

            Require(entry.File, "file");
            Require(entry.Indicator, "indicator");
            Require(entry.Unit, "unit");
            var polarity = Polarities.Parse(entry.Polarity);
            if (polarity is null)
            {
                Add("polarity", entry.Polarity, "'polarity' must be higher, lower or neither.");
            }

            BenchmarkValueFormat? format = (entry.Format ?? "number") switch
            {
                "number" => BenchmarkValueFormat.Number,
                "years_months" => BenchmarkValueFormat.YearsMonths,
                _ => null,
            };
            if (format is null)
            {
                Add("format", entry.Format, "'format' must be number or years_months.");
            }

            if (entry.Scale is <= 0)
            {
                Add("scale", entry.Scale?.ToString(CultureInfo.InvariantCulture), "'scale' must be greater than 0.");
            }

            if (entry.Decimals is < 0 or > 6)
            {
                Add("decimals", entry.Decimals?.ToString(CultureInfo.InvariantCulture), "'decimals' must be from 0 to 6.");
            }

            if (entry.Per10kOf is { } denominator && !entries.Any(e => e.Id == denominator && e.Per10kOf is null))
            {
                Add("per_10k_of", denominator, "'per_10k_of' must name another measure of this mapping that is not itself a rate.");
            }

            if (problems.Count == before)
            {
                var filters = entry.Filters ?? [];
                var source = $"{entry.File}: {string.Join(", ", filters.Select(f => $"{f.Key} = \"{f.Value}\""))}"
                    + $"{(filters.Count == 0 ? "" : "; ")}column {entry.Indicator}"
                    + (entry.Per10kOf is null ? "" : $"; per 10,000 of {entry.Per10kOf}{(entry.DenominatorYearOffset is { } o and not 0 ? $" (year {o:+0;-0})" : "")}");
                measures.Add(new BenchmarkMeasureMapping(
                    new BenchmarkMeasure(entry.Id!, entry.Title ?? entry.Id!, entry.Unit!, polarity!.Value, source),
                    entry.File!,
                    filters,
                    entry.Indicator!,
                    entry.Scale ?? 1m,
                    format!.Value)
                {
                    Per10kOf = entry.Per10kOf,
                    DenominatorYearOffset = entry.DenominatorYearOffset ?? 0,
                    Decimals = entry.Decimals,
                });
            }

            void Require(string? value, string key)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    Add(key, null, $"'{key}' is required.");
                }
            }

            // At the key's value when the entry has the key, else at the entry.
            void Add(string key, string? value, string message)
            {
                var mark = i >= places.Count ? Mark.Empty : places[i].Keys.TryGetValue(key, out var at) ? at : places[i].Start;
                problems.Add(At(name, mark, value, $"{where}: {message}"));
            }
        }

        return problems.Count > 0
            ? Result.Failure<BenchmarkMapping>(problems)
            : Result.Success(new BenchmarkMapping(document.StatisticalNeighbours, measures));
    }

    private static Problem At(string name, Mark mark, string? value, string message) =>
        mark.Line > 0
            ? new Problem(name, (int)mark.Line, ((int)mark.Column).ToString(CultureInfo.InvariantCulture), value, message)
            : new Problem(name, 0, null, value, message);

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes its message with the position, which the problem already carries.
        var close = e.Message.IndexOf("): ", StringComparison.Ordinal);
        return e.Message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? e.Message[(close + 3)..] : e.Message;
    }

    /// <summary>
    /// Where each entry under 'measures:' starts, and where each of its keys' values starts: the deserializer
    /// keeps no positions, so the text (already known to be valid YAML) is read again as nodes.
    /// </summary>
    private static List<(Mark Start, Dictionary<string, Mark> Keys)> Places(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException)
        {
            return [];
        }

        if (stream.Documents is not [var document, ..]
            || document.RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("measures"), out var measures)
            || measures is not YamlSequenceNode sequence)
        {
            return [];
        }

        return sequence.Children.Select(entry =>
        {
            var keys = new Dictionary<string, Mark>(StringComparer.Ordinal);
            if (entry is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { } text })
                    {
                        keys.TryAdd(text, value.Start);
                    }
                }
            }

            return (entry.Start, keys);
        }).ToList();
    }

    /// <summary>Reads a cell's text in the measure's format; null when it is not a number.</summary>
    internal static decimal? ParseNumber(string text, BenchmarkValueFormat format)
    {
        if (format == BenchmarkValueFormat.YearsMonths)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0
                && int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var years)
                && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var months)
                && months < 12
                    ? (years * 12) + months
                    : null;
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex IdPattern();

    private sealed class MappingDocument
    {
        public string? StatisticalNeighbours { get; set; }

        public List<MeasureEntry>? Measures { get; set; }
    }

    private sealed class MeasureEntry
    {
        public string? Id { get; set; }

        public string? Title { get; set; }

        public string? File { get; set; }

        public Dictionary<string, string>? Filters { get; set; }

        public string? Indicator { get; set; }

        public string? Unit { get; set; }

        public string? Polarity { get; set; }

        public decimal? Scale { get; set; }

        public string? Format { get; set; }

        [YamlMember(Alias = "per_10k_of")]
        public string? Per10kOf { get; set; }

        public int? DenominatorYearOffset { get; set; }

        public int? Decimals { get; set; }
    }
}
