using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;

namespace Lodestar.Metrics.Kpis;

/// <summary>How a KPI's value follows from its numerator and denominator.</summary>
public enum KpiKind
{
    /// <summary>A count: value = numerator; no denominator.</summary>
    Count,

    /// <summary>A percentage: numerator ÷ denominator × 100; no value when the denominator is 0.</summary>
    Percent,

    /// <summary>A rate per 10,000 children aged 0–17: numerator ÷ population × 10,000; no value without a population.</summary>
    RatePer10k,

    /// <summary>A mean: numerator (a sum) ÷ denominator (how many); no value when nothing was measured.</summary>
    Mean,

    /// <summary>Days ÷ 364: "52-week placements".</summary>
    Per364,
}

/// <summary>Which dataset a KPI reads.</summary>
public enum KpiSource
{
    Ssda903,
    Cin,
}

/// <summary>
/// One KPI of the catalogue (docs/domain.md "The KPI catalogue", docs/kpis.md): stable id, kind, polarity, unit (results carry it), and the categories
/// it is broken down by (a result per category, e.g. <c>cpp_by_category</c>).
/// </summary>
public sealed record KpiDefinition(
    string Id,
    string Name,
    KpiKind Kind,
    Polarity Polarity,
    KpiSource Source,
    IReadOnlyList<string> Categories,
    MeasureUnit Unit)
{
    /// <summary>
    /// The definition in one or two sentences, shortened from docs/kpis.md (for the National Framework
    /// indicators, the DfE's definition and the codes it counts); the KPI page shows it. Every KPI of
    /// <see cref="KpiCatalog"/> has one (tested); nullable because a definition built elsewhere may not.
    /// </summary>
    public string? Definition { get; init; }

    /// <summary>True when the KPI gives one result per category.</summary>
    public bool HasCategories => Categories.Count > 0;
}
