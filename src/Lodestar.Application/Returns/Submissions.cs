using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Returns;
using Lodestar.Formats;
using Lodestar.Formats.Ssda903;
using Lodestar.Formats.Text;
using Lodestar.Formats.Validation;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Records;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Returns;

/// <summary>A file of a submission as the history shows it: no bytes, its checksum.</summary>
public sealed record SubmittedFile(string Name, string Kind, long Size, string Sha256);

/// <summary>A submission as the history shows it: what, whose, when, its files, rows per table, finding counts and status.</summary>
public sealed record SubmissionSummary(
    long Id,
    string Council,
    StatutoryReturn Return,
    int CollectionYear,
    SubmissionStatus Status,
    string CheckedBy,
    DateTimeOffset CheckedAt,
    string? ConfirmedBy,
    DateTimeOffset? ConfirmedAt,
    long? SupersededId,
    int Errors,
    int Warnings,
    IReadOnlyList<SubmittedFile> Files,
    IReadOnlyDictionary<string, int> Rows)
{
    /// <summary>The rules that could not run on it (e.g. 205B without last year's return), and why: neither errors nor warnings, and not passes.</summary>
    public IReadOnlyList<RuleNotRun> NotRun { get; init; } = [];
}

/// <summary>A checked submission and its validation findings, for the user to read before confirming.</summary>
public sealed record SubmissionCheck(SubmissionSummary Submission, IReadOnlyList<Problem> Findings);

/// <summary>
/// A council's statutory returns, submitted to Lodestar: checked (read, validated and stored with its
/// files and findings), then confirmed, which supersedes the confirmed submission for the same council,
/// return and year, or rolled back, which confirms the one it superseded again. Every step is one
/// transaction together with its audit entry. A file that cannot be read refuses the whole upload and
/// nothing is stored. One upload is one submission: one return (SSDA903 or CIN census) and one
/// collection year; a mixture is refused, naming what it holds (docs/returns.md).
/// </summary>
/// <param name="db">The database.</param>
/// <param name="audit">The audit log every step writes to.</param>
/// <param name="clock">When each step happened.</param>
/// <param name="limits">The largest file accepted; null: <see cref="ReadLimits.Default"/>.</param>
/// <param name="model">
/// The KPI engine's model this process serves (the web app's): after a confirmation or roll-back the
/// council's model is rebuilt from its confirmed submissions and swapped in. Null: no model to refresh
/// (a command that only stores).
/// </param>
/// <param name="references">
/// The reference lists some 903 rules need (a postcode lookup, Ofsted's providers); null: none, and those rules are stored
/// as not run (docs/validation.md, "Issue 12, reference lists").
/// </param>
/// <param name="engine">
/// The engine the stored results (<see cref="StoredKpis"/>) and headline KPIs are computed with, when there is no
/// <paramref name="model"/> (whose engine is used): the command line's, with the web app's population estimates.
/// Null with no model: an engine without population, whose rates per 10,000 have no value.
/// </param>
public sealed class Submissions(
    LodestarDbContext db,
    AuditLog audit,
    TimeProvider clock,
    ReadLimits? limits = null,
    StatutoryDataStore? model = null,
    ValidationReferences? references = null,
    KpiEngine? engine = null)
{
    // The submissions last read for each return's headline KPIs: confirming a council's years one after another reads each set once.
    private readonly HeadlineKpis.SubmissionSets _sets = new();

    /// <summary>
    /// Reads and validates the files of one upload and stores them as a checked submission, or refuses
    /// them whole (nothing stored) with the problems that say why.
    /// </summary>
    /// <param name="actor">Who submits.</param>
    /// <param name="council">The council's code, e.g. E10000003.</param>
    /// <param name="files">The files as uploaded: names without folders, bytes as received.</param>
    /// <param name="collectionYear">The collection year of the 903 files; null: from the file names, else from the dates.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<Result<SubmissionCheck>> CheckAsync(string actor, string council, IReadOnlyList<InputFile> files, int? collectionYear = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(council);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Any(f => string.IsNullOrWhiteSpace(f.Name) || Path.GetFileName(f.Name) != f.Name || f.Name.Contains('\\', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Each file is named by its file name alone, without folders: the host strips them.", nameof(files));
        }

        if (files.Count == 0)
        {
            return Result.Failure<SubmissionCheck>(new Problem("no files: a submission is one or more return files"));
        }

        // A zip is its files: they are what is read, stored and named in findings.
        var unzipped = ZipUploads.Expand(files, limits);
        if (!unzipped.Succeeded)
        {
            return Result.Failure<SubmissionCheck>(unzipped.Problems);
        }

        files = unzipped.Value;

        var twice = files.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            return Result.Failure<SubmissionCheck>(twice.Select(name => Problem.InFile(name, "two files have this name: a submission's files need different names")));
        }

        if (!await db.Councils.AnyAsync(c => c.Code == council, cancellationToken))
        {
            return Result.Failure<SubmissionCheck>(new Problem($"unknown council '{council}'"));
        }

        var prepared = await PrepareAsync(council, files, collectionYear, limits, references, (kind, year) => ConfirmedFilesAsync(council, kind, year, cancellationToken));
        if (!prepared.Succeeded)
        {
            return Result.Failure<SubmissionCheck>(prepared.Problems);
        }

        var findings = prepared.Value.Findings;
        var submission = prepared.Value.Entity(actor, clock.GetUtcNow());

        // The audit entry names the submission, whose id the database gives: two saves, one transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Add(submission);
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(actor, AuditActions.Import, Subject(submission), $"checked: {files.Count} files, {submission.Errors} errors, {submission.Warnings} warnings");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return Result.Success(new SubmissionCheck(await SummaryAsync(submission.Id, cancellationToken), findings));
    }

    /// <summary>
    /// What checking an upload finds, before anything is stored: its return and collection year, the rows read per
    /// table, the findings and the rules that could not run; or why it is refused. Shared by <see cref="CheckAsync"/>
    /// and the bulk load (<see cref="BulkLoad"/>), so a submission is checked the same way whichever stores it.
    /// </summary>
    /// <param name="council">The council's code.</param>
    /// <param name="files">The files, named by their file names alone, no two alike.</param>
    /// <param name="collectionYear">The collection year of 903 files; null: from the names, else from the dates.</param>
    /// <param name="limits">The largest file accepted.</param>
    /// <param name="references">The reference lists some 903 rules need, or null (those rules are stored as not run).</param>
    /// <param name="previousYear">The council's confirmed files of a return for a collection year (last year's, for the rules that compare with it), or null.</param>
    internal static Task<Result<PreparedSubmission>> PrepareAsync(
        string council,
        IReadOnlyList<InputFile> files,
        int? collectionYear,
        ReadLimits? limits,
        ValidationReferences? references,
        Func<StatutoryReturn, int, Task<IReadOnlyList<InputFile>?>> previousYear) =>
        PrepareAsync(
            council,
            files,
            collectionYear,
            references,
            previousYear,
            () => StatutoryDataLoader.Load(files, council, collectionYear, limits),
            (year, previous) => StatutoryDataLoader.Load(
                council,
                [new InputYear(year - 1, [.. previous.Select(f => new InputFile(PreviousPrefix + f.Name, f.Content))]), new InputYear(year, files)],
                new ReadLimits(long.MaxValue)));

    /// <summary>
    /// As <see cref="PrepareAsync(string, IReadOnlyList{InputFile}, int?, ReadLimits?, ValidationReferences?, Func{StatutoryReturn, int, Task{IReadOnlyList{InputFile}?}})"/>,
    /// the files loaded by <paramref name="load"/> (as <c>StatutoryDataLoader.Load(files, council, collectionYear, limits)</c>
    /// loads them) and, with last year's files, by <paramref name="loadWithPrevious"/> (given the year and last year's files:
    /// as <c>StatutoryDataLoader.Load</c> loads the two years, last year's files named with <see cref="PreviousPrefix"/> before them):
    /// for a caller that has read the files already (<see cref="BulkLoad"/>).
    /// </summary>
    internal static async Task<Result<PreparedSubmission>> PrepareAsync(
        string council,
        IReadOnlyList<InputFile> files,
        int? collectionYear,
        ValidationReferences? references,
        Func<StatutoryReturn, int, Task<IReadOnlyList<InputFile>?>> previousYear,
        Func<LoadResult> load,
        Func<int, IReadOnlyList<InputFile>, LoadResult> loadWithPrevious)
    {
        // A year given overrides the files' names, so a name that says another year is a mistake (a folder of
        // several years submitted as one), not a year to override.
        if (collectionYear is { } given)
        {
            var otherYears = files.Where(f => StatutoryDataLoader.YearInName(f.Name) is { } named && named != given).ToList();
            if (otherYears.Count > 0)
            {
                return Result.Failure<PreparedSubmission>(otherYears.Select(f => Problem.InFile(
                    f.Name, $"the file's name says collection year {StatutoryDataLoader.YearInName(f.Name)}, but the submission is for {given}: submit each year's files on their own")));
            }
        }

        var loaded = load();
        var refusals = loaded.Refusals.Concat(loaded.Skipped.Select(name => Problem.InFile(name, "not a return file (a DfE statistics CSV or a reference list): leave it out of the submission"))).ToList();
        if (refusals.Count > 0)
        {
            return Result.Failure<PreparedSubmission>(refusals);
        }

        var data = loaded.Councils.Single();
        var held = new List<string>();
        if (data.Ssda903 is not null)
        {
            held.Add($"the SSDA903 ({Names(data.Ssda903.Files)})");
        }

        if (data.Cin is not null)
        {
            held.Add($"the CIN census ({Names(data.Cin.Files)})");
        }

        if (data.AnnexA is not null)
        {
            held.Add($"Annex A lists ({Names(data.AnnexA.Files)})");
        }

        if (held.Count > 1)
        {
            return Result.Failure<PreparedSubmission>(new Problem(
                $"one submission is one return: these files hold {string.Join(" and ", held)}; submit them separately"));
        }

        var (kind, sources, rows) = data switch
        {
            { Ssda903: { } ssda903 } => (StatutoryReturn.Ssda903, ssda903.Files, RowsOf(ssda903)),
            { Cin: { } cin } => (StatutoryReturn.Cin, cin.Files, RowsOf(cin)),
            _ => (StatutoryReturn.AnnexA, data.AnnexA!.Files, new Dictionary<string, int>(data.AnnexA.RowCounts(), StringComparer.Ordinal)),
        };
        var years = sources.GroupBy(f => f.CollectionYear).OrderBy(g => g.Key).ToList();
        if (years.Count > 1)
        {
            return Result.Failure<PreparedSubmission>(new Problem(
                $"one submission is one collection year: these files hold {string.Join(" and ", years.Select(y => $"{y.Key} ({Names(y)})"))}; submit them separately"));
        }

        var year = years[0].Key;
        if (year == 0)
        {
            return Result.Failure<PreparedSubmission>(new Problem("the collection year is not known: give it, or name the files with it (e.g. episodes_2025.csv)"));
        }

        // The rules that compare with last year's return (205B) read the council's confirmed submission of the year
        // before, when there is one: loaded with this one, each with its own year, and only this one's findings kept.
        var previous = kind == StatutoryReturn.Ssda903 ? await previousYear(kind, year - 1) : null;
        var checkedTogether = previous is null ? loaded : loadWithPrevious(year, previous);
        IReadOnlyList<Problem> findings = previous is null ? ReturnValidator.Validate(loaded, references: references)
            : [.. ReturnValidator.Validate(checkedTogether, references: references).Where(f => f.File is not { } file || !file.StartsWith(PreviousPrefix, StringComparison.Ordinal))];
        // A table without one of its columns is not the DfE's table: the DfE's portal refuses such a file,
        // and so does a submission (lodestar validate and lodestar kpi PATH read it, the column blank).
        var missing = findings.Where(f => f.Rule == Ssda903CsvReader.ColumnMissingRule).ToList();
        if (missing.Count > 0)
        {
            return Result.Failure<PreparedSubmission>(missing.Select(f => f with { Severity = Severity.Error }));
        }

        // Without last year's confirmed return, a rule that compares with it (205B) cannot run, nor without its reference list
        // one that needs a list (1008, 218 ...): each is stored as not run rather than left to look like a pass (docs/returns.md).
        var notRun = ReturnValidator.NotRun(checkedTogether, references).Where(n => n.CollectionYear == year).ToList();
        var kinds = sources.ToDictionary(f => f.Path, f => f.Kind, StringComparer.Ordinal);
        return Result.Success(new PreparedSubmission(council, kind, year, files, kinds, rows, findings, notRun));
    }

    /// <summary>
    /// Confirms a checked submission: it becomes the council's data for its return and year, and the one
    /// confirmed before it is superseded, in one transaction with the audit entry.
    /// </summary>
    public Task<Result<SubmissionSummary>> ConfirmAsync(string actor, long submissionId, CancellationToken cancellationToken = default) =>
        ConfirmAsync(actor, submissionId, storeResults: true, cancellationToken);

    /// <summary>
    /// Confirms a checked submission, as <see cref="ConfirmAsync(string, long, CancellationToken)"/>; with
    /// <paramref name="storeResults"/> false the council's stored results are left as they were, of an earlier version
    /// (which their source records), for a caller confirming several in a row to bring up to date once after the last
    /// (<see cref="StoredKpis.RefreshStaleAsync"/>). Only without a model to refresh: a served model follows its results.
    /// </summary>
    public async Task<Result<SubmissionSummary>> ConfirmAsync(string actor, long submissionId, bool storeResults, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!storeResults && model is not null)
        {
            throw new InvalidOperationException("A confirmation that leaves the stored results for later refreshes no served model.");
        }

        var submission = await db.Set<SubmissionEntity>().SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return Result.Failure<SubmissionSummary>(new Problem($"no submission {submissionId}"));
        }

        if (submission.Status != SubmissionStatus.Checked)
        {
            return Result.Failure<SubmissionSummary>(new Problem($"submission {submissionId} is {Label(submission.Status)}: only a checked submission can be confirmed"));
        }

        // The headline KPIs before and after, computed before the transaction (reading every confirmed
        // file takes a while) and stored in it with the confirmation.
        var confirmed = await ConfirmedNowAsync(submission.CouncilCode, cancellationToken);
        var headlines = await HeadlineKpis.CompareAsync(
            db, Engine, _sets, submission.CouncilCode, submission.Return, submission.CollectionYear,
            [.. confirmed.Where(c => c.Return == submission.Return).Select(c => c.Id)],
            [.. confirmed.Where(c => c.Return == submission.Return && c.CollectionYear != submission.CollectionYear).Select(c => c.Id), submission.Id],
            cancellationToken);

        return await CommitStepAsync(submission, "confirmed", () => ConfirmInTransactionAsync(actor, submission, headlines, storeResults, cancellationToken), cancellationToken);
    }

    private async Task<(long Version, LoadResult? Loaded)> ConfirmInTransactionAsync(
        string actor, SubmissionEntity submission, IReadOnlyList<HeadlineKpi> headlines, bool storeResults, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The one confirmed now steps down first: the database allows one confirmed submission per return and year.
            var current = await db.Set<SubmissionEntity>().SingleOrDefaultAsync(
                s => s.CouncilCode == submission.CouncilCode && s.Return == submission.Return && s.CollectionYear == submission.CollectionYear && s.Status == SubmissionStatus.Confirmed,
                cancellationToken);
            if (current is not null)
            {
                current.Status = SubmissionStatus.Superseded;
                await db.SaveChangesAsync(cancellationToken);
            }

            submission.Status = SubmissionStatus.Confirmed;
            submission.ConfirmedBy = actor;
            submission.ConfirmedAt = clock.GetUtcNow();
            submission.SupersededId = current?.Id;
            audit.Add(actor, AuditActions.Import, Subject(submission), current is null ? "confirmed" : $"confirmed, superseding submission {current.Id}");
            Record(submission.Id, SubmissionStep.Confirmed, headlines);
            await db.SaveChangesAsync(cancellationToken);
            var version = await BumpVersionAsync(submission.CouncilCode, cancellationToken);
            var loaded = storeResults ? await StoredKpis.RefreshAsync(db, Engine, submission.CouncilCode, version, clock.GetUtcNow(), cancellationToken) : null;
            await transaction.CommitAsync(cancellationToken);
            return (version, loaded);
        }
    }

    /// <summary>
    /// Brings up to date the stored results of every council whose version moved since they were computed, with this
    /// host's engine (<see cref="StoredKpis.RefreshStaleAsync"/>): after confirmations that left them for later.
    /// </summary>
    /// <returns>The councils refreshed.</returns>
    public Task<IReadOnlyList<string>> RefreshStaleResultsAsync(CancellationToken cancellationToken = default) =>
        StoredKpis.RefreshStaleAsync(db, Engine, clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Rolls back a confirmed submission: the submission it superseded is confirmed again (when there was
    /// one; otherwise the return and year have no confirmed data), in one transaction with the audit entry.
    /// </summary>
    public async Task<Result<SubmissionSummary>> RollBackAsync(string actor, long submissionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var submission = await db.Set<SubmissionEntity>().SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return Result.Failure<SubmissionSummary>(new Problem($"no submission {submissionId}"));
        }

        if (submission.Status != SubmissionStatus.Confirmed)
        {
            return Result.Failure<SubmissionSummary>(new Problem($"submission {submissionId} is {Label(submission.Status)}: only the confirmed submission can be rolled back"));
        }

        var confirmed = await ConfirmedNowAsync(submission.CouncilCode, cancellationToken);
        var restored = submission.SupersededId is { } supersededId
            && await db.Set<SubmissionEntity>().AnyAsync(s => s.Id == supersededId && s.Status == SubmissionStatus.Superseded, cancellationToken)
            ? submission.SupersededId : null;
        var headlines = await HeadlineKpis.CompareAsync(
            db, Engine, _sets, submission.CouncilCode, submission.Return, submission.CollectionYear,
            [.. confirmed.Where(c => c.Return == submission.Return).Select(c => c.Id)],
            [.. confirmed.Where(c => c.Return == submission.Return && c.Id != submission.Id).Select(c => c.Id), .. restored is { } r ? [r] : Array.Empty<long>()],
            cancellationToken);

        return await CommitStepAsync(submission, "rolled back", () => RollBackInTransactionAsync(actor, submission, headlines, cancellationToken), cancellationToken);
    }

    private async Task<(long Version, LoadResult? Loaded)> RollBackInTransactionAsync(string actor, SubmissionEntity submission, IReadOnlyList<HeadlineKpi> headlines, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            submission.Status = SubmissionStatus.RolledBack;
            await db.SaveChangesAsync(cancellationToken);
            var previous = submission.SupersededId is { } id
                ? await db.Set<SubmissionEntity>().SingleOrDefaultAsync(s => s.Id == id && s.Status == SubmissionStatus.Superseded, cancellationToken)
                : null;
            if (previous is not null)
            {
                previous.Status = SubmissionStatus.Confirmed;
            }

            audit.Add(actor, AuditActions.Import, Subject(submission), previous is null ? "rolled back; no earlier submission to restore" : $"rolled back; submission {previous.Id} confirmed again");
            Record(submission.Id, SubmissionStep.RolledBack, headlines);
            await db.SaveChangesAsync(cancellationToken);
            var version = await BumpVersionAsync(submission.CouncilCode, cancellationToken);
            var loaded = await StoredKpis.RefreshAsync(db, Engine, submission.CouncilCode, version, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (version, loaded);
        }
    }

    /// <summary>Sets a checked submission aside unconfirmed; its files and findings stay in the history.</summary>
    public async Task<Result<SubmissionSummary>> DiscardAsync(string actor, long submissionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var submission = await db.Set<SubmissionEntity>().SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return Result.Failure<SubmissionSummary>(new Problem($"no submission {submissionId}"));
        }

        if (submission.Status != SubmissionStatus.Checked)
        {
            return Result.Failure<SubmissionSummary>(new Problem($"submission {submissionId} is {Label(submission.Status)}: only a checked submission can be discarded"));
        }

        submission.Status = SubmissionStatus.Discarded;
        audit.Add(actor, AuditActions.Import, Subject(submission), "discarded");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (ChangedMeanwhile(e))
        {
            return ChangedMeanwhileFailure(submissionId, "discarded");
        }

        return Result.Success(await SummaryAsync(submission.Id, cancellationToken));
    }

    /// <summary>A council's submissions, newest first.</summary>
    public async Task<IReadOnlyList<SubmissionSummary>> ListAsync(string council, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(council);
        return await SummariesAsync(db.Set<SubmissionEntity>().Where(s => s.CouncilCode == council), cancellationToken);
    }

    /// <summary>
    /// One page of a submission's findings that match the filters (each null for any), in report order, and
    /// how many match: filtered and paged in the database, so a report of many thousands is not read whole.
    /// </summary>
    public async Task<(IReadOnlyList<Problem> Page, int Matching)> FindingsAsync(
        long submissionId, Severity? severity, string? rule, string? file, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var query = db.Set<SubmissionFindingEntity>().Where(f => f.SubmissionId == submissionId);
        if (severity is { } s)
        {
            query = query.Where(f => f.Severity == s);
        }

        if (rule is not null)
        {
            query = query.Where(f => f.Rule == rule);
        }

        if (file is not null)
        {
            query = query.Where(f => f.File == file);
        }

        var matching = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(f => f.Position).Skip(skip).Take(take).AsNoTracking().ToListAsync(cancellationToken);
        return ([.. page.Select(f => new Problem(f.File, f.Line, f.Column, f.Value, f.Message) { Rule = f.Rule, Severity = f.Severity })], matching);
    }

    /// <summary>The rules and the files a submission's findings name, each sorted: what its report can be filtered by.</summary>
    public async Task<(IReadOnlyList<string> Rules, IReadOnlyList<string> Files)> FindingFacetsAsync(long submissionId, CancellationToken cancellationToken = default)
    {
        var findings = db.Set<SubmissionFindingEntity>().Where(f => f.SubmissionId == submissionId);
        var rules = await findings.Where(f => f.Rule != null).Select(f => f.Rule!).Distinct().ToListAsync(cancellationToken);
        var files = await findings.Where(f => f.File != null).Select(f => f.File!).Distinct().ToListAsync(cancellationToken);
        return ([.. rules.Order(StringComparer.Ordinal)], [.. files.Order(StringComparer.Ordinal)]);
    }

    /// <summary>A submission's stored validation findings, in report order.</summary>
    public async Task<IReadOnlyList<Problem>> FindingsAsync(long submissionId, CancellationToken cancellationToken = default)
    {
        var findings = await db.Set<SubmissionFindingEntity>().Where(f => f.SubmissionId == submissionId).OrderBy(f => f.Position).ToListAsync(cancellationToken);
        return [.. findings.Select(f => new Problem(f.File, f.Line, f.Column, f.Value, f.Message) { Rule = f.Rule, Severity = f.Severity })];
    }

    /// <summary>
    /// A checked submission's headline KPIs for its return and year: now (the council's confirmed
    /// submissions) and if it were confirmed (it in place of the confirmed one of its return and year).
    /// </summary>
    public async Task<Result<IReadOnlyList<HeadlineKpi>>> PreviewAsync(long submissionId, CancellationToken cancellationToken = default)
    {
        var submission = await db.Set<SubmissionEntity>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return Result.Failure<IReadOnlyList<HeadlineKpi>>(new Problem($"no submission {submissionId}"));
        }

        if (submission.Status != SubmissionStatus.Checked)
        {
            return Result.Failure<IReadOnlyList<HeadlineKpi>>(new Problem($"submission {submissionId} is {Label(submission.Status)}: only a checked submission has a preview"));
        }

        var confirmed = await ConfirmedNowAsync(submission.CouncilCode, cancellationToken);
        return Result.Success(await HeadlineKpis.CompareAsync(
            db, Engine, _sets, submission.CouncilCode, submission.Return, submission.CollectionYear,
            [.. confirmed.Where(c => c.Return == submission.Return).Select(c => c.Id)],
            [.. confirmed.Where(c => c.Return == submission.Return && c.CollectionYear != submission.CollectionYear).Select(c => c.Id), submission.Id],
            cancellationToken));
    }

    /// <summary>The headline KPIs recorded before and after a submission's confirmation and roll-back (none for a step it has not had).</summary>
    public Task<IReadOnlyDictionary<SubmissionStep, IReadOnlyList<HeadlineKpi>>> RecordedKpisAsync(long submissionId, CancellationToken cancellationToken = default) =>
        HeadlineKpis.RecordedAsync(db, submissionId, cancellationToken);

    /// <summary>The headline KPIs recorded at the confirmation of each of a council's submissions (those confirmed since they were kept), by submission id.</summary>
    public Task<IReadOnlyDictionary<long, IReadOnlyList<HeadlineKpi>>> ConfirmedKpisAsync(string council, CancellationToken cancellationToken = default) =>
        HeadlineKpis.ConfirmedOfCouncilAsync(db, council, cancellationToken);

    /// <summary>A submission's summary, or null when there is none with that id.</summary>
    public async Task<SubmissionSummary?> FindAsync(long submissionId, CancellationToken cancellationToken = default) =>
        (await SummariesAsync(db.Set<SubmissionEntity>().Where(s => s.Id == submissionId), cancellationToken)).SingleOrDefault();

    // The web app's engine (with its population estimates, for the rates); a store-less host computes
    // without population, so its rates per 10,000 are recorded as no value.
    private KpiEngine Engine => model?.Engine ?? engine ?? new KpiEngine();

    private async Task<List<(long Id, StatutoryReturn Return, int CollectionYear)>> ConfirmedNowAsync(string council, CancellationToken cancellationToken) =>
        [.. (await db.Set<SubmissionEntity>()
            .Where(s => s.CouncilCode == council && s.Status == SubmissionStatus.Confirmed)
            .Select(s => new { s.Id, s.Return, s.CollectionYear })
            .ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Return, s.CollectionYear))];

    // Runs a confirmation's or roll-back's transaction (which stores the council's results too), then refreshes
    // the model to the version it committed, from the returns the results were computed from; refused, with
    // nothing changed, when another process changed the submission meanwhile.
    private async Task<Result<SubmissionSummary>> CommitStepAsync(
        SubmissionEntity submission, string step, Func<Task<(long Version, LoadResult? Loaded)>> transaction, CancellationToken cancellationToken)
    {
        (long Version, LoadResult? Loaded) committed;
        try
        {
            committed = await transaction();
        }
        catch (DbUpdateException e) when (ChangedMeanwhile(e))
        {
            return ChangedMeanwhileFailure(submission.Id, step);
        }

        if (committed.Loaded is { } loaded)
        {
            await RefreshModelAsync(submission.CouncilCode, committed.Version, loaded);
        }

        return Result.Success(await SummaryAsync(submission.Id, cancellationToken));
    }

    // Another process changed the submission between this step's read and its write (a second manager
    // confirming or rolling back at the same moment), or confirmed another submission of the same return and
    // year first (the one-confirmed index): the step's transaction is rolled back whole and it is refused.
    private bool ChangedMeanwhile(DbUpdateException e)
    {
        var changed = e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e);
        if (changed)
        {
            // What this context tracks is what the refused step would have written: forget it.
            db.ChangeTracker.Clear();
        }

        return changed;
    }

    private static Result<SubmissionSummary> ChangedMeanwhileFailure(long submissionId, string step) =>
        Result.Failure<SubmissionSummary>(new Problem(
            $"submission {submissionId} was not {step}: someone else changed it, or this return and year, at the same moment; nothing was changed — look at the history and try again"));

    private void Record(long submissionId, SubmissionStep step, IReadOnlyList<HeadlineKpi> headlines) =>
        db.AddRange(headlines.Select(h => new SubmissionKpiEntity { SubmissionId = submissionId, Step = step, Kpi = h.Kpi, Before = h.Before, After = h.After }));

    // In the step's transaction: every process holding a model of the council sees it is stale (the web
    // app polls council_versions). The update is one statement, so two processes bumping at once both count;
    // the first bump of a council inserts its row, and a simultaneous first insert fails its step whole.
    private async Task<long> BumpVersionAsync(string council, CancellationToken cancellationToken)
    {
        var versions = db.Set<CouncilVersionEntity>();
        if (await versions.Where(v => v.CouncilCode == council).ExecuteUpdateAsync(v => v.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken) == 0)
        {
            versions.Add(new CouncilVersionEntity { CouncilCode = council, Version = 1 });
            await db.SaveChangesAsync(cancellationToken);
        }

        return await versions.Where(v => v.CouncilCode == council).Select(v => v.Version).SingleAsync(cancellationToken);
    }

    // After the commit: the model follows the database, never the other way round. Not cancelled with the
    // request: once the change is committed the model must follow it, or it would be stale until the next
    // poll. The version committed is recorded with the model, so the poll does not load it a second time. The
    // returns are those the transaction read for the stored results: what that version holds (the step held
    // the council's version row from its bump to its commit, so no other change came in between).
    private async Task RefreshModelAsync(string council, long version, LoadResult loaded)
    {
        if (model is not null)
        {
            await model.RefreshAsync(council, version, _ => Task.FromResult(loaded), CancellationToken.None);
        }
    }

    private async Task<SubmissionSummary> SummaryAsync(long id, CancellationToken cancellationToken) =>
        (await SummariesAsync(db.Set<SubmissionEntity>().Where(s => s.Id == id), cancellationToken)).Single();

    // Projected, so the files' bytes are never read for a list. Three collections: one query each (AsSplitQuery), not one
    // joining them, whose rows would be every file times every table times every rule not run.
    private static async Task<IReadOnlyList<SubmissionSummary>> SummariesAsync(IQueryable<SubmissionEntity> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .OrderByDescending(s => s.Id)
            .AsSplitQuery()
            .Select(s => new
            {
                Submission = new SubmissionSummary(
                    s.Id, s.CouncilCode, s.Return, s.CollectionYear, s.Status, s.CheckedBy, s.CheckedAt, s.ConfirmedBy, s.ConfirmedAt, s.SupersededId, s.Errors, s.Warnings, Array.Empty<SubmittedFile>(), new Dictionary<string, int>()),
                Files = s.Files.OrderBy(f => f.Position).Select(f => new SubmittedFile(f.Name, f.Kind, f.Size, f.Sha256)).ToList(),
                Tables = s.Tables.Select(t => new { t.Name, t.Rows }).ToList(),
                NotRun = s.RulesNotRun.OrderBy(n => n.Position).Select(n => new { n.Rule, n.CollectionYear, n.Reason }).ToList(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.Submission with
        {
            Files = r.Files,
            Rows = r.Tables.ToDictionary(t => t.Name, t => t.Rows, StringComparer.Ordinal),
            NotRun = [.. r.NotRun.Select(n => new RuleNotRun(r.Submission.Council, RuleOf(n.Rule), n.CollectionYear, n.Reason))],
        })];
    }

    /// <summary>How the files of last year's confirmed submission are named while they are read with this one, so that their findings can be told apart and left out.</summary>
    internal const string PreviousPrefix = "last year's confirmed return/";

    /// <summary>The files of the council's confirmed submission of this return for this collection year, or null when there is none.</summary>
    private async Task<IReadOnlyList<InputFile>?> ConfirmedFilesAsync(string council, StatutoryReturn kind, int year, CancellationToken cancellationToken)
    {
        var files = await db.Set<SubmissionEntity>()
            .Where(s => s.CouncilCode == council && s.Return == kind && s.CollectionYear == year && s.Status == SubmissionStatus.Confirmed)
            .SelectMany(s => s.Files.OrderBy(f => f.Position).Select(f => new { f.Name, f.Content }))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return files.Count == 0 ? null : [.. files.Select(f => new InputFile(f.Name, f.Content))];
    }

    // The stored id back to its rule; one since renamed or retired is kept by its id, not dropped.
    private static ValidationRule RuleOf(string id) =>
        ReturnValidator.Rules.FirstOrDefault(r => r.Id == id) ?? new ValidationRule(id, Severity.Error, "a rule no longer in the catalogue", "", "");

    internal static string Subject(SubmissionEntity s) => $"submission {s.Id} {s.CouncilCode} {Label(s.Return)} {s.CollectionYear}";

    private static string Label(StatutoryReturn r) => r.Label();

    private static string Label(SubmissionStatus status) => status switch
    {
        SubmissionStatus.RolledBack => "rolled back",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Names(IEnumerable<SourceFile> files) => string.Join(", ", files.Select(f => f.Path));

    private static Dictionary<string, int> RowsOf(Ssda903Data d) => new(StringComparer.Ordinal)
    {
        ["Header"] = d.Header.Count,
        ["Episodes"] = d.Episodes.Count,
        ["Reviews"] = d.Reviews.Count,
        ["Uasc"] = d.Uasc.Count,
        ["Oc2"] = d.Oc2.Count,
        ["Oc3"] = d.Oc3.Count,
        ["Ad1"] = d.Ad1.Count,
        ["PlacedAdoption"] = d.PlacedAdoption.Count,
        ["PrevPerm"] = d.PrevPerm.Count,
        ["Missing"] = d.Missing.Count,
        ["SwEpisodes"] = d.SwEpisodes.Count,
    };

    private static Dictionary<string, int> RowsOf(CinData d) => new(StringComparer.Ordinal)
    {
        ["ChildRecords"] = d.ChildRecords.Count,
        ["Referrals"] = d.Referrals.Count,
        ["Assessments"] = d.Assessments.Count,
        ["Plans"] = d.Plans.Count,
        ["Section47s"] = d.Section47s.Count,
        ["ProtectionPlans"] = d.ProtectionPlans.Count,
    };
}
