using System.Globalization;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Returns;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Returns;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Web.Pages;

/// <summary>A framework's scorecard for one council on the dashboard: its RAG counts and what turned red since the year before.</summary>
internal sealed record FrameworkPanel(string Id, string Title, Period Period, IReadOnlyDictionary<RagStatus, int> Counts, int WithValue, IReadOnlyList<ScorecardRow> TurnedRed);

/// <summary>A council's last confirmed return of one kind.</summary>
internal sealed record ConfirmedReturn(string Return, int CollectionYear, DateTimeOffset ConfirmedAt, string? ConfirmedBy);

/// <summary>One council on the dashboard.</summary>
internal sealed record CouncilPanel(Council Council, int Year, bool HasReturnsLoaded, IReadOnlyList<ConfirmedReturn> Confirmed, IReadOnlyList<FrameworkPanel> Frameworks);

/// <summary>An action plan with deliverables past their end date and not complete.</summary>
internal sealed record OverduePlan(string Id, string Title, string? CouncilName, IReadOnlyList<OverdueDeliverable> Overdue);

/// <summary>
/// The home page. Signed out: the product and whether setup is needed. Signed in: the dashboard — the user's
/// councils (their grants), each framework's RAG summary for each, the measures that turned red since the
/// year before, overdue actions, and when each council's returns were last confirmed.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(
    LodestarDbContext db, SetupCode setup, ScorecardService scorecards, StatutoryDataStore returns, Submissions submissions, CouncilAccess access, TimeProvider clock)
    : PageModel
{
    /// <summary>A user who may see more councils than this sees those with returns loaded (the others are a choice away on the scorecard).</summary>
    public const int MostCouncilsShown = 6;

    /// <summary>At most this many red measures listed per framework and council.</summary>
    public const int MostRedListed = 10;

    public int CouncilCount { get; private set; }

    public bool SetupNeeded => setup.IsOpen;

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>How many councils the user may see.</summary>
    public int Granted { get; private set; }

    public IReadOnlyList<CouncilPanel> Councils { get; private set; } = [];

    public IReadOnlyList<OverduePlan> OverduePlans { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CouncilCount = await db.Councils.CountAsync(cancellationToken);
        if (!SignedIn)
        {
            return;
        }

        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var allowed = await access.AllowedAsync(cancellationToken);
        var councils = await scorecards.CouncilsAsync(allowed, cancellationToken);
        Granted = councils.Count;
        var withData = returns.Councils.ToHashSet(StringComparer.Ordinal);
        var shown = councils.Count <= MostCouncilsShown ? councils : [.. councils.Where(c => withData.Contains(c.Code)).Take(MostCouncilsShown)];
        var frameworks = await scorecards.Frameworks.ListAsync(cancellationToken);

        var panels = new List<CouncilPanel>();
        foreach (var council in shown)
        {
            var year = await scorecards.DefaultYearAsync(council.Code, cancellationToken);
            var period = Period.ReportingYear(year);
            var list = new List<FrameworkPanel>();
            foreach (var framework in frameworks)
            {
                if (await scorecards.ScorecardAsync(framework.Id, council.Code, period, cancellationToken) is not { } now)
                {
                    continue;
                }

                var before = await scorecards.ScorecardAsync(framework.Id, council.Code, period.SameLastYear(), cancellationToken);
                list.Add(Panel(framework.Id, framework.Title, now, before));
            }

            panels.Add(new CouncilPanel(council, year, withData.Contains(council.Code), await ConfirmedAsync(council.Code, cancellationToken), list));
        }

        Councils = panels;
        OverduePlans = await OverdueAsync(allowed, councils, cancellationToken);
    }

    /// <summary>The RAG counts in words, the commonest colours first as the scorecard lists them: "2 green, 1 amber, 3 red, 102 with no rating".</summary>
    public static string CountsText(IReadOnlyDictionary<RagStatus, int> counts) =>
        $"{counts.GetValueOrDefault(RagStatus.Green)} green, {counts.GetValueOrDefault(RagStatus.Amber)} amber, {counts.GetValueOrDefault(RagStatus.Red)} red, {counts.GetValueOrDefault(RagStatus.Grey)} with no rating";

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A measure is listed when it is red now and was not red the year before (no rating then counts as not red).</summary>
    private static FrameworkPanel Panel(string id, string title, Scorecard now, Scorecard? before)
    {
        var wasRed = (before?.Rows ?? []).Where(r => r.Rag.Status == RagStatus.Red).Select(r => r.Measure.Id).ToHashSet(StringComparer.Ordinal);
        var rows = now.Rows.DistinctBy(r => r.Measure.Id).ToList();
        var turnedRed = rows.Where(r => r.Rag.Status == RagStatus.Red && !wasRed.Contains(r.Measure.Id)).ToList();
        return new FrameworkPanel(id, title, now.Period, now.Counts(), rows.Count(r => r.Value is not null), turnedRed);
    }

    private async Task<IReadOnlyList<ConfirmedReturn>> ConfirmedAsync(string council, CancellationToken cancellationToken) =>
        (await submissions.ListAsync(council, cancellationToken))
            .Where(s => s.Status == SubmissionStatus.Confirmed && s.ConfirmedAt is not null)
            .GroupBy(s => s.Return)
            .Select(g => g.MaxBy(s => s.ConfirmedAt)!)
            .Select(s => new ConfirmedReturn(ReturnName(s.Return), s.CollectionYear, s.ConfirmedAt!.Value, s.ConfirmedBy))
            .OrderBy(r => r.Return, StringComparer.Ordinal)
            .ToList();

    private static string ReturnName(StatutoryReturn kind) => kind switch
    {
        StatutoryReturn.Ssda903 => "Children looked after return (SSDA903)",
        StatutoryReturn.Cin => "Children in need census",
        _ => kind.ToString(),
    };

    // Plans tied to no council are everyone's; one tied to a council needs a grant for it.
    private async Task<IReadOnlyList<OverduePlan>> OverdueAsync(IReadOnlySet<string> allowed, IReadOnlyList<Council> councils, CancellationToken cancellationToken)
    {
        var names = councils.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        var plans = new List<OverduePlan>();
        foreach (var (id, council) in await ActionsStore.PlanCouncilsAsync(db, cancellationToken))
        {
            if (council is not null && !allowed.Contains(council))
            {
                continue;
            }

            if (await ActionsStore.LoadPlanAsync(db, id, cancellationToken) is { } plan
                && ActionPlanStatus.Compute(plan, Today).Overdue is { Count: > 0 } overdue)
            {
                plans.Add(new OverduePlan(plan.Id, plan.Title, council is null ? null : names.GetValueOrDefault(council, council), overdue));
            }
        }

        return [.. plans.OrderBy(p => p.Title, StringComparer.Ordinal)];
    }
}
