using Lodestar.Domain.Actions;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Actions;

/// <summary>
/// Appends one progress update or RAG override to a stored deliverable's history, from the web app. The
/// entry is added to the context without saving, so it commits in the same SaveChanges as the audit entry
/// that records it. Nothing stored is changed or removed.
/// </summary>
public static class ActionsHistory
{
    /// <summary>Adds a progress update; false when the plan or the deliverable is not stored.</summary>
    public static Task<bool> AddProgressAsync(
        LodestarDbContext db, string planId, string deliverableNumber, ProgressUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return AddAsync(db, planId, deliverableNumber, ActionHistoryKind.Progress, update.Date, update.By, update.Text, update.Rag, cancellationToken);
    }

    /// <summary>Adds a manager's RAG override (or a clearing entry); false when the plan or the deliverable is not stored.</summary>
    public static Task<bool> AddOverrideAsync(
        LodestarDbContext db, string planId, string deliverableNumber, RagOverride ragOverride, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ragOverride);
        return AddAsync(db, planId, deliverableNumber, ActionHistoryKind.Override, ragOverride.Date, ragOverride.By, ragOverride.Reason, ragOverride.Rag, cancellationToken);
    }

    private static async Task<bool> AddAsync(
        LodestarDbContext db, string planId, string number, ActionHistoryKind kind, DateOnly date, string by, string text, ActionRag? rag,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.Set<ActionPlanEntity>().SingleOrDefaultAsync(p => p.PlanId == planId, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        var exists = await db.Set<ActionItemEntity>()
            .AnyAsync(i => i.PlanRecordId == plan.Id && i.Kind == ActionItemKind.Deliverable && i.Number == number, cancellationToken);
        if (!exists)
        {
            return false;
        }

        var history = db.Set<ActionHistoryEntity>().Where(h => h.PlanRecordId == plan.Id);
        var sequence = await history.AnyAsync(cancellationToken) ? await history.MaxAsync(h => h.Sequence, cancellationToken) + 1 : 0;
        db.Add(new ActionHistoryEntity
        {
            PlanRecordId = plan.Id, ItemKind = ActionItemKind.Deliverable, ItemNumber = number, Kind = kind, Sequence = sequence,
            Date = date, By = by, Text = text, Rag = rag,
        });
        return true;
    }
}
