using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Lodestar.Data;

/// <summary>
/// Writes many rows of one mapped entity type at once, inside the context's current transaction and without
/// tracking them: on PostgreSQL by binary COPY through Npgsql, on SQLite by one prepared INSERT run for every
/// row. The table, the columns and each value's conversion (enums stored as text) come from the EF Core model,
/// so a row is stored exactly as <c>SaveChanges</c> would store it; generated keys are not generated — reserve
/// them first (<see cref="ReserveIdsAsync{T}"/>) and set them on the rows.
/// </summary>
/// <remarks>
/// Why not <c>AddRange</c> and <c>SaveChanges</c>: a national load is about a million rows, and EF's change
/// tracking and batched INSERTs cost seconds per hundred thousand where COPY streams them (docs/benchmarks.md,
/// "Stored path").
/// </remarks>
public static class BulkInsert
{
    /// <summary>Writes the rows; returns how many. Call inside a transaction (<c>db.Database.BeginTransactionAsync</c>).</summary>
    /// <exception cref="InvalidOperationException">No transaction is open, or the type is not mapped to a table.</exception>
    public static async Task<long> WriteAsync<T>(LodestarDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert writes inside the caller's transaction: begin one first.");
        var table = Table.Of<T>(db);
        return db.Database.IsNpgsql()
            ? await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), table, rows, cancellationToken)
            : Insert((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction, table, rows, cancellationToken);
    }

    /// <summary>
    /// Takes <paramref name="count"/> values of the table's generated key for rows about to be written with
    /// <see cref="WriteAsync{T}"/>: from the identity's sequence on PostgreSQL (other sessions may take values in
    /// between, so they need not be consecutive), and after the largest key ever given on SQLite (the caller's
    /// transaction holds the database's write lock, so no other writer takes them).
    /// </summary>
    public static async Task<IReadOnlyList<long>> ReserveIdsAsync<T>(LodestarDbContext db, int count, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Reserve keys inside the transaction that writes the rows.");
        if (count == 0)
        {
            return [];
        }

        var table = Table.Of<T>(db);
        var key = table.Key ?? throw new InvalidOperationException($"{table.Name} has no generated key.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var ids = new List<long>(count);
        if (db.Database.IsNpgsql())
        {
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence('{Quote(table.Name)}', '{key}')) FROM generate_series(1, {count})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }

            return ids;
        }

        // AUTOINCREMENT never gives a key twice, even one whose row was deleted: start after the larger of the
        // sequence and the largest key.
        command.CommandText = $"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0), coalesce((SELECT max({Quote(key)}) FROM {Quote(table.Name)}), 0))";
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 1; i <= count; i++)
        {
            ids.Add(last + i);
        }

        return ids;
    }

    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, Table table, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                await column.CopyAsync(importer, column.Value(row), cancellationToken);
            }
        }

        return (long)await importer.CompleteAsync(cancellationToken);
    }

    private static long Insert<T>(SqliteConnection connection, SqliteTransaction transaction, Table table, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
        var written = 0L;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].Value(row) ?? DBNull.Value;
            }

            // Microsoft.Data.Sqlite runs its async methods synchronously: the plain call saves a task per row.
            cancellationToken.ThrowIfCancellationRequested();
            written += command.ExecuteNonQuery();
        }

        return written;
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>A mapped table: its name, its generated key (if any) and its columns in the model's order.</summary>
    private sealed record Table(string Name, string? Key, IReadOnlyList<Column> Columns)
    {
        public static Table Of<T>(LodestarDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
            var name = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var key = entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated.GetColumnName(store) : null;
            return new Table(name, key, [.. entity.GetProperties().Select(p => Column.Of(p, store))]);
        }
    }

    /// <summary>One column: its name, how to read its value from an entity (converted as the model stores it) and how to COPY it.</summary>
    private sealed record Column(string Name, Func<object, object?> Value, Func<NpgsqlBinaryImporter, object?, CancellationToken, Task> CopyAsync)
    {
        public static Column Of(IProperty property, StoreObjectIdentifier store)
        {
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            Func<object, object?> value = converter is null
                ? getter.GetClrValueUsingContainingEntity
                : entity => getter.GetClrValueUsingContainingEntity(entity) is { } v ? converter.ConvertToProvider(v) : null;
            var type = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;
            var storeType = property.GetColumnType(store);
            return new Column(property.GetColumnName(store) ?? property.Name, value, Copier(type, storeType));
        }

        // Each value written as the column's PostgreSQL type: binary COPY sends no type names, so a long into an
        // integer column would be refused by the server, not converted.
        private static Func<NpgsqlBinaryImporter, object?, CancellationToken, Task> Copier(Type type, string storeType)
        {
            var text = storeType.StartsWith("character", StringComparison.Ordinal) || storeType == "text";
            return type switch
            {
                _ when type == typeof(string) && text => (w, v, c) => v is null ? w.WriteNullAsync(c) : w.WriteAsync((string)v, NpgsqlDbType.Text, c),
                _ when type == typeof(long) && storeType == "bigint" => (w, v, c) => v is null ? w.WriteNullAsync(c) : w.WriteAsync((long)v, NpgsqlDbType.Bigint, c),
                _ when type == typeof(int) && storeType == "integer" => (w, v, c) => v is null ? w.WriteNullAsync(c) : w.WriteAsync((int)v, NpgsqlDbType.Integer, c),
                _ when type == typeof(double) && storeType == "double precision" => (w, v, c) => v is null ? w.WriteNullAsync(c) : w.WriteAsync((double)v, NpgsqlDbType.Double, c),
                _ when type == typeof(bool) && storeType == "boolean" => (w, v, c) => v is null ? w.WriteNullAsync(c) : w.WriteAsync((bool)v, NpgsqlDbType.Boolean, c),
                _ when type == typeof(DateOnly) && storeType == "date" => (w, v, c) => v is null ? w.WriteNullAsync(c) : w.WriteAsync((DateOnly)v, NpgsqlDbType.Date, c),
                _ when type == typeof(DateTimeOffset) && storeType == "timestamp with time zone" => (w, v, c) => v is null ? w.WriteNullAsync(c) : w.WriteAsync(((DateTimeOffset)v).ToUniversalTime(), NpgsqlDbType.TimestampTz, c),
                _ when type == typeof(byte[]) && storeType == "bytea" => (w, v, c) => v is null ? w.WriteNullAsync(c) : w.WriteAsync((byte[])v, NpgsqlDbType.Bytea, c),
                _ => (_, _, _) => throw new NotSupportedException($"BulkInsert cannot COPY a {type.Name} into a {storeType} column: add it to BulkInsert.Copier."),
            };
        }
    }
}
