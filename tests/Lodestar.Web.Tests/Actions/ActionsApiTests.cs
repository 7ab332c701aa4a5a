using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lodestar.Data.Actions;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Actions;

public sealed class ActionsApiTests(ImportedActionsSamples samples) : IClassFixture<ImportedActionsSamples>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/action-plans")]
    [InlineData("/api/v1/action-plans/cambs-lac-action-plan-2015-17?as_at=2016-02-11")]
    [InlineData("/api/v1/savings/cambs-lac-action-plan-2015-17")]
    [InlineData("/api/v1/benefits")]
    public async Task Api_Anonymous_Is401(string path)
    {
        var app = samples.App;

        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Status_Seed004AsAt20160211_HasTheCounts()
    {
        var app = samples.App;
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        var json = await client.GetStringAsync(new Uri($"/api/v1/action-plans/{ActionsSamples.Seed004}?as_at=2016-02-11", UriKind.Relative), Cancel);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(ActionsSamples.Seed004, root.GetProperty("id").GetString());
        Assert.Equal("2016-02-11", root.GetProperty("as_at").GetString());
        Assert.Equal("green", root.GetProperty("rag").GetString());
        Assert.Equal(5, root.GetProperty("outcomes").GetArrayLength());
        var counts = root.GetProperty("deliverables_by_rag");
        Assert.Equal(11, counts.GetProperty("blue").GetInt32());
        Assert.Equal(89, counts.GetProperty("green").GetInt32());
        Assert.Equal(0, counts.GetProperty("amber").GetInt32());
        Assert.Equal(0, counts.GetProperty("red").GetInt32());
        Assert.Equal(0, root.GetProperty("overdue").GetArrayLength());
    }

    [Fact]
    public async Task Status_Seed004AsAt20160401_ListsTheOverdueMostDaysFirst()
    {
        var app = samples.App;
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        using var document = JsonDocument.Parse(await client.GetStringAsync(
            new Uri($"/api/v1/action-plans/{ActionsSamples.Seed004}?as_at=2016-04-01", UriKind.Relative), Cancel));

        // On 2016-04-01 the deliverables due 2016-03-31 and not complete are one day overdue, e.g. 1.1.2.
        var overdue = document.RootElement.GetProperty("overdue");
        var first = overdue[0];
        Assert.Equal("1.1.2", first.GetProperty("number").GetString());
        Assert.Equal(1, first.GetProperty("days_overdue").GetInt32());
        Assert.Equal("red", first.GetProperty("rag").GetString());
        Assert.Equal(["L. Lofting", "C. Smith"], first.GetProperty("leads").EnumerateArray().Select(l => l.GetString()));
    }

    [Theory]
    [InlineData("/api/v1/action-plans/cambs-lac-action-plan-2015-17?as_at=11-02-2016", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/action-plans/no-such-plan", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/savings/no-such-plan", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/savings/cambs-lac-action-plan-2015-17?year=2030", HttpStatusCode.BadRequest)]
    public async Task Api_BadDateOrUnknownPlan_IsProblemDetails(string path, HttpStatusCode expected)
    {
        var app = samples.App;
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListSavingsAndBenefits_Seeds_HaveTheirShapes()
    {
        var app = samples.App;
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/action-plans?as_at=2016-02-11", UriKind.Relative), Cancel));
        var plan = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal(ActionsSamples.Seed004, plan.GetProperty("id").GetString());
        Assert.Equal(100, plan.GetProperty("deliverables").GetInt32());
        Assert.Equal(11, plan.GetProperty("deliverables_by_rag").GetProperty("blue").GetInt32());
        Assert.Equal(0, plan.GetProperty("overdue").GetInt32());

        // By the plan's id or the action plan's; --year 2017 is 2016/17 (the year ending in March 2017).
        using var savings = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/savings/{ActionsSamples.Seed004}?year=2017", UriKind.Relative), Cancel));
        Assert.Equal("cambs-lac-savings-2016-21", savings.RootElement.GetProperty("id").GetString());
        var year = Assert.Single(savings.RootElement.GetProperty("years").EnumerateArray());
        Assert.Equal("2016/17", year.GetProperty("year").GetString());
        Assert.Equal(-6789m, year.GetProperty("total").GetProperty("plan_k").GetDecimal());
        Assert.Equal(9, year.GetProperty("by_objective").GetArrayLength());
        Assert.Equal(0, savings.RootElement.GetProperty("reconciliation").GetArrayLength());

        using var benefits = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/benefits", UriKind.Relative), Cancel));
        var register = Assert.Single(benefits.RootElement.EnumerateArray());
        Assert.Equal("leeds-ld-benefits", register.GetProperty("id").GetString());
        Assert.Equal(365142m, register.GetProperty("value_per_year").GetDecimal());
        Assert.Equal(297642m, register.GetProperty("risk_adjusted_value_per_year").GetDecimal());
        Assert.Equal(7, register.GetProperty("benefits").GetArrayLength());
        var cost = register.GetProperty("benefits")[1];
        Assert.Equal("residential-cost-reduction", cost.GetProperty("id").GetString());
        Assert.Equal(202500m, cost.GetProperty("risk_adjusted_value_per_year").GetDecimal());
        Assert.Equal(75, cost.GetProperty("confidence_percent").GetInt32());
    }

    [Fact]
    public async Task ApiV1Progress_WithAnEditorToken_AppendsTheUpdateAuditsIt_AndRefusesABadRag()
    {
        // The shared app's plan: a progress update does not change any RAG (overrides do), so the other tests' figures stand.
        var app = samples.App;
        var userName = await app.CreateUserAsync("apieditor", Roles.Viewer, Roles.Editor);
        string token;
        using (var scope = app.Services.CreateScope())
        {
            token = (await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(userName, userName, "sync", 7, Cancel)).Value.Token;
        }

        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var path = new Uri($"/api/v1/action-plans/{ActionsSamples.Seed004}/deliverables/2.1.1/progress", UriKind.Relative);

        using var bad = await client.PostAsJsonAsync(path, new { text = "Agreed.", rag = "purple" }, Cancel);
        using var missing = await client.PostAsJsonAsync(new Uri($"/api/v1/action-plans/{ActionsSamples.Seed004}/deliverables/9.9.9/progress", UriKind.Relative), new { text = "Agreed." }, Cancel);
        using var response = await client.PostAsJsonAsync(path, new { text = "Framework agreed.", rag = "amber" }, Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'purple' is not a RAG", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2.1.1", body.RootElement.GetProperty("number").GetString());
        await using var db = ActionsSamples.OpenDatabase(app);
        var plan = (await ActionsStore.LoadPlanAsync(db, ActionsSamples.Seed004, Cancel))!;
        var update = Assert.Single(plan.AllDeliverables.Single(x => x.Deliverable.Number == "2.1.1").Deliverable.Progress);
        Assert.Equal(("Framework agreed.", Lodestar.Domain.Actions.ActionRag.Amber, "apieditor"), (update.Text, update.Rag, update.By));
        var audit = Assert.Single(await db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.Edit).ToListAsync(Cancel));
        Assert.Equal(("apieditor", $"action plan {ActionsSamples.Seed004} deliverable 2.1.1", "progress update, RAG Amber"), (audit.Actor, audit.Subject, audit.Details));
    }
}
