using System.Security.Claims;
using Lodestar.Metrics.Kpis;
using Lodestar.Application.Kpis;
using Lodestar.Application.Returns;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestar.Web.Kpis;

/// <summary>Query of <c>GET /api/kpis</c>: a council, the periods (see <see cref="KpiPeriodQuery"/>) and optionally some KPI ids.</summary>
internal sealed record KpiResultsRequest(string? Council, string? Year, string? From, string? To, string? Series, string? Kpi);

/// <summary>Query of <c>GET /api/kpis/{id}/explain</c>: a council and one period (year, or from and to).</summary>
internal sealed record KpiExplainRequest(string? Council, string? Year, string? From, string? To);

/// <summary>
/// The KPI JSON API. <c>GET /api/kpis</c> (any signed-in user) gives results; <c>GET /api/kpis/{id}/explain</c>
/// (child-level role) gives the children behind one and writes an audit entry. 400 for a bad period or KPI
/// id, 404 for a council without data or without the user's grant for it (the same answer).
/// </summary>
internal static class KpiApi
{
    public static void MapKpiApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/kpis");
        api.MapGet("/", GetResultsAsync);
        api.MapGet("/{id}/explain", ExplainAsync).RequireAuthorization(SecurityServices.ChildLevelPolicy);
    }

    private static async Task<Results<Ok<IReadOnlyList<KpiResultResponse>>, ProblemHttpResult>> GetResultsAsync(
        [AsParameters] KpiResultsRequest request, StatutoryDataStore store, CouncilAccess access, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Council))
        {
            return BadRequest("council=CODE is needed (e.g. council=E10000003).");
        }

        var (periods, ids, problem) = KpiPeriodQuery.ParseRequest(request.Year, request.From, request.To, request.Series, request.Kpi);
        if (problem is not null)
        {
            return BadRequest(problem);
        }

        var council = request.Council.Trim();
        if (store.Dataset(council) is null || !await access.AllowsAsync(council, cancellationToken))
        {
            return NotFound(council);
        }

        IReadOnlyList<KpiResultResponse> body = [.. store.Compute(council, periods, ids).Select(r => KpiResultResponse.From(r))];
        return TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<KpiExplainResponse>, ProblemHttpResult>> ExplainAsync(
        string id, [AsParameters] KpiExplainRequest request, ChildLevelKpis childLevel, CouncilAccess access, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (KpiCatalog.Find(id) is not { } kpi)
        {
            return BadRequest($"No KPI with id '{id}'.");
        }

        if (string.IsNullOrWhiteSpace(request.Council))
        {
            return BadRequest("council=CODE is needed (e.g. council=E10000003).");
        }

        var (periods, problem) = KpiPeriodQuery.Parse(request.Year, request.From, request.To, null);
        if (problem is not null)
        {
            return BadRequest(problem);
        }

        var council = request.Council.Trim();
        if (!await access.AllowsAsync(council, cancellationToken))
        {
            return NotFound(council);
        }

        var explanation = await childLevel.ExplainAsync(user.Identity?.Name ?? "unknown", kpi, council, periods[0], cancellationToken);
        if (explanation is null)
        {
            return NotFound(council);
        }

        return TypedResults.Ok(new KpiExplainResponse(explanation.NumeratorChildren, explanation.DenominatorChildren));
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");

    private static ProblemHttpResult NotFound(string council) =>
        TypedResults.Problem($"No statutory returns are loaded for council '{council}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown council");
}
