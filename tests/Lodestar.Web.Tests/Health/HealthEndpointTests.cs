using System.Net;
using System.Text.Json;
using Lodestar.Data;
using Lodestar.Testing;

namespace Lodestar.Web.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_DatabaseReachable_ReportsHealthy()
    {
        await using var app = await RunningApp.StartAsync();

        using var response = await app.Client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Health_DatabaseGone_ReportsUnhealthyWith503()
    {
        // A PostgreSQL server that is not there: the app starts without touching it (migrations are
        // skipped by configuration), and the health check must say so rather than claim health.
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Lodestar:Database:Provider"] = "postgres",
            ["Lodestar:Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Timeout=2",
            ["Lodestar:Database:MigrateAtStart"] = "false",
        });

        using var response = await app.Client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Health_OnPostgres_StartsMigratesAndReportsHealthy()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Lodestar:Database:Provider"] = "postgres",
            ["Lodestar:Database:ConnectionString"] = database.Options.ConnectionString,
        });

        using var response = await app.Client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
