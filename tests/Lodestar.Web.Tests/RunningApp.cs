using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Lodestar.Web.Tests;

/// <summary>The real web app on Kestrel, on a free loopback port, over a fresh SQLite database.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataFolder;

    private RunningApp(WebApplication app, string dataFolder, Uri address)
    {
        _app = app;
        _dataFolder = dataFolder;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public string DataFolder => _dataFolder;

    /// <summary>The one-time setup code the app wrote, as the person who installed it would read it.</summary>
    public string SetupCode => File.ReadAllText(Path.Combine(_dataFolder, "setup-code.txt")).Trim();

    public HttpClient Client { get; }

    public static async Task<RunningApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "lodestar-tests", Guid.NewGuid().ToString("N"));
        var app = LodestarWebApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Lodestar:DataFolder"] = dataFolder,
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }
        });
        await app.StartAsync();
        return new RunningApp(app, dataFolder, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
