using Lodestar.Data.Actions;
using Lodestar.Domain.Actions;
using Lodestar.Testing;

namespace Lodestar.Data.Tests.Actions;

public sealed class ActionsHistoryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ActionPlan Plan(params ProgressUpdate[] progress) => new()
    {
        Id = "plan",
        Title = "Plan",
        Outcomes =
        [
            new Outcome
            {
                Number = "1",
                Title = "Outcome",
                Workstreams =
                [
                    new Workstream
                    {
                        Number = "1.1",
                        Title = "Workstream",
                        Deliverables = [new Deliverable { Number = "1.1.1", Text = "Deliverable", TargetEnd = new(2016, 3, 31), Progress = progress }],
                    },
                ],
            },
        ],
    };

    [Theory]
    [AllDatabases]
    public async Task AddProgressAndOverride_StoredPlan_AppendAfterTheFileHistoryAndSurviveReimport(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fromFile = new ProgressUpdate(new(2016, 2, 11), "L. Lofting", "From the file", ActionRag.Green);
        await using (var db = database.CreateContext())
        {
            await ActionsStore.ImportAsync(db, Plan(fromFile), null, null, Cancel);
        }

        await using (var db = database.CreateContext())
        {
            Assert.True(await ActionsHistory.AddProgressAsync(db, "plan", "1.1.1", new(new(2016, 2, 11), "editor", "From the web", ActionRag.Amber), Cancel));
            Assert.True(await ActionsHistory.AddOverrideAsync(db, "plan", "1.1.1", new(new(2016, 3, 1), "manager", ActionRag.Green, "Agreed at the board"), Cancel));
            await db.SaveChangesAsync(Cancel);
        }

        await using (var db = database.CreateContext())
        {
            // The file is imported again without the web's entries: they stay (history is only added to).
            await ActionsStore.ImportAsync(db, Plan(fromFile), null, null, Cancel);
        }

        await using var read = database.CreateContext();
        var deliverable = (await ActionsStore.LoadPlanAsync(read, "plan", Cancel))!.AllDeliverables.Single().Deliverable;
        Assert.Equal(["From the file", "From the web"], deliverable.Progress.Select(p => p.Text));
        Assert.Equal(("editor", ActionRag.Amber), (deliverable.Progress[1].By, deliverable.Progress[1].Rag!.Value));
        var ragOverride = Assert.Single(deliverable.Overrides);
        Assert.Equal(new RagOverride(new(2016, 3, 1), "manager", ActionRag.Green, "Agreed at the board"), ragOverride);
        // 2016-04-01: one day past its end date would be Red; the override in force makes it Green.
        Assert.Equal(ActionRag.Green, ActionRagRules.Compute(deliverable, new(2016, 4, 1), 28).Rag);
    }

    [Theory]
    [AllDatabases]
    public async Task AddProgress_UnknownPlanOrDeliverable_IsFalseAndAddsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await ActionsStore.ImportAsync(db, Plan(), null, null, Cancel);
        var update = new ProgressUpdate(new(2016, 2, 11), "editor", "Text", null);

        Assert.False(await ActionsHistory.AddProgressAsync(db, "no-plan", "1.1.1", update, Cancel));
        Assert.False(await ActionsHistory.AddProgressAsync(db, "plan", "9.9.9", update, Cancel));
        Assert.False(await ActionsHistory.AddProgressAsync(db, "plan", "1.1", update, Cancel)); // a workstream, not a deliverable
        Assert.DoesNotContain(db.ChangeTracker.Entries<ActionHistoryEntity>(), e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added);
    }
}
