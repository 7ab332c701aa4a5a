using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Audit;
using Lodestar.Domain.Actions;
using Lodestar.Web.Actions;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Actions;

/// <summary>
/// /actions/{id}/deliverables/{number}: a deliverable with its history, a progress update form (editors) and
/// a RAG override form (managers). Each post appends one history entry and one audit entry in one SaveChanges.
/// </summary>
internal sealed class DeliverableModel(LodestarDbContext db, CouncilAccess access, AuditLog audit, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    /// <summary>The override choice that clears the override in force.</summary>
    public const string ClearOverride = "None";

    [BindProperty(SupportsGet = true)]
    public string? AsAt { get; set; }

    [BindProperty]
    public string? ProgressText { get; set; }

    [BindProperty]
    public string? ProgressRag { get; set; }

    [BindProperty]
    public string? OverrideRag { get; set; }

    [BindProperty]
    public string? OverrideReason { get; set; }

    public ActionPlan Plan { get; private set; } = null!;
    public Outcome Outcome { get; private set; } = null!;
    public Workstream Workstream { get; private set; } = null!;
    public Deliverable Deliverable { get; private set; } = null!;
    public RagResult Rag { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanOverride { get; private set; }

    /// <summary>The deliverable's history, oldest first: progress updates and overrides together.</summary>
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public string AsAtText => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string id, string number, CancellationToken cancellationToken) =>
        await LoadAsync(id, number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProgressAsync(string id, string number, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, SecurityServices.EditorPolicy)).Succeeded)
        {
            return Forbid();
        }

        if (!await ActionsViews.PlanVisibleAsync(db, access, id, cancellationToken))
        {
            return NotFound();
        }

        ActionRag? rag = null;
        if (string.IsNullOrWhiteSpace(ProgressText))
        {
            ModelState.AddModelError(nameof(ProgressText), "Enter the progress update");
        }

        if (!string.IsNullOrEmpty(ProgressRag))
        {
            if (Enum.TryParse<ActionRag>(ProgressRag, out var parsed) && parsed != ActionRag.Grey && Enum.IsDefined(parsed))
            {
                rag = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(ProgressRag), "Choose Blue, Green, Amber or Red, or no RAG");
            }
        }

        if (ModelState.IsValid)
        {
            var update = new ProgressUpdate(ActionsViews.Today(clock), UserName, ProgressText!.Trim(), rag);
            if (!await ActionsHistory.AddProgressAsync(db, id, number, update, cancellationToken))
            {
                return NotFound();
            }

            audit.Add(UserName, AuditActions.Edit, $"action plan {id} deliverable {number}", $"progress update{(rag is null ? "" : $", RAG {rag}")}");
            await db.SaveChangesAsync(cancellationToken);
            return Redirect(SelfUrl(id, number));
        }

        return await LoadAsync(id, number, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostOverrideAsync(string id, string number, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, SecurityServices.ManagerPolicy)).Succeeded)
        {
            return Forbid();
        }

        if (!await ActionsViews.PlanVisibleAsync(db, access, id, cancellationToken))
        {
            return NotFound();
        }

        ActionRag? rag = null;
        var clears = OverrideRag == ClearOverride;
        if (string.IsNullOrEmpty(OverrideRag))
        {
            ModelState.AddModelError(nameof(OverrideRag), "Choose the RAG to set, or None to clear the override");
        }
        else if (!clears)
        {
            if (Enum.TryParse<ActionRag>(OverrideRag, out var parsed) && parsed != ActionRag.Grey && Enum.IsDefined(parsed))
            {
                rag = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(OverrideRag), "Choose Blue, Green, Amber or Red, or None to clear the override");
            }
        }

        if (string.IsNullOrWhiteSpace(OverrideReason))
        {
            ModelState.AddModelError(nameof(OverrideReason), "Enter the reason for the override");
        }

        if (ModelState.IsValid)
        {
            var ragOverride = new RagOverride(ActionsViews.Today(clock), UserName, rag, OverrideReason!.Trim());
            if (!await ActionsHistory.AddOverrideAsync(db, id, number, ragOverride, cancellationToken))
            {
                return NotFound();
            }

            audit.Add(UserName, AuditActions.Edit, $"action plan {id} deliverable {number}", clears ? "RAG override cleared" : $"RAG override to {rag}");
            await db.SaveChangesAsync(cancellationToken);
            return Redirect(SelfUrl(id, number));
        }

        return await LoadAsync(id, number, cancellationToken) ? Page() : NotFound();
    }

    private string UserName => User.Identity?.Name ?? "";

    private string SelfUrl(string id, string number) =>
        $"/actions/{Uri.EscapeDataString(id)}/deliverables/{Uri.EscapeDataString(number)}" + (string.IsNullOrEmpty(AsAt) ? "" : $"?asAt={Uri.EscapeDataString(AsAt)}");

    private async Task<bool> LoadAsync(string id, string number, CancellationToken cancellationToken)
    {
        var plan = await ActionsStore.LoadPlanAsync(db, id, cancellationToken);
        if (plan is not null && !await ActionsViews.VisibleAsync(plan.Council, access, cancellationToken))
        {
            return false;
        }

        var found = plan?.Outcomes
            .SelectMany(o => o.Workstreams.SelectMany(w => w.Deliverables.Select(d => (Outcome: o, Workstream: w, Deliverable: d))))
            .FirstOrDefault(x => x.Deliverable.Number == number);
        if (plan is null || found is not { Deliverable: not null } item)
        {
            return false;
        }

        if (!ActionsViews.TryAsAt(AsAt, clock, out var date))
        {
            ModelState.AddModelError(nameof(AsAt), "Enter a date as YYYY-MM-DD, for example 2016-02-11");
            date = ActionsViews.Today(clock);
        }

        (Plan, Outcome, Workstream, Deliverable, Date) = (plan, item.Outcome, item.Workstream, item.Deliverable, date);
        Rag = ActionRagRules.Compute(item.Deliverable, date, plan.WarningWindowDays);
        History =
        [
            .. item.Deliverable.Progress.Select(p => new HistoryEntry(p.Date, "Progress update", p.By, p.Text, p.Rag, false)),
            .. item.Deliverable.Overrides.Select(o => new HistoryEntry(o.Date, "RAG override", o.By, o.Reason, o.Rag, o.Rag is null)),
        ];
        History = [.. History.Select((h, i) => (h, i)).OrderBy(x => x.h.Date).ThenBy(x => x.i).Select(x => x.h)];
        CanEdit = (await authorization.AuthorizeAsync(User, SecurityServices.EditorPolicy)).Succeeded;
        CanOverride = (await authorization.AuthorizeAsync(User, SecurityServices.ManagerPolicy)).Succeeded;
        return true;
    }
}

/// <summary>One line of a deliverable's history.</summary>
internal sealed record HistoryEntry(DateOnly Date, string Kind, string By, string Text, ActionRag? Rag, bool Clears);

/// <summary>A GOV.UK radio group for a RAG (partial _RagRadios), with its error from model state.</summary>
internal sealed record RagRadios(string Name, string Legend, string? Value, IReadOnlyList<(string Value, string Label)> Choices);
