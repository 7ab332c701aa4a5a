using Lodestar.Application.Returns;
using Lodestar.Metrics.Kpis;
using Lodestar.Web.Kpis;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Kpis;

/// <summary>
/// What the pages about one KPI share: the council and year asked for (query string), the KPI of the
/// route, and the one way a bad request is answered — 404 for an unknown KPI or council (or one the user
/// has no grant for: the same answer), 400 for a bad year.
/// </summary>
internal abstract class KpiPageModel(StatutoryDataStore store, CouncilAccess access, TimeProvider clock) : PageModel
{
    /// <summary>The returns the page computes from.</summary>
    protected StatutoryDataStore Store { get; } = store;

    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public KpiDefinition Definition { get; private set; } = KpiCatalog.All[0];

    public KpiSelection Selection { get; private set; } = null!;

    /// <summary>The councils with returns the user may see: the picker's.</summary>
    public IReadOnlyList<string> Councils { get; private set; } = [];

    /// <summary>Sets <see cref="Definition"/> and <see cref="Selection"/>; the answer to give instead when they cannot be set.</summary>
    protected async Task<IActionResult?> ResolveAsync(string id, CancellationToken cancellationToken)
    {
        if (KpiCatalog.Find(id) is not { } definition)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var allowed = await access.AllowedAsync(cancellationToken);
        var (selection, problem) = KpiSelection.Resolve(Store, allowed, Council, Year, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (problem != KpiSelectionProblem.None)
        {
            return problem == KpiSelectionProblem.BadYear ? BadRequest() : NotFound();
        }

        Definition = definition;
        Selection = selection!;
        Councils = KpiSelection.Councils(Store, allowed);
        return null;
    }
}
