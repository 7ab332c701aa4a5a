using Lodestar.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Web.Pages;

public sealed class IndexModel(LodestarDbContext db) : PageModel
{
    public int CouncilCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        CouncilCount = await db.Councils.CountAsync(cancellationToken);
}
