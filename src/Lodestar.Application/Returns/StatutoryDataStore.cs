using System.Collections.Concurrent;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Periods;
using Lodestar.Formats;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Generation;
using Lodestar.Formats.Population;
using Lodestar.Metrics.Kpis;
using Microsoft.Extensions.Logging;

namespace Lodestar.Application.Returns;

/// <summary>Where the web app's statutory returns come from, and whether to generate a demo council.</summary>
/// <param name="Folder">The folder of returns: one sub-folder per council code, searched recursively.</param>
/// <param name="Demo">When the folder holds no file: generate one synthetic council into it.</param>
public sealed record ReturnsOptions(string Folder, bool Demo)
{
    /// <summary>The demo council: Cambridgeshire, whose LAC action plan (seed 004) is in the samples.</summary>
    public const string DemoCouncil = "E10000003";
}

/// <summary>
/// The child-level data the web app computes from, in memory: every council's 903 and CIN records,
/// loaded once at start from <see cref="ReturnsOptions.Folder"/>, and the population estimates
/// (<c>population.csv</c> in that folder) for the rates. KPI results are computed by the pure
/// <see cref="KpiEngine"/> and cached per council and set of periods.
/// </summary>
public sealed class StatutoryDataStore
{
    private const int MaxCachedResults = 512;

    private readonly Dictionary<string, KpiDataset> _datasets;
    private readonly ConcurrentDictionary<string, IReadOnlyList<KpiResult>> _cache = new();

    private StatutoryDataStore(Dictionary<string, KpiDataset> datasets, KpiEngine engine, int files, int errors, int warnings)
    {
        _datasets = datasets;
        Engine = engine;
        FilesRead = files;
        Errors = errors;
        Warnings = warnings;
    }

    public KpiEngine Engine { get; }

    public int FilesRead { get; }

    /// <summary>Data-quality errors found while reading (validate the files for the details).</summary>
    public int Errors { get; }

    public int Warnings { get; }

    /// <summary>The councils with data, by code.</summary>
    public IReadOnlyList<string> Councils => [.. _datasets.Keys.Order(StringComparer.Ordinal)];

    public KpiDataset? Dataset(string council) => _datasets.GetValueOrDefault(council);

    /// <summary>Every KPI (or those named) for a council and periods; empty when the council has no data.</summary>
    public IReadOnlyList<KpiResult> Compute(string council, IReadOnlyList<Period> periods, IReadOnlyList<string>? kpiIds = null)
    {
        if (Dataset(council) is not { } dataset)
        {
            return [];
        }

        var key = $"{council}|{string.Join(',', periods)}|{(kpiIds is null ? "*" : string.Join(',', kpiIds))}";
        if (_cache.Count >= MaxCachedResults && !_cache.ContainsKey(key))
        {
            // Any from/to is a new key: keep the cache bounded rather than let requests grow it.
            _cache.Clear();
        }

        return _cache.GetOrAdd(key, _ => Engine.Compute(dataset, periods, kpiIds));
    }

    /// <summary>Loads the returns folder, generating the demo council into it first when asked and empty.</summary>
    public static StatutoryDataStore Load(ReturnsOptions options, ILogger logger)
    {
        Directory.CreateDirectory(options.Folder);
        var hasFiles = Directory.EnumerateFiles(options.Folder, "*.*", SearchOption.AllDirectories)
            .Any(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
        if (!hasFiles && options.Demo)
        {
            GenerateDemo(options.Folder);
            logger.LogInformation("Generated the demo council's synthetic returns into the returns folder.");
        }

        var result = StatutoryDataLoader.Load([options.Folder]);
        var populationFile = Path.Combine(options.Folder, "population.csv");
        var population = File.Exists(populationFile) ? PopulationCsvReader.ReadFile(populationFile) : PopulationEstimates.None;
        var store = From(result, population);
        logger.LogInformation(
            "Loaded statutory returns: {Files} files, {Councils} councils, {Errors} data errors, {Warnings} warnings, {Refused} files refused.",
            store.FilesRead, store.Councils.Count, store.Errors, store.Warnings, result.Refusals.Count);
        return store;
    }

    /// <summary>
    /// The store over returns already read (the command line reads the paths it is given), with the
    /// population estimates for the rates per 10,000.
    /// </summary>
    public static StatutoryDataStore From(LoadResult loaded, PopulationEstimates population)
    {
        var datasets = loaded.Councils.ToDictionary(c => c.CouncilCode, KpiDataset.Of, StringComparer.Ordinal);
        var errors = loaded.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = loaded.Diagnostics.Count - errors;
        return new StatutoryDataStore(datasets, new KpiEngine(new KpiOptions { Population = population }), loaded.FilesRead, errors, warnings);
    }

    /// <summary>A store holding no council (a scorecard from entered values only).</summary>
    public static StatutoryDataStore Empty { get; } = new([], new KpiEngine(new KpiOptions()), 0, 0, 0);

    /// <summary>Five years of one synthetic council (Cambridgeshire's code), deterministic.</summary>
    private static void GenerateDemo(string folder)
    {
        var staging = Path.Combine(folder, ".demo-staging");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var cambridgeshire = CouncilList.Current.Select((c, i) => (c.Code, i)).Single(c => c.Code == ReturnsOptions.DemoCouncil).i;
        SyntheticDataGenerator.Generate(
            new GenerationOptions(councils: 1, childrenPerCouncil: 800, years: 5, yearEnd: 2025, seed: 20250331) { FirstCouncil = cambridgeshire },
            staging);
        foreach (var entry in Directory.EnumerateFileSystemEntries(staging))
        {
            var name = Path.GetFileName(entry);
            var target = Path.Combine(folder, name);
            if (Directory.Exists(entry))
            {
                Directory.Move(entry, target);
            }
            else
            {
                File.Move(entry, target);
            }
        }

        Directory.Delete(staging);
    }
}
