using System.Net;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Security;

public sealed partial class SignInTests(SharedApp shared, Browser browser) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task SignIn_ViewerInBrowser_SeesTheirNameButNoAdminLinks()
    {
        var app = shared.App;
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;

        await app.SignInAsync(page, Roles.Viewer);

        Assert.StartsWith("Sign out user", (await page.GetByTestId("sign-out").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByText("Audit log").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AdminPage_ViewerCookie_IsForbidden()
    {
        var app = shared.App;
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/admin/audit", UriKind.Relative), TestContext.Current.CancellationToken);

        // Pages answer 403 with the "no access" page rather than showing the log.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_AdminCookie_ShowsTheSignInInTheAuditLog()
    {
        var app = shared.App;
        using var client = await app.SignedInClientAsync(Roles.Admin);

        var body = await client.GetStringAsync(new Uri("/admin/audit", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("sign-in", body, StringComparison.Ordinal);
    }
}
