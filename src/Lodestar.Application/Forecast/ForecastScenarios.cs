using System.Globalization;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Audit;
using Lodestar.Data.Forecast;
using Lodestar.Domain.Problems;
using Lodestar.Metrics.Forecast;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Forecast;

/// <summary>The action-plan workstream whose effect a scenario models.</summary>
public sealed record WorkstreamLink(string ActionPlanId, string Workstream);

/// <summary>A saved scenario: the scenario, its workstream if linked, who saved it and when.</summary>
public sealed record SavedScenario(ForecastScenario Scenario, WorkstreamLink? Link, string SavedBy, DateTimeOffset SavedAt);

/// <summary>
/// A council's saved, named forecast scenarios: save (replacing one of the same name), list, delete; each
/// change one transaction with its audit entry.
/// </summary>
public sealed class ForecastScenarios(LodestarDbContext db, AuditLog audit)
{
    /// <summary>The council's scenarios by name.</summary>
    public async Task<IReadOnlyList<SavedScenario>> ListAsync(string council, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<ForecastScenarioEntity>().AsNoTracking().Where(s => s.CouncilCode == council).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(ToSaved)];
    }

    /// <summary>
    /// Saves <paramref name="scenario"/> for <paramref name="council"/>, replacing the one of the same name
    /// (names compare ignoring case); a link must name a workstream of an action plan of the same council.
    /// </summary>
    public async Task<Result<SavedScenario>> SaveAsync(string actor, string council, ForecastScenario scenario, WorkstreamLink? link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (link is not null)
        {
            var plan = await ActionsStore.LoadPlanAsync(db, link.ActionPlanId, cancellationToken);
            if (plan is null || plan.Council != council)
            {
                return Result.Failure<SavedScenario>(new Problem(null, 0, "action_plan", link.ActionPlanId, $"no action plan with this id for {council}"));
            }

            if (plan.AllWorkstreams.All(w => w.Number != link.Workstream))
            {
                return Result.Failure<SavedScenario>(new Problem(null, 0, "workstream", link.Workstream, $"action plan {link.ActionPlanId} has no workstream with this number"));
            }
        }

        var all = await db.Set<ForecastScenarioEntity>().Where(s => s.CouncilCode == council).ToListAsync(cancellationToken);
        var row = all.FirstOrDefault(s => string.Equals(s.Name, scenario.Name, StringComparison.OrdinalIgnoreCase));
        if (row is null)
        {
            row = new ForecastScenarioEntity { CouncilCode = council, Name = scenario.Name, EntryFactorByBand = "", SavedBy = actor };
            db.Add(row);
        }

        row.Name = scenario.Name;
        row.From = scenario.From;
        row.EntryFactor = scenario.EntryFactor;
        row.EntryFactorByBand = string.Join(';', scenario.EntryFactorByBand.Select(f => f.ToString("R", CultureInfo.InvariantCulture)));
        row.ResidentialToFosterFactor = scenario.ResidentialToFosterFactor;
        row.ExitFactor = scenario.ExitFactor;
        row.ActionPlanId = link?.ActionPlanId;
        row.Workstream = link?.Workstream;
        row.SavedBy = actor;
        row.SavedAt = audit.Add(actor, "forecast.scenario.saved", council, scenario.Name).At;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(ToSaved(row));
    }

    /// <summary>Deletes the council's scenario of that name; false when there is none.</summary>
    public async Task<bool> DeleteAsync(string actor, string council, string name, CancellationToken cancellationToken = default)
    {
        var all = await db.Set<ForecastScenarioEntity>().Where(s => s.CouncilCode == council).ToListAsync(cancellationToken);
        var row = all.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (row is null)
        {
            return false;
        }

        db.Remove(row);
        audit.Add(actor, "forecast.scenario.deleted", council, row.Name);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static SavedScenario ToSaved(ForecastScenarioEntity row) => new(
        new ForecastScenario(row.Name, row.From, row.EntryFactor,
            [.. row.EntryFactorByBand.Split(';').Select(f => double.Parse(f, CultureInfo.InvariantCulture))],
            row.ResidentialToFosterFactor, row.ExitFactor),
        row.ActionPlanId is { } plan && row.Workstream is { } workstream ? new WorkstreamLink(plan, workstream) : null,
        row.SavedBy,
        row.SavedAt);
}
