using Lodestar.Data.Frameworks;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;

namespace Lodestar.Data.Actions;

/// <summary>
/// An action plan's targets on measures (seed 004: "Target LAC number April 2016: 535") become targets in
/// the frameworks' store, so scorecards judge the measure against them. A target names a measure id or a
/// computed KPI id: it applies to the measure with that id and to every measure computed from that KPI
/// (Appendix H's KPI 13 and PI 35 are both <c>cla_at_end</c>). A target dated on or just after 31 March
/// ("by April 2016") is the snapshot at the end of the reporting year ending that 31 March (2016).
/// </summary>
public static class ActionPlanTargets
{
    public static async Task<Result<int>> StoreAsync(LodestarDbContext db, ActionPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var store = new FrameworkStore(db);
        var measures = await store.MeasuresAsync(cancellationToken: cancellationToken);
        var targets = new List<Target>();
        foreach (var target in plan.MeasureTargets())
        {
            if (target.CouncilCode is null)
            {
                continue;
            }

            var period = Period.ReportingYear(Period.ReportingYearOf(target.Date.AddDays(-1)));
            targets.AddRange(measures.Values
                .Where(m => m.Id == target.MeasureId || (m.Source.Kind == MeasureSourceKind.Kpi && m.Source.Reference == target.MeasureId))
                .Select(m => new Target { MeasureId = m.Id, Council = target.CouncilCode, Period = period, Value = target.Value }));
        }

        return targets.Count == 0 ? Result.Success(0) : await store.SetTargetsAsync(targets, cancellationToken);
    }
}
