using System.ComponentModel.DataAnnotations;
using Lodestar.Data.Security;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Account;

/// <summary>A signed-in user changes their own password; the security stamp changes, so their other sessions end and this one is re-issued.</summary>
internal sealed class PasswordModel(UserAccounts accounts, LodestarSignInManager signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password")]
    public string? CurrentPassword { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a new password")]
    public string? NewPassword { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the new password again")]
    public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The two new passwords are not the same");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changed = await accounts.ChangePasswordAsync(User.Identity!.Name!, CurrentPassword!, NewPassword!, cancellationToken);
        if (!changed.Succeeded)
        {
            foreach (var problem in changed.Problems)
            {
                ModelState.AddModelError(problem.Column == "currentPassword" ? nameof(CurrentPassword) : nameof(NewPassword), problem.Message);
            }

            return Page();
        }

        // The stamp changed: this session gets a cookie with the new one, the others end.
        await signIn.SignInAsync(changed.Value, isPersistent: false);
        return Redirect("/");
    }
}
