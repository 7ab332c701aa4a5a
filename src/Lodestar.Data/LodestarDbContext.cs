using Lodestar.Data.Councils;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data;

/// <summary>
/// The one EF Core model, shared by every database. Each provider has a subclass
/// (<see cref="SqliteLodestarDbContext"/>, <see cref="PostgresLodestarDbContext"/>) only so that
/// each keeps its own migrations; the model itself is defined here, once.
/// </summary>
public abstract class LodestarDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<CouncilEntity> Councils => Set<CouncilEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Each feature keeps its mapping beside its entities, as an IEntityTypeConfiguration<T>.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LodestarDbContext).Assembly);
    }
}

/// <summary>The model on SQLite, the embedded default.</summary>
public sealed class SqliteLodestarDbContext(DbContextOptions<SqliteLodestarDbContext> options)
    : LodestarDbContext(options);

/// <summary>The model on PostgreSQL, the server database.</summary>
internal sealed class PostgresLodestarDbContext(DbContextOptions<PostgresLodestarDbContext> options)
    : LodestarDbContext(options);
