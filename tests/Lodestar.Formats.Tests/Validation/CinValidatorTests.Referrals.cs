using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

public sealed partial class CinValidatorTests
{
    // A completed assessment (2 to 10 June 2024) on X's referral of 1 June 2024: the DfE queries a section 47 enquiry on a
    // referral with none (2991Q), and a closure after assessment (RC8, RC9) with none (8825Q).
    private static CinBuilder Assessed(CinBuilder b) =>
        b.Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 10), factors: ["2A"]);

    // The same on X's referral of June 2023 (Old), completed in 2024/25 (2 to 10 April 2024).
    private static CinBuilder AssessedOld(CinBuilder b) =>
        b.Assessment("X", Old, start: D(2024, 4, 2), authorised: D(2024, 4, 10), factors: ["2A"]);

    // X's referral of 1 June 2024, assessed, with a section 47 enquiry whose initial conference (20 June unless told) a child
    // protection plan can start on: the DfE wants a plan to start on a conference (2885), and no more plans than
    // conferences in the year (2883).
    private static CinBuilder Conferenced(CinBuilder b, DateOnly? conference = null)
    {
        var held = conference ?? D(2024, 6, 20);
        return Assessed(XR(b)).Section47("X", Ref, start: held < D(2024, 6, 2) ? held : D(2024, 6, 2), icpcDate: held, icpcNotRequired: false);
    }

    // Conferenced, with a child protection plan: the census's second plan and second conference (the baseline's B has one of each).
    private static CinBuilder Conference(CinBuilder b, DateOnly? planStart = null) =>
        Cpp(Conferenced(b), planStart ?? D(2024, 6, 20));

    // X's referral of 1 June 2024 closed on 1 July (for `reason`), with one completed assessment giving `factors`.
    private static CinBuilder ClosedAssessed(CinBuilder b, string reason, params string[] factors) =>
        R(X(b), closure: D(2024, 7, 1), reason: reason).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 20), factors: factors);

    // A bad record and a good one for each rule of CinValidator.Referrals.cs.
    private static readonly Dictionary<string, (Func<CinBuilder, CinBuilder> Bad, Func<CinBuilder, CinBuilder> Good)> ReferralCases = new()
    {
        // Two plans start in 2024/25 (B's and X's) and one conference is held (B's): X's plan has none.
        ["2883"] = (b => Cpp(XR(b).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 10), factors: ["2A"]), D(2024, 6, 20)), b => Conference(b)),
        ["2885"] = (b => Conference(b, D(2024, 6, 21)), b => Conference(b)),
        ["2991Q"] = (b => XR(b).Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: true),
                     b => XR(b).Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: true).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 10), factors: ["2A"])),
        // 2024/25 starts on Easter Monday, 1 April 2024; the working day before it is Thursday 28 March (Good Friday the 29th).
        ["8569Q"] = (b => R(X(b), date: D(2024, 3, 27), closure: D(2024, 4, 2), reason: "RC7", nfa: true),
                     b => R(X(b), date: D(2024, 3, 28), closure: D(2024, 4, 2), reason: "RC7", nfa: true)),
        ["8585Q"] = (b => R(X(b), closure: D(2024, 7, 1), reason: "RC2"), b => R(X(b, death: D(2024, 7, 1)), closure: D(2024, 7, 1), reason: "RC2")),
        // X's open referral of 1 June is followed by one of 1 July (closed the next day): it is not X's latest.
        ["8816"] = (b => R(R(X(b)), date: D(2024, 7, 1), closure: D(2024, 7, 2), reason: "RC7"),
                    b => R(R(X(b), closure: D(2024, 6, 20), reason: "RC7"), date: D(2024, 7, 1))),
        // A referral on 20 June, while the one of 1 June is open to 1 July; a referral on 1 July, the day it closed.
        ["8820"] = (b => R(R(X(b), closure: D(2024, 7, 1), reason: "RC7"), date: D(2024, 6, 20)),
                    b => R(R(X(b), closure: D(2024, 7, 1), reason: "RC7"), date: D(2024, 7, 1))),
        ["8825Q"] = (b => R(X(b), closure: D(2024, 7, 1), reason: "RC8"), b => ClosedAssessed(b, "RC8", "2A")),
        ["8831"] = (b => R(X(b), nfa: true).Assessment("X", Ref, start: D(2024, 6, 2)), b => R(X(b), nfa: true)),
        ["8832"] = (b => Cpp(R(X(b), nfa: true), D(2024, 6, 20)), b => Conference(b)),
        ["8867"] = (b => R(X(b), closure: D(2024, 7, 1), reason: "RC7").Assessment("X", Ref, start: D(2024, 6, 2)), b => ClosedAssessed(b, "RC7", "2A")),
        ["8868"] = (b => ClosedAssessed(b, "RC7", "2A").Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: false),
                    b => ClosedAssessed(b, "RC7", "2A").Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: true)),
        ["8873Q"] = (b => ClosedAssessed(b, "RC7", "21"), b => ClosedAssessed(b, "RC9", "21")),
        // 45 working days before Monday 31 March 2025 is Monday 27 January (the 20 of March, the 20 of February, then 27-31 January).
        ["8670Q"] = (b => XR(b).Assessment("X", Ref, start: D(2025, 1, 24)), b => XR(b).Assessment("X", Ref, start: D(2025, 1, 27))),
        ["8736"] = (b => R(X(b), date: Old).Assessment("X", Old, start: D(2024, 3, 29)), b => XR(b).Assessment("X", Ref, start: D(2025, 3, 20))),
        // The second assessment starts the day the first is authorised; then the day after.
        ["8863Q"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 20), factors: ["2A"]).Assessment("X", Ref, start: D(2024, 6, 20), authorised: D(2024, 7, 10), factors: ["3A"]),
                     b => XR(b).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 20), factors: ["2A"]).Assessment("X", Ref, start: D(2024, 6, 21), authorised: D(2024, 7, 10), factors: ["3A"])),
        ["8869"] = (b => ClosedAssessed(b, "RC8", "21", "2A"), b => ClosedAssessed(b, "RC8", "21")),
        ["8896"] = (b => XR(b).Assessment("X", Ref, start: D(2025, 2, 3)).Assessment("X", Ref, start: D(2025, 3, 3)),
                    b => XR(b).Assessment("X", Ref, start: D(2025, 2, 3), authorised: D(2025, 2, 20), factors: ["2A"]).Assessment("X", Ref, start: D(2025, 3, 3))),
        ["8897Q"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 20)), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 20), factors: ["2A"])),
        ["8898"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 20), factors: ["2A", "3A", "2A"]),
                    b => XR(b).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 20), factors: ["2A", "3A"])),
    };

    [Theory]
    [InlineData("2991Q")]
    [InlineData("8569Q")]
    [InlineData("8585Q")]
    [InlineData("8825Q")]
    [InlineData("8873Q")]
    [InlineData("8670Q")]
    [InlineData("8863Q")]
    [InlineData("8897Q")]
    public void ReferralQueries_AsTheDfEGivesThem_AreWarnings(string rule)
    {
        Assert.Equal(Lodestar.Domain.Problems.Severity.Warning, Assert.Single(CinValidator.Rules, r => r.Id == rule).Severity);
    }

    [Theory]
    [InlineData(27, true)] // Wednesday 27 March 2024: before the working day before the year
    [InlineData(28, false)] // Thursday 28 March: the working day before Easter Monday 1 April, when 2024/25 starts
    [InlineData(31, false)] // Sunday 31 March: before the year, but after that working day
    public void NoFurtherAction8569Q_ReferralBeforeTheWorkingDayBeforeTheYear_IsQueried(int day, bool reported)
    {
        var data = R(X(Baseline()), date: D(2024, 3, day), closure: D(2024, 4, 2), reason: "RC7", nfa: true).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8569Q" && d.Value == "true"));
    }

    [Fact]
    public void NoFurtherAction8569Q_ReferralLedToFurtherAction_IsNotQueried()
    {
        var data = R(X(Baseline()), date: D(2024, 3, 1), closure: D(2024, 4, 2), reason: "RC7", nfa: false).Build();

        Assert.DoesNotContain(CinValidator.Validate(data, Year), d => d.Rule == "8569Q");
    }

    [Theory]
    [InlineData(1, 24, true)] // Friday 24 January 2025: 46 working days before Monday 31 March
    [InlineData(1, 27, false)] // Monday 27 January: 45
    [InlineData(1, 28, false)]
    public void OpenAssessment8670Q_StartedMoreThan45WorkingDaysBeforeTheReferenceDate_IsQueried(int month, int day, bool reported)
    {
        var data = XR(Baseline()).Assessment("X", Ref, start: D(2025, month, day)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8670Q" && d.Value == $"2025-{month:00}-{day:00}"));
    }

    [Fact]
    public void CompletedAssessment8670Q_StartedLongBefore_IsNotQueried()
    {
        var data = XR(Baseline()).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 9, 2), factors: ["2A"]).Build();

        Assert.DoesNotContain(CinValidator.Validate(data, Year), d => d.Rule == "8670Q");
    }

    [Theory]
    [InlineData(2024, 4, 1, false)] // the year's first day
    [InlineData(2024, 3, 31, true)]
    public void OpenAssessment8736_StartBeforeTheYear_IsReported(int year, int month, int day, bool reported)
    {
        var data = R(X(Baseline()), date: Old).Assessment("X", Old, start: D(year, month, day)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8736"));
    }

    [Fact]
    public void Overlap8820_OpenReferralWithNoFurtherAction_DoesNotCover()
    {
        // The first referral is open but went no further (ReferralNFA true): the DfE counts only open referrals that went on.
        var data = R(R(X(Baseline()), nfa: true), date: D(2024, 7, 1)).Build();

        Assert.DoesNotContain(CinValidator.Validate(data, Year), d => d.Rule == "8820");
    }

    [Theory]
    [InlineData(3, 31, true)] // on the reference date, while the referral of 1 June is open
    [InlineData(6, 1, true)] // the same day as the open referral: each is reported
    public void Overlap8820_ReferralWhileAnotherIsOpen_IsReported(int month, int day, bool reported)
    {
        var date = D(month < 4 ? 2025 : 2024, month, day);
        var data = R(R(X(Baseline())), date: date, closure: D(2025, 3, 31), reason: "RC7").Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8820" && d.Value == date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(20, false)] // the plan starts on the referral's conference (the referral has no section 47 enquiry)
    [InlineData(21, true)]
    public void PlanStart2885_ReferralWithoutEnquiry_IsTheReferralsConference(int planDay, bool reported)
    {
        var data = Cpp(R(X(Baseline()), icpc: D(2024, 6, 20)), D(2024, 6, planDay)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "2885"));
    }

    [Fact]
    public void PlanStart2885_EnquiryWithoutConference_TheReferralsConferenceDoesNotCount()
    {
        // As the DfE's rule: with a section 47 enquiry on the referral, the plan must start on an enquiry's conference.
        var data = Cpp(R(X(Baseline()), icpc: D(2024, 6, 20)).Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: true), D(2024, 6, 20)).Build();

        Assert.Contains(CinValidator.Validate(data, Year), d => d.Rule == "2885" && d.Value == "2024-06-20");
    }

    [Fact]
    public void PlanStart2885_PlanStartedLastYear_IsNotChecked()
    {
        var data = R(X(Baseline()), date: Old).ProtectionPlan("X", Old, start: D(2024, 3, 1), initialCategory: "NEG", latestCategory: "NEG", previousPlans: 0).Build();

        Assert.DoesNotContain(CinValidator.Validate(data, Year), d => d.Rule is "2885" or "2883");
    }

    [Fact]
    public void Plans2883_TooManyInTheCensus_AreReportedOnce()
    {
        // Three plans start in the year (B's and two of X's) against B's one conference.
        var data = Cpp(Cpp(XR(Baseline()), D(2024, 6, 20), end: D(2024, 7, 1)), D(2024, 8, 1)).Build();

        var finding = Assert.Single(CinValidator.Validate(data, Year), d => d.Rule == "2883");
        Assert.Equal("3 plans started, 1 conferences held", finding.Value);
    }

    [Fact]
    public void OpenAssessments8896_ThreeOnOneReferral_TheSecondAndThirdAreReported()
    {
        var data = XR(Baseline()).Assessment("X", Ref, start: D(2025, 3, 3)).Assessment("X", Ref, start: D(2025, 2, 3)).Assessment("X", Ref, start: D(2025, 2, 10)).Build();

        Assert.Equal(2, CinValidator.Validate(data, Year).Count(d => d.Rule == "8896"));
    }

    [Fact]
    public void OngoingAssessment8863Q_OpenOneBefore_IsQueried()
    {
        // The assessment of 3 February is still open at the reference date, so the one of 3 March starts while it is ongoing.
        var data = XR(Baseline()).Assessment("X", Ref, start: D(2025, 2, 3)).Assessment("X", Ref, start: D(2025, 3, 3), authorised: D(2025, 3, 20), factors: ["2A"]).Build();

        var finding = Assert.Single(CinValidator.Validate(data, Year), d => d.Rule == "8863Q");
        Assert.Equal("2025-03-03", finding.Value);
    }

    [Fact]
    public void Factors8898_CodeThreeTimes_IsReportedOnce()
    {
        var data = XR(Baseline()).Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 20), factors: ["2A", "2A", "3A", "2A"]).Build();

        Assert.Equal("2A", Assert.Single(CinValidator.Validate(data, Year), d => d.Rule == "8898").Value);
    }

    [Fact]
    public void Factors8897Q_AssessmentCompletedBeforeTheYear_IsNotQueried()
    {
        var data = R(X(Baseline()), date: Old).Assessment("X", Old, start: D(2024, 3, 1), authorised: D(2024, 3, 20)).Build();

        Assert.DoesNotContain(CinValidator.Validate(data, Year), d => d.Rule == "8897Q");
    }

    [Fact]
    public void Activity8831_ConferenceOnAReferralWithNoFurtherAction_IsReported()
    {
        var data = R(X(Baseline()), nfa: true, icpc: D(2024, 6, 20)).Build();

        Assert.Contains(CinValidator.Validate(data, Year), d => d.Rule == "8831" && d.Column == "ReferralNFA");
    }

    [Fact]
    public void Referrals8816And8820_InTwoCensuses_AreComparedWithinEachCensusOnly()
    {
        // X's referral of June 2023 is open at the end of 2023/24 (its census is right then), closed in 2024/25's, where a new
        // referral follows it: across the two files the first would be open, not the latest, and overlapping the second.
        var b = new CinBuilder("E10000003");
        var y2024 = b.AddFile(new SourceFile("cin_2024.xml", "CIN census XML", 2024));
        var y2025 = b.AddFile(new SourceFile("cin_2025.xml", "CIN census XML", 2025));
        b.Child("X", upn: "B873123456780", dob: D(2016, 1, 1), sex: "2", ethnicity: "WBRI", at: new SourceLocation(y2024, 1))
            .Referral("X", referralDate: Old, referralSource: "1A", primaryNeed: "N1", nfa: false, at: new SourceLocation(y2024, 2))
            .Child("X", upn: "B873123456780", dob: D(2016, 1, 1), sex: "F", ethnicity: "WBRI", at: new SourceLocation(y2025, 1))
            .Referral("X", referralDate: Old, referralSource: "1A", primaryNeed: "N1", closureDate: D(2024, 5, 1), reasonForClosure: "RC7", nfa: false, at: new SourceLocation(y2025, 2))
            .Referral("X", referralDate: Ref, referralSource: "1A", primaryNeed: "N1", nfa: false, at: new SourceLocation(y2025, 3));

        Assert.DoesNotContain(CinValidator.Validate(b.Build()), d => d.Rule is "8816" or "8820");
    }
}
