using System.Net;
using Lodestar.Data.Security;
using Lodestar.Web.Tests.Actions;

namespace Lodestar.Web.Tests.Forecast;

public sealed class ForecastScenarioPageTests
{
    private const string PagePath = "/councils/E10000003/forecast";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveScenario_Editor_StoresItWithItsWorkstreamAndAViewerCannot()
    {
        await using var app = await RunningApp.StartAsync();
        await ActionsSamples.ImportAsync(app, ActionsSamples.Seed004);
        using var editor = await app.SignedInClientAsync(Roles.Viewer, Roles.Editor);
        using var viewer = await app.SignedInClientAsync(Roles.Viewer);

        using var bad = await PostAsync(editor, new() { ["Form.Name"] = "Edge of care", ["Form.From"] = "2025-06-01", ["Form.EntryFactor"] = "eleven" });
        using var saved = await PostAsync(editor, new()
        {
            ["Form.Name"] = "Edge of care", ["Form.From"] = "2025-06-01", ["Form.EntryFactor"] = "0.9", ["Form.Entry10To15"] = "0.5",
            ["Form.ResidentialToFosterFactor"] = "1.5", ["Form.ExitFactor"] = "1", ["Form.Workstream"] = "cambs-lac-action-plan-2015-17|1.1",
        });
        using var refused = await PostAsync(viewer, new() { ["Form.Name"] = "Viewer's", ["Form.From"] = "2025-06-01" });
        var page = WebUtility.HtmlDecode(await editor.GetStringAsync(new Uri(PagePath, UriKind.Relative), Cancel));

        Assert.Contains("Enter a factor from 0 to 10 (1 = unchanged)", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains(">Edge of care</th>", page, StringComparison.Ordinal);
        Assert.Contains("× 0.9; 10_to_15 × 0.5", page, StringComparison.Ordinal);
        Assert.Contains("1.1 (cambs-lac-action-plan-2015-17)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Viewer's", page, StringComparison.Ordinal);
        // No returns in this app: the page says there is nothing to forecast from, and still lists the scenarios.
        Assert.Contains("No SSDA903 returns are confirmed for this council", page, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative), Cancel);
        var token = ActionsSamples.Token(page);
        fields["__RequestVerificationToken"] = token.Length > 0 ? token : "none";
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"{PagePath}?handler=Save", UriKind.Relative), content, Cancel);
    }
}
