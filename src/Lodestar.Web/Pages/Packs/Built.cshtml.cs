using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Packs;
using Lodestar.Data.Security;
using Lodestar.Domain.Councils;
using Lodestar.Web.Api.V1;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Packs;

/// <summary>
/// /packs/built: the packs built on a schedule for the councils one has a grant for, with their downloads
/// (the API's audited route); the schedules, which an editor adds and deletes here; and the configured packs
/// (samples/packs) with their downloads for a council and year.
/// </summary>
internal sealed class BuiltModel(LodestarDbContext db, ScorecardService service, CouncilAccess access, AuditLog audit) : PageModel
{
    public IReadOnlyList<PackFileItem> Files { get; private set; } = [];

    public IReadOnlyList<PackScheduleItem> Schedules { get; private set; } = [];

    public IReadOnlyList<PackConfigEntity> Configs { get; private set; } = [];

    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];

    public IReadOnlyList<Council> Councils { get; private set; } = [];

    public string? DefaultCouncil { get; private set; }

    public int DefaultYear { get; private set; }

    public bool CanSchedule => User.IsInRole(Roles.Editor);

    /// <summary>What the schedule builds: "pack:ID" for a configured pack, "framework:ID" for a whole framework.</summary>
    [BindProperty]
    public string? What { get; set; }

    [BindProperty]
    public string? Council { get; set; }

    [BindProperty]
    public int? Day { get; set; }

    [BindProperty]
    public bool Public { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken cancellationToken)
    {
        if (!CanSchedule)
        {
            return Forbid();
        }

        var (kind, id) = What?.Split(':', 2) is [var k, var i] ? (k, i) : ("", "");
        var (schedule, field, message) = await ApiV1PackSchedules.AddScheduleAsync(
            HttpContext, new ScheduleRequest(kind == "pack" ? id : null, kind == "framework" ? id : null, Council, Day, Public), cancellationToken);
        if (schedule is not null)
        {
            return Redirect("/packs/built");
        }

        ModelState.AddModelError(field switch { "council" => nameof(Council), "day" => nameof(Day), _ => nameof(What) }, message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanSchedule)
        {
            return Forbid();
        }

        return await PackSchedules.DeleteScheduleAsync(db, audit, User.Identity!.Name!, id, await access.AllowedAsync(cancellationToken), cancellationToken)
            ? Redirect("/packs/built")
            : NotFound();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var allowed = await access.AllowedAsync(cancellationToken);
        Files = await PackSchedules.FilesAsync(db, allowed, cancellationToken: cancellationToken);
        Schedules = await PackSchedules.SchedulesAsync(db, allowed, cancellationToken);
        Configs = await PackSchedules.ConfigsAsync(db, cancellationToken);
        Frameworks = await service.Frameworks.ListAsync(cancellationToken);
        Councils = await service.CouncilsAsync(allowed, cancellationToken);
        DefaultCouncil = (await service.DefaultCouncilAsync(allowed, cancellationToken))?.Code;
        DefaultYear = DefaultCouncil is null ? service.Years()[0] : await service.DefaultYearAsync(DefaultCouncil, cancellationToken);
    }
}
