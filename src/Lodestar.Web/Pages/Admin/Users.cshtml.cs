using System.ComponentModel.DataAnnotations;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Domain.Councils;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Web.Pages.Admin;

[Authorize(Policy = SecurityServices.AdminPolicy)]
internal sealed class UsersModel(LodestarDbContext db, UserAccounts accounts, CouncilGrants grants, AuditLog audit, TwoFactor twoFactor) : PageModel
{
    public IReadOnlyList<UserEntity> Users { get; private set; } = [];

    /// <summary>Each user's councils, by user name.</summary>
    public IReadOnlyDictionary<string, UserCouncils> Grants { get; private set; } = new Dictionary<string, UserCouncils>();

    /// <summary>The councils an admin may grant, by name (current councils; a former one by code or LA number from the CLI).</summary>
    public static IReadOnlyList<Council> Councils => CouncilList.Current;

    /// <summary>The council's name for the table, or its code when the list does not know it.</summary>
    public static string CouncilName(string code) => CouncilList.Find(code) is { } council ? $"{council.Name} ({council.Code})" : code;

    [BindProperty, Required(ErrorMessage = "Enter a user name")]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a password")]
    public string? Password { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    /// <summary>The path of a reset link just issued: shown once, on the page that answers the POST, never stored.</summary>
    public string? ResetLink { get; private set; }

    /// <summary>Whom <see cref="ResetLink"/> is for.</summary>
    public string? ResetFor { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SelectedRoles.Count == 0)
        {
            ModelState.AddModelError(nameof(SelectedRoles), "Choose at least one role");
        }

        if (ModelState.IsValid)
        {
            var created = await accounts.CreateAsync(UserName!, DisplayName ?? "", Password!, SelectedRoles, cancellationToken);
            if (created.Succeeded)
            {
                await audit.RecordAsync(User.Identity!.Name!, AuditActions.UserCreated, $"user {created.Value.UserName}", string.Join(",", SelectedRoles), cancellationToken);
                return Redirect("/admin/users");
            }

            foreach (var problem in created.Problems)
            {
                ModelState.AddModelError(problem.Column switch { "password" => nameof(Password), "roles" => nameof(SelectedRoles), "displayName" => nameof(DisplayName), _ => nameof(UserName) }, problem.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Grants one council to a user (the "Grant a council" form).</summary>
    public Task<IActionResult> OnPostGrantAsync(string? grantUser, string? grantCouncil, CancellationToken cancellationToken) =>
        ChangeAsync(() => grants.GrantAsync(Actor, grantUser ?? "", [grantCouncil ?? ""], cancellationToken), string.IsNullOrWhiteSpace(grantCouncil) ? "Choose a council" : null, cancellationToken);

    /// <summary>Revokes one council from a user (the button beside it).</summary>
    public Task<IActionResult> OnPostRevokeAsync(string? user, string? council, CancellationToken cancellationToken) =>
        ChangeAsync(() => grants.RevokeAsync(Actor, user ?? "", [council ?? ""], cancellationToken), null, cancellationToken);

    /// <summary>Gives or takes back all councils (the button in the user's row).</summary>
    public Task<IActionResult> OnPostAllCouncilsAsync(string? user, bool all, CancellationToken cancellationToken) =>
        ChangeAsync(() => grants.SetAllCouncilsAsync(Actor, user ?? "", all, cancellationToken), null, cancellationToken);

    /// <summary>Disables or re-enables a user (the button in their row); disabling ends their sessions.</summary>
    public async Task<IActionResult> OnPostActiveAsync(string? user, bool active, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var done = await accounts.SetActiveAsync(Actor, user ?? "", active, cancellationToken);
        return await AfterAsync(done.Succeeded, done.Problems, "userAction", cancellationToken);
    }

    /// <summary>Replaces a user's roles (the "Change roles" form); their sessions end, so the new roles count at once.</summary>
    public async Task<IActionResult> OnPostRolesAsync(string? rolesUser, List<string>? roles, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var done = await accounts.SetRolesAsync(Actor, rolesUser ?? "", roles ?? [], cancellationToken);
        return await AfterAsync(done.Succeeded, done.Problems, "rolesUser", cancellationToken);
    }

    /// <summary>Turns off a user's two-factor sign-in (they lost their device): they sign in with their password and may set it up again. Ends their sessions.</summary>
    public async Task<IActionResult> OnPostTwoFactorAsync(string? user, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var done = await twoFactor.DisableAsync(Actor, user ?? "");
        return await AfterAsync(done.Succeeded, done.Problems, "userAction", cancellationToken);
    }

    /// <summary>Issues a one-time password-reset link for a user and shows it, once, to the administrator.</summary>
    public async Task<IActionResult> OnPostResetAsync(string? user, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var issued = await accounts.IssuePasswordResetAsync(Actor, user ?? "", cancellationToken);
        if (!issued.Succeeded)
        {
            return await AfterAsync(false, issued.Problems, "userAction", cancellationToken);
        }

        ResetFor = UserNames.Normalise(user!);
        ResetLink = $"/account/reset/{issued.Value}";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> AfterAsync(bool succeeded, IReadOnlyList<Domain.Problems.Problem> problems, string field, CancellationToken cancellationToken)
    {
        if (succeeded)
        {
            return Redirect("/admin/users");
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError(field, problem.Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private string Actor => User.Identity!.Name!;

    /// <summary>Makes a change to a user's councils; a refusal is shown on the grant form's council field.</summary>
    private async Task<IActionResult> ChangeAsync(Func<Task<Domain.Problems.Result<UserCouncils>>> change, string? refused, CancellationToken cancellationToken)
    {
        // The add-user fields are bound on every post; their checks are not this form's.
        ModelState.Clear();
        if (refused is null)
        {
            var done = await change();
            if (done.Succeeded)
            {
                return Redirect("/admin/users");
            }

            refused = done.Problems[0].Message;
        }

        ModelState.AddModelError("grantCouncil", refused);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await db.Set<UserEntity>().Include(u => u.Roles).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        Grants = (await grants.ListAsync(cancellationToken)).ToDictionary(g => g.UserName, StringComparer.Ordinal);
    }
}
