using Lodestar.Domain.Frameworks;

namespace Lodestar.Metrics.Kpis;

/// <summary>
/// One KPI value for one council and one period. <see cref="Value"/> is null when there is no data
/// (no population for a rate, an empty denominator, an annual measure asked for a period that does not
/// end on 31 March, no postcode lookup) — never 0 for "unknown". <see cref="Category"/> is set only for
/// the KPIs broken down by category (placements_52wk_by_type, cpp_by_category).
/// </summary>
public sealed record KpiResult(
    string Kpi,
    string Council,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double? Value,
    double? Numerator,
    double? Denominator,
    MeasureUnit Unit,
    string? Category = null);
