using System.Globalization;
using Lodestar.Data.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Account;

/// <summary>
/// /account/tokens: the signed-in user's personal access tokens for the JSON API: create one (shown once,
/// on the page that answers the form), see when each was used, revoke one. Creating and revoking are
/// audited with the user as actor (<see cref="ApiTokens"/>).
/// </summary>
internal sealed class TokensModel(ApiTokens tokens, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ExpiresDays { get; set; } = "90";

    [BindProperty]
    public string? Revoke { get; set; }

    public IReadOnlyList<ApiTokenInfo> Tokens { get; private set; } = [];

    /// <summary>The token just created: shown on this response only.</summary>
    public IssuedApiToken? Created { get; private set; }

    public string? Revoked { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    private string UserName => User.Identity!.Name!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        int? days = null;
        if (!string.IsNullOrWhiteSpace(ExpiresDays))
        {
            if (int.TryParse(ExpiresDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                days = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(ExpiresDays), $"Expires after: enter a whole number of days from 1 to {ApiTokens.MaxExpiresDays}, or leave it empty for no expiry");
            }
        }

        if (ModelState.IsValid)
        {
            var created = await tokens.CreateAsync(UserName, UserName, Name, days, cancellationToken);
            foreach (var problem in created.Problems)
            {
                ModelState.AddModelError(problem.Column == "expiresDays" ? nameof(ExpiresDays) : nameof(Name), problem.Message);
            }

            Created = created.Succeeded ? created.Value : null;
        }

        if (Created is not null)
        {
            Name = null;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Revoke))
        {
            return BadRequest();
        }

        var revoked = await tokens.RevokeAsync(UserName, UserName, Revoke, cancellationToken);
        Revoked = revoked.Succeeded ? Revoke.Trim() : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Tokens = await tokens.ListAsync(UserName, cancellationToken) ?? [];

    public static string Date(DateTimeOffset? at) => at is { } d ? d.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "Never";
}
