using Lodestar.Data.Audit;
using Lodestar.Domain.Problems;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Packs;

/// <summary>A version of a measure's commentary: what was written, by whom, when.</summary>
public sealed record CommentaryEntry(long Id, string MeasureId, string Text, string WrittenBy, DateTimeOffset WrittenAt);

/// <summary>
/// Commentary per measure, council and reporting year, with its history (docs/packs.md): a save adds a
/// version and an audit entry in one commit; nothing is overwritten or deleted.
/// </summary>
public static class PackCommentary
{
    /// <summary>The longest commentary kept: a paragraph or two for a board, not a report.</summary>
    public const int MaxLength = 4000;

    /// <summary>Stores a new version; a problem naming the field for empty or over-long text.</summary>
    public static async Task<Result<CommentaryEntry>> SaveAsync(
        LodestarDbContext db, AuditLog audit, TimeProvider clock, string actor, string council, string measureId, int year, string? text,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Result.Failure<CommentaryEntry>(new Problem(null, 0, "text", null, "write the commentary: it is empty"));
        }

        if (trimmed.Length > MaxLength)
        {
            return Result.Failure<CommentaryEntry>(new Problem(null, 0, "text", null, $"{trimmed.Length} characters; the most is {MaxLength}"));
        }

        var row = new PackCommentaryEntity
        {
            CouncilCode = council,
            MeasureId = measureId,
            Year = year,
            Text = trimmed,
            WrittenBy = actor,
            WrittenAt = clock.GetUtcNow(),
        };
        db.Set<PackCommentaryEntity>().Add(row);
        audit.Add(actor, "commentary", $"measure {measureId} {council} {year}", $"{trimmed.Length} characters");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(Entry(row));
    }

    /// <summary>The newest version of each of these measures' commentary for the council and year.</summary>
    public static async Task<IReadOnlyDictionary<string, CommentaryEntry>> LatestAsync(
        LodestarDbContext db, string council, int year, IReadOnlyCollection<string> measureIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<PackCommentaryEntity>().AsNoTracking()
            .Where(c => c.CouncilCode == council && c.Year == year && measureIds.Contains(c.MeasureId))
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.MeasureId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Entry(g.MaxBy(r => r.Id)!), StringComparer.Ordinal);
    }

    /// <summary>Every version of one measure's commentary for the council and year, newest first.</summary>
    public static async Task<IReadOnlyList<CommentaryEntry>> HistoryAsync(
        LodestarDbContext db, string council, string measureId, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<PackCommentaryEntity>().AsNoTracking()
            .Where(c => c.CouncilCode == council && c.Year == year && c.MeasureId == measureId)
            .OrderByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(Entry)];
    }

    private static CommentaryEntry Entry(PackCommentaryEntity row) => new(row.Id, row.MeasureId, row.Text, row.WrittenBy, row.WrittenAt);
}
