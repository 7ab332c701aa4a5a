using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Packs;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Packs;

/// <summary>/packs/public (admin): each framework's public page, switched on or off (docs/packs.md); off by default, each change audited.</summary>
[Authorize(Policy = SecurityServices.AdminPolicy)]
internal sealed class PublicPagesModel(LodestarDbContext db, ScorecardService scorecards, AuditLog audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];

    public IReadOnlyDictionary<string, (string By, DateTimeOffset At)> On { get; private set; } = new Dictionary<string, (string, DateTimeOffset)>();

    /// <summary>A council to show the public address with: the default one.</summary>
    public string? ExampleCouncil { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Frameworks = await scorecards.Frameworks.ListAsync(cancellationToken);
        On = await PackPublication.ListAsync(db, cancellationToken);
        ExampleCouncil = (await scorecards.DefaultCouncilAsync(null, cancellationToken))?.Code;
    }

    public async Task<IActionResult> OnPostAsync(string? framework, bool on, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(framework) || await scorecards.FrameworkAsync(framework, cancellationToken) is null)
        {
            return NotFound();
        }

        await PackPublication.SetAsync(db, audit, clock, User.Identity?.Name ?? "", framework, on, cancellationToken);
        return Redirect("/packs/public");
    }
}
