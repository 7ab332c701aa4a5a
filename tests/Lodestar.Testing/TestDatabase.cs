using Lodestar.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lodestar.Testing;

/// <summary>
/// A fresh, empty, migrated database for one test, on SQLite (a temporary file) or on PostgreSQL
/// (a new database on the server named by <c>LODESTAR_TEST_POSTGRES</c>), dropped when disposed.
/// Data-layer tests are theories marked <see cref="AllDatabasesAttribute"/>, so the same test runs on both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseOptions options, Func<Task> drop)
    {
        Options = options;
        _drop = drop;
    }

    public DatabaseOptions Options { get; }

    public LodestarDbContext CreateContext() => Options.CreateContext();

    /// <summary>Creates the database and applies every migration (and the reference data) to it.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.Postgres => await CreatePostgresAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        await using var db = database.CreateContext();
        DatabaseInitializer.Initialize(db);
        return database;
    }

    private static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lodestar-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        var options = new DatabaseOptions(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString());
        return new TestDatabase(options, () =>
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(Requirements.PostgresConnectionString());
        var name = $"lodestar_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE \"{name}\"");
        var options = new DatabaseOptions(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ToString());
        return new TestDatabase(options, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _drop();
}
