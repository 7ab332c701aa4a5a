using Lodestar.Data.Audit;
using Lodestar.Testing;

namespace Lodestar.Data.Tests.Audit;

public sealed class AuditLogTests
{
    [Theory]
    [AllDatabases]
    public async Task Recent_AfterSeveralEntries_ReturnsNewestFirstWithEveryField(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var log = new AuditLog(db, TimeProvider.System);
            await log.RecordAsync("ann", AuditActions.Import, "903 episodes_2025.csv", "1,204 rows", cancel);
            await log.RecordAsync("ann", AuditActions.ViewChildLevel, "kpi cla_at_end E10000003 2025", "12 children", cancel);
        }

        await using var read = database.CreateContext();
        var recent = await new AuditLog(read, TimeProvider.System).RecentAsync(10, cancel);

        Assert.Equal([AuditActions.ViewChildLevel, AuditActions.Import], recent.Select(e => e.Action));
        Assert.Equal(("ann", "kpi cla_at_end E10000003 2025", "12 children"), (recent[0].Actor, recent[0].Subject, recent[0].Details));
    }

    [Theory]
    [AllDatabases]
    public async Task Add_WithoutSaving_IsNotRecorded_SoAFailedChangeLeavesNoEntry(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            new AuditLog(db, TimeProvider.System).Add("ann", AuditActions.Edit, "framework x");
        }

        await using var read = database.CreateContext();
        Assert.Empty(await new AuditLog(read, TimeProvider.System).RecentAsync(10, cancel));
    }
}
