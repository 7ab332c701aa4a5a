using Lodestar.Application.Packs;
using Lodestar.Web.Api.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Packs;

/// <summary>/packs/view?framework=&amp;council=&amp;year=[&amp;public=true]: the pack as a page to read or print, with its downloads.</summary>
internal sealed class PackModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Public { get; set; }

    public BoardPack Pack { get; private set; } = null!;

    /// <summary>The download route of /api/v1 for this pack, without the format.</summary>
    public string Download => $"/api/v1/frameworks/{Uri.EscapeDataString(Pack.FrameworkId)}/packs/{Uri.EscapeDataString(Pack.Council.Code)}/{Pack.Period.ReportingYearLabel}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Framework) || string.IsNullOrWhiteSpace(Council) || Year is not (>= 1901 and <= 9998))
        {
            return Redirect("/packs");
        }

        var pack = await ApiV1Packs.BuildAsync(HttpContext, Framework.Trim(), Council.Trim(), Year.Value, Public, cancellationToken);
        if (pack is null)
        {
            return NotFound();
        }

        Pack = pack;
        return Page();
    }
}
