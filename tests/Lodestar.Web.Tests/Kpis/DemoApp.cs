using System.Text.Json;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Lodestar.Web.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Kpis;

/// <summary>
/// One running app on a demo start (the synthetic Cambridgeshire, 2021–2025), shared by a test class:
/// generating and loading five years of returns takes a while.
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
        _app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["Lodestar:Demo:Enabled"] = "true" });
        _ = Store; // generate and load the returns now, not inside the first test's time
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
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
