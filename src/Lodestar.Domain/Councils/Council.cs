namespace Lodestar.Domain.Councils;

/// <summary>
/// An English council as the DfE lists it: 9-character code (new_la_code, E10000003), 3-digit LA number
/// (old_la_code, 873), name, region. The one council identity: pages, the API and the database key by
/// <see cref="Code"/>; files that carry only the LA number (DfE benchmark CSVs, the 903 LA columns) are
/// converted at the edge with <see cref="CouncilList.Find"/>.
/// </summary>
public sealed record Council(string Code, string LaNumber, string Name, string Region)
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
