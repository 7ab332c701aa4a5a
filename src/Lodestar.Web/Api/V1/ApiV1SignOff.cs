using System.Security.Claims;
using Lodestar.Application.Packs;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Domain.Problems;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Lodestar.Domain.Periods;

namespace Lodestar.Web.Api.V1;

/// <summary>A transition of sign-off in the sign-off's history.</summary>
internal sealed record SignOffEventItem(string From, string To, string Actor, DateTimeOffset At, string? Reason);

/// <summary>Where a council's results for a framework and year are in sign-off, and how they got there (oldest first).</summary>
internal sealed record SignOffItem(string Framework, string Council, int Year, string Status, string? ApprovedBy, DateTimeOffset? ApprovedAt, IReadOnlyList<SignOffEventItem> History)
{
    public static SignOffItem From(SignOffState s) => new(
        s.FrameworkId, s.Council, s.Year, s.Status.ToString().ToLowerInvariant(), s.Approval?.Actor, s.Approval?.At,
        [.. s.History.Select(e => new SignOffEventItem(e.From.ToString().ToLowerInvariant(), e.To.ToString().ToLowerInvariant(), e.Actor, e.At, e.Reason))]);
}

/// <summary>The body of a reopening: why.</summary>
internal sealed record ReopenRequest(string? Reason);

/// <summary>Whether a framework's public page is on.</summary>
internal sealed record PublicPageItem(string Framework, bool On);

/// <summary>The body that switches a framework's public page on or off.</summary>
internal sealed record PublicPageRequest(bool On);

/// <summary>
/// Sign-off of a council's results for a framework and year (docs/packs.md): <c>GET /api/v1/frameworks/{id}/signoff/{council}/{year}</c>
/// and <c>POST …/submit</c> (editor), <c>…/approve</c> and <c>…/reopen</c> (manager; reopen takes <c>{"reason": "…"}</c>).
/// A grant for the council; 404 for an unknown framework or council or one without the grant; 409 for a transition
/// the status does not allow; 403 without the role. And <c>GET</c>/<c>PUT /api/v1/frameworks/{id}/public</c> (admin): the public page's switch.
/// </summary>
internal static class ApiV1SignOff
{
    public static void Map(RouteGroupBuilder api)
    {
        const string route = "/frameworks/{id}/signoff/{council}/{year}";
        api.MapGet(route, GetAsync).WithTags("Packs")
            .WithSummary("Where a council's results for a framework and reporting year are in sign-off (draft, submitted, approved), with the history");
        api.MapPost(route + "/submit", (string id, string council, int year, HttpContext http, CancellationToken ct) =>
                MoveAsync(http, id, council, year, (s, actor, code) => s.SubmitAsync(actor, id, code, year, ct), ct))
            .WithTags("Packs").RequireAuthorization(SecurityServices.EditorPolicy)
            .WithSummary("Submit the figures for approval (editor role; audited)");
        api.MapPost(route + "/approve", (string id, string council, int year, HttpContext http, CancellationToken ct) =>
                MoveAsync(http, id, council, year, (s, actor, code) => s.ApproveAsync(actor, id, code, year, ct), ct))
            .WithTags("Packs").RequireAuthorization(SecurityServices.ManagerPolicy)
            .WithSummary("Approve the submitted figures, freezing them for the pack (manager role; audited)");
        api.MapPost(route + "/reopen", (string id, string council, int year, ReopenRequest body, HttpContext http, CancellationToken ct) =>
                MoveAsync(http, id, council, year, (s, actor, code) => s.ReopenAsync(actor, id, code, year, body.Reason, ct), ct))
            .WithTags("Packs").RequireAuthorization(SecurityServices.ManagerPolicy)
            .WithSummary("Reopen submitted or approved figures as a draft, with a reason (manager role; audited)");
        api.MapGet("/frameworks/{id}/public", GetPublicAsync).WithTags("Packs").RequireAuthorization(SecurityServices.AdminPolicy)
            .WithSummary("Whether the framework's public page (/public/{council}/{framework}) is switched on (admin role)");
        api.MapPut("/frameworks/{id}/public", SetPublicAsync).WithTags("Packs").RequireAuthorization(SecurityServices.AdminPolicy)
            .WithSummary("Switch the framework's public page on or off (admin role; audited)");
    }

    /// <summary>The sign-off service and the council's code, when the framework exists and the caller has a grant for the council.</summary>
    internal static async Task<(PackSignOffService Service, string Council)?> ResolveAsync(HttpContext http, string id, string council, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var scorecards = services.GetRequiredService<ScorecardService>();
        var chosen = await scorecards.CouncilAsync(council, cancellationToken);
        if (chosen is null || !await services.GetRequiredService<CouncilAccess>().AllowsAsync(chosen.Code, cancellationToken)
            || await scorecards.FrameworkAsync(id, cancellationToken) is null)
        {
            return null;
        }

        var service = new PackSignOffService(
            services.GetRequiredService<LodestarDbContext>(), scorecards, services.GetRequiredService<AuditLog>(), services.GetRequiredService<TimeProvider>());
        return (service, chosen.Code);
    }

    private static async Task<Results<Ok<SignOffItem>, ProblemHttpResult>> GetAsync(string id, string council, int year, HttpContext http, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(http, id, council, cancellationToken) is not { } found)
        {
            return ApiV1.NotFound($"There is no framework '{id}' or no council '{council}'.");
        }

        return TypedResults.Ok(SignOffItem.From(await found.Service.StateAsync(id, found.Council, year, cancellationToken)));
    }

    private static async Task<Results<Ok<SignOffItem>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        HttpContext http, string id, string council, int year, Func<PackSignOffService, string, string, Task<Result<SignOffState>>> move, CancellationToken cancellationToken)
    {
        if (!Period.IsYear(year))
        {
            return ApiV1.BadRequest($"year must be a reporting year such as 2025 (not {year}).");
        }

        if (await ResolveAsync(http, id, council, cancellationToken) is not { } found)
        {
            return ApiV1.NotFound($"There is no framework '{id}' or no council '{council}'.");
        }

        var result = await move(found.Service, http.User.Identity?.Name ?? "", found.Council);
        if (result.Succeeded)
        {
            return TypedResults.Ok(SignOffItem.From(result.Value));
        }

        var problem = result.Problems[0];
        return problem.Column == "status"
            ? TypedResults.Problem(problem.Message, statusCode: StatusCodes.Status409Conflict, title: "The sign-off does not allow that now")
            : TypedResults.ValidationProblem(result.Problems.GroupBy(p => p.Column ?? "reason").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
    }

    private static async Task<Results<Ok<PublicPageItem>, ProblemHttpResult>> GetPublicAsync(string id, ScorecardService scorecards, LodestarDbContext db, CancellationToken cancellationToken) =>
        await scorecards.FrameworkAsync(id, cancellationToken) is null
            ? ApiV1.NotFound($"There is no framework '{id}'.")
            : TypedResults.Ok(new PublicPageItem(id, await PackPublication.IsOnAsync(db, id, cancellationToken)));

    private static async Task<Results<Ok<PublicPageItem>, ProblemHttpResult>> SetPublicAsync(
        string id, PublicPageRequest body, ScorecardService scorecards, LodestarDbContext db, AuditLog audit, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await scorecards.FrameworkAsync(id, cancellationToken) is null)
        {
            return ApiV1.NotFound($"There is no framework '{id}'.");
        }

        await PackPublication.SetAsync(db, audit, clock, user.Identity?.Name ?? "", id, body.On, cancellationToken);
        return TypedResults.Ok(new PublicPageItem(id, body.On));
    }
}
