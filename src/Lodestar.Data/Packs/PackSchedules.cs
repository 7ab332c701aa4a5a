using Lodestar.Data.Audit;
using Lodestar.Domain.Problems;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Packs;

/// <summary>A schedule as listed: what it builds, for which council, on which day of the month, and its last build.</summary>
public sealed record PackScheduleItem(long Id, string? PackConfigId, string FrameworkId, string CouncilCode, int DayOfMonth, bool Public, string CreatedBy, DateTimeOffset CreatedAt, DateOnly? LastDue);

/// <summary>A built pack's file as listed, without its bytes.</summary>
public sealed record PackFileItem(long Id, long? ScheduleId, string? PackConfigId, string FrameworkId, string CouncilCode, int Year, bool Public, string Title, string Format, string FileName, long Size, DateTimeOffset BuiltAt);

/// <summary>
/// Configured packs, monthly schedules and the files they built (docs/packs.md). Every change is audited in
/// the same commit; reading a file's bytes is for the caller to audit as a download.
/// </summary>
public static class PackSchedules
{
    /// <summary>The longest pack configuration kept.</summary>
    public const int MaxConfigLength = 20_000;

    /// <summary>The last day of the month a schedule may name: every month has it.</summary>
    public const int LastDay = 28;

    /// <summary>Stores a configured pack, replacing one with the same id.</summary>
    public static async Task SaveConfigAsync(
        LodestarDbContext db, AuditLog audit, TimeProvider clock, string actor, string id, string title, string frameworkId, string source,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        var row = await db.Set<PackConfigEntity>().FindAsync([id], cancellationToken);
        if (row is null)
        {
            row = new PackConfigEntity { Id = id, Title = title, FrameworkId = frameworkId, Source = source, StoredBy = actor };
            db.Add(row);
        }

        (row.Title, row.FrameworkId, row.Source, row.StoredBy, row.StoredAt) = (title, frameworkId, source, actor, clock.GetUtcNow());
        audit.Add(actor, "pack config", $"pack {id}", $"framework {frameworkId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<PackConfigEntity>> ConfigsAsync(LodestarDbContext db, CancellationToken cancellationToken = default) =>
        await db.Set<PackConfigEntity>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);

    public static async Task<PackConfigEntity?> ConfigAsync(LodestarDbContext db, string id, CancellationToken cancellationToken = default) =>
        await db.Set<PackConfigEntity>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Adds a monthly schedule; a problem naming the field for a day outside 1 to 28.</summary>
    public static async Task<Result<PackScheduleItem>> AddScheduleAsync(
        LodestarDbContext db, AuditLog audit, TimeProvider clock, string actor, string? packConfigId, string frameworkId, string council, int dayOfMonth, bool isPublic,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        if (dayOfMonth is < 1 or > LastDay)
        {
            return Result.Failure<PackScheduleItem>(new Problem(null, 0, "day", dayOfMonth.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"the day of the month must be from 1 to {LastDay}, so that every month has it"));
        }

        var row = new PackScheduleEntity
        {
            PackConfigId = packConfigId,
            FrameworkId = frameworkId,
            CouncilCode = council,
            DayOfMonth = dayOfMonth,
            Public = isPublic,
            CreatedBy = actor,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(row);
        audit.Add(actor, "pack schedule", $"{packConfigId ?? frameworkId} {council}", $"monthly on day {dayOfMonth}{(isPublic ? ", public" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(Item(row));
    }

    /// <summary>Deletes a schedule of one of these councils (null: any); false when there is none. Its files stay.</summary>
    public static async Task<bool> DeleteScheduleAsync(
        LodestarDbContext db, AuditLog audit, string actor, long id, IReadOnlySet<string>? councils, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var row = await db.Set<PackScheduleEntity>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null || (councils is not null && !councils.Contains(row.CouncilCode)))
        {
            return false;
        }

        db.Remove(row);
        await db.Set<PackFileEntity>().Where(f => f.ScheduleId == id).ExecuteUpdateAsync(f => f.SetProperty(x => x.ScheduleId, (long?)null), cancellationToken);
        audit.Add(actor, "pack schedule deleted", $"{row.PackConfigId ?? row.FrameworkId} {row.CouncilCode}", $"schedule {id}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The schedules of these councils (null: all), by council then id.</summary>
    public static async Task<IReadOnlyList<PackScheduleItem>> SchedulesAsync(LodestarDbContext db, IReadOnlySet<string>? councils, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<PackScheduleEntity>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Where(r => councils is null || councils.Contains(r.CouncilCode)).OrderBy(r => r.CouncilCode, StringComparer.Ordinal).ThenBy(r => r.Id).Select(Item)];
    }

    /// <summary>
    /// The day a monthly schedule's build falls due on <paramref name="today"/>: this month's day when it has
    /// come, else last month's; null when that day is before the schedule was made or already built.
    /// </summary>
    public static DateOnly? Due(int dayOfMonth, DateOnly createdOn, DateOnly? lastDue, DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, dayOfMonth);
        var occurrence = today >= thisMonth ? thisMonth : thisMonth.AddMonths(-1);
        return occurrence < createdOn || (lastDue is { } last && last >= occurrence) ? null : occurrence;
    }

    /// <summary>Stores a build's files and marks the schedule built for <paramref name="due"/>, in one commit, audited.</summary>
    public static async Task AddFilesAsync(
        LodestarDbContext db, AuditLog audit, long? scheduleId, DateOnly? due, IReadOnlyList<PackFileEntity> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(files);
        if (scheduleId is { } id && await db.Set<PackScheduleEntity>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } schedule)
        {
            schedule.LastDue = due;
        }

        db.AddRange(files);
        foreach (var file in files)
        {
            audit.Add("scheduler", "pack built", $"{file.PackConfigId ?? file.FrameworkId} {file.CouncilCode} {file.Year}", $"{file.FileName}, {file.Content.Length} bytes");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The built files of these councils (null: all), newest first, without their bytes.</summary>
    public static async Task<IReadOnlyList<PackFileItem>> FilesAsync(LodestarDbContext db, IReadOnlySet<string>? councils, int count = 200, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Set<PackFileEntity>().AsNoTracking();
        if (councils is not null)
        {
            var codes = councils.ToList();
            query = query.Where(f => codes.Contains(f.CouncilCode));
        }

        var rows = await query.OrderByDescending(f => f.Id).Take(count)
            .Select(f => new PackFileItem(f.Id, f.ScheduleId, f.PackConfigId, f.FrameworkId, f.CouncilCode, f.Year, f.Public, f.Title, f.Format, f.FileName, f.Content.Length, f.BuiltAt))
            .ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>A built file with its bytes, when it is of one of these councils (null: any).</summary>
    public static async Task<PackFileEntity?> FileAsync(LodestarDbContext db, long id, IReadOnlySet<string>? councils, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Set<PackFileEntity>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        return row is null || (councils is not null && !councils.Contains(row.CouncilCode)) ? null : row;
    }

    private static PackScheduleItem Item(PackScheduleEntity r) =>
        new(r.Id, r.PackConfigId, r.FrameworkId, r.CouncilCode, r.DayOfMonth, r.Public, r.CreatedBy, r.CreatedAt, r.LastDue);
}
