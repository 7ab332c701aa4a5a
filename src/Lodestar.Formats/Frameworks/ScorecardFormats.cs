using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lodestar.Domain.Performance;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Frameworks;

/// <summary>A scorecard as JSON (for the API and scripts), as a text table (for a terminal), and as XLSX.</summary>
public static class ScorecardFormats
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The scorecard's JSON shape: framework, council, period, counts, and the tree of nodes with rows.</summary>
    public sealed record ScorecardDocument(string Framework, string Title, string Council, string Period, string PeriodLabel, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<NodeDocument> Nodes);

    public sealed record NodeDocument(string Id, string Kind, string Title, IReadOnlyList<RowDocument> Measures, IReadOnlyList<NodeDocument> Children);

    public sealed record RowDocument(
        string Id,
        string? Number,
        string Title,
        string Unit,
        string Polarity,
        decimal? Value,
        decimal? Numerator,
        decimal? Denominator,
        string ValueText,
        decimal? Target,
        string Rag,
        string Reason,
        decimal? Previous,
        string VersusPrevious,
        decimal? SameLastYear,
        string VersusLastYear,
        IReadOnlyList<BenchmarkFigure> Benchmarks,
        bool SmallNumber,
        string? Suppressed,
        IReadOnlyList<string>? Withheld);

    /// <summary>
    /// The small-number fields of a row, as every scorecard output writes them: whether the value is a small number;
    /// "c" when the value is withheld; the names of the withheld figures (value, previous, same_last_year), null when none.
    /// </summary>
    public static (bool SmallNumber, string? Suppressed, IReadOnlyList<string>? Withheld) SmallFields(ScorecardRow row) => (
        row.Small.HasFlag(SmallFigures.Value),
        row.Withheld.HasFlag(SmallFigures.Value) ? SmallNumbers.Marker : null,
        row.Withheld == SmallFigures.None ? null : WithheldNames(row.Withheld));

    private static List<string> WithheldNames(SmallFigures figures) =>
        [.. new[] { SmallFigures.Value, SmallFigures.Previous, SmallFigures.SameLastYear }.Where(f => figures.HasFlag(f)).Select(f => Names.ToSnake(f))];

    public static ScorecardDocument ToDocument(Scorecard scorecard) => new(
        scorecard.FrameworkId,
        scorecard.FrameworkTitle,
        scorecard.Council,
        scorecard.Period.ToString(),
        scorecard.Period.Describe(),
        scorecard.Counts().ToDictionary(c => Names.ToSnake(c.Key), c => c.Value),
        scorecard.Nodes.Select(NodeOf).ToList());

    public static string ToJson(Scorecard scorecard) => JsonSerializer.Serialize(ToDocument(scorecard), JsonOptions);

    /// <summary>Several councils' scorecards (a national view) as a JSON array of <see cref="ScorecardDocument"/>s.</summary>
    public static string ToJson(IEnumerable<Scorecard> scorecards) => JsonSerializer.Serialize(scorecards.Select(ToDocument).ToList(), JsonOptions);

    /// <summary>Several councils' scorecards (a national view) as a plain-text table: one line per council with its RAG counts.</summary>
    public static string ToCountsTable(string title, Domain.Periods.Period period, IEnumerable<(string Code, string Name, Scorecard Scorecard)> councils)
    {
        var text = new StringBuilder();
        var lines = councils.ToList();
        text.Append($"{title} — {period.Describe()} — {lines.Count} councils\n\n");
        foreach (var (code, name, scorecard) in lines)
        {
            var counts = scorecard.Counts();
            text.Append($"{code,-10} {name,-40} Green {counts[RagStatus.Green],3}, Amber {counts[RagStatus.Amber],3}, Red {counts[RagStatus.Red],3}, Grey {counts[RagStatus.Grey],3}\n");
        }

        return text.ToString();
    }

    /// <summary>A plain-text table: one line per node (indented) and per measure, with RAG and reason.</summary>
    public static string ToTable(Scorecard scorecard)
    {
        var text = new StringBuilder();
        text.Append($"{scorecard.FrameworkTitle} — {scorecard.Council} — {scorecard.Period.Describe()}\n");
        var counts = scorecard.Counts();
        text.Append($"Green {counts[RagStatus.Green]}, Amber {counts[RagStatus.Amber]}, Red {counts[RagStatus.Red]}, Grey {counts[RagStatus.Grey]}\n\n");
        foreach (var node in scorecard.Nodes.SelectMany(n => n.SelfAndDescendants()))
        {
            var indent = new string(' ', node.Depth * 2);
            text.Append($"{indent}{node.Node.Title}\n");
            foreach (var row in node.Rows)
            {
                var direction = Direction.Describe(row.VersusPrevious);
                text.Append($"{indent}  [{row.Rag.Status,-5}] {Label(row),-50} {row.ValueText,12} {(row.TargetText.Length > 0 ? "target " + row.TargetText : ""),-20} {direction}\n");
                text.Append($"{indent}          {row.Rag.Reason}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>One sheet, one row per measure under its node path, with value, target, RAG, reason, directions and benchmarks.</summary>
    public static void WriteXlsx(Stream output, Scorecard scorecard)
    {
        var benchmarkLabels = scorecard.Rows.SelectMany(r => r.Benchmarks.Select(b => b.Label)).Distinct().ToList();
        var header = new List<string>
        {
            "Node", "Measure id", "Number", "Measure", "Value", "Numerator", "Denominator", "Target", "RAG", "Reason",
            "Previous period", "Versus previous", "Same period last year", "Versus last year", "Small number",
        };
        header.AddRange(benchmarkLabels);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var node in scorecard.Nodes.SelectMany(n => n.SelfAndDescendants()))
        {
            rows.Add([new string(' ', node.Depth * 4) + node.Node.Title]);
            foreach (var row in node.Rows)
            {
                // A withheld figure's cells say "c"; its numbers are not in the row to write.
                object? Cell(SmallFigures figure, decimal? value) => row.Withheld.HasFlag(figure) ? SmallNumbers.Marker : value;
                var cells = new List<object?>
                {
                    null, row.Measure.Id, row.Measure.Number, row.Measure.Title,
                    Cell(SmallFigures.Value, row.Value?.Value), Cell(SmallFigures.Value, row.Value?.Numerator), Cell(SmallFigures.Value, row.Value?.Denominator),
                    row.Target?.Value, row.Rag.Status.ToString(), row.Rag.Reason,
                    Cell(SmallFigures.Previous, row.PreviousValue), Direction.Describe(row.VersusPrevious),
                    Cell(SmallFigures.SameLastYear, row.SameLastYearValue), Direction.Describe(row.VersusLastYear),
                    row.Small.HasFlag(SmallFigures.Value) ? "yes" : null,
                };
                cells.AddRange(benchmarkLabels.Select(label => row.Benchmarks.FirstOrDefault(b => b.Label == label) is { } b ? (object?)b.Value ?? b.Note : null));
                rows.Add(cells);
            }
        }

        XlsxWriter.Write(output, [new XlsxSheet("Scorecard", header, rows)]);
    }

    private static string Label(ScorecardRow row)
    {
        var label = row.Measure.Number is { } n ? $"{n} {row.Measure.Title}" : row.Measure.Title;
        return label.Length > 50 ? label[..49] + "…" : label;
    }

    private static NodeDocument NodeOf(ScorecardNode node) => new(
        node.Node.Id,
        node.Node.Kind,
        node.Node.Title,
        node.Rows.Select(r => new RowDocument(
            r.Measure.Id,
            r.Measure.Number,
            r.Measure.Title,
            Names.ToSnake(r.Measure.Unit),
            Names.ToSnake(r.Measure.Polarity),
            r.Value?.Value,
            r.Value?.Numerator,
            r.Value?.Denominator,
            r.ValueText,
            r.Target?.Value,
            Names.ToSnake(r.Rag.Status),
            r.Rag.Reason,
            r.PreviousValue,
            Names.ToSnake(r.VersusPrevious),
            r.SameLastYearValue,
            Names.ToSnake(r.VersusLastYear),
            r.Benchmarks,
            SmallFields(r).SmallNumber,
            SmallFields(r).Suppressed,
            SmallFields(r).Withheld)).ToList(),
        node.Children.Select(NodeOf).ToList());
}
