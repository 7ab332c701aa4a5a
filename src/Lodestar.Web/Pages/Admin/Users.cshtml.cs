using System.ComponentModel.DataAnnotations;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Web.Pages.Admin;

[Authorize(Policy = SecurityServices.AdminPolicy)]
internal sealed class UsersModel(LodestarDbContext db, UserAccounts accounts, AuditLog audit) : PageModel
{
    public IReadOnlyList<UserEntity> Users { get; private set; } = [];

    [BindProperty, Required(ErrorMessage = "Enter a user name")]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a password")]
    public string? Password { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

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
                ModelState.AddModelError(problem.Column switch { "password" => nameof(Password), "roles" => nameof(SelectedRoles), _ => nameof(UserName) }, problem.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Users = await db.Set<UserEntity>().Include(u => u.Roles).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
}
