using Lodestar.Application.Returns;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Savings;
using Lodestar.Metrics.Savings;

namespace Lodestar.Application.Savings;

/// <summary>
/// The savings plan's delivered and forecast columns from a council's own 903 returns (docs/savings.md):
/// 52-week placements by category — the KPI <c>placements_52wk_by_type</c> — for the baseline financial
/// year and for the financial year to date, priced with the unit costs. The web savings page and
/// <c>lodestar savings report --returns</c> both call this.
/// </summary>
public static class SavingsFromReturns
{
    /// <param name="store">The councils' returns.</param>
    /// <param name="council">The council; may be left out when the returns hold only one council with 903 data.</param>
    /// <param name="baselineYear">The baseline financial year, by the year its March falls in (2016 = 2015/16).</param>
    /// <param name="to">The financial year to date ends on this day.</param>
    /// <param name="costs">Unit costs per placement category and year.</param>
    /// <param name="allowed">The councils the user may see (council grants); the others are treated as absent. Null: every council.</param>
    public static Result<CostModelResult> CostModel(StatutoryDataStore store, string? council, int baselineYear, DateOnly to, UnitCostTable costs, IReadOnlySet<string>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var withCare = store.Councils
            .Where(c => store.Dataset(c)?.Cla is not null && (council is null || c == council) && (allowed is null || allowed.Contains(c)))
            .ToList();
        if (withCare.Count != 1)
        {
            return Result.Failure<CostModelResult>(new Problem(withCare.Count == 0
                ? council is null ? "the returns hold no SSDA903 data" : $"the returns hold no SSDA903 data for {council}"
                : $"the returns hold several councils ({string.Join(", ", withCare)}): choose one"));
        }

        var dataset = store.Dataset(withCare[0])!;
        var baselineYearPeriod = Period.ReportingYear(baselineYear);
        var baseline = PlacementActualsFromReturns.Compute(store.Engine, dataset, baselineYearPeriod.Start, baselineYearPeriod.End);
        var period = PlacementActualsFromReturns.Compute(store.Engine, dataset, Period.ReportingYearContaining(to).Start, to);
        return Result.Success(Domain.Savings.CostModel.Compute(period, baseline, costs));
    }
}
