using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

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
}
