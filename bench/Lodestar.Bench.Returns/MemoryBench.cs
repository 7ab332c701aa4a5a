using System.Diagnostics;
using System.Runtime.CompilerServices;
using Lodestar.Application.Returns;
using Lodestar.Formats;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Bench.Returns;

/// <summary>What councils' models hold once built: managed heap retained, the process's resident memory.</summary>
internal sealed record MemoryResult(int Councils, long RetainedBytes, long RssBytes, long PeakRssBytes, double Seconds);

/// <summary>
/// Builds councils' models into one <see cref="StatutoryDataStore"/> as the app does from their confirmed submissions:
/// each council's files, one <see cref="InputYear"/> per submission (return and year), through
/// <see cref="StatutoryDataLoader.Load(string, IEnumerable{InputYear}, ReadLimits?, bool)"/> — what
/// <see cref="ConfirmedReturns.LoadAsync(Lodestar.Data.LodestarDbContext, string, CancellationToken)"/> gives the store, read from the generated files instead of a database so 150
/// councils need not be submitted first. The retained size is the managed heap after a full collection, after less
/// before, with the files' bytes let go.
/// </summary>
internal static class MemoryBench
{
    public static (MemoryResult Result, StatutoryDataStore Store) Build(IReadOnlyList<string> councilFolders, PopulationEstimates population)
    {
        var store = new StatutoryDataStore(population);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        foreach (var folder in councilFolders)
        {
            Add(store, folder);
        }

        watch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(store);
        return (new MemoryResult(councilFolders.Count, after - before, Rss("VmRSS"), Rss("VmHWM"), watch.Elapsed.TotalSeconds), store);
    }

    // Apart, so nothing of the files outlives the call but the model.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Add(StatutoryDataStore store, string folder)
    {
        var council = Path.GetFileName(folder);
        var years = BenchData.Uploads(folder).Select(u => new InputYear(u.Year, u.Files)).ToList();
        store.RefreshAsync(council, 1, _ => Task.FromResult(StatutoryDataLoader.Load(council, years, new ReadLimits(long.MaxValue), keepReplaced: false))).GetAwaiter().GetResult();
    }

    /// <summary>A line of /proc/self/status in bytes (VmRSS: resident now; VmHWM: the peak), 0 off Linux.</summary>
    public static long Rss(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return 0;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
