using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lodestar.Data;
using Lodestar.Data.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Api;

/// <summary>
/// /api/v1 on the demo: every route with a personal access token (200, snake_case JSON), without one (401,
/// ProblemDetails), with one lacking the role (403) or the council (404); tokens stop at once when revoked,
/// expired or their owner is disabled; every route is in the OpenAPI document.
/// </summary>
public sealed class ApiV1Tests(DemoApp demo)
{
    private const string Council = DemoApp.Council;
    private const string Framework = "childrens-trust-kpi-schedule";
    private const string Plan = "cambs-lac-action-plan-2015-17";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Every GET route of /api/v1, for the demo council.</summary>
    public static TheoryData<string> GetRoutes() =>
    [
        "/api/v1/councils",
        $"/api/v1/councils/{Council}/submissions",
        "/api/v1/frameworks",
        $"/api/v1/frameworks/{Framework}/scorecard?council={Council}&year=2025",
        $"/api/v1/frameworks/{Framework}/national?year=2025",
        $"/api/v1/frameworks/{Framework}/measures",
        $"/api/v1/frameworks/{Framework}/measures/ctk-kpi-01-rereferrals-12m/series?council={Council}&year=2025&years=3",
        $"/api/v1/kpis?council={Council}&kpi=cla_at_end&from=2024-04-01&to=2025-03-31&series=quarter",
        $"/api/v1/kpis/cla_at_end/explain?council={Council}&year=2025",
        $"/api/v1/benchmarks?council={Council}&measure=rereferrals_12m&year=2025",
        "/api/v1/action-plans?as_at=2016-02-11",
        $"/api/v1/action-plans/{Plan}?as_at=2016-02-11",
        $"/api/v1/savings/{Plan}",
        "/api/v1/benefits",
    ];

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task EveryRoute_WithoutCredentials_Is401ProblemDetails(string path)
    {
        using var response = await demo.App.Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task EveryRoute_WithAToken_Is200SnakeCaseJson()
    {
        var (_, token) = await TokenAsync(TestGrants.All, Roles.Viewer, Roles.ChildLevel);
        using var client = Client(token);

        foreach (var path in GetRoutes())
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(body);
            Assert.All(Names(json.RootElement), name => Assert.Matches("^[a-z0-9_]+$", name));
        }
    }

    [Fact]
    public async Task Routes_WithAToken_AnswerTheDemoFigures()
    {
        var (_, token) = await TokenAsync(TestGrants.Of(Council), Roles.Viewer);
        using var client = Client(token);

        using var councils = await JsonAsync(client, "/api/v1/councils");
        var council = Assert.Single(councils.RootElement.EnumerateArray());
        Assert.Equal((Council, "873", "Cambridgeshire"), (council.GetProperty("code").GetString(), council.GetProperty("la_number").GetString(), council.GetProperty("name").GetString()));

        // Seed 003, Appendix H: 44 KPIs and 64 PIs.
        using var measures = await JsonAsync(client, $"/api/v1/frameworks/{Framework}/measures");
        Assert.Equal(108, measures.RootElement.GetArrayLength());

        // Three reporting years ending 2025, oldest first.
        using var series = await JsonAsync(client, $"/api/v1/frameworks/{Framework}/measures/ctk-kpi-01-rereferrals-12m/series?council={Council}&year=2025&years=3");
        Assert.Equal([2023, 2024, 2025], series.RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("year").GetInt32()));
        Assert.Equal("percent", series.RootElement.GetProperty("measure").GetProperty("unit").GetString());

        // A year split into quarters: four results, April to June first.
        using var kpis = await JsonAsync(client, $"/api/v1/kpis?council={Council}&kpi=cla_at_end&from=2024-04-01&to=2025-03-31&series=quarter");
        Assert.Equal(["2024-04-01", "2024-07-01", "2024-10-01", "2025-01-01"], kpis.RootElement.EnumerateArray().Select(r => r.GetProperty("period_start").GetString()));

        using var submissions = await JsonAsync(client, $"/api/v1/councils/{Council}/submissions");
        Assert.Contains(submissions.RootElement.EnumerateArray(), s => s.GetProperty("status").GetString() == "confirmed" && s.GetProperty("errors").GetInt32() >= 0);
    }

    [Theory]
    [InlineData($"/api/v1/kpis/cla_at_end/explain?council={Council}&year=2025")]
    [InlineData($"/api/v1/action-plans/{Plan}/deliverables/2.1.1/progress")]
    public async Task RoleRoute_WithAViewerToken_Is403(string path)
    {
        var (_, token) = await TokenAsync(TestGrants.All, Roles.Viewer);
        using var client = Client(token);

        using var response = path.EndsWith("/progress", StringComparison.Ordinal)
            ? await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), new { text = "Done." }, Cancel)
            : await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData($"/api/v1/frameworks/{Framework}/scorecard?council={Council}&year=2025")]
    [InlineData($"/api/v1/kpis?council={Council}&year=2025")]
    [InlineData($"/api/v1/councils/{Council}/submissions")]
    [InlineData($"/api/v1/action-plans/{Plan}")]
    public async Task CouncilRoute_WithATokenNotGrantedTheCouncil_Is404(string path)
    {
        var (_, token) = await TokenAsync(TestGrants.Of("E10000015"), Roles.Viewer);
        using var client = Client(token);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Token_Revoked_Expired_OrOwnerDisabled_Is401AtTheNextRequest()
    {
        var (owner, token) = await TokenAsync(TestGrants.All, Roles.Viewer);
        var (other, expired) = await TokenAsync(TestGrants.All, Roles.Viewer);
        var (disabled, third) = await TokenAsync(TestGrants.All, Roles.Viewer);
        using var client = Client(token);
        var before = await StatusAsync(client);
        using (var scope = demo.App.Services.CreateScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokens>();
            _ = (await tokens.RevokeAsync(owner, owner, null, Cancel)).Value;
            var db = scope.ServiceProvider.GetRequiredService<LodestarDbContext>();
            var row = await db.Set<ApiTokenEntity>().SingleAsync(t => t.Hash == ApiTokens.Hash(expired), Cancel);
            row.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync(Cancel);
            _ = (await scope.ServiceProvider.GetRequiredService<UserAccounts>().SetActiveAsync("test", disabled, false, Cancel)).Value;
        }

        using var expiredClient = Client(expired);
        using var disabledClient = Client(third);
        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(expiredClient));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(disabledClient));
        Assert.NotEqual(owner, other);
    }

    [Fact]
    public async Task Pages_WithAToken_StaySignedOut()
    {
        var (_, token) = await TokenAsync(TestGrants.All, Roles.Viewer);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = demo.App.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync(new Uri("/kpis", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiV1Route()
    {
        var routes = demo.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: WithoutConstraints(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();

        using var document = JsonDocument.Parse(await demo.App.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(routes.Count >= 14, $"{routes.Count} routes");
        Assert.All(routes, r => Assert.True(paths.TryGetProperty(r.Path, out var item) && item.TryGetProperty(r.Method, out _), $"{r.Method} {r.Path} is not in the document"));
        Assert.All(paths.EnumerateObject(), p => Assert.StartsWith("/api/v1/", p.Name, StringComparison.Ordinal));
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    // An OpenAPI path names a route's parameters without their constraints: /packs/built/{id:long} is /packs/built/{id}.
    private static string WithoutConstraints(string route) => Regex.Replace(route, @"\{(\w+):[^}]+\}", "{$1}", RegexOptions.None, TimeSpan.FromSeconds(1));

    private async Task<(string UserName, string Token)> TokenAsync(TestGrants grants, params string[] roles)
    {
        var userName = await demo.App.CreateUserAsync($"api{Guid.NewGuid():N}"[..16], grants, roles);
        using var scope = demo.App.Services.CreateScope();
        var issued = (await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync("test", userName, null, null, Cancel)).Value;
        return (userName, issued.Token);
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = demo.App.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative), Cancel);
        return response.StatusCode;
    }

    private static async Task<JsonDocument> JsonAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative), Cancel));

    /// <summary>Every property name in the document, at any depth, except the keys of count maps (rag and category names).</summary>
    private static IEnumerable<string> Names(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Names(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Names),
        _ => [],
    };
}
