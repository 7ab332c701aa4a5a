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

// One demo app and one browser for the whole test assembly. Test classes are not tied to a collection for them, so
// the classes that read the demo run side by side with each other and with the rest, as the runner's threads allow.
[assembly: AssemblyFixture(typeof(Lodestar.Web.Tests.DemoApp))]
[assembly: AssemblyFixture(typeof(Lodestar.Web.Tests.Browser))]

namespace Lodestar.Web.Tests;

/// <summary>
/// One running app on a demo start (the synthetic Cambridgeshire, 2021–2025, and the demo content), started
/// once for the test assembly. Generating the returns, taking them in and loading the DfE benchmarks takes a while,
/// so the start runs in the background from the assembly's first moment, and the first test to reach <see cref="App"/>
/// waits for it; tests that do not need the demo run meanwhile. Tests run beside each other: they may read it and sign
/// in users of their own (and count what they did by their user, not by totals); a test that changes stored data works on its own copy
/// (<see cref="CopyDatabaseAsync"/>) or its own app over such a copy (<see cref="StartAppOnCopyAsync"/>).
/// </summary>
public sealed class DemoApp : IAsyncLifetime
{
    public const string Council = "E10000003";

    private Task<RunningApp>? _start;

    /// <summary>The running demo app, waiting for its start when it is still under way.</summary>
    public RunningApp App => (_start ?? throw new InvalidOperationException("The demo app has not been started.")).GetAwaiter().GetResult();

    /// <summary>The store the app computes from: the same data the pages show.</summary>
    public StatutoryDataStore Store => App.Services.GetRequiredService<StatutoryDataStore>();

    public ValueTask InitializeAsync()
    {
        // On the thread pool, not the runner's threads, so no test thread waits on its own continuation.
        _start = Task.Run(async () =>
        {
            var app = await RunningApp.StartDemoAsync();
            _ = app.Services.GetRequiredService<StatutoryDataStore>(); // generate and load the returns now, not inside the first test's time
            return app;
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_start is not null)
        {
            await (await _start).DisposeAsync();
        }
    }

    /// <summary>The demo council's generated returns (and population.csv), which the demo start submitted: read them, never write to them.</summary>
    public string ReturnsFolder => Path.Combine(App.DataFolder, "returns");

    /// <summary>
    /// Another app, without the demo, over its own copy of the demo start's database (<see cref="CopyDatabaseAsync"/>):
    /// the demo council's confirmed submissions are already stored, so it builds its model from them in a moment rather
    /// than taking the returns in again. For tests that change stored data; dispose the database after the app.
    /// </summary>
    public async Task<(RunningApp App, TestDatabase Database)> StartAppOnCopyAsync()
    {
        var copy = await CopyDatabaseAsync();
        var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Lodestar:Database:Provider"] = "sqlite",
            ["Lodestar:Database:ConnectionString"] = copy.Options.ConnectionString,
        });
        return (app, copy);
    }

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

    /// <summary>
    /// The audit entries of one user's child-level views with this subject, oldest first: by user, because tests
    /// on the shared demo app run side by side and others may view the same subject at the same time.
    /// </summary>
    public async Task<List<AuditEventEntity>> ChildLevelViewsAsync(string subject, string actor)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LodestarDbContext>();
        return await db.Set<AuditEventEntity>()
            .Where(a => a.Action == AuditActions.ViewChildLevel && a.Subject == subject && a.Actor == actor)
            .OrderBy(a => a.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
