using Lodestar.Application.Kpis;
using Lodestar.Application.Returns;

namespace Lodestar.Web.Returns;

internal static class StatutoryDataServices
{
    /// <summary>Registers the store, loaded at first use from <c>Lodestar:Returns:Folder</c> (default: returns in the data folder).</summary>
    public static void AddStatutoryData(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var folder = Path.GetFullPath(configuration["Lodestar:Returns:Folder"] ?? Path.Combine(dataFolder, "returns"), Environment.CurrentDirectory);
        var options = new ReturnsOptions(folder, configuration.GetValue("Lodestar:Demo:Enabled", false));
        services.AddSingleton(options);
        services.AddSingleton(sp => StatutoryDataStore.Load(options, sp.GetRequiredService<ILoggerFactory>().CreateLogger<StatutoryDataStore>()));
        services.AddScoped<ChildLevelKpis>();
    }
}
