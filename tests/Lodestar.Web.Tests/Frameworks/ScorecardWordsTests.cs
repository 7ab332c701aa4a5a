using System.Text.RegularExpressions;

namespace Lodestar.Web.Tests.Frameworks;

/// <summary>The demo's Council Outcomes Framework scorecard as people read it: words, not codes, and counts that add up.</summary>
public sealed partial class ScorecardWordsTests(DemoApp demo)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> OutcomesScorecardAsync()
    {
        using var client = await demo.App.SignedInClientAsync();
        return await client.GetStringAsync(new Uri($"/frameworks/council-outcomes-framework/scorecard?council={DemoApp.Council}&year=2025", UriKind.Relative), Cancel);
    }

    [Fact]
    public async Task OutcomesScorecard_RagCounts_AddUpToTheMeasuresShown()
    {
        var page = await OutcomesScorecardAsync();

        // One carers' measure sits under two outcomes: it is one measure, counted once (the page said "Grey 160" for 159).
        var measures = int.Parse(MeasuresPattern().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var counts = RagCountPattern().Matches(page).Select(m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, counts.Count);
        Assert.Equal(measures, counts.Sum());
    }

    [Fact]
    public async Task OutcomesScorecard_NodeKinds_AreWordsNotCodes()
    {
        var page = await OutcomesScorecardAsync();

        Assert.Contains(">Strategic outcome</span>", page, StringComparison.Ordinal);
        Assert.Contains(">Supporting outcome</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("strategic_outcome", page, StringComparison.Ordinal);
        Assert.DoesNotContain("supporting_outcome", page, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<dd class=""govuk-summary-list__value"">(\d+), of which")]
    private static partial Regex MeasuresPattern();

    [GeneratedRegex(@"govuk-tag govuk-tag--(green|yellow|red|grey)"">(?:Green|Amber|Red|Grey) (\d+)</strong>")]
    private static partial Regex RagCountPattern();
}
