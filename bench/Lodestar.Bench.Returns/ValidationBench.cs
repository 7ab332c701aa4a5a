using System.Diagnostics;
using Lodestar.Formats;
using Lodestar.Formats.Validation;

namespace Lodestar.Bench.Returns;

/// <summary>
/// Issue 12's speed goal (docs/benchmarks.md, "Validation (issue 12)"): validating generated councils' returns costs under
/// 10 % of reading them. Reading is <see cref="StatutoryDataLoader.Load(IEnumerable{string}, LoadOptions?, IProgress{string}?)"/>
/// on the councils' folder; validating is <see cref="ReturnValidator.Validate"/> on what it read (every 903 and CIN rule).
/// </summary>
internal static class ValidationBench
{
    public static int Run(string folder, int runs)
    {
        var councils = Directory.GetDirectories(folder).Length;
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {councils} generated councils in {folder}");
        var times = new List<(double Read, double Validate, int Findings)>();
        for (var run = 0; run <= runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var loaded = StatutoryDataLoader.Load([folder]);
            var read = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var findings = ReturnValidator.Validate(loaded).Count;
            var validate = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine($"{(run == 0 ? "warm-up" : $"run {run}")}: reading {read:0} ms, validating {validate:0} ms ({validate / read:P1}), {findings:N0} findings");
            if (run > 0)
            {
                times.Add((read, validate, findings));
            }

            GC.Collect();
        }

        var readMedian = Median(times.Select(t => t.Read));
        var validateMedian = Median(times.Select(t => t.Validate));
        Console.WriteLine($"Medians of {runs} runs: reading {readMedian:0} ms, validating {validateMedian:0} ms; validating / reading {validateMedian / readMedian:P1}");
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
