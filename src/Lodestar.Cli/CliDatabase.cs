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
    /// <summary>
    /// Who a command without <c>--user</c> (imports of frameworks, values, targets, plans, benchmarks; users)
    /// acts as in the audit log: <c>cli:&lt;lodestar user&gt;</c> from <c>LODESTAR_USER</c>, else
    /// <c>cli:&lt;os user&gt;</c>. Commands over a council's stored returns take <c>--user</c> (<see cref="CliUser"/>).
    /// </summary>
    public static string CliActor => Environment.GetEnvironmentVariable(CliUser.EnvironmentVariable) is { Length: > 0 } user
        ? CliUser.Actor(user)
        : $"cli:{Environment.UserName}";

    public static LodestarDbContext Open()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var dataFolder = Path.GetFullPath(configuration["Lodestar:DataFolder"] ?? "data", Environment.CurrentDirectory);
        var db = DatabaseOptions.FromConfiguration(configuration, dataFolder).CreateContext();
        DatabaseInitializer.Initialize(db);
        return db;
    }
}
