using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Domain.Actions;
using Lodestar.Web.Actions;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Actions;

/// <summary>/actions/{id}?asAt=: a plan's status on a date (today by default).</summary>
internal sealed class PlanModel(LodestarDbContext db, CouncilAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? AsAt { get; set; }

    public ActionPlan Plan { get; private set; } = null!;

    public ActionPlanStatus Status { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var plan = await ActionsStore.LoadPlanAsync(db, id, cancellationToken);
        if (plan is null || !await ActionsViews.VisibleAsync(plan.Council, access, cancellationToken))
        {
            return NotFound();
        }

        if (!ActionsViews.TryAsAt(AsAt, clock, out var date))
        {
            ModelState.AddModelError(nameof(AsAt), "Enter a date as YYYY-MM-DD, for example 2016-02-11");
            date = ActionsViews.Today(clock);
        }

        Plan = plan;
        Status = ActionPlanStatus.Compute(plan, date);
        return Page();
    }

    /// <summary>A workstream's latest progress update on or before the as-at date; null when there is none.</summary>
    public ProgressUpdate? LatestUpdate(string workstreamNumber) =>
        Plan.AllWorkstreams.FirstOrDefault(w => w.Number == workstreamNumber)?.Progress.LastOrDefault(p => p.Date <= Status.AsAt);

    /// <summary>The as-at date as YYYY-MM-DD, for links and the form.</summary>
    public string AsAtText => Status.AsAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
