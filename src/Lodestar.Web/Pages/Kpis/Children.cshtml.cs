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
/// <c>/kpis/{id}/children</c>: the children (pseudonymous ids) in a KPI's numerator and denominator for a
/// reporting year. Child-level: needs the role, and every view is written to the audit log before it is shown.
/// </summary>
[Authorize(Policy = SecurityServices.ChildLevelPolicy)]
internal sealed class ChildrenModel(StatutoryDataStore store, ChildLevelKpis childLevel, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public KpiDefinition Definition { get; private set; } = KpiCatalog.All[0];

    public KpiSelection Selection { get; private set; } = null!;

    public KpiExplanation Explanation { get; private set; } = null!;

    /// <summary>The year's results: one, or one per category.</summary>
    public IReadOnlyList<KpiResult> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
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

        Definition = definition;
        Selection = selection!;
        Explanation = (await childLevel.ExplainAsync(User.Identity?.Name ?? "unknown", definition, Selection.Council, Selection.Period, cancellationToken))!;
        Results = store.Compute(Selection.Council, [Selection.Period], [definition.Id]);
        return Page();
    }
}
