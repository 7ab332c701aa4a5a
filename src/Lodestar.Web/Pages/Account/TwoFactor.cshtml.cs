using Lodestar.Data.Security;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Account;

/// <summary>
/// The signed-in user's two-factor sign-in (TOTP): set up an authenticator app with the key shown (or the
/// <c>otpauth://</c> URI), confirm with a code, keep the recovery codes shown once, issue new ones, turn it
/// off. Each change changes the security stamp: other sessions end, this one gets a new cookie.
/// </summary>
internal sealed class TwoFactorModel(TwoFactor twoFactor, LodestarUserManager users, LodestarSignInManager signIn) : PageModel
{
    public bool Enabled { get; private set; }

    /// <summary>The key being set up (two-factor not on yet), or null.</summary>
    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>Recovery codes just issued: shown on this response only, never stored in clear.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    private string Name => User.Identity!.Name!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostStartAsync()
    {
        var started = await twoFactor.StartAsync(Name);
        return await AfterAsync(started.Succeeded ? [] : started.Problems);
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return await AfterAsync([new(null, 0, "code", null, "Enter the 6-digit code from your authenticator app")]);
        }

        var confirmed = await twoFactor.ConfirmAsync(Name, Code);
        RecoveryCodes = confirmed.Succeeded ? confirmed.Value : null;
        return await AfterAsync(confirmed.Succeeded ? [] : confirmed.Problems);
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var issued = await twoFactor.NewRecoveryCodesAsync(Name);
        RecoveryCodes = issued.Succeeded ? issued.Value : null;
        return await AfterAsync(issued.Succeeded ? [] : issued.Problems);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var disabled = await twoFactor.DisableAsync(Name, Name);
        return await AfterAsync(disabled.Succeeded ? [] : disabled.Problems);
    }

    private async Task<IActionResult> AfterAsync(IReadOnlyList<Domain.Problems.Problem> problems)
    {
        ModelState.Clear();
        foreach (var problem in problems)
        {
            ModelState.AddModelError(nameof(Code), problem.Message);
        }

        // A change of key or of two-factor changed the stamp: this session continues with a new cookie.
        if (await users.FindByNameAsync(Name) is { IsActive: true } user)
        {
            await signIn.SignInAsync(user, isPersistent: false);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var user = await users.FindByNameAsync(Name);
        Enabled = user is { TwoFactorEnabled: true };
        Setup = Enabled ? null : await twoFactor.PendingAsync(Name);
        RecoveryCodesLeft = Enabled ? await twoFactor.RecoveryCodesLeftAsync(Name) : 0;
    }
}
