using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Scorecards;

/// <summary>
/// The scorecard for the web app and the API: <see cref="FrameworkStore.ScorecardAsync"/> with the two
/// plug-ins filled — computed KPI values from the <see cref="StatutoryDataStore"/> and the DfE benchmark
/// comparison from the <see cref="BenchmarkStore"/>.
/// </summary>
/// <remarks>
/// One per request (or command). Scorecards and frameworks are kept in the <see cref="ScorecardCache"/> when
/// one is given (the web app's): a request for a scorecard already built from the same data costs two small
/// queries (the council, the newest audit entry's id).
/// </remarks>
public sealed class ScorecardService(
    LodestarDbContext db, FrameworkStore frameworks, BenchmarkStore benchmarks, StatutoryDataStore returns, TimeProvider clock, ScorecardCache? cache = null)
{
    private long? _stamp;
    private IReadOnlyList<Council>? _councils;

    /// <summary>How many reporting years the year picker offers.</summary>
    public const int YearsOffered = 10;

    public FrameworkStore Frameworks => frameworks;

    public BenchmarkStore Benchmarks => benchmarks;

    /// <summary>Every council among <paramref name="allowed"/> (DfE codes; null for every council), by name.</summary>
    public async Task<IReadOnlyList<Council>> CouncilsAsync(IReadOnlySet<string>? allowed, CancellationToken cancellationToken) =>
        (await AllCouncilsAsync(cancellationToken)).Where(c => allowed is null || allowed.Contains(c.Code)).ToList();

    /// <summary>A council by DfE code or LA number; null when unknown.</summary>
    public async Task<Council?> CouncilAsync(string? codeOrNumber, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(codeOrNumber))
        {
            return null;
        }

        var text = codeOrNumber.Trim();
        var upper = text.ToUpperInvariant();
        return (await AllCouncilsAsync(cancellationToken)).FirstOrDefault(c => c.Code == upper || c.LaNumber == text);
    }

    // Every council by name: read once per request, and kept in the cache (the list changes only when the
    // database is set up, and the key moves with every audited change anyway).
    private async Task<IReadOnlyList<Council>> AllCouncilsAsync(CancellationToken cancellationToken)
    {
        if (_councils is not null)
        {
            return _councils;
        }

        Task<IReadOnlyList<Council>?> Read() => ReadCouncilsAsync(cancellationToken);
        _councils = cache is null
            ? await Read() ?? []
            : await cache.GetOrBuildAsync(("councils", await StampAsync(cancellationToken)), Read) ?? [];
        return _councils;
    }

    private async Task<IReadOnlyList<Council>?> ReadCouncilsAsync(CancellationToken cancellationToken) =>
        (await db.Councils.AsNoTracking().Select(c => new Council(c.Code, c.LaNumber, c.Name, c.Region)).ToListAsync(cancellationToken))
        .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The council shown when none is chosen, among <paramref name="allowed"/> (null for every council): the
    /// first with statutory data (the demo council), else the first by name.
    /// </summary>
    public async Task<Council?> DefaultCouncilAsync(IReadOnlySet<string>? allowed, CancellationToken cancellationToken)
    {
        foreach (var code in returns.Councils.Where(c => allowed is null || allowed.Contains(c)))
        {
            if (await CouncilAsync(code, cancellationToken) is { } council)
            {
                return council;
            }
        }

        return (await CouncilsAsync(allowed, cancellationToken)).FirstOrDefault();
    }

    /// <summary>The reporting years offered, newest first: the latest year ended by today, and the nine before it.</summary>
    public IReadOnlyList<int> Years()
    {
        var latest = Period.ReportingYearOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) - 1;
        return Enumerable.Range(0, YearsOffered).Select(i => latest - i).ToList();
    }

    /// <summary>
    /// The year shown when none is chosen: the newest of the council's latest return (collection year) and
    /// its latest entered value, within the offered years; the newest offered year when it has neither.
    /// </summary>
    public async Task<int> DefaultYearAsync(string council, CancellationToken cancellationToken)
    {
        var years = Years();
        var dataset = returns.Dataset(council);
        var collected = (dataset?.Cla?.Files ?? []).Concat(dataset?.Cin?.Files ?? []).Select(f => f.CollectionYear);
        var entered = (await frameworks.ValuesAsync(council, cancellationToken: cancellationToken)).Select(v => v.Period.ReportingYearLabel);
        var latest = collected.Concat(entered).Where(years.Contains).DefaultIfEmpty(years[0]).Max();
        return latest;
    }

    /// <summary>The framework as imported (<see cref="FrameworkStore.LoadAsync"/>), from the cache when it holds it; null when unknown.</summary>
    public async Task<Framework?> FrameworkAsync(string id, CancellationToken cancellationToken)
    {
        if (cache is null)
        {
            return await frameworks.LoadAsync(id, cancellationToken);
        }

        var stamp = await StampAsync(cancellationToken);
        return await cache.GetOrBuildAsync(("framework", id, stamp), () => frameworks.LoadAsync(id, cancellationToken));
    }

    /// <summary>The scorecard with KPI values and benchmarks; null when the framework or council is unknown.</summary>
    public async Task<Scorecard?> ScorecardAsync(string frameworkId, string council, Period period, CancellationToken cancellationToken)
    {
        var chosen = await CouncilAsync(council, cancellationToken);
        if (chosen is null)
        {
            return null;
        }

        if (cache is null)
        {
            return await BuildAsync(frameworkId, chosen, period, cancellationToken);
        }

        // The council's returns model: its version, and which model object it is (a model loaded at start has no version).
        var model = (returns.VersionOf(chosen.Code), returns.Dataset(chosen.Code) is { } d ? System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(d) : 0);
        var stamp = await StampAsync(cancellationToken);
        return await cache.GetOrBuildAsync(("scorecard", frameworkId, chosen.Code, period, stamp, model), () => BuildAsync(frameworkId, chosen, period, cancellationToken));
    }

    // Loads the framework once, its measures (and those its formulas read), values and targets, and every
    // measure's benchmarks in one go.
    private async Task<Scorecard?> BuildAsync(string frameworkId, Council council, Period period, CancellationToken cancellationToken)
    {
        var framework = await FrameworkAsync(frameworkId, cancellationToken);
        if (framework is null)
        {
            return null;
        }

        var measures = await frameworks.MeasuresOfAsync(framework, cancellationToken);

        var referenced = framework.ReferencedMeasureIds().Where(measures.ContainsKey).Select(id => measures[id]).ToList();
        var comparisons = await benchmarks.CompareAllAsync(
            council.LaNumber, [.. referenced.Select(m => (BenchmarkId(m), PolarityOf(m)))], period.ReportingYearLabel, cancellationToken);
        var figures = referenced
            .Where(m => comparisons.ContainsKey(BenchmarkId(m)))
            .DistinctBy(m => m.Id)
            .ToDictionary(m => m.Id, m => Figures(comparisons[BenchmarkId(m)]), StringComparer.Ordinal);
        return Scorecard.Build(new ScorecardRequest
        {
            Framework = framework,
            Measures = measures,
            Council = council.Code,
            Period = period,
            Values = await frameworks.ValuesAsync(council.Code, measures.Keys, cancellationToken),
            Targets = await frameworks.TargetsAsync(council.Code, measures.Keys, cancellationToken),
            Kpis = Kpis(council.Code, [period, period.Previous(), period.SameLastYear()]),
            Benchmarks = (measure, _, _) => figures.GetValueOrDefault(measure.Id) ?? [],
        });
    }

    // The newest audit entry's id, read once per service (per request): every stored change to frameworks,
    // values, targets and benchmarks commits an audit entry with it.
    private async Task<long> StampAsync(CancellationToken cancellationToken) =>
        _stamp ??= await db.Set<AuditEventEntity>().MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;

    /// <summary>
    /// A measure's line for each of these reporting years (value, target, RAG, direction), built like the
    /// scorecard from entered values, targets, formulas and computed KPIs; no benchmarks.
    /// </summary>
    public async Task<IReadOnlyList<(int Year, ScorecardRow Row)>> HistoryAsync(
        Framework framework, Measure measure, Council council, IReadOnlyList<int> years, CancellationToken cancellationToken)
    {
        var measures = await frameworks.MeasuresAsync(cancellationToken: cancellationToken);
        var values = await frameworks.ValuesAsync(council.Code, cancellationToken: cancellationToken);
        var targets = await frameworks.TargetsAsync(council.Code, cancellationToken: cancellationToken);
        var periods = years.Select(Period.ReportingYear).ToList();
        var kpis = Kpis(council.Code, periods.SelectMany(p => new[] { p, p.Previous(), p.SameLastYear() }).Distinct().ToList());
        var single = framework with { Nodes = [new FrameworkNode { Id = "measure", Kind = "measure", Title = measure.Title, MeasureIds = [measure.Id] }] };
        return years.Select(year => (year, Scorecard.Build(new ScorecardRequest
        {
            Framework = single,
            Measures = measures,
            Council = council.Code,
            Period = Period.ReportingYear(year),
            Values = values,
            Targets = targets,
            Kpis = kpis,
        }).Rows.Single())).ToList();
    }

    /// <summary>The benchmark measure id for a framework measure: its KPI when it is computed, else its own id.</summary>
    public static string BenchmarkId(Measure measure) =>
        measure.Source.Kind == MeasureSourceKind.Kpi ? measure.Source.Reference : measure.Id;

    /// <summary>The DfE comparison for a measure, council and reporting year, by the measure's own polarity; null when not benchmarked.</summary>
    public async Task<BenchmarkComparison?> CompareAsync(Measure measure, Council council, int year, CancellationToken cancellationToken) =>
        await benchmarks.CompareAsync(council.LaNumber, BenchmarkId(measure), year, PolarityOf(measure), cancellationToken);

    /// <summary>The KPI plug-in: the engine's value for (KPI, council, period), computed once for these periods.</summary>
    private Func<string, string, Period, MeasureValue?> Kpis(string council, IReadOnlyList<Period> periods)
    {
        var results = returns.Compute(council, periods.Select(p => Period.Between(p.Start, p.End)).Distinct().ToList())
            .Where(r => r.Category is null && r.Value is not null)
            .GroupBy(r => (r.Kpi, r.PeriodStart, r.PeriodEnd))
            .ToDictionary(g => g.Key, g => g.First());
        return (kpi, _, period) => results.TryGetValue((kpi, period.Start, period.End), out var r)
            ? new MeasureValue(ToDecimal(r.Value!.Value), r.Numerator is { } n ? ToDecimal(n) : null, r.Denominator is { } d ? ToDecimal(d) : null)
            : null;
    }

    private static decimal ToDecimal(double value) => Math.Round((decimal)value, 6);

    /// <summary>The comparison as scorecard figures: England, region, statistical neighbours' average, quartile.</summary>
    public static IReadOnlyList<BenchmarkFigure> Figures(BenchmarkComparison c)
    {
        var list = new List<BenchmarkFigure>
        {
            new("England", c.England?.Value.Number, c.England is { Value.IsSuppressed: true } e ? $"suppressed ({e.Value})" : null),
            new("Region", c.Region?.Value.Number, c.Region?.Name),
            new("Statistical neighbours", c.Neighbours.Average, $"{c.Neighbours.Used} of {c.Neighbours.Listed}"),
        };
        if (c.Position is { } p)
        {
            list.Add(new BenchmarkFigure("Quartile", null, $"{p.Band(c.Polarity)} (rank {p.Rank} of {p.Of})"));
        }

        return list;
    }

    /// <summary>A measure's own polarity overrides the benchmark's, except "neither", which leaves the benchmark's.</summary>
    private static Polarity? PolarityOf(Measure measure) => measure.Polarity == Polarity.Neither ? null : measure.Polarity;
}
