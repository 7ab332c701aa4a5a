using Lodestar.Data;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Web.Pages;

/// <summary>The home page: open to all, it shows no data beyond the product and whether setup is needed.</summary>
[AllowAnonymous]
internal sealed class IndexModel(LodestarDbContext db, SetupCode setup) : PageModel
{
    public int CouncilCount { get; private set; }

    public bool SetupNeeded => setup.IsOpen;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        CouncilCount = await db.Councils.CountAsync(cancellationToken);
}
