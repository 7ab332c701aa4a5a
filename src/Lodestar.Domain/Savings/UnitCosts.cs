using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Savings;

/// <summary>The annual cost (£) of one 52-week placement of a category in a financial year (a reporting-year <see cref="Period"/>).</summary>
public readonly record struct UnitCost
{
    public UnitCost(PlacementCategory category, Period year, decimal annualCost)
    {
        FinancialYear.Check(year, nameof(year));
        ArgumentOutOfRangeException.ThrowIfNegative(annualCost);
        Category = category;
        Year = year;
        AnnualCost = annualCost;
    }

    public PlacementCategory Category { get; }
    public Period Year { get; }
    public decimal AnnualCost { get; }
}

/// <summary>Unit costs per placement category and financial year.</summary>
public sealed class UnitCostTable
{
    private readonly Dictionary<(PlacementCategory, Period), decimal> _costs = [];

    public UnitCostTable(IEnumerable<UnitCost> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        foreach (var cost in costs)
        {
            if (!_costs.TryAdd((cost.Category, cost.Year), cost.AnnualCost))
            {
                throw new ArgumentException($"Two unit costs for {cost.Category} in {cost.Year.ToFinancialYearLabel()}.", nameof(costs));
            }
        }

        Costs = [.. costs];
    }

    public IReadOnlyList<UnitCost> Costs { get; }

    public decimal? Find(PlacementCategory category, Period year) =>
        _costs.TryGetValue((category, year), out var cost) ? cost : null;
}
