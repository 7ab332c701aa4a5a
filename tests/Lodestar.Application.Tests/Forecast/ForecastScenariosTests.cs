using Lodestar.Application.Forecast;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Audit;
using Lodestar.Formats.Actions;
using Lodestar.Metrics.Forecast;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Tests.Forecast;

public sealed class ForecastScenariosTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task SaveAsync_SameNameTwice_ReplacesItKeepsTheFactorsAndTheLinkAndAuditsEach(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var plan = ActionsYamlReader.ReadFile(Repository.File("samples", "actions", "cambs-lac-action-plan-2015-17.yaml")).Value.Plan;
            await ActionsStore.ImportAsync(db, plan, null, null, Cancel);
            var scenarios = new ForecastScenarios(db, new AuditLog(db, TimeProvider.System));
            var from = new DateOnly(2016, 6, 1);

            await scenarios.SaveAsync("ann", "E10000003", new ForecastScenario("Edge of care", from, entryFactor: 0.9), null, Cancel);
            var saved = await scenarios.SaveAsync("bob", "E10000003",
                new ForecastScenario("edge of care", from, entryFactorByBand: [1, 1, 1, 0.75, 1], residentialToFosterFactor: 1.5),
                new WorkstreamLink("cambs-lac-action-plan-2015-17", "1.1"), Cancel);
            Assert.True(saved.Succeeded);
        }

        await using var check = database.CreateContext();
        var stored = Assert.Single(await new ForecastScenarios(check, new AuditLog(check, TimeProvider.System)).ListAsync("E10000003", Cancel));
        Assert.Equal("edge of care", stored.Scenario.Name);
        Assert.Equal(1, stored.Scenario.EntryFactor);
        Assert.Equal([1, 1, 1, 0.75, 1], stored.Scenario.EntryFactorByBand);
        Assert.Equal(1.5, stored.Scenario.ResidentialToFosterFactor);
        Assert.Equal(new WorkstreamLink("cambs-lac-action-plan-2015-17", "1.1"), stored.Link);
        Assert.Equal("bob", stored.SavedBy);
        Assert.Equal(2, await check.Set<AuditEventEntity>().CountAsync(a => a.Action == "forecast.scenario.saved", Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task SaveAsync_LinkToAnotherCouncilsPlan_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var plan = ActionsYamlReader.ReadFile(Repository.File("samples", "actions", "cambs-lac-action-plan-2015-17.yaml")).Value.Plan;
        await ActionsStore.ImportAsync(db, plan, null, null, Cancel);
        var scenarios = new ForecastScenarios(db, new AuditLog(db, TimeProvider.System));

        var saved = await scenarios.SaveAsync("ann", "E10000015", new ForecastScenario("Edge of care", new DateOnly(2016, 6, 1)),
            new WorkstreamLink("cambs-lac-action-plan-2015-17", "1.1"), Cancel);

        Assert.Equal(("action_plan", "cambs-lac-action-plan-2015-17"), (Assert.Single(saved.Problems).Column, saved.Problems[0].Value));
        Assert.Empty(await scenarios.ListAsync("E10000015", Cancel));
    }
}
