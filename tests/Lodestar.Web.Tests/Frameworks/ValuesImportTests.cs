using System.Net;
using Lodestar.Data.Audit;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests.Frameworks;

public sealed class ValuesImportTests(Browser browser, ImportedFrameworkTestData imported) : IClassFixture<ImportedFrameworkTestData>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task ValuesImport_Editor_StoresTheValuesAndAnAuditEntry()
    {
        await using var app = await FrameworkTestData.StartAsync();
        await FrameworkTestData.ImportAsync(app, Cancel);
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page, Roles.Editor);

        await page.GotoAsync(new Uri(app.Address, "/values/import").ToString());
        await page.GetByLabel("Values file (CSV or XLSX)").SetInputFilesAsync(Csv(
            "values.csv",
            $"measure,council,period,value,note\n{FrameworkTestData.DecisionInOneDay},873,2025,91.5,from the test\n{FrameworkTestData.DecisionInOneDay},E10000003,2025-Q1,90,\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        Assert.Equal("Imported 2 values from values.csv.", (await page.GetByTestId("imported").TextContentAsync())?.Trim().Replace("Success", "", StringComparison.Ordinal).Trim());
        await using var db = FrameworkTestData.Open(app);
        var values = await new FrameworkStore(db).ValuesAsync(FrameworkTestData.Council, [FrameworkTestData.DecisionInOneDay], Cancel);
        Assert.Equal([90m, 91.5m], values.Select(v => v.Value).Order());
        var audit = await db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.Import).ToListAsync(Cancel);
        Assert.Equal("values values.csv", Assert.Single(audit).Subject);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ValuesImport_BadFile_ShowsRowAndColumnAndImportsNothing()
    {
        await using var app = await FrameworkTestData.StartAsync();
        await FrameworkTestData.ImportAsync(app, Cancel);
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page, Roles.Editor);

        await page.GotoAsync(new Uri(app.Address, "/values/import").ToString());
        await page.GetByLabel("Values file (CSV or XLSX)").SetInputFilesAsync(Csv(
            "bad.csv",
            $"measure,council,period,value\n{FrameworkTestData.DecisionInOneDay},873,2025,91.5\n{FrameworkTestData.DecisionInOneDay},873,2024,many\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        var problem = page.GetByTestId("problem");
        Assert.Equal(1, await problem.CountAsync());
        Assert.Equal("row 3, column value", (await problem.Locator("td").First.TextContentAsync())?.Trim());
        Assert.Equal("many", (await problem.Locator("td").Nth(1).TextContentAsync())?.Trim());
        Assert.Equal("not a number", (await problem.Locator("td").Nth(2).TextContentAsync())?.Trim());
        await using var db = FrameworkTestData.Open(app);
        Assert.Empty(await new FrameworkStore(db).ValuesAsync(FrameworkTestData.Council, [FrameworkTestData.DecisionInOneDay], Cancel));
        Assert.Empty(await db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.Import).ToListAsync(Cancel));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ValuesImport_Viewer_IsDenied()
    {
        var app = imported.App;
        using var viewer = await app.SignedInClientAsync(Roles.Viewer);

        using var response = await viewer.GetAsync(new Uri("/values/import", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // the "no access" page, as a 403
    }

    [Fact]
    public async Task MeasureValueForm_Editor_ReplacesTheValueWithAnEditAuditEntry()
    {
        await using var app = await FrameworkTestData.StartAsync();
        await FrameworkTestData.ImportAsync(app, Cancel);
        await using var tab = await browser.NewPageAsync();
        var (page, errors) = tab;
        await app.SignInAsync(page, Roles.Editor);

        await page.GotoAsync(new Uri(app.Address, $"/frameworks/{FrameworkTestData.FrameworkId}/measures/{FrameworkTestData.SeenAlone}?council=E10000003&year=2025").ToString());
        await page.GetByLabel("Period (2025, 2024-25, 2025-Q1, 2025-03)").FillAsync("2025");
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync("78.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save value" }).ClickAsync();
        await page.GetByTestId("saved").WaitForAsync();

        await using var db = FrameworkTestData.Open(app);
        var value = Assert.Single(await new FrameworkStore(db).ValuesAsync(FrameworkTestData.Council, [FrameworkTestData.SeenAlone], Cancel));
        Assert.Equal(78.5m, value.Value);
        var audit = Assert.Single(await db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.Edit).ToListAsync(Cancel));
        Assert.Equal($"value {FrameworkTestData.SeenAlone} E10000003 2025", audit.Subject);
        // 78.5% against the 80% target, higher is better, no tolerance.
        Assert.Contains("Red: 78.5% is 1.5 points worse than the 80% target", await page.GetByTestId("history").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task MeasureValueForm_ViewerPost_IsDenied()
    {
        var app = imported.App;
        using var viewer = await app.SignedInClientAsync(Roles.Viewer);
        var path = $"/frameworks/{FrameworkTestData.FrameworkId}/measures/{FrameworkTestData.SeenAlone}?council=E10000003&year=2025";
        var form = await viewer.GetStringAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.DoesNotContain("value-form", form, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["PeriodText"] = "2025", ["ValueText"] = "1", ["__RequestVerificationToken"] = token });

        using var response = await viewer.PostAsync(new Uri(path, UriKind.Relative), content, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // the "no access" page, as a 403
        await using var db = FrameworkTestData.Open(app);
        Assert.Equal(85m, Assert.Single(await new FrameworkStore(db).ValuesAsync(FrameworkTestData.Council, [FrameworkTestData.SeenAlone], Cancel)).Value);
    }
}
