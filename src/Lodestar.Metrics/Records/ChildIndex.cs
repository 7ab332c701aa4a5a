namespace Lodestar.Metrics.Records;

/// <summary>
/// The children of one dataset: each child's id as the file gave it (LAchildID / CHILD), mapped to a
/// dense int 0..Count-1 in first-seen order. Every table's Child column holds these ints.
/// </summary>
public sealed class ChildIndex
{
    private readonly List<string> _ids = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanNumbers;

    public ChildIndex()
    {
        _spanNumbers = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many children.</summary>
    public int Count => _ids.Count;

    /// <summary>The id the file gave child <paramref name="child"/>, for display and drill-through.</summary>
    public string IdOf(int child) => _ids[child];

    /// <summary>The dense number of the child with id <paramref name="id"/>, or -1 when there is none.</summary>
    public int Find(ReadOnlySpan<char> id) => _spanNumbers.TryGetValue(id, out var n) ? n : -1;

    /// <inheritdoc cref="Find(ReadOnlySpan{char})"/>
    public int Find(string id) => Find(id.AsSpan());

    /// <summary>Forgets the children numbered from <paramref name="count"/> on (a file that turned out unreadable).</summary>
    internal void Truncate(int count)
    {
        for (var i = _ids.Count - 1; i >= count; i--)
        {
            _numbers.Remove(_ids[i]);
            _ids.RemoveAt(i);
        }
    }

    /// <summary>The dense number of the child with id <paramref name="id"/>, adding the child when new.</summary>
    public int GetOrAdd(ReadOnlySpan<char> id)
    {
        if (_spanNumbers.TryGetValue(id, out var n))
        {
            return n;
        }

        var text = id.ToString();
        n = _ids.Count;
        _ids.Add(text);
        _numbers.Add(text, n);
        return n;
    }
}
