namespace Lodestar.Domain.Councils;

/// <summary>
/// An English council as the DfE lists it: 9-character code (new_la_code, E10000003), 3-digit LA number
/// (old_la_code, 873), name, region. The one council identity: pages, the API and the database key by
/// <see cref="Code"/>; files that carry only the LA number (DfE benchmark CSVs, the 903 LA columns) are
/// converted at the edge with <see cref="CouncilList.Find"/>.
/// </summary>
/// <param name="Code">The DfE's new_la_code (an ONS code), E10000003.</param>
/// <param name="LaNumber">The DfE's old_la_code, 873: what the 903 and the benchmark files carry.</param>
/// <param name="Name">The council's name as the DfE writes it.</param>
/// <param name="Region">The region's name (London as Inner or Outer London).</param>
/// <param name="Abolished">
/// For a former council (Cumbria, 909, whose area passed to Cumberland and to Westmorland and Furness),
/// the day its successors took over (2023-04-01); null for a council today. The DfE's files still carry
/// former councils' figures, so benchmarks must name them.
/// </param>
public sealed record Council(string Code, string LaNumber, string Name, string Region, DateOnly? Abolished = null)
{
    /// <summary>True for a council that no longer exists (<see cref="Abolished"/> is set).</summary>
    public bool IsFormer => Abolished is not null;

    /// <summary>The ONS code of the council's region (London split into Inner and Outer, as the DfE files do).</summary>
    public string RegionCode => Regions.CodeOf(Region) ?? throw new InvalidOperationException($"Unknown region '{Region}'.");
}
