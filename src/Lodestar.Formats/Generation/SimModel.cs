namespace Lodestar.Formats.Generation;

// The generator's own picture of what happened, before it is written out year by year. Dates after the end of
// the last reporting year are never kept: an episode still open then has no end.

/// <summary>
/// A placement: where and with whom. A new carer means a new <see cref="Carer"/> number. <see cref="Postcode"/> is the
/// full postcode written as PL_POST (the provider's, for a placement with a URN); <see cref="Drawn"/> is what the
/// simulator drew for it before postcodes were full ones (a postcode sector, and the URN it then drew), kept so that
/// every seed still draws what it drew then (CouncilSimulator.BuildEpisodes).
/// </summary>
internal sealed record SimPlacement(string Place, string Provider, string Urn, string Postcode, string Drawn, int Carer)
{
    /// <summary>Whether the placement is with a provider on the generated provider list (a URN, not XXXXXXX).</summary>
    public bool HasUrn => Urn != "XXXXXXX";

    public bool IsTemporary => Place is "T0" or "T1" or "T2" or "T3" or "T4";

    /// <summary>Whether the 903 records a provider: temporary placements (T0–T4) and Z1 have none (DfE rules 178, 526).</summary>
    public bool HasProvider => !IsTemporary && Place is not ("Z1" or "Z11" or "Z12" or "Z13" or "Z14");

    /// <summary>
    /// The code a return for <paramref name="year"/> shows. Codes withdrawn from a year's list are recoded in that
    /// year's return, as councils do for placements open across the change: P2 becomes H5 in 2023/24 (2024; P2 ended on
    /// 28 October 2023, DfE 217t), H5 and P2 become K3 from 2024/25 (2025),
    /// Z1 becomes one of Z11–Z14 from 2025/26 (2026). Placements started after a change get the new code from the start.
    /// </summary>
    public string PlaceIn(int year) => Place switch
    {
        "H5" or "P2" when year >= 2025 => "K3",
        "P2" when year == 2024 => "H5",
        "Z1" when year >= 2026 => $"Z1{1 + (Carer % 4)}",
        _ => Place,
    };
}

internal sealed class SimEpisode
{
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; set; }
    public required string ReasonNew { get; init; }
    public required string LegalStatus { get; init; }
    public required string CategoryOfNeed { get; init; }
    public required SimPlacement Placement { get; init; }
    public string? ReasonEnded { get; set; }
    public string? ReasonPlaceChange { get; set; }

    /// <summary>True when this episode returns the child to the placement held before a temporary move.</summary>
    public bool ReturnFromTemporary { get; set; }

    public bool IsShortBreak => LegalStatus is "V3" or "V4";
}

internal readonly record struct SimReview(DateOnly Date, string Participation);

internal readonly record struct SimMissing(DateOnly Start, DateOnly? End, string Kind);

internal readonly record struct SimSocialWorker(string Id, DateOnly Start, DateOnly? End, string Reason);

internal sealed class SimAdoption
{
    public required DateOnly DecisionDate { get; init; }
    public required DateOnly MatchDate { get; init; }
    public required DateOnly PlacedDate { get; init; }
    public DateOnly? AdoptedDate { get; set; }
    public string? AdoptedReason { get; set; }
    public required bool ByFosterCarer { get; init; }
    public required int Adopters { get; init; }
    public required string AdopterSex { get; init; }
    public required string AdopterLegalStatus { get; init; }
}

internal readonly record struct SimPreviousPermanence(string Code, string LaNumber, DateOnly? Date);

internal sealed record SimOc2(
    string SdqScore, string SdqReason, string Convicted, string HealthCheck, string Immunisations, string TeethCheck,
    string HealthAssessment, string SubstanceMisuse, string InterventionReceived, string InterventionOffered);

internal sealed record SimOc3(DateOnly Birthday, string InTouch, string Activity, string Accommodation);

internal sealed record SimAssessment(DateOnly Start, DateOnly Authorised, string[] Factors);

internal sealed record SimSection47(DateOnly Start, DateOnly ConferenceTarget, DateOnly? Conference);

internal sealed class SimPlan
{
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; set; }
    public required string InitialCategory { get; init; }
    public required string LatestCategory { get; init; }
    public required int PreviousPlans { get; init; }
    public List<DateOnly> Reviews { get; } = [];
}

internal sealed class SimReferral
{
    public required DateOnly Date { get; init; }
    public required string Source { get; init; }
    public required string PrimaryNeed { get; init; }
    public required bool NoFurtherAction { get; init; }
    public DateOnly? Closure { get; set; }
    public string? ClosureReason { get; set; }
    public List<SimAssessment> Assessments { get; } = [];
    public List<(DateOnly Start, DateOnly? End)> CinPlans { get; } = [];
    public List<SimSection47> Section47s { get; } = [];
    public List<SimPlan> Plans { get; } = [];
}

internal sealed class SimChild
{
    public required string Id { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required bool Male { get; init; }
    public required string Ethnicity { get; init; }
    public required string UpnWhenOfSchoolAge { get; init; }
    public required string HomePostcode { get; init; }
    public string Disability { get; set; } = "NONE";

    /// <summary>A second disability code, for some children with one (the DfE's 2888Q asks that several be recorded where a child has them).</summary>
    public string? SecondDisability { get; set; }
    public bool IsUasc { get; set; }
    public string? MotherFlag { get; set; }
    public DateOnly? MotherChildBirthDate { get; set; }

    /// <summary>Counted among the children looked after (not only short breaks, not only a care leaver from before).</summary>
    public bool LookedAfterInWindow { get; set; }
    public bool ShortBreaksOnly { get; set; }
    public DateOnly? CareStart { get; set; }

    /// <summary>The day care ended (null while still looked after at the end of the last year).</summary>
    public DateOnly? CareEnd { get; set; }
    public bool LeftCareAged16Plus { get; set; }

    public List<SimEpisode> Episodes { get; } = [];
    public List<SimReview> Reviews { get; } = [];
    public List<SimMissing> Missing { get; } = [];
    public List<SimSocialWorker> SocialWorkers { get; } = [];
    public SimAdoption? Adoption { get; set; }
    public SimPreviousPermanence? PreviousPermanence { get; set; }

    /// <summary>OC2 rows by reporting year.</summary>
    public SortedDictionary<int, SimOc2> Oc2 { get; } = [];

    /// <summary>OC3 rows by reporting year.</summary>
    public SortedDictionary<int, SimOc3> Oc3 { get; } = [];

    public List<SimReferral> Referrals { get; } = [];
}
