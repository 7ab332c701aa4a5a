using Lodestar.Data.Actions;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Frameworks;
using Lodestar.Testing;

namespace Lodestar.Data.Tests.Actions;

public sealed class ActionPlanTargetsTests
{
    [Theory]
    [AllDatabases]
    public async Task Store_LacTargetByApril2016_BecomesTheTargetForMarch2016OnEveryCla_at_endMeasure(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var framework = new Framework
        {
            Id = "schedule",
            Title = "Schedule",
            Measures =
            [
                new Measure { Id = "kpi-13", Title = "CLA at month end", Source = MeasureSource.Kpi("cla_at_end") },
                new Measure { Id = "pi-35", Title = "CLA at 31 March", Source = MeasureSource.Kpi("cla_at_end") },
                new Measure { Id = "pi-36", Title = "CLA rate", Source = MeasureSource.Kpi("cla_rate_per_10k") },
            ],
            Nodes = [new FrameworkNode { Id = "n", Kind = "group", Title = "LAC", MeasureIds = ["kpi-13", "pi-35", "pi-36"] }],
        };
        Assert.True((await new FrameworkStore(db).ImportAsync(framework, cancel)).Succeeded);
        var plan = new ActionPlan
        {
            Id = "plan",
            Title = "LAC action plan",
            Council = "E10000003",
            Targets = [new MeasureTarget("cla_at_end", null, new DateOnly(2016, 4, 1), 535m)],
        };

        var result = await ActionPlanTargets.StoreAsync(db, plan, cancel);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var targets = await new FrameworkStore(db).TargetsAsync("E10000003", cancellationToken: cancel);
        Assert.Equal(["kpi-13", "pi-35"], targets.Select(t => t.MeasureId).Order());
        Assert.All(targets, t => Assert.Equal((new DateOnly(2015, 4, 1), new DateOnly(2016, 3, 31), 535m), (t.Period.Start, t.Period.End, t.Value)));
    }
}
