using System.Threading.Channels;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Returns;
using Lodestar.Formats;
using Lodestar.Formats.Text;
using Lodestar.Formats.Validation;
using Lodestar.Metrics.Kpis;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Returns;

/// <summary>What a bulk load stored.</summary>
/// <param name="Councils">Councils loaded.</param>
/// <param name="Submissions">Submissions stored, each checked and confirmed.</param>
/// <param name="Files">Files stored.</param>
/// <param name="Bytes">Their size.</param>
/// <param name="Errors">Data-quality errors found by checking them.</param>
/// <param name="Warnings">Warnings found.</param>
/// <param name="Results">KPI results stored.</param>
public sealed record BulkLoadSummary(int Councils, int Submissions, int Files, long Bytes, int Errors, int Warnings, long Results);

/// <summary>
/// Many councils' returns taken in at once (a region's or the country's folders, as <c>lodestar generate</c> writes
/// them: one folder per council code): each council's files grouped by return and collection year, each group
/// checked exactly as <see cref="Submissions.CheckAsync"/> checks an upload and stored confirmed, and every KPI of
/// every council computed and stored (<see cref="StoredKpis"/>) — all in one transaction, written with
/// <see cref="BulkInsert"/> (binary COPY on PostgreSQL). All or nothing: a file that cannot be read, a group that a
/// submission would refuse, or a failure while writing leaves the database as it was (docs/returns.md, "Bulk load").
/// </summary>
/// <remarks>
/// <para>Councils are read, checked and computed on <see cref="Workers"/> threads while one writer stores each as it
/// is done, so at most a few councils' files are held at once. Only councils with no confirmed submission are
/// taken: a bulk load starts a council's history, later returns come one at a time through <see cref="Submissions"/>.</para>
/// <para>A submission stored this way is one a person confirmed without reading it, as a folder import's are
/// (<see cref="ReturnsFolderImport"/>): checked and confirmed by the actor at the same moment, one audit entry
/// each; no headline KPIs are recorded, as there is no "before".</para>
/// </remarks>
public sealed class BulkLoad(LodestarDbContext db, TimeProvider clock, KpiEngine engine, ReadLimits? limits = null)
{
    /// <summary>The reference lists some 903 rules need (docs/validation.md), or null: those rules are stored as not run.</summary>
    public ValidationReferences? References { get; init; }

    /// <summary>How many councils are read and computed at once (default: one per processor).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Loads the councils the paths hold (files, or folders searched recursively), or refuses them whole.</summary>
    /// <param name="actor">Who loads, in the audit log and as each submission's checker and confirmer.</param>
    /// <param name="paths">The files and folders: a council's files under a folder named by its code.</param>
    /// <param name="progress">Told each council's code once it is written.</param>
    /// <param name="cancellationToken">Cancels the load (nothing is stored).</param>
    public async Task<Result<BulkLoadSummary>> LoadAsync(string actor, IReadOnlyList<string> paths, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(paths);
        var (grouped, missing) = StatutoryDataLoader.GroupByCouncil(paths);
        if (missing.Count > 0)
        {
            return Result.Failure<BulkLoadSummary>(missing);
        }

        var councils = grouped.Where(g => g.Council != StatutoryDataLoader.UnknownCouncil).ToList();
        var refused = new List<Problem>();
        if (grouped.FirstOrDefault(g => g.Council == StatutoryDataLoader.UnknownCouncil).Files is { } loose)
        {
            // Beside the councils' folders only DfE statistics (population.csv) and reference lists (reference/generated-*.csv) may lie: anything else belongs to no council.
            var read = StatutoryDataLoader.Load(loose, new LoadOptions { ReadCin = false, ReadSsda903 = false });
            refused.AddRange(loose.Where(f => !read.Skipped.Contains(f, StringComparer.Ordinal))
                .Select(f => Problem.InFile(f, "not in a folder named by a council's code: a bulk load reads each council's files from its own folder")));
        }

        var codes = councils.Select(c => c.Council).ToList();
        var known = await db.Councils.Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToListAsync(cancellationToken);
        refused.AddRange(codes.Except(known, StringComparer.Ordinal).Select(c => new Problem($"unknown council '{c}'")));
        var started = await db.Set<SubmissionEntity>().Where(s => codes.Contains(s.CouncilCode) && s.Status == SubmissionStatus.Confirmed)
            .Select(s => s.CouncilCode).Distinct().ToListAsync(cancellationToken);
        refused.AddRange(started.Order(StringComparer.Ordinal).Select(c => new Problem(
            $"{c} has confirmed submissions already: a bulk load starts a council's returns; send later ones one at a time (lodestar returns import)")));
        if (councils.Count == 0)
        {
            refused.Add(new Problem("no council's files in the paths: a bulk load reads folders named by council codes (e.g. DATA/E10000003/...)"));
        }

        if (refused.Count > 0)
        {
            return Result.Failure<BulkLoadSummary>(refused);
        }

        var at = clock.GetUtcNow();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = Channel.CreateBounded<Result<CouncilLoad>>(Math.Max(1, Workers));
        var readers = Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(councils, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Workers), CancellationToken = stop.Token }, async (council, c) =>
                        await done.Writer.WriteAsync(await PrepareCouncilAsync(council.Council, council.Files), c));
                    done.Writer.Complete();
                }
                catch (Exception e)
                {
                    done.Writer.Complete(e);
                }
            },
            CancellationToken.None);

        var summary = new BulkLoadSummary(0, 0, 0, 0, 0, 0, 0);
        var sqlite = db.Database.IsSqlite();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(stop.Token);
            if (sqlite)
            {
                // SQLite's page cache is 2 MB by default: the results' indexes, which every council writes into, soon
                // outgrow it and each row costs page reads. 256 MB for this connection while it loads.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", stop.Token);
            }

            await foreach (var council in done.Reader.ReadAllAsync(stop.Token))
            {
                if (!council.Succeeded)
                {
                    await stop.CancelAsync();
                    return Result.Failure<BulkLoadSummary>(council.Problems);
                }

                summary = Add(summary, await WriteCouncilAsync(actor, at, council.Value, stop.Token));
                progress?.Report(council.Value.Council);
            }

            await transaction.CommitAsync(cancellationToken);
            return Result.Success(summary);
        }
        finally
        {
            await stop.CancelAsync();
            await readers;
            db.ChangeTracker.Clear();
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
            }
        }
    }

    // Reads each of the council's files once (StatutoryDataLoader.ReadCouncil): from that one reading, each return and year is
    // checked as an upload of its files (in name order) is checked, and every year merged gives the model the KPIs are computed from.
    private async Task<Result<CouncilLoad>> PrepareCouncilAsync(string council, IReadOnlyList<string> paths)
    {
        var read = StatutoryDataLoader.ReadCouncil(council, paths, limits);
        if (read.Refusals.Count > 0)
        {
            return Result.Failure<CouncilLoad>(read.Refusals);
        }

        if (read.Years.Count == 0)
        {
            return Result.Failure<CouncilLoad>(new Problem($"{council}: no return files"));
        }

        var groups = read.Years.ToDictionary(y => (Return: y.Return, y.CollectionYear));
        var prepared = new List<PreparedSubmission>();
        foreach (var ((kind, year), group) in groups)
        {
            var files = group.Files;
            var twice = files.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (twice.Count > 0)
            {
                return Result.Failure<CouncilLoad>(twice.Select(name => new Problem(
                    $"{council} {kind.Label()} {year}: two files are named {name}: a submission's files need different names")));
            }

            // Last year's return is the one this load confirms just before (earlier years first), as when a council sends them in order.
            var check = await Submissions.PrepareAsync(
                council,
                files,
                year == 0 ? null : year,
                References,
                (r, y) => Task.FromResult(groups.GetValueOrDefault((r, y))?.Files),
                () => read.Load(group),
                (y, _) => read.LoadWithPrevious(group, groups[(kind, y - 1)], Submissions.PreviousPrefix));
            if (!check.Succeeded)
            {
                return Result.Failure<CouncilLoad>(check.Problems.Select(p => p with { Message = $"{council} {kind.Label()} {year}: {p.Message}" }));
            }

            prepared.Add(check.Value);
        }

        var data = read.Merged(keepReplaced: false) ?? throw new InvalidOperationException($"{council}: its returns were checked but give no data.");
        return Result.Success(new CouncilLoad(council, prepared, StoredKpis.Compute(engine, KpiDataset.Of(data))));
    }

    private async Task<BulkLoadSummary> WriteCouncilAsync(string actor, DateTimeOffset at, CouncilLoad council, CancellationToken cancellationToken)
    {
        var submissions = council.Submissions.Select(p => p.Entity(actor, at)).ToList();
        var ids = await BulkInsert.ReserveIdsAsync<SubmissionEntity>(db, submissions.Count, cancellationToken);
        var fileIds = new Queue<long>(await BulkInsert.ReserveIdsAsync<SubmissionFileEntity>(db, submissions.Sum(s => s.Files.Count), cancellationToken));
        var findingIds = new Queue<long>(await BulkInsert.ReserveIdsAsync<SubmissionFindingEntity>(db, submissions.Sum(s => s.Findings.Count), cancellationToken));
        var auditIds = await BulkInsert.ReserveIdsAsync<AuditEventEntity>(db, submissions.Count, cancellationToken);
        for (var i = 0; i < submissions.Count; i++)
        {
            var s = submissions[i];
            (s.Id, s.Status, s.ConfirmedBy, s.ConfirmedAt) = (ids[i], SubmissionStatus.Confirmed, actor, at);
            s.Files.ForEach(f => (f.Id, f.SubmissionId) = (fileIds.Dequeue(), s.Id));
            s.Findings.ForEach(f => (f.Id, f.SubmissionId) = (findingIds.Dequeue(), s.Id));
            s.Tables.ForEach(t => t.SubmissionId = s.Id);
            s.RulesNotRun.ForEach(n => n.SubmissionId = s.Id);
        }

        await BulkInsert.WriteAsync(db, submissions, cancellationToken);
        await BulkInsert.WriteAsync(db, submissions.SelectMany(s => s.Files), cancellationToken);
        await BulkInsert.WriteAsync(db, submissions.SelectMany(s => s.Tables), cancellationToken);
        await BulkInsert.WriteAsync(db, submissions.SelectMany(s => s.Findings), cancellationToken);
        await BulkInsert.WriteAsync(db, submissions.SelectMany(s => s.RulesNotRun), cancellationToken);
        await BulkInsert.WriteAsync(
            db,
            submissions.Select((s, i) => new AuditEventEntity
            {
                Id = auditIds[i],
                At = at,
                Actor = actor,
                Action = AuditActions.Import,
                Subject = Submissions.Subject(s),
                Details = $"checked and confirmed by a bulk load: {s.Files.Count} files, {s.Errors} errors, {s.Warnings} warnings",
            }),
            cancellationToken);

        // The council's version moves, as with every confirmation: each process's model of it is stale.
        var versions = db.Set<CouncilVersionEntity>();
        if (await versions.Where(v => v.CouncilCode == council.Council).ExecuteUpdateAsync(v => v.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken) == 0)
        {
            await BulkInsert.WriteAsync(db, [new CouncilVersionEntity { CouncilCode = council.Council, Version = 1 }], cancellationToken);
        }

        var version = await versions.Where(v => v.CouncilCode == council.Council).Select(v => v.Version).SingleAsync(cancellationToken);
        await StoredKpis.ReplaceAsync(db, council.Council, version, engine.Options.Inputs, ids, council.Results, at, cancellationToken);
        return new BulkLoadSummary(
            1, submissions.Count, submissions.Sum(s => s.Files.Count), submissions.Sum(s => s.Files.Sum(f => f.Size)),
            submissions.Sum(s => s.Errors), submissions.Sum(s => s.Warnings), council.Results.Count);
    }

    private static BulkLoadSummary Add(BulkLoadSummary a, BulkLoadSummary b) => new(
        a.Councils + b.Councils, a.Submissions + b.Submissions, a.Files + b.Files, a.Bytes + b.Bytes, a.Errors + b.Errors, a.Warnings + b.Warnings, a.Results + b.Results);

    /// <summary>One council read, checked and computed, waiting to be written.</summary>
    private sealed record CouncilLoad(string Council, IReadOnlyList<PreparedSubmission> Submissions, IReadOnlyList<KpiResult> Results);
}
