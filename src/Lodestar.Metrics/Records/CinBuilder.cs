namespace Lodestar.Metrics.Records;

/// <summary>
/// Builds a council's <see cref="CinData"/> from rows: by hand in tests, or by the CIN reader.
/// </summary>
/// <example>
/// <code>
/// var data = new CinBuilder("E10000003")
///     .Child("C1", dob: new(2015, 1, 1), sex: "M")
///     .Referral("C1", referralDate: new(2024, 5, 1), closureDate: new(2024, 9, 1))
///     .Assessment("C1", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 1))
///     .Build();
/// </code>
/// </example>
/// <remarks>
/// <para>Referrals are sorted by child then referral date; assessments, CIN plans, section 47s and CP
/// plans by referral then start date.</para>
/// <para>Merge rule for several years' censuses: referrals from different files with the same child and
/// referral date are the same referral, and only the version from the file with the latest collection
/// year (then the file registered last) is kept. Its assessments, plans, enquiries and CP plans are the
/// union of every version's, merged the same way on their start date: a census holds a referral's modules
/// as they stood in its year (the DfE's rules 8696, 4013, 8715 and 8930 keep out those that ended before
/// it), so one that ended earlier is only in an older census and is kept from there. Children (identifiers
/// and characteristics) merge on the child alone, the same way. Referrals no later census has are kept as history.</para>
/// </remarks>
public sealed partial class CinBuilder : DatasetBuilder
{
    private readonly Dictionary<(int Child, int ReferralDate), int> _lastReferral = [];

    public CinBuilder(string councilCode)
        : base(councilCode)
    {
    }

    /// <summary>Sorts, merges and packs the rows. The builder cannot be used afterwards.</summary>
    public CinData Build()
    {
        var precedence = Close();
        var childCount = Children.Count;
        var referrals = _referrals.Finish(childCount, precedence);
        var referralTable = new CinReferrals(referrals);
        var referralChild = referralTable.Child.ToArray();
        var moduleMap = ModuleMap(referrals);
        var assessments = Sub(_assessments);
        var plans = Sub(_plans);
        var section47s = Sub(_section47s);
        var protectionPlans = Sub(_protectionPlans);
        return new CinData(
            CouncilCode,
            Children,
            Codes,
            [.. Files],
            new CinChildren(_children.Finish(childCount, precedence)),
            referralTable,
            new CinAssessments(assessments, ChildOf(assessments), ChildOffsets(assessments)),
            new CinPlans(plans, ChildOf(plans), ChildOffsets(plans)),
            new CinSection47s(section47s, ChildOf(section47s), ChildOffsets(section47s)),
            new CinProtectionPlans(protectionPlans, ChildOf(protectionPlans), ChildOffsets(protectionPlans)));

        TableBuilder<TRow>.Packed Sub<TRow>(TableBuilder<TRow> table)
            where TRow : struct => table.Finish(referrals.Rows.Length, precedence, moduleMap);

        int[] ChildOf<TRow>(TableBuilder<TRow>.Packed packed)
            where TRow : struct
        {
            var children = new int[packed.Rows.Length];
            for (var i = 0; i < children.Length; i++)
            {
                children[i] = referralChild[packed.Rows[i].Group];
            }

            return children;
        }

        int[] ChildOffsets<TRow>(TableBuilder<TRow>.Packed packed)
            where TRow : struct
        {
            // Referrals are sorted by child, so a row's child offsets follow from its referral's.
            var offsets = new int[childCount + 1];
            foreach (var row in packed.Rows)
            {
                offsets[referralChild[row.Group] + 1]++;
            }

            for (var c = 0; c < childCount; c++)
            {
                offsets[c + 1] += offsets[c];
            }

            return offsets;
        }
    }

    // Each referral arrival's packed row: its own, or for a version merged away, the kept version of the same referral
    // (same child and referral date), so that its modules join the kept version's.
    private int[] ModuleMap(TableBuilder<CinReferralRow>.Packed referrals)
    {
        var kept = new Dictionary<(int Child, int Date), int>(referrals.Rows.Length);
        for (var i = 0; i < referrals.Rows.Length; i++)
        {
            kept.TryAdd((referrals.Rows[i].Group, referrals.Rows[i].Key), i);
        }

        var map = (int[])referrals.Map.Clone();
        for (var handle = 0; handle < map.Length; handle++)
        {
            if (map[handle] < 0 && kept.TryGetValue((_referrals.GroupOf(handle), _referrals.KeyOf(handle)), out var row))
            {
                map[handle] = row;
            }
        }

        return map;
    }

    private protected override int[] TableCounts() =>
    [
        _children.Count, _referrals.Count, _assessments.Count, _plans.Count, _section47s.Count, _protectionPlans.Count,
    ];

    private protected override void TruncateTables(ReadOnlySpan<int> counts)
    {
        _children.Truncate(counts[0]);
        _referrals.Truncate(counts[1]);
        _assessments.Truncate(counts[2]);
        _plans.Truncate(counts[3]);
        _section47s.Truncate(counts[4]);
        _protectionPlans.Truncate(counts[5]);
        var referrals = counts[1];
        foreach (var (key, handle) in _lastReferral.ToArray())
        {
            if (handle >= referrals)
            {
                _lastReferral.Remove(key);
            }
        }
    }

    private void CheckReferral(int referral)
    {
        CheckOpen();
        if ((uint)referral >= (uint)_referrals.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(referral), referral, "No referral with this handle; get one from AddReferral.");
        }
    }

    private int ReferralHandle(string child, DateOnly referralDate)
    {
        var number = Children.Find(child);
        return number >= 0 && _lastReferral.TryGetValue((number, referralDate.DayNumber), out var handle)
            ? handle
            : throw new InvalidOperationException("Add the child's referral with this referral date before its assessments, plans and enquiries.");
    }
}
