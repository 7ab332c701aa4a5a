using Lodestar.Data.Security;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests.Accessibility;

/// <summary>
/// At 375 px wide (a small phone) the widest pages do not scroll sideways: their wide tables scroll inside
/// their own focusable region, not the page.
/// </summary>
public sealed class NarrowScreenBrowserTests(DemoApp demo, Browser browser)
{
    private const int Width = 375;
    private const string Query = "?council=" + DemoApp.Council + "&year=2025";

    [Fact]
    public async Task WidestPages_At375Pixels_DoNotScrollSideways()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await SignInThenNarrowAsync(page);
        string[] paths =
        [
            "/frameworks/council-outcomes-framework/scorecard" + Query,
            "/frameworks/childrens-trust-kpi-schedule/scorecard" + Query,
            "/kpis" + Query,
            "/kpis/cla_at_end" + Query,
            "/kpis/placements_52wk_by_type" + Query,
            "/data",
            $"/councils/{DemoApp.Council}/data",
            "/",
            "/frameworks/childrens-trust-kpi-schedule/measures/ctk-kpi-01-rereferrals-12m" + Query,
        ];

        var tooWide = new List<string>();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(new Uri(demo.App.Address, path).ToString());
            Assert.Equal(200, response?.Status);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > Width)
            {
                // Name the outermost elements that stick out, to say what to fix.
                var culprits = await page.EvaluateAsync<string[]>(@"w => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > w && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w))
                    .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px in ' + e.parentElement.tagName.toLowerCase() + '.' + [...e.parentElement.classList].join('.') + ' overflow-x ' + getComputedStyle(e.parentElement).overflowX)", Width);
                tooWide.Add($"{path}: {width} px ({string.Join(", ", culprits)})");
            }
        }

        Assert.True(tooWide.Count == 0, "Wider than the screen: " + string.Join("; ", tooWide));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task WideTable_At375Pixels_ScrollsInsideAFocusableRegion()
    {
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        await SignInThenNarrowAsync(page);

        await page.GotoAsync(new Uri(demo.App.Address, "/frameworks/council-outcomes-framework/scorecard" + Query).ToString());

        var region = page.Locator(".lodestar-table-scroll", new() { Has = page.GetByTestId("scorecard-table") });
        Assert.Equal(("region", "0", "Measures"), (await region.GetAttributeAsync("role"), await region.GetAttributeAsync("tabindex"), await region.GetAttributeAsync("aria-label")));
        // The table is wider than the screen, and it is the region that scrolls.
        Assert.True(await region.EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth"));
    }

    /// <summary>Signs in at the default width (at 375 px the service navigation is behind its Menu button), then narrows the page.</summary>
    private async Task SignInThenNarrowAsync(IPage page)
    {
        await demo.App.SignInAsync(page, Roles.Viewer);
        await page.SetViewportSizeAsync(Width, 800);
    }
}
