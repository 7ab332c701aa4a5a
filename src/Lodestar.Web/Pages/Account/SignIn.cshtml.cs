using System.ComponentModel.DataAnnotations;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Account;

[AllowAnonymous]
internal sealed class SignInModel(UserAccounts accounts, AuditLog audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your user name")]
    public string? UserName { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (outcome, user) = await accounts.SignInAsync(UserName!, Password!, cancellationToken);
        var name = UserName!.Trim().ToLowerInvariant();
        if (outcome != SignInOutcome.Succeeded || user is null)
        {
            await audit.RecordAsync(name, AuditActions.SignInFailed, $"user {name}", outcome.ToString(), cancellationToken);
            ModelState.AddModelError(nameof(UserName), outcome == SignInOutcome.LockedOut
                ? "Too many failed attempts: this account is locked for 15 minutes"
                : "The user name or password is not right");
            return Page();
        }

        await audit.RecordAsync(user.UserName, AuditActions.SignIn, $"user {user.UserName}", cancellationToken: cancellationToken);
        await SecurityServices.SignInAsync(HttpContext, user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
