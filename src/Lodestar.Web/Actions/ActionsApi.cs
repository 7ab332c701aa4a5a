using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Benefits;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Formats.Actions;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestar.Web.Actions;

/// <summary>One benefit as the API gives it (the fields of <c>lodestar benefits report --format json</c>).</summary>
internal sealed record BenefitResponse(
    string Id,
    string Description,
    bool Financial,
    string? Timing,
    string? HowMeasured,
    string? Baseline,
    decimal? BaselineValue,
    string? Target,
    decimal? ValuePerYear,
    int ConfidencePercent,
    decimal? RiskAdjustedValuePerYear,
    decimal RealisedToDate,
    IReadOnlyList<string> Measures,
    IReadOnlyList<RealisedValue> Realised);

/// <summary>A benefits register with its totals.</summary>
internal sealed record BenefitsRegisterResponse(
    string Id,
    string Title,
    string? Source,
    decimal ValuePerYear,
    decimal RiskAdjustedValuePerYear,
    decimal RealisedToDate,
    IReadOnlyList<BenefitResponse> Benefits)
{
    public static BenefitsRegisterResponse From(BenefitsRegister r) => new(
        r.Id, r.Title, r.Source, r.ValuePerYear, r.RiskAdjustedValuePerYear, r.RealisedToDate,
        [.. r.Benefits.Select(b => new BenefitResponse(
            b.Id, b.Description, b.Financial, b.Timing, b.HowMeasured, b.Baseline, b.BaselineValue, b.Target, b.ValuePerYear,
            b.ConfidencePercent, b.RiskAdjustedValuePerYear, b.RealisedToDate, b.Measures, b.Realised))]);
}

/// <summary>
/// The JSON API of action plans, savings plans and benefits registers (docs/web.md), in the JSON of the
/// <c>lodestar</c> commands (<see cref="ActionsJson"/>). Read-only; every endpoint needs a signed-in user.
/// </summary>
internal static class ActionsApi
{
    public static void MapActionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/actions", ListPlansAsync);
        api.MapGet("/actions/{id}/status", PlanStatusAsync);
        api.MapGet("/savings/{plan}", SavingsAsync);
        api.MapGet("/benefits", BenefitsAsync);
    }

    private static async Task<Results<JsonHttpResult<IReadOnlyList<ActionPlanSummary>>, ValidationProblem>> ListPlansAsync(
        string? asAt, LodestarDbContext db, CouncilAccess access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ActionsViews.TryAsAt(asAt, clock, out var date))
        {
            return BadDate(asAt);
        }

        return TypedResults.Json(await ActionsViews.PlanSummariesAsync(db, access, date, cancellationToken), ActionsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<ActionPlanStatus>, ProblemHttpResult, ValidationProblem>> PlanStatusAsync(
        string id, string? asAt, LodestarDbContext db, CouncilAccess access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ActionsViews.TryAsAt(asAt, clock, out var date))
        {
            return BadDate(asAt);
        }

        var plan = await ActionsStore.LoadPlanAsync(db, id, cancellationToken);
        if (plan is null || !await ActionsViews.VisibleAsync(plan.Council, access, cancellationToken))
        {
            return TypedResults.Problem($"There is no action plan '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Json(ActionPlanStatus.Compute(plan, date), ActionsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<SavingsReport>, ProblemHttpResult, ValidationProblem>> SavingsAsync(
        string plan, string? year, LodestarDbContext db, CouncilAccess access, CancellationToken cancellationToken)
    {
        Period? onlyYear = null;
        if (!string.IsNullOrWhiteSpace(year) && (onlyYear = ActionsViews.FinancialYear(year)) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["year"] = [$"'{year}' is not a financial year like 2016/17 or 2017."],
            });
        }

        var savings = await ActionsStore.LoadSavingsAsync(db, plan, cancellationToken);
        if (savings is null || !await ActionsViews.SavingsVisibleAsync(db, access, plan, cancellationToken))
        {
            return TypedResults.Problem($"There is no savings plan '{plan}'.", statusCode: StatusCodes.Status404NotFound);
        }

        if (onlyYear is { } only && !savings.Years.Contains(only))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["year"] = [$"The plan has no year {only.ToFinancialYearLabel()}; its years are {string.Join(", ", savings.Years.Select(y => y.ToFinancialYearLabel()))}."],
            });
        }

        return TypedResults.Json(SavingsReport.Build(savings, null, onlyYear), ActionsJson.Options);
    }

    private static async Task<JsonHttpResult<IReadOnlyList<BenefitsRegisterResponse>>> BenefitsAsync(LodestarDbContext db, CancellationToken cancellationToken)
    {
        var registers = await ActionsStore.LoadRegistersAsync(db, cancellationToken);
        return TypedResults.Json<IReadOnlyList<BenefitsRegisterResponse>>([.. registers.Select(BenefitsRegisterResponse.From)], ActionsJson.Options);
    }

    private static ValidationProblem BadDate(string? asAt) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["asAt"] = [$"'{asAt}' is not a date YYYY-MM-DD."] });
}
