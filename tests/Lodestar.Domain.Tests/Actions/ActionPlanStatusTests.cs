using Lodestar.Domain.Actions;

namespace Lodestar.Domain.Tests.Actions;

public sealed class ActionPlanStatusTests
{
    private static readonly DateOnly AsAt = new(2016, 3, 1);

    private static Deliverable D(string number, DateOnly? end, DateOnly? completed = null) =>
        new() { Number = number, Text = $"Deliverable {number}", TargetEnd = end, Completed = completed };

    // Outcome 1: workstream 1.1 (urgent): 1.1.1 Red (10 days late), 1.1.2 Blue; workstream 1.2 (high): 1.2.1 Green.
    // Outcome 2: workstream 2.1 (medium): 2.1.1 Red (40 days late), 2.1.2 Amber (due in 5 days); workstream 2.2: no deliverables.
    private static ActionPlan Plan() => new()
    {
        Id = "test-plan",
        Title = "Test plan",
        Outcomes =
        [
            new Outcome
            {
                Number = "1",
                Title = "One",
                Workstreams =
                [
                    new Workstream { Number = "1.1", Title = "W 1.1", Priority = ActionPriority.Urgent, Leads = ["A. Lead"], Deliverables = [D("1.1.1", new(2016, 2, 20)), D("1.1.2", new(2016, 2, 1), completed: new(2016, 2, 1))] },
                    new Workstream { Number = "1.2", Title = "W 1.2", Priority = ActionPriority.High, Deliverables = [D("1.2.1", new(2016, 9, 30))] },
                ],
            },
            new Outcome
            {
                Number = "2",
                Title = "Two",
                Workstreams =
                [
                    new Workstream { Number = "2.1", Title = "W 2.1", Priority = ActionPriority.Medium, Leads = ["B. Lead"], Deliverables = [D("2.1.1", new(2016, 1, 21)), D("2.1.2", new(2016, 3, 6))] },
                    new Workstream { Number = "2.2", Title = "W 2.2" },
                ],
            },
        ],
    };

    [Fact]
    public void Compute_Plan_RollsUpWorkstreamsAndOutcomes()
    {
        var status = ActionPlanStatus.Compute(Plan(), AsAt);

        Assert.Equal([ActionRag.Red, ActionRag.Green], status.Outcomes[0].Workstreams.Select(w => w.Rag));
        Assert.Equal([ActionRag.Red, ActionRag.Grey], status.Outcomes[1].Workstreams.Select(w => w.Rag));
        Assert.Equal([ActionRag.Red, ActionRag.Red], status.Outcomes.Select(o => o.Rag));
        Assert.Equal(ActionRag.Red, status.Rag);
    }

    [Fact]
    public void Compute_Plan_CountsDeliverablesByRag()
    {
        var status = ActionPlanStatus.Compute(Plan(), AsAt);

        Assert.Equal(1, status.DeliverablesByRag[ActionRag.Blue]);
        Assert.Equal(1, status.DeliverablesByRag[ActionRag.Green]);
        Assert.Equal(1, status.DeliverablesByRag[ActionRag.Amber]);
        Assert.Equal(2, status.DeliverablesByRag[ActionRag.Red]);
    }

    [Fact]
    public void Compute_Plan_CountsDeliverablesByPriorityAndRag()
    {
        var status = ActionPlanStatus.Compute(Plan(), AsAt);

        Assert.Equal([ActionPriority.Urgent, ActionPriority.High, ActionPriority.Medium], status.DeliverablesByPriority.Select(p => p.Priority));
        var urgent = status.DeliverablesByPriority[0];
        Assert.Equal((2, 1, 1), (urgent.Total, urgent.ByRag[ActionRag.Red], urgent.ByRag[ActionRag.Blue]));
        var medium = status.DeliverablesByPriority[2];
        Assert.Equal((2, 1, 1), (medium.Total, medium.ByRag[ActionRag.Red], medium.ByRag[ActionRag.Amber]));
    }

    [Fact]
    public void Compute_Plan_ListsOverdueByDaysOverdueMostFirst()
    {
        var status = ActionPlanStatus.Compute(Plan(), AsAt);

        // 2.1.1 ended 21 Jan: 40 days before 1 March 2016 (Jan 10 + Feb 29 + 1); 1.1.1 ended 20 Feb: 10 days.
        Assert.Equal([("2.1.1", 40), ("1.1.1", 10)], status.Overdue.Select(o => (o.Number, o.DaysOverdue)));
        Assert.Equal(["B. Lead"], status.Overdue[0].Leads);
    }

    [Fact]
    public void MeasureTargets_TargetWithoutCouncil_TakesThePlansCouncil()
    {
        var plan = Plan() with
        {
            Council = "E10000003",
            Targets = [new MeasureTarget("cla_at_end", null, new(2016, 4, 1), 535), new MeasureTarget("cla_at_end", "E06000031", new(2017, 4, 1), 497)],
        };

        Assert.Equal(
            [new MeasureTarget("cla_at_end", "E10000003", new(2016, 4, 1), 535), new MeasureTarget("cla_at_end", "E06000031", new(2017, 4, 1), 497)],
            plan.MeasureTargets());
    }
}
