using System.Diagnostics;
using DuckDB.NET.Data;

namespace Lodestar.Bench.National;

/// <summary>
/// The analyst's way: DuckDB SQL over the 903 episode CSVs and the flattened CIN census, for the four KPIs as
/// docs/kpis.md defines them, every month of the five years (cla_placements_3plus over the twelve months to each
/// month end, the only reading of it the definition allows monthly). Writes kpi,council,period_start,period_end,
/// value,numerator,denominator.
/// </summary>
internal static class Duck
{
    public static double Run(string data, string flat, string output)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (var statement in Sql(data, flat, output))
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static IEnumerable<string> Sql(string data, string flat, string output)
    {
        var episodes = Quote(Path.Combine(Path.GetFullPath(data), "*", "903", "episodes_*.csv"));
        var referrals = Quote(Path.Combine(flat, "cin_referrals.csv"));
        var plans = Quote(Path.Combine(flat, "cin_cpp.csv"));
        var files = Quote(Path.Combine(flat, "cin_files.csv"));

        // The reporting year a date falls in (1 April Y-1 to 31 March Y is Y).
        yield return "CREATE MACRO ryear(d) AS year(d) + CASE WHEN month(d) >= 4 THEN 1 ELSE 0 END";
        yield return "CREATE MACRO cindate(x) AS coalesce(try_strptime(x, '%Y-%m-%d'), try_strptime(x, '%d/%m/%Y'))::DATE";
        yield return """
            CREATE TABLE months AS
            SELECT m::DATE AS s, (m + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS e, (m - INTERVAL 11 MONTH)::DATE AS s12
            FROM generate_series(DATE '2020-04-01', DATE '2025-03-01', INTERVAL 1 MONTH) t(m)
            """;

        // 903 episodes of every year's return; a later return's version of an episode (child + DECOM) replaces an earlier one's.
        yield return $"""
            CREATE TABLE ep_raw AS
            SELECT regexp_extract(filename, '([^/]+)/903/episodes_[0-9]{"{4}"}\.csv$', 1) AS council,
                   CAST(regexp_extract(filename, 'episodes_([0-9]{"{4}"})\.csv$', 1) AS INTEGER) AS year,
                   CHILD AS child, DECOM AS decom_text, DEC AS dec_text, RNE AS rne, LS AS ls, PLACE AS place,
                   PLACE_PROVIDER AS prov, URN AS urn, PL_POST AS pl_post, REC AS rec, REASON_PLACE_CHANGE AS rpc
            FROM read_csv({episodes}, all_varchar = true, header = true, filename = true)
            """;
        yield return "CREATE TABLE years903 AS SELECT DISTINCT council, year FROM ep_raw";
        yield return "CREATE TABLE yearscin AS SELECT DISTINCT council, year FROM read_csv(" + files + ", header = true, types = {'council': 'VARCHAR', 'year': 'INTEGER'})";
        yield return "CREATE TABLE councils AS SELECT council FROM years903 UNION SELECT council FROM yearscin";

        // Counted episodes: not V3/V4 short breaks, a valid DECOM, a valid DEC not before it (or none).
        yield return """
            CREATE TABLE ep AS
            SELECT council, child, decom, dec, rne, ls, place, prov, urn, pl_post, rec, rpc,
                   coalesce(place, '') IN ('T0', 'T1', 'T2', 'T3', 'T4') AS temp
            FROM (
                SELECT *, try_strptime(decom_text, '%d/%m/%Y')::DATE AS decom, try_strptime(dec_text, '%d/%m/%Y')::DATE AS dec,
                       max(year) OVER (PARTITION BY council, child, decom_text) AS latest
                FROM ep_raw)
            WHERE year = latest AND coalesce(ls, '') NOT IN ('V3', 'V4') AND decom IS NOT NULL
              AND (dec_text IS NULL OR (dec IS NOT NULL AND dec >= decom))
            """;

        // Periods of care and which episodes are a new placement (docs/kpis.md, "Placement counting").
        yield return """
            CREATE TABLE seq AS
            SELECT *, sum(CASE WHEN continues THEN 0 ELSE 1 END) OVER (PARTITION BY council, child ORDER BY decom ROWS UNBOUNDED PRECEDING) AS poc
            FROM (
                SELECT *,
                       coalesce(lag(dec) OVER w = decom AND lag(rec) OVER w = 'X1' AND coalesce(rne, '') <> 'S', false) AS continues,
                       coalesce(lag(temp) OVER w, false) AS prev_temp,
                       lag(rpc) OVER w AS prev_rpc,
                       concat_ws('|', coalesce(place, ''), coalesce(prov, ''), coalesce(urn, ''), coalesce(pl_post, '')) AS place_key
                FROM ep
                WINDOW w AS (PARTITION BY council, child ORDER BY decom))
            """;
        yield return """
            CREATE TABLE placed AS
            SELECT council, child, decom, dec, temp,
                   CASE WHEN NOT continues THEN true
                        WHEN temp THEN false
                        WHEN prev_temp AND key_before IS NOT NULL AND key_before = place_key THEN false
                        ELSE coalesce(rne, '') IN ('S', 'P', 'B', 'T', 'U') AND coalesce(prev_rpc, '') <> 'PLACE' END AS newp
            FROM (
                SELECT *, last_value(CASE WHEN NOT temp THEN place_key END IGNORE NULLS)
                          OVER (PARTITION BY council, child, poc ORDER BY decom ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS key_before
                FROM seq)
            """;

        // A KPI's value is null when the period touches a reporting year the council has no return of its kind for.
        yield return """
            CREATE MACRO covered903(c, s, e) AS
                (SELECT count(*) FROM years903 y WHERE y.council = c AND y.year BETWEEN ryear(s) AND ryear(e)) = ryear(e) - ryear(s) + 1
            """;
        yield return """
            CREATE MACRO coveredcin(c, s, e) AS
                (SELECT count(*) FROM yearscin y WHERE y.council = c AND y.year BETWEEN ryear(s) AND ryear(e)) = ryear(e) - ryear(s) + 1
            """;

        yield return """
            CREATE TABLE at_end AS
            SELECT DISTINCT m.s, m.e, ep.council, ep.child
            FROM months m JOIN ep ON ep.decom <= m.e AND coalesce(ep.dec, DATE '9999-12-31') > m.e
            """;
        yield return """
            CREATE TABLE cla_at_end AS
            SELECT 'cla_at_end' AS kpi, c.council, m.s, m.e, count(a.child)::DOUBLE AS n
            FROM councils c CROSS JOIN months m LEFT JOIN at_end a ON a.council = c.council AND a.e = m.e
            GROUP BY ALL
            """;

        // Of children looked after at the end of the 12 months: those with 3 or more placements in them.
        yield return """
            CREATE TABLE placements AS
            SELECT council, child, e, count(*) FILTER (WHERE newp OR rk = 1) AS n
            FROM (
                SELECT x.council, x.child, m.e, x.newp, row_number() OVER (PARTITION BY x.council, x.child, m.e ORDER BY x.decom) AS rk
                FROM placed x JOIN months m ON x.decom <= m.e AND coalesce(x.dec, DATE '9999-12-31') > m.s12
                WHERE NOT x.temp)
            GROUP BY ALL
            """;
        yield return """
            CREATE TABLE cla_placements AS
            SELECT 'cla_placements_3plus' AS kpi, c.council, m.s12 AS s, m.e,
                   count(a.child) FILTER (WHERE coalesce(p.n, 0) >= 3)::DOUBLE AS num, count(a.child)::DOUBLE AS den
            FROM councils c CROSS JOIN months m
            LEFT JOIN at_end a ON a.council = c.council AND a.e = m.e
            LEFT JOIN placements p ON p.council = a.council AND p.child = a.child AND p.e = a.e
            GROUP BY ALL
            """;

        // Referrals (a later census's version of child + referral date replaces an earlier one's), each with the
        // child's latest referral on an earlier day.
        yield return $"""
            CREATE TABLE ref AS
            SELECT council, child, cindate(referral_date) AS d
            FROM (SELECT *, max(year) OVER (PARTITION BY council, child, referral_date) AS latest
                  FROM read_csv({referrals}, all_varchar = true, header = true))
            WHERE year = latest
            """;
        yield return """
            CREATE TABLE rereferral AS
            SELECT r.council, r.d, p.prev IS NOT NULL AND p.prev >= r.d - INTERVAL 12 MONTH AS within
            FROM ref r JOIN (
                SELECT council, child, d, lag(d) OVER (PARTITION BY council, child ORDER BY d) AS prev
                FROM (SELECT DISTINCT council, child, d FROM ref WHERE d IS NOT NULL)) p
              ON p.council = r.council AND p.child = r.child AND p.d = r.d
            """;
        yield return """
            CREATE TABLE rereferrals AS
            SELECT 'rereferrals_12m' AS kpi, c.council, m.s, m.e,
                   count(r.d) FILTER (WHERE r.within)::DOUBLE AS num, count(r.d)::DOUBLE AS den
            FROM councils c CROSS JOIN months m LEFT JOIN rereferral r ON r.council = c.council AND r.d BETWEEN m.s AND m.e
            GROUP BY ALL
            """;

        // CP plans (merged on child + referral + start, the later census's version kept), each subsequent when the
        // child has a plan starting on an earlier day or NumberOfPreviousCPP > 0.
        yield return $"""
            CREATE TABLE cpp AS
            SELECT council, child, cindate(cpp_start) AS d, TRY_CAST(previous_cpp AS INTEGER) AS previous
            FROM (SELECT *, max(year) OVER (PARTITION BY council, child, referral_date, cpp_start) AS latest
                  FROM read_csv({plans}, all_varchar = true, header = true))
            WHERE year = latest AND cindate(cpp_start) IS NOT NULL
            """;
        yield return """
            CREATE TABLE subsequent AS
            SELECT council, d, min(d) OVER (PARTITION BY council, child) < d OR coalesce(previous, 0) > 0 AS sub FROM cpp
            """;
        yield return """
            CREATE TABLE cpp_subsequent AS
            SELECT 'cpp_subsequent' AS kpi, c.council, m.s, m.e,
                   count(x.d) FILTER (WHERE x.sub)::DOUBLE AS num, count(x.d)::DOUBLE AS den
            FROM councils c CROSS JOIN months m LEFT JOIN subsequent x ON x.council = c.council AND x.d BETWEEN m.s AND m.e
            GROUP BY ALL
            """;

        yield return $"""
            COPY (
                SELECT kpi, council, s AS period_start, e AS period_end, CASE WHEN covered903(council, s, e) THEN n END AS value,
                       NULL AS numerator, NULL AS denominator
                FROM cla_at_end
                UNION ALL
                SELECT kpi, council, s, e,
                       CASE WHEN covered903(council, s, e) AND den > 0 THEN round(num / den * 100, 6) END,
                       CASE WHEN covered903(council, s, e) THEN num END, CASE WHEN covered903(council, s, e) THEN den END
                FROM cla_placements
                UNION ALL
                SELECT kpi, council, s, e,
                       CASE WHEN coveredcin(council, s, e) AND den > 0 THEN round(num / den * 100, 6) END,
                       CASE WHEN coveredcin(council, s, e) THEN num END, CASE WHEN coveredcin(council, s, e) THEN den END
                FROM (SELECT * FROM rereferrals UNION ALL SELECT * FROM cpp_subsequent)
                ORDER BY kpi, council, period_start)
            TO {Quote(output)} (HEADER, DELIMITER ',')
            """;
    }
}
