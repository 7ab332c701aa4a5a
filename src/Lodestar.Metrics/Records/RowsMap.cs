namespace Lodestar.Metrics.Records;

/// <summary>
/// How one builder's rows are carried into another's (<see cref="DatasetBuilder"/>'s Append): its children, codes and
/// files renumbered as the other builder numbers them.
/// </summary>
internal sealed class RowsMap(int[] children, int[] codes, int fileOffset)
{
    /// <summary>The other builder's number of each child.</summary>
    public int[] Children { get; } = children;

    /// <summary>The other builder's id of a code id (blank and <see cref="CodeTable.NotGiven"/> are the same in every dataset).</summary>
    public int Code(int id) => id > 0 ? codes[id] : id;

    /// <summary>Where a row came from, in the other builder's files (rows built by hand stay without a file).</summary>
    public SourceLocation At(SourceLocation at) => at.File >= 0 ? at with { File = at.File + fileOffset } : at;
}
