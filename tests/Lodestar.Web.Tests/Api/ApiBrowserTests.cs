using Lodestar.Data.Security;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests.Api;

/// <summary>The API reference under the app's Content-Security-Policy (not bypassed), and the API tokens page.</summary>
public sealed class ApiBrowserTests(DemoApp demo, Browser browser)
{
    [Fact]
    public async Task Reference_RendersTheV1RoutesUnderTheContentSecurityPolicy()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;

        // Waited for by what it shows, not by the load event: the load waits for Scalar's whole multi-megabyte script
        // first, and under a loaded machine's CPU that alone ran past Playwright's 30 s (twice in a row on 1 December).
        var response = await page.GotoAsync(new Uri(demo.App.Address, "/scalar/v1").ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByText("The councils the caller may see").First.WaitForAsync(new() { Timeout = 60_000 });

        Assert.Contains("'nonce-", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TokensPage_CreatesATokenShownOnce_AndRevokesIt()
    {
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await demo.App.SignInAsync(page, Roles.Viewer);

        await page.GotoAsync(new Uri(demo.App.Address, "/account/tokens").ToString());
        await page.GetByLabel("Name (optional)").FillAsync("power-bi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var token = await page.GetByTestId("token").InputValueAsync();
        await page.GotoAsync(new Uri(demo.App.Address, "/account/tokens").ToString());
        var afterReload = await page.ContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke power-bi" }).ClickAsync();

        Assert.Matches("^lsp_[A-Za-z0-9_-]{43}$", token);
        Assert.DoesNotContain(token, afterReload, StringComparison.Ordinal);
        Assert.Equal("Token power-bi revoked: it no longer works.", (await page.GetByTestId("revoked").TextContentAsync())?.Trim());
        Assert.Contains("Revoked", await page.GetByTestId("tokens").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
