using Lodestar.Data;
using Lodestar.Data.Returns;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Periods;
using Lodestar.Formats;
using Lodestar.Metrics.Kpis;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Returns;

/// <summary>
/// Every KPI of every council, stored (<c>kpi_results</c>): what the KPI engine computes from a council's confirmed
/// submissions for every month and reporting year its returns cover, written in the transaction that changes
/// them, so the national views read values instead of reading every council's returns (docs/returns.md,
/// "Stored results").
/// </summary>
/// <remarks>
/// <para>The periods: for each return the council has, every reporting year from its earliest collection year to
/// its latest, and within them every calendar month for the KPIs that make sense by month, the twelve months to
/// each month end for those defined over twelve months (cla_placements_3plus), the reporting years alone for
/// those defined for the year to 31 March (docs/kpis.md, "Which periods each KPI makes sense for"). Only the KPIs
/// of the returns the council has are stored.</para>
/// <para>A council's results are replaced whole: its rows deleted and the new ones written in one transaction,
/// with what they were computed from (<c>kpi_result_sets</c>: the council's version, the engine's inputs besides the
/// returns (<see cref="KpiOptions.Inputs"/>: the postcode lookup) and the time; <c>kpi_result_sources</c>: the
/// submissions). A failure part-way rolls the transaction back and leaves the results before it.</para>
/// <para>Results are out of date when the council's version has moved since, or when the host computes with other
/// inputs (a postcode lookup configured, changed or taken away): <see cref="RefreshStaleAsync"/> brings both up to date,
/// and the web app runs it at every start.</para>
/// </remarks>
public static class StoredKpis
{
    /// <summary>The KPIs and periods stored for a council's dataset: one engine call each, a family's sweep each.</summary>
    public static IReadOnlyList<(IReadOnlyList<string> Kpis, IReadOnlyList<Period> Periods)> Plan(KpiDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var plan = new List<(IReadOnlyList<string>, IReadOnlyList<Period>)>();
        foreach (var (source, files) in new[] { (KpiSource.Ssda903, dataset.Cla?.Files), (KpiSource.Cin, dataset.Cin?.Files), (KpiSource.AnnexA, dataset.AnnexA?.Files) })
        {
            var years = (files ?? []).Select(f => f.CollectionYear).Where(y => y > 0).ToList();
            if (years.Count == 0)
            {
                continue;
            }

            var (from, to) = (Period.ReportingYear(years.Min()).Start, Period.ReportingYear(years.Max()).End);
            var reportingYears = Period.Series(PeriodKind.ReportingYear, from, to);
            var kpis = KpiCatalog.All.Where(k => k.Source == source).ToList();
            var monthly = kpis.Where(k => k.PeriodKinds.Contains(PeriodKind.Month)).Select(k => k.Id).ToList();
            var rolling = kpis.Where(k => !k.PeriodKinds.Contains(PeriodKind.Month) && k.PeriodKinds.Contains(PeriodKind.Rolling12)).Select(k => k.Id).ToList();
            var yearly = kpis.Where(k => !k.PeriodKinds.Contains(PeriodKind.Month) && !k.PeriodKinds.Contains(PeriodKind.Rolling12)).Select(k => k.Id).ToList();
            Add(monthly, [.. Period.Series(PeriodKind.Month, from, to), .. reportingYears]);
            // The twelve months to each 31 March are the reporting years.
            Add(rolling, Period.Series(PeriodKind.Rolling12, from, to));
            Add(yearly, reportingYears);
        }

        return plan;

        void Add(IReadOnlyList<string> kpis, IReadOnlyList<Period> periods)
        {
            if (kpis.Count > 0)
            {
                plan.Add((kpis, periods));
            }
        }
    }

    /// <summary>Every result stored for a council's dataset (<see cref="Plan"/>), as the engine gives them.</summary>
    public static IReadOnlyList<KpiResult> Compute(KpiEngine engine, KpiDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(dataset);
        return [.. Plan(dataset).SelectMany(p => engine.Compute(dataset, p.Periods, p.Kpis))];
    }

    /// <summary>The results as stored rows.</summary>
    public static IEnumerable<KpiResultEntity> Rows(string council, IEnumerable<KpiResult> results) =>
        results.Select(r => new KpiResultEntity
        {
            CouncilCode = council,
            Kpi = r.Kpi,
            PeriodStart = r.PeriodStart,
            PeriodEnd = r.PeriodEnd,
            Category = r.Category ?? "",
            Value = r.Value,
            Numerator = r.Numerator,
            Denominator = r.Denominator,
        });

    /// <summary>
    /// In the caller's transaction: reads the council's confirmed submissions as they are in it, computes every
    /// stored result from them and replaces the council's results (none when it has no confirmed submission).
    /// </summary>
    /// <returns>The returns read: the model the results were computed from, for the caller to serve after it commits.</returns>
    public static async Task<LoadResult> RefreshAsync(
        LodestarDbContext db, KpiEngine engine, string council, long version, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrWhiteSpace(council);
        var sources = await db.Set<SubmissionEntity>()
            .Where(s => s.CouncilCode == council && s.Status == SubmissionStatus.Confirmed)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var loaded = await ConfirmedReturns.LoadAsync(db, council, sources, cancellationToken);
        var data = loaded.Councils.SingleOrDefault();
        var results = data is null ? [] : Compute(engine, KpiDataset.Of(data));
        await ReplaceAsync(db, council, version, engine.Options.Inputs, sources, results, at, cancellationToken);
        return loaded;
    }

    /// <summary>
    /// Brings up to date, each in a transaction of its own, the stored results of every council whose version has moved
    /// since they were computed (or that has a version and none stored), or that were computed with other inputs than
    /// <paramref name="engine"/>'s (<see cref="KpiOptions.Inputs"/>: another postcode lookup, or none): after confirmations
    /// that left them for later (<see cref="Submissions.ConfirmAsync(string, long, bool, CancellationToken)"/>), after a
    /// process that died between such a confirmation and this refresh, and after the postcode lookup's setting changed.
    /// </summary>
    /// <returns>The councils refreshed.</returns>
    public static async Task<IReadOnlyList<string>> RefreshStaleAsync(LodestarDbContext db, KpiEngine engine, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(engine);
        var inputs = engine.Options.Inputs;
        var stale = await db.Set<CouncilVersionEntity>()
            .Where(v => !db.Set<KpiResultSetEntity>().Any(r => r.CouncilCode == v.CouncilCode && r.Version == v.Version && r.Inputs == inputs))
            // A council with nothing confirmed and nothing stored is as it should be: no results.
            .Where(v => db.Set<KpiResultSetEntity>().Any(r => r.CouncilCode == v.CouncilCode)
                || db.Set<SubmissionEntity>().Any(s => s.CouncilCode == v.CouncilCode && s.Status == SubmissionStatus.Confirmed))
            .Select(v => v.CouncilCode)
            .OrderBy(c => c)
            .ToListAsync(cancellationToken);
        foreach (var council in stale)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Read in the transaction: the version the results are computed at is the one they are of.
            var version = await db.Set<CouncilVersionEntity>().Where(v => v.CouncilCode == council).Select(v => v.Version).SingleAsync(cancellationToken);
            _ = await RefreshAsync(db, engine, council, version, at, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return stale;
    }

    /// <summary>
    /// In the caller's transaction: deletes the council's stored results and writes these, with what they came from: the
    /// council's <paramref name="version"/>, the engine's <paramref name="inputs"/> (<see cref="KpiOptions.Inputs"/>) and the
    /// submissions.
    /// </summary>
    public static async Task ReplaceAsync(
        LodestarDbContext db, string council, long version, string inputs, IReadOnlyCollection<long> sources, IReadOnlyList<KpiResult> results, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(council);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(results);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A council's results are replaced inside the transaction that changes its submissions.");
        }

        await db.Set<KpiResultEntity>().Where(r => r.CouncilCode == council).ExecuteDeleteAsync(cancellationToken);
        await db.Set<KpiResultSourceEntity>().Where(r => r.CouncilCode == council).ExecuteDeleteAsync(cancellationToken);
        await db.Set<KpiResultSetEntity>().Where(r => r.CouncilCode == council).ExecuteDeleteAsync(cancellationToken);
        if (sources.Count == 0)
        {
            return;
        }

        await BulkInsert.WriteAsync(db, [new KpiResultSetEntity { CouncilCode = council, Version = version, Inputs = inputs, ComputedAt = at, Results = results.Count }], cancellationToken);
        await BulkInsert.WriteAsync(db, sources.Order().Select(id => new KpiResultSourceEntity { CouncilCode = council, SubmissionId = id }), cancellationToken);
        // In key order: each row goes next to the one before in the key's index, not anywhere in it.
        await BulkInsert.WriteAsync(
            db,
            Rows(council, results).OrderBy(r => r.Kpi, StringComparer.Ordinal).ThenBy(r => r.PeriodStart).ThenBy(r => r.PeriodEnd).ThenBy(r => r.Category, StringComparer.Ordinal),
            cancellationToken);
    }

    /// <summary>
    /// Stored results of these KPIs for these periods (matched by their first and last day), of one council or,
    /// with <paramref name="council"/> null, of every council; in council, KPI, period and category order.
    /// </summary>
    public static async Task<IReadOnlyList<KpiResult>> ReadAsync(
        LodestarDbContext db, string? council, IReadOnlyCollection<string> kpis, IReadOnlyCollection<Period> periods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(periods);
        var ids = kpis.Distinct(StringComparer.Ordinal).ToList();
        var ends = periods.Select(p => p.End).Distinct().ToList();
        var wanted = periods.Select(p => (p.Start, p.End)).ToHashSet();
        var query = db.Set<KpiResultEntity>().AsNoTracking().Where(r => ids.Contains(r.Kpi) && ends.Contains(r.PeriodEnd));
        if (council is not null)
        {
            query = query.Where(r => r.CouncilCode == council);
        }

        var rows = await query.ToListAsync(cancellationToken);
        return [.. rows
            .Where(r => wanted.Contains((r.PeriodStart, r.PeriodEnd)))
            .OrderBy(r => r.CouncilCode, StringComparer.Ordinal).ThenBy(r => r.Kpi, StringComparer.Ordinal).ThenBy(r => r.PeriodStart).ThenBy(r => r.PeriodEnd).ThenBy(r => r.Category, StringComparer.Ordinal)
            .Select(r => new KpiResult(
                r.Kpi, r.CouncilCode, r.PeriodStart, r.PeriodEnd, r.Value, r.Numerator, r.Denominator,
                KpiCatalog.Find(r.Kpi)?.Unit ?? MeasureUnit.Count, r.Category.Length == 0 ? null : r.Category))];
    }

    /// <summary>What a council's stored results were computed from; null when none are stored.</summary>
    public static async Task<(long Version, DateTimeOffset ComputedAt, int Results, IReadOnlyList<long> Submissions)?> SourceAsync(
        LodestarDbContext db, string council, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = await db.Set<KpiResultSetEntity>().AsNoTracking().SingleOrDefaultAsync(s => s.CouncilCode == council, cancellationToken);
        if (set is null)
        {
            return null;
        }

        var submissions = await db.Set<KpiResultSourceEntity>().Where(s => s.CouncilCode == council).Select(s => s.SubmissionId).OrderBy(id => id).ToListAsync(cancellationToken);
        return (set.Version, set.ComputedAt, set.Results, submissions);
    }
}
