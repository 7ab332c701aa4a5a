using Lodestar.Data;
using Lodestar.Web.Actions;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Actions;

/// <summary>/actions: every stored action plan with its deliverables counted by RAG and by priority.</summary>
internal sealed class IndexModel(LodestarDbContext db, CouncilAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? AsAt { get; set; }

    public DateOnly Date { get; private set; }

    public IReadOnlyList<ActionPlanSummary> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ActionsViews.TryAsAt(AsAt, clock, out var date))
        {
            ModelState.AddModelError(nameof(AsAt), "Enter a date as YYYY-MM-DD, for example 2016-02-11");
            date = ActionsViews.Today(clock);
        }

        Date = date;
        Plans = await ActionsViews.PlanSummariesAsync(db, access, date, cancellationToken);
    }
}
