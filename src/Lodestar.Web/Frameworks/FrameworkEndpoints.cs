using Lodestar.Application.Benchmarks;
using Lodestar.Application.Imports;
using Lodestar.Application.Scorecards;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Periods;
using Lodestar.Formats.Frameworks;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lodestar.Web.Frameworks;

/// <summary>A framework in GET /api/frameworks.</summary>
internal sealed record FrameworkListItem(string Id, string Title, string? Owner, int Nodes, int Measures);

/// <summary>The query of the scorecard endpoints: council (DfE code or LA number) and reporting year.</summary>
internal sealed record ScorecardQuery(string? Council, int? Year);

/// <summary>The query of GET /api/benchmarks.</summary>
internal sealed record BenchmarkQuery(string? Council, string? Measure, int? Year);

/// <summary>The frameworks, scorecard and benchmark services and the JSON API (GET only; signed in).</summary>
internal static class FrameworkEndpoints
{
    /// <summary>The stores and the scorecard service, scoped to a request.</summary>
    public static void AddFrameworks(this IServiceCollection services)
    {
        services.TryAddScoped<FrameworkStore>();
        services.TryAddScoped<BenchmarkStore>();
        services.TryAddSingleton<ScorecardCache>();
        services.TryAddScoped<ScorecardService>();
        services.TryAddScoped<Importer>();
    }

    /// <summary>GET /api/frameworks, /api/frameworks/{id}/scorecard, /api/benchmarks, and the scorecard XLSX download.</summary>
    public static void MapFrameworksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/frameworks", ListAsync);
        app.MapGet("/api/frameworks/{id}/scorecard", ScorecardJsonAsync);
        app.MapGet("/api/benchmarks", BenchmarksAsync);
        app.MapGet("/frameworks/{id}/scorecard.xlsx", ScorecardXlsxAsync);
    }

    internal static async Task<Ok<IReadOnlyList<FrameworkListItem>>> ListAsync(FrameworkStore store, CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<FrameworkListItem>>(list.Select(f => new FrameworkListItem(f.Id, f.Title, f.Owner, f.Nodes, f.Measures)).ToList());
    }

    /// <summary>The same JSON as <c>lodestar scorecard --format json</c> (<see cref="ScorecardFormats.ToJson"/>).</summary>
    internal static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> ScorecardJsonAsync(
        string id, [AsParameters] ScorecardQuery query, ScorecardService service, CouncilAccess access, CancellationToken cancellationToken)
    {
        if (Validate(query) is { } invalid)
        {
            return invalid;
        }

        var scorecard = await access.AllowsAsync(query.Council!, cancellationToken)
            ? await service.ScorecardAsync(id, query.Council!, Period.ReportingYear(query.Year!.Value), cancellationToken)
            : null;
        return scorecard is null
            ? NotFound(id, query.Council!)
            : TypedResults.Text(ScorecardFormats.ToJson(scorecard), "application/json");
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ScorecardXlsxAsync(
        string id, [AsParameters] ScorecardQuery query, ScorecardService service, CouncilAccess access, CancellationToken cancellationToken)
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
        ScorecardFormats.WriteXlsx(stream, scorecard);
        return TypedResults.File(
            stream.ToArray(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"scorecard-{scorecard.FrameworkId}-{scorecard.Council}-{query.Year}.xlsx");
    }

    internal static async Task<Results<Ok<BenchmarkResponse>, ValidationProblem, ProblemHttpResult>> BenchmarksAsync(
        [AsParameters] BenchmarkQuery query, BenchmarkStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(query.Council))
        {
            errors["council"] = ["Give the council's DfE code or LA number."];
        }

        if (string.IsNullOrWhiteSpace(query.Measure))
        {
            errors["measure"] = ["Give the measure id."];
        }

        if (query.Year is null or < 1901 or > 9998)
        {
            errors["year"] = ["Give the reporting year, e.g. 2025."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var council = CouncilList.Find(query.Council);
        var measure = await store.FindMeasureAsync(query.Measure!.Trim(), cancellationToken);
        if (council is null || measure is null)
        {
            return TypedResults.Problem(
                council is null ? $"No council with code '{query.Council}'." : $"No benchmarks for the measure '{query.Measure}'.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var comparison = await store.CompareAsync(council.LaNumber, measure.Id, query.Year!.Value, cancellationToken);
        return TypedResults.Ok(BenchmarkResponse.From(measure, council, comparison!));
    }

    private static ValidationProblem? Validate(ScorecardQuery query)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(query.Council))
        {
            errors["council"] = ["Give the council's DfE code or LA number."];
        }

        if (query.Year is null or < 1901 or > 9998)
        {
            errors["year"] = ["Give the reporting year, e.g. 2025."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static ProblemHttpResult NotFound(string id, string council) =>
        TypedResults.Problem($"No framework '{id}' or no council '{council}'.", statusCode: StatusCodes.Status404NotFound);
}
