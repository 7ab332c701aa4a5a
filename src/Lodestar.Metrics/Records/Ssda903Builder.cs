namespace Lodestar.Metrics.Records;

/// <summary>
/// Builds a council's <see cref="Ssda903Data"/> from rows: by hand in tests (fluent methods taking
/// strings and dates), or by the readers (Add methods taking interned ids and day numbers).
/// </summary>
/// <example>
/// <code>
/// var data = new Ssda903Builder("E10000003")
///     .Header("C1", sex: "1", dob: new(2010, 5, 1))
///     .Episode("C1", decom: new(2024, 4, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1")
///     .Build();
/// </code>
/// </example>
/// <remarks>
/// <para>Rows may arrive in any order; <see cref="Build"/> sorts every table by child, then by its date
/// (episodes by DECOM), keeping arrival order for ties.</para>
/// <para>Merge rule for several years' returns: rows from different files with the same key — Header,
/// AD1, PrevPerm: the child; UASC: child + the file's collection year (so that rules comparing a return with last
/// year's, such as the DfE's 205B, have both); Episodes: child + DECOM; Reviews: child + REVIEW; Missing: child +
/// MIS_START; PlacedAdoption: child + DATE_PLACED; SWEpisodes: child + SW_DECOM; OC2/OC3: child +
/// year (a row read from a file takes the file's collection year) — are the same record, and only the version from the file with the latest collection year
/// (then the file registered last) is kept. Rows with a key no later file has are kept as history.
/// Rows from the same file are never merged (duplicates within a return are for validation to report),
/// nor are rows built by hand without a file. The rows merged away are kept apart, in <see cref="Ssda903Data.Replaced"/>,
/// for the rules that compare a return with last year's.</para>
/// </remarks>
public sealed partial class Ssda903Builder : DatasetBuilder
{
    public Ssda903Builder(string councilCode)
        : base(councilCode)
    {
    }

    /// <summary>Sorts, merges and packs the rows. The builder cannot be used afterwards.</summary>
    /// <param name="keepReplaced">Whether the rows the merge drops are kept apart, in <see cref="Ssda903Data.Replaced"/> (for the
    /// validation rules that compare a return with last year's); false for data that is never validated.</param>
    public Ssda903Data Build(bool keepReplaced = true)
    {
        FillYears();
        var precedence = Close();
        var children = Children.Count;
        return new Ssda903Data(
            CouncilCode,
            Children,
            Codes,
            [.. Files],
            new Ssda903Headers(_header.Finish(children, precedence)),
            new Ssda903Episodes(_episodes.Finish(children, precedence)),
            new Ssda903Reviews(_reviews.Finish(children, precedence)),
            new Ssda903Uasc(_uasc.Finish(children, precedence)),
            new Ssda903Oc2(_oc2.Finish(children, precedence)),
            new Ssda903Oc3(_oc3.Finish(children, precedence)),
            new Ssda903Ad1(_ad1.Finish(children, precedence)),
            new Ssda903PlacedAdoption(_placedAdoption.Finish(children, precedence)),
            new Ssda903PrevPerm(_prevPerm.Finish(children, precedence)),
            new Ssda903Missing(_missing.Finish(children, precedence)),
            new Ssda903SwEpisodes(_swEpisodes.Finish(children, precedence)),
            keepReplaced && Files.Select(f => f.CollectionYear).Distinct().Count() > 1 ? Replaced(children, precedence) : null);
    }

    // The rows the merge drops, as a dataset of their own (Ssda903Data.Replaced).
    private Ssda903Data Replaced(int children, long[] precedence) => new(
        CouncilCode,
        Children,
        Codes,
        [.. Files],
        new Ssda903Headers(_header.FinishReplaced(children, precedence)),
        new Ssda903Episodes(_episodes.FinishReplaced(children, precedence)),
        new Ssda903Reviews(_reviews.FinishReplaced(children, precedence)),
        new Ssda903Uasc(_uasc.FinishReplaced(children, precedence)),
        new Ssda903Oc2(_oc2.FinishReplaced(children, precedence)),
        new Ssda903Oc3(_oc3.FinishReplaced(children, precedence)),
        new Ssda903Ad1(_ad1.FinishReplaced(children, precedence)),
        new Ssda903PlacedAdoption(_placedAdoption.FinishReplaced(children, precedence)),
        new Ssda903PrevPerm(_prevPerm.FinishReplaced(children, precedence)),
        new Ssda903Missing(_missing.FinishReplaced(children, precedence)),
        new Ssda903SwEpisodes(_swEpisodes.FinishReplaced(children, precedence)));

    private protected override int[] TableCounts() =>
    [
        _header.Count, _episodes.Count, _reviews.Count, _uasc.Count, _oc2.Count, _oc3.Count,
        _ad1.Count, _placedAdoption.Count, _prevPerm.Count, _missing.Count, _swEpisodes.Count,
    ];

    private protected override void TruncateTables(ReadOnlySpan<int> counts)
    {
        _header.Truncate(counts[0]);
        _episodes.Truncate(counts[1]);
        _reviews.Truncate(counts[2]);
        _uasc.Truncate(counts[3]);
        _oc2.Truncate(counts[4]);
        _oc3.Truncate(counts[5]);
        _ad1.Truncate(counts[6]);
        _placedAdoption.Truncate(counts[7]);
        _prevPerm.Truncate(counts[8]);
        _missing.Truncate(counts[9]);
        _swEpisodes.Truncate(counts[10]);
    }

    // OC2 and OC3 rows read from a file carry no year column: they report on the return's year. UASC rows are kept per year.
    private void FillYears()
    {
        _uasc.Update((ref Ssda903UascRow row, ref int key, SourceLocation at) =>
        {
            if (YearOf(at) is > 0 and var year)
            {
                key = year;
            }
        });
        _oc2.Update((ref Ssda903Oc2Row row, ref int key, SourceLocation at) =>
        {
            if (row.Year == RecordValues.Blank && YearOf(at) is > 0 and var year)
            {
                row.Year = key = year;
            }
        });
        _oc3.Update((ref Ssda903Oc3Row row, ref int key, SourceLocation at) =>
        {
            if (row.Year == RecordValues.Blank && YearOf(at) is > 0 and var year)
            {
                row.Year = key = year;
            }
        });
    }

    private int YearOf(SourceLocation at) => at.File >= 0 ? Files[at.File].CollectionYear : 0;
}
