using Lodestar.Application.Kpis;
using Lodestar.Application.Returns;
using Lodestar.Metrics.Kpis;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lodestar.Web.Pages.Kpis;

/// <summary>
/// <c>/kpis/{id}/children</c>: the children (pseudonymous ids) in a KPI's numerator and denominator for a
/// reporting year. Child-level: needs the role, and every view is written to the audit log before it is shown.
/// </summary>
[Authorize(Policy = SecurityServices.ChildLevelPolicy)]
internal sealed class ChildrenModel(StatutoryDataStore store, ChildLevelKpis childLevel, CouncilAccess access, TimeProvider clock) : KpiPageModel(store, access, clock)
{
    public KpiExplanation Explanation { get; private set; } = null!;

    /// <summary>The year's results: one, or one per category.</summary>
    public IReadOnlyList<KpiResult> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Explanation = (await childLevel.ExplainAsync(User.Identity?.Name ?? "unknown", Definition, Selection.Council, Selection.Period, cancellationToken))!;
        Results = Store.Compute(Selection.Council, [Selection.Period], [Definition.Id]);
        return Page();
    }
}
