using System.Text.Json;
using Lodestar.Domain.Councils;

namespace Lodestar.Formats.Generation;

/// <summary>What a generation run produced: the ground truth per council, in council order.</summary>
public sealed record GenerationResult(IReadOnlyList<CouncilTruth> Councils);

/// <summary>
/// Writes realistic, internally consistent synthetic SSDA903 and CIN census returns for the first N English councils
/// (see docs/generator.md). The same options and seed give byte-identical files: each council has its own
/// <see cref="Random"/> seeded from the run's seed and its code, councils run in parallel but never share state,
/// and every output is written in a fixed order.
/// </summary>
public static class SyntheticDataGenerator
{
    /// <summary>The generated postcode lookup, relative to the output folder: <c>reference/generated-postcodes.csv</c>.</summary>
    public static readonly string PostcodesFile = Path.Combine(GeneratedReferences.Folder, GeneratedReferences.PostcodesFile);

    /// <summary>The generated Ofsted provider list, relative to the output folder: <c>reference/generated-providers.csv</c>.</summary>
    public static readonly string ProvidersFile = Path.Combine(GeneratedReferences.Folder, GeneratedReferences.ProvidersFile);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Writes <c>DIR/&lt;council code&gt;/903/&lt;table&gt;_&lt;year&gt;.csv</c>, <c>DIR/&lt;council code&gt;/cin/cin_&lt;year&gt;.xml</c>,
    /// <c>DIR/&lt;council code&gt;/truth.json</c>, <c>DIR/population.csv</c>, and the invented reference lists the returns'
    /// postcodes and URNs are in: <c>DIR/reference/generated-postcodes.csv</c> (<see cref="PostcodesFile"/>) and
    /// <c>DIR/reference/generated-providers.csv</c> (<see cref="ProvidersFile"/>). <paramref name="councilDone"/> is called
    /// (from any thread) as each council finishes. With <see cref="GenerationOptions.Faults"/> each council's last-year files
    /// are then given the deliberate faults, listed in its truth.json and in <see cref="CouncilTruth.Faults"/>.
    /// </summary>
    public static GenerationResult Generate(GenerationOptions options, string outputDirectory, Action<string>? councilDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        var councils = CouncilList.Current.Skip(options.FirstCouncil).Take(options.Councils).ToList();
        var simulated = new SimCouncil[councils.Count];
        var truths = new CouncilTruth[councils.Count];
        var references = new GeneratedReferences[councils.Count];
        try
        {
            GenerateCouncils(options, outputDirectory, councils, simulated, truths, references, councilDone, cancellationToken);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Report the first council's failure as itself (an IOException stays an IOException).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        PopulationCsvWriter.Write(simulated, Path.Combine(outputDirectory, "population.csv"));
        var merged = new GeneratedReferences();
        foreach (var council in references)
        {
            merged.Add(council);
        }

        merged.Write(outputDirectory, options.WindowEnd);
        return new GenerationResult(truths);
    }

    private static void GenerateCouncils(
        GenerationOptions options, string outputDirectory, List<Council> councils, SimCouncil[] simulated, CouncilTruth[] truths,
        GeneratedReferences[] references, Action<string>? councilDone, CancellationToken cancellationToken) =>
        Parallel.For(
            0,
            councils.Count,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i =>
            {
                var council = Simulate(options, i);
                var folder = Path.Combine(outputDirectory, council.Council.Code);
                references[i] = new GeneratedReferences();
                foreach (var year in options.ReportingYears)
                {
                    Ssda903CsvWriter.Write(council, year, Path.Combine(folder, "903"), references[i]);
                    CinCensusXmlWriter.Write(council, year, Path.Combine(folder, "cin", $"cin_{year}.xml"));
                    if (options.AnnexA)
                    {
                        AnnexAWorkbookWriter.Write(council, year, Path.Combine(folder, "annex_a", $"annex_a_{year}.xlsx"));
                    }
                }

                // The faults change the last year's files as written: the truth stays that of the simulated data.
                truths[i] = options.Faults
                    ? CouncilTruth.From(council, options) with { Faults = DeliberateFaults.Write(folder, options.FirstYear, options.YearEnd) }
                    : CouncilTruth.From(council, options);
                File.WriteAllText(Path.Combine(folder, "truth.json"), JsonSerializer.Serialize(truths[i], Json) + "\n", Ssda903CsvWriter.Utf8);
                simulated[i] = council with { Children = [] };
                councilDone?.Invoke(council.Council.Code);
            });

    /// <summary>The ground truth alone, without writing files (for tests and the KPI engine's cross-checks).</summary>
    public static GenerationResult Simulate(GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var truths = Enumerable.Range(0, options.Councils).Select(i => CouncilTruth.From(Simulate(options, i), options)).ToList();
        return new GenerationResult(truths);
    }

    internal static SimCouncil Simulate(GenerationOptions options, int councilIndex) =>
        new CouncilSimulator(options, CouncilList.Current[options.FirstCouncil + councilIndex], options.FirstCouncil + councilIndex).Run();
}
