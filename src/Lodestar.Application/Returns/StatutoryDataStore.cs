using System.Collections.Concurrent;
using System.Collections.Immutable;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Formats;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Records;

namespace Lodestar.Application.Returns;

/// <summary>
/// The child-level data the KPIs are computed from, in memory: each council's model (its 903 and CIN
/// records as one <see cref="KpiDataset"/>) and the population estimates for the rates. KPI results are
/// computed by the pure <see cref="KpiEngine"/> and cached per council and set of periods.
/// </summary>
/// <remarks>
/// The web app builds every council's model from its confirmed submissions at start
/// (<see cref="ConfirmedReturns"/>), and <see cref="Submissions"/> replaces one council's model after a
/// confirmation or roll-back (<see cref="RefreshAsync"/>). A council's model and its cached results are
/// one immutable entry, and the councils one immutable dictionary swapped whole: a request reads one
/// entry and computes from it, never from half of an old model and half of a new one. The store records
/// the version of each council's returns its model was built from, so a change made by another process
/// (seen by the web app's poll of <c>council_versions</c>) is loaded once, and this process's own once.
/// </remarks>
public sealed class StatutoryDataStore
{
    private const int MaxCachedResults = 512;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _refreshing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, CouncilModel> _councils;

    /// <summary>A store holding no council yet, computing with these population estimates (and no postcode lookup).</summary>
    public StatutoryDataStore(PopulationEstimates population)
        : this(new KpiOptions { Population = population })
    {
    }

    /// <summary>A store holding no council yet, computing with these options (population estimates, postcode distances).</summary>
    public StatutoryDataStore(KpiOptions options)
        : this(ImmutableDictionary<string, CouncilModel>.Empty.WithComparers(StringComparer.Ordinal), new KpiEngine(options))
    {
    }

    private StatutoryDataStore(ImmutableDictionary<string, CouncilModel> councils, KpiEngine engine)
    {
        _councils = councils;
        Engine = engine;
    }

    public KpiEngine Engine { get; }

    /// <summary>The files the models were read from.</summary>
    public int FilesRead => Volatile.Read(ref _councils).Values.Sum(c => c.Files);

    /// <summary>Data-quality errors found while reading (validate the files for the details).</summary>
    public int Errors => Volatile.Read(ref _councils).Values.Sum(c => c.Errors);

    public int Warnings => Volatile.Read(ref _councils).Values.Sum(c => c.Warnings);

    /// <summary>One council's files, errors and warnings (zeros for a council without data): what a user granted only that council may see.</summary>
    public (int Files, int Errors, int Warnings) QualityOf(string council) =>
        Volatile.Read(ref _councils).TryGetValue(council, out var model) ? (model.Files, model.Errors, model.Warnings) : (0, 0, 0);

    /// <summary>The councils with data, by code.</summary>
    public IReadOnlyList<string> Councils => [.. Volatile.Read(ref _councils).Keys.Order(StringComparer.Ordinal)];

    public KpiDataset? Dataset(string council) => Volatile.Read(ref _councils).GetValueOrDefault(council)?.Dataset;

    /// <summary>Every KPI (or those named) for a council and periods; empty when the council has no data.</summary>
    public IReadOnlyList<KpiResult> Compute(string council, IReadOnlyList<Period> periods, IReadOnlyList<string>? kpiIds = null)
    {
        // One read of the entry: the dataset and the cache belong to the same model.
        if (Volatile.Read(ref _councils).GetValueOrDefault(council) is not { } model)
        {
            return [];
        }

        var key = $"{string.Join(',', periods)}|{(kpiIds is null ? "*" : string.Join(',', kpiIds))}";
        if (model.Cache.Count >= MaxCachedResults && !model.Cache.ContainsKey(key))
        {
            // Any from/to is a new key: keep the cache bounded rather than let requests grow it.
            model.Cache.Clear();
        }

        return model.Cache.GetOrAdd(key, _ => Engine.Compute(model.Dataset, periods, kpiIds));
    }

    /// <summary>
    /// The version of a council's confirmed returns (<c>council_versions</c>) its model was built from;
    /// null when none was built here.
    /// </summary>
    public long? VersionOf(string council) => _versions.TryGetValue(council, out var version) ? version : null;

    /// <summary>
    /// Replaces one council's model with what it has now (its cached results go with the old one), or
    /// removes it when it has no data, unless the model held was built from this version or a later one.
    /// Refreshes of one council run one at a time, each loading after the one before has swapped, so the
    /// last to finish holds what the last change left.
    /// </summary>
    /// <param name="council">The council's code.</param>
    /// <param name="version">
    /// The council's version, read before (or committed in the same transaction as the change that is
    /// before) the load: the load sees that version's returns or later ones, never earlier ones.
    /// </param>
    /// <param name="load">Reads the council's returns now (its confirmed submissions).</param>
    /// <param name="cancellationToken">Cancels the wait and the load.</param>
    /// <returns>Whether the model was rebuilt.</returns>
    public async Task<bool> RefreshAsync(string council, long version, Func<CancellationToken, Task<LoadResult>> load, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(council);
        ArgumentNullException.ThrowIfNull(load);
        var gate = _refreshing.GetOrAdd(council, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // The other refresh (this process's own after a confirmation, or the poll that saw it) already did it.
            if (VersionOf(council) >= version)
            {
                return false;
            }

            Replace(council, await load(cancellationToken));
            _versions[council] = version;
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    // Sets one council's model from returns read for it (no council in them: the council has no data).
    private void Replace(string council, LoadResult loaded)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(council);
        ArgumentNullException.ThrowIfNull(loaded);
        var data = loaded.Councils.SingleOrDefault(c => c.CouncilCode == council);
        var model = data is null ? null : CouncilModel.Of(data, loaded);
        ImmutableDictionary<string, CouncilModel> before, after;
        do
        {
            before = Volatile.Read(ref _councils);
            after = model is null ? before.Remove(council) : before.SetItem(council, model);
        }
        while (Interlocked.CompareExchange(ref _councils, after, before) != before);
    }

    /// <summary>
    /// The store over returns already read (the command line reads the paths it is given), with the
    /// population estimates for the rates per 10,000 (and no postcode lookup).
    /// </summary>
    public static StatutoryDataStore From(LoadResult loaded, PopulationEstimates population) => From(loaded, new KpiOptions { Population = population });

    /// <summary>The store over returns already read, computing with these options (population estimates, postcode distances).</summary>
    public static StatutoryDataStore From(LoadResult loaded, KpiOptions options)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var councils = loaded.Councils.ToImmutableDictionary(c => c.CouncilCode, c => CouncilModel.Of(c, loaded), StringComparer.Ordinal);
        return new StatutoryDataStore(councils, new KpiEngine(options));
    }

    /// <summary>A store holding no council (a scorecard from entered values only).</summary>
    public static StatutoryDataStore Empty { get; } = new(PopulationEstimates.None);

    /// <summary>One council's model and the results computed from it; replaced whole.</summary>
    private sealed record CouncilModel(KpiDataset Dataset, ConcurrentDictionary<string, IReadOnlyList<KpiResult>> Cache, int Files, int Errors, int Warnings)
    {
        public static CouncilModel Of(CouncilData data, LoadResult loaded)
        {
            var files = (data.Ssda903?.Files.Count ?? 0) + (data.Cin?.Files.Count ?? 0) + (data.AnnexA?.Files.Count ?? 0);
            var paths = (data.Ssda903?.Files ?? []).Concat(data.Cin?.Files ?? []).Concat(data.AnnexA?.Files ?? []).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            // A load of several councils (a folder) gives its findings together: count this council's own.
            var own = loaded.Councils.Count == 1 ? loaded.Diagnostics : [.. loaded.Diagnostics.Where(d => d.File is not null && paths.Contains(d.File))];
            var errors = own.Count(d => d.Severity == Severity.Error);
            return new CouncilModel(KpiDataset.Of(data), new ConcurrentDictionary<string, IReadOnlyList<KpiResult>>(StringComparer.Ordinal), files, errors, own.Count - errors);
        }
    }
}
