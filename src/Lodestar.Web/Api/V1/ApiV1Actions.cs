using System.Globalization;
using System.Security.Claims;
using Lodestar.Application.Forecast;
using Lodestar.Application.Returns;
using Lodestar.Application.Savings;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Audit;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Formats.Actions;
using Lodestar.Web.Actions;
using Lodestar.Web.Api.V1.Contracts;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lodestar.Web.Api.V1;

/// <summary>
/// Action plans (read; a deliverable's progress update, editors only, audited as the page's edits are),
/// savings plans and benefits registers. A plan for a council the caller has no grant for answers 404.
/// </summary>
internal static class ApiV1Actions
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/action-plans", PlansAsync).WithTags("Action plans").WithSummary("The action plans the caller may see, with RAG and counts on a date (as_at, default today)");
        api.MapGet("/action-plans/{id}", PlanAsync).WithTags("Action plans").WithSummary("An action plan's outcomes, workstreams and deliverables with their RAG on a date");
        api.MapPost("/action-plans/{id}/deliverables/{number}/progress", ProgressAsync).WithTags("Action plans").RequireAuthorization(SecurityServices.EditorPolicy)
            .WithSummary("Add a progress update to a deliverable (editor role; audited)");
        api.MapGet("/savings/{plan}", SavingsAsync).WithTags("Savings")
            .WithSummary("A savings plan: plan against delivered and forecast by financial year (year: e.g. 2016/17 or 2017); with baseline and to, delivered and the run-rate forecast from the council's 903 returns and the trend forecast from the looked-after children forecast");
        api.MapGet("/benefits", BenefitsAsync).WithTags("Benefits").WithSummary("The benefits registers with their totals");
    }

    private static async Task<Results<Ok<IReadOnlyList<ActionPlanItem>>, ValidationProblem>> PlansAsync(
        [FromQuery(Name = "as_at")] string? asAt, LodestarDbContext db, CouncilAccess access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ActionsViews.TryAsAt(asAt, clock, out var date))
        {
            return BadDate(asAt);
        }

        var plans = await ActionsViews.PlanSummariesAsync(db, access, date, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ActionPlanItem>>([.. plans.Select(p => new ActionPlanItem(
            p.Id, p.Title, p.Council, p.AsAt, Wire.Name(p.Rag), p.Deliverables, ActionPlanDetail.ByRag(p.DeliverablesByRag),
            ActionPlanDetail.Priorities(p.DeliverablesByPriority), p.Overdue))]);
    }

    /// <summary>The plan's status on a date; with <c>forecast=true</c> also joined to the looked-after children forecast (<see cref="PlanForecastItem"/>).</summary>
    private static async Task<Results<Ok<ActionPlanDetail>, ValidationProblem, ProblemHttpResult>> PlanAsync(
        string id, [FromQuery(Name = "as_at")] string? asAt, bool? forecast, LodestarDbContext db, CouncilAccess access, TimeProvider clock,
        StatutoryDataStore returns, ForecastScenarios scenarios, CancellationToken cancellationToken)
    {
        if (!ActionsViews.TryAsAt(asAt, clock, out var date))
        {
            return BadDate(asAt);
        }

        var plan = await ActionsStore.LoadPlanAsync(db, id, cancellationToken);
        if (plan is null || !await ActionsViews.VisibleAsync(plan.Council, access, cancellationToken))
        {
            return ApiV1.NotFound($"There is no action plan '{id}'.");
        }

        var detail = ActionPlanDetail.From(ActionPlanStatus.Compute(plan, date));
        return TypedResults.Ok(forecast == true && plan.Council is { } council
            ? detail with { Forecast = await PlanForecastAsync(plan, council, returns, scenarios, cancellationToken) }
            : detail);
    }

    // The action plan page's join (its workstreams' scenarios) and the forecast page's (its targets), for one plan.
    private static async Task<PlanForecastItem> PlanForecastAsync(ActionPlan plan, string council, StatutoryDataStore returns, ForecastScenarios scenarios, CancellationToken cancellationToken)
    {
        var linked = await WorkstreamScenarios.ForPlanAsync(scenarios, returns, plan, cancellationToken);
        var workstreams = linked.OrderBy(w => w.Key, StringComparer.Ordinal).SelectMany(w => w.Value.Select(s => new WorkstreamScenarioItem(
            w.Key, s.Saved.Scenario.Name, WorkstreamScenarios.Describe(s.Saved.Scenario), s.Effect?.LastMonth, s.Effect?.Children, s.Effect?.Placements, s.Problem))).ToList();
        if (LacForecast.DataEnd(returns, council) is not { } asAt)
        {
            return new PlanForecastItem(council, null, WorkstreamScenarios.Months, [], workstreams, "no SSDA903 returns are confirmed for this council: nothing to forecast from");
        }

        var result = LacForecast.Compute(returns, council, asAt, WorkstreamScenarios.Months);
        if (!result.Succeeded)
        {
            return new PlanForecastItem(council, asAt, WorkstreamScenarios.Months, [], workstreams, string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        var targets = plan.MeasureTargets().Where(t => t.MeasureId == ForecastTargets.Measure && t.CouncilCode == council)
            .Select(t => ForecastTargets.View(plan.Id, t.Date, t.Value, result.Value))
            .OrderBy(v => v.Date)
            .Select(v => new PlanTargetForecastItem(v.Date, v.Month, v.Target, v.Expected, v.Forecast)).ToList();
        return new PlanForecastItem(council, asAt, WorkstreamScenarios.Months, targets, workstreams, null);
    }

    /// <summary>Appends the update (dated today, by the caller) and answers the deliverable's status today.</summary>
    private static async Task<Results<Ok<DeliverableItem>, ValidationProblem, ProblemHttpResult>> ProgressAsync(
        string id, string number, ProgressUpdateRequest body, LodestarDbContext db, CouncilAccess access, AuditLog audit, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await ActionsViews.PlanVisibleAsync(db, access, id, cancellationToken))
        {
            return ApiV1.NotFound($"There is no action plan '{id}'.");
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Text))
        {
            errors["text"] = ["Give the progress update's text."];
        }

        ActionRag? rag = null;
        if (!string.IsNullOrWhiteSpace(body.Rag))
        {
            if (Enum.TryParse<ActionRag>(body.Rag.Trim(), ignoreCase: true, out var parsed) && parsed != ActionRag.Grey && Enum.IsDefined(parsed)
                && !body.Rag.Trim().All(char.IsAsciiDigit))
            {
                rag = parsed;
            }
            else
            {
                errors["rag"] = [$"'{body.Rag}' is not a RAG: give blue, green, amber or red, or leave it out."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var actor = user.Identity?.Name ?? "";
        var today = ActionsViews.Today(clock);
        if (!await ActionsHistory.AddProgressAsync(db, id, number, new ProgressUpdate(today, actor, body.Text!.Trim(), rag), cancellationToken))
        {
            return ApiV1.NotFound($"Action plan '{id}' has no deliverable '{number}'.");
        }

        audit.Add(actor, AuditActions.Edit, $"action plan {id} deliverable {number}", $"progress update{(rag is null ? "" : $", RAG {rag}")}");
        await db.SaveChangesAsync(cancellationToken);
        var plan = await ActionsStore.LoadPlanAsync(db, id, cancellationToken);
        var status = ActionPlanStatus.Compute(plan!, today).Outcomes.SelectMany(o => o.Workstreams).SelectMany(w => w.Deliverables).First(d => d.Number == number);
        return TypedResults.Ok(ActionPlanDetail.Deliverable(status));
    }

    /// <summary>
    /// The plan; with <c>baseline</c> (the baseline year by its March) and <c>to</c> (the year to date's last day), as the
    /// savings page: delivered and the run-rate forecast from the council's 903 returns (<c>council</c>, or the only one
    /// with 903 data the caller may see) and the trend forecast (<c>inflation</c>: per cent a year for unit costs
    /// beyond the table, default 2).
    /// </summary>
    private static async Task<Results<Ok<SavingsPlanItem>, ValidationProblem, ProblemHttpResult>> SavingsAsync(
        string plan, string? year, string? council, string? baseline, string? to, string? inflation,
        LodestarDbContext db, CouncilAccess access, StatutoryDataStore returns, CancellationToken cancellationToken)
    {
        Period? onlyYear = null;
        if (!string.IsNullOrWhiteSpace(year) && (onlyYear = ActionsViews.FinancialYear(year)) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"'{year}' is not a financial year like 2016/17 or 2017."] });
        }

        var savings = await ActionsStore.LoadSavingsAsync(db, plan, cancellationToken);
        if (savings is null || !await ActionsViews.SavingsVisibleAsync(db, access, plan, cancellationToken))
        {
            return ApiV1.NotFound($"There is no savings plan '{plan}'.");
        }

        if (onlyYear is { } only && !savings.Years.Contains(only))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["year"] = [$"The plan has no year {only.ToFinancialYearLabel()}; its years are {string.Join(", ", savings.Years.Select(y => y.ToFinancialYearLabel()))}."],
            });
        }

        if (string.IsNullOrWhiteSpace(baseline) && string.IsNullOrWhiteSpace(to))
        {
            return TypedResults.Ok(SavingsPlanItem.From(SavingsReport.Build(savings, null, onlyYear)));
        }

        var errors = new Dictionary<string, string[]>();
        if (!int.TryParse(baseline, NumberStyles.None, CultureInfo.InvariantCulture, out var baselineYear) || baselineYear is < 1990 or > 2100)
        {
            errors["baseline"] = [$"'{baseline}' is not a baseline year such as 2016 (the year its March falls in)."];
        }

        if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var toDay) || toDay.Year is < 1990 or > 2100)
        {
            errors["to"] = [$"'{to}' is not a date YYYY-MM-DD ending the year to date."];
        }

        var rate = 2m;
        if (!string.IsNullOrWhiteSpace(inflation) && (!decimal.TryParse(inflation, NumberStyles.Number, CultureInfo.InvariantCulture, out rate) || rate is < -10 or > 50))
        {
            errors["inflation"] = [$"'{inflation}' is not a yearly rate in per cent, such as 2."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The same use cases, council and unit costs as the savings page: a council without 903 data and one the
        // caller has no grant for get the same answer.
        var allowed = await access.AllowedAsync(cancellationToken);
        var chosen = string.IsNullOrWhiteSpace(council) ? null : council.Trim();
        var costs = CostsYamlReader.Illustrative();
        var model = SavingsFromReturns.CostModel(returns, chosen, baselineYear, toDay, costs, allowed);
        if (!model.Succeeded)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["council"] = [model.Problems[0].Message] });
        }

        var item = SavingsPlanItem.From(SavingsReport.Build(savings, model.Value, onlyYear));
        var forecastCouncil = chosen ?? returns.Councils.SingleOrDefault(c => returns.Dataset(c)?.Cla is not null && allowed.Contains(c));
        if (forecastCouncil is not null
            && ForecastSavings.Compute(returns, forecastCouncil, baselineYear, toDay, costs, rate / 100m, allowed) is { Succeeded: true } trend)
        {
            item = item with { TrendForecast = TrendForecastItem.From(forecastCouncil, trend.Value, ForecastSavings.ByObjective(savings, trend.Value)) };
        }

        return TypedResults.Ok(item);
    }

    private static async Task<Ok<IReadOnlyList<BenefitsRegisterItem>>> BenefitsAsync(LodestarDbContext db, CancellationToken cancellationToken)
    {
        var registers = await ActionsStore.LoadRegistersAsync(db, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BenefitsRegisterItem>>([.. registers.Select(BenefitsRegisterItem.From)]);
    }

    private static ValidationProblem BadDate(string? asAt) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["as_at"] = [$"'{asAt}' is not a date YYYY-MM-DD."] });
}
