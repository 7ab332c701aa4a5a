using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Packs;

public sealed class PackScheduleTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Schedules_AddListDelete_DayOutsideOneTo28Refused_OtherCouncilsNotSeenNorDeleted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var audit = new AuditLog(db, Clock);

        var ours = await PackSchedules.AddScheduleAsync(db, audit, Clock, "ann", "corporate-parenting-panel", "childrens-trust-kpi-schedule", "E10000003", 1, false, Cancel);
        var theirs = await PackSchedules.AddScheduleAsync(db, audit, Clock, "ann", null, "national-framework", "E06000001", 28, true, Cancel);
        var day29 = await PackSchedules.AddScheduleAsync(db, audit, Clock, "ann", null, "national-framework", "E10000003", 29, false, Cancel);
        var listed = await PackSchedules.SchedulesAsync(db, new HashSet<string> { "E10000003" }, Cancel);
        var deletedOther = await PackSchedules.DeleteScheduleAsync(db, audit, "ann", theirs.Value.Id, new HashSet<string> { "E10000003" }, Cancel);
        var deletedOurs = await PackSchedules.DeleteScheduleAsync(db, audit, "ann", ours.Value.Id, new HashSet<string> { "E10000003" }, Cancel);

        Assert.True(ours.Succeeded && theirs.Succeeded);
        Assert.Equal(("day", "29"), (day29.Problems.Single().Column, day29.Problems.Single().Value));
        Assert.Equal([("corporate-parenting-panel", "E10000003", 1, (DateOnly?)null)], listed.Select(s => (s.PackConfigId!, s.CouncilCode, s.DayOfMonth, s.LastDue)));
        Assert.Equal((false, true), (deletedOther, deletedOurs));
        Assert.Equal([theirs.Value.Id], (await PackSchedules.SchedulesAsync(db, null, Cancel)).Select(s => s.Id));
        Assert.Equal(
            ["pack schedule corporate-parenting-panel E10000003", "pack schedule national-framework E06000001", "pack schedule deleted corporate-parenting-panel E10000003"],
            await db.Set<AuditEventEntity>().OrderBy(a => a.Id).Select(a => a.Action + " " + a.Subject).ToListAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Files_AddedForASchedule_MarkItBuiltListWithoutBytesAndReadBackOnlyForTheirCouncil(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var audit = new AuditLog(db, Clock);
            var schedule = await PackSchedules.AddScheduleAsync(db, audit, Clock, "ann", null, "national-framework", "E10000003", 2, false, Cancel);
            await PackSchedules.AddFilesAsync(db, audit, schedule.Value.Id, new DateOnly(2025, 6, 2), [File("pdf", [1, 2, 3]), File("html", [60, 104, 49, 62, 10])], Cancel);
            await PackSchedules.SaveConfigAsync(db, audit, Clock, "demo", "trust", "Trust", "childrens-trust-kpi-schedule", "id: trust", Cancel);
            await PackSchedules.SaveConfigAsync(db, audit, Clock, "demo", "trust", "Trust contract", "childrens-trust-kpi-schedule", "id: trust\n", Cancel);
        }

        await using var check = database.CreateContext();
        var files = await PackSchedules.FilesAsync(check, new HashSet<string> { "E10000003" }, cancellationToken: Cancel);
        var none = await PackSchedules.FilesAsync(check, new HashSet<string> { "E06000001" }, cancellationToken: Cancel);
        var html = await PackSchedules.FileAsync(check, files[0].Id, new HashSet<string> { "E10000003" }, Cancel);
        var refused = await PackSchedules.FileAsync(check, files[0].Id, new HashSet<string> { "E06000001" }, Cancel);

        // Newest first: the html was added second.
        Assert.Equal([("html", 5L), ("pdf", 3L)], files.Select(f => (f.Format, f.Size)));
        Assert.Empty(none);
        Assert.Equal(new byte[] { 60, 104, 49, 62, 10 }, html!.Content);
        Assert.Null(refused);
        Assert.Equal(new DateOnly(2025, 6, 2), (await PackSchedules.SchedulesAsync(check, null, Cancel)).Single().LastDue);
        Assert.Equal([("trust", "Trust contract", "id: trust\n")], (await PackSchedules.ConfigsAsync(check, Cancel)).Select(c => (c.Id, c.Title, c.Source)));
    }

    [Theory]
    // Day 1, made 10 May: not due on 20 May (1 May is before it was made); due 1 June from 1 June to 30 June; built for 1 June, not due until 1 July.
    [InlineData(1, "2025-05-10", null, "2025-05-20", null)]
    [InlineData(1, "2025-05-10", null, "2025-06-01", "2025-06-01")]
    [InlineData(1, "2025-05-10", null, "2025-06-30", "2025-06-01")]
    [InlineData(1, "2025-05-10", "2025-06-01", "2025-06-30", null)]
    [InlineData(1, "2025-05-10", "2025-06-01", "2025-07-01", "2025-07-01")]
    // Day 15 on 3 January: last month's 15 December, across the year's end; made that day, it is due that day.
    [InlineData(15, "2024-12-01", null, "2025-01-03", "2024-12-15")]
    [InlineData(15, "2025-01-15", null, "2025-01-15", "2025-01-15")]
    public void Due_MonthlyOnDayN_IsTheLatestOccurrenceNotBuiltAndNotBeforeTheSchedule(int day, string created, string? last, string today, string? expected)
    {
        var due = PackSchedules.Due(day, DateOnly.Parse(created, System.Globalization.CultureInfo.InvariantCulture),
            last is null ? null : DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static PackFileEntity File(string format, byte[] content) => new()
    {
        FrameworkId = "national-framework",
        CouncilCode = "E10000003",
        Year = 2025,
        Title = "National framework: Demo, 2024-25",
        Format = format,
        FileName = $"pack.{format}",
        Content = content,
        BuiltAt = Clock.GetUtcNow(),
    };
}
