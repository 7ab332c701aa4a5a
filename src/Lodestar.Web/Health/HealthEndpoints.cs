using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lodestar.Web.Health;

internal static class HealthEndpoints
{
    /// <summary>
    /// <c>GET /health</c>: 200 with status "Healthy" when the database answers, 503 otherwise.
    /// The body names each check and its status, never connection details.
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()));
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, HealthJson.Options));
    }

    private sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string> Checks);

    private static class HealthJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    }
}
