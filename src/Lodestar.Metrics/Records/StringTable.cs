using System.Runtime.CompilerServices;

namespace Lodestar.Metrics.Records;

/// <summary>
/// Strings numbered 0..Count-1 in first-seen order, found by span without allocating: an
/// open-addressing hash table tuned for the short values of the returns (codes, ids, postcodes).
/// The hash is seeded per table so a hostile file cannot aim collisions at it in advance.
/// </summary>
internal sealed class StringTable
{
    private readonly List<string> _strings = [];
    private readonly List<uint> _hashes = [];
    private readonly uint _seed = (uint)Random.Shared.Next() | 1;
    private int[] _slots = new int[64]; // number + 1; 0 = empty

    public int Count => _strings.Count;

    public string this[int number] => _strings[number];

    public int Find(ReadOnlySpan<char> value)
    {
        var hash = Hash(value);
        var mask = _slots.Length - 1;
        for (var slot = (int)(hash & (uint)mask); ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                return -1;
            }

            if (_hashes[entry] == hash && value.SequenceEqual(_strings[entry]))
            {
                return entry;
            }
        }
    }

    public int GetOrAdd(ReadOnlySpan<char> value)
    {
        var hash = Hash(value);
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_hashes[entry] == hash && value.SequenceEqual(_strings[entry]))
            {
                return entry;
            }

            slot = (slot + 1) & mask;
        }

        var number = _strings.Count;
        _strings.Add(value.ToString());
        _hashes.Add(hash);
        _slots[slot] = number + 1;
        if (_strings.Count * 2 > _slots.Length)
        {
            Grow();
        }

        return number;
    }

    /// <summary>Forgets the strings numbered from <paramref name="count"/> on.</summary>
    public void Truncate(int count)
    {
        if (count >= _strings.Count)
        {
            return;
        }

        _strings.RemoveRange(count, _strings.Count - count);
        _hashes.RemoveRange(count, _hashes.Count - count);
        Rehash(_slots.Length);
    }

    private void Grow() => Rehash(_slots.Length * 2);

    private void Rehash(int size)
    {
        _slots = new int[size];
        var mask = size - 1;
        for (var number = 0; number < _strings.Count; number++)
        {
            var slot = (int)(_hashes[number] & (uint)mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = number + 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Hash(ReadOnlySpan<char> value)
    {
        var hash = 2166136261u ^ _seed;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        // Murmur3's finaliser: the slot is taken from the low bits, so mix every bit into them.
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        return hash ^ (hash >> 16);
    }
}
