using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Lodestar.Web.Tests.Packs;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests.Accessibility;

/// <summary>
/// The pages signed out on a fresh install, checked with axe-core in Chromium: no critical or serious violation; and
/// that the check can fail. The signed-in pages are checked by <see cref="SignedInSweepKpisTests"/>,
/// <see cref="SignedInSweepScorecardsTests"/>, <see cref="SignedInSweepActionsTests"/> and <see cref="SignedInSweepAccountTests"/>: four classes, so the runner
/// can run them side by side (a class's tests run one after another). axe's script is injected into the page, which
/// the app's Content-Security-Policy (script-src 'self') would block, so the test browser's context bypasses CSP; the
/// app's header is unchanged (<c>SecurityTests</c> checks it).
/// </summary>
public sealed class AccessibilityBrowserTests(Browser browser)
{
    public static readonly BrowserNewContextOptions AxeContext = new() { BypassCSP = true };

    [Fact]
    public async Task EveryPage_SignedOutOnAFreshInstall_HasNoCriticalOrSeriousAxeViolation()
    {
        // A fresh install: no users yet, so the home page shows the setup banner and /setup its form.
        await using var app = await RunningApp.StartAsync();
        await using var tab = await browser.NewPageAsync(AxeContext);
        var (page, errors) = tab;
        var checker = new AxeChecker(page, app.Address);

        await checker.CheckAsync("/");
        await checker.CheckAsync("/account/sign-in");
        await checker.CheckAsync("/setup");
        // A framework's public page, switched on, of approved figures: no sign-in (docs/packs.md).
        await PublicPageTestData.PublishAsync(app, approve: true, TestContext.Current.CancellationToken);
        await checker.CheckAsync(PublicPageTestData.Page + "?year=2025");

        Assert.True(checker.Failures.Count == 0, string.Join(Environment.NewLine, checker.Failures));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Axe_PageWithAKnownViolation_ReportsItAsSerious()
    {
        // The check can fail: an image without alternative text is a critical violation axe must find.
        await using var tab = await browser.NewPageAsync(AxeContext);
        var page = tab.Page;
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><h1>t</h1><img src=\"x.png\"></main></body></html>");

        var result = await AxeChecker.RunAsync(page);

        Assert.Contains(result.Violations, v => v.Id == "image-alt" && AxeChecker.Blocks(v));
    }

}

/// <summary>Visits pages and collects their critical and serious violations (and writes the rest to the test output).</summary>
public sealed class AxeChecker(IPage page, Uri address)
{
    public List<string> Failures { get; } = [];

    /// <summary>
    /// Every rule runs; only violations come back with all their nodes. By default axe also returns every node
    /// that passed, with its HTML — on the demo's scorecards and pack page that cut the checks' time by about a third (22 s against 32 s for the eight pages of one sweep).
    /// </summary>
    public static AxeRunOptions Options { get; } = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>
    /// axe on the whole page in one call inside it ("legacy mode"). The library's default mode runs axe in parts and
    /// then finishes in a new blank page it opens (a new browser context), injecting axe's 550 KB script twice: 2.8 s
    /// a check on the small sign-in page against 0.55 s in one call, and 2 min 38 s against 1 min 36 s for the
    /// accessibility tests on this 2-core machine. The parts mode exists for cross-origin iframes, which Lodestar's
    /// pages do not have. The wrapper marks legacy mode obsolete ("being removed in the future"); the version is pinned.
    /// </summary>
    public static Task<AxeResult> RunAsync(IPage page) =>
#pragma warning disable CS0618
        page.Locator("html").RunAxeLegacy(Options);
#pragma warning restore CS0618

    public static bool Blocks(AxeResultItem violation) => violation.Impact is "critical" or "serious";

    public async Task CheckAsync(string path)
    {
        var response = await page.GotoAsync(new Uri(address, path).ToString());
        if (response?.Status != 200)
        {
            Failures.Add($"{path}: status {response?.Status}");
            return;
        }

        var result = await RunAsync(page);
        foreach (var violation in result.Violations)
        {
            var nodes = string.Join(" | ", violation.Nodes.Take(3).Select(n => $"{n.Target} {n.Html}"));
            var line = $"{path}: {violation.Id} ({violation.Impact}) {violation.Help}: {nodes}";
            if (Blocks(violation))
            {
                Failures.Add(line);
            }
            else
            {
                TestContext.Current.TestOutputHelper?.WriteLine(line);
            }
        }
    }

    /// <summary>The first link on the current page matching the selector (e.g. to reach a page whose id the demo chose).</summary>
    public async Task<string> FirstLinkAsync(string selector) =>
        await page.Locator(selector).First.GetAttributeAsync("href") ?? throw new InvalidOperationException($"No link {selector} on {page.Url}.");

    public async Task<IReadOnlyList<string>> LinksAsync(string selector) =>
        await page.Locator(selector).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
}
