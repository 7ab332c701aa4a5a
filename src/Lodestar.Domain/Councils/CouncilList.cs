namespace Lodestar.Domain.Councils;

/// <summary>The English councils, in samples/councils.tsv order (embedded in this assembly, the one copy every project reads).</summary>
public static class CouncilList
{
    private static readonly Lazy<IReadOnlyList<Council>> Councils = new(Load);

    public static IReadOnlyList<Council> All => Councils.Value;

    /// <summary>
    /// The council with code <paramref name="codeOrLaNumber"/> (E10000003, any case) or LA number (873);
    /// null when the list holds neither. Files that carry only one of the two convert here.
    /// </summary>
    public static Council? Find(string? codeOrLaNumber)
    {
        var text = codeOrLaNumber?.Trim() ?? "";
        return text.Length == 0 ? null : All.FirstOrDefault(c => string.Equals(c.Code, text, StringComparison.OrdinalIgnoreCase) || c.LaNumber == text);
    }

    private static IReadOnlyList<Council> Load()
    {
        using var stream = typeof(CouncilList).Assembly.GetManifestResourceStream("Lodestar.Domain.councils.tsv")
            ?? throw new InvalidOperationException("The council list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var councils = new List<Council>();
        reader.ReadLine(); // header: code, la_number, name, region
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split('\t');
            councils.Add(new Council(cells[0], cells[1], cells[2], cells[3]));
        }

        return councils;
    }
}
