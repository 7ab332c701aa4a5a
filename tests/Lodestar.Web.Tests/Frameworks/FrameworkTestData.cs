using Lodestar.Data;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Formats.Frameworks;
using Lodestar.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Frameworks;

/// <summary>
/// What the scorecard tests import into the running app's database, through the stores: the Children's
/// Trust KPI schedule, a few values and targets for Cambridgeshire (E10000003, LA 873) in 2024-25, and a
/// small benchmark set for rereferrals_12m.
/// </summary>
internal static class FrameworkTestData
{
    public const string FrameworkId = "childrens-trust-kpi-schedule";
    public const string Council = "E10000003";

    /// <summary>KPI 1, percent, lower is better, linked to rereferrals_12m (entered values stand in: the tests have no returns).</summary>
    public const string Rereferrals = "ctk-kpi-01-rereferrals-12m";

    /// <summary>KPI 4, percent, lower is better, entered.</summary>
    public const string CppTwoYears = "ctk-kpi-04-cpp-2y-plus";

    /// <summary>KPI 5, percent, higher is better, entered.</summary>
    public const string SeenAlone = "ctk-kpi-05-cpp-visited-seen-alone";

    /// <summary>KPI 6, percent, higher is better, entered: no value is stored for it.</summary>
    public const string DecisionInOneDay = "ctk-kpi-06-referral-decision-1-day";

    /// <summary>The app without the demo council's generated returns: no computed KPI values, so entered values stand in.</summary>
    public static Task<RunningApp> StartAsync() => RunningApp.StartAsync(new Dictionary<string, string?> { ["Lodestar:Demo:Enabled"] = "false" });

    /// <summary>A context on the app's own database, wherever its settings put it.</summary>
    public static LodestarDbContext Open(RunningApp app) => app.Services.GetRequiredService<DatabaseOptions>().CreateContext();

    public static async Task ImportAsync(RunningApp app, CancellationToken cancellationToken)
    {
        await using var db = Open(app);
        var store = new FrameworkStore(db);
        var read = FrameworkYaml.ReadFile(Repository.File("samples", "frameworks", FrameworkId + ".yaml"));
        var imported = await store.ImportAsync(read.Value, cancellationToken);
        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));

        var year = Period.ReportingYear(2025);
        PeriodicValue Value(string measure, Period period, decimal value) => new() { MeasureId = measure, Council = Council, Period = period, Value = value };
        var values = await store.ImportValuesAsync(
        [
            Value(Rereferrals, year, 12m),
            Value(Rereferrals, Period.ReportingYear(2024), 13m),
            Value(CppTwoYears, year, 14.2m),
            Value(SeenAlone, year, 85m),
        ], cancellationToken);
        Assert.True(values.Succeeded, string.Join("; ", values.Problems));

        Target Target(string measure, decimal value, Tolerance? tolerance) => new() { MeasureId = measure, Council = Council, Period = year, Value = value, Tolerance = tolerance };
        var targets = await store.SetTargetsAsync(
        [
            Target(Rereferrals, 11m, Tolerance.Absolute(1m)),
            Target(CppTwoYears, 11m, Tolerance.Absolute(1m)),
            Target(SeenAlone, 80m, null),
        ], cancellationToken);
        Assert.True(targets.Succeeded, string.Join("; ", targets.Problems));

        // England 22, East of England 20, Cambridgeshire 18; neighbours Barking and Dagenham 25 and Barnet 15, Bexley 30.
        BenchmarkObservation Figure(GeographicLevel level, string code, string name, string? region, decimal value) =>
            new("rereferrals_12m", 2025, level, code, name, region, BenchmarkValue.Of(value), "test.csv");
        await new BenchmarkStore(db).ImportAsync(
            new BenchmarkImport(
                [new BenchmarkMeasure("rereferrals_12m", "Re-referrals within 12 months (%)", "percent", Polarity.LowerIsBetter, "test.csv")],
                [
                    Figure(GeographicLevel.National, "E92000001", "England", null, 22m),
                    Figure(GeographicLevel.Regional, "E12000006", "East of England", null, 20m),
                    Figure(GeographicLevel.LocalAuthority, "873", "Cambridgeshire", "E12000006", 18m),
                    Figure(GeographicLevel.LocalAuthority, "301", "Barking and Dagenham", "E13000002", 25m),
                    Figure(GeographicLevel.LocalAuthority, "302", "Barnet", "E13000002", 15m),
                    Figure(GeographicLevel.LocalAuthority, "303", "Bexley", "E13000002", 30m),
                ],
                [new StatisticalNeighbour("873", 1, "301", "Close"), new StatisticalNeighbour("873", 2, "302", "Close")]),
            cancellationToken);
    }
}

/// <summary>One app for a class's readers, with <see cref="FrameworkTestData"/> imported.</summary>
public sealed class ImportedFrameworkTestData : SharedApp
{
    protected override Task PrepareAsync(RunningApp app) => FrameworkTestData.ImportAsync(app, TestContext.Current.CancellationToken);
}
