namespace Lodestar.Domain.Councils;

/// <summary>An English council as the DfE lists it: 9-character code (E10000003), 3-digit LA number, name, region.</summary>
public sealed record CouncilInfo(string Code, string LaNumber, string Name, string Region)
{
    /// <summary>The ONS code of the council's region (London split into Inner and Outer, as the DfE files do).</summary>
    public string RegionCode => Region switch
    {
        "North East" => "E12000001",
        "North West" => "E12000002",
        "Yorkshire and The Humber" => "E12000003",
        "East Midlands" => "E12000004",
        "West Midlands" => "E12000005",
        "East of England" => "E12000006",
        "Inner London" => "E13000001",
        "Outer London" => "E13000002",
        "South East" => "E12000008",
        "South West" => "E12000009",
        _ => throw new InvalidOperationException($"Unknown region '{Region}'."),
    };
}

/// <summary>The English councils, in samples/councils.tsv order (embedded in this assembly, the one copy every project reads).</summary>
public static class CouncilList
{
    private static readonly Lazy<IReadOnlyList<CouncilInfo>> Councils = new(Load);

    public static IReadOnlyList<CouncilInfo> All => Councils.Value;

    private static IReadOnlyList<CouncilInfo> Load()
    {
        using var stream = typeof(CouncilList).Assembly.GetManifestResourceStream("Lodestar.Domain.councils.tsv")
            ?? throw new InvalidOperationException("The council list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var councils = new List<CouncilInfo>();
        reader.ReadLine(); // header: code, la_number, name, region
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split('\t');
            councils.Add(new CouncilInfo(cells[0], cells[1], cells[2], cells[3]));
        }

        return councils;
    }
}
