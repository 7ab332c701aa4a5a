using Lodestar.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lodestar.Bench.Returns;

/// <summary>
/// A new, empty Lodestar database for one run, brought up to date as the app does at start (migrations, the councils):
/// a SQLite file (the default database) in a temp folder, or a new database on a PostgreSQL server. Dropped on dispose.
/// </summary>
internal sealed class BenchDatabase : IDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresServer;
    private readonly string? _postgresName;

    private BenchDatabase(DatabaseOptions options, string? sqliteFile, string? postgresServer, string? postgresName)
    {
        Options = options;
        _sqliteFile = sqliteFile;
        _postgresServer = postgresServer;
        _postgresName = postgresName;
        using var db = options.CreateContext();
        DatabaseInitializer.Initialize(db);
    }

    public DatabaseOptions Options { get; }

    public static BenchDatabase Sqlite(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"bench-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        return new BenchDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString()), file, null, null);
    }

    /// <param name="server">A connection string to the server's maintenance database (one that may create databases).</param>
    public static BenchDatabase Postgres(string server)
    {
        var name = $"lodestar_bench_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        Execute(server, $"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new BenchDatabase(new DatabaseOptions(DatabaseProvider.Postgres, connection), null, server, name);
    }

    public void Dispose()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }

        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(_postgresServer, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
