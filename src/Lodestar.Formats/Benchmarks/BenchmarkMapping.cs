using System.Globalization;
using System.Text.RegularExpressions;
using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Performance;
using YamlDotNet.Core;
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
    /// <summary>Reads and checks a mapping file. Throws <see cref="BenchmarkInputException"/> listing every problem.</summary>
    public static BenchmarkMapping Load(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BenchmarkInputException($"The mapping {path} cannot be read ({e.Message}).", e);
        }

        return Parse(Path.GetFileName(path), text);
    }

    public static BenchmarkMapping Parse(string name, string yaml)
    {
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
            throw new BenchmarkInputException($"{name} line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }

        if (document?.Measures is not { Count: > 0 } entries)
        {
            throw new BenchmarkInputException($"{name}: no measures are listed under 'measures:'.");
        }

        var problems = new List<string>();
        var measures = new List<BenchmarkMeasureMapping>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var where = $"{name} measure {i + 1} ({entry.Id ?? "no id"})";
            if (string.IsNullOrWhiteSpace(entry.Id) || !IdPattern().IsMatch(entry.Id))
            {
                problems.Add($"{where}: 'id' must be lower-case letters, digits and underscores.");
            }
            else if (!ids.Add(entry.Id))
            {
                problems.Add($"{where}: the id is listed twice.");
            }

            Require(entry.File, "file");
            Require(entry.Indicator, "indicator");
            Require(entry.Unit, "unit");
            var polarity = Polarities.Parse(entry.Polarity);
            if (polarity is null)
            {
                problems.Add($"{where}: 'polarity' must be higher, lower or neither, not '{entry.Polarity}'.");
            }

            BenchmarkValueFormat? format = (entry.Format ?? "number") switch
            {
                "number" => BenchmarkValueFormat.Number,
                "years_months" => BenchmarkValueFormat.YearsMonths,
                _ => null,
            };
            if (format is null)
            {
                problems.Add($"{where}: 'format' must be number or years_months, not '{entry.Format}'.");
            }

            if (entry.Scale is <= 0)
            {
                problems.Add($"{where}: 'scale' must be greater than 0.");
            }

            if (entry.Decimals is < 0 or > 6)
            {
                problems.Add($"{where}: 'decimals' must be from 0 to 6.");
            }

            if (entry.Per10kOf is { } denominator && !entries.Any(e => e.Id == denominator && e.Per10kOf is null))
            {
                problems.Add($"{where}: 'per_10k_of' must name another measure of this mapping that is not itself a rate, not '{denominator}'.");
            }

            if (problems.Count == 0)
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
                    problems.Add($"{where}: '{key}' is required.");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new BenchmarkInputException(string.Join(Environment.NewLine, problems));
        }

        return new BenchmarkMapping(document.StatisticalNeighbours, measures);
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
