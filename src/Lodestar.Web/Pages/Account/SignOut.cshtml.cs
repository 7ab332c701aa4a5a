using Lodestar.Data.Security;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Account;

internal sealed class SignOutModel(UserAccounts accounts, LodestarSignInManager signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Signs out on the server too: the user's security stamp changes, so a copy of the cookie stops working.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.Name is { } name)
        {
            await accounts.SignOutAsync(name, cancellationToken);
        }

        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
