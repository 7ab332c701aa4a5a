using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Domain.Savings;
using Lodestar.Web.Actions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Savings;

/// <summary>/savings/{plan}?year=: plan vs delivered vs forecast by objective, placement type and year, and the reconciliation.</summary>
public sealed class PlanModel(LodestarDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public SavingsPlan Plan { get; private set; } = null!;

    public SavingsReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string plan, CancellationToken cancellationToken)
    {
        var savings = await ActionsStore.LoadSavingsAsync(db, plan, cancellationToken);
        if (savings is null)
        {
            return NotFound();
        }

        string? onlyYear = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            onlyYear = ActionsViews.FinancialYearLabel(Year);
            if (onlyYear is null || !savings.Years.Contains(onlyYear))
            {
                ModelState.AddModelError(nameof(Year), $"Choose one of the plan's years: {string.Join(", ", savings.Years)}");
                onlyYear = null;
            }
        }

        Plan = savings;
        Year = onlyYear;
        Report = SavingsReport.Build(savings, null, onlyYear);
        return Page();
    }
}
