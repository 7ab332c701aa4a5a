using Lodestar.Data;
using Microsoft.Extensions.Configuration;

namespace Lodestar.Cli;

/// <summary>
/// The database for commands that store or read Lodestar's own data, configured as the web app is:
/// <c>Lodestar__Database__Provider</c> / <c>Lodestar__Database__ConnectionString</c> /
/// <c>Lodestar__DataFolder</c> environment variables, else SQLite in ./data/lodestar.db.
/// </summary>
internal static class CliDatabase
{
    /// <summary>Who the command line acts as, in the audit log: <c>cli:&lt;os user&gt;</c>.</summary>
    public static string CliActor => $"cli:{Environment.UserName}";

    public static LodestarDbContext Open()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var dataFolder = Path.GetFullPath(configuration["Lodestar:DataFolder"] ?? "data", Environment.CurrentDirectory);
        var db = DatabaseOptions.FromConfiguration(configuration, dataFolder).CreateContext();
        DatabaseInitializer.Initialize(db);
        return db;
    }
}
