using System.Net;
using System.Text.Json;
using Lodestar.Data.Actions;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Domain.Actions;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Web.Tests.Actions;

public sealed class DeliverableEditTests
{
    private const string Deliverable = "2.1.1";
    private static readonly string PagePath = $"/actions/{ActionsSamples.Seed004}/deliverables/{Deliverable}";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProgressUpdate_Editor_AppendsToHistoryAndAudits()
    {
        await using var app = await RunningApp.StartAsync();
        await ActionsSamples.ImportAsync(app, "cambs-lac-action-plan-2015-17");
        using var client = await app.SignedInClientAsync(Roles.Viewer, Roles.Editor);

        using var response = await PostAsync(client, "Progress", new() { ["ProgressText"] = "Framework agreed with every specialist service.", ["ProgressRag"] = "Amber" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PagePath, response.RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = ActionsSamples.OpenDatabase(app);
        var plan = (await ActionsStore.LoadPlanAsync(db, ActionsSamples.Seed004, Cancel))!;
        var progress = plan.AllDeliverables.Single(x => x.Deliverable.Number == Deliverable).Deliverable.Progress;
        // The sample has no update on 2.1.1; the web's update is the first, with its author and RAG.
        var update = Assert.Single(progress);
        Assert.Equal("Framework agreed with every specialist service.", update.Text);
        Assert.Equal(ActionRag.Amber, update.Rag);
        Assert.StartsWith("user", update.By, StringComparison.Ordinal);
        var audit = Assert.Single(await db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.Edit).ToListAsync(Cancel));
        Assert.Equal($"action plan {ActionsSamples.Seed004} deliverable {Deliverable}", audit.Subject);
        Assert.Equal(update.By, audit.Actor);

        // A second update is added after the first; nothing is replaced.
        using var again = await PostAsync(client, "Progress", new() { ["ProgressText"] = "Second update.", ["ProgressRag"] = "" });
        var reloaded = (await ActionsStore.LoadPlanAsync(db, ActionsSamples.Seed004, Cancel))!;
        var texts = reloaded.AllDeliverables.Single(x => x.Deliverable.Number == Deliverable).Deliverable.Progress.Select(p => p.Text);
        Assert.Equal(["Framework agreed with every specialist service.", "Second update."], texts);
        Assert.Contains("Second update.", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressUpdate_NoText_IsRefusedWithTheErrorSummary()
    {
        await using var app = await RunningApp.StartAsync();
        await ActionsSamples.ImportAsync(app, "cambs-lac-action-plan-2015-17");
        using var client = await app.SignedInClientAsync(Roles.Editor);

        using var response = await PostAsync(client, "Progress", new() { ["ProgressText"] = "  " });
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter the progress update", html, StringComparison.Ordinal);
        await using var db = ActionsSamples.OpenDatabase(app);
        Assert.Equal(0, await db.Set<AuditEventEntity>().CountAsync(a => a.Action == AuditActions.Edit, Cancel));
    }

    [Fact]
    public async Task Override_ManagerWithoutReason_IsRefused()
    {
        await using var app = await RunningApp.StartAsync();
        await ActionsSamples.ImportAsync(app, "cambs-lac-action-plan-2015-17");
        using var client = await app.SignedInClientAsync(Roles.Manager);

        using var response = await PostAsync(client, "Override", new() { ["OverrideRag"] = "Amber", ["OverrideReason"] = "" });
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter the reason for the override", html, StringComparison.Ordinal);
        await using var db = ActionsSamples.OpenDatabase(app);
        Assert.Equal(0, await db.Set<ActionHistoryEntity>().CountAsync(h => h.Kind == ActionHistoryKind.Override, Cancel));
        Assert.Equal(0, await db.Set<AuditEventEntity>().CountAsync(a => a.Action == AuditActions.Edit, Cancel));
    }

    [Fact]
    public async Task Override_ManagerWithReason_IsAppendedAuditedAndInForceToday()
    {
        await using var app = await RunningApp.StartAsync();
        await ActionsSamples.ImportAsync(app, "cambs-lac-action-plan-2015-17");
        using var client = await app.SignedInClientAsync(Roles.Manager);

        using var response = await PostAsync(client, "Override", new() { ["OverrideRag"] = "Amber", ["OverrideReason"] = "Framework drafted; sign-off next month." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = ActionsSamples.OpenDatabase(app);
        var plan = (await ActionsStore.LoadPlanAsync(db, ActionsSamples.Seed004, Cancel))!;
        var ragOverride = Assert.Single(plan.AllDeliverables.Single(x => x.Deliverable.Number == Deliverable).Deliverable.Overrides);
        Assert.Equal(ActionRag.Amber, ragOverride.Rag);
        Assert.Equal("Framework drafted; sign-off next month.", ragOverride.Reason);
        var audit = Assert.Single(await db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.Edit).ToListAsync(Cancel));
        Assert.Equal("RAG override to Amber", audit.Details);

        // Today 2.1.1 (due 2016-03-31, not complete) would be Red; the override dated today makes it Amber.
        using var status = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/action-plans/{ActionsSamples.Seed004}", UriKind.Relative), Cancel));
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
        await using var app = await RunningApp.StartAsync();
        await ActionsSamples.ImportAsync(app, "cambs-lac-action-plan-2015-17");
        using var client = await app.SignedInClientAsync(role);

        using var response = await PostAsync(client, handler, new()
        {
            ["ProgressText"] = "Not allowed.", ["OverrideRag"] = "Red", ["OverrideReason"] = "Not allowed.",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // the "no access" page, as a 403
        await using var db = ActionsSamples.OpenDatabase(app);
        Assert.Equal(0, await db.Set<ActionHistoryEntity>().CountAsync(h => h.ItemNumber == Deliverable, Cancel));
        Assert.Equal(0, await db.Set<AuditEventEntity>().CountAsync(a => a.Action == AuditActions.Edit, Cancel));
    }

    [Fact]
    public async Task DeliverablePage_Viewer_ShowsHistoryButNoForms()
    {
        await using var app = await RunningApp.StartAsync();
        await ActionsSamples.ImportAsync(app, "cambs-lac-action-plan-2015-17");
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        var html = await client.GetStringAsync(new Uri($"/actions/{ActionsSamples.Seed004}/deliverables/2.1.9?asAt=2016-02-11", UriKind.Relative), Cancel);

        // 2.1.9's one update in the sample, with the Blue its authors gave it.
        Assert.Contains("COMPLETE (monthly spreadsheet completed by AtC).", html, StringComparison.Ordinal);
        Assert.Contains("T. Collins / R. Wilshire", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Add a progress update", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Override the RAG", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative), Cancel);
        fields["__RequestVerificationToken"] = ActionsSamples.Token(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"{PagePath}?handler={handler}", UriKind.Relative), content, Cancel);
    }
}
