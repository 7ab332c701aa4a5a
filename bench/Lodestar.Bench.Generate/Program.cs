using System.Diagnostics;
using Lodestar.Formats.Generation;

// Times `lodestar generate` at the brief's scale (150 councils × 5 years by default) into a temporary folder, in
// Release: dotnet run -c Release --project bench/Lodestar.Bench.Generate -- [councils] [children-per-council] [years]
// A plain stopwatch over a whole run is the honest measure here: one run takes seconds, not microseconds.
var councils = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 150;
var children = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var years = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
var options = new GenerationOptions(councils, children, years, 2025, seed: 1);
var folder = Path.Combine(Path.GetTempPath(), $"lodestar-bench-generate-{Environment.ProcessId}");

var warmUp = new GenerationOptions(1, 200, 1, 2025, 1);
SyntheticDataGenerator.Generate(warmUp, folder);
Directory.Delete(folder, recursive: true);

var simulateProcess = Process.GetCurrentProcess();
var simulateCpuBefore = simulateProcess.TotalProcessorTime;
var simulateOnly = Stopwatch.StartNew();
SyntheticDataGenerator.Simulate(new GenerationOptions(Math.Min(councils, 5), children, years, 2025, 1));
simulateOnly.Stop();
simulateProcess.Refresh();
var simulateCpu = simulateProcess.TotalProcessorTime - simulateCpuBefore;

var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var watch = Stopwatch.StartNew();
var result = SyntheticDataGenerator.Generate(options, folder);
watch.Stop();
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
var bytes = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
var files = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Count();
Directory.Delete(folder, recursive: true);

Console.WriteLine($"Cores: {Environment.ProcessorCount}");
Console.WriteLine($"Simulate only (no files, one thread), {Math.Min(councils, 5)} councils: {simulateOnly.Elapsed.TotalSeconds:0.00} s elapsed, {simulateCpu.TotalSeconds:0.00} s CPU");
Console.WriteLine($"Generate {councils} councils × {years} years, {children} children per council: {watch.Elapsed.TotalSeconds:0.0} s elapsed, {cpu.TotalSeconds:0.0} s CPU");
Console.WriteLine($"Load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine($"Wrote {files} files, {bytes / 1_000_000.0:0} MB; {result.Councils.Sum(c => c.Years[^1].LookedAfterAt31March)} children looked after at 31 March {options.YearEnd}");
