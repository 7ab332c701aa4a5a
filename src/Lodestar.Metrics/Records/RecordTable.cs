namespace Lodestar.Metrics.Records;

/// <summary>
/// What every table of child-level records shares: rows sorted by child (then by the table's own
/// date), the child of each row, where each row came from, and per-child offsets so a KPI can walk a
/// child's rows without allocating: <c>for (var i = t.ChildOffsets[c]; i &lt; t.ChildOffsets[c + 1]; i++)</c>.
/// </summary>
public abstract class RecordTable
{
    private readonly int[] _child;
    private readonly SourceLocation[] _source;
    private readonly int[] _childOffsets;

    private protected RecordTable(int[] child, SourceLocation[] source, int[] childOffsets)
    {
        _child = child;
        _source = source;
        _childOffsets = childOffsets;
    }

    /// <summary>How many rows.</summary>
    public int Count => _child.Length;

    /// <summary>Each row's child (a dense number from the dataset's <see cref="ChildIndex"/>).</summary>
    public ReadOnlySpan<int> Child => _child;

    /// <summary>Where each row came from.</summary>
    public ReadOnlySpan<SourceLocation> Source => _source;

    /// <summary>Child c's rows are ChildOffsets[c] to ChildOffsets[c + 1] (exclusive); length = children + 1.</summary>
    public ReadOnlySpan<int> ChildOffsets => _childOffsets;

    /// <summary>The rows of child <paramref name="child"/>, in date order.</summary>
    public RowRange RowsOf(int child) => new(_childOffsets[child], _childOffsets[child + 1]);
}

/// <summary>
/// A CIN table whose rows belong to a referral (assessments, CIN plans, section 47s, CP plans): rows
/// sorted by referral then start date, with per-referral offsets. Referrals are sorted by child, so the
/// per-child offsets hold too.
/// </summary>
public abstract class ReferralTable : RecordTable
{
    private readonly int[] _referral;
    private readonly int[] _referralOffsets;

    private protected ReferralTable(int[] child, SourceLocation[] source, int[] childOffsets, int[] referral, int[] referralOffsets)
        : base(child, source, childOffsets)
    {
        _referral = referral;
        _referralOffsets = referralOffsets;
    }

    /// <summary>Each row's referral: a row index into <see cref="CinData.Referrals"/>.</summary>
    public ReadOnlySpan<int> Referral => _referral;

    /// <summary>Referral r's rows are ReferralOffsets[r] to ReferralOffsets[r + 1] (exclusive).</summary>
    public ReadOnlySpan<int> ReferralOffsets => _referralOffsets;

    /// <summary>The rows of referral <paramref name="referral"/>, in date order.</summary>
    public RowRange RowsOfReferral(int referral) => new(_referralOffsets[referral], _referralOffsets[referral + 1]);
}

/// <summary>A column holding a list per row (CP plan review dates, assessment factors, disabilities), flattened.</summary>
public sealed class ListColumn
{
    private readonly int[] _offsets;
    private readonly int[] _values;

    internal ListColumn(int[] offsets, int[] values)
    {
        _offsets = offsets;
        _values = values;
    }

    /// <summary>Row i's values are Values[Offsets[i]..Offsets[i + 1]]; length = rows + 1.</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>Every row's values, one after another.</summary>
    public ReadOnlySpan<int> Values => _values;

    /// <summary>Row <paramref name="row"/>'s values.</summary>
    public ReadOnlySpan<int> this[int row] => _values.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);
}
