using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Returns;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Scorecards;

/// <summary>One framework's scorecard for every council shown, for one period.</summary>
/// <param name="FrameworkId">The framework's id.</param>
/// <param name="FrameworkTitle">Its title.</param>
/// <param name="Period">The period, e.g. the reporting year 2024-25.</param>
/// <param name="Councils">Each council with its scorecard, by council name.</param>
public sealed record NationalScorecard(string FrameworkId, string FrameworkTitle, Period Period, IReadOnlyList<(Council Council, Scorecard Scorecard)> Councils)
{
    /// <summary>The framework's measures in its order (the order of a scorecard's rows), each once.</summary>
    public IReadOnlyList<Measure> Measures { get; init; } = [];

    /// <summary>The councils of <see cref="Councils"/> with stored KPI results (any period): the others have entered values only.</summary>
    public IReadOnlySet<string> WithStoredResults { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The councils allowed that have neither stored KPI results nor entered values for the framework's measures, by name.</summary>
    public IReadOnlyList<Council> WithoutData { get; init; } = [];

    /// <summary>England's published DfE figure for the period, by framework measure id: only the measures the DfE benchmarks.</summary>
    public IReadOnlyDictionary<string, BenchmarkFigure> England { get; init; } = new Dictionary<string, BenchmarkFigure>(StringComparer.Ordinal);
}

/// <summary>
/// The national view: a framework's scorecard for every council at once, built from stored values — the KPIs from the
/// stored results (<see cref="StoredKpis"/>), never from the councils' returns — so it costs a few queries, not a
/// reading of every council's files. Each council's scorecard is the one <see cref="Scorecard.Build"/> gives the
/// council's own scorecard page for the same values (entered values, targets, formulas, RAG, direction of travel);
/// the DfE benchmarks are left out (they compare one council with the others, which the view already shows).
/// </summary>
public sealed class NationalScorecards(LodestarDbContext db, FrameworkStore frameworks)
{
    /// <summary>
    /// The framework's scorecard for every council among <paramref name="allowed"/> (null: every council) that has
    /// stored KPI results or entered values for its measures; null when the framework is unknown.
    /// </summary>
    public async Task<NationalScorecard?> BuildAsync(string frameworkId, Period period, IReadOnlySet<string>? allowed, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        var framework = await frameworks.LoadAsync(frameworkId, cancellationToken);
        if (framework is null)
        {
            return null;
        }

        var measures = await frameworks.MeasuresOfAsync(framework, cancellationToken);
        var values = await frameworks.ValuesOfEveryCouncilAsync(measures.Keys, cancellationToken);
        var targets = await frameworks.TargetsOfEveryCouncilAsync(measures.Keys, cancellationToken);
        var kpis = measures.Values.Where(m => m.Source.Kind == MeasureSourceKind.Kpi).Select(m => m.Source.Reference).Distinct(StringComparer.Ordinal).ToList();
        // The scorecard reads each value for the period, the one before and the same one last year.
        var results = (await StoredKpis.ReadAsync(db, null, kpis, [period, period.Previous(), period.SameLastYear()], cancellationToken))
            .Where(r => r.Category is null && r.Value is not null)
            .ToDictionary(r => (r.Council, r.Kpi, r.PeriodStart, r.PeriodEnd), r => new MeasureValue(ToDecimal(r.Value!.Value), ToDecimal(r.Numerator), ToDecimal(r.Denominator)));

        var withResults = (await db.Set<KpiResultSetEntity>().Select(s => s.CouncilCode).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var shown = withResults.Concat(values.Select(v => v.Council)).Where(c => allowed is null || allowed.Contains(c)).ToHashSet(StringComparer.Ordinal);
        // Every council allowed, so those without data can be named as such (the view is of what the user may see).
        var known = (await db.Councils.AsNoTracking().ToListAsync(cancellationToken))
            .Where(c => allowed is null || allowed.Contains(c.Code))
            .Select(c => new Council(c.Code, c.LaNumber, c.Name, c.Region))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var councils = known.Where(c => shown.Contains(c.Code)).ToList();
        var valuesOf = values.ToLookup(v => v.Council, StringComparer.Ordinal);
        var targetsOf = targets.ToLookup(t => t.Council, StringComparer.Ordinal);
        return new NationalScorecard(framework.Id, framework.Title, period, [.. councils.Select(council => (council, Scorecard.Build(new ScorecardRequest
        {
            Framework = framework,
            Measures = measures,
            Council = council.Code,
            Period = period,
            Values = [.. valuesOf[council.Code]],
            Targets = [.. targetsOf[council.Code]],
            Kpis = (kpi, code, p) => results.TryGetValue((code, kpi, p.Start, p.End), out var value) ? value : null,
        })))])
        {
            Measures = Referenced(framework, measures),
            WithStoredResults = councils.Select(c => c.Code).Where(withResults.Contains).ToHashSet(StringComparer.Ordinal),
            WithoutData = [.. known.Where(c => !shown.Contains(c.Code))],
            England = await EnglandAsync(framework, measures, period, cancellationToken),
        };
    }

    // England's figure is the same whichever council is compared, so one comparison (three queries) gives every measure's.
    private async Task<IReadOnlyDictionary<string, BenchmarkFigure>> EnglandAsync(
        Framework framework, IReadOnlyDictionary<string, Measure> measures, Period period, CancellationToken cancellationToken)
    {
        var referenced = Referenced(framework, measures);
        var comparisons = await new BenchmarkStore(db).CompareAllAsync(
            "", [.. referenced.Select(m => (ScorecardService.BenchmarkId(m), (Polarity?)null))], period.ReportingYearLabel, cancellationToken);
        return referenced
            .Where(m => comparisons.TryGetValue(ScorecardService.BenchmarkId(m), out var c) && c.England is not null)
            .ToDictionary(
                m => m.Id,
                m => ScorecardService.Figures(comparisons[ScorecardService.BenchmarkId(m)])[0],
                StringComparer.Ordinal);
    }

    /// <summary>
    /// The newest reporting year (2025 is 2024-25) with stored KPI results of a council among <paramref name="allowed"/>
    /// (null: every council); null when none has any: the year a page opens on.
    /// </summary>
    public async Task<int?> LatestYearAsync(IReadOnlySet<string>? allowed, CancellationToken cancellationToken = default)
    {
        var results = db.Set<KpiResultEntity>().AsNoTracking();
        if (allowed is not null)
        {
            var codes = allowed.ToArray();
            results = results.Where(r => codes.Contains(r.CouncilCode));
        }

        var end = await results.OrderByDescending(r => r.PeriodEnd).Select(r => (DateOnly?)r.PeriodEnd).FirstOrDefaultAsync(cancellationToken);
        return end is { } e ? Period.ReportingYearOf(e) : null;
    }

    private static List<Measure> Referenced(Framework framework, IReadOnlyDictionary<string, Measure> measures) =>
        [.. framework.ReferencedMeasureIds().Where(measures.ContainsKey).Select(id => measures[id])];

    // As the council's own scorecard turns the engine's values into measure values (ScorecardService).
    private static decimal ToDecimal(double value) => Math.Round((decimal)value, 6);

    private static decimal? ToDecimal(double? value) => value is { } v ? ToDecimal(v) : null;
}
