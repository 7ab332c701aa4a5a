using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Savings;

/// <summary>
/// The check that a <see cref="Period"/> given as a financial year is one: savings plans, unit costs and the
/// cost model hold financial years as reporting-year periods ("2016/17" is 2016-04-01..2017-03-31).
/// </summary>
internal static class FinancialYear
{
    /// <summary>Throws when <paramref name="year"/> is not a reporting year: passing another period is a caller's mistake.</summary>
    public static void Check(Period year, string parameter)
    {
        if (year.Kind != PeriodKind.ReportingYear)
        {
            throw new ArgumentException($"A financial year is a reporting year (1 April to 31 March), not {year}.", parameter);
        }
    }
}
