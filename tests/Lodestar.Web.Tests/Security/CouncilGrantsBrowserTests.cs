using Lodestar.Data.Security;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests.Security;

/// <summary>An administrator grants a council on the Users page; the user reaches its KPI page from their next request.</summary>
public sealed class CouncilGrantsBrowserTests(DemoApp demo, Browser browser)
{
    [Fact]
    public async Task UsersPage_AdminGrantsACouncil_TheUserThenReachesItsKpiPage()
    {
        var grantee = await demo.App.CreateUserAsync($"g{Guid.NewGuid():N}"[..16], TestGrants.None, Roles.Viewer);
        var kpiPage = new Uri(demo.App.Address, $"/kpis/cla_at_end?council={DemoApp.Council}&year=2025").ToString();
        await using var userTab = await browser.NewPageAsync();
        var (user, userErrors) = userTab;
        await user.GotoAsync(new Uri(demo.App.Address, "/account/sign-in").ToString());
        await user.GetByLabel("User name").FillAsync(grantee);
        await user.GetByLabel("Password").FillAsync(RunningApp.TestPassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await user.GetByTestId("sign-out").WaitForAsync();

        var before = await user.GotoAsync(kpiPage);
        Assert.Equal(404, before!.Status);
        Assert.Equal("Page not found", await user.Locator("h1").TextContentAsync());

        await using var adminTab = await browser.NewPageAsync();
        var (admin, adminErrors) = adminTab;
        await demo.App.SignInAsync(admin, TestGrants.None, Roles.Admin);
        await admin.GotoAsync(new Uri(demo.App.Address, "/admin/users").ToString());
        Assert.Equal("No councils", (await admin.GetByTestId($"councils-{grantee}").TextContentAsync())!.Trim().Split('\n')[0].Trim());
        await admin.GetByLabel("User", new() { Exact = true }).SelectOptionAsync(grantee);
        await admin.GetByLabel("Council", new() { Exact = true }).SelectOptionAsync(DemoApp.Council);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Grant council" }).ClickAsync();
        // The form posts to /admin/users and comes back to it, so the URL cannot say the grant is made: the row is polled until it does.
        await Assertions.Expect(admin.GetByTestId($"councils-{grantee}")).ToContainTextAsync($"Cambridgeshire ({DemoApp.Council})");

        var after = await user.GotoAsync(kpiPage);
        Assert.Equal(200, after!.Status);
        Assert.Contains("Children looked after", await user.Locator("h1").TextContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(adminErrors);
        Assert.DoesNotContain(userErrors, e => !e.Contains("404", StringComparison.Ordinal));
    }
}
