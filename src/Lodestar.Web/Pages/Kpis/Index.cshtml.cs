using Lodestar.Application.Returns;
using Lodestar.Metrics.Kpis;
using Lodestar.Web.Kpis;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Kpis;

/// <summary><c>/kpis</c>: every KPI of one council for one reporting year.</summary>
internal sealed class IndexModel(StatutoryDataStore store, CouncilAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public KpiSelection? Selection { get; private set; }

    /// <summary>The councils with returns the user may see: the picker's.</summary>
    public IReadOnlyList<string> Councils { get; private set; } = [];

    public KpiPickerModel Picker => new("/kpis", Councils, Selection!);

    /// <summary>Each KPI's definition with its results (one per category for the KPIs broken down by category).</summary>
    public IReadOnlyList<(KpiDefinition Definition, IReadOnlyList<KpiResult> Results)> Rows { get; private set; } = [];

    /// <summary>The store holds returns, but of no council the user may see.</summary>
    public bool NoGrant => store.Councils.Count > 0 && Councils.Count == 0;

    /// <summary>The data quality of the council shown only: other councils' counts are theirs (council grants).</summary>
    public int FilesRead => Selection is null ? 0 : store.QualityOf(Selection.Council).Files;

    public int Errors => Selection is null ? 0 : store.QualityOf(Selection.Council).Errors;

    public int Warnings => Selection is null ? 0 : store.QualityOf(Selection.Council).Warnings;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var allowed = await access.AllowedAsync(cancellationToken);
        Councils = KpiSelection.Councils(store, allowed);
        var (selection, problem) = KpiSelection.Resolve(store, allowed, Council, Year, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        switch (problem)
        {
            case KpiSelectionProblem.NoData:
                return Page();
            case KpiSelectionProblem.UnknownCouncil:
                return NotFound();
            case KpiSelectionProblem.BadYear:
                return BadRequest();
        }

        Selection = selection!;
        var results = store.Compute(Selection.Council, [Selection.Period]).ToLookup(r => r.Kpi, StringComparer.Ordinal);
        Rows = [.. KpiCatalog.All.Select(d => (d, (IReadOnlyList<KpiResult>)[.. results[d.Id]]))];
        return Page();
    }
}
