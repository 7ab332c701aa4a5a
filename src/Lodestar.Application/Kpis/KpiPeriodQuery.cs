using System.Globalization;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Application.Kpis;

/// <summary>
/// How a host spells the four period parameters in its messages: <c>year=</c> in a query string,
/// <c>--year </c> on the command line.
/// </summary>
public sealed record KpiPeriodSpelling(string Year, string From, string To, string Series)
{
    /// <summary>The JSON API's query string: <c>year=2025</c>.</summary>
    public static KpiPeriodSpelling Query { get; } = new("year=", "from=", "to=", "series=");

    /// <summary>The command line: <c>--year 2025</c>.</summary>
    public static KpiPeriodSpelling CommandLine { get; } = new("--year ", "--from ", "--to ", "--series ");
}

/// <summary>
/// The periods a KPI request asks for, read the same way by the JSON API and <c>lodestar kpi</c>: exactly
/// one of a reporting year (<c>year=YYYY</c>), one span (<c>from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>), or a
/// series (<c>series=month|quarter|year&amp;from=…&amp;to=…</c>).
/// </summary>
public static class KpiPeriodQuery
{
    /// <summary>The first reporting year a request may name.</summary>
    public const int FirstYear = 1990;

    /// <summary>The last reporting year a request may name.</summary>
    public const int LastYear = 2100;

    /// <summary>The most periods one request may ask for (100 years of months).</summary>
    public const int MaxPeriods = 1200;

    /// <summary>The periods asked for, or a message saying what is wrong (for a 400, or exit code 2).</summary>
    public static (IReadOnlyList<Period> Periods, string? Problem) Parse(
        string? year, string? from, string? to, string? series, KpiPeriodSpelling? spelling = null)
    {
        var s = spelling ?? KpiPeriodSpelling.Query;
        var modes = (year is null ? 0 : 1) + (series is null ? 0 : 1) + (series is null && (from is not null || to is not null) ? 1 : 0);
        if (modes != 1)
        {
            return ([], $"Give exactly one of {s.Year}YYYY, {s.From}YYYY-MM-DD with {s.To}YYYY-MM-DD, or {s.Series}month|quarter|year with {s.From}… and {s.To}….");
        }

        if (year is not null)
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                || y < FirstYear || y > LastYear || from is not null || to is not null)
            {
                return ([], $"{s.Year.TrimEnd('=', ' ')} takes a reporting year from {FirstYear} to {LastYear} such as 2025 (not '{year}'), without {s.From.TrimEnd('=', ' ')} or {s.To.TrimEnd('=', ' ')}.");
            }

            return ([Period.ReportingYear(y)], null);
        }

        if (Date(from, s.From) is { Problem: { } fromProblem })
        {
            return ([], fromProblem);
        }

        if (Date(to, s.To) is { Problem: { } toProblem })
        {
            return ([], toProblem);
        }

        var (start, end) = (Date(from, s.From).Date, Date(to, s.To).Date);
        if (end < start)
        {
            return ([], $"{s.To.TrimEnd('=', ' ')} ({end:yyyy-MM-dd}) is before {s.From.TrimEnd('=', ' ')} ({start:yyyy-MM-dd}).");
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
            return ([], $"{s.Series.TrimEnd('=', ' ')} takes month, quarter or year (not '{series}').");
        }

        // Months are the finest kind: refuse before building a list that would be too long.
        if ((end.Year - start.Year) * 12 > MaxPeriods)
        {
            return ([], $"A series may hold at most {MaxPeriods} periods.");
        }

        return (Period.Series(kind.Value, start, end), null);
    }

    /// <summary>
    /// The KPI ids of a comma-separated list, each checked against the catalogue; null for none given
    /// (every KPI), or a message naming the unknown ids.
    /// </summary>
    public static (IReadOnlyList<string>? Ids, string? Problem) ParseKpis(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return (null, null);
        }

        var ids = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var unknown = ids.Where(id => KpiCatalog.Find(id) is null).ToList();
        return unknown.Count > 0 || ids.Count == 0
            ? (null, $"No KPI with id {string.Join(", ", unknown.Select(u => $"'{u}'"))} (ids as in docs/kpis.md).")
            : (ids, null);
    }

    private static (DateOnly Date, string? Problem) Date(string? text, string name)
    {
        var bare = name.TrimEnd('=', ' ');
        if (text is null)
        {
            return (default, $"{name}YYYY-MM-DD is needed.");
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < FirstYear - 1 || date.Year > LastYear)
        {
            return (default, $"{bare} takes a date as YYYY-MM-DD between {FirstYear - 1} and {LastYear} (not '{text}').");
        }

        return (date, null);
    }
}
