using Lodestar.Application.Scorecards;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Web.Api.V1;
using Lodestar.Web.Frameworks;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Frameworks;

/// <summary>
/// The national scorecard (issue 14): a framework's measures for every council the user may see, one row a council, from
/// stored values and stored KPI results (<see cref="NationalScorecards"/>, as the API's <c>/national</c> route and the
/// CLI's <c>scorecard national</c>).
/// </summary>
internal sealed class NationalModel(NationalScorecards national, ScorecardService service, CouncilAccess access, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Show small numbers as "c" (SmallNumberOptions), as on the council's scorecard.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Suppress { get; set; }

    public int Threshold => SmallNumberOptions.Rule(configuration).Threshold;

    public NationalScorecard? Built { get; private set; }

    /// <summary>Each shown council's scorecard, small numbers marked or withheld.</summary>
    public IReadOnlyDictionary<string, Scorecard> Applied { get; private set; } = new Dictionary<string, Scorecard>();

    public int ChosenYear { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Years = service.Years();
        var allowed = await access.AllowedAsync(cancellationToken);
        // Unless one is asked for, the newest year with stored results (a page opens on something to read), else the newest ended.
        ChosenYear = Year is { } asked && Period.IsYear(asked) ? asked : await national.LatestYearAsync(allowed, cancellationToken) ?? Years[0];
        if (!Years.Contains(ChosenYear))
        {
            Years = [.. Years.Append(ChosenYear).OrderDescending()];
        }

        Built = await national.BuildAsync(Id, Period.ReportingYear(ChosenYear), allowed, cancellationToken);
        if (Built is null)
        {
            return NotFound();
        }

        Applied = ApiV1National.Applied(Built, Suppress, configuration);
        return Page();
    }

    /// <summary>Each council's row for each measure, by measure id (a measure under two nodes once).</summary>
    public static Dictionary<string, ScorecardRow> RowsOf(Scorecard scorecard) =>
        scorecard.Rows.DistinctBy(r => r.Measure.Id).ToDictionary(r => r.Measure.Id, StringComparer.Ordinal);

    /// <summary>A measure's column heading: its number when it has one ("NF 12"), else its title.</summary>
    public static string Heading(Measure measure) => string.IsNullOrEmpty(measure.Number) ? measure.Title : measure.Number;
}
