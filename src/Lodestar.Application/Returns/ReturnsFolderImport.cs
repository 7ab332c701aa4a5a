using System.Security.Cryptography;
using Lodestar.Data;
using Lodestar.Data.Returns;
using Lodestar.Domain.Returns;
using Lodestar.Formats;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Returns;

/// <summary>What a folder import did: submissions confirmed, groups already submitted, and the problems of groups refused.</summary>
public sealed record FolderImportResult(int Confirmed, int AlreadySubmitted, IReadOnlyList<string> Refused);

/// <summary>
/// A folder of returns (one sub-folder per council code) taken in through submissions, as the web app
/// does at start with <c>Lodestar:Returns:Folder</c> and the demo with its generated returns: the files
/// are grouped by council, return and collection year, and each group is checked and confirmed as one
/// submission — unless a submission of the same council, return and year already holds exactly these
/// files (by SHA-256), whatever became of it, so a restart imports nothing twice and a roll-back stays
/// rolled back. The councils' stored results are computed once, after the last confirmation (and for any council
/// whose results are of an older version than its submissions, as a process that died part-way would leave them).
/// </summary>
public static class ReturnsFolderImport
{
    public static async Task<FolderImportResult> ImportAsync(LodestarDbContext db, Submissions submissions, string folder, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            // Nothing to take in; stored results left stale (by a process that died, or computed with another postcode
            // lookup than this host's) are still brought up to date.
            _ = await submissions.RefreshStaleResultsAsync(cancellationToken);
            return new FolderImportResult(0, 0, []);
        }

        // Read once to learn each file's council, return and year; the submission reads its group again.
        var loaded = StatutoryDataLoader.Load([folder]);
        var refused = loaded.Refusals.Select(p => p.ToString()).ToList();
        int confirmed = 0, already = 0;
        foreach (var council in loaded.Councils)
        {
            var groups = (council.Ssda903?.Files ?? []).Select(f => (Return: StatutoryReturn.Ssda903, File: f))
                .Concat((council.Cin?.Files ?? []).Select(f => (Return: StatutoryReturn.Cin, File: f)))
                .Concat((council.AnnexA?.Files ?? []).Select(f => (Return: StatutoryReturn.AnnexA, File: f)))
                .GroupBy(g => (g.Return, g.File.CollectionYear))
                .OrderBy(g => g.Key.Return).ThenBy(g => g.Key.CollectionYear);
            foreach (var group in groups)
            {
                var files = new List<InputFile>();
                foreach (var (_, file) in group)
                {
                    files.Add(new InputFile(Path.GetFileName(file.Path), await File.ReadAllBytesAsync(file.Path, cancellationToken)));
                }

                if (await SubmittedAsync(db, council.CouncilCode, group.Key.Return, group.Key.CollectionYear, files, cancellationToken))
                {
                    already++;
                    continue;
                }

                var check = await submissions.CheckAsync(actor, council.CouncilCode, files, group.Key.CollectionYear, cancellationToken);
                if (!check.Succeeded)
                {
                    refused.AddRange(check.Problems.Select(p => $"{council.CouncilCode} {group.Key.Return} {group.Key.CollectionYear}: {p}"));
                    continue;
                }

                // A folder's files are computed from as they are: confirmed with their findings, as before submissions. The
                // stored results are computed once, after the last confirmation, not after each.
                var confirmation = await submissions.ConfirmAsync(actor, check.Value.Submission.Id, storeResults: false, cancellationToken);
                if (!confirmation.Succeeded)
                {
                    refused.AddRange(confirmation.Problems.Select(p => p.ToString()));
                    continue;
                }

                confirmed++;
            }
        }

        // Also the councils a process that died part-way through an earlier import left with results of an older version.
        _ = await submissions.RefreshStaleResultsAsync(cancellationToken);
        return new FolderImportResult(confirmed, already, refused);
    }

    private static async Task<bool> SubmittedAsync(LodestarDbContext db, string council, StatutoryReturn kind, int year, List<InputFile> files, CancellationToken cancellationToken)
    {
        var sums = files.Select(f => Convert.ToHexStringLower(SHA256.HashData(f.Content))).Order(StringComparer.Ordinal).ToList();
        var stored = await db.Set<SubmissionEntity>()
            .Where(s => s.CouncilCode == council && s.Return == kind && s.CollectionYear == year)
            .Select(s => s.Files.Select(f => f.Sha256).ToList())
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return stored.Any(s => s.Order(StringComparer.Ordinal).SequenceEqual(sums));
    }
}
