using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Data;

/// <summary>/validation/rules: the rule catalogue for any signed-in user, filtered by return, linked from the Data page.</summary>
public sealed class RulesPageTests(SharedApp shared, Browser browser) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task RulesPage_ViewerFiltersByReturn_ShowsThatReturnsRulesOnly()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await shared.App.SignInAsync(page, Roles.Viewer);

        // Reached from the Data page.
        await page.GotoAsync(new Uri(shared.App.Address, "/data").ToString());
        await page.GetByTestId("rules-link").ClickAsync();
        await page.WaitForPageAsync("**/validation/rules");
        var rows = page.GetByTestId("rules").Locator("tbody tr");
        Assert.True(await rows.CountAsync() > 170);
        var uasc = page.Locator("tr[data-rule='205B'] td");
        Assert.Equal(["903", "error", "UASC", "all years", "DUC"], (await uasc.AllTextContentsAsync()).Take(5).Select(t => t.Trim()));

        // CIN only: 8740 is there, no 903 rule is.
        await page.Locator("#return").SelectOptionAsync("CIN");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForPageAsync("**/validation/rules?return=CIN&year=");
        Assert.Equal(1, await page.Locator("tr[data-rule='8740']").CountAsync());
        Assert.Equal(0, await page.Locator("tr[data-rule='205B']").CountAsync());
        Assert.DoesNotContain("903", (await rows.Locator("td:nth-child(2)").AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task RulesPage_ViewerChoosesAYear_ShowsThatYearsVersionOfEachRuleOnly()
    {
        using var client = await shared.App.SignedInClientAsync(Roles.Viewer);

        var of2024 = await client.GetStringAsync(new Uri("/validation/rules?return=903&year=2024", UriKind.Relative), TestContext.Current.CancellationToken);
        var of2026 = await client.GetStringAsync(new Uri("/validation/rules?return=903&year=2026", UriKind.Relative), TestContext.Current.CancellationToken);

        // 445 was retired after 2023/24; 383 has a version to 2024/25 and one from 2025/26; the chosen year stays selected.
        Assert.Contains("data-rule=\"445\"", of2024, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rule=\"445\"", of2026, StringComparison.Ordinal);
        Assert.Contains("to 2024/25", of2024, StringComparison.Ordinal);
        Assert.DoesNotContain("to 2024/25", of2026, StringComparison.Ordinal);
        Assert.Contains("from 2025/26", of2026, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2026\" selected=\"selected\">2025/26</option>", of2026, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesPage_SignedOut_AsksToSignIn()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, _) = tab;

        await page.GotoAsync(new Uri(shared.App.Address, "/validation/rules").ToString());

        Assert.DoesNotContain("/validation/rules", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("rules").CountAsync());
    }
}
