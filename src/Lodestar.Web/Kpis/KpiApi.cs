using System.Security.Claims;
using System.Text.Json.Serialization;
using Lodestar.Data.Audit;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Lodestar.Web.Returns;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestar.Web.Kpis;

/// <summary>Query of <c>GET /api/kpis</c>: a council, the periods (see <see cref="KpiPeriodQuery"/>) and optionally some KPI ids.</summary>
public sealed record KpiResultsRequest(string? Council, string? Year, string? From, string? To, string? Series, string? Kpi);

/// <summary>Query of <c>GET /api/kpis/{id}/explain</c>: a council and one period (year, or from and to).</summary>
public sealed record KpiExplainRequest(string? Council, string? Year, string? From, string? To);

/// <summary>One KPI result: the fields and keys of <c>lodestar kpi --format json</c>; null values are written as null.</summary>
public sealed record KpiResultResponse(
    [property: JsonPropertyName("kpi")] string Kpi,
    [property: JsonPropertyName("council")] string Council,
    [property: JsonPropertyName("period_start")] DateOnly PeriodStart,
    [property: JsonPropertyName("period_end")] DateOnly PeriodEnd,
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("numerator")] double? Numerator,
    [property: JsonPropertyName("denominator")] double? Denominator,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("category"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Category)
{
    /// <summary>Rounded to 6 decimal places, as the command line writes them; NaN or infinity as null.</summary>
    public static KpiResultResponse From(KpiResult r) =>
        new(r.Kpi, r.Council, r.PeriodStart, r.PeriodEnd, Round(r.Value), Round(r.Numerator), Round(r.Denominator), r.Unit.Code(), r.Category);

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 6) : null;
}

/// <summary>The children (pseudonymous ids as the returns give them) in a result's numerator and denominator.</summary>
public sealed record KpiExplainResponse(
    [property: JsonPropertyName("numerator")] IReadOnlyList<string> Numerator,
    [property: JsonPropertyName("denominator")] IReadOnlyList<string> Denominator);

/// <summary>
/// The KPI JSON API. <c>GET /api/kpis</c> (any signed-in user) gives results; <c>GET /api/kpis/{id}/explain</c>
/// (child-level role) gives the children behind one and writes an audit entry. 400 for a bad period or KPI
/// id, 404 for a council without data.
/// </summary>
public static class KpiApi
{
    public static void MapKpiApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/kpis");
        api.MapGet("/", GetResults);
        api.MapGet("/{id}/explain", ExplainAsync).RequireAuthorization(SecurityServices.ChildLevelPolicy);
    }

    /// <summary>The audit subject of a child-level view: "kpi cla_at_end E10000003 2024-04-01..2025-03-31".</summary>
    public static string AuditSubject(string kpi, string council, Period period) =>
        $"kpi {kpi} {council} {period.Start:yyyy-MM-dd}..{period.End:yyyy-MM-dd}";

    private static Results<Ok<IReadOnlyList<KpiResultResponse>>, ProblemHttpResult> GetResults(
        [AsParameters] KpiResultsRequest request, StatutoryDataStore store)
    {
        if (string.IsNullOrWhiteSpace(request.Council))
        {
            return BadRequest("council=CODE is needed (e.g. council=E10000003).");
        }

        var (periods, problem) = KpiPeriodQuery.Parse(request.Year, request.From, request.To, request.Series);
        if (problem is not null)
        {
            return BadRequest(problem);
        }

        IReadOnlyList<string>? ids = null;
        if (!string.IsNullOrWhiteSpace(request.Kpi))
        {
            ids = [.. request.Kpi.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
            if (ids.FirstOrDefault(id => KpiCatalog.Find(id) is null) is { } unknown)
            {
                return BadRequest($"No KPI with id '{unknown}'.");
            }
        }

        var council = request.Council.Trim();
        if (store.Dataset(council) is null)
        {
            return NotFound(council);
        }

        IReadOnlyList<KpiResultResponse> body = [.. store.Compute(council, periods, ids).Select(KpiResultResponse.From)];
        return TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<KpiExplainResponse>, ProblemHttpResult>> ExplainAsync(
        string id, [AsParameters] KpiExplainRequest request, StatutoryDataStore store, AuditLog audit, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (KpiCatalog.Find(id) is null)
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
        if (store.Dataset(council) is not { } dataset)
        {
            return NotFound(council);
        }

        var period = periods[0];
        var explanation = store.Engine.Explain(id, dataset, period);
        var children = explanation.NumeratorChildren.Union(explanation.DenominatorChildren, StringComparer.Ordinal).Count();
        await audit.RecordAsync(
            user.Identity?.Name ?? "unknown", AuditActions.ViewChildLevel, AuditSubject(id, council, period), $"{children} children", cancellationToken);
        return TypedResults.Ok(new KpiExplainResponse(explanation.NumeratorChildren, explanation.DenominatorChildren));
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");

    private static ProblemHttpResult NotFound(string council) =>
        TypedResults.Problem($"No statutory returns are loaded for council '{council}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown council");
}
