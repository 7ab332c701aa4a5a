using Lodestar.Application.Returns;
using Lodestar.Metrics.Kpis;
using Lodestar.Web.Kpis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Kpis;

/// <summary>
/// What the pages about one KPI share: the council and year asked for (query string), the KPI of the
/// route, and the one way a bad request is answered — 404 for an unknown KPI or council, 400 for a bad year.
/// </summary>
internal abstract class KpiPageModel(StatutoryDataStore store, TimeProvider clock) : PageModel
{
    /// <summary>The returns the page computes from.</summary>
    protected StatutoryDataStore Store { get; } = store;

    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public KpiDefinition Definition { get; private set; } = KpiCatalog.All[0];

    public KpiSelection Selection { get; private set; } = null!;

    /// <summary>Sets <see cref="Definition"/> and <see cref="Selection"/>; the answer to give instead when they cannot be set.</summary>
    protected IActionResult? Resolve(string id)
    {
        if (KpiCatalog.Find(id) is not { } definition)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var (selection, problem) = KpiSelection.Resolve(Store, Council, Year, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (problem != KpiSelectionProblem.None)
        {
            return problem == KpiSelectionProblem.BadYear ? BadRequest() : NotFound();
        }

        Definition = definition;
        Selection = selection!;
        return null;
    }
}
