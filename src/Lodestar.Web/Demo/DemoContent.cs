using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Formats.Actions;
using Lodestar.Formats.Benchmarks;
using Lodestar.Formats.Frameworks;

namespace Lodestar.Web.Demo;

/// <summary>
/// A demo start (<c>Lodestar:Demo:Enabled</c>) loads the content the product was specified from, once,
/// into an empty database: the seed frameworks (samples/frameworks), the LAC action plan with its savings
/// plan and the benefits register (samples/actions), the demo council's targets (samples/targets) and the
/// DfE's published benchmarks (samples/benchmarks). The synthetic child-level returns are generated
/// separately by <see cref="Returns.StatutoryDataStore"/>.
/// </summary>
public static class DemoContent
{
    /// <summary>The samples folder the build copies beside the app.</summary>
    public static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "samples");

    public static async Task LoadAsync(LodestarDbContext db, string samples, ILogger logger, CancellationToken cancellationToken = default)
    {
        var frameworks = new FrameworkStore(db);
        if ((await frameworks.ListAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var read = Directory.GetFiles(Path.Combine(samples, "frameworks"), "*.yaml").Order(StringComparer.Ordinal).Select(FrameworkYaml.ReadFile).ToList();
        Require(read.All(r => r.Succeeded), "a sample framework does not read", read.SelectMany(r => r.Problems).Select(p => p.ToString()));
        var stored = await frameworks.ImportAllAsync([.. read.Select(r => r.Value)], cancellationToken);
        Require(stored.All(s => s.Result.Succeeded), "a sample framework was refused", stored.SelectMany(s => s.Result.Problems));

        foreach (var file in Directory.GetFiles(Path.Combine(samples, "actions"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var document = ActionsYamlReader.ReadFile(file);
            Require(document.Succeeded, $"{Path.GetFileName(file)} does not read", document.Problems.Select(e => e.ToString()));
            await ActionsStore.ImportAsync(db, document.Value.Plan, document.Value.Savings, document.Value.Benefits, cancellationToken);
            if (document.Value.Plan is { } plan)
            {
                var targets = await ActionPlanTargets.StoreAsync(db, plan, cancellationToken);
                Require(targets.Succeeded, $"{Path.GetFileName(file)}'s targets were refused", targets.Problems);
            }
        }

        var measures = await frameworks.MeasuresAsync(cancellationToken: cancellationToken);
        var councils = await frameworks.CouncilCodesAsync(cancellationToken);
        foreach (var file in Directory.GetFiles(Path.Combine(samples, "targets"), "*.csv").Order(StringComparer.Ordinal))
        {
            var targets = TargetsFile.Read(file, measures.ContainsKey, c => councils.GetValueOrDefault(c));
            Require(targets.Succeeded, $"{Path.GetFileName(file)} does not read", targets.Problems.Select(p => p.ToString()));
            var result = await frameworks.SetTargetsAsync(targets.Value, cancellationToken);
            Require(result.Succeeded, $"{Path.GetFileName(file)} was refused", result.Problems);
        }

        var benchmarks = DfeBenchmarkReader.Read(Path.Combine(samples, "benchmarks", "dfe"), BenchmarkMapping.Load(Path.Combine(samples, "benchmarks", "mapping.yaml")));
        Require(benchmarks.Succeeded, "the DfE benchmark files do not read", benchmarks.Problems.Select(d => d.ToString()));
        var counts = await new BenchmarkStore(db).ImportAsync(benchmarks.Import, cancellationToken);
        logger.LogInformation(
            "Loaded the demo content: {Frameworks} frameworks, the sample action plans, targets and {Measures} benchmark measures.",
            stored.Count, counts.Count);
    }

    private static void Require(bool condition, string what, IEnumerable<object> problems)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Demo content: {what}: {string.Join("; ", problems.Take(5))}");
        }
    }
}
