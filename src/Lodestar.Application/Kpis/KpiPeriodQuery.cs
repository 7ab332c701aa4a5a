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
/// series (<c>series=month|quarter|year|ytd|rolling12&amp;from=…&amp;to=…</c>).
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
            return ([], $"Give exactly one of {s.Year}YYYY, {s.From}YYYY-MM-DD with {s.To}YYYY-MM-DD, or {s.Series}{SeriesKinds} with {s.From}… and {s.To}….");
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

        var kind = SeriesKind(series);
        if (kind is null)
        {
            return ([], $"{s.Series.TrimEnd('=', ' ')} takes {SeriesKinds.Replace("|", ", ", StringComparison.Ordinal)} (not '{series}').");
        }

        // Months are the finest kind: refuse before building a list that would be too long.
        if ((end.Year - start.Year) * 12 > MaxPeriods)
        {
            return ([], $"A series may hold at most {MaxPeriods} periods.");
        }

        return (Period.Series(kind.Value, start, end), null);
    }

    /// <summary>
    /// A whole KPI request as the API and <c>lodestar kpi</c> read it: the periods (<see cref="Parse"/>), the KPI ids
    /// (<see cref="ParseKpis"/>; null for every KPI), and for a series the kinds check — a KPI named in a series of a
    /// kind it makes no sense in is refused, and with none named "every KPI" is every one that makes sense in it.
    /// </summary>
    public static (IReadOnlyList<Period> Periods, IReadOnlyList<string>? Kpis, string? Problem) ParseRequest(
        string? year, string? from, string? to, string? series, string? kpi, KpiPeriodSpelling? spelling = null)
    {
        var (periods, problem) = Parse(year, from, to, series, spelling);
        var (kpis, kpiProblem) = ParseKpis(kpi);
        problem ??= kpiProblem;
        problem ??= kpis is null ? null : PeriodKindProblem(kpis, series);
        if (problem is not null)
        {
            return ([], null, problem);
        }

        return (periods, kpis ?? MeaningfulKpis(series), null);
    }

    /// <summary>How the kinds of series are spelled, in help and messages.</summary>
    public const string SeriesKinds = "month|quarter|year|ytd|rolling12";

    /// <summary>The kind of a series as spelled in a request (month, quarter, year, ytd, rolling12; any case), or null.</summary>
    public static PeriodKind? SeriesKind(string? series) => series?.ToLowerInvariant() switch
    {
        "month" => PeriodKind.Month,
        "quarter" => PeriodKind.Quarter,
        "year" => PeriodKind.ReportingYear,
        "ytd" => PeriodKind.YearToDate,
        "rolling12" => PeriodKind.Rolling12,
        _ => null,
    };

    /// <summary>The spelling of a series kind in requests: the inverse of <see cref="SeriesKind"/>.</summary>
    public static string SeriesName(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "month",
        PeriodKind.Quarter => "quarter",
        PeriodKind.ReportingYear => "year",
        PeriodKind.YearToDate => "ytd",
        PeriodKind.Rolling12 => "rolling12",
        _ => kind.ToString(),
    };

    /// <summary>
    /// For a series of <paramref name="series"/> (a spelling <see cref="SeriesKind"/> reads; null for a single span,
    /// which every KPI answers), a message naming each of <paramref name="kpis"/> that does not make sense in that
    /// kind of period and the kinds it does (docs/kpis.md, "Which periods each KPI makes sense for"); null when all do.
    /// </summary>
    public static string? PeriodKindProblem(IEnumerable<string> kpis, string? series)
    {
        if (SeriesKind(series) is not { } kind)
        {
            return null;
        }

        var refused = kpis.Select(id => KpiCatalog.Find(id)).OfType<KpiDefinition>().Where(k => !k.PeriodKinds.Contains(kind)).ToList();
        return refused.Count == 0 ? null
            : $"Not meaningful as a {SeriesName(kind)} series: " + string.Join("; ", refused.Select(k =>
                $"{k.Id} ({Why(k.Timing)}; ask for {string.Join(" or ", k.PeriodKinds.Select(SeriesName))})")) + ".";

        static string Why(KpiTiming timing) => timing switch
        {
            KpiTiming.Stock => "read on the last day of the period, so each year to date or 12 months says what its month says",
            KpiTiming.TwelveMonths => "defined over twelve months",
            KpiTiming.YearEnd => "defined for the year to 31 March",
            _ => "counted over the period",
        };
    }

    /// <summary>
    /// What "every KPI" means for a series of <paramref name="series"/>: the KPIs of the catalogue that make sense in
    /// it, or null when every KPI does (a single span, or a kind every KPI takes).
    /// </summary>
    public static IReadOnlyList<string>? MeaningfulKpis(string? series)
    {
        if (SeriesKind(series) is not { } kind || KpiCatalog.All.All(k => k.PeriodKinds.Contains(kind)))
        {
            return null;
        }

        return [.. KpiCatalog.All.Where(k => k.PeriodKinds.Contains(kind)).Select(k => k.Id)];
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
