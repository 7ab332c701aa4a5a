using System.Net;
using Lodestar.Data.Security;
using Lodestar.Domain.Periods;

namespace Lodestar.Web.Tests.Security;

/// <summary>
/// Council grants on the demo start (the demo council's returns, the seed frameworks, the LAC action plan and
/// its savings plan, all for E10000003): every council-scoped route answers a user without a grant exactly as
/// it answers an unknown council (404), answers 200 once the council is granted, and 404 again from the next
/// request with the same cookie once it is revoked.
/// </summary>
public sealed class CouncilGrantsWebTests(DemoApp demo)
{
    private const string Council = DemoApp.Council;
    private const string Unknown = "E99999999";
    private const string OtherCouncil = "E10000015";
    private const string Framework = "childrens-trust-kpi-schedule";
    private const string Plan = "cambs-lac-action-plan-2015-17";
    private const string SavingsPlan = "cambs-lac-savings-2016-21";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// Every route that shows a council's data or results: its address for the demo council, and the text that
    /// turns it into the same address for something that does not exist (an unknown council, or plan).
    /// </summary>
    private IReadOnlyList<(string Path, string Token, string UnknownToken)> Routes()
    {
        var child = demo.Store.Engine.Explain("cla_at_end", demo.Store.Dataset(Council)!, Period.ReportingYear(2025)).NumeratorChildren[0];
        var query = $"council={Council}&year=2025";
        return
        [
            ($"/kpis?{query}", Council, Unknown),
            ($"/kpis/cla_at_end?{query}", Council, Unknown),
            ($"/kpis/cla_at_end/children?{query}", Council, Unknown),
            ($"/kpis/cla_at_end/children/{child}?{query}", Council, Unknown),
            ($"/api/v1/kpis?{query}", Council, Unknown),
            ($"/api/v1/kpis/cla_at_end/explain?{query}", Council, Unknown),
            ($"/frameworks/{Framework}/scorecard?{query}", Council, Unknown),
            ($"/frameworks/{Framework}/scorecard?council=873&year=2025", "873", "999"),
            ($"/frameworks/{Framework}/measures/ctk-kpi-01-rereferrals-12m?{query}", Council, Unknown),
            ($"/api/v1/frameworks/{Framework}/scorecard?{query}", Council, Unknown),
            ($"/api/v1/frameworks/{Framework}/measures/ctk-kpi-01-rereferrals-12m/series?{query}", Council, Unknown),
            ($"/api/v1/councils/{Council}/submissions", Council, Unknown),
            ($"/frameworks/{Framework}/scorecard.xlsx?{query}", Council, Unknown),
            ($"/actions/{Plan}", Plan, "no-such-plan"),
            ($"/actions/{Plan}/deliverables/1.1.1", Plan, "no-such-plan"),
            ($"/api/v1/action-plans/{Plan}", Plan, "no-such-plan"),
            ($"/savings/{SavingsPlan}", SavingsPlan, "no-such-plan"),
            ($"/api/v1/savings/{SavingsPlan}", SavingsPlan, "no-such-plan"),
        ];
    }

    [Fact]
    public async Task EveryCouncilRoute_WithoutAGrant404sAsForAnUnknownCouncil_WithOne200s_AndARevocationCountsAtTheNextRequest()
    {
        var (userName, client) = await demo.App.SignedInUserAsync(TestGrants.Of(OtherCouncil), Roles.Viewer, Roles.ChildLevel, Roles.Editor);
        using var _ = client;
        var routes = Routes();

        foreach (var (path, token, unknownToken) in routes)
        {
            var (status, body) = await GetAsync(client, path);
            var (unknownStatus, unknownBody) = await GetAsync(client, path.Replace(token, unknownToken, StringComparison.Ordinal));
            Assert.True(status == HttpStatusCode.NotFound, $"{path} without a grant: {(int)status}");
            Assert.True(unknownStatus == HttpStatusCode.NotFound, $"{path} for something unknown: {(int)unknownStatus}");
            Assert.True(
                Normalise(body, token) == Normalise(unknownBody, unknownToken),
                $"{path}: the 404 differs from an unknown one's:\n{Normalise(body, token)}\n---\n{Normalise(unknownBody, unknownToken)}");
        }

        await demo.App.GrantAsync(userName, Council);
        foreach (var (path, _, _) in routes)
        {
            var (status, _) = await GetAsync(client, path);
            Assert.True(status == HttpStatusCode.OK, $"{path} with the grant: {(int)status}");
        }

        await demo.App.RevokeAsync(userName, Council);
        foreach (var (path, _, _) in routes)
        {
            var (status, _) = await GetAsync(client, path);
            Assert.True(status == HttpStatusCode.NotFound, $"{path} after the revocation: {(int)status}");
        }
    }

    [Fact]
    public async Task AllCouncils_ReachesEveryCouncilRoute()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer, Roles.ChildLevel);

        foreach (var (path, _, _) in Routes())
        {
            Assert.True((await GetAsync(client, path)).Status == HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task PickersAndLists_ShowOnlyGrantedCouncils_AndTheDefaultIsAGrantedOne()
    {
        var (_, other) = await demo.App.SignedInUserAsync(TestGrants.Of(OtherCouncil, "E06000001"), Roles.Viewer);
        var (_, granted) = await demo.App.SignedInUserAsync(TestGrants.Of(Council), Roles.Viewer);
        using var __ = other;
        using var ___ = granted;

        // The KPI pages: the demo council is the only one with returns, and this user may not see it.
        var kpis = await other.GetStringAsync(new Uri("/kpis", UriKind.Relative), Cancel);
        Assert.Contains("data-testid=\"no-councils\"", kpis, StringComparison.Ordinal);
        Assert.DoesNotContain(Council, kpis, StringComparison.Ordinal);
        var grantedKpis = await granted.GetStringAsync(new Uri("/kpis", UriKind.Relative), Cancel);
        Assert.Equal([Council], Options(grantedKpis, "council"));

        // The scorecard: the picker lists the granted councils only; the default is one of them.
        var scorecard = await other.GetStringAsync(new Uri($"/frameworks/{Framework}/scorecard", UriKind.Relative), Cancel);
        Assert.Equal(["E06000001", OtherCouncil], Options(scorecard, "council").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Council, scorecard, StringComparison.Ordinal);
        var grantedScorecard = await granted.GetStringAsync(new Uri($"/frameworks/{Framework}/scorecard", UriKind.Relative), Cancel);
        Assert.Equal([Council], Options(grantedScorecard, "council"));

        // Action and savings plans tied to the demo council are listed only for a user granted it.
        Assert.DoesNotContain(Plan, await other.GetStringAsync(new Uri("/api/v1/action-plans", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.Contains(Plan, await granted.GetStringAsync(new Uri("/api/v1/action-plans", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain(Plan, await other.GetStringAsync(new Uri("/actions", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain(SavingsPlan, await other.GetStringAsync(new Uri("/savings", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.Contains(SavingsPlan, await granted.GetStringAsync(new Uri("/savings", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValuesImport_ARowForACouncilWithoutAGrant_IsRefusedAsForAnUnknownCouncilAndNothingIsStored()
    {
        var (_, editor) = await demo.App.SignedInUserAsync(TestGrants.Of(OtherCouncil), Roles.Viewer, Roles.Editor);
        using var _ = editor;

        // Not the demo council: the unknown-council message gives it as its example.
        const string NotGranted = "E06000001";
        var refused = await ImportAsync(editor, $"measure,council,period,value\nctk-kpi-01-rereferrals-12m,{NotGranted},2025,12\n");
        var unknown = await ImportAsync(editor, $"measure,council,period,value\nctk-kpi-01-rereferrals-12m,{Unknown},2025,12\n");

        Assert.Contains("nothing was imported", refused, StringComparison.Ordinal);
        Assert.Contains(NotGranted, Problems(refused), StringComparison.Ordinal);
        Assert.Equal(Problems(unknown).Replace(Unknown, "X", StringComparison.Ordinal), Problems(refused).Replace(NotGranted, "X", StringComparison.Ordinal));
    }

    /// <summary>A body with what may differ between two requests (the thing asked for, per-request tokens and trace ids) taken out.</summary>
    private static string Normalise(string body, string token)
    {
        var text = body.Replace(token, "X", StringComparison.Ordinal);
        text = System.Text.RegularExpressions.Regex.Replace(text, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "token");
        return System.Text.RegularExpressions.Regex.Replace(text, "\"trace_id\":\"[^\"]*\"", "trace");
    }

    private static async Task<string> ImportAsync(HttpClient client, string csv)
    {
        var form = await client.GetStringAsync(new Uri("/values/import", UriKind.Relative), Cancel);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "values.csv" },
        };
        using var response = await client.PostAsync(new Uri("/values/import", UriKind.Relative), content, Cancel);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>The problems table of the import page.</summary>
    private static string Problems(string page)
    {
        var start = page.IndexOf("<table", StringComparison.Ordinal);
        var end = page.IndexOf("</table>", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "no problems table");
        return page[start..end];
    }

    /// <summary>The values of a select's options.</summary>
    private static List<string> Options(string page, string selectId)
    {
        var start = page.IndexOf($"<select class=\"govuk-select\" id=\"{selectId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no select #{selectId}");
        var end = page.IndexOf("</select>", start, StringComparison.Ordinal);
        return [.. System.Text.RegularExpressions.Regex.Matches(page[start..end], "<option value=\"([^\"]*)\"").Select(m => m.Groups[1].Value)];
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }
}
