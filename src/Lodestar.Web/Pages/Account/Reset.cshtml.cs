using System.ComponentModel.DataAnnotations;
using Lodestar.Data.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Account;

/// <summary>
/// A one-time password-reset link an administrator issued (<c>/account/reset/{token}</c>): sets a new
/// password once, before the link expires, then the person signs in with it. A used, expired or unknown
/// link answers 404 with "This link does not work".
/// </summary>
[AllowAnonymous]
internal sealed class ResetModel(UserAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter a new password")]
    public string? NewPassword { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the new password again")]
    public string? ConfirmPassword { get; set; }

    public string? ForUser { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ForUser = await accounts.ResetTokenUserAsync(Token, cancellationToken);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ForUser = await accounts.ResetTokenUserAsync(Token, cancellationToken);
        if (ForUser is null)
        {
            return Answer();
        }

        if (ModelState.IsValid && NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The two new passwords are not the same");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var reset = await accounts.ResetPasswordAsync(Token, NewPassword!, cancellationToken);
        if (!reset.Succeeded)
        {
            foreach (var problem in reset.Problems)
            {
                ModelState.AddModelError(nameof(NewPassword), problem.Message);
            }

            return Page();
        }

        return Redirect("/account/sign-in");
    }

    private IActionResult Answer()
    {
        if (ForUser is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
