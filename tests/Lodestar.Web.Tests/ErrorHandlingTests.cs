using System.Net;
using System.Text.Json;
using Lodestar.Data.Security;
using Microsoft.AspNetCore.Builder;

namespace Lodestar.Web.Tests;

/// <summary>Errors as ProblemDetails or the HTML error pages, never the exception text. The read-only checks share one app.</summary>
public sealed class ErrorHandlingTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string Secret = "secret detail of the failure";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<RunningApp> StartWithFailingEndpointsAsync() =>
        RunningApp.StartAsync(extraEndpoints: app =>
        {
            app.MapGet("/api/test/fails", string () => throw new InvalidOperationException(Secret)).AllowAnonymous();
            app.MapGet("/test/fails", string () => throw new InvalidOperationException(Secret)).AllowAnonymous();
        });

    private static async Task<JsonElement> AssertProblemJsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Fact]
    public async Task Api_UnhandledException_IsProblemJsonWithoutTheExceptionText()
    {
        await using var app = await StartWithFailingEndpointsAsync();

        using var response = await app.Client.GetAsync(new Uri("/api/test/fails", UriKind.Relative), Cancel);

        await AssertProblemJsonAsync(response, HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_UnhandledException_IsTheHtmlErrorPageWithoutTheExceptionText()
    {
        await using var app = await StartWithFailingEndpointsAsync();

        using var response = await app.Client.GetAsync(new Uri("/test/fails", UriKind.Relative), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_UnknownRoute_IsProblemJson404()
    {
        var app = shared.App;
        using var client = await app.SignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative), Cancel);

        await AssertProblemJsonAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Page_UnknownRoute_IsTheHtmlNotFoundPage()
    {
        var app = shared.App;
        using var client = await app.SignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_UnreadableQueryValue_IsProblemJson400()
    {
        var app = shared.App;
        using var client = await app.SignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/api/v1/frameworks/any/scorecard?council=873&year=not-a-year", UriKind.Relative), Cancel);

        await AssertProblemJsonAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Api_RoleMissing_IsProblemJson403()
    {
        var app = shared.App;
        using var viewer = await app.SignedInClientAsync(Roles.Viewer);

        using var response = await viewer.GetAsync(new Uri("/api/v1/kpis/cla_at_end/explain?council=873&year=2025", UriKind.Relative), Cancel);

        await AssertProblemJsonAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Api_Anonymous_IsProblemJson401()
    {
        var app = shared.App;

        using var response = await app.Client.GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative), Cancel);

        await AssertProblemJsonAsync(response, HttpStatusCode.Unauthorized);
    }
}
