using System.Text.Json;
using Lodestar.Data.Audit;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Problems;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Packs;

/// <summary>Where a council's results for a framework and year are: a draft, submitted for approval, or approved.</summary>
public enum SignOffStatus
{
    Draft,
    Submitted,
    Approved,
}

/// <summary>One transition: from, to, who, when, and why for a reopening.</summary>
public sealed record SignOffEvent(long Id, SignOffStatus From, SignOffStatus To, string Actor, DateTimeOffset At, string? Reason);

/// <summary>A measure's figures frozen at approval: value, numerator, denominator, target, RAG and benchmarks.</summary>
public sealed record SnapshotFigure(
    string MeasureId, decimal? Value, decimal? Numerator, decimal? Denominator, decimal? Target, RagStatus Rag, string RagReason,
    IReadOnlyList<BenchmarkFigure> Benchmarks);

/// <summary>A sign-off's status and its history, oldest first.</summary>
public sealed record SignOffState(string FrameworkId, string Council, int Year, SignOffStatus Status, IReadOnlyList<SignOffEvent> History)
{
    /// <summary>The approval in force: the newest transition to approved, while the status is approved; else null.</summary>
    public SignOffEvent? Approval => Status == SignOffStatus.Approved ? History.LastOrDefault(e => e.To == SignOffStatus.Approved) : null;
}

/// <summary>
/// Sign-off of a council's results for a framework and reporting year (docs/packs.md): draft → submitted →
/// approved, and reopened to draft with a reason. Approval stores a snapshot of the figures, which the approved
/// pack prints. Every transition adds an event and an audit entry (<c>signoff</c>) in the same commit; nothing is
/// overwritten. Who may make a transition (the editor and manager roles) is the caller's check.
/// </summary>
public static class PackSignOff
{
    /// <summary>The longest reason for a reopening kept.</summary>
    public const int MaxReasonLength = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>The status and history; a draft with no history when nothing has happened yet.</summary>
    public static async Task<SignOffState> StateAsync(LodestarDbContext db, string framework, string council, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Set<PackSignOffEntity>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.FrameworkId == framework && s.CouncilCode == council && s.Year == year, cancellationToken);
        if (row is null)
        {
            return new SignOffState(framework, council, year, SignOffStatus.Draft, []);
        }

        var events = await db.Set<PackSignOffEventEntity>().AsNoTracking().Where(e => e.SignOffId == row.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return new SignOffState(framework, council, year, row.Status, [.. events.Select(e => new SignOffEvent(e.Id, e.From, e.To, e.Actor, e.At, e.Reason))]);
    }

    /// <summary>Draft → submitted.</summary>
    public static Task<Result<SignOffState>> SubmitAsync(
        LodestarDbContext db, AuditLog audit, TimeProvider clock, string actor, string framework, string council, int year, CancellationToken cancellationToken = default) =>
        MoveAsync(db, audit, clock, actor, framework, council, year, SignOffStatus.Submitted, null, null, cancellationToken);

    /// <summary>Submitted → approved, storing the figures as they are now.</summary>
    public static Task<Result<SignOffState>> ApproveAsync(
        LodestarDbContext db, AuditLog audit, TimeProvider clock, string actor, string framework, string council, int year,
        IReadOnlyList<SnapshotFigure> figures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return MoveAsync(db, audit, clock, actor, framework, council, year, SignOffStatus.Approved, null, figures, cancellationToken);
    }

    /// <summary>Submitted or approved → draft, with a reason; the earlier approval and its snapshot stay in the history.</summary>
    public static Task<Result<SignOffState>> ReopenAsync(
        LodestarDbContext db, AuditLog audit, TimeProvider clock, string actor, string framework, string council, int year, string? reason,
        CancellationToken cancellationToken = default) =>
        MoveAsync(db, audit, clock, actor, framework, council, year, SignOffStatus.Draft, reason, null, cancellationToken);

    /// <summary>The figures of the approval in force, by measure id; null when the results are not approved.</summary>
    public static async Task<IReadOnlyDictionary<string, SnapshotFigure>?> SnapshotAsync(
        LodestarDbContext db, SignOffState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Approval is not { } approval)
        {
            return null;
        }

        var rows = await db.Set<PackSnapshotFigureEntity>().AsNoTracking().Where(f => f.EventId == approval.Id).ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.MeasureId,
            r => new SnapshotFigure(
                r.MeasureId, r.Value, r.Numerator, r.Denominator, r.Target, Enum.Parse<RagStatus>(r.Rag), r.RagReason,
                JsonSerializer.Deserialize<List<BenchmarkFigure>>(r.Benchmarks, Json) ?? []),
            StringComparer.Ordinal);
    }

    /// <summary>The reporting years of the council's results for the framework that are approved now, newest first.</summary>
    public static async Task<IReadOnlyList<int>> ApprovedYearsAsync(LodestarDbContext db, string framework, string council, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<PackSignOffEntity>().AsNoTracking()
            .Where(s => s.FrameworkId == framework && s.CouncilCode == council && s.Status == SignOffStatus.Approved)
            .OrderByDescending(s => s.Year).Select(s => s.Year).ToListAsync(cancellationToken);
    }

    /// <summary>The transitions allowed from a status: where to, and what the transition is called.</summary>
    public static bool Allows(SignOffStatus from, SignOffStatus to) => (from, to) switch
    {
        (SignOffStatus.Draft, SignOffStatus.Submitted) => true,
        (SignOffStatus.Submitted, SignOffStatus.Approved) => true,
        (SignOffStatus.Submitted or SignOffStatus.Approved, SignOffStatus.Draft) => true,
        _ => false,
    };

    private static async Task<Result<SignOffState>> MoveAsync(
        LodestarDbContext db, AuditLog audit, TimeProvider clock, string actor, string framework, string council, int year, SignOffStatus to,
        string? reason, IReadOnlyList<SnapshotFigure>? figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        var row = await db.Set<PackSignOffEntity>()
            .SingleOrDefaultAsync(s => s.FrameworkId == framework && s.CouncilCode == council && s.Year == year, cancellationToken);
        var from = row?.Status ?? SignOffStatus.Draft;
        if (!Allows(from, to))
        {
            return Result.Failure<SignOffState>(new Problem(null, 0, "status", from.ToString(), Refusal(from, to)));
        }

        var trimmed = reason?.Trim();
        if (to == SignOffStatus.Draft)
        {
            if (string.IsNullOrEmpty(trimmed))
            {
                return Result.Failure<SignOffState>(new Problem(null, 0, "reason", null, "say why the figures are reopened: the reason is empty"));
            }

            if (trimmed.Length > MaxReasonLength)
            {
                return Result.Failure<SignOffState>(new Problem(null, 0, "reason", null, $"{trimmed.Length} characters; the most is {MaxReasonLength}"));
            }
        }
        else
        {
            trimmed = null;
        }

        if (row is null)
        {
            row = new PackSignOffEntity { FrameworkId = framework, CouncilCode = council, Year = year, Status = from };
            db.Set<PackSignOffEntity>().Add(row);
        }

        row.Status = to;
        row.Version++;
        var transition = new PackSignOffEventEntity { From = from, To = to, Actor = actor, At = clock.GetUtcNow(), Reason = trimmed };
        // The event needs the sign-off's id, and the figures the event's: saved in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            transition.SignOffId = row.Id;
            db.Set<PackSignOffEventEntity>().Add(transition);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var f in figures ?? [])
            {
                db.Set<PackSnapshotFigureEntity>().Add(new PackSnapshotFigureEntity
                {
                    EventId = transition.Id,
                    MeasureId = f.MeasureId,
                    Value = f.Value,
                    Numerator = f.Numerator,
                    Denominator = f.Denominator,
                    Target = f.Target,
                    Rag = f.Rag.ToString(),
                    RagReason = f.RagReason,
                    Benchmarks = JsonSerializer.Serialize(f.Benchmarks, Json),
                });
            }

            audit.Add(actor, "signoff", $"framework {framework} {council} {year}",
                $"{from} to {to}" + (figures is null ? "" : $", {figures.Count} figures frozen") + (trimmed is null ? "" : $": {trimmed}"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else moved the same sign-off between our read and our write (the version or the unique key).
            db.ChangeTracker.Clear();
            return Result.Failure<SignOffState>(new Problem(null, 0, "status", null, "someone else changed the sign-off at the same time: reload it and try again"));
        }

        return Result.Success(await StateAsync(db, framework, council, year, cancellationToken));
    }

    private static string Refusal(SignOffStatus from, SignOffStatus to) => (from, to) switch
    {
        (SignOffStatus.Draft, SignOffStatus.Approved) => "the figures are a draft: submit them before approving",
        (SignOffStatus.Draft, SignOffStatus.Draft) => "the figures are already a draft: there is nothing to reopen",
        (SignOffStatus.Approved, SignOffStatus.Approved) => "the figures are already approved",
        (SignOffStatus.Submitted, SignOffStatus.Submitted) => "the figures are already submitted",
        (SignOffStatus.Approved, SignOffStatus.Submitted) => "the figures are approved: reopen them before submitting again",
        _ => $"the figures cannot go from {from} to {to}",
    };
}

/// <summary>Which frameworks have a public page (docs/packs.md); switched on and off by an administrator, audited.</summary>
public static class PackPublication
{
    /// <summary>Whether the framework's public page is on; off unless an administrator switched it on.</summary>
    public static Task<bool> IsOnAsync(LodestarDbContext db, string framework, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<PackPublicFrameworkEntity>().AnyAsync(f => f.FrameworkId == framework, cancellationToken);
    }

    /// <summary>The frameworks switched on, by id.</summary>
    public static async Task<IReadOnlyDictionary<string, (string By, DateTimeOffset At)>> ListAsync(LodestarDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<PackPublicFrameworkEntity>().AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.FrameworkId, r => (r.SwitchedOnBy, r.SwitchedOnAt), StringComparer.Ordinal);
    }

    /// <summary>Switches the public page on or off; audited (<c>public-page</c>) when it changes.</summary>
    public static async Task SetAsync(LodestarDbContext db, AuditLog audit, TimeProvider clock, string actor, string framework, bool on, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        var row = await db.Set<PackPublicFrameworkEntity>().SingleOrDefaultAsync(f => f.FrameworkId == framework, cancellationToken);
        if (on == row is not null)
        {
            return;
        }

        if (on)
        {
            db.Set<PackPublicFrameworkEntity>().Add(new PackPublicFrameworkEntity { FrameworkId = framework, SwitchedOnBy = actor, SwitchedOnAt = clock.GetUtcNow() });
        }
        else
        {
            db.Set<PackPublicFrameworkEntity>().Remove(row!);
        }

        audit.Add(actor, "public-page", $"framework {framework}", on ? "switched on" : "switched off");
        await db.SaveChangesAsync(cancellationToken);
    }
}
