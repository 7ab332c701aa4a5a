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
    public DbSet<Council> Councils => Set<Council>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Council>(council =>
        {
            council.ToTable("councils");
            council.HasKey(c => c.Id);
            council.Property(c => c.Code).HasMaxLength(9);
            council.Property(c => c.LaNumber).HasMaxLength(3);
            council.Property(c => c.Name).HasMaxLength(120);
            council.Property(c => c.Region).HasMaxLength(60);
            council.HasIndex(c => c.Code).IsUnique();
            council.HasIndex(c => c.LaNumber).IsUnique();
        });
    }
}

/// <summary>The model on SQLite, the embedded default.</summary>
public sealed class SqliteLodestarDbContext(DbContextOptions<SqliteLodestarDbContext> options)
    : LodestarDbContext(options);

/// <summary>The model on PostgreSQL, the server database.</summary>
public sealed class PostgresLodestarDbContext(DbContextOptions<PostgresLodestarDbContext> options)
    : LodestarDbContext(options);
