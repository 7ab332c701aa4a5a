using System.Security.Claims;
using Lodestar.Application.Benchmarks;
using Lodestar.Application.Kpis;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data.Benchmarks;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Lodestar.Web.Api.V1.Contracts;
using Lodestar.Web.Frameworks;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestar.Web.Api.V1;

/// <summary>
/// The read routes of /api/v1 over councils, frameworks, scorecards, measures, KPIs, benchmarks and
/// submissions, each through the service its page uses. A council the caller has no grant for answers 404,
/// as an unknown one does.
/// </summary>
internal static class ApiV1Reads
{
    /// <summary>How many reporting years a measure series may span.</summary>
    public const int MaxSeriesYears = 20;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/councils", CouncilsAsync).WithTags("Councils").WithSummary("The councils the caller may see");
        api.MapGet("/councils/{code}/submissions", SubmissionsAsync).WithTags("Submissions").WithSummary("A council's submissions of statutory returns, newest first, with status and findings counts");
        api.MapGet("/frameworks", FrameworksAsync).WithTags("Frameworks").WithSummary("The frameworks");
        api.MapGet("/frameworks/{id}/scorecard", ScorecardAsync).WithTags("Frameworks").WithSummary("A framework's scorecard for a council and reporting year");
        api.MapGet("/frameworks/{id}/measures", MeasuresAsync).WithTags("Frameworks").WithSummary("A framework's measures");
        api.MapGet("/frameworks/{id}/measures/{measure}/series", SeriesAsync).WithTags("Frameworks").WithSummary("A measure's value, target and RAG for a council over reporting years");
        api.MapGet("/kpis", KpisAsync).WithTags("KPIs").WithSummary("KPI results for a council: one year, a range, or a monthly/quarterly/yearly series");
        api.MapGet("/kpis/{id}/explain", ExplainAsync).WithTags("KPIs").RequireAuthorization(SecurityServices.ChildLevelPolicy)
            .WithSummary("The children behind a KPI result (child-level role; audited)");
        api.MapGet("/benchmarks", BenchmarksAsync).WithTags("Benchmarks").WithSummary("A measure's DfE comparison for any council (published figures): England, region, statistical neighbours, quartile");
    }

    private static async Task<Ok<IReadOnlyList<CouncilItem>>> CouncilsAsync(ScorecardService service, CouncilAccess access, CancellationToken cancellationToken)
    {
        var councils = await service.CouncilsAsync(await access.AllowedAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CouncilItem>>([.. councils.Select(CouncilItem.From)]);
    }

    private static async Task<Results<Ok<IReadOnlyList<SubmissionItem>>, ProblemHttpResult>> SubmissionsAsync(
        string code, Submissions submissions, CouncilAccess access, CancellationToken cancellationToken)
    {
        if (await GrantedAsync(code, access, cancellationToken) is not { } council)
        {
            return UnknownCouncil(code);
        }

        var list = await submissions.ListAsync(council.Code, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SubmissionItem>>([.. list.Select(s =>
        {
            var wire = SubmissionResponse.From(s);
            return new SubmissionItem(wire.Id, wire.Council, wire.Return, wire.CollectionYear, wire.Status, wire.CheckedBy, wire.CheckedAt,
                wire.ConfirmedBy, wire.ConfirmedAt, wire.SupersededId, wire.Errors, wire.Warnings, wire.NotRun.Count);
        })]);
    }

    private static async Task<Ok<IReadOnlyList<FrameworkItem>>> FrameworksAsync(ScorecardService service, CancellationToken cancellationToken)
    {
        var list = await service.Frameworks.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<FrameworkItem>>([.. list.Select(f => new FrameworkItem(f.Id, f.Title, f.Owner, f.Nodes, f.Measures))]);
    }

    private static async Task<Results<Ok<ScorecardResult>, ValidationProblem, ProblemHttpResult>> ScorecardAsync(
        string id, string? council, int? year, bool? suppress, ScorecardService service, CouncilAccess access, IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        if (CouncilAndYear(council, year, yearRequired: true) is { } invalid)
        {
            return invalid;
        }

        if (await GrantedAsync(council!, access, cancellationToken) is not { } chosen)
        {
            return UnknownCouncil(council!);
        }

        var scorecard = await service.ScorecardAsync(id, chosen.Code, Period.ReportingYear(year!.Value), cancellationToken);
        return scorecard is null ? ApiV1.NotFound($"There is no framework '{id}'.") : TypedResults.Ok(ScorecardResult.Of(SmallNumberOptions.Apply(scorecard, suppress == true, configuration)));
    }

    private static async Task<Results<Ok<IReadOnlyList<MeasureItem>>, ProblemHttpResult>> MeasuresAsync(string id, ScorecardService service, CancellationToken cancellationToken)
    {
        var framework = await service.Frameworks.LoadAsync(id, cancellationToken);
        if (framework is null)
        {
            return ApiV1.NotFound($"There is no framework '{id}'.");
        }

        var ids = framework.ReferencedMeasureIds();
        var measures = await service.Frameworks.MeasuresAsync(ids, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MeasureItem>>([.. ids.Where(measures.ContainsKey).Select(m => MeasureItem.From(measures[m]))]);
    }

    /// <summary><c>year</c>: the last reporting year (default: the council's latest); <c>years</c>: how many, 1–20 (default 6).</summary>
    private static async Task<Results<Ok<MeasureSeries>, ValidationProblem, ProblemHttpResult>> SeriesAsync(
        string id, string measure, string? council, int? year, int? years, bool? suppress, ScorecardService service, CouncilAccess access,
        IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (CouncilAndYear(council, year, yearRequired: false) is { } invalid)
        {
            return invalid;
        }

        if (years is < 1 or > MaxSeriesYears)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["years"] = [$"Give 1 to {MaxSeriesYears} years, not {years}."] });
        }

        if (await GrantedAsync(council!, access, cancellationToken) is not { } chosen)
        {
            return UnknownCouncil(council!);
        }

        var framework = await service.Frameworks.LoadAsync(id, cancellationToken);
        var measures = framework is not null && framework.ReferencedMeasureIds().Contains(measure)
            ? await service.Frameworks.MeasuresAsync([measure], cancellationToken)
            : null;
        if (framework is null || measures is null || !measures.TryGetValue(measure, out var found))
        {
            return ApiV1.NotFound($"There is no measure '{measure}' in a framework '{id}'.");
        }

        var last = year ?? await service.DefaultYearAsync(chosen.Code, cancellationToken);
        var span = years ?? 6;
        var history = await service.HistoryAsync(framework, found, chosen, [.. Enumerable.Range(0, span).Select(i => last - span + 1 + i)], cancellationToken);
        return TypedResults.Ok(new MeasureSeries(framework.Id, MeasureItem.From(found), chosen.Code, [.. history.Select(h =>
        {
            var row = SmallNumberOptions.Apply(h.Row, suppress == true, configuration);
            return new MeasurePoint(
                h.Year, Period.ReportingYear(h.Year).ToString(), row.Value?.Value, row.Value?.Numerator, row.Value?.Denominator,
                row.Target?.Value, Wire.Name(row.Rag.Status), row.Rag.Reason, row.Small.HasFlag(SmallFigures.Value),
                row.Withheld.HasFlag(SmallFigures.Value) ? SmallNumbers.Marker : null);
        })]));
    }

    /// <summary>
    /// <c>council</c> and the periods: <c>year</c> (a reporting year), or <c>from</c> and <c>to</c> (dates), with
    /// <c>series</c> = month, quarter or year to split the range; <c>kpi</c>: ids, comma-separated (default all).
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<KpiResultItem>>, ProblemHttpResult>> KpisAsync(
        string? council, string? kpi, string? year, string? from, string? to, string? series, bool? suppress, StatutoryDataStore store,
        CouncilAccess access, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(council))
        {
            return ApiV1.BadRequest("council=CODE is needed (e.g. council=E10000003).");
        }

        var (periods, ids, problem) = KpiPeriodQuery.ParseRequest(year, from, to, series, kpi);
        if (problem is not null)
        {
            return ApiV1.BadRequest(problem);
        }

        var code = council.Trim();
        if (store.Dataset(code) is null || !await access.AllowsAsync(code, cancellationToken))
        {
            return ApiV1.NotFound($"No statutory returns are loaded for council '{code}'.");
        }

        return TypedResults.Ok<IReadOnlyList<KpiResultItem>>([.. store.Compute(code, periods, ids).Select(r =>
        {
            var wire = KpiResultResponse.From(r, suppress == true ? SmallNumberOptions.Rule(configuration) : null);
            return new KpiResultItem(
                wire.Kpi, wire.Council, wire.PeriodStart, wire.PeriodEnd, wire.Value, wire.Numerator, wire.Denominator, wire.Unit, wire.Category, wire.SmallNumber,
                wire.Suppressed);
        })]);
    }

    private static async Task<Results<Ok<KpiChildren>, ProblemHttpResult>> ExplainAsync(
        string id, string? council, string? year, string? from, string? to, ChildLevelKpis childLevel, CouncilAccess access, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (KpiCatalog.Find(id) is not { } definition)
        {
            return ApiV1.BadRequest($"No KPI with id '{id}'.");
        }

        if (string.IsNullOrWhiteSpace(council))
        {
            return ApiV1.BadRequest("council=CODE is needed (e.g. council=E10000003).");
        }

        var (periods, problem) = KpiPeriodQuery.Parse(year, from, to, null);
        if (problem is not null)
        {
            return ApiV1.BadRequest(problem);
        }

        var code = council.Trim();
        var explanation = await access.AllowsAsync(code, cancellationToken)
            ? await childLevel.ExplainAsync(user.Identity?.Name ?? "unknown", definition, code, periods[0], cancellationToken)
            : null;
        return explanation is null
            ? ApiV1.NotFound($"No statutory returns are loaded for council '{code}'.")
            : TypedResults.Ok(new KpiChildren(explanation.NumeratorChildren, explanation.DenominatorChildren));
    }

    private static async Task<Results<Ok<BenchmarkResponse>, ValidationProblem, ProblemHttpResult>> BenchmarksAsync(
        string? council, string? measure, int? year, BenchmarkStore store, CancellationToken cancellationToken)
    {
        var errors = Errors(council, year, yearRequired: true);
        if (string.IsNullOrWhiteSpace(measure))
        {
            errors["measure"] = ["Give the measure id."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Published DfE figures: open for every council to any caller (docs/web.md, "Council grants").
        if (CouncilList.Find(council!.Trim()) is not { } chosen)
        {
            return UnknownCouncil(council);
        }

        var found = await store.FindMeasureAsync(measure!.Trim(), cancellationToken);
        if (found is null)
        {
            return ApiV1.NotFound($"No benchmarks for the measure '{measure}'.");
        }

        var comparison = await store.CompareAsync(chosen.LaNumber, found.Id, year!.Value, cancellationToken);
        return TypedResults.Ok(BenchmarkResponse.From(found, chosen, comparison!));
    }

    /// <summary>The council (DfE code or LA number) when the caller has a grant for it; null when unknown or not granted.</summary>
    public static async Task<Council?> GrantedAsync(string council, CouncilAccess access, CancellationToken cancellationToken) =>
        CouncilList.Find(council.Trim()) is { } known && await access.AllowsAsync(known.Code, cancellationToken) ? known : null;

    public static ProblemHttpResult UnknownCouncil(string council) => ApiV1.NotFound($"No council '{council.Trim()}'.");

    private static ValidationProblem? CouncilAndYear(string? council, int? year, bool yearRequired)
    {
        var errors = Errors(council, year, yearRequired);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static Dictionary<string, string[]> Errors(string? council, int? year, bool yearRequired)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(council))
        {
            errors["council"] = ["Give the council's DfE code or LA number."];
        }

        if ((yearRequired && year is null) || (year is { } y && !Period.IsYear(y)))
        {
            errors["year"] = ["Give the reporting year, e.g. 2025."];
        }

        return errors;
    }
}
