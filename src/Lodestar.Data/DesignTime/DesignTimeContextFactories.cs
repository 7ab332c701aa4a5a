using Microsoft.EntityFrameworkCore.Design;

namespace Lodestar.Data.DesignTime;

// `dotnet ef` creates a context through these to scaffold migrations and compare the model with the
// last snapshot; neither opens a connection, so the connection strings only have to be well formed.
// The app applies migrations itself at start (DatabaseInitializer), on the configured database.

/// <summary>The SQLite context for <c>dotnet ef --context SqliteLodestarDbContext</c>.</summary>
internal sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteLodestarDbContext>
{
    public SqliteLodestarDbContext CreateDbContext(string[] args) =>
        (SqliteLodestarDbContext)new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=:memory:").CreateContext();
}

/// <summary>The PostgreSQL context for <c>dotnet ef --context PostgresLodestarDbContext</c>.</summary>
internal sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresLodestarDbContext>
{
    public PostgresLodestarDbContext CreateDbContext(string[] args) =>
        (PostgresLodestarDbContext)new DatabaseOptions(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=design_time").CreateContext();
}
