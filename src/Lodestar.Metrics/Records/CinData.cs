namespace Lodestar.Metrics.Records;

/// <summary>
/// One council's Children in Need census records, possibly from several years' censuses merged into
/// one history. Made by <see cref="CinBuilder"/>.
/// </summary>
public sealed class CinData
{
    internal CinData(
        string councilCode,
        ChildIndex children,
        CodeTable codes,
        IReadOnlyList<SourceFile> files,
        CinChildren childRecords,
        CinReferrals referrals,
        CinAssessments assessments,
        CinPlans plans,
        CinSection47s section47s,
        CinProtectionPlans protectionPlans)
    {
        CouncilCode = councilCode;
        Children = children;
        Codes = codes;
        Files = files;
        ChildRecords = childRecords;
        Referrals = referrals;
        Assessments = assessments;
        Plans = plans;
        Section47s = section47s;
        ProtectionPlans = protectionPlans;
    }

    /// <summary>The council (e.g. E10000003).</summary>
    public string CouncilCode { get; }

    /// <summary>The children: dense numbers and the LAchildIDs the files gave them.</summary>
    public ChildIndex Children { get; }

    /// <summary>The strings every code column refers to.</summary>
    public CodeTable Codes { get; }

    /// <summary>The files the rows came from (<see cref="SourceLocation.File"/> indexes this).</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>Each child's identifiers and characteristics.</summary>
    public CinChildren ChildRecords { get; }

    /// <summary>Referrals (CINdetails), by child then referral date.</summary>
    public CinReferrals Referrals { get; }

    public CinAssessments Assessments { get; }

    /// <summary>CIN plans.</summary>
    public CinPlans Plans { get; }

    public CinSection47s Section47s { get; }

    /// <summary>Child protection plans.</summary>
    public CinProtectionPlans ProtectionPlans { get; }

    /// <summary>"file:line" for a row's location, or "(built by hand)".</summary>
    public string Describe(SourceLocation at) =>
        at.File >= 0 && at.File < Files.Count ? $"{Files[at.File].Path}:{at.Line}" : "(built by hand)";
}
