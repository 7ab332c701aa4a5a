using Lodestar.Application.Returns;
using Lodestar.Domain.Councils;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Data;

/// <summary><c>/data</c>: the way to a council's Data page: the councils with data, and a picker of every council the user may see.</summary>
internal sealed class CouncilsModel(CouncilAccess access, StatutoryDataStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    public IReadOnlyList<Council> WithData { get; private set; } = [];

    public IReadOnlyList<Council> Allowed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Council))
        {
            return await DataPages.CouncilAsync(access, Council.Trim(), cancellationToken) is { } council
                ? Redirect(DataPages.Address(council.Code))
                : NotFound();
        }

        var allowed = await access.AllowedAsync(cancellationToken);
        Allowed = [.. CouncilList.Current.Where(c => allowed.Contains(c.Code)).OrderBy(c => c.Name, StringComparer.Ordinal)];
        WithData = [.. store.Councils.Where(allowed.Contains).Select(CouncilList.Find).OfType<Council>()];
        return Page();
    }
}
