namespace Lodestar.Domain.Councils;

/// <summary>
/// England's regions as the DfE's files name them, with their ONS codes: the nine regions, London split
/// into Inner and Outer London (how the DfE compares London boroughs), and London whole.
/// </summary>
public static class Regions
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["North East"] = "E12000001",
        ["North West"] = "E12000002",
        ["Yorkshire and The Humber"] = "E12000003",
        ["East Midlands"] = "E12000004",
        ["West Midlands"] = "E12000005",
        ["East of England"] = "E12000006",
        ["London"] = "E12000007",
        ["Inner London"] = "E13000001",
        ["Outer London"] = "E13000002",
        ["South East"] = "E12000008",
        ["South West"] = "E12000009",
    };

    /// <summary>England's ONS code, what the DfE's national rows carry as country_code.</summary>
    public const string EnglandCode = "E92000001";

    /// <summary>The ONS code of the region named <paramref name="name"/> (any case); null for a name that is not a region.</summary>
    public static string? CodeOf(string? name) => name is not null && Codes.TryGetValue(name.Trim(), out var code) ? code : null;
}
