using Lodestar.Application.Imports;
using Lodestar.Application.Scorecards;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Periods;
using Lodestar.Formats.Frameworks;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lodestar.Web.Frameworks;

/// <summary>The query of the scorecard download: council (DfE code or LA number), reporting year, and whether small numbers show as "c".</summary>
internal sealed record ScorecardQuery(string? Council, int? Year, bool? Suppress = null);

/// <summary>The frameworks, scorecard and benchmark services and the scorecard XLSX download (the JSON API is /api/v1: Api/V1).</summary>
internal static class FrameworkEndpoints
{
    /// <summary>The stores and the scorecard service, scoped to a request.</summary>
    public static void AddFrameworks(this IServiceCollection services)
    {
        services.TryAddScoped<FrameworkStore>();
        services.TryAddScoped<BenchmarkStore>();
        services.TryAddSingleton<ScorecardCache>();
        services.TryAddScoped<ScorecardService>();
        services.TryAddScoped<NationalScorecards>();
        services.TryAddScoped<Importer>();
    }

    /// <summary>The scorecard XLSX download, a page's link (signed in, cookie).</summary>
    public static void MapFrameworksApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/frameworks/{id}/scorecard.xlsx", ScorecardXlsxAsync);

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ScorecardXlsxAsync(
        string id, [AsParameters] ScorecardQuery query, ScorecardService service, CouncilAccess access, IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        if (Validate(query) is { } invalid)
        {
            return invalid;
        }

        var scorecard = await access.AllowsAsync(query.Council!, cancellationToken)
            ? await service.ScorecardAsync(id, query.Council!, Period.ReportingYear(query.Year!.Value), cancellationToken)
            : null;
        if (scorecard is null)
        {
            return NotFound(id, query.Council!);
        }

        using var stream = new MemoryStream();
        ScorecardFormats.WriteXlsx(stream, SmallNumberOptions.Apply(scorecard, query.Suppress == true, configuration));
        return TypedResults.File(
            stream.ToArray(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"scorecard-{scorecard.FrameworkId}-{scorecard.Council}-{query.Year}.xlsx");
    }

    private static ValidationProblem? Validate(ScorecardQuery query)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(query.Council))
        {
            errors["council"] = ["Give the council's DfE code or LA number."];
        }

        if (query.Year is not { } asked || !Period.IsYear(asked))
        {
            errors["year"] = ["Give the reporting year, e.g. 2025."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static ProblemHttpResult NotFound(string id, string council) =>
        TypedResults.Problem($"No framework '{id}' or no council '{council}'.", statusCode: StatusCodes.Status404NotFound);
}
