using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lodestar.Application.Packs;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Data.Security;
using Lodestar.Web.Tests.Frameworks;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Packs;

/// <summary>Switches the Children's Trust schedule's public page on, and approves E10000003's 2024-25 figures when asked.</summary>
internal static class PublicPageTestData
{
    public const string Page = "/public/" + FrameworkTestData.Council + "/" + FrameworkTestData.FrameworkId;

    public static async Task PublishAsync(RunningApp app, bool approve, CancellationToken cancellationToken)
    {
        await FrameworkTestData.ImportAsync(app, cancellationToken);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LodestarDbContext>();
        var audit = services.GetRequiredService<AuditLog>();
        await PackPublication.SetAsync(db, audit, TimeProvider.System, "root", FrameworkTestData.FrameworkId, true, cancellationToken);
        if (approve)
        {
            var signOff = new PackSignOffService(db, services.GetRequiredService<ScorecardService>(), audit, TimeProvider.System);
            Assert.True((await signOff.SubmitAsync("ann", FrameworkTestData.FrameworkId, FrameworkTestData.Council, 2025, cancellationToken)).Succeeded);
            Assert.True((await signOff.ApproveAsync("max", FrameworkTestData.FrameworkId, FrameworkTestData.Council, 2025, cancellationToken)).Succeeded);
        }
    }
}

/// <summary>
/// Sign-off through the API and the pack page, commentary on the page, and the public page, on one app with the
/// Children's Trust schedule imported. Each test works on a year of its own (2023, 2024, 2025), so none sees another's changes.
/// </summary>
public sealed class PackSignOffWebTests(PackSignOffWebTests.Users shared) : IClassFixture<PackSignOffWebTests.Users>
{
    /// <summary>The app, and one signed-in user per set of roles, shared by the class's tests (a sign-in costs a password hash).</summary>
    public sealed class Users : SharedApp
    {
        private readonly Dictionary<string, (string Name, HttpClient Client)> _users = [];

        public async Task<(string Name, HttpClient Client)> UserAsync(params string[] roles)
        {
            var key = string.Join(",", roles);
            if (!_users.TryGetValue(key, out var user))
            {
                _users[key] = user = await App.SignedInUserAsync(TestGrants.All, roles);
            }

            return user;
        }

        public async Task<HttpClient> ClientAsync(params string[] roles) => (await UserAsync(roles)).Client;

        protected override Task PrepareAsync(RunningApp app) => FrameworkTestData.ImportAsync(app, TestContext.Current.CancellationToken);
    }

    private const string Route = "/api/v1/frameworks/" + FrameworkTestData.FrameworkId + "/signoff/";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_SignOff_MovesByRoleAndRefusesWithProblemDetails()
    {
        var viewer = await shared.ClientAsync(Roles.Viewer);
        var editor = await shared.ClientAsync(Roles.Viewer, Roles.Editor);
        var manager = await shared.ClientAsync(Roles.Viewer, Roles.Manager);
        var (_, other) = await shared.App.SignedInUserAsync(TestGrants.Of("E06000001"), Roles.Viewer, Roles.Manager);
        const string Year = "E10000003/2023";

        var draft = await viewer.GetFromJsonAsync<JsonElement>(Route + Year, Cancel);
        var viewerSubmits = await viewer.PostAsync(Route + Year + "/submit", null, Cancel);
        var submitted = await editor.PostAsync(Route + Year + "/submit", null, Cancel);
        var editorApproves = await editor.PostAsync(Route + Year + "/approve", null, Cancel);
        var ungranted = await other.PostAsync(Route + Year + "/approve", null, Cancel);
        var approved = await manager.PostAsync(Route + "873/2023/approve", null, Cancel);
        var twice = await manager.PostAsync(Route + Year + "/approve", null, Cancel);
        var noReason = await manager.PostAsJsonAsync(Route + Year + "/reopen", new { reason = "" }, Cancel);
        var reopened = await manager.PostAsJsonAsync(Route + Year + "/reopen", new { reason = "A return was resubmitted." }, Cancel);
        var state = await viewer.GetFromJsonAsync<JsonElement>(Route + Year, Cancel);

        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.OK),
            (viewerSubmits.StatusCode, submitted.StatusCode, editorApproves.StatusCode, ungranted.StatusCode, approved.StatusCode, twice.StatusCode, noReason.StatusCode, reopened.StatusCode));
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType!.MediaType);
        Assert.Contains("the figures are already approved", await twice.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("\"reason\"", await noReason.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("draft", state.GetProperty("status").GetString());
        Assert.Equal(
            ["draft>submitted", "submitted>approved", "approved>draft:A return was resubmitted."],
            state.GetProperty("history").EnumerateArray().Select(e => $"{e.GetProperty("from").GetString()}>{e.GetProperty("to").GetString()}" + (e.GetProperty("reason").GetString() is { } r ? ":" + r : "")));
    }

    [Fact]
    public async Task PackPage_EditorSubmitsManagerApproves_ShowsApprovedAndTheCommentarySavedOnThePage()
    {
        var (_, editor) = await shared.UserAsync(Roles.Viewer, Roles.Editor);
        var (managerName, manager) = await shared.UserAsync(Roles.Viewer, Roles.Manager);
        var viewer = await shared.ClientAsync(Roles.Viewer);
        const string Page = "/packs/view?framework=" + FrameworkTestData.FrameworkId + "&council=E10000003&year=2024";
        const string Commentary = "/packs/commentary?framework=" + FrameworkTestData.FrameworkId + "&council=E10000003&year=2024&measure=" + FrameworkTestData.Rereferrals;

        var asViewer = await viewer.GetStringAsync(Page, Cancel);
        var viewerApproves = await PostFormAsync(viewer, Page, Page + "&handler=Approve");
        var asEditor = await editor.GetStringAsync(Page, Cancel);
        await PostFormAsync(editor, Page, Page + "&handler=Submit");
        var noReason = await PostFormAsync(manager, Page, Page + "&handler=Reopen", ("Reason", " "));
        await PostFormAsync(manager, Page, Page + "&handler=Approve");
        var saved = await PostFormAsync(editor, Commentary, Commentary, ("Text", "Re-referrals fell to 13%."));
        var approvedPage = await viewer.GetStringAsync(Page, Cancel);

        Assert.DoesNotContain("Submit the figures for approval", asViewer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, viewerApproves.Status);
        Assert.Contains("Submit the figures for approval", asEditor, StringComparison.Ordinal);
        Assert.Contains("Say why the figures are reopened: the reason is empty", noReason.Body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signoff-status\">Approved</strong>", approvedPage, StringComparison.Ordinal);
        Assert.Contains($"Approved by {managerName} on", approvedPage, StringComparison.Ordinal);
        Assert.Contains("Re-referrals fell to 13%.", saved.Body, StringComparison.Ordinal);
        Assert.Contains("Re-referrals fell to 13%.", approvedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_OffIs404_OnIsReadSignedOut_WithNoFigureUntilApproved()
    {
        const string Page = "/public/E10000003/" + FrameworkTestData.FrameworkId + "?year=2025";
        var admin = await shared.ClientAsync(Roles.Viewer, Roles.Admin);
        var editor = await shared.ClientAsync(Roles.Viewer, Roles.Editor);
        var manager = await shared.ClientAsync(Roles.Viewer, Roles.Manager);
        var viewer = await shared.ClientAsync(Roles.Viewer);
        const string Switch = "/api/v1/frameworks/" + FrameworkTestData.FrameworkId + "/public";

        var off = await shared.App.Client.GetAsync(Page, Cancel);
        var viewerSwitches = await viewer.PutAsJsonAsync(Switch, new { on = true }, Cancel);
        var switched = await admin.PutAsJsonAsync(Switch, new { on = true }, Cancel);
        var unapproved = await shared.App.Client.GetAsync(Page, Cancel);
        var unknownCouncil = await shared.App.Client.GetAsync("/public/E99999999/" + FrameworkTestData.FrameworkId, Cancel);
        await editor.PostAsync(Route + "E10000003/2025/submit", null, Cancel);
        await manager.PostAsync(Route + "E10000003/2025/approve", null, Cancel);
        var approved = await shared.App.Client.GetAsync(Page, Cancel);
        await admin.PutAsJsonAsync(Switch, new { on = false }, Cancel);
        var offAgain = await shared.App.Client.GetAsync(Page, Cancel);

        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.NotFound),
            (off.StatusCode, viewerSwitches.StatusCode, switched.StatusCode, unapproved.StatusCode, unknownCouncil.StatusCode, approved.StatusCode, offAgain.StatusCode));
        var before = await unapproved.Content.ReadAsStringAsync(Cancel);
        var after = await approved.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("not yet approved: this version shows no values", before, StringComparison.Ordinal);
        // CPP for two years or more is 14.2% (no denominator: not suppressed): shown only once approved.
        Assert.DoesNotContain("14.2%", before, StringComparison.Ordinal);
        Assert.Contains("<td class=\"govuk-table__cell\">14.2%</td>", after, StringComparison.Ordinal);
        Assert.Contains("Approved on", after, StringComparison.Ordinal);
        Assert.DoesNotContain("/children", after, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostFormAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(page, Cancel), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        using var response = await client.PostAsync(action, content, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }
}
