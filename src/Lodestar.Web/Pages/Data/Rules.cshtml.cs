using Lodestar.Formats.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Data;

/// <summary>
/// <c>/validation/rules</c>: every rule a return is checked against (the rule catalogue, the same list as
/// <c>lodestar validate --rules</c> and docs/validation.md), filterable by return. Any signed-in user.
/// </summary>
internal sealed class RulesModel : PageModel
{
    /// <summary>"903", "CIN", or blank for both.</summary>
    [BindProperty(Name = "return", SupportsGet = true)]
    public string? Return { get; set; }

    public IReadOnlyList<ValidationRule> Rules { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!string.IsNullOrEmpty(Return) && !RuleCatalogue.Returns.Contains(Return, StringComparer.OrdinalIgnoreCase))
        {
            Return = null;
        }

        Rules = [.. RuleCatalogue.Of(Return)];
        return Page();
    }
}
