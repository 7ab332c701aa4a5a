using Lodestar.Data;
using Lodestar.Web.Actions;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Savings;

/// <summary>/savings: the stored savings plans.</summary>
internal sealed class IndexModel(LodestarDbContext db, CouncilAccess access) : PageModel
{
    public IReadOnlyList<SavingsPlanSummary> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Plans = await ActionsViews.SavingsPlansAsync(db, access, cancellationToken);
}
