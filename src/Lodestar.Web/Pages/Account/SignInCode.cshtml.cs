using System.ComponentModel.DataAnnotations;
using Lodestar.Data.Audit;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Account;

/// <summary>
/// The second step of signing in for a user with two-factor on: a code from their authenticator app, or one of
/// their recovery codes (each works once). Wrong codes count towards the same lockout as wrong passwords.
/// </summary>
[AllowAnonymous]
internal sealed class SignInCodeModel(LodestarSignInManager signIn, AuditLog audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the code from your authenticator app, or a recovery code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/account/sign-in");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code!.Trim().Replace(" ", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.RecordAsync(user.UserName, AuditActions.SignIn, $"user {user.UserName}", code.Length == 6 ? "with an authenticator code" : "with a recovery code", cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        await audit.RecordAsync(user.UserName, AuditActions.SignInFailed, $"user {user.UserName}", result.IsLockedOut ? "LockedOut" : "two-factor code", cancellationToken);
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Too many failed attempts with this user name: try again in 15 minutes"
            : "The code is not right: enter the 6 digits your app shows now, or a recovery code");
        return Page();
    }
}
