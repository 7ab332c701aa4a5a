using System.ComponentModel.DataAnnotations;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Account;

[AllowAnonymous]
internal sealed class SignInModel(UserAccounts accounts, AuditLog audit, LodestarSignInManager signIn, IEnumerable<OidcSettings> oidc) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your user name")]
    public string? UserName { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The OIDC provider's button text, or null when OIDC sign-in is not configured.</summary>
    public string? OidcName => oidc.FirstOrDefault()?.DisplayName;

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
        if (outcome is not (SignInOutcome.Succeeded or SignInOutcome.RequiresTwoFactor) || user is null)
        {
            // The submitted name, cut to the longest a user name may be: it may be anything someone typed.
            var name = UserNames.Normalise(UserName!);
            name = name[..Math.Min(name.Length, UserNames.MaximumLength)];
            await audit.RecordAsync(name, AuditActions.SignInFailed, $"user {name}", outcome.ToString(), cancellationToken);
            // The same words whether or not the name exists (lockout counts unknown names too, in the database: SignInThrottle).
            ModelState.AddModelError(nameof(UserName), outcome == SignInOutcome.LockedOut
                ? "Too many failed attempts with this user name: try again in 15 minutes"
                : "The user name or password is not right");
            return Page();
        }

        var signedIn = await signIn.PasswordVerifiedAsync(user);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (signedIn.RequiresTwoFactor)
        {
            return Redirect($"/account/sign-in/code?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        if (!signedIn.Succeeded)
        {
            ModelState.AddModelError(nameof(UserName), "The user name or password is not right");
            return Page();
        }

        await audit.RecordAsync(user.UserName, AuditActions.SignIn, $"user {user.UserName}", cancellationToken: cancellationToken);
        return LocalRedirect(returnUrl);
    }
}
