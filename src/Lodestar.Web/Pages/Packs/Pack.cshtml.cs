using Lodestar.Application.Packs;
using Lodestar.Data.Packs;
using Lodestar.Web.Api.V1;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lodestar.Web.Pages.Packs;

/// <summary>
/// /packs/view?framework=&amp;council=&amp;year=[&amp;public=true]: the pack as a page to read or print, with its downloads,
/// its sign-off (status, history; submit for editors, approve and reopen for managers) and links to edit each
/// measure's commentary (editors). docs/packs.md.
/// </summary>
internal sealed class PackModel(IAuthorizationService authorization) : PackPageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Public { get; set; }

    /// <summary>Why the figures are reopened (the reopen form).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public BoardPack Pack { get; private set; } = null!;

    public SignOffState SignOff { get; private set; } = null!;

    public bool IsEditor { get; private set; }

    public bool IsManager { get; private set; }

    /// <summary>The download route of /api/v1 for this pack, without the format.</summary>
    public string Download => $"/api/v1/frameworks/{Uri.EscapeDataString(Pack.FrameworkId)}/packs/{Uri.EscapeDataString(Pack.Council.Code)}/{Pack.Period.ReportingYearLabel}";

    /// <summary>This page's address, for the forms and redirects.</summary>
    public string Self => $"/packs/view?framework={Uri.EscapeDataString(Pack.FrameworkId)}&council={Uri.EscapeDataString(Pack.Council.Code)}&year={Pack.Period.ReportingYearLabel}{(Pack.IsPublic ? "&public=true" : "")}";

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) =>
        MoveAsync(SecurityServices.EditorPolicy, (s, actor, code, year) => s.SubmitAsync(actor, Framework!.Trim(), code, year, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        MoveAsync(SecurityServices.ManagerPolicy, (s, actor, code, year) => s.ApproveAsync(actor, Framework!.Trim(), code, year, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) =>
        MoveAsync(SecurityServices.ManagerPolicy, (s, actor, code, year) => s.ReopenAsync(actor, Framework!.Trim(), code, year, Reason, cancellationToken), cancellationToken);

    private async Task<IActionResult> MoveAsync(
        string policy, Func<PackSignOffService, string, string, int, Task<Lodestar.Domain.Problems.Result<SignOffState>>> move, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }

        if (Asked is not { } asked || await ApiV1SignOff.ResolveAsync(HttpContext, asked.Framework, asked.Council, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var moved = await move(found.Service, User.Identity?.Name ?? "", found.Council, asked.Year);
        if (moved.Succeeded)
        {
            return Redirect($"/packs/view?framework={Uri.EscapeDataString(asked.Framework)}&council={Uri.EscapeDataString(found.Council)}&year={asked.Year}{(Public ? "&public=true" : "")}");
        }

        foreach (var problem in moved.Problems)
        {
            ModelState.AddModelError(problem.Column == "reason" ? nameof(Reason) : "status", char.ToUpperInvariant(problem.Message[0]) + problem.Message[1..]);
        }

        return await LoadAsync(cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        if (Asked is not { } asked)
        {
            return Redirect("/packs");
        }

        var pack = await ApiV1Packs.BuildAsync(HttpContext, asked.Framework, asked.Council, asked.Year, Public, cancellationToken);
        if (pack is null || await ApiV1SignOff.ResolveAsync(HttpContext, pack.FrameworkId, pack.Council.Code, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Pack = pack;
        SignOff = await found.Service.StateAsync(pack.FrameworkId, pack.Council.Code, pack.Period.ReportingYearLabel, cancellationToken);
        IsEditor = (await authorization.AuthorizeAsync(User, SecurityServices.EditorPolicy)).Succeeded;
        IsManager = (await authorization.AuthorizeAsync(User, SecurityServices.ManagerPolicy)).Succeeded;
        return Page();
    }
}
