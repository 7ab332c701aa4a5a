using Lodestar.Formats.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Data;

/// <summary>
/// <c>/validation/rules</c>: every rule a return is checked against (the rule catalogue, the same list as
/// <c>lodestar validate --rules</c> and docs/validation.md), filterable by return and by collection year. Any signed-in user.
/// </summary>
internal sealed class RulesModel : PageModel
{
    /// <summary>"903", "CIN", or blank for both.</summary>
    [BindProperty(Name = "return", SupportsGet = true)]
    public string? Return { get; set; }

    /// <summary>A collection year (the year it ends: 2025 is 2024/25) to show only the rules a return of that year is checked by; blank for every year's.</summary>
    [BindProperty(Name = "year", SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<ValidationRule> Rules { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!string.IsNullOrEmpty(Return) && !RuleCatalogue.Returns.Contains(Return, StringComparer.OrdinalIgnoreCase))
        {
            Return = null;
        }

        if (Year is { } year && !RuleCatalogue.Years.Contains(year))
        {
            Year = null;
        }

        Rules = [.. RuleCatalogue.Of(Return, Year)];
        return Page();
    }
}
