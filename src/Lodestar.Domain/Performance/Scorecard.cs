using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Performance;

/// <summary>
/// One comparison shown beside a measure, e.g. ("England", 11.2), ("Statistical neighbours", 10.4),
/// ("Quartile", null, "2nd (better than median)").
/// </summary>
public sealed record BenchmarkFigure(string Label, decimal? Value, string? Note = null);

/// <summary>Everything a scorecard is built from; values and targets are those stored for the council.</summary>
public sealed record ScorecardRequest
{
    public required Framework Framework { get; init; }

    /// <summary>Every measure the framework references, wherever defined, and those its formulas read.</summary>
    public required IReadOnlyDictionary<string, Measure> Measures { get; init; }

    public required string Council { get; init; }

    public required Period Period { get; init; }

    public IReadOnlyList<PeriodicValue> Values { get; init; } = [];

    public IReadOnlyList<Target> Targets { get; init; } = [];

    /// <summary>
    /// A computed KPI's value: (KPI id, council code, period) → value, or null. The KPI engine plugs in here.
    /// Without it, or when it gives null, a KPI measure falls back to entered values.
    /// </summary>
    public Func<string, string, Period, MeasureValue?>? Kpis { get; init; }

    /// <summary>Benchmark comparisons: (measure, council code, period) → figures. The benchmark comparison plugs in here.</summary>
    public Func<Measure, string, Period, IReadOnlyList<BenchmarkFigure>>? Benchmarks { get; init; }
}

/// <summary>A measure's line on a scorecard.</summary>
public sealed record ScorecardRow
{
    public required Measure Measure { get; init; }

    public MeasureValue? Value { get; init; }

    public Target? Target { get; init; }

    public required RagResult Rag { get; init; }

    /// <summary>The previous period's figure, with its numerator and denominator (for the small-number rule).</summary>
    public MeasureValue? Previous { get; init; }

    public decimal? PreviousValue => Previous?.Value;

    public DirectionOfTravel VersusPrevious { get; init; }

    /// <summary>The same period a year earlier, with its numerator and denominator.</summary>
    public MeasureValue? SameLastYear { get; init; }

    public decimal? SameLastYearValue => SameLastYear?.Value;

    public DirectionOfTravel VersusLastYear { get; init; }

    public IReadOnlyList<BenchmarkFigure> Benchmarks { get; init; } = [];

    /// <summary>Which of the row's figures are about fewer children than the small-number threshold (<see cref="SmallNumbers.Mark(Scorecard)"/>).</summary>
    public SmallFigures Small { get; init; }

    /// <summary>Which figures were withheld and show as "c" (<see cref="SmallNumbers.Suppress(Scorecard)"/>); their values are gone from the row.</summary>
    public SmallFigures Withheld { get; init; }

    /// <summary>The value as shown, e.g. "14.2%", or "c" when withheld; empty when there is none.</summary>
    public string ValueText => Withheld.HasFlag(SmallFigures.Value) ? SmallNumbers.Marker
        : Value is { } v ? ValueFormat.Value(v.Value, Measure.Unit, Measure.DecimalPlaces) : "";

    public string TargetText => Target is { } t ? ValueFormat.Value(t.Value, Measure.Unit, Measure.DecimalPlaces) : "";
}

/// <summary>A node of the framework on a scorecard, with its measures' rows and its children.</summary>
public sealed record ScorecardNode(FrameworkNode Node, int Depth, IReadOnlyList<ScorecardRow> Rows, IReadOnlyList<ScorecardNode> Children)
{
    public IEnumerable<ScorecardNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

/// <summary>A framework's measures for one council and period: value, target, RAG and reason, direction of travel, benchmarks.</summary>
public sealed record Scorecard(string FrameworkId, string FrameworkTitle, string Council, Period Period, IReadOnlyList<ScorecardNode> Nodes)
{
    public IEnumerable<ScorecardRow> Rows => Nodes.SelectMany(n => n.SelfAndDescendants()).SelectMany(n => n.Rows);

    /// <summary>
    /// How many measures have each status. A measure placed under two nodes has two rows with the same status
    /// (same council, period and target) but is one measure: it is counted once, so the counts add up to the
    /// number of measures the scorecard shows.
    /// </summary>
    public IReadOnlyDictionary<RagStatus, int> Counts()
    {
        var measures = Rows.DistinctBy(r => r.Measure.Id).ToList();
        return Enum.GetValues<RagStatus>().ToDictionary(s => s, s => measures.Count(r => r.Rag.Status == s));
    }

    /// <summary>Builds the scorecard. Pure: everything it reads is in the request.</summary>
    public static Scorecard Build(ScorecardRequest request)
    {
        var values = new ValueResolver(request);
        var period = request.Period;
        var framework = request.Framework;

        ScorecardRow Row(string measureId)
        {
            var measure = request.Measures.TryGetValue(measureId, out var m)
                ? m
                : new Measure { Id = measureId, Title = measureId };
            var value = values.Get(measure.Id, period);
            var previous = values.Get(measure.Id, period.Previous());
            var lastYear = values.Get(measure.Id, period.SameLastYear());
            var target = Target.Find(request.Targets, measure.Id, request.Council, period);
            var rag = request.Measures.ContainsKey(measureId)
                ? Rag.Evaluate(measure, value?.Value, target, framework.RagRule, lastYear?.Value, period)
                : new RagResult(RagStatus.Grey, $"Grey: measure '{measureId}' is not defined");
            return new ScorecardRow
            {
                Measure = measure,
                Value = value,
                Target = target,
                Rag = rag,
                Previous = previous,
                VersusPrevious = Direction.Compare(measure, value?.Value, previous?.Value),
                SameLastYear = lastYear,
                VersusLastYear = Direction.Compare(measure, value?.Value, lastYear?.Value),
                Benchmarks = request.Benchmarks?.Invoke(measure, request.Council, period) ?? [],
            };
        }

        ScorecardNode NodeOf(FrameworkNode node, int depth) => new(
            node,
            depth,
            node.MeasureIds.Select(Row).ToList(),
            node.Children.Select(c => NodeOf(c, depth + 1)).ToList());

        return new Scorecard(framework.Id, framework.Title, request.Council, period, framework.Nodes.Select(n => NodeOf(n, 0)).ToList());
    }

    /// <summary>Finds a measure's value for a period: entered values, the KPI source, or its formula (cycles give no value).</summary>
    private sealed class ValueResolver(ScorecardRequest request)
    {
        private readonly Dictionary<(string, DateOnly, DateOnly), PeriodicValue> _entered = request.Values
            .Where(v => v.Council == request.Council)
            .GroupBy(v => (v.MeasureId, v.Period.Start, v.Period.End))
            .ToDictionary(g => g.Key, g => g.Last());

        private readonly HashSet<(string, Period)> _evaluating = [];

        public MeasureValue? Get(string measureId, Period period)
        {
            if (!request.Measures.TryGetValue(measureId, out var measure))
            {
                return Entered(measureId, period);
            }

            switch (measure.Source.Kind)
            {
                case MeasureSourceKind.Kpi:
                    return request.Kpis?.Invoke(measure.Source.Reference, request.Council, period) ?? Entered(measureId, period);
                case MeasureSourceKind.Formula:
                    if (!Formula.TryParse(measure.Source.Reference, out var formula, out _) || !_evaluating.Add((measureId, period)))
                    {
                        return null;
                    }

                    try
                    {
                        return formula!.Evaluate(id => Get(id, period)?.Value) is { } v ? new MeasureValue(v) : null;
                    }
                    finally
                    {
                        _evaluating.Remove((measureId, period));
                    }

                default:
                    return Entered(measureId, period);
            }
        }

        private MeasureValue? Entered(string measureId, Period period) =>
            _entered.TryGetValue((measureId, period.Start, period.End), out var v) ? v.ToMeasureValue() : null;
    }
}
