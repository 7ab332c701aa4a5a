using Lodestar.Domain.Performance;

namespace Lodestar.Domain.Frameworks;

/// <summary>
/// What a measure's or a KPI's value counts in; it decides how values are shown. Stored by member name;
/// files and results write <see cref="MeasureUnits.Code"/> (the snake_case name).
/// </summary>
public enum MeasureUnit
{
    Count,
    Percent,
    RatePer10k,
    Days,
    Score,
    Gbp,
    Ratio,
    Text,

    /// <summary>52-week placements: days in placement ÷ 364.</summary>
    Placements52wk,
}

public static class MeasureUnits
{
    /// <summary>The unit as files, KPI results and the API write it: count, percent, rate_per_10k, days, score, gbp, ratio, text, placements_52wk.</summary>
    public static string Code(this MeasureUnit unit) => unit switch
    {
        MeasureUnit.Count => "count",
        MeasureUnit.Percent => "percent",
        MeasureUnit.RatePer10k => "rate_per_10k",
        MeasureUnit.Days => "days",
        MeasureUnit.Score => "score",
        MeasureUnit.Gbp => "gbp",
        MeasureUnit.Ratio => "ratio",
        MeasureUnit.Text => "text",
        MeasureUnit.Placements52wk => "placements_52wk",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit."),
    };
}

/// <summary>Where a measure's values come from.</summary>
public enum MeasureSourceKind
{
    /// <summary>Computed by the KPI engine from child-level returns; the reference is the KPI id.</summary>
    Kpi,

    /// <summary>Periodic values entered or imported; the reference is free text (usually "entered").</summary>
    Values,

    /// <summary>Arithmetic over other measures' values; the reference is the formula.</summary>
    Formula,
}

/// <summary>Where a measure's values come from: a KPI id, entered values, or a formula.</summary>
public sealed record MeasureSource(MeasureSourceKind Kind, string Reference)
{
    public static MeasureSource Entered { get; } = new(MeasureSourceKind.Values, "entered");

    public static MeasureSource Kpi(string kpiId) => new(MeasureSourceKind.Kpi, kpiId);

    public static MeasureSource Formula(string formula) => new(MeasureSourceKind.Formula, formula);
}

public enum MeasureFrequency
{
    Monthly,
    Quarterly,
    Annual,
    Termly,
}

/// <summary>Whether a measure is in a contract's schedule.</summary>
public enum ContractualStatus
{
    Contractual,
    ForDiscussion,
    NonContractual,
}

/// <summary>Whether the council answers for a measure alone or with partners.</summary>
public enum Responsibility
{
    Primary,
    Shared,
}

public enum MeasureStatus
{
    Live,
    InDevelopment,
}

/// <summary>One tag from a tag set, e.g. set "continuum", tag "PREVENT".</summary>
public readonly record struct TagRef(string SetId, string TagId)
{
    public override string ToString() => $"{SetId}:{TagId}";
}

/// <summary>A tag in a tag set.</summary>
public sealed record Tag(string Id, string Title);

/// <summary>A vocabulary of tags, e.g. the care continuum PREVENT / REDUCE / DELAY / MEET.</summary>
public sealed record TagSet(string Id, string Title, IReadOnlyList<Tag> Tags);

/// <summary>
/// Something a council measures. Ids are stable and global: a measure can sit in several frameworks,
/// and an id equal to a computed KPI id links the two.
/// </summary>
public sealed record Measure
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The document's own numbering, e.g. "KPI 12".</summary>
    public string? Number { get; init; }

    public string? Group { get; init; }

    public MeasureUnit Unit { get; init; } = MeasureUnit.Count;

    public Polarity Polarity { get; init; } = Polarity.Neither;

    /// <summary>Decimal places to show; by default 0 for counts and 1 otherwise.</summary>
    public int? Decimals { get; init; }

    public int DecimalPlaces => Decimals ?? (Unit == MeasureUnit.Count ? 0 : 1);

    public MeasureSource Source { get; init; } = MeasureSource.Entered;

    public MeasureFrequency? Frequency { get; init; }

    /// <summary>Who monitors it, e.g. "Corporate Parenting Panel".</summary>
    public string? Forum { get; init; }

    public ContractualStatus? Contractual { get; init; }

    public Responsibility? Responsibility { get; init; }

    public MeasureStatus Status { get; init; } = MeasureStatus.Live;

    public string? Owner { get; init; }

    /// <summary>Why it matters.</summary>
    public string? Why { get; init; }

    public IReadOnlyList<TagRef> Tags { get; init; } = [];
}

/// <summary>A commissioning intention attached to an outcome, tagged e.g. on the care continuum.</summary>
public sealed record CommissioningIntention(string Text, IReadOnlyList<TagRef> Tags);
