using Lodestar.Application.Kpis;
using Lodestar.Application.Returns;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lodestar.Web.Pages.Kpis;

/// <summary>
/// <c>/kpis/{id}/children/{childId}</c>: why one child was or was not counted in a KPI for a reporting year
/// (the engine's ExplainChild reasons). Child-level: needs the role, and every view is audited.
/// </summary>
[Authorize(Policy = SecurityServices.ChildLevelPolicy)]
internal sealed class ChildModel(StatutoryDataStore store, ChildLevelKpis childLevel, CouncilAccess access, TimeProvider clock) : KpiPageModel(store, access, clock)
{
    public string ChildId { get; private set; } = string.Empty;

    public bool InNumerator { get; private set; }

    public bool InDenominator { get; private set; }

    public IReadOnlyList<string> Reasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, string childId, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var child = await childLevel.ExplainChildAsync(User.Identity?.Name ?? "unknown", Definition, Selection.Council, Selection.Period, childId, cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        ChildId = childId;
        Reasons = child.Reasons;
        InNumerator = child.InNumerator;
        InDenominator = child.InDenominator;
        return Page();
    }
}
