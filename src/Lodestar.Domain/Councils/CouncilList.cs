using System.Globalization;

namespace Lodestar.Domain.Councils;

/// <summary>
/// The English councils, in samples/councils.tsv order (embedded in this assembly, the one copy every project
/// reads): the councils today, then the former councils the DfE's benchmark files still carry.
/// </summary>
public static class CouncilList
{
    private static readonly Lazy<IReadOnlyList<Council>> Councils = new(Load);

    private static readonly Lazy<IReadOnlyList<Council>> Today = new(() => [.. All.Where(c => !c.IsFormer)]);

    /// <summary>Every council the list holds, current and former: what <see cref="Find"/> searches.</summary>
    public static IReadOnlyList<Council> All => Councils.Value;

    /// <summary>The councils today (no former council), alphabetical: pickers, reference data, the generator.</summary>
    public static IReadOnlyList<Council> Current => Today.Value;

    /// <summary>
    /// The council with code <paramref name="codeOrLaNumber"/> (E10000003, any case) or LA number (873),
    /// current or former (see <see cref="Council.IsFormer"/>); null when the list holds neither. Files that
    /// carry only one of the two convert here.
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
        reader.ReadLine(); // header: code, la_number, name, region, abolished (yyyy-MM-dd, former councils only)
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split('\t');
            DateOnly? abolished = cells.Length > 4 && cells[4].Length > 0
                ? DateOnly.ParseExact(cells[4], "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
            councils.Add(new Council(cells[0], cells[1], cells[2], cells[3], abolished));
        }

        return councils;
    }
}
