using Lodestar.Testing;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (whose own browser download is not used): one browser
/// per test collection, shared as a fixture (<c>IClassFixture&lt;Browser&gt;</c>, or the collection's fixture),
/// launched at the first page a test asks for. Each test gets a new browser context — its own cookies and
/// storage — closed when the test ends.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _chromium;

    /// <summary>
    /// A page in a new context, recording every console error, page error and failed request. Skips the test
    /// (fails it under CI=true) when Chromium is missing. <paramref name="options"/> set up the context, e.g. a
    /// viewport, or <c>BypassCSP</c> for the accessibility tests, which inject axe-core's script into the page
    /// (the test browser then ignores the app's Content-Security-Policy; the app still sends it).
    /// </summary>
    public async Task<BrowserPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var chromium = await LaunchAsync();
        var context = await chromium.NewContextAsync(options);
        var page = await context.NewPageAsync();
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
        return new BrowserPage(context, page, errors);
    }

    private async Task<IBrowser> LaunchAsync()
    {
        // Checked for every test, so each one without Chromium is skipped with the reason.
        var executable = Requirements.Chromium();
        await _launch.WaitAsync();
        try
        {
            if (_chromium is null)
            {
                _playwright = await Playwright.CreateAsync();
                _chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = executable,
                    Headless = true,
                    // No site isolation (its extra renderer processes guard against hostile sites, not our own app) and no GPU compositing: the
                    // accessibility tests took 162 CPU-s against 175 (the browser process 19 against 33).
                    Args =
                    [
                        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process", "--disable-gpu-compositing",
                    ],
                });
            }

            return _chromium;
        }
        finally
        {
            _launch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        _playwright?.Dispose();
        _launch.Dispose();
    }
}

/// <summary>One test's page, in a browser context of its own, and the errors the page has reported; disposing closes the context.</summary>
public sealed class BrowserPage(IBrowserContext context, IPage page, List<string> errors) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>Console errors, page errors and failed requests, as they happen.</summary>
    public List<string> Errors { get; } = errors;

    public void Deconstruct(out IPage page, out List<string> errors) => (page, errors) = (Page, Errors);

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

/// <summary>Waiting for a page a click navigated to, without Playwright's load-state waits.</summary>
public static class PageNavigation
{
    private const float Timeout = 30_000;

    /// <summary>
    /// Waits until the URL matches <paramref name="url"/> (a glob: <c>**</c> for anything) and the new page's footer
    /// is in the DOM, so the whole server-rendered page is there. Both are polled. <c>WaitForURLAsync</c> flaked under
    /// CI load: with the default "load" state the event could arrive between Playwright's check and its subscription,
    /// and with "commit" a navigation already finished before the call was waited for for ever.
    /// </summary>
    public static Task WaitForPageAsync(this IPage page, string url) =>
        page.WaitForPageAsync(new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Escape(url).Replace(@"\*\*", ".*", StringComparison.Ordinal) + "$"));

    /// <inheritdoc cref="WaitForPageAsync(IPage, string)"/>
    public static async Task WaitForPageAsync(this IPage page, System.Text.RegularExpressions.Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = Timeout });
        await page.Locator(".govuk-footer").First.WaitForAsync(new() { Timeout = Timeout });
    }
}
