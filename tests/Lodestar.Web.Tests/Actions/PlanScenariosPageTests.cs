using System.Net;
using Lodestar.Web.Tests.Frameworks;

namespace Lodestar.Web.Tests.Actions;

/// <summary>The action plan page shows the forecast scenarios linked to each workstream and what each must achieve.</summary>
[Collection(RulesApp.Collection)]
public sealed class PlanScenariosPageTests(RulesApp data)
{
    private static string Detail(string html, string testId)
    {
        var needle = $"data-testid=\"{testId}\">";
        var at = html.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no {testId}");
        var text = html[(at + needle.Length)..];
        var words = System.Text.RegularExpressions.Regex.Replace(text[..text.IndexOf("</span>", StringComparison.Ordinal)], "<[^>]+>", "");
        return System.Text.RegularExpressions.Regex.Replace(words, "\\s+", " ").Trim();
    }

    [Fact]
    public async Task PlanPage_LinkedScenarios_ShowWhatEachWorkstreamMustAchieve()
    {
        var client = data.Staff;

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(
            new Uri($"/actions/{ActionsSamples.Seed004}?asAt=2016-02-11", UriKind.Relative), TestContext.Current.CancellationToken));

        // Forecast as at 31 March 2023 (the returns' last day) for 24 months, to 31 March 2025.
        var unchanged = Detail(page, "workstream-scenario-1.1");
        var noEntries = Detail(page, "workstream-scenario-1.2");
        Assert.Contains("Forecast scenario No change models this workstream (from 1 April 2023, entries × 1, residential to fostering × 1, leaving care × 1)", unchanged, StringComparison.Ordinal);
        // Every factor 1 is the baseline itself: the same runs, no change.
        Assert.Contains("as at 31 Mar 2023: 0 children looked after on 31 Mar 2025, and 0 52-week placements over the 24 months", unchanged, StringComparison.Ordinal);
        // No entries from April 2023: fewer children and fewer placements than on current trends.
        Assert.Contains("(from 1 April 2023, entries × 0,", noEntries, StringComparison.Ordinal);
        Assert.Matches("as at 31 Mar 2023: \u2212[0-9.,]+ children looked after on 31 Mar 2025, and \u2212[0-9.,]+ 52-week placements", noEntries);
        Assert.DoesNotContain("workstream-scenario-2.1", page, StringComparison.Ordinal);
    }
}
