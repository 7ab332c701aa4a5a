using Lodestar.Domain.Periods;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Packs;

/// <summary>
/// The pages of one board pack (/packs/view and /packs/commentary): the framework, council and year they are asked for
/// in the query, bound the same way and read the same way.
/// </summary>
internal abstract class PackPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The pack asked for, trimmed, when the framework and council are given and the year is one a period can be of; else null.</summary>
    protected (string Framework, string Council, int Year)? Asked =>
        string.IsNullOrWhiteSpace(Framework) || string.IsNullOrWhiteSpace(Council) || Year is not { } year || !Period.IsYear(year)
            ? null
            : (Framework.Trim(), Council.Trim(), year);
}
