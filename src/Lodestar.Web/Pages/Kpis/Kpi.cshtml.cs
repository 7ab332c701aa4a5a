using System.Text.Json;
using Lodestar.Application.Returns;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Frameworks;
using Lodestar.Data.Security;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Lodestar.Web.Kpis;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lodestar.Web.Pages.Kpis;

/// <summary>
/// <c>/kpis/{id}</c>: one KPI's definition, its value for the reporting year, and a monthly series over
/// every year the council's returns cover (chart and table of the same numbers).
/// </summary>
internal sealed class KpiModel(StatutoryDataStore store, BenchmarkStore benchmarks, FrameworkStore frameworks, CouncilAccess access, TimeProvider clock) : KpiPageModel(store, access, clock)
{
    public KpiPickerModel Picker => new($"/kpis/{Definition.Id}", Councils, Selection);

    /// <summary>The results for the year: one, or one per category.</summary>
    public IReadOnlyList<KpiResult> YearResults { get; private set; } = [];

    /// <summary>The kind of the series' periods: months, the 12 months to each month end, or reporting years.</summary>
    public PeriodKind SeriesKind { get; private set; } = PeriodKind.Month;

    /// <summary>How the series is described in headings and labels.</summary>
    public string SeriesName => SeriesKind switch
    {
        PeriodKind.Rolling12 => "the 12 months to each month end",
        PeriodKind.ReportingYear => "year by year (the year to 31 March)",
        _ => "month by month",
    };

    /// <summary>A period of the series as its column and axis say it: "Apr 2024"; the end month of 12 months; "2024-25".</summary>
    public string Label(Period period) => Label(period.Start, period.End);

    /// <summary>A result's period, as <see cref="Label(Period)"/> says it.</summary>
    public string Label(KpiResult result) => Label(result.PeriodStart, result.PeriodEnd);

    private string Label(DateOnly start, DateOnly end) => SeriesKind switch
    {
        PeriodKind.Rolling12 => KpiDisplay.Month(end),
        PeriodKind.ReportingYear => $"{Period.ReportingYearOf(end) - 1}-{Period.ReportingYearOf(end) % 100:00}",
        _ => KpiDisplay.Month(start),
    };

    /// <summary>The periods of the series (months, 12 months to a month end, or years), oldest first.</summary>
    public IReadOnlyList<Period> Months { get; private set; } = [];

    /// <summary>The series' results by category ("" for a KPI without categories), each in month order.</summary>
    public IReadOnlyList<(string Category, IReadOnlyList<KpiResult> Results)> Series { get; private set; } = [];

    /// <summary>More categories than this are drawn as small multiples, one small chart each, never one wide chart.</summary>
    public const int MostSeriesInOneChart = 4;

    /// <summary>
    /// The charts' data for wwwroot/js/charts.js, as JSON in a data- attribute (no inline script): one chart,
    /// or one per category (on one scale) when there are more than <see cref="MostSeriesInOneChart"/>.
    /// </summary>
    public IReadOnlyList<(string Title, string Json)> Charts { get; private set; } = [];

    public bool SmallMultiples => Charts.Count > 1;

    /// <summary>The DfE comparison for each reporting year the series covers (a KPI without categories, where imported), oldest first.</summary>
    public IReadOnlyList<BenchmarkComparison> Benchmarks { get; private set; } = [];

    /// <summary>
    /// The council's targets for this KPI by reporting year, one row per framework measure that reads the KPI and
    /// has a target (a KPI has no target of its own: targets are set on measures); uncategorised KPIs only.
    /// </summary>
    public IReadOnlyList<(Measure Measure, IReadOnlyDictionary<int, decimal> ByYear)> Targets { get; private set; } = [];

    public bool CanSeeChildren => User.IsInRole(Roles.ChildLevel);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        YearResults = Store.Compute(Selection.Council, [Selection.Period], [Definition.Id]);

        var first = Period.ReportingYear(Math.Min(Selection.EarliestYear, Selection.Year));
        var last = Period.ReportingYear(Math.Max(Selection.LatestYear, Selection.Year));
        // The series in the finest kind of period the KPI makes sense in (docs/kpis.md, "Which periods each KPI makes
        // sense for"): months; the 12 months to each month end for a twelve-month KPI; reporting years for a year-end one.
        SeriesKind = Definition.PeriodKinds.Contains(PeriodKind.Month) ? PeriodKind.Month
            : Definition.PeriodKinds.Contains(PeriodKind.Rolling12) ? PeriodKind.Rolling12
            : PeriodKind.ReportingYear;
        Months = Period.Series(SeriesKind, first.Start, last.End);
        var series = Store.Compute(Selection.Council, Months, [Definition.Id]);
        Series = [.. series.GroupBy(r => r.Category ?? string.Empty).Select(g => (g.Key, (IReadOnlyList<KpiResult>)[.. g.OrderBy(r => r.PeriodStart)]))];
        var unit = KpiDisplay.Unit(Definition.Unit);
        var labels = Months.Select(Label).ToList();
        var lines = Series.Select(s => new
        {
            label = s.Category.Length == 0 ? Definition.Name : KpiDisplay.Category(s.Category),
            kind = "",
            data = s.Results.Select(r => r.Value is { } v && double.IsFinite(v) ? Math.Round(v, 3) : (double?)null).ToList(),
        }).ToList();
        if (lines.Count <= MostSeriesInOneChart)
        {
            Benchmarks = await BenchmarksAsync(first.ReportingYearLabel, last.ReportingYearLabel, cancellationToken);
            // The DfE's figures are for reporting years: each sits on the year's last month (March), joined across the months between.
            var march = Months.Select((m, i) => (m, i)).Where(x => x.m.End.Month == 3).ToDictionary(x => Period.ReportingYearOf(x.m.End), x => x.i);
            List<double?> Yearly(Func<BenchmarkComparison, decimal?> figure, IReadOnlyDictionary<int, decimal>? byYear = null)
            {
                var data = new double?[Months.Count];
                foreach (var b in Benchmarks.Where(b => march.ContainsKey(b.Year)))
                {
                    data[march[b.Year]] = figure(b) is { } v ? (double)Math.Round(v, 3) : null;
                }

                foreach (var (year, value) in byYear ?? new Dictionary<int, decimal>())
                {
                    if (march.TryGetValue(year, out var i))
                    {
                        data[i] = (double)Math.Round(value, 3);
                    }
                }

                return [.. data];
            }

            var england = new { label = "England (DfE, year to March)", kind = "england", data = Yearly(b => b.England?.Value.Number) };
            var neighbours = new { label = "Statistical neighbours' average (DfE, year to March)", kind = "neighbours", data = Yearly(b => b.Neighbours.Average) };
            // England's figure for a count is the whole country's total: in the table, not on the council's scale.
            var comparable = Definition.Unit == MeasureUnit.Count ? new[] { neighbours } : [england, neighbours];
            if (!Definition.HasCategories)
            {
                Targets = await TargetsAsync(cancellationToken);
            }

            // A target is set for a reporting year: it sits on the year's March, like the DfE's figures.
            var targets = Targets.Select(t => new
            {
                label = Targets.Count == 1 ? "Target" : $"Target ({t.Measure.Title})",
                kind = "target",
                data = Yearly(_ => null, t.ByYear),
            });
            var all = lines.Concat(targets).Concat(comparable.Where(l => l.data.Any(v => v is not null))).ToList();
            // The middle half of councils (lower to upper quartile), where the DfE's figures rank the council.
            var lower = Yearly(b => b.Position?.Boundaries.LowerQuartile);
            var upper = Yearly(b => b.Position?.Boundaries.UpperQuartile);
            var band = lower.Any(v => v is not null) ? new { label = "Middle half of councils (DfE, year to March)", lower, upper } : null;
            Charts = [(Definition.Name, JsonSerializer.Serialize(new { unit, labels, series = all, band, joinBenchmarks = true }))];
        }
        else
        {
            // One scale for all, so the small charts compare.
            var max = lines.SelectMany(s => s.data).Max() ?? 0;
            Charts = [.. lines.Select(s => (s.label, JsonSerializer.Serialize(new { unit, labels, series = new[] { s }, max, title = s.label })))];
        }

        return Page();
    }

    // The measures that read this KPI, in the KPI's own unit, with the council's reporting-year targets.
    private async Task<IReadOnlyList<(Measure, IReadOnlyDictionary<int, decimal>)>> TargetsAsync(CancellationToken cancellationToken)
    {
        var measures = (await frameworks.MeasuresAsync(cancellationToken: cancellationToken)).Values
            .Where(m => m.Source.Kind == MeasureSourceKind.Kpi && m.Source.Reference == Definition.Id && m.Unit == Definition.Unit)
            .ToDictionary(m => m.Id, StringComparer.Ordinal);
        if (measures.Count == 0)
        {
            return [];
        }

        var targets = await frameworks.TargetsAsync(Selection.Council, measures.Keys, cancellationToken);
        return [.. targets.Where(t => t.Period.Kind == PeriodKind.ReportingYear)
            .GroupBy(t => t.MeasureId, StringComparer.Ordinal)
            .OrderBy(g => measures[g.Key].Title, StringComparer.Ordinal)
            .Select(g => (measures[g.Key], (IReadOnlyDictionary<int, decimal>)g.ToDictionary(t => Period.ReportingYearOf(t.Period.End), t => t.Value)))];
    }

    // Only a year with some DfE figure; none for a KPI the DfE does not publish (or not imported).
    private async Task<IReadOnlyList<BenchmarkComparison>> BenchmarksAsync(int from, int to, CancellationToken cancellationToken)
    {
        if (CouncilList.Find(Selection.Council) is not { } council)
        {
            return [];
        }

        var list = new List<BenchmarkComparison>();
        for (var year = from; year <= to; year++)
        {
            if (await benchmarks.CompareAsync(council.LaNumber, Definition.Id, year, cancellationToken) is { } c
                && (c.England is not null || c.Neighbours.Average is not null))
            {
                list.Add(c);
            }
        }

        return list;
    }
}
