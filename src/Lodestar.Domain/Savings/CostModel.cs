using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Savings;

/// <summary>
/// 52-week placements by category over a period inside one financial year (the KPI
/// <c>placements_52wk_by_type</c>: days in placement within the period ÷ 364). A baseline is a whole year.
/// </summary>
public sealed record PlacementActuals
{
    public PlacementActuals(DateOnly from, DateOnly to, IReadOnlyDictionary<PlacementCategory, decimal> placements52Wk)
    {
        ArgumentNullException.ThrowIfNull(placements52Wk);
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        if (Period.ReportingYearOf(from) != Period.ReportingYearOf(to))
        {
            throw new ArgumentException("The period must lie inside one financial year.", nameof(to));
        }

        From = from;
        To = to;
        Placements52Wk = placements52Wk;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public IReadOnlyDictionary<PlacementCategory, decimal> Placements52Wk { get; }
    /// <summary>The financial year the period lies in (a reporting-year <see cref="Period"/>).</summary>
    public Period Year => Period.ReportingYearContaining(From);
    public int Days => To.DayNumber - From.DayNumber + 1;
    public int YearDays => Year.Days;
    public bool IsWholeYear => From == Year.Start && To == Year.End;

    public decimal Of(PlacementCategory category) => Placements52Wk.TryGetValue(category, out var value) ? value : 0m;
}

/// <summary>The cost model's figures for one placement category (money in £).</summary>
public sealed record CategoryCost(
    PlacementCategory Category,
    decimal UnitCost,
    decimal Baseline52Wk,
    decimal Actual52Wk,
    decimal Forecast52Wk,
    decimal ActualSpend,
    decimal ForecastSpend,
    decimal DeliveredSavings,
    decimal ForecastSavings);

/// <summary>
/// The cost model for one period against a baseline year (money in £; savings negative). <see cref="Year"/> is the
/// financial year the period lies in, <see cref="BaselineYear"/> the baseline's: reporting-year periods.
/// </summary>
public sealed record CostModelResult(
    Period Year,
    DateOnly From,
    DateOnly To,
    Period BaselineYear,
    IReadOnlyList<CategoryCost> Categories,
    IReadOnlyList<PlacementCategory> MissingUnitCosts)
{
    public decimal ActualSpend => Categories.Sum(c => c.ActualSpend);
    public decimal ForecastSpend => Categories.Sum(c => c.ForecastSpend);
    public decimal DeliveredSavings => Categories.Sum(c => c.DeliveredSavings);
    public decimal ForecastSavings => Categories.Sum(c => c.ForecastSavings);
}

/// <summary>
/// Placement spend, savings delivered and the year-end forecast from 52-week placements × unit cost;
/// see docs/savings.md for the rules.
/// </summary>
public static class CostModel
{
    /// <summary>
    /// Spend = 52-week placements × the period's year's unit cost. Savings delivered = (placements in the
    /// period − the baseline year's placements pro rata to the period's length) × the same unit cost, so a
    /// change in price is not counted as a saving. Forecast outturn = the period's placements scaled to
    /// the whole year by days (a year-to-date run rate: × days in the year ÷ days in the period).
    /// A category without a unit cost for the year is left out and listed.
    /// </summary>
    public static CostModelResult Compute(PlacementActuals period, PlacementActuals baseline, UnitCostTable unitCosts)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(unitCosts);
        if (!baseline.IsWholeYear)
        {
            throw new ArgumentException("The baseline must cover a whole financial year.", nameof(baseline));
        }

        var share = (decimal)period.Days / period.YearDays;
        var categories = new List<CategoryCost>();
        var missing = new List<PlacementCategory>();
        foreach (var category in Enum.GetValues<PlacementCategory>())
        {
            var actual = period.Of(category);
            var base52 = baseline.Of(category);
            if (actual == 0m && base52 == 0m && !period.Placements52Wk.ContainsKey(category))
            {
                continue;
            }

            if (unitCosts.Find(category, period.Year) is not { } unitCost)
            {
                missing.Add(category);
                continue;
            }

            var forecast = actual / share;
            categories.Add(new CategoryCost(
                category,
                unitCost,
                base52,
                actual,
                Round(forecast),
                Round(actual * unitCost),
                Round(forecast * unitCost),
                Round((actual - (base52 * share)) * unitCost),
                Round((forecast - base52) * unitCost)));
        }

        return new CostModelResult(period.Year, period.From, period.To, baseline.Year, categories, missing);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
