using Lodestar.Data;
using Lodestar.Data.Returns;
using Lodestar.Domain.Returns;
using Lodestar.Formats;
using Lodestar.Formats.Text;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Returns;

/// <summary>
/// A council's returns as its confirmed submissions hold them: each submission's stored files read back
/// with its collection year, all of them merged into one dataset per return (a later year's record
/// replaces the same record of an earlier year, as for a folder of years).
/// </summary>
public static class ConfirmedReturns
{
    /// <summary>Reads one council's confirmed submissions (no council in the result when it has none).</summary>
    public static Task<LoadResult> LoadAsync(LodestarDbContext db, string council, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(council);
        return LoadWhereAsync(db, council, s => s.Status == SubmissionStatus.Confirmed, cancellationToken);
    }

    /// <summary>
    /// Reads these submissions of one council as if they were its confirmed ones: what its model would be
    /// with a submission confirmed or rolled back (the headline KPIs before and after, <see cref="HeadlineKpis"/>).
    /// </summary>
    public static Task<LoadResult> LoadAsync(LodestarDbContext db, string council, IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(council);
        ArgumentNullException.ThrowIfNull(submissionIds);
        return LoadWhereAsync(db, council, s => submissionIds.Contains(s.Id), cancellationToken);
    }

    /// <summary>As <see cref="LoadAsync(LodestarDbContext, string, IReadOnlyCollection{long}, CancellationToken)"/>, of these submissions only those of one return.</summary>
    public static Task<LoadResult> LoadAsync(
        LodestarDbContext db, string council, IReadOnlyCollection<long> submissionIds, StatutoryReturn only, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(council);
        ArgumentNullException.ThrowIfNull(submissionIds);
        return LoadWhereAsync(db, council, s => submissionIds.Contains(s.Id) && s.Return == only, cancellationToken);
    }

    private static async Task<LoadResult> LoadWhereAsync(LodestarDbContext db, string council, System.Linq.Expressions.Expression<Func<SubmissionEntity, bool>> which, CancellationToken cancellationToken)
    {
        var submissions = await db.Set<SubmissionEntity>()
            .Where(s => s.CouncilCode == council)
            .Where(which)
            .OrderBy(s => s.Return).ThenBy(s => s.CollectionYear)
            .Select(s => new { s.CollectionYear, Files = s.Files.OrderBy(f => f.Position).Select(f => new { f.Name, f.Content }).ToList() })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        // The files were read when checked: no size limit refuses them now. Nor are they validated again, so the 903 records
        // a later year replaced are not kept (Ssda903Data.Replaced is for the rules across years).
        return StatutoryDataLoader.Load(
            council,
            submissions.Select(s => new InputYear(s.CollectionYear, [.. s.Files.Select(f => new InputFile(f.Name, f.Content))])),
            new ReadLimits(long.MaxValue),
            keepReplaced: false);
    }

    /// <summary>Every council's version of its confirmed returns (<c>council_versions</c>): one small table, read whole.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> VersionsAsync(LodestarDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<CouncilVersionEntity>().AsNoTracking().ToDictionaryAsync(v => v.CouncilCode, v => v.Version, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>
    /// Rebuilds the model of each council whose version in the database is not the one its model in the
    /// store was built from (every council with a confirmed submission or a version, when the store is new).
    /// </summary>
    /// <returns>The councils rebuilt.</returns>
    public static async Task<int> RefreshChangedAsync(LodestarDbContext db, StatutoryDataStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        // Versions first, returns after: a model is never recorded as newer than what it was loaded from.
        var versions = await VersionsAsync(db, cancellationToken);
        var refreshed = 0;
        foreach (var (council, version) in versions.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (store.VersionOf(council) != version && await store.RefreshAsync(council, version, ct => LoadAsync(db, council, ct), cancellationToken))
            {
                refreshed++;
            }
        }

        return refreshed;
    }

    /// <summary>Builds every council's model that has a confirmed submission into the store, one council at a time.</summary>
    /// <returns>The councils loaded.</returns>
    public static async Task<int> LoadAllAsync(LodestarDbContext db, StatutoryDataStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var versions = await VersionsAsync(db, cancellationToken);
        var councils = await db.Set<SubmissionEntity>()
            .Where(s => s.Status == SubmissionStatus.Confirmed)
            .Select(s => s.CouncilCode)
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var council in councils.Union(versions.Keys).Order(StringComparer.Ordinal))
        {
            // A council confirmed before versions were kept counts as version 0.
            await store.RefreshAsync(council, versions.GetValueOrDefault(council), ct => LoadAsync(db, council, ct), cancellationToken);
        }

        return councils.Count;
    }
}
