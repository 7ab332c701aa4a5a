using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Lodestar.Domain.Councils;
using Lodestar.Formats.Generation;

namespace Lodestar.Formats.Tests.Generation;

/// <summary>A generator run in a temporary folder, with plain readers written for the tests (not the product's readers).</summary>
public class GeneratedFiles : IDisposable
{
    public GeneratedFiles(GenerationOptions options)
    {
        Options = options;
        Folder = Path.Combine(Path.GetTempPath(), "lodestar-generate-tests", Guid.NewGuid().ToString("N"));
        Result = SyntheticDataGenerator.Generate(options, Folder);
    }

    public GenerationOptions Options { get; }

    public string Folder { get; }

    public GenerationResult Result { get; }

    public string FirstCouncil => CouncilList.Current[0].Code;

    public string TablePath(string council, string table, int year) => Path.Combine(Folder, council, "903", $"{table}_{year}.csv");

    // Read once each: the files do not change, and the tests only read what is parsed.
    private readonly ConcurrentDictionary<string, List<Dictionary<string, string>>> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, XDocument> _censuses = new(StringComparer.Ordinal);

    public List<Dictionary<string, string>> Table(string council, string table, int year) =>
        _tables.GetOrAdd(TablePath(council, table, year), ReadCsv);

    public XDocument Census(string council, int year) =>
        _censuses.GetOrAdd(Path.Combine(Folder, council, "cin", $"cin_{year}.xml"), path => XDocument.Load(path));

    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            Assert.Equal(header.Length, cells.Length);
            return header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }).ToList();
    }

    public static DateOnly Date903(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static DateOnly DateCin(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>One council of about 150,000 children over 5 years (3,000 children looked after at some time).</summary>
public sealed class LargeCouncil() : GeneratedFiles(new GenerationOptions(councils: 1, childrenPerCouncil: 3000, years: 5, yearEnd: 2025, seed: 7));

/// <summary>
/// Three small councils over the years when the code lists change (2022 to 2026): generated once for the
/// test assembly (an assembly fixture, see AssemblyFixtures.cs) and read by several classes.
/// </summary>
public sealed class SmallCouncils() : GeneratedFiles(new GenerationOptions(councils: 3, childrenPerCouncil: 400, years: 5, yearEnd: 2026, seed: 11));
