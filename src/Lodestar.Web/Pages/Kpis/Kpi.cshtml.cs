using System.Text.Json;
using Lodestar.Application.Returns;
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
internal sealed class KpiModel(StatutoryDataStore store, CouncilAccess access, TimeProvider clock) : KpiPageModel(store, access, clock)
{
    public KpiPickerModel Picker => new($"/kpis/{Definition.Id}", Councils, Selection);

    /// <summary>The results for the year: one, or one per category.</summary>
    public IReadOnlyList<KpiResult> YearResults { get; private set; } = [];

    /// <summary>The months of the series, oldest first.</summary>
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
        Months = Period.Series(PeriodKind.Month, first.Start, last.End);
        var series = Store.Compute(Selection.Council, Months, [Definition.Id]);
        Series = [.. series.GroupBy(r => r.Category ?? string.Empty).Select(g => (g.Key, (IReadOnlyList<KpiResult>)[.. g.OrderBy(r => r.PeriodStart)]))];
        var unit = KpiDisplay.Unit(Definition.Unit);
        var labels = Months.Select(KpiDisplay.Month).ToList();
        var lines = Series.Select(s => new
        {
            label = s.Category.Length == 0 ? Definition.Name : KpiDisplay.Category(s.Category),
            kind = "",
            data = s.Results.Select(r => r.Value is { } v && double.IsFinite(v) ? Math.Round(v, 3) : (double?)null).ToList(),
        }).ToList();
        if (lines.Count <= MostSeriesInOneChart)
        {
            Charts = [(Definition.Name, JsonSerializer.Serialize(new { unit, labels, series = lines }))];
        }
        else
        {
            // One scale for all, so the small charts compare.
            var max = lines.SelectMany(s => s.data).Max() ?? 0;
            Charts = [.. lines.Select(s => (s.label, JsonSerializer.Serialize(new { unit, labels, series = new[] { s }, max, title = s.label })))];
        }

        return Page();
    }
}
