using Lodestar.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Lodestar.Testing;

/// <summary>
/// A fresh database for one test, on SQLite (a temporary file) or on PostgreSQL (a new database on the
/// server named by <c>LODESTAR_TEST_POSTGRES</c>), dropped when disposed. Data-layer tests are theories
/// marked <see cref="AllDatabasesAttribute"/>, so the same test runs on both.
/// </summary>
/// <remarks>
/// <see cref="CreateAsync"/> gives a copy of a template that <see cref="DatabaseInitializer"/> brought up to
/// date once (see <see cref="DatabaseTemplates"/>): the same migrations and reference data as a database
/// initialised from scratch, without migrating it again for every test.
/// </remarks>
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

    /// <summary>A context with interceptors, for a test that makes the database fail part-way.</summary>
    public LodestarDbContext CreateContext(params IInterceptor[] interceptors) => Options.CreateContext(interceptors);

    /// <summary>A database with every migration applied and the reference data loaded, as <see cref="DatabaseInitializer"/> leaves it.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqlite(await DatabaseTemplates.SqliteAsync()),
        DatabaseProvider.Postgres => await CreatePostgresAsync(await DatabaseTemplates.PostgresAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>An empty database, nothing migrated: for tests of the migrations themselves.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqlite(template: null),
        DatabaseProvider.Postgres => await CreatePostgresAsync(template: null),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static TestDatabase CreateSqlite(string? template)
    {
        var file = Path.Combine(DatabaseTemplates.TempFolder(), $"{Guid.NewGuid():N}.db");
        if (template is not null)
        {
            File.Copy(template, file);
        }

        var options = new DatabaseOptions(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString());
        return new TestDatabase(options, () =>
        {
            // Only this file's pool: clearing every pool would close connections other tests are using.
            using (var connection = new SqliteConnection(options.ConnectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            File.Delete(file);
            File.Delete(file + "-wal");
            File.Delete(file + "-shm");
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync(string? template)
    {
        var server = new NpgsqlConnectionStringBuilder(Requirements.PostgresConnectionString());
        var name = $"lodestar_test_{Guid.NewGuid():N}";
        await DatabaseTemplates.ExecuteAsync(server.ConnectionString, template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        var options = new DatabaseOptions(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ToString());
        return new TestDatabase(options, async () =>
        {
            await using (var connection = new NpgsqlConnection(options.ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            await DatabaseTemplates.ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    public async ValueTask DisposeAsync() => await _drop();
}
