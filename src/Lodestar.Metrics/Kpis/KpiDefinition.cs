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
/// One KPI of the catalogue (DOMAIN.md §6, docs/kpis.md): stable id, unit, polarity, and the categories
/// it is broken down by (a result per category, e.g. <c>cpp_by_category</c>).
/// </summary>
public sealed record KpiDefinition(
    string Id,
    string Name,
    KpiKind Kind,
    Polarity Polarity,
    KpiSource Source,
    IReadOnlyList<string> Categories)
{
    /// <summary>The unit as written in results: count, percent, rate_per_10k, days, score or placements_52wk.</summary>
    public string Unit => Id switch
    {
        "cla_sdq_average" => "score",
        "adoption_a1_days" or "adoption_a2_days" => "days",
        _ => Kind switch
        {
            KpiKind.Count => "count",
            KpiKind.Percent => "percent",
            KpiKind.RatePer10k => "rate_per_10k",
            KpiKind.Per364 => "placements_52wk",
            KpiKind.Mean => "mean",
            _ => throw new InvalidOperationException($"No unit for kind {Kind}."),
        },
    };

    /// <summary>True when the KPI gives one result per category.</summary>
    public bool HasCategories => Categories.Count > 0;
}
