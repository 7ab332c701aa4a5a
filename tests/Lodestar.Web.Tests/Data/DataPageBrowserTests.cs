using Lodestar.Data.Security;
using Microsoft.Playwright;
using static Lodestar.Web.Tests.Data.DataFiles;

namespace Lodestar.Web.Tests.Data;

/// <summary>
/// The Data page in headless Chromium: the upload (with its progress script), the check report, confirm, discard and roll back.
/// The tests share one app; each works on a council of its own, whose Data page and KPIs no other test touches.
/// </summary>
public sealed class DataPageBrowserTests(Browser browser, SharedApp shared) : IClassFixture<SharedApp>
{
    private static FilePayload File((string Name, byte[] Content) file) =>
        new() { Name = file.Name, MimeType = file.Name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/csv", Buffer = file.Content };

    [Fact]
    public async Task DataPage_BadFileDiscardedGoodSetConfirmedThenRolledBack_KpisChangeAndReturn()
    {
        var app = shared.App;
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page, Roles.Editor, Roles.Manager);
        const string council = "E06000011";

        // A first good set, confirmed: 2 children looked after at 31 March 2025.
        var first = await UploadAsync(page, app, council, Return903("C1", "C2"));
        await page.GetByTestId("confirm").ClickAsync();
        await page.GetByText("Confirmed", new() { Exact = true }).First.WaitForAsync();
        Assert.Equal("2", await ClaAtEndAsync(page, app, council));

        // A file with an error: the report names its file and line; discarded.
        await UploadAsync(page, app, council, Return903WithBadDate("31/02/2025x"));
        var finding = page.GetByTestId("finding").Filter(new() { HasText = "DATE-FORMAT" });
        Assert.Equal(1, await finding.CountAsync());
        var cells = await finding.Locator("td").AllTextContentsAsync();
        Assert.Equal(("episodes_2025.csv", "3", "DEC"), (cells[2].Trim(), cells[3].Trim(), cells[4].Trim()));
        await page.GetByTestId("discard").ClickAsync();
        Assert.Equal("Discarded", (await page.GetByTestId("status").TextContentAsync())?.Trim());

        // A good set of 5: "now" 2, "if confirmed" 5; confirmed, the KPI page shows 5.
        var second = await UploadAsync(page, app, council, Return903("C1", "C2", "C3", "C4", "C5"));
        Assert.Equal("2", (await page.GetByTestId("preview").GetByTestId("kpi-cla_at_end").GetByTestId("before").TextContentAsync())?.Trim());
        Assert.Equal("5", (await page.GetByTestId("preview").GetByTestId("kpi-cla_at_end").GetByTestId("after").TextContentAsync())?.Trim());
        await page.GetByTestId("confirm").ClickAsync();
        Assert.Equal("Confirmed", (await page.GetByTestId("status").TextContentAsync())?.Trim());
        Assert.Equal("5", (await page.GetByTestId("recorded-confirmed").GetByTestId("kpi-cla_at_end").GetByTestId("after").TextContentAsync())?.Trim());
        Assert.Equal("5", await ClaAtEndAsync(page, app, council));

        // Rolled back from the history: the first set is confirmed again and the KPI returns to 2.
        await page.GotoAsync(new Uri(app.Address, DataPageOf(council)).ToString());
        await page.GetByTestId($"roll-back-{second}").ClickAsync();
        Assert.Equal("Rolled back", (await page.GetByTestId("status").TextContentAsync())?.Trim());
        Assert.Equal("2", await ClaAtEndAsync(page, app, council));
        await page.GotoAsync(new Uri(app.Address, DataPageOf(council)).ToString());
        Assert.Equal("Confirmed", (await page.GetByTestId($"submission-{first}").GetByTestId("status").TextContentAsync())?.Trim());
        // The history keeps what each confirmation changed.
        Assert.EndsWith(": 2 → 5", (await page.GetByTestId($"submission-{second}").GetByTestId("kpi-cla_at_end").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Upload_HostileZip_ShowsTheRefusalInTheErrorSummary()
    {
        var app = shared.App;
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page, Roles.Editor);
        await page.GotoAsync(new Uri(app.Address, DataPageOf("E06000012")).ToString());

        await page.GetByLabel("Return files").SetInputFilesAsync(File(("return.zip", Zip(("../header_2025.csv", Return903("C1")[0].Content)))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await summary.WaitForAsync();
        Assert.Contains("path traversal", await summary.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Nothing was stored", await summary.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByTestId("no-submissions").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Upload_WithScript_ShowsTheProgressBarThenFollowsToTheReport()
    {
        var app = shared.App;
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page, Roles.Editor);
        await page.GotoAsync(new Uri(app.Address, DataPageOf("E06000013")).ToString());
        // The upload held back a moment, so the bar can be seen while it is under way.
        await page.RouteAsync("**/councils/*/data", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await Task.Delay(1000);
            }

            await route.ContinueAsync();
        });

        await page.GetByLabel("Return files").SetInputFilesAsync(Return903("C1", "C2").Select(File));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        var progress = page.GetByTestId("upload-progress");
        await progress.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Matches(@"\d+%", await progress.TextContentAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).IsDisabledAsync());
        await page.WaitForPageAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9]+$"));
        Assert.Equal("Checked", (await page.GetByTestId("status").TextContentAsync())?.Trim());
        Assert.Empty(errors);
    }

    // Uploads through the form (the progress script sends it and follows to the report); the report's submission id.
    private static async Task<long> UploadAsync(IPage page, RunningApp app, string council, List<(string Name, byte[] Content)> files)
    {
        await page.GotoAsync(new Uri(app.Address, DataPageOf(council)).ToString());
        await page.GetByLabel("Return files").SetInputFilesAsync(files.Select(File));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        await page.WaitForPageAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9]+$"));
        await page.GetByTestId("summary").WaitForAsync();
        return long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string?> ClaAtEndAsync(IPage page, RunningApp app, string council)
    {
        await page.GotoAsync(new Uri(app.Address, $"/kpis?council={council}&year=2025").ToString());
        return (await page.GetByTestId("value-cla_at_end").TextContentAsync())?.Trim();
    }
}
