using Lodestar.Application.Packs;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Packs;
using Lodestar.Web.Frameworks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Lodestar.Domain.Periods;

namespace Lodestar.Web.Pages.Public;

/// <summary>
/// /public/{council}/{framework}[?year=]: the public version of a council's pack, for anyone, no sign-in (docs/packs.md).
/// Only when an administrator has switched the framework's public page on; else 404, as for an unknown council or
/// framework. Approved figures only, small numbers suppressed, nothing child-level. Without a year, the newest approved.
/// </summary>
[AllowAnonymous]
internal sealed class PackModel(LodestarDbContext db, ScorecardService scorecards, StatutoryDataStore returns, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public BoardPack Pack { get; private set; } = null!;

    /// <summary>The approved years, newest first, for the links to other years.</summary>
    public IReadOnlyList<int> ApprovedYears { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string council, string framework, CancellationToken cancellationToken)
    {
        if (Year is { } asked && !Period.IsYear(asked))
        {
            return NotFound();
        }

        var chosen = await scorecards.CouncilAsync(council, cancellationToken);
        if (chosen is null || !await PackPublication.IsOnAsync(db, framework, cancellationToken))
        {
            return NotFound();
        }

        ApprovedYears = await PackSignOff.ApprovedYearsAsync(db, framework, chosen.Code, cancellationToken);
        var year = Year ?? (ApprovedYears.Count > 0 ? ApprovedYears[0] : await scorecards.DefaultYearAsync(chosen.Code, cancellationToken));
        var pack = await new BoardPackBuilder(db, scorecards, returns, clock).BuildAsync(
            new PackRequest { FrameworkId = framework, Council = chosen.Code, Year = year, Public = true, SmallNumbers = SmallNumberOptions.Rule(configuration) },
            cancellationToken);
        if (pack is null)
        {
            return NotFound();
        }

        Pack = pack;
        return Page();
    }
}
