using Lodestar.Application.Imports;
using Lodestar.Application.Packs;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Problems;

namespace Lodestar.Web.Demo;

/// <summary>
/// A demo start (<c>Lodestar:Demo:Enabled</c>) loads the content the product was specified from, once,
/// into an empty database: the seed frameworks (samples/frameworks), the configured board packs (samples/packs), the LAC action plan with its savings
/// plan and the benefits register (samples/actions), the demo council's targets (samples/targets) and the
/// DfE's published benchmarks (samples/benchmarks). The synthetic child-level returns are generated
/// separately (<see cref="DemoReturns"/>) and stored as submissions.
/// </summary>
internal static class DemoContent
{
    /// <summary>Who the demo's imports are by, in the audit log.</summary>
    public const string Actor = "demo";

    /// <summary>The samples folder the build copies beside the app.</summary>
    public static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "samples");

    public static async Task LoadAsync(LodestarDbContext db, string samples, ILogger logger, CancellationToken cancellationToken = default)
    {
        var frameworks = new FrameworkStore(db);
        if ((await frameworks.ListAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        // The same imports as a user's, audited as the demo's.
        var importer = new Importer(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
        var stored = await importer.FrameworksAsync(Actor, Directory.GetFiles(Path.Combine(samples, "frameworks"), "*.yaml").Order(StringComparer.Ordinal).ToList(), cancellationToken);
        Require(stored, "the sample frameworks");

        // The configured board packs (docs/packs.md), each checked against its framework.
        foreach (var file in Directory.GetFiles(Path.Combine(samples, "packs"), "*.yaml").Order(StringComparer.Ordinal))
        {
            Require(await PackConfigs.ImportAsync(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, Actor, file, cancellationToken), Path.GetFileName(file));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(samples, "actions"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var actions = await importer.ActionsAsync(Actor, file, cancellationToken);
            Require(actions, Path.GetFileName(file));
            Require(new Result(actions.Value.TargetProblems), $"{Path.GetFileName(file)}'s targets");
        }

        foreach (var file in Directory.GetFiles(Path.Combine(samples, "targets"), "*.csv").Order(StringComparer.Ordinal))
        {
            Require(await importer.TargetsAsync(Actor, file, cancellationToken), Path.GetFileName(file));
        }

        // The DfE's main statistics, then the National Framework dashboard's figures (docs/benchmarks-data.md):
        // each folder with its own mapping, the second keeping the statistical neighbour model of the first.
        var measures = 0;
        foreach (var (folder, mapping) in new[]
        {
            (Path.Combine(samples, "benchmarks", "dfe"), Path.Combine(samples, "benchmarks", "mapping.yaml")),
            (Path.Combine(samples, "benchmarks", "national-framework"), Path.Combine(samples, "benchmarks", "national-framework", "mapping.yaml")),
        })
        {
            var benchmarks = await importer.BenchmarksAsync(Actor, folder, mapping, cancellationToken);
            Require(benchmarks.Result, $"the DfE benchmark files in {Path.GetFileName(folder)}");
            measures += benchmarks.Result.Value.Counts.Count;
        }

        logger.LogInformation(
            "Loaded the demo content: {Frameworks} frameworks, the sample action plans, targets and {Measures} benchmark measures.",
            stored.Value.Count, measures);
    }

    private static void Require(Result result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo content: {what} was refused: {string.Join("; ", result.Problems.Take(5))}");
        }
    }
}
