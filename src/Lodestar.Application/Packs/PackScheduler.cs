using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Packs;

namespace Lodestar.Application.Packs;

/// <summary>
/// Builds the monthly packs that are due (docs/packs.md): for each schedule whose day has come this month
/// (or last month's, not yet built), the pack of the year the scorecard shows by default for the council,
/// in PDF, XLSX and HTML, stored in the database with the schedule marked built for that day in one commit.
/// The web app's background service calls <see cref="RunDueAsync"/>; the clock is injected, so tests move it.
/// </summary>
public sealed class PackScheduler(LodestarDbContext db, ScorecardService scorecards, StatutoryDataStore returns, TimeProvider clock)
{
    /// <summary>The formats a scheduled build writes, each its own file.</summary>
    public static readonly IReadOnlyList<string> Formats = ["pdf", "xlsx", "html"];

    /// <summary>Builds every due schedule's pack; the number of schedules built.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var built = 0;
        foreach (var schedule in await PackSchedules.SchedulesAsync(db, null, cancellationToken))
        {
            if (PackSchedules.Due(schedule.DayOfMonth, DateOnly.FromDateTime(schedule.CreatedAt.UtcDateTime), schedule.LastDue, today) is { } due)
            {
                await BuildAsync(schedule, due, cancellationToken);
                built++;
            }
        }

        return built;
    }

    /// <summary>
    /// Builds one schedule's pack and stores its files, marking the schedule built for <paramref name="due"/>.
    /// A pack that cannot be built (its framework, configuration or council gone) stores no file but is marked
    /// and audited, so it is not tried every few minutes.
    /// </summary>
    public async Task<IReadOnlyList<PackFileEntity>> BuildAsync(PackScheduleItem schedule, DateOnly due, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var audit = new AuditLog(db, clock);
        var config = schedule.PackConfigId is { } id ? await PackConfigs.LoadAsync(db, id, cancellationToken) : null;
        var pack = schedule.PackConfigId is not null && config is null
            ? null
            : await new BoardPackBuilder(db, scorecards, returns, clock).BuildAsync(
                new PackRequest
                {
                    FrameworkId = config?.Framework ?? schedule.FrameworkId,
                    Council = schedule.CouncilCode,
                    Year = await scorecards.DefaultYearAsync(schedule.CouncilCode, cancellationToken),
                    Public = schedule.Public,
                    Config = config,
                },
                cancellationToken);
        if (pack is null)
        {
            audit.Add("scheduler", "pack not built", $"{schedule.PackConfigId ?? schedule.FrameworkId} {schedule.CouncilCode}", $"schedule {schedule.Id}: the framework, pack or council is no longer there");
            await PackSchedules.AddFilesAsync(db, audit, schedule.Id, due, [], cancellationToken);
            return [];
        }

        var files = Formats.Select(format =>
        {
            using var stream = new MemoryStream();
            PackFormats.Write(stream, pack, format);
            return new PackFileEntity
            {
                ScheduleId = schedule.Id,
                PackConfigId = pack.PackId,
                FrameworkId = pack.FrameworkId,
                CouncilCode = pack.Council.Code,
                Year = pack.Period.ReportingYearLabel,
                Public = pack.IsPublic,
                Title = pack.Title,
                Format = format,
                FileName = FileName(pack, format, due),
                Content = stream.ToArray(),
                BuiltAt = pack.BuiltAt,
            };
        }).ToList();
        await PackSchedules.AddFilesAsync(db, audit, schedule.Id, due, files, cancellationToken);
        return files;
    }

    /// <summary>"pack-corporate-parenting-panel-E10000003-2025-2025-06-01.pdf": what, whose, which year, built for which day.</summary>
    public static string FileName(BoardPack pack, string format, DateOnly due)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return $"pack-{pack.PackId ?? pack.FrameworkId}-{pack.Council.Code}-{pack.Period.ReportingYearLabel}{(pack.IsPublic ? "-public" : "")}-{due:yyyy-MM-dd}.{format}";
    }
}
