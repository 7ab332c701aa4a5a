using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;

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

/// <summary>
/// How a KPI relates to the span it is asked for, which decides the kinds of period it makes sense for
/// (<see cref="KpiDefinition.PeriodKinds"/>; docs/kpis.md, "Which periods each KPI makes sense for").
/// </summary>
public enum KpiTiming
{
    /// <summary>Counted over the whole span (referrals, starts, assessments): any kind of period.</summary>
    Flow,

    /// <summary>Read on the span's last day (children looked after at the end): a year to date or rolling 12 months ends on its month's last day and would say the same as the month.</summary>
    Stock,

    /// <summary>Defined over twelve months (3 or more placements in the year): a reporting year, or rolling 12 months ending at any month.</summary>
    TwelveMonths,

    /// <summary>Defined for the year to 31 March (the OC2 and OC3 cohorts): reporting years only.</summary>
    YearEnd,
}

/// <summary>Which dataset a KPI reads.</summary>
public enum KpiSource
{
    Ssda903,
    Cin,

    /// <summary>The Ofsted ILACS Annex A lists.</summary>
    AnnexA,
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

    /// <summary>How the KPI relates to its period (default: a flow, counted over the whole span).</summary>
    public KpiTiming Timing { get; init; } = KpiTiming.Flow;

    /// <summary>The kinds of period a series of this KPI may be asked in; any single span (a year, or from–to) may always be asked.</summary>
    public IReadOnlyList<PeriodKind> PeriodKinds => Timing switch
    {
        KpiTiming.Stock => [PeriodKind.Month, PeriodKind.Quarter, PeriodKind.ReportingYear],
        KpiTiming.TwelveMonths => [PeriodKind.ReportingYear, PeriodKind.Rolling12],
        KpiTiming.YearEnd => [PeriodKind.ReportingYear],
        _ => [PeriodKind.Month, PeriodKind.Quarter, PeriodKind.ReportingYear, PeriodKind.YearToDate, PeriodKind.Rolling12],
    };

    /// <summary>True when the KPI gives one result per category.</summary>
    public bool HasCategories => Categories.Count > 0;
}
