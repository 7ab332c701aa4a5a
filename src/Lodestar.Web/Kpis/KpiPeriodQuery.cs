using System.Globalization;
using Lodestar.Domain.Periods;

namespace Lodestar.Web.Kpis;

/// <summary>
/// The periods of an API request, by the rules of <c>lodestar kpi</c>: exactly one of <c>year=YYYY</c>
/// (a reporting year), <c>from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c> (one period), or
/// <c>series=month|quarter|year&amp;from=…&amp;to=…</c>.
/// </summary>
public static class KpiPeriodQuery
{
    /// <summary>The most periods one request may ask for (100 years of months).</summary>
    public const int MaxPeriods = 1200;

    /// <summary>The periods asked for, or a message saying what is wrong (for a 400).</summary>
    public static (IReadOnlyList<Period> Periods, string? Problem) Parse(string? year, string? from, string? to, string? series)
    {
        var modes = (year is null ? 0 : 1) + (series is null ? 0 : 1) + (series is null && (from is not null || to is not null) ? 1 : 0);
        if (modes != 1)
        {
            return ([], "Give exactly one of year=YYYY, from=YYYY-MM-DD&to=YYYY-MM-DD, or series=month|quarter|year&from=…&to=….");
        }

        if (year is not null)
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                || y < KpiSelection.FirstYear || y > KpiSelection.LastYear || from is not null || to is not null)
            {
                return ([], $"year takes a reporting year from {KpiSelection.FirstYear} to {KpiSelection.LastYear} such as 2025 (not '{year}'), without from or to.");
            }

            return ([Period.ReportingYear(y)], null);
        }

        if (Date(from, "from") is { Problem: { } fromProblem })
        {
            return ([], fromProblem);
        }

        if (Date(to, "to") is { Problem: { } toProblem })
        {
            return ([], toProblem);
        }

        var (start, end) = (Date(from, "from").Date, Date(to, "to").Date);
        if (end < start)
        {
            return ([], $"to ({end:yyyy-MM-dd}) is before from ({start:yyyy-MM-dd}).");
        }

        if (series is null)
        {
            return ([Period.Between(start, end)], null);
        }

        PeriodKind? kind = series.ToLowerInvariant() switch
        {
            "month" => PeriodKind.Month,
            "quarter" => PeriodKind.Quarter,
            "year" => PeriodKind.ReportingYear,
            _ => null,
        };
        if (kind is null)
        {
            return ([], $"series takes month, quarter or year (not '{series}').");
        }

        // Months are the finest kind: refuse before building a list that would be too long.
        if ((end.Year - start.Year) * 12 > MaxPeriods)
        {
            return ([], $"A series may hold at most {MaxPeriods} periods.");
        }

        return (Period.Series(kind.Value, start, end), null);
    }

    private static (DateOnly Date, string? Problem) Date(string? text, string name)
    {
        if (text is null)
        {
            return (default, $"{name}=YYYY-MM-DD is needed.");
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < KpiSelection.FirstYear - 1 || date.Year > KpiSelection.LastYear)
        {
            return (default, $"{name} takes a date as YYYY-MM-DD between {KpiSelection.FirstYear - 1} and {KpiSelection.LastYear} (not '{text}').");
        }

        return (date, null);
    }
}
