using Lodestar.Data.Frameworks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Frameworks;

internal sealed class IndexModel(FrameworkStore store) : PageModel
{
    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Frameworks = await store.ListAsync(cancellationToken);
}
