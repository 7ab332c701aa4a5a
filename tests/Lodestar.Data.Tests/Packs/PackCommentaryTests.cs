using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Packs;

public sealed class PackCommentaryTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task SaveAsync_TwoVersions_LatestIsTheNewestHistoryKeepsBothAndEachIsAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var audit = new AuditLog(db, Clock);
            Assert.True((await PackCommentary.SaveAsync(db, audit, Clock, "ann", "E10000003", "complaints", 2025, "  First draft.  ", Cancel)).Succeeded);
            Assert.True((await PackCommentary.SaveAsync(db, audit, Clock, "bob", "E10000003", "complaints", 2025, "Edited.", Cancel)).Succeeded);
            Assert.True((await PackCommentary.SaveAsync(db, audit, Clock, "ann", "E10000003", "complaints", 2024, "Last year's.", Cancel)).Succeeded);
        }

        await using var check = database.CreateContext();
        var latest = await PackCommentary.LatestAsync(check, "E10000003", 2025, ["complaints", "visits"], Cancel);
        var history = await PackCommentary.HistoryAsync(check, "E10000003", "complaints", 2025, Cancel);
        var audited = await check.Set<AuditEventEntity>().Where(a => a.Action == "commentary").OrderBy(a => a.Id).Select(a => a.Actor + " " + a.Subject).ToListAsync(Cancel);

        Assert.Equal(("Edited.", "bob"), (latest["complaints"].Text, latest["complaints"].WrittenBy));
        Assert.False(latest.ContainsKey("visits"));
        Assert.Equal(["Edited.", "First draft."], history.Select(h => h.Text));
        Assert.Equal(["ann measure complaints E10000003 2025", "bob measure complaints E10000003 2025", "ann measure complaints E10000003 2024"], audited);
    }

    [Theory]
    [AllDatabases]
    public async Task SaveAsync_EmptyOrTooLongText_IsRefusedNamingTheFieldAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var audit = new AuditLog(db, Clock);

        var empty = await PackCommentary.SaveAsync(db, audit, Clock, "ann", "E10000003", "complaints", 2025, "   ", Cancel);
        var tooLong = await PackCommentary.SaveAsync(db, audit, Clock, "ann", "E10000003", "complaints", 2025, new string('x', 4001), Cancel);

        Assert.Equal(("text", "text"), (empty.Problems.Single().Column, tooLong.Problems.Single().Column));
        Assert.Equal("4001 characters; the most is 4000", tooLong.Problems.Single().Message);
        Assert.Empty(await db.Set<PackCommentaryEntity>().ToListAsync(Cancel));
        Assert.Empty(await db.Set<AuditEventEntity>().Where(a => a.Action == "commentary").ToListAsync(Cancel));
    }
}
