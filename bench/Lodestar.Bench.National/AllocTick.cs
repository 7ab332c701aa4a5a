using System.Diagnostics.Tracing;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Ssda903;
using Lodestar.Metrics.Records;

namespace Lodestar.Bench.National;

/// <summary>
/// What the 903 CSV reader allocates, by type: the runtime's allocation-tick events (one about every 100 KB
/// allocated, naming the type that crossed it) while every council's files are read into its builder.
/// Tells the reader's own allocation from the builders' storage (their Entry arrays and string tables).
/// </summary>
internal sealed class AllocTick : EventListener
{
    private readonly Dictionary<string, long> _ticks = [];

    public static void Run(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.csv", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("population.csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var councils = files.GroupBy(f => Path.GetDirectoryName(Path.GetDirectoryName(f))!).ToList();
        Fill(files.Take(30));
        using var listener = new AllocTick();
        foreach (var council in councils)
        {
            Fill(council);
        }

        var total = listener._ticks.Values.Sum();
        Console.WriteLine($"{total} ticks of about 100 KB");
        foreach (var (type, ticks) in listener._ticks.OrderByDescending(t => t.Value).Take(15))
        {
            Console.WriteLine($"  {ticks * 100.0 / total,5:N1} %  {type}");
        }
    }

    private static void Fill(IEnumerable<string> files)
    {
        var builder = new Ssda903Builder("E00000000");
        var diagnostics = new List<Problem>();
        foreach (var file in files)
        {
            Ssda903CsvReader.Read(file, builder, 0, diagnostics);
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick is verbose
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is not { } payload)
        {
            return;
        }

        var index = eventData.PayloadNames?.IndexOf("TypeName") ?? -1;
        var type = index >= 0 ? payload[index]?.ToString() ?? "?" : "?";
        lock (_ticks)
        {
            _ticks[type] = _ticks.GetValueOrDefault(type) + 1;
        }
    }
}
