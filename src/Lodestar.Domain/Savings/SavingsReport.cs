using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Savings;

/// <summary>Plan against delivered and forecast savings for one line (£k; savings negative; null: not measured).</summary>
public sealed record SavingsLine(string Line, string? Reference, decimal PlanK, decimal? DeliveredK, decimal? ForecastK);

/// <summary>A financial year (a reporting-year <see cref="Period"/>) of a savings plan: by objective, by placement type, and the totals.</summary>
public sealed record SavingsYearReport(
    Period Year,
    IReadOnlyList<SavingsLine> ByObjective,
    SavingsLine Total,
    IReadOnlyList<SavingsLine> ByPlacementType);

/// <summary>A savings plan's report: each year's plan vs delivered vs forecast, and the reconciliation.</summary>
public sealed record SavingsReport(
    string PlanId,
    string Title,
    IReadOnlyList<SavingsYearReport> Years,
    IReadOnlyList<ReconciliationIssue> Reconciliation,
    CostModelResult? CostModel)
{
    /// <summary>
    /// Builds the report. The by-placement-type targets belong to <paramref name="placementYear"/> (the
    /// plan's first year unless given). Delivered and forecast come from <paramref name="costModel"/> for
    /// its year only; an objective is measured only when it names placement types.
    /// </summary>
    public static SavingsReport Build(SavingsPlan plan, CostModelResult? costModel = null, Period? onlyYear = null, Period? placementYear = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        placementYear ??= plan.PlacementYear ?? (plan.Years.Count > 0 ? plan.Years[0] : null);
        var years = plan.Years.Where(y => onlyYear is null || y == onlyYear).Select(year =>
        {
            var model = costModel?.Year == year ? costModel : null;
            var byCategory = model?.Categories.ToDictionary(c => c.Category);
            decimal? Delivered(IEnumerable<PlacementCategory> categories, Func<CategoryCost, decimal> pick) =>
                byCategory is null ? null : Math.Round(categories.Distinct().Sum(c => byCategory.TryGetValue(c, out var cost) ? pick(cost) : 0m) / 1000m, 1);

            var objectives = plan.ByObjective.Select(o => new SavingsLine(
                o.Objective, o.BpReference, o.ValueK(year),
                o.PlacementTypes.Count == 0 ? null : Delivered(o.PlacementTypes, c => c.DeliveredSavings),
                o.PlacementTypes.Count == 0 ? null : Delivered(o.PlacementTypes, c => c.ForecastSavings))).ToList();
            var allCategories = Enum.GetValues<PlacementCategory>();
            var total = new SavingsLine("Total", null, plan.TotalK(year), Delivered(allCategories, c => c.DeliveredSavings), Delivered(allCategories, c => c.ForecastSavings));
            // Several lines can share a category (seed 004: "Residential homes", "Residential - disability"):
            // delivery is measured per category, so the lines of one category are reported together.
            var placements = year != placementYear ? [] : plan.ByPlacementType
                .GroupBy(p => p.PlacementType)
                .Select(g => new SavingsLine(
                    string.Join("; ", g.Select(p => p.Label)), g.Key.ToString(), g.Sum(p => p.TotalK),
                    Delivered([g.Key], c => c.DeliveredSavings),
                    Delivered([g.Key], c => c.ForecastSavings)))
                .ToList();
            return new SavingsYearReport(year, objectives, total, placements);
        }).ToList();

        return new SavingsReport(plan.Id, plan.Title, years, plan.Reconcile(), costModel);
    }
}
