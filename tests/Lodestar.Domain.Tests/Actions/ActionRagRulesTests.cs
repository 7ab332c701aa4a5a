using Lodestar.Domain.Actions;

namespace Lodestar.Domain.Tests.Actions;

public sealed class ActionRagRulesTests
{
    private static readonly DateOnly AsAt = new(2016, 3, 1);

    private static Deliverable Due(DateOnly? target, DateOnly? revised = null, DateOnly? completed = null, params RagOverride[] overrides) =>
        new() { Number = "1.1.1", Text = "A deliverable", TargetEnd = target, RevisedEnd = revised, Completed = completed, Overrides = overrides };

    private static ActionRag Rag(Deliverable d, int window = 28) => ActionRagRules.Compute(d, AsAt, window).Rag;

    [Fact]
    public void Compute_DueExactlyOnAsAtDate_IsAmberNotRed()
    {
        // Due today is not yet past its end date; 0 days to go is inside any warning window.
        Assert.Equal(ActionRag.Amber, Rag(Due(new DateOnly(2016, 3, 1))));
    }

    [Fact]
    public void Compute_OneDayPastEndDate_IsRed()
    {
        var result = ActionRagRules.Compute(Due(new DateOnly(2016, 2, 29)), AsAt, 28);

        Assert.Equal(ActionRag.Red, result.Rag);
        Assert.Equal("Red: 1 days past its end date 2016-02-29", result.Reason);
    }

    [Fact]
    public void Compute_DueExactlyAtWarningWindowEdge_IsAmber()
    {
        // 1 March + 28 days = 29 March.
        Assert.Equal(ActionRag.Amber, Rag(Due(new DateOnly(2016, 3, 29))));
    }

    [Fact]
    public void Compute_DueOneDayBeyondWarningWindow_IsGreen()
    {
        Assert.Equal(ActionRag.Green, Rag(Due(new DateOnly(2016, 3, 30))));
    }

    [Fact]
    public void Compute_WarningWindowZero_OnlyDueTodayIsAmber()
    {
        Assert.Equal(ActionRag.Amber, Rag(Due(new DateOnly(2016, 3, 1)), window: 0));
        Assert.Equal(ActionRag.Green, Rag(Due(new DateOnly(2016, 3, 2)), window: 0));
    }

    [Fact]
    public void Compute_RevisedEqualsTarget_IsNotSlipped()
    {
        var date = new DateOnly(2016, 6, 30);

        Assert.Equal(ActionRag.Green, Rag(Due(date, revised: date)));
    }

    [Fact]
    public void Compute_RevisedLaterThanTargetAndFarOff_IsAmber()
    {
        var result = ActionRagRules.Compute(Due(new DateOnly(2016, 6, 30), revised: new DateOnly(2016, 9, 30)), AsAt, 28);

        Assert.Equal(ActionRag.Amber, result.Rag);
        Assert.Equal("Amber: slipped from 2016-06-30 to 2016-09-30", result.Reason);
    }

    [Fact]
    public void Compute_RevisedEndPassed_IsRedEvenThoughTargetWasLater()
    {
        // The revised date is the one that counts, even when it was brought forward.
        Assert.Equal(ActionRag.Red, Rag(Due(new DateOnly(2016, 6, 30), revised: new DateOnly(2016, 2, 1))));
    }

    [Fact]
    public void Compute_PastTargetButRevisedLater_IsAmberNotRed()
    {
        Assert.Equal(ActionRag.Amber, Rag(Due(new DateOnly(2016, 1, 31), revised: new DateOnly(2016, 6, 30))));
    }

    [Fact]
    public void Compute_CompletedLate_IsBlue()
    {
        var result = ActionRagRules.Compute(Due(new DateOnly(2016, 1, 31), completed: new DateOnly(2016, 2, 20)), AsAt, 28);

        Assert.Equal(ActionRag.Blue, result.Rag);
        Assert.Equal("Blue: completed 2016-02-20", result.Reason);
    }

    [Fact]
    public void Compute_CompletedOnAsAtDate_IsBlue()
    {
        Assert.Equal(ActionRag.Blue, Rag(Due(new DateOnly(2016, 1, 31), completed: AsAt)));
    }

    [Fact]
    public void Compute_CompletionDatedAfterAsAt_IsNotYetComplete()
    {
        Assert.Equal(ActionRag.Red, Rag(Due(new DateOnly(2016, 1, 31), completed: new DateOnly(2016, 3, 2))));
    }

    [Fact]
    public void Compute_NoEndDate_IsGreen()
    {
        Assert.Equal(ActionRag.Green, Rag(Due(null)));
    }

    [Fact]
    public void Compute_OverrideWithReason_ReplacesComputedRagAndSaysWhy()
    {
        var overridden = new RagOverride(new DateOnly(2016, 2, 15), "S. Manager", ActionRag.Green, "Agreed new date with the board");
        var result = ActionRagRules.Compute(Due(new DateOnly(2016, 1, 31), overrides: overridden), AsAt, 28);

        Assert.Equal(ActionRag.Green, result.Rag);
        Assert.True(result.IsOverride);
        Assert.Equal("Green: overridden by S. Manager on 2016-02-15: Agreed new date with the board", result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RagOverride_WithoutReason_IsRefused(string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new RagOverride(AsAt, "S. Manager", ActionRag.Green, reason));

        Assert.Contains("reason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OverrideDatedAfterAsAt_DoesNotApplyYet()
    {
        var later = new RagOverride(new DateOnly(2016, 3, 2), "S. Manager", ActionRag.Green, "New date agreed");

        Assert.Equal(ActionRag.Red, Rag(Due(new DateOnly(2016, 1, 31), overrides: later)));
    }

    [Fact]
    public void Compute_OverrideCleared_ComputedRagReturns()
    {
        var set = new RagOverride(new DateOnly(2016, 2, 1), "S. Manager", ActionRag.Green, "New date agreed");
        var cleared = new RagOverride(new DateOnly(2016, 2, 20), "S. Manager", null, "");

        Assert.Equal(ActionRag.Red, Rag(Due(new DateOnly(2016, 1, 31), overrides: [set, cleared])));
        Assert.Null(ActionRagRules.OverrideInForce(Due(null, overrides: [set, cleared]), AsAt));
    }

    [Fact]
    public void Compute_LaterOverrideWins()
    {
        var first = new RagOverride(new DateOnly(2016, 2, 1), "A", ActionRag.Green, "one");
        var second = new RagOverride(new DateOnly(2016, 2, 10), "B", ActionRag.Amber, "two");

        Assert.Equal(ActionRag.Amber, Rag(Due(new DateOnly(2016, 1, 31), overrides: [second, first])));
    }

    [Fact]
    public void Compute_OverriddenDeliverableCompletes_IsBlue()
    {
        var overridden = new RagOverride(new DateOnly(2016, 2, 1), "S. Manager", ActionRag.Red, "Stalled");

        Assert.Equal(ActionRag.Blue, Rag(Due(new DateOnly(2016, 6, 30), completed: new DateOnly(2016, 2, 20), overrides: overridden)));
    }

    [Theory]
    [InlineData(new ActionRag[0], ActionRag.Grey)]
    [InlineData(new[] { ActionRag.Grey, ActionRag.Grey }, ActionRag.Grey)]
    [InlineData(new[] { ActionRag.Blue, ActionRag.Blue }, ActionRag.Blue)]
    [InlineData(new[] { ActionRag.Blue, ActionRag.Grey }, ActionRag.Blue)]
    [InlineData(new[] { ActionRag.Blue, ActionRag.Green }, ActionRag.Green)]
    [InlineData(new[] { ActionRag.Blue, ActionRag.Green, ActionRag.Amber }, ActionRag.Amber)]
    [InlineData(new[] { ActionRag.Red, ActionRag.Green, ActionRag.Amber }, ActionRag.Red)]
    [InlineData(new[] { ActionRag.Blue, ActionRag.Red }, ActionRag.Red)]
    public void RollUp_Children_GivesWorstOpenOrBlueWhenAllDone(ActionRag[] children, ActionRag expected)
    {
        Assert.Equal(expected, ActionRagRules.RollUp(children));
    }
}
