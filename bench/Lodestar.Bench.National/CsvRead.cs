using Lodestar.Domain.Problems;
using Lodestar.Formats;
using Lodestar.Formats.Ssda903;
using Lodestar.Metrics.Records;

namespace Lodestar.Bench.National;

/// <summary>
/// The 903 CSVs alone, on one thread (CPU seconds and bytes allocated, medians of three): the loader end to end,
/// and its two halves — the reader filling each council's builder, then the builders' Build (sorting and
/// merging the years). `allocs` tells the reader's own allocation from the storage it fills.
/// </summary>
internal static class CsvRead
{
    public static void Run(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.csv", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("population.csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var rows = files.Sum(f => File.ReadLines(f).LongCount() - 1);
        var councils = files.GroupBy(f => Path.GetDirectoryName(Path.GetDirectoryName(f))!).ToList();
        Console.WriteLine($"903 CSV: {files.Count:N0} files, {bytes / 1e6:N1} MB, {rows:N0} rows");

        // Warm up: the JIT's first tiers would be counted otherwise.
        for (var i = 0; i < 3; i++)
        {
            StatutoryDataLoader.Load(files);
        }

        Report("loader (read + build)", bytes, rows, null, () => StatutoryDataLoader.Load(files).Councils.Count);
        Report("reader into the builders", bytes, rows, null, () => councils.Select(c => Fill(c.Key, c)).Count());
        List<Ssda903Builder> builders = [];

        Report("build", bytes, rows, () => builders = [.. councils.Select(c => Fill(c.Key, c))], () => builders.Sum(b => b.Build().Episodes.Count));
    }

    private static Ssda903Builder Fill(string council, IEnumerable<string> files)
    {
        var builder = new Ssda903Builder(Path.GetFileName(council));
        var diagnostics = new List<Problem>();
        foreach (var file in files)
        {
            Ssda903CsvReader.Read(file, builder, 0, diagnostics);
        }

        return builder;
    }

    private static void Report(string label, long bytes, long rows, Action? setup, Func<int> work)
    {
        var runs = new List<(double Seconds, long Allocated)>();
        for (var i = 0; i < 3; i++)
        {
            setup?.Invoke();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            work();
            var seconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            runs.Add((seconds, GC.GetTotalAllocatedBytes(precise: true) - allocated));
        }

        runs.Sort();
        var (s, a) = runs[1];
        Console.WriteLine($"  {label,-28} {s,6:N2} s  {rows / 1e6 / s,6:N2} M rows/s  {bytes / 1e6 / s,7:N0} MB/s  alloc {a / (double)bytes,6:N2} B/B");
    }
}
