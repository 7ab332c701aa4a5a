using System.Security.Cryptography;
using System.Text;
using Lodestar.Data;
using Lodestar.Domain.Councils;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lodestar.Testing;

/// <summary>
/// One migrated database per provider that test databases are copied from: <see cref="DatabaseInitializer"/>
/// runs on it once (every migration, the reference data), then each test gets a copy — a file copy on
/// SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL — instead of migrating from nothing.
/// </summary>
/// <remarks>
/// A template is named by a hash of the assemblies that decide its content (the model and migrations in
/// Lodestar.Data, the council list in Lodestar.Domain), so a rebuilt model gets a new template and an
/// unchanged one is reused by the next test process: the SQLite file <c>lodestar-tests/template-HASH.db</c>
/// in the temp folder and the PostgreSQL database <c>lodestar_template_HASH</c>, which is marked as a
/// template that accepts no connections. Old ones can be deleted or dropped at any time when no tests run.
/// </remarks>
public static class DatabaseTemplates
{
    private static readonly Lazy<Task<string>> Sqlite = new(CreateSqliteAsync);
    private static readonly Lazy<Task<string>> Postgres = new(CreatePostgresAsync);

    /// <summary>The hash naming the templates of this build.</summary>
    public static string Hash { get; } = ComputeHash();

    /// <summary>The SQLite template file, created at the first call of the process.</summary>
    public static Task<string> SqliteAsync() => Sqlite.Value;

    /// <summary>The PostgreSQL template database's name, created at the first call of the process; needs <c>LODESTAR_TEST_POSTGRES</c>.</summary>
    public static Task<string> PostgresAsync()
    {
        // Checked on every call, so that each test without a server is skipped (or failed under CI=true) with the reason.
        _ = Requirements.PostgresConnectionString();
        return Postgres.Value;
    }

    /// <summary>Copies the SQLite template to <paramref name="file"/> (which must not exist): a migrated database with the reference data.</summary>
    public static async Task CopySqliteTo(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.Copy(await SqliteAsync(), file);
    }

    /// <summary>The temp folder the test databases and templates go in.</summary>
    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lodestar-tests");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static Task<string> CreateSqliteAsync()
    {
        var template = Path.Combine(TempFolder(), $"template-{Hash}.db");
        if (File.Exists(template))
        {
            return Task.FromResult(template);
        }

        // Built under a name of its own and moved into place whole, so another test process never copies half a template.
        var building = Path.Combine(TempFolder(), $"template-{Hash}-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = building, Pooling = false }.ToString();
        using (var db = new DatabaseOptions(DatabaseProvider.Sqlite, connectionString).CreateContext())
        {
            DatabaseInitializer.Initialize(db);
        }

        using (var connection = new SqliteConnection(connectionString))
        {
            // Everything into the main file: the template is one file, copied on its own.
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        try
        {
            File.Move(building, template);
        }
        catch (IOException) when (File.Exists(template))
        {
            // Another test process finished the same template first; its copy is as good.
        }
        finally
        {
            File.Delete(building);
            File.Delete(building + "-wal");
            File.Delete(building + "-shm");
        }

        return Task.FromResult(template);
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var server = Requirements.PostgresConnectionString();
        var template = $"lodestar_template_{Hash}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();

        // Test processes running at once (one per test project) build the template once between them.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@name))", connection))
        {
            lockCommand.Parameters.AddWithValue("name", template);
            await lockCommand.ExecuteNonQueryAsync();
        }

        try
        {
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", template);
            if ((long)(await exists.ExecuteScalarAsync())! > 0)
            {
                return template;
            }

            // Built under another name and renamed when complete: a template that exists is a finished one.
            var building = template + "_building";
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            await ExecuteAsync(server, $"CREATE DATABASE \"{building}\"");
            var options = new DatabaseOptions(
                DatabaseProvider.Postgres,
                new NpgsqlConnectionStringBuilder(server) { Database = building, Pooling = false }.ToString());
            await using (var db = options.CreateContext())
            {
                DatabaseInitializer.Initialize(db);
            }

            await ExecuteAsync(server, $"ALTER DATABASE \"{building}\" RENAME TO \"{template}\"");
            await ExecuteAsync(server, $"ALTER DATABASE \"{template}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            return template;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@name))", connection);
            unlock.Parameters.AddWithValue("name", template);
            await unlock.ExecuteNonQueryAsync();
        }
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string ComputeHash()
    {
        var ids = string.Join(
            ",",
            typeof(LodestarDbContext).Assembly.ManifestModule.ModuleVersionId,
            typeof(CouncilList).Assembly.ManifestModule.ModuleVersionId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..16];
    }
}
