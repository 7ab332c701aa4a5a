using System.Text;
using Lodestar.Application.Benchmarks;

namespace Lodestar.Cli.Benchmarks;

/// <summary>The plain-text table `benchmarks show` prints by default.</summary>
internal static class BenchmarkTable
{
    public static string Render(BenchmarkResponse r)
    {
        var text = new StringBuilder();
        text.AppendLine($"{r.Council.Name} ({r.Council.Code}): {r.Measure.Id}, {r.Year}");
        text.AppendLine($"{r.Measure.Title} [{r.Measure.Unit}; {Direction(r.Measure.Polarity)}]");
        text.AppendLine();

        var rows = new List<(string Label, string Value)>
        {
            (r.Council.Name, Value(r.Council)),
            ("England", r.England is null ? "no row" : Value(r.England)),
            (r.Region is null ? "Region" : r.Region.Name, r.Region is null ? "no row" : Value(r.Region)),
            ($"Statistical neighbours' average ({r.StatisticalNeighbours.Used} of {r.StatisticalNeighbours.Listed})",
                r.StatisticalNeighbours.Average is { } a ? BenchmarksCommand.Format(a) : "none with a figure"),
        };
        if (r.Position is { } p)
        {
            rows.Add(("Rank among councils", $"{p.Rank} of {p.Of}{(r.Measure.Polarity == "neither" ? " (lowest first)" : "")}"));
            rows.Add(("Quartile", $"{p.Band} (boundaries {BenchmarksCommand.Format(p.LowerQuartile)} / {BenchmarksCommand.Format(p.Median)} / {BenchmarksCommand.Format(p.UpperQuartile)})"));
        }
        else
        {
            rows.Add(("Rank among councils", "none: the council has no published figure"));
        }

        var width = rows.Max(row => row.Label.Length);
        foreach (var (label, value) in rows)
        {
            text.AppendLine($"{label.PadRight(width)}  {value}");
        }

        if (r.StatisticalNeighbours.Neighbours.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Statistical neighbours");
            var nameWidth = r.StatisticalNeighbours.Neighbours.Max(n => (n.Name ?? n.Code).Length + n.Code.Length + 3);
            foreach (var n in r.StatisticalNeighbours.Neighbours)
            {
                var value = n.Value is { } v ? BenchmarksCommand.Format(v) : n.NoRow == true ? "no row" : $"suppressed ({n.Suppressed})";
                text.AppendLine($"{n.Position,3}  {$"{n.Name ?? n.Code} ({n.Code})".PadRight(nameWidth)}  {value}");
            }
        }

        text.AppendLine();
        text.AppendLine($"Source: {r.Measure.Source}");
        return text.ToString();
    }

    private static string Value(BenchmarkAreaInfo area) =>
        area.Value is { } v ? BenchmarksCommand.Format(v) : area.NoRow == true ? "no row" : $"suppressed ({area.Suppressed})";

    private static string Direction(string polarity) => polarity switch
    {
        "higher" => "higher is better",
        "lower" => "lower is better",
        _ => "no better direction",
    };
}
