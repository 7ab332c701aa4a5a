using System.Net;
using System.Text.Json;
using Lodestar.Data.Actions;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Domain.Actions;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Web.Tests.Actions;

/// <summary>
/// The deliverable page's edits over HTTP. The class shares one app (its tests run one after another); each test
/// imports seed 004's plan under an id of its own and counts only that plan's history and audit entries, so what
/// one test stored is never in another's counts.
/// </summary>
public sealed class DeliverableEditTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string Deliverable = "2.1.1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string PagePath(string plan) => $"/actions/{plan}/deliverables/{Deliverable}";

    /// <summary>Seed 004's action plan imported under a new id of this test's own: the id.</summary>
    private async Task<string> ImportOwnPlanAsync()
    {
        var plan = $"{ActionsSamples.Seed004}-{Guid.NewGuid():N}"[..(ActionsSamples.Seed004.Length + 9)];
        await ActionsSamples.ImportPlanAsync(shared.App, ActionsSamples.Seed004, plan);
        return plan;
    }

    // The plan's edit audit entries (their subjects name the plan).
    private static IQueryable<AuditEventEntity> EditsOf(Lodestar.Data.LodestarDbContext db, string plan) =>
        db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.Edit && a.Subject!.StartsWith($"action plan {plan} "));

    [Fact]
    public async Task ProgressUpdate_Editor_AppendsToHistoryAndAudits()
    {
        var app = shared.App;
        var planId = await ImportOwnPlanAsync();
        using var client = await app.SignedInClientAsync(Roles.Viewer, Roles.Editor);

        using var response = await PostAsync(client, planId, "Progress", new() { ["ProgressText"] = "Framework agreed with every specialist service.", ["ProgressRag"] = "Amber" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PagePath(planId), response.RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = ActionsSamples.OpenDatabase(app);
        var plan = (await ActionsStore.LoadPlanAsync(db, planId, Cancel))!;
        var progress = plan.AllDeliverables.Single(x => x.Deliverable.Number == Deliverable).Deliverable.Progress;
        // The sample has no update on 2.1.1; the web's update is the first, with its author and RAG.
        var update = Assert.Single(progress);
        Assert.Equal("Framework agreed with every specialist service.", update.Text);
        Assert.Equal(ActionRag.Amber, update.Rag);
        Assert.StartsWith("user", update.By, StringComparison.Ordinal);
        var audit = Assert.Single(await EditsOf(db, planId).ToListAsync(Cancel));
        Assert.Equal($"action plan {planId} deliverable {Deliverable}", audit.Subject);
        Assert.Equal(update.By, audit.Actor);

        // A second update is added after the first; nothing is replaced.
        using var again = await PostAsync(client, planId, "Progress", new() { ["ProgressText"] = "Second update.", ["ProgressRag"] = "" });
        var reloaded = (await ActionsStore.LoadPlanAsync(db, planId, Cancel))!;
        var texts = reloaded.AllDeliverables.Single(x => x.Deliverable.Number == Deliverable).Deliverable.Progress.Select(p => p.Text);
        Assert.Equal(["Framework agreed with every specialist service.", "Second update."], texts);
        Assert.Contains("Second update.", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressUpdate_NoText_IsRefusedWithTheErrorSummary()
    {
        var app = shared.App;
        var planId = await ImportOwnPlanAsync();
        using var client = await app.SignedInClientAsync(Roles.Editor);

        using var response = await PostAsync(client, planId, "Progress", new() { ["ProgressText"] = "  " });
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter the progress update", html, StringComparison.Ordinal);
        await using var db = ActionsSamples.OpenDatabase(app);
        Assert.Equal(0, await EditsOf(db, planId).CountAsync(Cancel));
    }

    [Fact]
    public async Task Override_ManagerWithoutReason_IsRefused()
    {
        var app = shared.App;
        var planId = await ImportOwnPlanAsync();
        using var client = await app.SignedInClientAsync(Roles.Manager);

        using var response = await PostAsync(client, planId, "Override", new() { ["OverrideRag"] = "Amber", ["OverrideReason"] = "" });
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter the reason for the override", html, StringComparison.Ordinal);
        await using var db = ActionsSamples.OpenDatabase(app);
        Assert.Empty((await ActionsStore.LoadPlanAsync(db, planId, Cancel))!.AllDeliverables.SelectMany(x => x.Deliverable.Overrides));
        Assert.Equal(0, await EditsOf(db, planId).CountAsync(Cancel));
    }

    [Fact]
    public async Task Override_ManagerWithReason_IsAppendedAuditedAndInForceToday()
    {
        var app = shared.App;
        var planId = await ImportOwnPlanAsync();
        using var client = await app.SignedInClientAsync(Roles.Manager);

        using var response = await PostAsync(client, planId, "Override", new() { ["OverrideRag"] = "Amber", ["OverrideReason"] = "Framework drafted; sign-off next month." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = ActionsSamples.OpenDatabase(app);
        var plan = (await ActionsStore.LoadPlanAsync(db, planId, Cancel))!;
        var ragOverride = Assert.Single(plan.AllDeliverables.Single(x => x.Deliverable.Number == Deliverable).Deliverable.Overrides);
        Assert.Equal(ActionRag.Amber, ragOverride.Rag);
        Assert.Equal("Framework drafted; sign-off next month.", ragOverride.Reason);
        var audit = Assert.Single(await EditsOf(db, planId).ToListAsync(Cancel));
        Assert.Equal("RAG override to Amber", audit.Details);

        // Today 2.1.1 (due 2016-03-31, not complete) would be Red; the override dated today makes it Amber.
        using var status = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/action-plans/{planId}", UriKind.Relative), Cancel));
        var deliverable = status.RootElement.GetProperty("outcomes")[1].GetProperty("workstreams")[0].GetProperty("deliverables")[0];
        Assert.Equal("amber", deliverable.GetProperty("rag").GetString());
        Assert.True(deliverable.GetProperty("is_override").GetBoolean());
    }

    [Theory]
    [InlineData("Progress", Roles.Viewer)]
    [InlineData("Override", Roles.Viewer)]
    [InlineData("Override", Roles.Editor)]
    public async Task Post_WithoutTheRole_IsDeniedAndStoresNothing(string handler, string role)
    {
        var app = shared.App;
        var planId = await ImportOwnPlanAsync();
        using var client = await app.SignedInClientAsync(role);

        using var response = await PostAsync(client, planId, handler, new()
        {
            ["ProgressText"] = "Not allowed.", ["OverrideRag"] = "Red", ["OverrideReason"] = "Not allowed.",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // the "no access" page, as a 403
        await using var db = ActionsSamples.OpenDatabase(app);
        var stored = (await ActionsStore.LoadPlanAsync(db, planId, Cancel))!.AllDeliverables.Single(x => x.Deliverable.Number == Deliverable).Deliverable;
        Assert.Equal((0, 0), (stored.Progress.Count, stored.Overrides.Count));
        Assert.Equal(0, await EditsOf(db, planId).CountAsync(Cancel));
    }

    [Fact]
    public async Task DeliverablePage_Viewer_ShowsHistoryButNoForms()
    {
        var app = shared.App;
        var planId = await ImportOwnPlanAsync();
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        var html = await client.GetStringAsync(new Uri($"/actions/{planId}/deliverables/2.1.9?asAt=2016-02-11", UriKind.Relative), Cancel);

        // 2.1.9's one update in the sample, with the Blue its authors gave it.
        Assert.Contains("COMPLETE (monthly spreadsheet completed by AtC).", html, StringComparison.Ordinal);
        Assert.Contains("T. Collins / R. Wilshire", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Add a progress update", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Override the RAG", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string plan, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(PagePath(plan), UriKind.Relative), Cancel);
        fields["__RequestVerificationToken"] = ActionsSamples.Token(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"{PagePath(plan)}?handler={handler}", UriKind.Relative), content, Cancel);
    }
}
