using Lodestar.Application.Returns;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Savings;
using Lodestar.Metrics.Forecast;
using Lodestar.Metrics.Savings;

namespace Lodestar.Application.Forecast;

/// <summary>One placement category's forecast for a financial year from the looked-after forecast (money in £).</summary>
/// <param name="Category">The placement category.</param>
/// <param name="Baseline52Wk">52-week placements in the baseline year, from the returns.</param>
/// <param name="Actual52Wk">52-week placements from the year's start to <see cref="ForecastSavingsResult.To"/>, from the returns.</param>
/// <param name="Forecast52Wk">The whole year: <paramref name="Actual52Wk"/> plus the forecast's median for the year's remaining months.</param>
/// <param name="UnitCost">The year's unit cost; when the table has none for the year, its latest earlier year's cost with the inflation rate compounded per year.</param>
/// <param name="Inflated">Whether <paramref name="UnitCost"/> was inflated from an earlier year.</param>
/// <param name="ForecastSpend">Forecast 52-week placements × unit cost; null without a unit cost.</param>
/// <param name="ForecastSavings">(Forecast − baseline 52-week placements) × unit cost: negative is a saving; null without a unit cost.</param>
public sealed record ForecastCategorySavings(
    PlacementCategory Category, decimal Baseline52Wk, decimal Actual52Wk, decimal Forecast52Wk, decimal? UnitCost, bool Inflated, decimal? ForecastSpend, decimal? ForecastSavings);

/// <summary>The savings plan's forecast column by placement type from the forecast, for one financial year.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="To">The last month end the returns are counted to; the forecast covers the months after it.</param>
/// <param name="BaselineYear">The baseline financial year.</param>
/// <param name="InflationRate">A year's inflation for unit costs beyond the table (0.02 = 2 %).</param>
/// <param name="Categories">By placement category, those with placements in the year or the baseline.</param>
public sealed record ForecastSavingsResult(Period Year, DateOnly To, Period BaselineYear, decimal InflationRate, IReadOnlyList<ForecastCategorySavings> Categories)
{
    public decimal? ForecastSavings => Categories.All(c => c.ForecastSavings is null) ? null : Categories.Sum(c => c.ForecastSavings ?? 0m);
}

/// <summary>One objective of a savings plan for the forecast's year: its plan, and the trend forecast of its placement types (£k; savings negative).</summary>
/// <param name="Objective">The objective, as the plan names it.</param>
/// <param name="BpReference">Its business-planning reference.</param>
/// <param name="PlanK">The plan's saving for the year.</param>
/// <param name="ForecastK">The forecast savings of the objective's placement types, summed (a category with no placements in the year or the baseline is 0); null when the objective names no placement types, or one of them has no unit cost.</param>
public sealed record ForecastObjectiveSavings(string Objective, string? BpReference, decimal PlanK, decimal? ForecastK);

/// <summary>
/// Joins the forecast to the savings plan (docs/forecast.md, "Joined to the plan"): the year's forecast
/// 52-week placements by category are the returns' placements to date plus the forecast's for the rest of
/// the year, priced with the unit costs the savings plans hold, inflated where the table stops. Beside the
/// cost model's run-rate forecast (docs/savings.md), it carries the trends the run rate cannot see:
/// children ageing out, moves between placement types, the entries to come.
/// </summary>
public static class ForecastSavings
{
    /// <param name="store">The councils' returns.</param>
    /// <param name="council">The council.</param>
    /// <param name="baselineYear">The baseline financial year, by the year its March falls in (2016 = 2015/16).</param>
    /// <param name="to">The returns are used to the last month end on or before this day (or to their last day, when earlier); the forecast covers the rest of the financial year of <paramref name="to"/>.</param>
    /// <param name="costs">Unit costs per category and year.</param>
    /// <param name="inflationRate">A year's inflation for years the unit costs do not reach (0.02 = 2 %).</param>
    /// <param name="allowed">The councils the user may see; null: every council.</param>
    public static Result<ForecastSavingsResult> Compute(StatutoryDataStore store, string council, int baselineYear, DateOnly to, UnitCostTable costs, decimal inflationRate, IReadOnlySet<string>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(costs);
        var dataset = allowed is null || allowed.Contains(council) ? store.Dataset(council) : null;
        if (dataset?.Cla is null)
        {
            return Result.Failure<ForecastSavingsResult>(new Problem($"the returns hold no SSDA903 data for {council}"));
        }

        // Past the returns' last day there is nothing to count: the forecast starts there instead.
        var year = Period.ReportingYearContaining(to);
        var start = ForecastEstimator.MonthEndOnOrBefore(to);
        if (LacForecast.DataEnd(store, council) is { } end && ForecastEstimator.MonthEndOnOrBefore(end) < start)
        {
            start = ForecastEstimator.MonthEndOnOrBefore(end);
        }

        var remaining = ((year.End.Year - start.Year) * 12) + year.End.Month - start.Month;
        if (remaining > ForecastOptions.MaxMonths)
        {
            return Result.Failure<ForecastSavingsResult>(new Problem($"the returns for {council} end on {start:yyyy-MM-dd}, more than {ForecastOptions.MaxMonths} months before {year.End:yyyy-MM-dd}"));
        }
        var baseline = Period.ReportingYear(baselineYear);
        var basePlacements = PlacementActualsFromReturns.Compute(store.Engine, dataset, baseline.Start, baseline.End);
        var actual = start < year.Start ? null : PlacementActualsFromReturns.Compute(store.Engine, dataset, year.Start, start);
        IReadOnlyList<PlacementYearForecast> forecast = [];
        if (remaining > 0)
        {
            var result = LacForecast.Compute(dataset.Cla, start, remaining);
            if (!result.Succeeded)
            {
                return Result.Failure<ForecastSavingsResult>(result.Problems);
            }

            forecast = result.Value.Baseline.PlacementYears;
        }

        var categories = new List<ForecastCategorySavings>();
        foreach (var (name, category) in PlacementActualsFromReturns.Categories)
        {
            var done = actual?.Of(category) ?? 0m;
            var ahead = forecast.Where(p => p.Category == name && p.FinancialYear == year.Start.Year).Sum(p => (decimal)p.Value.Median);
            var total = Math.Round(done + ahead, 2);
            var b = basePlacements.Of(category);
            if (total == 0m && b == 0m)
            {
                continue;
            }

            var (unitCost, inflated) = UnitCost(costs, category, year, inflationRate);
            categories.Add(new ForecastCategorySavings(category, b, Math.Round(done, 2), total, unitCost, inflated,
                unitCost is { } u ? Math.Round(total * u, 2) : null,
                unitCost is { } v ? Math.Round((total - b) * v, 2) : null));
        }

        return Result.Success(new ForecastSavingsResult(year, start, baseline, inflationRate, categories));
    }

    /// <summary>
    /// The plan's objectives for the forecast's year, each with the forecast savings of the placement types it
    /// names (<c>placement_types</c>), as the cost model's run rate fills the by-objective lines (docs/savings.md).
    /// </summary>
    public static IReadOnlyList<ForecastObjectiveSavings> ByObjective(SavingsPlan plan, ForecastSavingsResult forecast)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(forecast);
        var byCategory = forecast.Categories.ToDictionary(c => c.Category);
        decimal? Forecast(IReadOnlyList<PlacementCategory> categories)
        {
            if (categories.Count == 0)
            {
                return null;
            }

            var found = categories.Distinct().Select(c => byCategory.GetValueOrDefault(c)).OfType<ForecastCategorySavings>().ToList();
            return found.Any(c => c.ForecastSavings is null) ? null : Math.Round(found.Sum(c => c.ForecastSavings!.Value) / 1000m, 1);
        }

        return [.. plan.ByObjective.Select(o => new ForecastObjectiveSavings(o.Objective, o.BpReference, o.ValueK(forecast.Year), Forecast(o.PlacementTypes)))];
    }

    /// <summary>The year's unit cost, or the latest earlier year's × (1 + rate)^years; null when the table has no earlier year.</summary>
    public static (decimal? Cost, bool Inflated) UnitCost(UnitCostTable costs, PlacementCategory category, Period year, decimal inflationRate)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Find(category, year) is { } exact)
        {
            return (exact, false);
        }

        var earlier = costs.Costs.Where(c => c.Category == category && c.Year.Start < year.Start).OrderByDescending(c => c.Year.Start).FirstOrDefault();
        if (earlier == default)
        {
            return (null, false);
        }

        var cost = earlier.AnnualCost;
        for (var y = earlier.Year.Start.Year; y < year.Start.Year; y++)
        {
            cost *= 1 + inflationRate;
        }

        return (Math.Round(cost, 2), true);
    }
}
