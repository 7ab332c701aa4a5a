namespace Lodestar.Metrics.Records;

/// <summary>
/// The children of one dataset: each child's id as the file gave it (LAchildID / CHILD), mapped to a
/// dense int 0..Count-1 in first-seen order. Every table's Child column holds these ints.
/// </summary>
public sealed class ChildIndex
{
    private readonly StringTable _table = new();

    /// <summary>How many children.</summary>
    public int Count => _table.Count;

    /// <summary>The id the file gave child <paramref name="child"/>, for display and drill-through.</summary>
    public string IdOf(int child) => _table[child];

    /// <summary>The dense number of the child with id <paramref name="id"/>, or -1 when there is none.</summary>
    public int Find(ReadOnlySpan<char> id) => _table.Find(id);

    /// <inheritdoc cref="Find(ReadOnlySpan{char})"/>
    public int Find(string id) => Find(id.AsSpan());

    /// <summary>Forgets the children numbered from <paramref name="count"/> on (a file that turned out unreadable).</summary>
    internal void Truncate(int count) => _table.Truncate(count);

    /// <summary>The dense number of the child with id <paramref name="id"/>, adding the child when new.</summary>
    public int GetOrAdd(ReadOnlySpan<char> id) => _table.GetOrAdd(id);
}
