namespace Lodestar.Metrics.Records;

/// <summary>
/// Collects one table's rows in arrival order, then sorts them by group (child or referral), key date
/// and arrival, applies the merge rule between returns, and computes the group offsets.
/// </summary>
internal sealed class TableBuilder<TRow>
    where TRow : struct
{
    internal struct Entry
    {
        public int Group;
        public int Key;
        public int Order;
        public SourceLocation At;
        public int ListStart;
        public int ListLength;
        public TRow Row;
    }

    private Entry[] _entries = new Entry[16];
    private readonly List<int> _list = [];

    public int Count { get; private set; }

    /// <summary>Adds a row; returns its arrival number (a handle for rows that belong to it).</summary>
    public int Add(int group, int key, in TRow row, SourceLocation at, ReadOnlySpan<int> list = default)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        ref var entry = ref _entries[Count];
        entry.Group = group;
        entry.Key = key;
        entry.Order = Count;
        entry.At = at;
        entry.ListStart = _list.Count;
        entry.ListLength = list.Length;
        entry.Row = row;
        foreach (var value in list)
        {
            _list.Add(value);
        }

        return Count++;
    }

    /// <summary>
    /// Adds every row of <paramref name="source"/> in its arrival order, as if they had been added here after the rows so far:
    /// each row's group through <paramref name="groups"/> (or moved on by <paramref name="groupOffset"/> when null), its file
    /// and codes through <paramref name="map"/> (<paramref name="mapRow"/> maps the row's code columns; <paramref name="listCodes"/>:
    /// its list column holds codes, else dates). <paramref name="source"/> is left as it was.
    /// </summary>
    public void Append(TableBuilder<TRow> source, int[]? groups, int groupOffset, RowsMap map, RowMap? mapRow, bool listCodes)
    {
        if (Count + source.Count > _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(_entries.Length * 2, Count + source.Count));
        }

        for (var i = 0; i < source.Count; i++)
        {
            ref readonly var from = ref source._entries[i];
            ref var entry = ref _entries[Count];
            entry = from;
            entry.Group = groups is null ? from.Group + groupOffset : groups[from.Group];
            entry.Order = Count;
            entry.At = map.At(from.At);
            entry.ListStart = _list.Count;
            mapRow?.Invoke(ref entry.Row, map);
            for (var j = 0; j < from.ListLength; j++)
            {
                var value = source._list[from.ListStart + j];
                _list.Add(listCodes ? map.Code(value) : value);
            }

            Count++;
        }
    }

    /// <summary>Maps a row's code columns into another dataset's codes (<see cref="Append"/>).</summary>
    internal delegate void RowMap(ref TRow row, RowsMap map);

    /// <summary>Forgets every row from arrival number <paramref name="count"/> on (a file that turned out unreadable).</summary>
    public void Truncate(int count)
    {
        if (count < Count)
        {
            _list.RemoveRange(_entries[count].ListStart, _list.Count - _entries[count].ListStart);
            Count = count;
        }
    }

    /// <summary>Lets <paramref name="update"/> change each row and its key, given where it came from.</summary>
    public void Update(RowUpdate update)
    {
        for (var i = 0; i < Count; i++)
        {
            update(ref _entries[i].Row, ref _entries[i].Key, _entries[i].At);
        }
    }

    internal delegate void RowUpdate(ref TRow row, ref int key, SourceLocation at);

    /// <summary>The group of the row with arrival number <paramref name="handle"/>.</summary>
    public int GroupOf(int handle) => _entries[handle].Group;

    /// <summary>The key of the row with arrival number <paramref name="handle"/>.</summary>
    public int KeyOf(int handle) => _entries[handle].Key;

    /// <summary>
    /// Sorts, merges and packs the rows.
    /// </summary>
    /// <param name="groupCount">How many groups (children or referrals) there are.</param>
    /// <param name="filePrecedence">Each file's rank: among rows with the same group and key from different files,
    /// only those from the highest-ranked file are kept. Null: nothing is merged.</param>
    /// <param name="groupMap">When given, each row's group is replaced by groupMap[group] first, and rows mapped to -1 are dropped.</param>
    public Packed Finish(int groupCount, long[]? filePrecedence, int[]? groupMap = null)
    {
        var order = new List<int>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (groupMap is not null)
            {
                var mapped = groupMap[_entries[i].Group];
                if (mapped < 0)
                {
                    continue;
                }

                _entries[i].Group = mapped;
            }

            order.Add(i);
        }

        if (!IsSorted(order))
        {
            order = SortedByGroupKeyArrival(order);
        }

        if (filePrecedence is not null)
        {
            order = Merge(order, filePrecedence, replaced: false);
        }

        return Pack(order, groupCount);
    }

    /// <summary>
    /// Sorts and packs the rows the merge rule drops: those with the same group and key as a row from a higher-ranked
    /// file (a later year's return), so that a rule comparing a return with last year's can read last year's as given.
    /// </summary>
    public Packed FinishReplaced(int groupCount, long[] filePrecedence)
    {
        var order = new List<int>(Count);
        for (var i = 0; i < Count; i++)
        {
            order.Add(i);
        }

        if (!IsSorted(order))
        {
            order = SortedByGroupKeyArrival(order);
        }

        return Pack(Merge(order, filePrecedence, replaced: true), groupCount);
    }

    private Packed Pack(List<int> order, int groupCount)
    {
        var map = new int[Count];
        Array.Fill(map, -1);
        var rows = new Entry[order.Count];
        var listOffsets = new int[order.Count + 1];
        var listValues = new List<int>();
        var groupOffsets = new int[groupCount + 1];
        for (var i = 0; i < order.Count; i++)
        {
            var entry = _entries[order[i]];
            map[entry.Order] = i;
            rows[i] = entry;
            groupOffsets[entry.Group + 1]++;
            for (var j = 0; j < entry.ListLength; j++)
            {
                listValues.Add(_list[entry.ListStart + j]);
            }

            listOffsets[i + 1] = listValues.Count;
        }

        for (var g = 0; g < groupCount; g++)
        {
            groupOffsets[g + 1] += groupOffsets[g];
        }

        return new Packed(rows, groupOffsets, new ListColumn(listOffsets, [.. listValues]), map);
    }

    // Sorts on one 64-bit key (group, then key date), then restores arrival order inside runs of equal keys.
    private List<int> SortedByGroupKeyArrival(List<int> order)
    {
        var keys = new long[order.Count];
        var items = order.ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            ref var entry = ref _entries[items[i]];
            keys[i] = ((long)entry.Group << 32) | (uint)(entry.Key ^ int.MinValue);
        }

        Array.Sort(keys, items);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(items, start, end - start);
            }

            start = end;
        }

        return [.. items];
    }

    private bool IsSorted(List<int> order)
    {
        for (var i = 1; i < order.Count; i++)
        {
            ref var a = ref _entries[order[i - 1]];
            ref var b = ref _entries[order[i]];
            if (a.Group > b.Group || (a.Group == b.Group && a.Key > b.Key))
            {
                return false;
            }
        }

        return true;
    }

    // Keeps the rows of each run of equal group and key from the highest-ranked file (and rows built by hand), or with
    // replaced, only the others.
    private List<int> Merge(List<int> order, long[] filePrecedence, bool replaced)
    {
        var kept = new List<int>(order.Count);
        var start = 0;
        while (start < order.Count)
        {
            var first = _entries[order[start]];
            var end = start + 1;
            while (end < order.Count && _entries[order[end]].Group == first.Group && _entries[order[end]].Key == first.Key)
            {
                end++;
            }

            var best = long.MinValue;
            for (var i = start; i < end; i++)
            {
                var file = _entries[order[i]].At.File;
                if (file >= 0)
                {
                    best = Math.Max(best, filePrecedence[file]);
                }
            }

            for (var i = start; i < end; i++)
            {
                var file = _entries[order[i]].At.File;
                if ((file < 0 || filePrecedence[file] == best) != replaced)
                {
                    kept.Add(order[i]);
                }
            }

            start = end;
        }

        return kept;
    }

    /// <summary>The packed rows: sorted entries, group offsets, the list column, and arrival number → row index (-1 if merged away).</summary>
    internal sealed record Packed(Entry[] Rows, int[] GroupOffsets, ListColumn List, int[] Map)
    {
        public int[] Column(Func<Entry, int> select)
        {
            var column = new int[Rows.Length];
            for (var i = 0; i < Rows.Length; i++)
            {
                column[i] = select(Rows[i]);
            }

            return column;
        }

        public SourceLocation[] Sources()
        {
            var column = new SourceLocation[Rows.Length];
            for (var i = 0; i < Rows.Length; i++)
            {
                column[i] = Rows[i].At;
            }

            return column;
        }
    }
}
