namespace Lodestar.Metrics.Records;

/// <summary>
/// One council's SSDA903 (children looked after) records, possibly from several years' returns merged
/// into one history. Every table is sorted by child, then by its date, with per-child offsets.
/// Made by <see cref="Ssda903Builder"/>.
/// </summary>
public sealed class Ssda903Data
{
    internal Ssda903Data(
        string councilCode,
        ChildIndex children,
        CodeTable codes,
        IReadOnlyList<SourceFile> files,
        Ssda903Headers header,
        Ssda903Episodes episodes,
        Ssda903Reviews reviews,
        Ssda903Uasc uasc,
        Ssda903Oc2 oc2,
        Ssda903Oc3 oc3,
        Ssda903Ad1 ad1,
        Ssda903PlacedAdoption placedAdoption,
        Ssda903PrevPerm prevPerm,
        Ssda903Missing missing,
        Ssda903SwEpisodes swEpisodes,
        Ssda903Data? replaced = null)
    {
        CouncilCode = councilCode;
        Children = children;
        Codes = codes;
        Files = files;
        Header = header;
        Episodes = episodes;
        Reviews = reviews;
        Uasc = uasc;
        Oc2 = oc2;
        Oc3 = oc3;
        Ad1 = ad1;
        PlacedAdoption = placedAdoption;
        PrevPerm = prevPerm;
        Missing = missing;
        SwEpisodes = swEpisodes;
        Replaced = replaced;
    }

    /// <summary>The council (e.g. E10000003).</summary>
    public string CouncilCode { get; }

    /// <summary>The children: dense numbers and the ids the files gave them.</summary>
    public ChildIndex Children { get; }

    /// <summary>The strings every code column refers to.</summary>
    public CodeTable Codes { get; }

    /// <summary>The files the rows came from (<see cref="SourceLocation.File"/> indexes this).</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    public Ssda903Headers Header { get; }

    public Ssda903Episodes Episodes { get; }

    public Ssda903Reviews Reviews { get; }

    public Ssda903Uasc Uasc { get; }

    public Ssda903Oc2 Oc2 { get; }

    public Ssda903Oc3 Oc3 { get; }

    public Ssda903Ad1 Ad1 { get; }

    public Ssda903PlacedAdoption PlacedAdoption { get; }

    public Ssda903PrevPerm PrevPerm { get; }

    public Ssda903Missing Missing { get; }

    public Ssda903SwEpisodes SwEpisodes { get; }

    /// <summary>
    /// The UASC flag (a code id; <see cref="CodeTable.Blank"/> when blank) each child's Header row gave, by the collection year of
    /// its file (0 for rows built by hand), for every row read with the column: the merged Header's rows and the earlier years'
    /// rows the merge replaced (<see cref="Replaced"/>), so whether a child was UASC in an earlier year is here. Worked out from
    /// them at first use; without <see cref="Replaced"/> (one year, or data built not to be validated) only the merged rows'.
    /// </summary>
    public IReadOnlyDictionary<(int Child, int Year), int> HeaderUasc => _headerUasc ??= HeaderUascOf();

    private Dictionary<(int Child, int Year), int>? _headerUasc;

    /// <summary>The collection years whose Header rows gave the UASC flag (0 for rows built by hand): the years of <see cref="HeaderUasc"/>.</summary>
    public IReadOnlySet<int> HeaderUascYears => _headerUascYears ??= [.. HeaderUasc.Keys.Select(k => k.Year)];

    private HashSet<int>? _headerUascYears;

    /// <summary>
    /// The rows the merge rule dropped because a later year's file has the same record (see <see cref="Ssda903Builder"/>),
    /// each with its own file and line, so that the rules comparing a return with last year's (the DfE's 202, 503A ...)
    /// can read last year's return as it was given. Null when the files hold fewer than two collection years.
    /// </summary>
    public Ssda903Data? Replaced { get; }

    private Dictionary<(int Child, int Year), int> HeaderUascOf()
    {
        var found = new Dictionary<(int Child, int Year), int>();
        foreach (var headers in Replaced is { } replaced ? [replaced.Header, Header] : new[] { Header })
        {
            for (var row = 0; row < headers.Count; row++)
            {
                if (headers.Uasc[row] != CodeTable.NotGiven)
                {
                    var at = headers.Source[row];
                    found[(headers.Child[row], at.File >= 0 && at.File < Files.Count ? Files[at.File].CollectionYear : 0)] = headers.Uasc[row];
                }
            }
        }

        return found;
    }

    /// <summary>"file:line" for a row's location, or "(built by hand)".</summary>
    public string Describe(SourceLocation at) =>
        at.File >= 0 && at.File < Files.Count ? $"{Files[at.File].Path}:{at.Line}" : "(built by hand)";
}
