using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Lodestar.Data.Security;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests.Accessibility;

/// <summary>
/// Every page, signed in (a user with every role, on the demo) and signed out, checked with axe-core in
/// Chromium: no critical or serious violation. axe's script is injected into the page, which the app's
/// Content-Security-Policy (script-src 'self') would block, so the test browser's context bypasses CSP;
/// the app's header is unchanged (<c>SecurityTests</c> checks it).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class AccessibilityBrowserTests(DemoApp demo, Browser browser)
{
    private const string Council = DemoApp.Council;
    private const string Query = "?council=" + Council + "&year=2025";

    private static readonly BrowserNewContextOptions AxeContext = new() { BypassCSP = true };

    [Fact]
    public async Task EveryPage_SignedInWithEveryRole_HasNoCriticalOrSeriousAxeViolation()
    {
        // Two tabs side by side (the pages of KPIs and frameworks, and the rest): axe takes most of the time, and
        // Chromium, the app and axe can share the two cores.
        await using var first = await browser.NewPageAsync(AxeContext);
        await using var second = await browser.NewPageAsync(AxeContext);
        var (kpisPage, kpisErrors) = first;
        var (restPage, restErrors) = second;
        await demo.App.SignInAsync(kpisPage, [.. Roles.All]);
        await demo.App.SignInAsync(restPage, [.. Roles.All]);
        var kpis = new AxeChecker(kpisPage, demo.App.Address);
        var rest = new AxeChecker(restPage, demo.App.Address);

        await Task.WhenAll(KpisAndFrameworksAsync(kpis), EverythingElseAsync(rest));

        var failures = kpis.Failures.Concat(rest.Failures).ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Empty(kpisErrors);
        Assert.Empty(restErrors);

        static async Task KpisAndFrameworksAsync(AxeChecker checker)
        {
            await checker.CheckAsync("/");
            await checker.CheckAsync("/kpis");
            await checker.CheckAsync("/kpis/cla_at_end" + Query);
            await checker.CheckAsync("/kpis/placements_52wk_by_type" + Query);
            await checker.CheckAsync("/kpis/cla_at_end/children" + Query);
            await checker.CheckAsync(await checker.FirstLinkAsync("main a[href*='/children/']"));
            await checker.CheckAsync("/frameworks");
            foreach (var scorecard in await checker.LinksAsync("[data-testid=frameworks-table] a[href$='/scorecard']"))
            {
                await checker.CheckAsync(scorecard + Query);
            }

            await checker.CheckAsync(await checker.FirstLinkAsync("[data-testid=scorecard-row] a[href*='/measures/']"));
        }

        static async Task EverythingElseAsync(AxeChecker checker)
        {
            await checker.CheckAsync("/actions");
            var plan = await checker.FirstLinkAsync("main a[href^='/actions/']");
            await checker.CheckAsync(plan);
            await checker.CheckAsync(await checker.FirstLinkAsync("main a[href*='/deliverables/']"));
            await checker.CheckAsync("/savings");
            await checker.CheckAsync(await checker.FirstLinkAsync("main a[href^='/savings/']"));
            await checker.CheckAsync("/benefits");
            await checker.CheckAsync("/values/import");
            await checker.CheckAsync("/data");
            await checker.CheckAsync($"/councils/{Council}/data");
            await checker.CheckAsync(await checker.FirstLinkAsync("main a[href*='/data/submissions/']"));
            await checker.CheckAsync("/validation/rules");
            await checker.CheckAsync("/account/password");
            await checker.CheckAsync("/account/two-factor");
            await checker.CheckAsync("/account/tokens");
            await checker.CheckAsync("/admin/users");
            await checker.CheckAsync("/admin/audit");
            await checker.CheckAsync($"/councils/{Council}/forecast?as_at=2025-03-31&months=12");
            await checker.CheckAsync("/packs");
            await checker.CheckAsync("/packs/view?framework=childrens-trust-kpi-schedule" + Query.Replace('?', '&'));
        }
    }

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

        var result = await page.RunAxe();

        Assert.Contains(result.Violations, v => v.Id == "image-alt" && AxeChecker.Blocks(v));
    }

    /// <summary>Visits pages and collects their critical and serious violations (and writes the rest to the test output).</summary>
    private sealed class AxeChecker(IPage page, Uri address)
    {
        public List<string> Failures { get; } = [];

        public static bool Blocks(AxeResultItem violation) => violation.Impact is "critical" or "serious";

        public async Task CheckAsync(string path)
        {
            var response = await page.GotoAsync(new Uri(address, path).ToString());
            if (response?.Status != 200)
            {
                Failures.Add($"{path}: status {response?.Status}");
                return;
            }

            var result = await page.RunAxe();
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
}
