using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Tests.Kpis;

/// <summary>Runs one KPI for one period on hand-built records.</summary>
internal static class KpiTestRun
{
    public static readonly Period Year2025 = Period.ReportingYear(2025);

    public static KpiResult Result(string kpi, Ssda903Data data, Period period, KpiOptions? options = null) =>
        new KpiEngine(options).Compute(kpi, KpiDataset.Of(data), period).Single();

    public static KpiResult Result(string kpi, CinData data, Period period, KpiOptions? options = null) =>
        new KpiEngine(options).Compute(kpi, KpiDataset.Of(data), period).Single();

    public static double? Value(string kpi, Ssda903Data data, Period period, KpiOptions? options = null) =>
        Result(kpi, data, period, options).Value;

    public static double? Value(string kpi, CinData data, Period period, KpiOptions? options = null) =>
        Result(kpi, data, period, options).Value;

    public static Ssda903Builder Cla() => new("E10000003");

    public static CinBuilder Cin() => new("E10000003");
}
