using Lodestar.Domain.Frameworks;

namespace Lodestar.Domain.Performance;

/// <summary>
/// Small numbers, the way the DfE treats them in what it publishes: a figure about fewer than
/// <see cref="Threshold"/> children could identify them, so outside the council it is marked and, where
/// asked, suppressed and shown as <see cref="Marker"/> ("c", confidential). A count from 1 to
/// Threshold − 1; a percentage, mean, score or ratio whose denominator is from 1 to Threshold − 1; a rate
/// per 10,000 whose numerator (the children counted; the population is public) is from 1 to Threshold − 1.
/// Zero is not small (it identifies no one), and a figure without a value has nothing to suppress.
/// </summary>
/// <param name="Threshold">The smallest number shown: 5 by default, as the DfE's children's social care statistics use.</param>
public sealed record SmallNumbers(int Threshold = 5)
{
    /// <summary>What a suppressed figure shows: the DfE's "c".</summary>
    public const string Marker = "c";

    /// <summary>The DfE's rule: fewer than 5.</summary>
    public static SmallNumbers Dfe { get; } = new();

    /// <summary>Whether a figure of <paramref name="unit"/> with this value, numerator and denominator is small.</summary>
    public bool IsSmall(MeasureUnit unit, double? value, double? numerator, double? denominator)
    {
        if (value is null)
        {
            return false;
        }

        var basis = unit switch
        {
            MeasureUnit.Count => value,
            MeasureUnit.RatePer10k => numerator,
            MeasureUnit.Percent or MeasureUnit.Days or MeasureUnit.Score or MeasureUnit.Ratio => denominator,
            _ => null,
        };
        return basis is { } n && n > 0 && n < Threshold;
    }

    /// <summary>
    /// Whether a scorecard figure of <paramref name="measure"/> is small. A measure computed from the returns counts
    /// children, so the rule applies to it by its unit; an entered or formula figure is judged only when it
    /// carries a numerator or denominator, because Lodestar cannot tell an entered count of children from a
    /// count of inspections or staff.
    /// </summary>
    public bool IsSmall(Measure measure, MeasureValue? figure) =>
        figure is { } f
        && (measure.Source.Kind == MeasureSourceKind.Kpi || f.Numerator is not null || f.Denominator is not null)
        && IsSmall(measure.Unit, (double)f.Value, (double?)f.Numerator, (double?)f.Denominator);

    /// <summary>The scorecard with each row's small figures marked (<see cref="ScorecardRow.Small"/>); nothing withheld.</summary>
    public Scorecard Mark(Scorecard scorecard) => Map(scorecard, Mark);

    /// <summary>
    /// The scorecard as shown outside the council: every small figure withheld (<see cref="ScorecardRow.Withheld"/>),
    /// shown as <see cref="Marker"/>, its value, numerator and denominator gone from the row so that no output can
    /// reveal it. A withheld value takes its RAG and directions of travel with it (they would bound it); a
    /// withheld figure of the year before takes the directions against it and the RAG's reason (which may name
    /// it), keeping the status. Benchmarks are published figures and stay. The scorecard given is not changed
    /// (it may be the cache's).
    /// </summary>
    public Scorecard Suppress(Scorecard scorecard) => Map(scorecard, Suppress);

    /// <summary>One row as <see cref="Suppress(Scorecard)"/> shows it (a measure's series is rows without a scorecard).</summary>
    public ScorecardRow Suppress(ScorecardRow row) => Withhold(Mark(row));

    /// <summary>One row as <see cref="Mark(Scorecard)"/> shows it.</summary>
    public ScorecardRow Mark(ScorecardRow row) => row with
    {
        Small = (IsSmall(row.Measure, row.Value) ? SmallFigures.Value : SmallFigures.None)
            | (IsSmall(row.Measure, row.Previous) ? SmallFigures.Previous : SmallFigures.None)
            | (IsSmall(row.Measure, row.SameLastYear) ? SmallFigures.SameLastYear : SmallFigures.None),
    };

    private ScorecardRow Withhold(ScorecardRow row)
    {
        if (row.Small == SmallFigures.None)
        {
            return row;
        }

        var value = row.Small.HasFlag(SmallFigures.Value);
        var previous = row.Small.HasFlag(SmallFigures.Previous);
        var lastYear = row.Small.HasFlag(SmallFigures.SameLastYear);
        var rag = value
            ? new RagResult(RagStatus.Grey, $"Grey: suppressed ({Marker}), a figure about fewer than {Threshold} children")
            : lastYear && row.Target is not null
                ? new RagResult(row.Rag.Status, $"{row.Rag.Status}: judged against the target and the year before, whose figure is suppressed ({Marker})")
                : row.Rag;
        return row with
        {
            Value = value ? null : row.Value,
            Previous = previous ? null : row.Previous,
            SameLastYear = lastYear ? null : row.SameLastYear,
            Rag = rag,
            VersusPrevious = value || previous ? DirectionOfTravel.Unknown : row.VersusPrevious,
            VersusLastYear = value || lastYear ? DirectionOfTravel.Unknown : row.VersusLastYear,
            Withheld = row.Small,
        };
    }

    private static Scorecard Map(Scorecard scorecard, Func<ScorecardRow, ScorecardRow> map)
    {
        ScorecardNode Node(ScorecardNode n) => n with { Rows = [.. n.Rows.Select(map)], Children = [.. n.Children.Select(Node)] };
        return scorecard with { Nodes = [.. scorecard.Nodes.Select(Node)] };
    }
}

/// <summary>The figures of a scorecard row that the small-number rule applies to.</summary>
[Flags]
public enum SmallFigures
{
    None = 0,

    /// <summary>The value for the period.</summary>
    Value = 1,

    /// <summary>The previous period's value.</summary>
    Previous = 2,

    /// <summary>The same period a year earlier.</summary>
    SameLastYear = 4,
}
