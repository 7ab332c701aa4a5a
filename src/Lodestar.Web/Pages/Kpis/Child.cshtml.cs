using Lodestar.Application.Kpis;
using Lodestar.Metrics.Kpis;
using Lodestar.Web.Kpis;
using Lodestar.Application.Returns;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Kpis;

/// <summary>
/// <c>/kpis/{id}/children/{childId}</c>: why one child was or was not counted in a KPI for a reporting year
/// (the engine's ExplainChild reasons). Child-level: needs the role, and every view is audited.
/// </summary>
[Authorize(Policy = SecurityServices.ChildLevelPolicy)]
internal sealed class ChildModel(StatutoryDataStore store, ChildLevelKpis childLevel, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public KpiDefinition Definition { get; private set; } = KpiCatalog.All[0];

    public KpiSelection Selection { get; private set; } = null!;

    public string ChildId { get; private set; } = string.Empty;

    public bool InNumerator { get; private set; }

    public bool InDenominator { get; private set; }

    public IReadOnlyList<string> Reasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, string childId, CancellationToken cancellationToken)
    {
        if (KpiCatalog.Find(id) is not { } definition)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var (selection, problem) = KpiSelection.Resolve(store, Council, Year, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (problem != KpiSelectionProblem.None)
        {
            return problem == KpiSelectionProblem.BadYear ? BadRequest() : NotFound();
        }

        var child = await childLevel.ExplainChildAsync(User.Identity?.Name ?? "unknown", definition, selection!.Council, selection.Period, childId, cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        Definition = definition;
        Selection = selection;
        ChildId = childId;
        Reasons = child.Reasons;
        InNumerator = child.InNumerator;
        InDenominator = child.InDenominator;
        return Page();
    }
}
