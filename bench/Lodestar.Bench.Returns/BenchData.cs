using System.Globalization;
using System.Text;
using Lodestar.Domain.Councils;
using Lodestar.Formats;
using Lodestar.Formats.Generation;

namespace Lodestar.Bench.Returns;

/// <summary>One council's files for one return and collection year: one upload, one submission.</summary>
internal sealed record Upload(string Return, int Year, IReadOnlyList<InputFile> Files)
{
    public long Bytes => Files.Sum(f => (long)f.Content.Length);
}

/// <summary>
/// The generated returns the benchmarks run on, made once into a folder and reused: the demo council exactly as the
/// web app generates it (src/Lodestar.Web/Demo/DemoReturns.cs), and 150 councils at the demo's size.
/// </summary>
internal static class BenchData
{
    public const string DemoCouncil = "E10000003";

    /// <summary>As DemoReturns: 800 children looked after, five years to March 2025, its seed.</summary>
    public static string Demo(string root)
    {
        var folder = Path.Combine(root, "demo");
        var first = CouncilList.Current.Select((c, i) => (c.Code, i)).Single(c => c.Code == DemoCouncil).i;
        Ensure(folder, new GenerationOptions(councils: 1, childrenPerCouncil: 800, years: 5, yearEnd: 2025, seed: 20250331) { FirstCouncil = first });
        return folder;
    }

    /// <summary>The first N councils of the list at the demo's size (800 children looked after, five years), seed 1.</summary>
    public static string Councils(string root, int councils)
    {
        var folder = Path.Combine(root, $"councils-{councils}");
        Ensure(folder, new GenerationOptions(councils, childrenPerCouncil: 800, years: 5, yearEnd: 2025, seed: 1));
        return folder;
    }

    private static void Ensure(string folder, GenerationOptions options)
    {
        var done = Path.Combine(folder, ".complete");
        if (File.Exists(done))
        {
            return;
        }

        Console.Error.WriteLine($"generating {options.Councils} councils into {folder} (once; reused by later runs)…");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        SyntheticDataGenerator.Generate(options, folder);
        File.WriteAllText(done, "");
    }

    /// <summary>
    /// A council's uploads in the order the product takes a folder in (ReturnsFolderImport): the 903 a year at a time,
    /// then the CIN census a year at a time; each file read into memory, named by its file name, as an upload gives it.
    /// </summary>
    public static IReadOnlyList<Upload> Uploads(string councilFolder)
    {
        var ssda903 = Directory.GetFiles(Path.Combine(councilFolder, "903"), "*.csv")
            .GroupBy(YearOf).OrderBy(g => g.Key)
            .Select(g => new Upload("SSDA903", g.Key, [.. g.Order(StringComparer.Ordinal).Select(Read)]));
        var cin = Directory.GetFiles(Path.Combine(councilFolder, "cin"), "*.xml")
            .GroupBy(YearOf).OrderBy(g => g.Key)
            .Select(g => new Upload("CIN", g.Key, [.. g.Order(StringComparer.Ordinal).Select(Read)]));
        return [.. ssda903, .. cin];
    }

    private static InputFile Read(string path) => new(Path.GetFileName(path), File.ReadAllBytes(path));

    private static int YearOf(string path) =>
        int.Parse(Path.GetFileNameWithoutExtension(path)[^4..], CultureInfo.InvariantCulture);

    // Per table: the column that starts a row (rows starting after the cut are not yet in the extract) and the columns
    // that end it (blank when after the cut, with the reason that goes with them).
    private static readonly Dictionary<string, (string Start, string[] Ends)> Dated = new(StringComparer.Ordinal)
    {
        ["episodes"] = ("DECOM", ["DEC", "REC", "REASON_PLACE_CHANGE"]),
        ["reviews"] = ("REVIEW", []),
        ["ad1"] = ("DATE_INT", ["DATE_MATCH"]),
        ["placed_adoption"] = ("DATE_PLACED", ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]),
        ["missing"] = ("MIS_START", ["MIS_END"]),
        ["sw_episodes"] = ("SW_DECOM", ["SW_DEC", "SW_REASON"]),
        ["prev_perm"] = ("DATE_PERM", []),
    };

    /// <summary>
    /// A council's 903 extract for a year as it stood on <paramref name="cut"/>: rows that start after it left out, end
    /// dates after it blank (open), and children with no episode left dropped from every table. A fixture for "a new
    /// month's extract", not a model of the DfE's rules: it only has to be the same shape and size as the real one.
    /// </summary>
    public static Upload CutAt(Upload full, DateOnly cut)
    {
        var tables = full.Files.ToDictionary(f => TableOf(f.Name), f => Parse(f.Content), StringComparer.Ordinal);
        foreach (var (name, (header, rows)) in tables)
        {
            var start = Dated.TryGetValue(name, out var dated) ? Array.IndexOf(header, dated.Start) : -1;
            if (start < 0)
            {
                continue;
            }

            var ends = dated.Ends.Select(e => Array.IndexOf(header, e)).Where(i => i >= 0).ToArray();
            rows.RemoveAll(r => After(r[start], cut));
            foreach (var row in rows.Where(r => ends.Length > 0 && After(r[ends[0]], cut)))
            {
                foreach (var end in ends)
                {
                    row[end] = "";
                }
            }
        }

        var children = tables["episodes"].Rows.Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, rows) in tables.Values)
        {
            rows.RemoveAll(r => !children.Contains(r[0]));
        }

        return full with
        {
            Files = [.. full.Files.Select(f => new InputFile(f.Name, Write(tables[TableOf(f.Name)])))],
        };
    }

    /// <summary>The upload with a column of one table set to a value on every row (an invalid code: a finding per row).</summary>
    public static Upload WithValue(Upload upload, string table, string column, string value)
    {
        var file = upload.Files.Single(f => TableOf(f.Name) == table);
        var (header, rows) = Parse(file.Content);
        var index = Array.IndexOf(header, column);
        foreach (var row in rows)
        {
            row[index] = value;
        }

        return upload with { Files = [.. upload.Files.Select(f => f == file ? new InputFile(f.Name, Write((header, rows))) : f)] };
    }

    private static string TableOf(string fileName) => Path.GetFileNameWithoutExtension(fileName)[..^5];

    private static bool After(string text, DateOnly cut) =>
        DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date > cut;

    // The generator writes no quoted fields: a line is its values split at commas.
    private static (string[] Header, List<string[]> Rows) Parse(byte[] content)
    {
        var lines = Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        return (lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(','))]);
    }

    private static byte[] Write((string[] Header, List<string[]> Rows) table)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', table.Header)).Append('\n');
        foreach (var row in table.Rows)
        {
            text.Append(string.Join(',', row)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
