using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Account;

/// <summary>
/// Sign-in with the configured OpenID Connect provider (<see cref="OidcSettings"/>): the POST sends the person
/// to the provider; the provider's answer comes back to <c>?handler=callback</c>, where the identity is mapped to an
/// enabled local user (<see cref="OidcSignIn.FindLocalUserAsync"/>) or refused. Answers 404 when OIDC is not configured.
/// </summary>
[AllowAnonymous]
internal sealed class ExternalModel(IEnumerable<OidcSettings> oidc, LodestarUserManager users, LodestarSignInManager signIn, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the sign-in was refused, or null once signed in.</summary>
    public string? Refusal { get; private set; }

    public string Continue => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet() => Redirect("/account/sign-in");

    public IActionResult OnPost()
    {
        if (!oidc.Any())
        {
            return NotFound();
        }

        var callback = $"/account/external?handler=callback&ReturnUrl={Uri.EscapeDataString(Continue)}";
        return Challenge(new AuthenticationProperties { RedirectUri = callback }, OidcSettings.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(CancellationToken cancellationToken)
    {
        if (oidc.FirstOrDefault() is not { } settings)
        {
            return NotFound();
        }

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
        {
            Refusal = "The sign-in with your organisation's account did not complete: try again.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var found = await OidcSignIn.FindLocalUserAsync(external.Principal, settings.UserClaim, users);
        if (!found.Succeeded)
        {
            Refusal = found.Problems[0].Message;
            await audit.RecordAsync("oidc", AuditActions.SignInFailed, "oidc sign-in", "no enabled local user", cancellationToken);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var user = found.Value;
        // The provider did the second factor if the organisation requires one; Lodestar's own TOTP is for password sign-in.
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: OidcSettings.Scheme);
        await audit.RecordAsync(user.UserName, AuditActions.SignIn, $"user {user.UserName}", "with OpenID Connect", cancellationToken);
        // A page rather than a redirect: the same-site strict cookie is not sent on a redirect that began at the provider's site.
        return Page();
    }
}
