using Lodestar.Application.Packs;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using System.Security.Claims;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Domain.Periods;
using Lodestar.Web.Frameworks;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lodestar.Web.Api.V1;

/// <summary>The body of a commentary save: the text (up to 4,000 characters).</summary>
internal sealed record CommentaryRequest(string? Text);

/// <summary>A version of a measure's commentary.</summary>
internal sealed record CommentaryItem(long Id, string Measure, string Text, string WrittenBy, DateTimeOffset WrittenAt)
{
    public static CommentaryItem From(CommentaryEntry e) => new(e.Id, e.MeasureId, e.Text, e.WrittenBy, e.WrittenAt);
}

/// <summary>Query of the pack download: the format and whether the public version is wanted.</summary>
internal sealed record PackQuery([property: FromQuery(Name = "format")] string? Format, [property: FromQuery(Name = "public")] bool? Public);

/// <summary>
/// <c>GET /api/v1/frameworks/{id}/packs/{council}/{year}?format=pdf|xlsx|html[&amp;public=true]</c>: a framework's
/// board pack for a council and reporting year as a file (docs/packs.md), built as <c>lodestar pack</c> builds
/// it. Any signed-in user (cookie or token) with a grant for the council; 404 for an unknown framework, an
/// unknown council or one without the grant (the same answer); 400 for a bad format or year. The web's
/// pack page links here for its downloads.
/// </summary>
internal static class ApiV1Packs
{
    /// <summary>Media type and file extension of each format.</summary>
    private static readonly Dictionary<string, (string Type, string Extension)> Formats = new(StringComparer.Ordinal)
    {
        ["pdf"] = ("application/pdf", "pdf"),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        ["html"] = ("text/html; charset=utf-8", "html"),
    };

    /// <summary>Maps the route into the /api/v1 group, so it takes the API's sign-in (cookie or token), naming and errors.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/frameworks/{id}/packs/{council}/{year}", GetAsync).WithTags("Packs")
            .WithSummary("A framework's board pack for a council and reporting year, as PDF, XLSX or HTML; public=true for the version with small numbers suppressed")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf", additionalContentTypes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html"]);
        api.MapGet("/councils/{council}/commentary/{measure}/{year}", HistoryAsync).WithTags("Packs")
            .WithSummary("Every version of a measure's commentary for a council and reporting year, newest first");
        api.MapPost("/councils/{council}/commentary/{measure}/{year}", SaveAsync).WithTags("Packs").RequireAuthorization(SecurityServices.EditorPolicy)
            .WithSummary("Save a new version of a measure's commentary for a council and reporting year (editor role; audited); board packs print the newest");
    }

    /// <summary>The pack the signed-in user may see, or null (unknown framework or council, or no grant).</summary>
    internal static async Task<BoardPack?> BuildAsync(
        HttpContext http, string id, string council, int year, bool isPublic, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var scorecards = services.GetRequiredService<ScorecardService>();
        var chosen = await scorecards.CouncilAsync(council, cancellationToken);
        if (chosen is null || !await services.GetRequiredService<CouncilAccess>().AllowsAsync(chosen.Code, cancellationToken))
        {
            return null;
        }

        var builder = new BoardPackBuilder(
            services.GetRequiredService<LodestarDbContext>(), scorecards, services.GetRequiredService<StatutoryDataStore>(), services.GetRequiredService<TimeProvider>());
        return await builder.BuildAsync(
            new PackRequest
            {
                FrameworkId = id,
                Council = chosen.Code,
                Year = year,
                Public = isPublic,
                SmallNumbers = SmallNumberOptions.Rule(services.GetRequiredService<IConfiguration>()),
            },
            cancellationToken);
    }

    /// <summary>The pack as a file of the format.</summary>
    internal static FileContentHttpResult File(BoardPack pack, string format)
    {
        using var stream = new MemoryStream();
        PackFormats.Write(stream, pack, format);
        var (type, extension) = Formats[format];
        return TypedResults.File(stream.ToArray(), type, $"pack-{pack.FrameworkId}-{pack.Council.Code}-{pack.Period.ReportingYearLabel}{(pack.IsPublic ? "-public" : "")}.{extension}");
    }

    private static async Task<Results<Ok<IReadOnlyList<CommentaryItem>>, ProblemHttpResult>> HistoryAsync(
        string council, string measure, int year, LodestarDbContext db, ScorecardService scorecards, CouncilAccess access, CancellationToken cancellationToken)
    {
        if (await MeasureOfCouncilAsync(council, measure, scorecards, access, cancellationToken) is not { } code)
        {
            return ApiV1.NotFound($"There is no council '{council}' or no measure '{measure}'.");
        }

        var history = await PackCommentary.HistoryAsync(db, code, measure, year, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CommentaryItem>>([.. history.Select(CommentaryItem.From)]);
    }

    private static async Task<Results<Ok<CommentaryItem>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        string council, string measure, int year, CommentaryRequest body, LodestarDbContext db, ScorecardService scorecards, CouncilAccess access,
        AuditLog audit, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await MeasureOfCouncilAsync(council, measure, scorecards, access, cancellationToken) is not { } code)
        {
            return ApiV1.NotFound($"There is no council '{council}' or no measure '{measure}'.");
        }

        if (!Period.IsYear(year))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"{year} is not a reporting year."] });
        }

        var saved = await PackCommentary.SaveAsync(db, audit, clock, user.Identity?.Name ?? "", code, measure, year, body.Text, cancellationToken);
        return saved.Succeeded
            ? TypedResults.Ok(CommentaryItem.From(saved.Value))
            : TypedResults.ValidationProblem(saved.Problems.GroupBy(p => p.Column ?? "text").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
    }

    // The council's code when the caller has a grant for it and the measure is defined; null answers 404.
    private static async Task<string?> MeasureOfCouncilAsync(
        string council, string measure, ScorecardService scorecards, CouncilAccess access, CancellationToken cancellationToken)
    {
        var chosen = await scorecards.CouncilAsync(council, cancellationToken);
        if (chosen is null || !await access.AllowsAsync(chosen.Code, cancellationToken))
        {
            return null;
        }

        return (await scorecards.Frameworks.MeasuresAsync([measure], cancellationToken)).ContainsKey(measure) ? chosen.Code : null;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string id, string council, int year, [AsParameters] PackQuery query, HttpContext http, CancellationToken cancellationToken)
    {
        var format = query.Format?.Trim().ToLowerInvariant() ?? "";
        if (!Formats.ContainsKey(format))
        {
            return ApiV1.BadRequest($"format must be pdf, xlsx or html (not '{query.Format}').");
        }

        if (!Period.IsYear(year))
        {
            return ApiV1.BadRequest($"year must be a reporting year such as 2025 (not {year}).");
        }

        var pack = await BuildAsync(http, id, council, year, query.Public == true, cancellationToken);
        return pack is null ? ApiV1.NotFound($"There is no framework '{id}' or no council '{council}'.") : File(pack, format);
    }
}
