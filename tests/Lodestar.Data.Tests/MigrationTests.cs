using Lodestar.Data.Benchmarks;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lodestar.Data.Tests;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused")]
    public void Model_EveryChange_HasAMigration(DatabaseProvider provider, string connectionString)
    {
        using var db = new DatabaseOptions(provider, connectionString).CreateContext();

        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changed without a {provider} migration: add one with `dotnet ef migrations add` (docs/development.md, \"Migrations\").");
    }

    [Theory]
    [AllDatabases]
    public async Task Initialize_FreshDatabase_AppliesEveryMigration(DatabaseProvider provider)
    {
        // From nothing, not from the migrated template the other tests' databases are copied from.
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var db = database.CreateContext();

        DatabaseInitializer.Initialize(db);

        var pending = await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.Empty(pending);
        Assert.NotEmpty(db.Database.GetAppliedMigrations());
    }

    [Theory]
    [AllDatabases]
    public async Task BenchmarkYearsAsIntegers_TextYears_BecomeTheReportingYearsTheReaderGives(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using (var before = database.CreateContext())
        {
            // Years as the reader stored them before: the DfE time_period as published.
            await before.GetService<IMigrator>().MigrateAsync("20261122164042_Initial", ct);
            await before.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO benchmark_values ("MeasureId", "Year", "Level", "AreaCode", "AreaName", "RegionCode", "Value", "Suppression", "SourceFile")
                VALUES ('m', '2025', 'National', 'E92000001', 'England', NULL, 1, NULL, 'f.csv'),
                       ('m', '202324', 'National', 'E92000001', 'England', NULL, 2, NULL, 'f.csv'),
                       ('m', '202425', 'Regional', 'E12000001', 'North East', NULL, 3, NULL, 'f.csv'),
                       ('m', '202425', 'National', 'E92000001', 'England', NULL, 4, NULL, 'f.csv'),
                       ('m', '2024/25', 'Regional', 'E12000002', 'North West', NULL, 5, NULL, 'f.csv'),
                       ('m', '202426', 'Regional', 'E12000003', 'Yorkshire and The Humber', NULL, 6, NULL, 'f.csv')
                """,
                ct);
        }

        await using var db = database.CreateContext();
        DatabaseInitializer.Initialize(db);
        var store = new BenchmarkStore(db);

        // 2025 stays 2025; 202324 is the year ending March 2024; 202425 the year ending March 2025. England's
        // 202425 (4) is dropped for its 2025 twin (1); 2024/25 and 202426 are not DfE forms and are dropped.
        Assert.Equal([2024, 2025], await store.YearsAsync("m", ct));
        Assert.Equal([("E92000001", 2m)], (await store.FiguresAsync("m", 2024, ct)).Select(f => (f.AreaCode, f.Value.Number!.Value)));
        Assert.Equal(
            [("E12000001", 3m), ("E92000001", 1m)],
            (await store.FiguresAsync("m", 2025, ct)).Select(f => (f.AreaCode, f.Value.Number!.Value)).Order());
    }
}
