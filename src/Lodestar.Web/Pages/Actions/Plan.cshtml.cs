using Lodestar.Application.Forecast;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Domain.Actions;
using Lodestar.Web.Actions;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Actions;

/// <summary>/actions/{id}?asAt=: a plan's status on a date (today by default).</summary>
internal sealed class PlanModel(LodestarDbContext db, CouncilAccess access, TimeProvider clock, ForecastScenarios scenarios, StatutoryDataStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? AsAt { get; set; }

    public ActionPlan Plan { get; private set; } = null!;

    public ActionPlanStatus Status { get; private set; } = null!;

    /// <summary>The forecast scenarios linked to each workstream (by number), with what each must achieve (docs/forecast.md).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<WorkstreamScenario>> Scenarios { get; private set; } = new Dictionary<string, IReadOnlyList<WorkstreamScenario>>();

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
        Scenarios = await WorkstreamScenarios.ForPlanAsync(scenarios, store, plan, cancellationToken);
        return Page();
    }

    /// <summary>A workstream's latest progress update on or before the as-at date; null when there is none.</summary>
    public ProgressUpdate? LatestUpdate(string workstreamNumber) =>
        Plan.AllWorkstreams.FirstOrDefault(w => w.Number == workstreamNumber)?.Progress.LastOrDefault(p => p.Date <= Status.AsAt);

    /// <summary>A change with its sign, one decimal: "+3", "−12.5", "0".</summary>
    public static string Signed(double change)
    {
        var rounded = Math.Round(change, 1);
        var text = Math.Abs(rounded).ToString("#,0.#", System.Globalization.CultureInfo.InvariantCulture);
        return rounded > 0 ? "+" + text : rounded < 0 ? "\u2212" + text : "0";
    }

    /// <summary>The as-at date as YYYY-MM-DD, for links and the form.</summary>
    public string AsAtText => Status.AsAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
