using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests.Security;

// Part of SignInTests so that it shares that class's app and browser (the test time budget).
/// <summary>
/// Two-factor in the browser, as a person does it: set up on /account/two-factor with the key shown and a code
/// from "the phone" (<see cref="Rfc6238"/>), keep a recovery code, sign out, sign in again with the password and
/// that recovery code. Each two-factor page has no critical or serious axe violation.
/// </summary>
public sealed partial class SignInTests
{
    [Fact]
    public async Task TwoFactor_SetUpInTheBrowser_ThenSignInWithARecoveryCode()
    {
        var app = shared.App;
        await using var tab = await browser.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true });
        var (page, errors) = tab;
        var userName = await app.SignInAsync(page, TestGrants.All, Roles.Viewer);
        var blocking = new List<string>();

        await page.GotoAsync(new Uri(app.Address, "/account/two-factor").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        var key = (await page.GetByTestId("authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        blocking.AddRange(await BlockingAsync(page));
        await page.GetByLabel("The 6-digit code your app shows").FillAsync(Rfc6238.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        var recovery = (await page.GetByTestId("recovery-codes").Locator("code").AllTextContentsAsync()).ToList();
        blocking.AddRange(await BlockingAsync(page));
        await page.GetByTestId("sign-out").ClickAsync();
        await page.GotoAsync(new Uri(app.Address, "/account/sign-in").ToString());
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(RunningApp.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code").WaitForAsync();
        var codePage = new Uri(page.Url).AbsolutePath;
        blocking.AddRange(await BlockingAsync(page));
        await page.GetByLabel("Code").FillAsync(recovery[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByTestId("sign-out").WaitForAsync();

        Assert.Equal(10, recovery.Count);
        Assert.Equal("/account/sign-in/code", codePage);
        Assert.Empty(blocking);
        Assert.Empty(errors);
    }

    private static async Task<IEnumerable<string>> BlockingAsync(IPage page) =>
        (await Accessibility.AxeChecker.RunAsync(page)).Violations.Where(v => v.Impact is "critical" or "serious").Select(v => $"{page.Url}: {v.Id} {v.Help}");
}
