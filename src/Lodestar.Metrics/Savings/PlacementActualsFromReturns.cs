using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Metrics.Savings;

/// <summary>
/// The savings cost model's input from the 903 returns: a period's 52-week placements by placement
/// category are the KPI <c>placements_52wk_by_type</c> (days in placement within the period ÷ 364).
/// </summary>
public static class PlacementActualsFromReturns
{
    /// <summary>The KPI's categories (docs/kpis.md) as the savings model's placement categories.</summary>
    public static readonly IReadOnlyDictionary<string, PlacementCategory> Categories = new Dictionary<string, PlacementCategory>(StringComparer.Ordinal)
    {
        ["in_house_fostering"] = PlacementCategory.InHouseFostering,
        ["ifa"] = PlacementCategory.Ifa,
        ["kinship"] = PlacementCategory.Kinship,
        ["residential_homes"] = PlacementCategory.Residential,
        ["residential_schools"] = PlacementCategory.ResidentialSchool,
        ["supported_accommodation"] = PlacementCategory.SupportedAccommodation,
        ["placed_for_adoption"] = PlacementCategory.Adoption,
        ["with_parents"] = PlacementCategory.WithParents,
        ["other"] = PlacementCategory.Other,
    };

    /// <summary>52-week placements by category for <paramref name="from"/> to <paramref name="to"/> (one financial year at most).</summary>
    public static PlacementActuals Compute(KpiEngine engine, KpiDataset dataset, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var results = engine.Compute("placements_52wk_by_type", dataset, Period.Between(from, to));
        var placements = results
            .Where(r => r.Category is not null && r.Value is not null)
            .ToDictionary(r => Categories[r.Category!], r => (decimal)r.Value!.Value);
        return new PlacementActuals(from, to, placements);
    }
}
