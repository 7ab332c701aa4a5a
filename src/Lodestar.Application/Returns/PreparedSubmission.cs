using System.Security.Cryptography;
using Lodestar.Data.Returns;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Returns;
using Lodestar.Formats;
using Lodestar.Formats.Validation;

namespace Lodestar.Application.Returns;

/// <summary>
/// An upload as checking found it (<see cref="Submissions.PrepareAsync(string, IReadOnlyList{Formats.InputFile}, int?, Formats.Text.ReadLimits?, Formats.Validation.ValidationReferences?, Func{Domain.Returns.StatutoryReturn, int, Task{IReadOnlyList{Formats.InputFile}?}})"/>), not yet stored: its return and collection
/// year, its files and what each held, the rows read per table, the findings in report order and the rules that
/// could not run.
/// </summary>
internal sealed record PreparedSubmission(
    string Council,
    StatutoryReturn Return,
    int CollectionYear,
    IReadOnlyList<InputFile> Files,
    IReadOnlyDictionary<string, string> Kinds,
    IReadOnlyDictionary<string, int> Rows,
    IReadOnlyList<Problem> Findings,
    IReadOnlyList<RuleNotRun> NotRun)
{
    /// <summary>The submission as stored: checked by <paramref name="actor"/> at <paramref name="at"/>, with its files (and their SHA-256), tables, findings and rules not run.</summary>
    public SubmissionEntity Entity(string actor, DateTimeOffset at) => new()
    {
        CouncilCode = Council,
        Return = Return,
        CollectionYear = CollectionYear,
        Status = SubmissionStatus.Checked,
        CheckedBy = actor,
        CheckedAt = at,
        Errors = Findings.Count(f => f.Severity == Severity.Error),
        Warnings = Findings.Count(f => f.Severity == Severity.Warning),
        Files = [.. Files.Select((f, i) => new SubmissionFileEntity
        {
            Position = i,
            Name = f.Name,
            Kind = Kinds[f.Name],
            Size = f.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content)),
            Content = f.Content,
        })],
        Tables = [.. Rows.Select(r => new SubmissionTableEntity { Name = r.Key, Rows = r.Value })],
        Findings = [.. Findings.Select((f, i) => new SubmissionFindingEntity
        {
            Position = i,
            File = f.File,
            Line = f.Line,
            Column = f.Column,
            Value = f.Value,
            Rule = f.Rule,
            Severity = f.Severity,
            Message = f.Message,
        })],
        RulesNotRun = [.. NotRun.Select((n, i) => new SubmissionRuleNotRunEntity
        {
            Position = i,
            Rule = n.Rule.Id,
            CollectionYear = n.CollectionYear,
            Reason = n.Reason,
        })],
    };
}
