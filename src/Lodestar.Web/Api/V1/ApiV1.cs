using Lodestar.Web.Api.V1.Contracts;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Lodestar.Web.Api.V1;

/// <summary>
/// The JSON API, version 1 (docs/web.md, "API"): every route under <c>/api/v1</c>, described by the OpenAPI
/// document at <c>/openapi/v1.json</c> and browsable at <c>/scalar/v1</c>. A route accepts the sign-in cookie
/// or a personal access token (<c>Authorization: Bearer lsp_…</c>); errors are ProblemDetails; JSON names
/// are snake_case, set here once.
/// </summary>
internal static class ApiV1
{
    public const string Prefix = "/api/v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/scalar/v1";

    /// <summary>Signed in by cookie or by token; what the routes need on top is per route (a role) or per council (a grant).</summary>
    private static readonly AuthorizeAttribute CookieOrToken = new()
    {
        AuthenticationSchemes = $"{IdentityConstants.ApplicationScheme},{ApiTokenAuthenticationHandler.SchemeName}",
    };

    public static void AddApiV1(this IServiceCollection services)
    {
        services.AddScoped<Lodestar.Data.Security.ApiTokens>();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(
            ApiTokenAuthenticationHandler.SchemeName, null);
        // The one JSON naming policy of the API (the minimal-API routes are all /api/v1).
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = Wire.Policy;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Lodestar API",
                    Version = "v1",
                    Description = "Councils, frameworks and scorecards, measures, KPIs, benchmarks, action plans, savings, benefits and submissions. " +
                        "Send a personal access token (create one at /account/tokens or with `lodestar tokens add`) as `Authorization: Bearer lsp_…`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A Lodestar personal access token (lsp_…).",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });
    }

    public static void MapApiV1(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseReferencePolicy();
        app.MapScalarApiReference("/scalar", options =>
        {
            options.Title = "Lodestar API";
            options.OpenApiRoutePattern = "/openapi/{documentName}.json";
            // Nothing from elsewhere: no fonts from a CDN, no telemetry; a fresh nonce for its inline script.
            options.DefaultFonts = false;
            options.Telemetry = false;
            options.DynamicNonce = true;
        }).AllowAnonymous();

        var api = app.MapGroup(Prefix)
            .RequireAuthorization(CookieOrToken)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        ApiV1Reads.Map(api);
        ApiV1National.Map(api);
        ApiV1Actions.Map(api);
        Forecast.ForecastApi.Map(api);
        ApiV1Packs.Map(api);
        ApiV1PackSchedules.Map(api);
        ApiV1SignOff.Map(api);
    }

    /// <summary>
    /// The reference page (/scalar/…) runs Scalar's script, which starts from one inline module script and
    /// styles itself with inline style elements: for that route only, the app's policy allows that script by
    /// its per-request nonce and inline styles. Everything else stays as <see cref="SecurityServices.UseSecurityHeaders"/> sets it.
    /// </summary>
    private static void UseReferencePolicy(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/scalar"))
            {
                context.Response.OnStarting(() =>
                {
                    var nonce = context.Items[ScalarOptions.NonceHttpContextItemKey] as string;
                    context.Response.Headers.ContentSecurityPolicy =
                        $"default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
                        $"script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
                    return Task.CompletedTask;
                });
            }

            await next();
        });

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");
}
