using System.Diagnostics;
using Lodestar.Domain.Periods;
using Lodestar.Formats;
using Lodestar.Formats.Validation;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Bench.National;

/// <summary>Where one load-validate-compute of a folder spends its CPU time and allocation, phase by phase, on one thread.</summary>
internal static class Profile
{
    public static void Run(string folder, IReadOnlyList<string> kpis)
    {
        var cin = Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).ToList();
        var csv = Directory.EnumerateFiles(folder, "*.csv", SearchOption.AllDirectories).Where(f => !f.EndsWith("population.csv", StringComparison.Ordinal)).ToList();
        var cinBytes = cin.Sum(f => new FileInfo(f).Length);
        var csvBytes = csv.Sum(f => new FileInfo(f).Length);
        var rows = csv.Sum(f => File.ReadLines(f).LongCount() - 1);

        // Warm up: the first load of a file JIT-compiles the readers.
        StatutoryDataLoader.Load([.. cin.Take(1), .. csv.Take(11)]);
        var (cinLoad, t1, a1) = Measure(() => StatutoryDataLoader.Load(cin));
        Console.WriteLine($"CIN XML   {cinBytes / 1e6,8:N0} MB  {t1,6:N2} s  {cinBytes / 1e6 / t1,6:N0} MB/s  alloc {a1 / (double)cinBytes:N2} B/B");
        var (_, t0, _) = Measure(() => cin.Sum(XmlNodes));
        Console.WriteLine($"  of which XmlReader alone (every node, no values)  {t0,6:N2} s  {cinBytes / 1e6 / t0,6:N0} MB/s");
        var builders = cin.GroupBy(f => Path.GetDirectoryName(Path.GetDirectoryName(f))).Select(g => (Builder: new Lodestar.Metrics.Records.CinBuilder(g.Key!), Files: g.ToList())).ToList();
        var (_, tr, _) = Measure(() => builders.Sum(b => b.Files.Count(f => Lodestar.Formats.Cin.CinXmlReader.Read(f, b.Builder, []).Refusal is null)));
        var (_, tb, _) = Measure(() => builders.Sum(b => b.Builder.Build().Children.Count));
        Console.WriteLine($"  of which reading {tr,6:N2} s, building (sort, merge the years) {tb,6:N2} s");
        var (csvLoad, t2, a2) = Measure(() => StatutoryDataLoader.Load(csv));
        Console.WriteLine($"903 CSV   {csvBytes / 1e6,8:N0} MB  {t2,6:N2} s  {rows / 1e6 / t2,6:N2} M rows/s  alloc {a2 / (double)csvBytes:N2} B/B");
        var loaded = StatutoryDataLoader.Load([folder]);
        var (_, t3, a3) = Measure(() => ReturnValidator.Validate(loaded));
        Console.WriteLine($"validate  {t3,6:N2} s  alloc {a3 / 1e6:N0} MB");
        var periods = NationalKpis.Months();
        var engine = new KpiEngine();
        var datasets = loaded.Councils.Select(KpiDataset.Of).ToList();
        engine.Compute(datasets[0], periods, null);
        var (_, t4, a4) = Measure(() => datasets.Sum(d => engine.Compute(d, periods, kpis).Count));
        Console.WriteLine($"compute {kpis.Count} KPIs monthly  {t4,6:N2} s  alloc {a4 / 1e6:N0} MB");
        var (_, t5, _) = Measure(() => datasets.Sum(d => engine.Compute(d, periods, null).Count));
        Console.WriteLine($"compute whole catalogue monthly  {t5,6:N2} s");
        Select(engine, datasets, periods, kpis);
        GC.KeepAlive(cinLoad);
        GC.KeepAlive(csvLoad);
    }

    /// <summary>
    /// Asking some KPIs against asking their whole families (what `--kpi` cost before the sweeps skipped the
    /// work no asked KPI needs): medians of three, CPU seconds for five computations of every council, monthly.
    /// </summary>
    public static void Select(KpiEngine engine, IReadOnlyList<KpiDataset> datasets, IReadOnlyList<Period> periods, IReadOnlyList<string> kpis)
    {
        Console.WriteLine("KPIs asked (monthly, every council, 5 times)  asked only    their families");
        foreach (var asked in (IReadOnlyList<string>[])[kpis, .. kpis.Select(k => (IReadOnlyList<string>)[k])])
        {
            var families = asked.Select(k => KpiCatalog.All[KpiCatalog.IndexOf(k)].Source).ToHashSet();
            var family = KpiCatalog.All.Where(k => families.Contains(k.Source)).Select(k => k.Id).ToList();
            var alone = Median(() => Measure(() => Repeat(5, () => datasets.Sum(d => engine.Compute(d, periods, asked).Count))).Seconds);
            var whole = Median(() => Measure(() => Repeat(5, () => datasets.Sum(d => engine.Compute(d, periods, family).Count))).Seconds);
            Console.WriteLine($"  {string.Join(",", asked),-44} {alone,6:N2} s      {whole,6:N2} s  ({family.Count} KPIs)");
        }
    }

    private static int Repeat(int times, Func<int> work)
    {
        var sum = 0;
        for (var i = 0; i < times; i++)
        {
            sum += work();
        }

        return sum;
    }

    private static double Median(Func<double> run)
    {
        double[] runs = [run(), run(), run()];
        Array.Sort(runs);
        return runs[1];
    }

    private static long XmlNodes(string path)
    {
        using var xml = System.Xml.XmlReader.Create(path, new System.Xml.XmlReaderSettings { IgnoreWhitespace = true, IgnoreComments = true });
        var nodes = 0L;
        while (xml.Read())
        {
            nodes++;
        }

        return nodes;
    }

    // Seconds of this process's CPU, not wall time: the bench machine's cores are shared, and one thread's CPU is its time alone.
    private static (T Result, double Seconds, long Allocated) Measure<T>(Func<T> work)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = work();
        return (result, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - before);
    }
}
