using System.Text.Json;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Lodestar.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests;

/// <summary>
/// The tests that need the demo: they share one collection, <see cref="DemoCollection"/>, and so one running
/// app on a demo start and one browser. Its tests run one after another, never beside each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoApp>, ICollectionFixture<Browser>
{
    public const string Name = "Demo";
}

/// <summary>
/// One running app on a demo start (the synthetic Cambridgeshire, 2021–2025, and the demo content), started
/// once for <see cref="DemoCollection"/>: generating the returns and loading the DfE benchmarks takes a while.
/// Tests may read it and sign in users of their own; a test that changes stored data works on its own copy
/// (<see cref="CopyDatabaseAsync"/>) or its own app over the demo returns (<see cref="StartAppOnReturnsAsync"/>).
/// </summary>
public sealed class DemoApp : IAsyncLifetime
{
    public const string Council = "E10000003";

    private RunningApp? _app;

    public RunningApp App => _app ?? throw new InvalidOperationException("The demo app has not started.");

    /// <summary>The store the app computes from: the same data the pages show.</summary>
    public StatutoryDataStore Store => App.Services.GetRequiredService<StatutoryDataStore>();

    public async ValueTask InitializeAsync()
    {
        _app = await RunningApp.StartDemoAsync();
        _ = Store; // generate and load the returns now, not inside the first test's time
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The demo council's generated returns (and population.csv), which the demo start submitted: read them, never write to them.</summary>
    public string ReturnsFolder => Path.Combine(App.DataFolder, "returns");

    /// <summary>
    /// Another app, without the demo, over its own database (copied from the migrated template) and computing
    /// from the demo's returns folder, which it takes in through submissions at start: for tests that need the demo council's returns and change stored data.
    /// </summary>
    public Task<RunningApp> StartAppOnReturnsAsync() =>
        RunningApp.StartAsync(new Dictionary<string, string?> { ["Lodestar:Returns:Folder"] = ReturnsFolder });

    /// <summary>A copy of the demo start's database, as the demo left it, in a file of its own: for tests that write to it.</summary>
    public async Task<TestDatabase> CopyDatabaseAsync()
    {
        var demo = App.Services.GetRequiredService<DatabaseOptions>();
        var copy = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await using var source = new SqliteConnection(demo.ConnectionString);
        await using var target = new SqliteConnection(copy.Options.ConnectionString);
        await source.OpenAsync();
        await target.OpenAsync();
        // SQLite's backup API: a consistent copy while the demo app keeps its connections.
        source.BackupDatabase(target);
        return copy;
    }

    /// <summary>What the engine computes for one KPI of the demo council in a reporting year, straight from the store's dataset.</summary>
    public KpiResult EngineResult(string kpi, int year) =>
        Store.Engine.Compute(kpi, Store.Dataset(Council)!, Period.ReportingYear(year)).Single();

    /// <summary>
    /// Children looked after at 31 March of <paramref name="year"/> as the generator counted them from its own
    /// simulated events (truth.json beside the returns), not from the files.
    /// </summary>
    public int GeneratorLookedAfterAt31March(int year)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(App.DataFolder, "returns", Council, "truth.json")));
        return truth.RootElement.GetProperty("years").EnumerateArray()
            .Single(y => y.GetProperty("year").GetInt32() == year)
            .GetProperty("lookedAfterAt31March").GetInt32();
    }

    /// <summary>The audit entries of child-level views with this subject, oldest first.</summary>
    public async Task<List<AuditEventEntity>> ChildLevelViewsAsync(string subject)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LodestarDbContext>();
        return await db.Set<AuditEventEntity>()
            .Where(a => a.Action == AuditActions.ViewChildLevel && a.Subject == subject)
            .OrderBy(a => a.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
