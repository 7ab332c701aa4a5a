using Lodestar.Data.Audit;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Admin;

[Authorize(Policy = SecurityServices.AdminPolicy)]
internal sealed class AuditModel(AuditLog audit) : PageModel
{
    public IReadOnlyList<AuditEventEntity> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Events = await audit.RecentAsync(500, cancellationToken);
}
