namespace Lodestar.Web.Tests.Pages;

public sealed class HomePageBrowserTests(Browser browser)
{
    [Fact]
    public async Task HomePage_InChromium_NamesTheProductWithoutConsoleErrors()
    {
        await using var app = await RunningApp.StartAsync();
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;

        var response = await page.GotoAsync(app.Address.ToString());

        Assert.Equal(200, response?.Status);
        Assert.Equal("Home – Lodestar", await page.TitleAsync());
        Assert.Equal("Lodestar", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Equal("153", (await page.GetByTestId("council-count").TextContentAsync())?.Trim());
        // GOV.UK Frontend's script marks the body once it has initialised its components.
        Assert.Contains("govuk-frontend-supported", await page.Locator("body").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
