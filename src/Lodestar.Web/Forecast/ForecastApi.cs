using System.Globalization;
using Lodestar.Application.Forecast;
using Lodestar.Application.Returns;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lodestar.Web.Forecast;

/// <summary>Query of <c>GET /api/v1/councils/{code}/forecast</c>.</summary>
internal sealed record ForecastApiRequest([property: FromQuery(Name = "as_at")] string? AsAt, [property: FromQuery(Name = "months")] int? Months, [property: FromQuery(Name = "scenario")] string? Scenario);

/// <summary>
/// <c>GET /api/v1/councils/{code}/forecast?as_at=YYYY-MM-DD[&amp;months=N][&amp;scenario=NAME]</c>: the
/// looked-after children forecast as rows (<see cref="ForecastRowResponse"/>, the rows of
/// <c>lodestar forecast --format json</c>): the baseline, or the council's saved scenario of that name.
/// Any signed-in user with a grant for the council; 404 for a council without 903 data or without the
/// grant (the same answer); 400 for a bad date, months or scenario name.
/// </summary>
internal static class ForecastApi
{
    public static IServiceCollection AddForecast(this IServiceCollection services) => services.AddScoped<ForecastScenarios>();

    /// <summary>Maps the route into the /api/v1 group, so it takes the API's sign-in (cookie or token), naming and errors.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/councils/{code}/forecast", GetAsync).WithTags("Forecast")
            .WithSummary("The looked-after children forecast for a council: month-end rows with 80 % and 95 % intervals, the baseline or a saved scenario");
        api.MapGet("/councils/{code}/forecast/age-bands", GetAgeBandsAsync).WithTags("Forecast")
            .WithSummary("The forecast's 52-week placement equivalents by age band and financial year, with 80 % and 95 % intervals, the baseline or a saved scenario");
    }

    private static async Task<Results<Ok<IReadOnlyList<ForecastRowResponse>>, ProblemHttpResult>> GetAsync(
        string code, [AsParameters] ForecastApiRequest request, StatutoryDataStore store, CouncilAccess access, ForecastScenarios scenarios,
        CancellationToken cancellationToken)
    {
        var (council, forecast, problem) = await ComputeAsync(code, request, store, access, scenarios, cancellationToken);
        return problem is not null ? problem : TypedResults.Ok(ForecastRowResponse.Rows(council, forecast!));
    }

    /// <summary><c>GET /api/v1/councils/{code}/forecast/age-bands</c>: the rows of <c>lodestar forecast --by age-band --format json</c>.</summary>
    private static async Task<Results<Ok<IReadOnlyList<ForecastAgeBandRowResponse>>, ProblemHttpResult>> GetAgeBandsAsync(
        string code, [AsParameters] ForecastApiRequest request, StatutoryDataStore store, CouncilAccess access, ForecastScenarios scenarios,
        CancellationToken cancellationToken)
    {
        var (council, forecast, problem) = await ComputeAsync(code, request, store, access, scenarios, cancellationToken);
        return problem is not null ? problem : TypedResults.Ok(ForecastAgeBandRowResponse.Rows(council, forecast!));
    }

    // The forecast asked for (the baseline, or the saved scenario named), or the problem to answer instead.
    private static async Task<(string Council, Metrics.Forecast.ForecastResult? Forecast, ProblemHttpResult? Problem)> ComputeAsync(
        string code, ForecastApiRequest request, StatutoryDataStore store, CouncilAccess access, ForecastScenarios scenarios,
        CancellationToken cancellationToken)
    {
        var council = code.Trim();
        if (!DateOnly.TryParseExact(request.AsAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt))
        {
            return (council, null, BadRequest($"as_at=YYYY-MM-DD is needed (not '{request.AsAt}')."));
        }

        if (store.Dataset(council)?.Cla is null || !await access.AllowsAsync(council, cancellationToken))
        {
            return (council, null, TypedResults.Problem($"No 903 returns are loaded for council '{council}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown council"));
        }

        var chosen = new List<Metrics.Forecast.ForecastScenario>();
        if (!string.IsNullOrWhiteSpace(request.Scenario))
        {
            var saved = (await scenarios.ListAsync(council, cancellationToken)).FirstOrDefault(s => string.Equals(s.Scenario.Name, request.Scenario.Trim(), StringComparison.OrdinalIgnoreCase));
            if (saved is null)
            {
                return (council, null, BadRequest($"No saved scenario named '{request.Scenario}' for {council}."));
            }

            chosen.Add(saved.Scenario);
        }

        var result = LacForecast.Compute(store, council, asAt, request.Months ?? 24, chosen);
        if (!result.Succeeded)
        {
            return (council, null, BadRequest(string.Join("; ", result.Errors.Select(p => p.ToString()))));
        }

        var forecast = result.Value;
        return (council, chosen.Count > 0 ? forecast.Scenarios[0] : forecast.Baseline, null);
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");
}
