using Lodestar.Data.Actions;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Benefits;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Actions;

public sealed class ActionsStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ActionPlan Plan(string deliverableText = "Draft a process", params ProgressUpdate[] progress) => new()
    {
        Id = "cambs-lac",
        Title = "LAC Action Plan",
        Council = "E10000003",
        AsAt = new DateOnly(2016, 2, 29),
        WarningWindowDays = 21,
        Notes = "Jun-16 read as 2016-06-30",
        Targets = [new MeasureTarget("cla_at_end", null, new(2016, 4, 1), 535m), new MeasureTarget("cla_at_end", null, new(2017, 4, 1), 497m)],
        Outcomes =
        [
            new Outcome
            {
                Number = "1",
                Title = "Families stay together",
                Workstreams =
                [
                    new Workstream
                    {
                        Number = "1.1",
                        Title = "Family CAF",
                        Leads = ["L. Lofting", "C. Smith"],
                        Priority = ActionPriority.Medium,
                        ImpactObjective = ImpactObjective.Number,
                        TargetReduction52Wk = 1.5m,
                        RecordedRag = ActionRag.Red,
                        Progress = [new ProgressUpdate(new(2016, 2, 15), "L. Lofting", "Meeting booked", ActionRag.Red)],
                        Deliverables =
                        [
                            new Deliverable
                            {
                                Number = "1.1.1",
                                Text = deliverableText,
                                TargetEnd = new(2016, 6, 30),
                                RevisedEnd = new(2016, 9, 30),
                                Measures = ["referrals"],
                                TargetSavingK = -25.5m,
                                Progress = progress,
                                Overrides = [new RagOverride(new(2016, 2, 16), "S. Manager", ActionRag.Green, "Agreed")],
                            },
                            new Deliverable { Number = "1.1.2", Text = "Raise awareness", TargetEnd = new(2016, 3, 31), Completed = new(2016, 2, 1) },
                        ],
                    },
                ],
            },
            new Outcome { Number = "2", Title = "Empty outcome" },
        ],
    };

    private static SavingsPlan Savings(decimal firstYear = -2100m) => new()
    {
        Id = "cambs-savings",
        Title = "Savings",
        Years = [Period.ParseFinancialYear("2016/17"), Period.ParseFinancialYear("2017/18")],
        PlacementYear = Period.ParseFinancialYear("2016/17"),
        ByObjective =
        [
            new ObjectiveSavings { Objective = "Reduce LAC", BpReference = "A/R.3.012", PlacementTypes = [PlacementCategory.Ifa], ValuesK = new Dictionary<Period, decimal> { [Period.ParseFinancialYear("2016/17")] = firstYear, [Period.ParseFinancialYear("2017/18")] = -1615m } },
            new ObjectiveSavings { Objective = "Inflation", ValuesK = new Dictionary<Period, decimal> { [Period.ParseFinancialYear("2016/17")] = -132m } },
        ],
        StatedTotalsK = new Dictionary<Period, decimal> { [Period.ParseFinancialYear("2016/17")] = -2232m, [Period.ParseFinancialYear("2017/18")] = -1615m },
        ByPlacementType =
        [
            new PlacementTypeSavings { PlacementType = PlacementCategory.Ifa, Label = "Independent fostering", BpSavingsK = -500m, BudgetTransfersK = -200m },
            new PlacementTypeSavings { PlacementType = PlacementCategory.Adoption, Label = "Concurrent adoption", UnsplitK = 50m },
        ],
        StatedPlacementTotal = new PlacementTotals(-450m, -200m, -650m),
    };

    private static BenefitsRegister Register(params RealisedValue[] realised) => new()
    {
        Id = "leeds-ld",
        Title = "Benefits",
        Source = "seeds/000",
        Benefits =
        [
            new Benefit { Id = "residential", Description = "Residential costs", Financial = true, Baseline = "£2,312,659", BaselineValue = 2_312_659m, ValuePerYear = 270_000m, ConfidencePercent = 75, Realised = realised },
            new Benefit { Id = "families", Description = "Improved family functioning", ConfidencePercent = 100, Measures = ["cla_started"] },
        ],
    };

    [Theory]
    [AllDatabases]
    public async Task ImportAsync_NewPlan_LoadsBackTheSamePlan(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var progress = new ProgressUpdate(new(2016, 2, 20), "L. Lofting", "Draft written", ActionRag.Amber);
        await using (var db = database.CreateContext())
        {
            var result = await ActionsStore.ImportAsync(db, Plan(progress: progress), null, null, Cancel);
            Assert.Equal(new ActionsImportResult(true, 3, false, false), result);
        }

        await using var read = database.CreateContext();
        var plan = await ActionsStore.LoadPlanAsync(read, "cambs-lac", Cancel);

        Assert.NotNull(plan);
        Assert.Equal(("LAC Action Plan", "E10000003", new DateOnly(2016, 2, 29), 21), (plan.Title, plan.Council, plan.AsAt!.Value, plan.WarningWindowDays));
        Assert.Equal(Plan().Targets, plan.Targets);
        Assert.Equal(["1", "2"], plan.Outcomes.Select(o => o.Number));
        Assert.Empty(plan.Outcomes[1].Workstreams);
        var workstream = plan.Outcomes[0].Workstreams.Single();
        Assert.Equal(["L. Lofting", "C. Smith"], workstream.Leads);
        Assert.Equal((ActionPriority.Medium, ImpactObjective.Number, 1.5m, ActionRag.Red), (workstream.Priority!.Value, workstream.ImpactObjective!.Value, workstream.TargetReduction52Wk!.Value, workstream.RecordedRag!.Value));
        Assert.Equal(Plan().Outcomes[0].Workstreams[0].Progress, workstream.Progress);
        var deliverable = workstream.Deliverables[0];
        Assert.Equal((new DateOnly(2016, 9, 30), -25.5m), (deliverable.RevisedEnd!.Value, deliverable.TargetSavingK!.Value));
        Assert.Equal(["referrals"], deliverable.Measures);
        Assert.Equal([progress], deliverable.Progress);
        Assert.Equal(Plan().Outcomes[0].Workstreams[0].Deliverables[0].Overrides, deliverable.Overrides);
        Assert.Equal(new DateOnly(2016, 2, 1), workstream.Deliverables[1].Completed);
    }

    [Theory]
    [AllDatabases]
    public async Task ImportAsync_SamePlanAgain_ReplacesItemsButKeepsEveryHistoryEntry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = new ProgressUpdate(new(2016, 2, 20), "L. Lofting", "Draft written", ActionRag.Amber);
        var second = new ProgressUpdate(new(2016, 3, 20), "L. Lofting", "Draft agreed", ActionRag.Green);
        await using (var db = database.CreateContext())
        {
            await ActionsStore.ImportAsync(db, Plan(progress: first), null, null, Cancel);
        }

        // The second file drops the first update and adds another: the first stays in the history.
        ActionsImportResult again;
        await using (var db = database.CreateContext())
        {
            again = await ActionsStore.ImportAsync(db, Plan("Draft a better process", second), null, null, Cancel);
        }

        await using var read = database.CreateContext();
        var plan = (await ActionsStore.LoadPlanAsync(read, "cambs-lac", Cancel))!;
        Assert.Equal(new ActionsImportResult(false, 1, false, false), again);
        var deliverable = plan.Outcomes[0].Workstreams[0].Deliverables[0];
        Assert.Equal("Draft a better process", deliverable.Text);
        Assert.Equal([first, second], deliverable.Progress);
        Assert.Single(deliverable.Overrides);
        Assert.Equal(1, await read.Set<ActionPlanEntity>().CountAsync(Cancel));
        Assert.Equal(5, await read.Set<ActionItemEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task ImportAsync_FailsPartWay_StoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await ActionsStore.ImportAsync(db, Plan(), null, null, Cancel);
        }

        // Two deliverables numbered 1.1.1 break the store's uniqueness rule after the savings plan was written.
        var broken = Plan("Changed text") with { Title = "Changed" };
        var workstream = broken.Outcomes[0].Workstreams[0];
        broken = broken with
        {
            Outcomes = [broken.Outcomes[0] with { Workstreams = [workstream with { Deliverables = [.. workstream.Deliverables, workstream.Deliverables[0]] }] }],
        };
        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => ActionsStore.ImportAsync(db, broken, Savings(), Register(), Cancel));
        }

        await using var read = database.CreateContext();
        var plan = (await ActionsStore.LoadPlanAsync(read, "cambs-lac", Cancel))!;
        Assert.Equal("LAC Action Plan", plan.Title);
        Assert.Equal("Draft a process", plan.Outcomes[0].Workstreams[0].Deliverables[0].Text);
        Assert.Null(await ActionsStore.LoadSavingsAsync(read, "cambs-savings", Cancel));
        Assert.Empty(await ActionsStore.LoadRegistersAsync(read, Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task ImportAsync_SavingsPlan_LoadsBackByItsIdOrThePlansId(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await ActionsStore.ImportAsync(db, Plan(), Savings(-9999m), null, Cancel);
        }

        await using (var db = database.CreateContext())
        {
            var replaced = await ActionsStore.ImportAsync(db, Plan(), Savings(), null, Cancel);
            Assert.False(replaced.SavingsCreated);
        }

        await using var read = database.CreateContext();
        var savings = (await ActionsStore.LoadSavingsAsync(read, "cambs-savings", Cancel))!;
        Assert.Equal(["2016/17", "2017/18"], savings.Years.Select(y => y.ToFinancialYearLabel()));
        Assert.Equal(Period.ReportingYear(2017), savings.PlacementYear);
        Assert.Equal(("Reduce LAC", "A/R.3.012", -2100m, -1615m), (savings.ByObjective[0].Objective, savings.ByObjective[0].BpReference, savings.ByObjective[0].ValueK(Period.ParseFinancialYear("2016/17")), savings.ByObjective[0].ValueK(Period.ParseFinancialYear("2017/18"))));
        Assert.Equal([PlacementCategory.Ifa], savings.ByObjective[0].PlacementTypes);
        Assert.Equal(-2232m, savings.TotalK(Period.ParseFinancialYear("2016/17")));
        Assert.Equal((-700m, (decimal?)null), (savings.ByPlacementType[0].TotalK, savings.ByPlacementType[0].UnsplitK));
        Assert.Equal((PlacementCategory.Adoption, 50m), (savings.ByPlacementType[1].PlacementType, savings.ByPlacementType[1].UnsplitK!.Value));
        Assert.Equal(new PlacementTotals(-450m, -200m, -650m), savings.StatedPlacementTotal);
        Assert.Empty(savings.Reconcile());
        Assert.Equal("cambs-savings", (await ActionsStore.LoadSavingsAsync(read, "cambs-lac", Cancel))!.Id);
    }

    [Theory]
    [AllDatabases]
    public async Task ImportAsync_Register_ReplacesBenefitsAndAddsRealisedValues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var year1 = new RealisedValue(new(2017, 3, 31), 120_000m, "Year 1");
        var year2 = new RealisedValue(new(2018, 3, 31), 150_000m, null);
        await using (var db = database.CreateContext())
        {
            await ActionsStore.ImportAsync(db, null, null, Register(year1), Cancel);
        }

        await using (var db = database.CreateContext())
        {
            var result = await ActionsStore.ImportAsync(db, null, null, Register(year2), Cancel);
            Assert.Equal(new ActionsImportResult(false, 1, false, false), result);
        }

        await using var read = database.CreateContext();
        var register = Assert.Single(await ActionsStore.LoadRegistersAsync(read, Cancel));
        var residential = register.Benefits[0];
        Assert.Equal(("£2,312,659", 2_312_659m, 270_000m, 75), (residential.Baseline, residential.BaselineValue!.Value, residential.ValuePerYear!.Value, residential.ConfidencePercent));
        Assert.Equal([year1, year2], residential.Realised);
        Assert.Equal(202_500m, residential.RiskAdjustedValuePerYear);
        Assert.Equal(["cla_started"], register.Benefits[1].Measures);
    }
}
