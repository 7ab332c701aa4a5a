using Lodestar.Application.Returns;
using Lodestar.Data.Audit;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Application.Kpis;

/// <summary>Why one child was or was not counted, for the child-level page.</summary>
public sealed record ChildExplanation(string ChildId, bool InNumerator, bool InDenominator, IReadOnlyList<string> Reasons);

/// <summary>
/// The children behind a KPI result: the one way any host shows child-level data, and every such view
/// writes its audit entry here, whichever host asked (page, JSON API).
/// </summary>
public sealed class ChildLevelKpis(StatutoryDataStore store, AuditLog audit)
{
    /// <summary>The audit subject of a child-level view: "kpi cla_at_end E10000003 2024-04-01..2025-03-31".</summary>
    public static string AuditSubject(string kpi, string council, Period period) =>
        $"kpi {kpi} {council} {period.Start:yyyy-MM-dd}..{period.End:yyyy-MM-dd}";

    /// <summary>
    /// The children in a KPI's numerator and denominator for a council and period, audited as a view of
    /// that many children; null (and nothing audited) when the council has no returns.
    /// </summary>
    public async Task<KpiExplanation?> ExplainAsync(string actor, KpiDefinition kpi, string council, Period period, CancellationToken cancellationToken)
    {
        if (store.Dataset(council) is not { } dataset)
        {
            return null;
        }

        var explanation = store.Engine.Explain(kpi.Id, dataset, period);
        var children = explanation.NumeratorChildren.Union(explanation.DenominatorChildren, StringComparer.Ordinal).Count();
        await audit.RecordAsync(actor, AuditActions.ViewChildLevel, AuditSubject(kpi.Id, council, period), $"{children} children", cancellationToken);
        return explanation;
    }

    /// <summary>
    /// Why one child was or was not counted, audited as a view of that child; null (and nothing audited)
    /// when the council has no returns or the child is not in the KPI's return.
    /// </summary>
    public async Task<ChildExplanation?> ExplainChildAsync(
        string actor, KpiDefinition kpi, string council, Period period, string childId, CancellationToken cancellationToken)
    {
        if (store.Dataset(council) is not { } dataset)
        {
            return null;
        }

        var children = kpi.Source switch
        {
            KpiSource.Ssda903 => dataset.Cla?.Children,
            KpiSource.Cin => dataset.Cin?.Children,
            _ => dataset.AnnexA?.Children,
        };
        if (children is null || children.Find(childId) < 0)
        {
            return null;
        }

        var reasons = store.Engine.ExplainChild(kpi.Id, dataset, period, childId);
        var explanation = store.Engine.Explain(kpi.Id, dataset, period);
        await audit.RecordAsync(actor, AuditActions.ViewChildLevel, AuditSubject(kpi.Id, council, period), $"1 child: {childId}", cancellationToken);
        return new ChildExplanation(
            childId,
            explanation.NumeratorChildren.Contains(childId, StringComparer.Ordinal),
            explanation.DenominatorChildren.Contains(childId, StringComparer.Ordinal),
            reasons);
    }
}
