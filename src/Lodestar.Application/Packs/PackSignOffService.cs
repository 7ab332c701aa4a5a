using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;

namespace Lodestar.Application.Packs;

/// <summary>
/// Sign-off of a council's results for a framework and reporting year (docs/packs.md), for the web page, the API and
/// the command line: <see cref="PackSignOff"/>'s transitions, with the approval's snapshot taken from the scorecard
/// as it is now. The caller has checked the framework, the council's grant and the role for the transition.
/// </summary>
public sealed class PackSignOffService(LodestarDbContext db, ScorecardService scorecards, AuditLog audit, TimeProvider clock)
{
    public Task<SignOffState> StateAsync(string framework, string council, int year, CancellationToken cancellationToken) =>
        PackSignOff.StateAsync(db, framework, council, year, cancellationToken);

    /// <summary>Draft → submitted (an editor).</summary>
    public Task<Result<SignOffState>> SubmitAsync(string actor, string framework, string council, int year, CancellationToken cancellationToken) =>
        PackSignOff.SubmitAsync(db, audit, clock, actor, framework, council, year, cancellationToken);

    /// <summary>Submitted → approved (a manager), freezing every measure's figures as the scorecard shows them now.</summary>
    public async Task<Result<SignOffState>> ApproveAsync(string actor, string framework, string council, int year, CancellationToken cancellationToken)
    {
        var scorecard = await scorecards.ScorecardAsync(framework, council, Period.ReportingYear(year), cancellationToken);
        if (scorecard is null)
        {
            return Result.Failure<SignOffState>(new Problem(null, 0, "framework", framework, $"there is no framework '{framework}'"));
        }

        return await PackSignOff.ApproveAsync(db, audit, clock, actor, framework, council, year, Figures(scorecard), cancellationToken);
    }

    /// <summary>Submitted or approved → draft (a manager), with a reason.</summary>
    public Task<Result<SignOffState>> ReopenAsync(string actor, string framework, string council, int year, string? reason, CancellationToken cancellationToken) =>
        PackSignOff.ReopenAsync(db, audit, clock, actor, framework, council, year, reason, cancellationToken);

    /// <summary>Each measure's figures on the scorecard, once per measure: what an approval freezes.</summary>
    public static IReadOnlyList<SnapshotFigure> Figures(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return [.. scorecard.Rows.DistinctBy(r => r.Measure.Id).Select(r => new SnapshotFigure(
            r.Measure.Id, r.Value?.Value, r.Value?.Numerator, r.Value?.Denominator, r.Target?.Value, r.Rag.Status, r.Rag.Reason, r.Benchmarks))];
    }
}
