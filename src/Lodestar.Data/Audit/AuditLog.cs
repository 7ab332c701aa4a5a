using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Audit;

/// <summary>Writes and reads the audit log.</summary>
public sealed class AuditLog(LodestarDbContext db, TimeProvider clock)
{
    /// <summary>Adds an entry to the context without saving, so it commits with the change it records.</summary>
    public AuditEventEntity Add(string actor, string action, string subject, string? details = null)
    {
        var entry = new AuditEventEntity { At = clock.GetUtcNow(), Actor = actor, Action = action, Subject = subject, Details = details };
        db.Set<AuditEventEntity>().Add(entry);
        return entry;
    }

    /// <summary>Adds an entry and saves it at once (views, sign-ins: no other change to commit with).</summary>
    public async Task RecordAsync(string actor, string action, string subject, string? details = null, CancellationToken cancellationToken = default)
    {
        Add(actor, action, subject, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest entries first.</summary>
    public Task<List<AuditEventEntity>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        db.Set<AuditEventEntity>().OrderByDescending(a => a.Id).Take(count).ToListAsync(cancellationToken);
}
