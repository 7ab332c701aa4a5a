using System.Globalization;
using Lodestar.Application.Forecast;
using Lodestar.Application.Returns;
using Lodestar.Application.Savings;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Formats.Actions;
using Lodestar.Web.Actions;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Savings;

/// <summary>/savings/{plan}?year=: plan vs delivered vs forecast by objective, placement type and year, and the reconciliation.</summary>
internal sealed class PlanModel(LodestarDbContext db, StatutoryDataStore returns, CouncilAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>The council whose 903 returns give delivered and forecast; the only one with 903 data when left out.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    /// <summary>The baseline financial year, by the March it ends in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Baseline { get; set; }

    /// <summary>The financial year to date ends on this day (YYYY-MM-DD).</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The financial year <see cref="Year"/> names, when it is one of the plan's; null for all years.</summary>
    public Period? SelectedYear { get; private set; }

    public SavingsPlan Plan { get; private set; } = null!;

    public SavingsReport Report { get; private set; } = null!;

    /// <summary>Issue 15: a year's inflation (per cent) for unit costs beyond the table, for <see cref="TrendForecast"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Inflation { get; set; }

    /// <summary>Issue 15: the forecast column by placement type from the looked-after children forecast, beside the run rate.</summary>
    public ForecastSavingsResult? TrendForecast { get; private set; }

    /// <summary>The council of <see cref="TrendForecast"/>.</summary>
    public string? TrendCouncil { get; private set; }

    public async Task<IActionResult> OnGetAsync(string plan, CancellationToken cancellationToken)
    {
        var savings = await ActionsStore.LoadSavingsAsync(db, plan, cancellationToken);
        if (savings is null || !await ActionsViews.SavingsVisibleAsync(db, access, plan, cancellationToken))
        {
            return NotFound();
        }

        Period? onlyYear = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            onlyYear = ActionsViews.FinancialYear(Year);
            if (onlyYear is not { } only || !savings.Years.Contains(only))
            {
                ModelState.AddModelError(nameof(Year), $"Choose one of the plan's years: {string.Join(", ", savings.Years.Select(y => y.ToFinancialYearLabel()))}");
                onlyYear = null;
            }
        }

        Plan = savings;
        SelectedYear = onlyYear;
        Year = onlyYear?.ToFinancialYearLabel();
        var allowed = await access.AllowedAsync(cancellationToken);
        var costModel = CostModel(allowed);
        Report = SavingsReport.Build(savings, costModel, onlyYear);
        if (costModel is not null)
        {
            TrendForecast = Trend(allowed);
        }

        return Page();
    }

    // Issue 15: the same council, baseline and end as the cost model, priced with the same unit costs.
    private ForecastSavingsResult? Trend(IReadOnlySet<string> allowed)
    {
        var rate = 2m;
        if (!string.IsNullOrWhiteSpace(Inflation) && (!decimal.TryParse(Inflation, NumberStyles.Number, CultureInfo.InvariantCulture, out rate) || rate is < -10 or > 50))
        {
            ModelState.AddModelError(nameof(Inflation), "Inflation: enter a yearly rate in per cent, such as 2");
            return null;
        }

        var council = string.IsNullOrWhiteSpace(Council)
            ? returns.Councils.SingleOrDefault(c => returns.Dataset(c)?.Cla is not null && allowed.Contains(c))
            : Council.Trim();
        if (council is null)
        {
            return null;
        }

        TrendCouncil = council;

        var result = ForecastSavings.Compute(returns, council, int.Parse(Baseline!, CultureInfo.InvariantCulture), DateOnly.ParseExact(To!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            CostsYamlReader.Illustrative(), rate / 100m, allowed);
        return result.Succeeded ? result.Value : null;
    }

    /// <summary>The cost model from the returns when a baseline and an end are given; problems go to the error summary.</summary>
    private CostModelResult? CostModel(IReadOnlySet<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(Baseline) && string.IsNullOrWhiteSpace(To))
        {
            return null;
        }

        if (!int.TryParse(Baseline, NumberStyles.None, CultureInfo.InvariantCulture, out var baseline) || baseline is < 1990 or > 2100)
        {
            ModelState.AddModelError(nameof(Baseline), "Baseline year: enter a year such as 2016");
            return null;
        }

        if (!DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to.Year is < 1990 or > 2100)
        {
            ModelState.AddModelError(nameof(To), "Year to date ending: enter a date as YYYY-MM-DD, such as 2017-03-31");
            return null;
        }

        var model = SavingsFromReturns.CostModel(returns, string.IsNullOrWhiteSpace(Council) ? null : Council.Trim(), baseline, to, CostsYamlReader.Illustrative(), allowed);
        if (!model.Succeeded)
        {
            ModelState.AddModelError(nameof(Council), $"Council: {model.Problems[0].Message}");
            return null;
        }

        return model.Value;
    }
}
