using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Security;

public sealed class SetupBrowserTests(Browser browser)
{
    [Fact]
    public async Task Setup_WithTheCodeFromTheDataFolder_CreatesTheAdministratorWhoSeesTheAuditLog()
    {
        await using var app = await RunningApp.StartAsync();
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;

        await page.GotoAsync(app.Address.ToString());
        await page.GetByText("Create the first administrator").ClickAsync();
        await page.GetByLabel("Setup code").FillAsync(app.SetupCode);
        await page.GetByLabel("User name").FillAsync("perf.lead");
        await page.GetByLabel("Password (at least 12 characters").FillAsync("a long enough passphrase");
        await page.GetByLabel("Password again").FillAsync("a long enough passphrase");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();

        Assert.Contains("Sign out perf.lead", await page.GetByTestId("sign-out").TextContentAsync(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(app.DataFolder, "setup-code.txt")), "setup closes once an administrator exists");

        await page.GotoAsync(new Uri(app.Address, "/admin/audit").ToString());
        var audit = await page.GetByTestId("audit-table").TextContentAsync();
        Assert.Contains("user-created", audit, StringComparison.Ordinal);
        Assert.Contains("perf.lead", audit, StringComparison.Ordinal);
        Assert.Contains("councils-granted", audit, StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            // The first administrator sees every council, so a fresh install (and the demo) works at once.
            var grants = scope.ServiceProvider.GetRequiredService<Lodestar.Data.Security.CouncilGrants>();
            Assert.True(await grants.AllowsAsync("perf.lead", "E10000003", TestContext.Current.CancellationToken));
        }

        await page.GetByTestId("sign-out").ClickAsync();
        await page.GotoAsync(new Uri(app.Address, "/setup").ToString());
        Assert.Equal("Lodestar is set up", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Setup_WrongCode_IsRefusedWithAnErrorSummary()
    {
        await using var app = await RunningApp.StartAsync();
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;

        await page.GotoAsync(new Uri(app.Address, "/setup").ToString());
        await page.GetByLabel("Setup code").FillAsync("000000000000000000000000");
        await page.GetByLabel("User name").FillAsync("intruder");
        await page.GetByLabel("Password (at least 12 characters").FillAsync("a long enough passphrase");
        await page.GetByLabel("Password again").FillAsync("a long enough passphrase");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();

        Assert.Contains("The setup code is not right", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "setup-code.txt")), "setup stays open");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Setup_ShortPasswordAndOverlongName_ShowsEveryProblemAndStaysOpen()
    {
        await using var app = await RunningApp.StartAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.Address, "/setup").ToString());
        await page.GetByLabel("Setup code").FillAsync(app.SetupCode);
        await page.GetByLabel("User name").FillAsync(new string('a', 101));
        await page.GetByLabel("Password (at least 12 characters").FillAsync("short");
        await page.GetByLabel("Password again").FillAsync("short");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();

        var summary = await page.Locator(".govuk-error-summary").TextContentAsync();
        Assert.Contains("A user name is 1 to 100 characters.", summary, StringComparison.Ordinal);
        Assert.Contains("A password needs at least 12 characters.", summary, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "setup-code.txt")), "setup stays open");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AdminUsers_TakenNameAndShortPassword_ShowsEveryProblemAndAddsNobody()
    {
        await using var app = await RunningApp.StartAsync();
        await app.CreateUserAsync("dan", Lodestar.Data.Security.Roles.Viewer);
        var (page, errors) = await browser.NewPageAsync();
        await app.SignInAsync(page, Lodestar.Data.Security.Roles.Admin);

        await page.GotoAsync(new Uri(app.Address, "/admin/users").ToString());
        await page.GetByLabel("User name").FillAsync("DAN");
        await page.GetByLabel("Initial password (at least 12 characters").FillAsync("short");
        await page.Locator("#role-viewer").CheckAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        var summary = await page.Locator(".govuk-error-summary").TextContentAsync();
        Assert.Contains("The user name 'dan' is taken.", summary, StringComparison.Ordinal);
        Assert.Contains("A password needs at least 12 characters.", summary, StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
