namespace Lodestar.Metrics.Records;

/// <summary>List 1: one contact.</summary>
public readonly record struct AnnexAContact(int Child, int Date, SourceLocation Source);

/// <summary>List 2: one early help assessment.</summary>
public readonly record struct AnnexAEarlyHelp(int Child, int Start, int Completed, SourceLocation Source);

/// <summary>List 3: one referral.</summary>
public readonly record struct AnnexAReferral(int Child, int Date, Flag Nfa, SourceLocation Source);

/// <summary>List 4: one (continuous) assessment.</summary>
public readonly record struct AnnexAAssessment(int Child, int Start, int Authorised, SourceLocation Source);

/// <summary>List 5: one section 47 enquiry and its initial child protection conference.</summary>
public readonly record struct AnnexASection47(int Child, int Start, int Icpc, Flag IcpcToPlan, SourceLocation Source);

/// <summary>List 6: one child in need case; <see cref="Worker"/> indexes <see cref="AnnexAData.Workers"/>, -1 when blank.</summary>
public readonly record struct AnnexACinCase(int Child, int Start, int LastSeen, int Closed, int Worker, SourceLocation Source);

/// <summary>List 7: one child protection plan.</summary>
public readonly record struct AnnexAProtectionPlan(int Child, int Start, int LastVisit, Flag SeenAlone, int LatestReview, int End, SourceLocation Source);

/// <summary>List 8: one child looked after (a period of care).</summary>
public readonly record struct AnnexALookedAfter(
    int Child,
    int Start,
    int LatestReview,
    int LastVisit,
    bool PermanencePlan,
    int LastHealthAssessment,
    int LastDentalCheck,
    int Ceased,
    int MissingEpisodes,
    Flag InterviewOffered,
    Flag InterviewAccepted,
    SourceLocation Source);

/// <summary>Whether the council is in touch with a care leaver (List 9 "LA in Touch").</summary>
public enum AnnexAInTouch : byte
{
    Blank,
    Yes,
    No,
    Died,
    Refused,
    NoLongerRequired,
    ReturnedHome,
    Invalid,
}

/// <summary>List 9: one care leaver.</summary>
public readonly record struct AnnexACareLeaver(int Child, AnnexAInTouch InTouch, SourceLocation Source);

/// <summary>List 10: one child with an adoption decision.</summary>
public readonly record struct AnnexAAdoption(int Child, int EnteredCare, int Decision, int Matched, int Placed, int AdoptionOrder, SourceLocation Source);

/// <summary>List 11: one (prospective) adopter; <see cref="Adopter"/> indexes <see cref="AnnexAData.Adopters"/>.</summary>
public readonly record struct AnnexAAdopter(int Adopter, int Enquiry, int Approved, int Matched, int Left, SourceLocation Source);

/// <summary>
/// One council's Ofsted ILACS Annex A lists, possibly several years' workbooks (docs/formats.md, "Annex A").
/// Every row keeps the file it came from; a file's collection year decides which periods its rows speak for
/// (docs/kpis.md, "Annex A"). Dates are day numbers (<see cref="RecordValues"/>), blank as <see cref="RecordValues.Blank"/>.
/// </summary>
public sealed class AnnexAData
{
    public AnnexAData(string councilCode, ChildIndex children, IReadOnlyList<SourceFile> files)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(councilCode);
        CouncilCode = councilCode;
        Children = children ?? throw new ArgumentNullException(nameof(children));
        Files = files ?? throw new ArgumentNullException(nameof(files));
    }

    /// <summary>The council (e.g. E10000003).</summary>
    public string CouncilCode { get; }

    /// <summary>The children of every list, by "Child Unique ID".</summary>
    public ChildIndex Children { get; }

    /// <summary>The adopters of List 11, by "Individual adopter identifier".</summary>
    public ChildIndex Adopters { get; init; } = new();

    /// <summary>The allocated workers of List 6, by name or id as written.</summary>
    public ChildIndex Workers { get; init; } = new();

    /// <summary>The files the rows came from (<see cref="SourceLocation.File"/> indexes this).</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    public List<AnnexAContact> Contacts { get; } = [];

    public List<AnnexAEarlyHelp> EarlyHelp { get; } = [];

    public List<AnnexAReferral> Referrals { get; } = [];

    public List<AnnexAAssessment> Assessments { get; } = [];

    public List<AnnexASection47> Section47s { get; } = [];

    public List<AnnexACinCase> CinCases { get; } = [];

    public List<AnnexAProtectionPlan> ProtectionPlans { get; } = [];

    public List<AnnexALookedAfter> LookedAfter { get; } = [];

    public List<AnnexACareLeaver> CareLeavers { get; } = [];

    public List<AnnexAAdoption> Adoptions { get; } = [];

    public List<AnnexAAdopter> AdopterRecords { get; } = [];

    /// <summary>The lists (1–11) a file held, even with no rows: a list not held gives "no data", not 0.</summary>
    public HashSet<int> ListsRead { get; } = [];

    /// <summary>Whether list <paramref name="list"/> was read, or has rows (rows built by hand).</summary>
    public bool Holds(int list) => ListsRead.Contains(list) || list switch
    {
        1 => Contacts.Count > 0,
        2 => EarlyHelp.Count > 0,
        3 => Referrals.Count > 0,
        4 => Assessments.Count > 0,
        5 => Section47s.Count > 0,
        6 => CinCases.Count > 0,
        7 => ProtectionPlans.Count > 0,
        8 => LookedAfter.Count > 0,
        9 => CareLeavers.Count > 0,
        10 => Adoptions.Count > 0,
        _ => AdopterRecords.Count > 0,
    };

    /// <summary>The collection year of the file a row came from; 0 for rows built by hand, which speak for every year.</summary>
    public int YearOf(SourceLocation at) => at.File >= 0 && at.File < Files.Count ? Files[at.File].CollectionYear : 0;

    /// <summary>"file:row" for a row's location, or "(built by hand)".</summary>
    public string Describe(SourceLocation at) =>
        at.File >= 0 && at.File < Files.Count ? $"{Files[at.File].Path}:{at.Line}" : "(built by hand)";

    /// <summary>Rows of each list, by list name, for the stored submission's table counts.</summary>
    public IReadOnlyDictionary<string, int> RowCounts() => new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["List1Contacts"] = Contacts.Count,
        ["List2EarlyHelp"] = EarlyHelp.Count,
        ["List3Referrals"] = Referrals.Count,
        ["List4Assessments"] = Assessments.Count,
        ["List5Section47s"] = Section47s.Count,
        ["List6ChildrenInNeed"] = CinCases.Count,
        ["List7ChildProtection"] = ProtectionPlans.Count,
        ["List8LookedAfter"] = LookedAfter.Count,
        ["List9CareLeavers"] = CareLeavers.Count,
        ["List10Adoption"] = Adoptions.Count,
        ["List11Adopters"] = AdopterRecords.Count,
    };
}
