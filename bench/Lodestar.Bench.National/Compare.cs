using System.Globalization;

namespace Lodestar.Bench.National;

/// <summary>DuckDB's rows against Lodestar's CSV output (kpi,council,period_start,period_end,value,numerator,denominator,…), row by row.</summary>
internal static class Compare
{
    public static int Run(string duck, IReadOnlyList<string> lodestar)
    {
        var expected = Read(duck);
        var actual = lodestar.SelectMany(Read).ToDictionary(r => r.Key, r => r.Value);
        var differences = 0;
        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out var mine))
            {
                Report($"{key}: DuckDB has it, Lodestar does not");
            }
            else if (!Same(value.Value, mine.Value) || !Same(value.Numerator, mine.Numerator) || !Same(value.Denominator, mine.Denominator))
            {
                Report($"{key}: DuckDB {value}, Lodestar {mine}");
            }
        }

        foreach (var key in actual.Keys.Where(k => !expected.ContainsKey(k)))
        {
            Report($"{key}: Lodestar has it, DuckDB does not");
        }

        Console.WriteLine(differences == 0 ? $"identical: {expected.Count} rows" : $"DIFFERENT: {differences} of {expected.Count} rows");
        return differences == 0 ? 0 : 1;

        void Report(string line)
        {
            if (differences++ < 20)
            {
                Console.Error.WriteLine(line);
            }
        }
    }

    // Lodestar writes values rounded to 6 decimal places, DuckDB's are rounded the same way.
    private static bool Same(double? a, double? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-6;

    private static Dictionary<string, (double? Value, double? Numerator, double? Denominator)> Read(string path)
    {
        var rows = new Dictionary<string, (double?, double?, double?)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            rows[$"{cells[0]} {cells[1]} {cells[2]} {cells[3]}"] = (Number(cells[4]), Number(cells[5]), Number(cells[6]));
        }

        return rows;
    }

    private static double? Number(string cell) =>
        cell.Length == 0 || cell == "NULL" ? null : double.Parse(cell, CultureInfo.InvariantCulture);
}
