using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Accessibility;

/// <summary>
/// Every signed-in page, as a user with every role on the demo, checked with axe-core in Chromium: no critical or
/// serious violation. Four classes, each a part of the pages, so the runner runs them side by side.
/// </summary>
public abstract class SignedInSweep(DemoApp demo, Browser browser)
{
    protected const string Council = DemoApp.Council;
    protected const string Query = "?council=" + Council + "&year=2025";

    /// <summary>Visits this part's pages.</summary>
    protected abstract Task VisitAsync(AxeChecker checker);

    [Fact]
    public async Task EveryPage_SignedInWithEveryRole_HasNoCriticalOrSeriousAxeViolation()
    {
        await using var tab = await browser.NewPageAsync(AccessibilityBrowserTests.AxeContext);
        var (page, errors) = tab;
        await demo.App.SignInAsync(page, [.. Roles.All]);
        var checker = new AxeChecker(page, demo.App.Address);

        await VisitAsync(checker);

        Assert.True(checker.Failures.Count == 0, string.Join(Environment.NewLine, checker.Failures));
        Assert.Empty(errors);
    }
}

/// <summary>The home page, the KPI pages and the drill-through to a child.</summary>
public sealed class SignedInSweepKpisTests(DemoApp demo, Browser browser) : SignedInSweep(demo, browser)
{
    protected override async Task VisitAsync(AxeChecker checker)
    {
        await checker.CheckAsync("/");
        await checker.CheckAsync("/kpis");
        await checker.CheckAsync("/kpis/cla_at_end" + Query);
        await checker.CheckAsync("/kpis/placements_52wk_by_type" + Query);
        await checker.CheckAsync("/kpis/cla_at_end/children" + Query);
        await checker.CheckAsync(await checker.FirstLinkAsync("main a[href*='/children/']"));
        await checker.CheckAsync($"/councils/{Council}/forecast?as_at=2025-03-31&months=12");
    }
}

/// <summary>
/// The frameworks, a scorecard, a measure, every council's scorecard, and the board packs. One page of each template,
/// at its largest: the scorecards of the four demo frameworks are one page filled four ways, so the sweep checks the
/// council outcomes framework's (155 measures) and its every-council page, not all four of each (axe takes 3-6 s a
/// scorecard; the sweeps are most of the web tests' time). The pack page is the National Framework's, the
/// smallest pack with commentary links and trend charts.
/// </summary>
public sealed class SignedInSweepScorecardsTests(DemoApp demo, Browser browser) : SignedInSweep(demo, browser)
{
    private const string Largest = "council-outcomes-framework";

    protected override async Task VisitAsync(AxeChecker checker)
    {
        await checker.CheckAsync("/frameworks");
        var scorecards = await checker.LinksAsync("[data-testid=frameworks-table] a[href$='/scorecard']");
        var nationals = await checker.LinksAsync("[data-testid=frameworks-table] a[href$='/national']");
        Assert.Contains($"/frameworks/{Largest}/scorecard", scorecards);
        Assert.Contains($"/frameworks/{Largest}/national", nationals);

        await checker.CheckAsync($"/frameworks/{Largest}/scorecard" + Query);
        await checker.CheckAsync(await checker.FirstLinkAsync("[data-testid=scorecard-row] a[href*='/measures/']"));
        await checker.CheckAsync($"/frameworks/{Largest}/national?year=2025");
        await checker.CheckAsync("/packs");
        await checker.CheckAsync("/packs/built");
        await checker.CheckAsync("/packs/view?framework=national-framework" + Query.Replace('?', '&'));
        await checker.CheckAsync(await checker.FirstLinkAsync("[data-testid=commentary-links] a"));
        await checker.CheckAsync("/packs/public");
    }
}

/// <summary>The action plans, a plan and a deliverable, savings and benefits.</summary>
public sealed class SignedInSweepActionsTests(DemoApp demo, Browser browser) : SignedInSweep(demo, browser)
{
    protected override async Task VisitAsync(AxeChecker checker)
    {
        await checker.CheckAsync("/actions");
        await checker.CheckAsync(await checker.FirstLinkAsync("main a[href^='/actions/']"));
        await checker.CheckAsync(await checker.FirstLinkAsync("main a[href*='/deliverables/']"));
        await checker.CheckAsync("/savings");
        await checker.CheckAsync(await checker.FirstLinkAsync("main a[href^='/savings/']"));
        await checker.CheckAsync("/benefits");
    }
}

/// <summary>The data pages, the rules, the account and administration pages (two-factor and tokens; the password form is the same form template as sign-in, checked signed out).</summary>
public sealed class SignedInSweepAccountTests(DemoApp demo, Browser browser) : SignedInSweep(demo, browser)
{
    protected override async Task VisitAsync(AxeChecker checker)
    {
        await checker.CheckAsync("/values/import");
        await checker.CheckAsync("/data");
        await checker.CheckAsync($"/councils/{Council}/data");
        await checker.CheckAsync(await checker.FirstLinkAsync("main a[href*='/data/submissions/']"));
        await checker.CheckAsync("/validation/rules");
        await checker.CheckAsync("/account/two-factor");
        await checker.CheckAsync("/account/tokens");
        await checker.CheckAsync("/admin/users");
        await checker.CheckAsync("/admin/audit");
    }
}
