using Lodestar.Data.Returns;
using Lodestar.Domain.Returns;

namespace Lodestar.Application.Returns;

/// <summary>A stored file of a submission on the wire: name, what it held, size in bytes, SHA-256.</summary>
public sealed record SubmittedFileResponse(string Name, string Kind, long Size, string Sha256);

/// <summary>A rule that could not run on a submission on the wire: its id, the year it could not check, why.</summary>
public sealed record RuleNotRunResponse(string Rule, int CollectionYear, string Reason);

/// <summary>
/// The one JSON shape of a submission in the history (<c>lodestar returns list --format json</c>): return
/// <c>ssda903</c> or <c>cin</c>, status <c>checked</c>, <c>confirmed</c>, <c>superseded</c>, <c>rolled_back</c>
/// or <c>discarded</c>.
/// </summary>
public sealed record SubmissionResponse(
    long Id,
    string Council,
    string Return,
    int CollectionYear,
    string Status,
    string CheckedBy,
    DateTimeOffset CheckedAt,
    string? ConfirmedBy,
    DateTimeOffset? ConfirmedAt,
    long? SupersededId,
    int Errors,
    int Warnings,
    IReadOnlyList<SubmittedFileResponse> Files,
    IReadOnlyDictionary<string, int> Rows,
    IReadOnlyList<RuleNotRunResponse> NotRun)
{
    public static SubmissionResponse From(SubmissionSummary s) => new(
        s.Id,
        s.Council,
        s.Return.Code(),
        s.CollectionYear,
        s.Status == SubmissionStatus.RolledBack ? "rolled_back" : s.Status.ToString().ToLowerInvariant(),
        s.CheckedBy,
        s.CheckedAt,
        s.ConfirmedBy,
        s.ConfirmedAt,
        s.SupersededId,
        s.Errors,
        s.Warnings,
        [.. s.Files.Select(f => new SubmittedFileResponse(f.Name, f.Kind, f.Size, f.Sha256))],
        s.Rows,
        [.. s.NotRun.Select(n => new RuleNotRunResponse(n.Rule.Id, n.CollectionYear, n.Reason))]);
}
