using System.ComponentModel.DataAnnotations;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages;

/// <summary>First run only: creates the first administrator, given the one-time setup code.</summary>
[AllowAnonymous]
internal sealed class SetupModel(SetupCode setup, UserAccounts accounts, CouncilGrants grants, AuditLog audit, LodestarSignInManager signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the setup code")]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a user name")]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a password")]
    public string? Password { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the password again")]
    public string? ConfirmPassword { get; set; }

    public bool Closed => !setup.IsOpen;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!setup.IsOpen)
        {
            return NotFound();
        }

        if (ModelState.IsValid && !setup.Matches(Code))
        {
            ModelState.AddModelError(nameof(Code), "The setup code is not right: copy it from setup-code.txt in the data folder");
        }

        if (ModelState.IsValid && Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The two passwords are not the same");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var created = await accounts.CreateAsync(UserName!, DisplayName ?? "", Password!, Roles.All, cancellationToken);
        if (!created.Succeeded)
        {
            foreach (var problem in created.Problems)
            {
                ModelState.AddModelError(problem.Column switch { "password" => nameof(Password), "displayName" => nameof(DisplayName), _ => nameof(UserName) }, problem.Message);
            }

            return Page();
        }

        var user = created.Value;
        setup.Close();
        await audit.RecordAsync(user.UserName, AuditActions.UserCreated, $"user {user.UserName}", "first administrator, at setup", cancellationToken);
        // The first administrator sees every council, so a fresh install (and the demo) works at once; others get grants from them.
        _ = (await grants.SetAllCouncilsAsync(user.UserName, user.UserName, allCouncils: true, cancellationToken)).Value;
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/");
    }
}
