using Lodestar.Application.Scorecards;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Web.Api.V1.Contracts;
using Lodestar.Web.Frameworks;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestar.Web.Api.V1;

/// <summary>
/// The national scorecard route of /api/v1 (issue 14): a framework's scorecard for every council the caller has a grant
/// for, from stored values and stored KPI results (<see cref="NationalScorecards"/>, the use case the CLI's
/// <c>scorecard national</c> calls).
/// </summary>
internal static class ApiV1National
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/frameworks/{id}/national", NationalAsync).WithTags("Frameworks")
            .WithSummary("A framework's scorecard for every council the caller may see, for one reporting year, from stored results; councils without data are listed as such");

    /// <summary><c>year</c>: the reporting year (2025 is 2024-25), required; <c>suppress=true</c>: small numbers as "c".</summary>
    private static async Task<Results<Ok<NationalScorecardResult>, ValidationProblem, ProblemHttpResult>> NationalAsync(
        string id, int? year, bool? suppress, NationalScorecards national, CouncilAccess access, IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        if (year is not { } asked || !Period.IsYear(asked))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Give the reporting year, e.g. 2025."] });
        }

        var built = await national.BuildAsync(id, Period.ReportingYear(year.Value), await access.AllowedAsync(cancellationToken), cancellationToken);
        return built is null
            ? ApiV1.NotFound($"There is no framework '{id}'.")
            : TypedResults.Ok(NationalScorecardResult.From(built, Applied(built, suppress == true, configuration)));
    }

    /// <summary>Each council's scorecard with small numbers marked, or withheld when <paramref name="suppress"/> (the configured rule).</summary>
    public static IReadOnlyDictionary<string, Scorecard> Applied(NationalScorecard built, bool suppress, IConfiguration configuration)
    {
        var rule = SmallNumberOptions.Rule(configuration);
        return built.Councils.ToDictionary(c => c.Council.Code, c => suppress ? rule.Suppress(c.Scorecard) : rule.Mark(c.Scorecard), StringComparer.Ordinal);
    }
}
