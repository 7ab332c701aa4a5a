namespace Lodestar.Metrics.Records;

public sealed partial class CinChildren
{
    /// <summary>Whether row <paramref name="row"/> records a disability: any Disability code other than NONE (blank codes ignored).</summary>
    /// <param name="row">The row.</param>
    /// <param name="codes">The dataset's code table (<see cref="CinData.Codes"/>).</param>
    public bool HasDisability(int row, CodeTable codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var none = codes.Find("NONE");
        foreach (var code in Disabilities[row])
        {
            if (code != none && code != CodeTable.Blank)
            {
                return true;
            }
        }

        return false;
    }
}
