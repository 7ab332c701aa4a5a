namespace Lodestar.Metrics.Records;

/// <summary>
/// The strings of one dataset, interned: every code column (LS, PLACE, REC, ...) and every free-text
/// column (UPN, postcodes, URN) holds an int id into this table. Id 0 is the blank value; ids are
/// handed out in first-seen order. Unknown codes are kept like any other: the table does not know
/// the code lists, validation does.
/// </summary>
/// <remarks>
/// A KPI looks a code up once (<see cref="Find(string?)"/>, <see cref="SetOf"/>) and then compares ints.
/// </remarks>
public sealed class CodeTable
{
    /// <summary>The id of the blank (empty) value.</summary>
    public const int Blank = 0;

    /// <summary>The id <see cref="Find(string?)"/> returns for a string the dataset never used; no row holds it.</summary>
    public const int Absent = -1;

    /// <summary>
    /// Held by an optional column (the 903 Header's UASC) in a row whose file has no such column: the value is unknown, not
    /// blank. Not an id: never look it up.
    /// </summary>
    public const int NotGiven = -2;

    // Number n of the table is code id n + 1: id 0 is the blank value.
    private readonly StringTable _table = new();

    /// <summary>How many ids are in use, counting the blank id 0.</summary>
    public int Count => _table.Count + 1;

    /// <summary>The string of an id (null for <see cref="Blank"/>).</summary>
    public string? this[int id] => id == Blank ? null
        : id > 0 && id <= _table.Count ? _table[id - 1]
        : throw new ArgumentOutOfRangeException(nameof(id), id, "No such code id in this dataset.");

    /// <summary>The id of <paramref name="value"/>, or <see cref="Absent"/> when no row holds it; null or empty gives <see cref="Blank"/>.</summary>
    public int Find(string? value) => Find(value.AsSpan());

    /// <inheritdoc cref="Find(string?)"/>
    public int Find(ReadOnlySpan<char> value) =>
        value.IsEmpty ? Blank : _table.Find(value) is var n and >= 0 ? n + 1 : Absent;

    /// <summary>A set of codes for fast membership tests (codes the dataset never used are simply not members).</summary>
    public CodeSet SetOf(params ReadOnlySpan<string> values)
    {
        var members = new bool[Count];
        foreach (var value in values)
        {
            var id = Find(value);
            if (id >= 0)
            {
                members[id] = true;
            }
        }

        return new CodeSet(members);
    }

    /// <summary>The id of <paramref name="value"/>, adding it when new. Empty gives <see cref="Blank"/>.</summary>
    public int Intern(ReadOnlySpan<char> value) => value.IsEmpty ? Blank : _table.GetOrAdd(value) + 1;

    /// <inheritdoc cref="Intern(ReadOnlySpan{char})"/>
    public int Intern(string? value) => Intern(value.AsSpan());
}

/// <summary>A set of code ids from one <see cref="CodeTable"/>, tested in constant time.</summary>
public readonly struct CodeSet
{
    private readonly bool[] _members;

    internal CodeSet(bool[] members) => _members = members;

    public bool Contains(int id) => (uint)id < (uint)_members.Length && _members[id];
}
