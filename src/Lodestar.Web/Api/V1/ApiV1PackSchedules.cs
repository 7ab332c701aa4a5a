using System.Security.Claims;
using Lodestar.Application.Packs;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Lodestar.Domain.Periods;

namespace Lodestar.Web.Api.V1;

/// <summary>A configured pack as listed.</summary>
internal sealed record PackConfigItem(string Id, string Title, string Framework);

/// <summary>A monthly schedule as the API answers it.</summary>
internal sealed record ScheduleItem(long Id, string? PackConfigId, string FrameworkId, string CouncilCode, int DayOfMonth, bool Public, string CreatedBy, DateTimeOffset CreatedAt, DateOnly? LastDue)
{
    public static ScheduleItem From(PackScheduleItem s) => new(s.Id, s.PackConfigId, s.FrameworkId, s.CouncilCode, s.DayOfMonth, s.Public, s.CreatedBy, s.CreatedAt, s.LastDue);
}

/// <summary>A built pack's file as the API lists it, without its bytes.</summary>
internal sealed record BuiltPackItem(long Id, long? ScheduleId, string? PackConfigId, string FrameworkId, string CouncilCode, int Year, bool Public, string Title, string Format, string FileName, long Size, DateTimeOffset BuiltAt)
{
    public static BuiltPackItem From(PackFileItem f) => new(f.Id, f.ScheduleId, f.PackConfigId, f.FrameworkId, f.CouncilCode, f.Year, f.Public, f.Title, f.Format, f.FileName, f.Size, f.BuiltAt);
}

/// <summary>The body of a new schedule: a configured pack's id or a framework's, the council, the day of the month (1 to 28), public or not.</summary>
internal sealed record ScheduleRequest(string? Pack, string? Framework, string? Council, int? Day, bool? Public);

/// <summary>
/// Configured packs, monthly schedules and built packs under /api/v1/packs (docs/packs.md): list the
/// configured packs and download one for a council and year; list, add (editor) and delete (editor) the
/// schedules of the councils one has a grant for; list the built files and download one (audited). Another
/// council's schedule or file answers 404, like an unknown one.
/// </summary>
internal static class ApiV1PackSchedules
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/packs", ConfigsAsync).WithTags("Packs").WithSummary("The configured board packs (samples/packs)");
        api.MapGet("/packs/{pack}/{council}/{year}", ConfiguredAsync).WithTags("Packs")
            .WithSummary("A configured board pack for a council and reporting year, as PDF, XLSX or HTML; public=true for the version with small numbers suppressed")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf", additionalContentTypes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html"]);
        api.MapGet("/packs/schedules", SchedulesAsync).WithTags("Packs").WithSummary("The monthly pack schedules of the councils you have a grant for");
        api.MapPost("/packs/schedules", AddAsync).WithTags("Packs").RequireAuthorization(SecurityServices.EditorPolicy)
            .WithSummary("Schedule a pack monthly on a day from 1 to 28 (editor role; audited)");
        api.MapDelete("/packs/schedules/{id:long}", DeleteAsync).WithTags("Packs").RequireAuthorization(SecurityServices.EditorPolicy)
            .WithSummary("Delete a schedule; the packs it built stay (editor role; audited)");
        api.MapGet("/packs/built", BuiltAsync).WithTags("Packs").WithSummary("The built packs of the councils you have a grant for, newest first");
        api.MapGet("/packs/built/{id:long}", DownloadAsync).WithTags("Packs").WithSummary("A built pack's file (audited)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf", additionalContentTypes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html"]);
    }

    /// <summary>The media type of a built file's format.</summary>
    public static string ContentType(string format) => format switch
    {
        "pdf" => "application/pdf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/html; charset=utf-8",
    };

    /// <summary>Adds a schedule after checking the council's grant and what it builds; the problem's field and message otherwise.</summary>
    internal static async Task<(PackScheduleItem? Schedule, string Field, string Message)> AddScheduleAsync(
        HttpContext http, ScheduleRequest body, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<LodestarDbContext>();
        var scorecards = services.GetRequiredService<ScorecardService>();
        var council = string.IsNullOrWhiteSpace(body.Council) ? null : await scorecards.CouncilAsync(body.Council.Trim(), cancellationToken);
        if (council is null || !await services.GetRequiredService<CouncilAccess>().AllowsAsync(council.Code, cancellationToken))
        {
            return (null, "council", $"There is no council '{body.Council}' you have a grant for.");
        }

        string framework;
        string? pack = null;
        if (!string.IsNullOrWhiteSpace(body.Pack))
        {
            if (await PackConfigs.LoadAsync(db, body.Pack.Trim(), cancellationToken) is not { } config)
            {
                return (null, "pack", $"There is no configured pack '{body.Pack}'.");
            }

            (pack, framework) = (config.Id, config.Framework);
        }
        else if (!string.IsNullOrWhiteSpace(body.Framework) && await scorecards.FrameworkAsync(body.Framework.Trim(), cancellationToken) is { } chosen)
        {
            framework = chosen.Id;
        }
        else
        {
            return (null, "framework", $"Choose a configured pack or a framework (there is no framework '{body.Framework}').");
        }

        var added = await PackSchedules.AddScheduleAsync(
            db, services.GetRequiredService<AuditLog>(), services.GetRequiredService<TimeProvider>(), http.User.Identity?.Name ?? "",
            pack, framework, council.Code, body.Day ?? 0, body.Public == true, cancellationToken);
        return added.Succeeded ? (added.Value, "", "") : (null, "day", added.Problems[0].Message);
    }

    /// <summary>A built file of a council the user has a grant for, with an audit entry for its download; null answers 404.</summary>
    internal static async Task<PackFileEntity?> DownloadFileAsync(HttpContext http, long id, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var allowed = await services.GetRequiredService<CouncilAccess>().AllowedAsync(cancellationToken);
        var db = services.GetRequiredService<LodestarDbContext>();
        var file = await PackSchedules.FileAsync(db, id, allowed, cancellationToken);
        if (file is not null)
        {
            await services.GetRequiredService<AuditLog>().RecordAsync(
                http.User.Identity?.Name ?? "", "pack download", $"pack file {id} {file.CouncilCode}", file.FileName, cancellationToken);
        }

        return file;
    }

    private static async Task<Ok<IReadOnlyList<PackConfigItem>>> ConfigsAsync(LodestarDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PackConfigItem>>([.. (await PackSchedules.ConfigsAsync(db, cancellationToken)).Select(c => new PackConfigItem(c.Id, c.Title, c.FrameworkId))]);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ConfiguredAsync(
        string pack, string council, int year, [AsParameters] PackQuery query, HttpContext http, LodestarDbContext db, CancellationToken cancellationToken)
    {
        var format = query.Format?.Trim().ToLowerInvariant() ?? "";
        if (format is not ("pdf" or "xlsx" or "html"))
        {
            return ApiV1.BadRequest($"format must be pdf, xlsx or html (not '{query.Format}').");
        }

        if (!Period.IsYear(year))
        {
            return ApiV1.BadRequest($"year must be a reporting year such as 2025 (not {year}).");
        }

        var services = http.RequestServices;
        var scorecards = services.GetRequiredService<ScorecardService>();
        var config = await PackConfigs.LoadAsync(db, pack, cancellationToken);
        var chosen = await scorecards.CouncilAsync(council, cancellationToken);
        if (config is null || chosen is null || !await services.GetRequiredService<CouncilAccess>().AllowsAsync(chosen.Code, cancellationToken))
        {
            return ApiV1.NotFound($"There is no configured pack '{pack}' or no council '{council}'.");
        }

        var built = await new BoardPackBuilder(db, scorecards, services.GetRequiredService<StatutoryDataStore>(), services.GetRequiredService<TimeProvider>())
            .BuildAsync(new PackRequest { FrameworkId = config.Framework, Council = chosen.Code, Year = year, Public = query.Public == true, Config = config }, cancellationToken);
        if (built is null)
        {
            return ApiV1.NotFound($"The framework '{config.Framework}' of pack '{pack}' is not there.");
        }

        using var stream = new MemoryStream();
        PackFormats.Write(stream, built, format);
        return TypedResults.File(stream.ToArray(), ContentType(format), $"pack-{config.Id}-{chosen.Code}-{year}{(built.IsPublic ? "-public" : "")}.{format}");
    }

    private static async Task<Ok<IReadOnlyList<ScheduleItem>>> SchedulesAsync(LodestarDbContext db, CouncilAccess access, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ScheduleItem>>([.. (await PackSchedules.SchedulesAsync(db, await access.AllowedAsync(cancellationToken), cancellationToken)).Select(ScheduleItem.From)]);

    private static async Task<Results<Created<ScheduleItem>, ValidationProblem>> AddAsync(ScheduleRequest body, HttpContext http, CancellationToken cancellationToken)
    {
        var (schedule, field, message) = await AddScheduleAsync(http, body, cancellationToken);
        return schedule is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] })
            : TypedResults.Created($"/api/v1/packs/schedules/{schedule.Id}", ScheduleItem.From(schedule));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, LodestarDbContext db, AuditLog audit, CouncilAccess access, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await PackSchedules.DeleteScheduleAsync(db, audit, user.Identity?.Name ?? "", id, await access.AllowedAsync(cancellationToken), cancellationToken)
            ? TypedResults.NoContent()
            : ApiV1.NotFound($"There is no schedule {id}.");

    private static async Task<Ok<IReadOnlyList<BuiltPackItem>>> BuiltAsync(LodestarDbContext db, CouncilAccess access, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<BuiltPackItem>>([.. (await PackSchedules.FilesAsync(db, await access.AllowedAsync(cancellationToken), cancellationToken: cancellationToken)).Select(BuiltPackItem.From)]);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(long id, HttpContext http, CancellationToken cancellationToken) =>
        await DownloadFileAsync(http, id, cancellationToken) is { } file
            ? TypedResults.File(file.Content, ContentType(file.Format), file.FileName)
            : ApiV1.NotFound($"There is no built pack {id}.");
}
