using System.Data.Common;
using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lodestar.Data.Benchmarks;

/// <summary>Figures stored per measure by one import.</summary>
public sealed record BenchmarkImportCount(string MeasureId, int Figures, int Suppressed, IReadOnlyList<int> Years);

/// <summary>
/// Stores the DfE benchmarks and answers comparisons from them. Used by the CLI and the web app alike.
/// </summary>
public sealed class BenchmarkStore(LodestarDbContext db)
{
    /// <summary>
    /// Stores an import, all or nothing, in one transaction. Each measure-year in the import replaces the
    /// rows stored for that measure-year; a statistical neighbour model, when the import has one, replaces
    /// the stored model; measures are added or updated.
    /// </summary>
    public async Task<IReadOnlyList<BenchmarkImportCount>> ImportAsync(BenchmarkImport import, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(import);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var measureIds = import.Measures.Select(m => m.Id).ToArray();
            var stored = await db.Set<BenchmarkMeasureEntity>().Where(m => measureIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
            foreach (var measure in import.Measures)
            {
                if (stored.TryGetValue(measure.Id, out var record))
                {
                    record.Title = measure.Title;
                    record.Unit = measure.Unit;
                    record.Polarity = measure.Polarity;
                    record.Source = measure.Source;
                    db.Entry(record).State = EntityState.Modified;
                }
                else
                {
                    db.Add(new BenchmarkMeasureEntity { Id = measure.Id, Title = measure.Title, Unit = measure.Unit, Polarity = measure.Polarity, Source = measure.Source });
                }
            }

            var counts = new List<BenchmarkImportCount>();
            foreach (var group in import.Observations.GroupBy(o => o.MeasureId, StringComparer.Ordinal))
            {
                var years = group.Select(o => o.Year).Distinct().Order().ToArray();
                await db.Set<BenchmarkValueEntity>()
                    .Where(v => v.MeasureId == group.Key && years.Contains(v.Year))
                    .ExecuteDeleteAsync(cancellationToken);
                counts.Add(new BenchmarkImportCount(group.Key, group.Count(), group.Count(o => o.Value.IsSuppressed), years));
            }

            if (import.Neighbours.Count > 0)
            {
                await db.Set<StatisticalNeighbourEntity>().ExecuteDeleteAsync(cancellationToken);
                db.AddRange(import.Neighbours.Select(n => new StatisticalNeighbourEntity
                {
                    CouncilCode = n.CouncilCode,
                    Position = n.Position,
                    NeighbourCode = n.NeighbourCode,
                    Closeness = n.Closeness,
                }));
            }

            await db.SaveChangesAsync(cancellationToken);
            await InsertValuesAsync(import.Observations, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return counts;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    /// <summary>
    /// Inserts the figures with multi-row INSERTs on the import's transaction: a full import is some
    /// 47,000 rows, which EF Core's change tracking would make several times slower. Table and column
    /// names come from the EF model, so the mapping stays defined once.
    /// </summary>
    private async Task InsertValuesAsync(IReadOnlyList<BenchmarkObservation> observations, CancellationToken cancellationToken)
    {
        const int RowsPerCommand = 200;
        var entity = db.Model.FindEntityType(typeof(BenchmarkValueEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string[] properties =
        [
            nameof(BenchmarkValueEntity.MeasureId), nameof(BenchmarkValueEntity.Year), nameof(BenchmarkValueEntity.Level),
            nameof(BenchmarkValueEntity.AreaCode), nameof(BenchmarkValueEntity.AreaName), nameof(BenchmarkValueEntity.RegionCode),
            nameof(BenchmarkValueEntity.Value), nameof(BenchmarkValueEntity.Suppression), nameof(BenchmarkValueEntity.SourceFile),
        ];
        var columns = string.Join(", ", properties.Select(p => $"\"{entity.FindProperty(p)!.GetColumnName(table)}\""));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < observations.Count; start += RowsPerCommand)
            {
                var rows = Math.Min(RowsPerCommand, observations.Count - start);
                DbCommand command;
                if (rows == RowsPerCommand && full is not null)
                {
                    command = full;
                }
                else
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    var values = Enumerable.Range(0, rows).Select(r =>
                        $"({string.Join(", ", properties.Select((_, c) => $"@p{(r * properties.Length) + c}"))})");
                    command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES {string.Join(", ", values)}";
                    for (var i = 0; i < rows * properties.Length; i++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = $"@p{i}";
                        command.Parameters.Add(parameter);
                    }

                    if (rows == RowsPerCommand)
                    {
                        full = command;
                    }
                }

                for (var r = 0; r < rows; r++)
                {
                    var o = observations[start + r];
                    var p = r * properties.Length;
                    command.Parameters[p].Value = o.MeasureId;
                    command.Parameters[p + 1].Value = o.Year;
                    command.Parameters[p + 2].Value = o.Level.ToString();
                    command.Parameters[p + 3].Value = o.AreaCode;
                    command.Parameters[p + 4].Value = o.AreaName;
                    command.Parameters[p + 5].Value = (object?)o.RegionCode ?? DBNull.Value;
                    command.Parameters[p + 6].Value = (object?)o.Value.Number ?? DBNull.Value;
                    command.Parameters[p + 7].Value = (object?)o.Value.Suppression ?? DBNull.Value;
                    command.Parameters[p + 8].Value = o.SourceFile;
                }

                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (DbException e)
                {
                    // The same exception EF Core's SaveChanges gives, so callers handle one kind.
                    throw new DbUpdateException($"The database refused the benchmark figures: {e.Message}", e);
                }
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    public async Task<BenchmarkMeasure?> FindMeasureAsync(string measureId, CancellationToken cancellationToken) =>
        (await db.Set<BenchmarkMeasureEntity>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken))?.ToMeasure();

    /// <summary>Every area's figure for one measure and year.</summary>
    public async Task<IReadOnlyList<BenchmarkObservation>> FiguresAsync(string measureId, int year, CancellationToken cancellationToken) =>
        (await db.Set<BenchmarkValueEntity>().AsNoTracking()
            .Where(v => v.MeasureId == measureId && v.Year == year)
            .ToListAsync(cancellationToken))
        .Select(v => v.ToObservation())
        .ToArray();

    /// <summary>The years stored for a measure, earliest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string measureId, CancellationToken cancellationToken) =>
        await db.Set<BenchmarkValueEntity>().Where(v => v.MeasureId == measureId).Select(v => v.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<StatisticalNeighbour>> NeighboursAsync(string councilCode, CancellationToken cancellationToken) =>
        (await db.Set<StatisticalNeighbourEntity>().AsNoTracking()
            .Where(n => n.CouncilCode == councilCode)
            .OrderBy(n => n.Position)
            .ToListAsync(cancellationToken))
        .Select(n => n.ToNeighbour())
        .ToArray();

    /// <summary>
    /// Compares a council (old_la_code; <see cref="CouncilList.Find"/> gives it from a code, for former
    /// councils too) with England, its region, its statistical neighbours and all councils, by the stored
    /// measure's polarity. Null when the measure is not stored.
    /// </summary>
    public Task<BenchmarkComparison?> CompareAsync(string councilCode, string measureId, int year, CancellationToken cancellationToken) =>
        CompareAsync(councilCode, measureId, year, null, cancellationToken);

    /// <summary>
    /// As <see cref="CompareAsync(string, string, int, Polarity?, CancellationToken)"/> for many measures at
    /// once (a scorecard's): three queries in all — the stored measures, every figure for them in the year,
    /// the council's neighbours — rather than three per measure. Measures not stored are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, BenchmarkComparison>> CompareAllAsync(
        string councilCode,
        IReadOnlyCollection<(string MeasureId, Polarity? Polarity)> wanted,
        int year,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var ids = wanted.Select(w => w.MeasureId).Distinct(StringComparer.Ordinal).ToList();
        var comparisons = new Dictionary<string, BenchmarkComparison>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return comparisons;
        }

        var stored = (await db.Set<BenchmarkMeasureEntity>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken))
            .ToDictionary(m => m.Id, m => m.ToMeasure(), StringComparer.Ordinal);
        if (stored.Count == 0)
        {
            return comparisons;
        }

        var storedIds = stored.Keys.ToList();
        var figures = (await db.Set<BenchmarkValueEntity>().AsNoTracking()
                .Where(v => storedIds.Contains(v.MeasureId) && v.Year == year)
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.MeasureId, v => v.ToObservation(), StringComparer.Ordinal);
        var neighbours = await NeighboursAsync(councilCode, cancellationToken);
        foreach (var (measureId, polarity) in wanted)
        {
            if (!comparisons.ContainsKey(measureId) && stored.TryGetValue(measureId, out var measure))
            {
                var comparison = BenchmarkCalculator.Compare(measureId, year, polarity ?? measure.Polarity, [.. figures[measureId]], councilCode, neighbours);
                comparisons[measureId] = Named(comparison);
            }
        }

        return comparisons;
    }

    /// <summary>
    /// As <see cref="CompareAsync(string, string, int, CancellationToken)"/>; <paramref name="polarity"/>,
    /// when given, overrides the stored measure's (e.g. a framework measure's own polarity).
    /// </summary>
    public async Task<BenchmarkComparison?> CompareAsync(
        string councilCode,
        string measureId,
        int year,
        Polarity? polarity,
        CancellationToken cancellationToken)
    {
        var measure = await FindMeasureAsync(measureId, cancellationToken);
        if (measure is null)
        {
            return null;
        }

        var figures = await FiguresAsync(measureId, year, cancellationToken);
        var neighbours = await NeighboursAsync(councilCode, cancellationToken);
        return Named(BenchmarkCalculator.Compare(measureId, year, polarity ?? measure.Polarity, figures, councilCode, neighbours));
    }

    private static BenchmarkComparison Named(BenchmarkComparison comparison)
    {
        // A neighbour with no row in this file (e.g. a national-only measure) still has a name.
        if (comparison.Neighbours.Neighbours.All(n => n.Name is not null))
        {
            return comparison;
        }

        return comparison with
        {
            Neighbours = comparison.Neighbours with
            {
                Neighbours = comparison.Neighbours.Neighbours
                    .Select(n => n.Name is null && CouncilList.Find(n.Code) is { } council ? n with { Name = council.Name } : n)
                    .ToArray(),
            },
        };
    }
}
