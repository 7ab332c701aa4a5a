using System.Diagnostics;
using Lodestar.Formats;
using Lodestar.Formats.Validation;

namespace Lodestar.Bench.Returns;

/// <summary>
/// Issue 12's speed goal (docs/benchmarks.md, "Validation (issue 12)"): validating generated councils' returns costs under
/// 10 % of reading them. Reading is <see cref="StatutoryDataLoader.Load(IEnumerable{string}, LoadOptions?, IProgress{string}?)"/>
/// on the councils' folder; validating is <see cref="ReturnValidator.Validate"/> on what it read (every 903 and CIN rule), three
/// times a run, the fastest kept. Wall time and the process's CPU time are both given: on a shared machine the CPU time is
/// the steadier.
/// </summary>
internal static class ValidationBench
{
    public static int Run(string folder, int runs)
    {
        var councils = Directory.GetDirectories(folder).Length;
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {councils} generated councils in {folder}");
        var times = new List<(double Read, double Validate, double ReadCpu, double ValidateCpu, int Findings)>();
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run <= runs; run++)
        {
            var cpu = Cpu(process);
            var watch = Stopwatch.StartNew();
            var loaded = StatutoryDataLoader.Load([folder]);
            var read = watch.Elapsed.TotalMilliseconds;
            var readCpu = Cpu(process) - cpu;
            // Validating is short beside reading, so a burst of other work on the machine skews it more: three times, the fastest kept.
            var (validate, validateCpu, findings) = (double.MaxValue, double.MaxValue, 0);
            var (allocated, gen0, gen2) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2));
            for (var again = 0; again < 3; again++)
            {
                cpu = Cpu(process);
                watch.Restart();
                findings = ReturnValidator.Validate(loaded).Count;
                validate = Math.Min(validate, watch.Elapsed.TotalMilliseconds);
                validateCpu = Math.Min(validateCpu, Cpu(process) - cpu);
                if (run == 0 && again == 0)
                {
                    // What `lodestar validate` does: one validation in a new process, the rules compiled on first use.
                    Console.WriteLine($"first validation in the process: {validate:0} ms ({validateCpu:0} ms CPU) after reading {read:0} ms ({readCpu:0} ms CPU)");
                }
            }

            // What a validation allocates and the collections it causes (the three alike): a check that the rules do not churn memory.
            var perValidation = $"{(GC.GetTotalAllocatedBytes() - allocated) / 3 / 1e6:0} MB allocated, {(GC.CollectionCount(0) - gen0) / 3.0:0.#} collections ({(GC.CollectionCount(2) - gen2) / 3.0:0.#} full)";
            Console.WriteLine($"{(run == 0 ? "warm-up" : $"run {run}")}: reading {read:0} ms ({readCpu:0} ms CPU), validating {validate:0} ms ({validateCpu:0} ms CPU): {validate / read:P1} ({validateCpu / readCpu:P1} of the CPU), {findings:N0} findings, {perValidation} a validation; load average {Load()}");
            if (run > 0)
            {
                times.Add((read, validate, readCpu, validateCpu, findings));
            }

            GC.Collect();
        }

        var readMedian = Median(times.Select(t => t.Read));
        var validateMedian = Median(times.Select(t => t.Validate));
        var readCpuMedian = Median(times.Select(t => t.ReadCpu));
        var validateCpuMedian = Median(times.Select(t => t.ValidateCpu));
        Console.WriteLine($"Medians of {runs} runs: reading {readMedian:0} ms, validating {validateMedian:0} ms: {validateMedian / readMedian:P1}; CPU: reading {readCpuMedian:0} ms, validating {validateCpuMedian:0} ms: {validateCpuMedian / readCpuMedian:P1}");
        var readBest = times.Min(t => t.Read);
        var validateBest = times.Min(t => t.Validate);
        Console.WriteLine($"Fastest of {runs} runs: reading {readBest:0} ms, validating {validateBest:0} ms: {validateBest / readBest:P1}");
        return 0;
    }

    // The process's CPU time (every thread: GC and JIT's too), milliseconds.
    private static double Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
