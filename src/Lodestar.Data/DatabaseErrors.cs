using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lodestar.Data;

/// <summary>What a database's refusal means, whichever database gave it.</summary>
public static class DatabaseErrors
{
    // SQLITE_CONSTRAINT_UNIQUE (2067) and PostgreSQL's unique_violation (23505).
    private const int SqliteUniqueConstraint = 2067;
    private const string PostgresUniqueViolation = "23505";

    /// <summary>Whether the save was refused because it would break a unique index.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteUniqueConstraint,
        PostgresException postgres => postgres.SqlState == PostgresUniqueViolation,
        _ => false,
    };
}
