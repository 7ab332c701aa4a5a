using Lodestar.Data;
using Lodestar.Formats.Population;
using Lodestar.Formats.Reference;
using Lodestar.Metrics.Kpis;
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

    /// <summary>
    /// The population estimates the web app reads, for the rates per 10,000: population.csv in the returns folder
    /// (<c>Lodestar:Returns:Folder</c>, else DATA/returns); none when there is no such file.
    /// </summary>
    public static PopulationEstimates Population()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var dataFolder = Path.GetFullPath(configuration["Lodestar:DataFolder"] ?? "data", Environment.CurrentDirectory);
        var folder = Path.GetFullPath(configuration["Lodestar:Returns:Folder"] ?? Path.Combine(dataFolder, "returns"), Environment.CurrentDirectory);
        var file = Path.Combine(folder, "population.csv");
        return File.Exists(file) ? PopulationCsvReader.ReadFile(file) : PopulationEstimates.None;
    }

    /// <summary>
    /// What the web app computes KPIs with: its population estimates, and the distances of the postcode lookup (read once by
    /// the command, from <c>--postcodes</c> or the setting <c>Lodestar:Reference:Postcodes</c>: <see cref="CliReferences"/>).
    /// </summary>
    public static KpiOptions Options(PostcodeLookup? postcodes) => new() { Population = Population(), Distances = postcodes?.Distances };

    /// <summary>The KPI engine the web app computes with (<see cref="Options"/>): stored results are the same whichever host confirms.</summary>
    public static KpiEngine Engine(PostcodeLookup? postcodes) => new(Options(postcodes));
}
