using System.Globalization;
using Lodestar.Application.Kpis;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Lodestar.Application.Returns;

namespace Lodestar.Web.Kpis;

/// <summary>Why a council and year could not be chosen.</summary>
internal enum KpiSelectionProblem
{
    None,

    /// <summary>The store holds no council the user may see.</summary>
    NoData,

    /// <summary>The council asked for is not in the store, or the user may not see it (404, the same answer).</summary>
    UnknownCouncil,

    /// <summary>The year is outside 1990–2100 (400).</summary>
    BadYear,
}

/// <summary>
/// The council and reporting year a KPI page shows: the council asked for (else the first in the store the user may see),
/// the year asked for (else the latest year the council's returns cover).
/// </summary>
internal sealed record KpiSelection(string Council, KpiDataset Dataset, IReadOnlyList<int> Years, int Year)
{
    public const int FirstYear = KpiPeriodQuery.FirstYear;
    public const int LastYear = KpiPeriodQuery.LastYear;

    public Period Period => Period.ReportingYear(Year);

    /// <summary>The query string that keeps this council and year, e.g. <c>?council=E10000003&amp;year=2025</c>.</summary>
    public string Query => $"?council={Uri.EscapeDataString(Council)}&year={Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The first reporting year of the council's returns (or the year shown when none is known).</summary>
    public int EarliestYear => Years.Count == 0 ? Year : Years[^1];

    /// <summary>The latest reporting year of the council's returns (or the year shown when none is known).</summary>
    public int LatestYear => Years.Count == 0 ? Year : Years[0];

    /// <param name="store">The loaded returns.</param>
    /// <param name="allowed">The councils the user may see (<see cref="Security.CouncilAccess"/>); any other is unknown.</param>
    /// <param name="council">The council asked for, or null for the first.</param>
    /// <param name="year">The reporting year asked for, or null for the latest with data.</param>
    /// <param name="today">Used only when the files give no collection year: then the last reporting year ended by today.</param>
    public static (KpiSelection? Selection, KpiSelectionProblem Problem) Resolve(StatutoryDataStore store, IReadOnlySet<string> allowed, string? council, int? year, DateOnly today)
    {
        var code = string.IsNullOrWhiteSpace(council) ? Councils(store, allowed).FirstOrDefault() : council.Trim();
        if (code is null)
        {
            return (null, KpiSelectionProblem.NoData);
        }

        if (!allowed.Contains(code) || store.Dataset(code) is not { } dataset)
        {
            return (null, KpiSelectionProblem.UnknownCouncil);
        }

        if (year is < FirstYear or > LastYear)
        {
            return (null, KpiSelectionProblem.BadYear);
        }

        var years = YearsOf(dataset);
        var chosen = year ?? (years.Count > 0 ? years[0] : (Period.ReportingYearOf(today) - 1));
        return (new KpiSelection(code, dataset, years, chosen), KpiSelectionProblem.None);
    }

    /// <summary>The councils of the store the user may see, for the picker, in the store's order.</summary>
    public static IReadOnlyList<string> Councils(StatutoryDataStore store, IReadOnlySet<string> allowed) =>
        [.. store.Councils.Where(allowed.Contains)];

    /// <summary>The collection years of the council's 903 and CIN files, latest first.</summary>
    public static IReadOnlyList<int> YearsOf(KpiDataset dataset)
    {
        var files = (dataset.Cla?.Files ?? []).Concat(dataset.Cin?.Files ?? []);
        return [.. files.Select(f => f.CollectionYear).Where(y => y is >= FirstYear and <= LastYear).Distinct().OrderDescending()];
    }
}
