using Lodestar.Application.Packs;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lodestar.Web.Api.V1;

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
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/frameworks/{id}/packs/{council}/{year}", GetAsync).WithTags("Packs")
            .WithSummary("A framework's board pack for a council and reporting year, as PDF, XLSX or HTML; public=true for the version with small numbers suppressed")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf", additionalContentTypes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html"]);

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
        return await builder.BuildAsync(new PackRequest { FrameworkId = id, Council = chosen.Code, Year = year, Public = isPublic }, cancellationToken);
    }

    /// <summary>The pack as a file of the format.</summary>
    internal static FileContentHttpResult File(BoardPack pack, string format)
    {
        using var stream = new MemoryStream();
        switch (format)
        {
            case "pdf":
                PackPdf.Write(stream, pack);
                break;
            case "xlsx":
                PackXlsx.Write(stream, pack);
                break;
            default:
                stream.Write(System.Text.Encoding.UTF8.GetBytes(PackHtml.Document(pack)));
                break;
        }

        var (type, extension) = Formats[format];
        return TypedResults.File(stream.ToArray(), type, $"pack-{pack.FrameworkId}-{pack.Council.Code}-{pack.Period.ReportingYearLabel}{(pack.IsPublic ? "-public" : "")}.{extension}");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string id, string council, int year, [AsParameters] PackQuery query, HttpContext http, CancellationToken cancellationToken)
    {
        var format = query.Format?.Trim().ToLowerInvariant() ?? "";
        if (!Formats.ContainsKey(format))
        {
            return ApiV1.BadRequest($"format must be pdf, xlsx or html (not '{query.Format}').");
        }

        if (year is < 1901 or > 9998)
        {
            return ApiV1.BadRequest($"year must be a reporting year such as 2025 (not {year}).");
        }

        var pack = await BuildAsync(http, id, council, year, query.Public == true, cancellationToken);
        return pack is null ? ApiV1.NotFound($"There is no framework '{id}' or no council '{council}'.") : File(pack, format);
    }
}
