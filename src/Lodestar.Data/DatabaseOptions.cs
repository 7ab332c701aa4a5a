using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Data;

/// <summary>Which database Lodestar stores its data in.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The database settings, read from configuration section <c>Lodestar:Database</c>
/// (<c>Provider</c> = <c>sqlite</c> | <c>postgres</c>, <c>ConnectionString</c>). This is the one
/// place where the provider is chosen.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string Section = "Lodestar:Database";

    /// <summary>The SQLite file used when nothing is configured, relative to the data folder.</summary>
    public const string DefaultSqliteFile = "lodestar.db";

    /// <summary>
    /// Reads the settings. With no connection string, SQLite uses <paramref name="dataFolder"/>/lodestar.db
    /// and the folder is created; PostgreSQL has no default and is a configuration error.
    /// </summary>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string dataFolder)
    {
        var section = configuration.GetSection(Section);
        var providerText = section["Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) ? DatabaseProvider.Sqlite : ParseProvider(providerText);
        var connectionString = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    $"{Section}:Provider is 'postgres' but {Section}:ConnectionString is not set.");
            }

            Directory.CreateDirectory(dataFolder);
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataFolder, DefaultSqliteFile),
            }.ToString();
        }

        return new DatabaseOptions(provider, connectionString);
    }

    public static DatabaseProvider ParseProvider(string text) => text.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"{Section}:Provider '{text}' is not known: use 'sqlite' or 'postgres'."),
    };

    /// <summary>Configures EF Core for this provider.</summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(ConnectionString);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(ConnectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {Provider}.");
        }

        // EF's scan of this assembly for entity configurations cannot load the design-time types (they compile
        // against Microsoft.EntityFrameworkCore.Design, a private reference the hosts do not ship) and said so at
        // every start. Those are the only types that cannot load (DesignTime/MigrationsDesignTimeServices.cs).
        builder.ConfigureWarnings(w => w.Ignore(CoreEventId.TypeLoadingErrorWarning));
    }

    /// <summary>Creates a context on this database, outside dependency injection (CLI, tests).</summary>
    public LodestarDbContext CreateContext() => CreateContext([]);

    /// <summary>Creates a context with interceptors, for tests that make the database fail part-way.</summary>
    public LodestarDbContext CreateContext(IInterceptor[] interceptors) => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteLodestarDbContext(Build<SqliteLodestarDbContext>(interceptors)),
        DatabaseProvider.Postgres => new PostgresLodestarDbContext(Build<PostgresLodestarDbContext>(interceptors)),
        _ => throw new InvalidOperationException($"Unknown provider {Provider}."),
    };

    private DbContextOptions<T> Build<T>(IInterceptor[] interceptors)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        Configure(builder);
        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }

        return builder.Options;
    }
}

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LodestarDbContext"/> as the provider's subclass.</summary>
    public static IServiceCollection AddLodestarDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<LodestarDbContext, SqliteLodestarDbContext>(options.Configure),
            DatabaseProvider.Postgres => services.AddDbContext<LodestarDbContext, PostgresLodestarDbContext>(options.Configure),
            _ => throw new InvalidOperationException($"Unknown provider {options.Provider}."),
        };
        return services;
    }
}
