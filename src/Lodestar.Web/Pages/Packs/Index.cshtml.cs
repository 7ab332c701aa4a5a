using Lodestar.Application.Scorecards;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Councils;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Packs;

/// <summary>/packs: every framework, and the form that builds its board pack for a council and year (docs/packs.md).</summary>
internal sealed class IndexModel(ScorecardService service, CouncilAccess access) : PageModel
{
    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];

    public IReadOnlyList<Council> Councils { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public string? DefaultCouncil { get; private set; }

    public int DefaultYear { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Frameworks = await service.Frameworks.ListAsync(cancellationToken);
        var allowed = await access.AllowedAsync(cancellationToken);
        Councils = await service.CouncilsAsync(allowed, cancellationToken);
        DefaultCouncil = (await service.DefaultCouncilAsync(allowed, cancellationToken))?.Code;
        Years = service.Years();
        DefaultYear = DefaultCouncil is null ? Years[0] : await service.DefaultYearAsync(DefaultCouncil, cancellationToken);
    }
}
