using Lodestar.Testing;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests;

/// <summary>Debian's Chromium, headless, driven by Playwright (whose own browser download is not used).</summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync()
    {
        var executable = Requirements.Chromium();
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic",
            ],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A new page that records every console error, page error and failed request.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync()
    {
        var page = await Chromium.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"page: {error}");
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
        return (page, errors);
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
