namespace Lodestar.Metrics.Records;

/// <summary>A file records were read from.</summary>
/// <param name="Path">The path as given (shown in diagnostics).</param>
/// <param name="Kind">What the file held, e.g. "903 Episodes CSV", "903 XML", "CIN XML".</param>
/// <param name="CollectionYear">The return's collection year (the year the reporting year ends, e.g. 2025), or 0 when unknown.
/// When several returns hold the same record, the one from the later year wins (see <see cref="Ssda903Builder"/>).</param>
public sealed record SourceFile(string Path, string Kind, int CollectionYear)
{
    /// <summary>
    /// What the file's header gives as its reference date (the CIN census's <c>Header/CollectionDetails/ReferenceDate</c>), as a
    /// day number; <see cref="RecordValues.Blank"/> when the file has no such header or the header gives none.
    /// </summary>
    public int ReferenceDate { get; init; } = RecordValues.Blank;

    /// <summary>The line of the header's reference date, or of the header when it gives none; 0 when the file has no header.</summary>
    public int HeaderLine { get; init; }
}

/// <summary>Where a row came from: an index into the dataset's Files and a 1-based line number.</summary>
/// <remarks><see cref="File"/> is -1 for rows built by hand (tests); such rows never replace one another.</remarks>
public readonly record struct SourceLocation(int File, int Line)
{
    /// <summary>The location of rows made by hand, with no file.</summary>
    public static SourceLocation None => new(-1, 0);
}

/// <summary>A run of consecutive rows of one table: rows <see cref="Start"/> to <see cref="End"/> (exclusive).</summary>
public readonly record struct RowRange(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;
}
