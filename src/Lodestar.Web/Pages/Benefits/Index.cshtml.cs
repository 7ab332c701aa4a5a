using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Domain.Benefits;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Benefits;

/// <summary>/benefits: every stored benefits register with its benefits and totals.</summary>
internal sealed class IndexModel(LodestarDbContext db) : PageModel
{
    public IReadOnlyList<BenefitsRegister> Registers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Registers = await ActionsStore.LoadRegistersAsync(db, cancellationToken);
}
