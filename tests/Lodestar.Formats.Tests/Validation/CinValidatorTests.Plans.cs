using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

public sealed partial class CinValidatorTests
{
    // A bad record and a good one for each rule of CinValidator.Plans.cs.
    private static readonly Dictionary<string, (Func<CinBuilder, CinBuilder> Bad, Func<CinBuilder, CinBuilder> Good)> PlanCases = new()
    {
        // CIN plans
        ["4000"] = (b => R(X(b), nfa: true).Plan("X", Ref, start: D(2024, 6, 10)), b => XR(b).Plan("X", Ref, start: D(2024, 6, 10))),
        // Both open in the referral; then the CIN plan ends the day before the CP plan starts.
        ["4001"] = (b => Cpp(XR(b).Plan("X", Ref, start: D(2024, 6, 10)), D(2024, 7, 1)),
                    b => Cpp(Conferenced(b, D(2024, 7, 1)).Plan("X", Ref, start: D(2024, 6, 10), end: D(2024, 6, 30)), D(2024, 7, 1))),
        // A review while the referral's CIN plan is open; then a review on the CP plan's end date, the day the CIN plan starts.
        ["4003"] = (b => Cpp(XR(b), D(2024, 6, 20), end: D(2024, 9, 1), reviews: [D(2024, 8, 1)]).Plan("X", Ref, start: D(2024, 7, 15), end: D(2024, 8, 20)),
                    b => Cpp(Conferenced(b), D(2024, 6, 20), end: D(2024, 8, 1), reviews: [D(2024, 8, 1)]).Plan("X", Ref, start: D(2024, 8, 1), end: D(2024, 8, 20))),
        ["4008"] = (b => R(X(b, death: D(2024, 9, 1))).Plan("X", Ref, start: D(2024, 9, 2)), b => R(X(b, death: D(2024, 9, 1))).Plan("X", Ref, start: D(2024, 9, 1))),
        ["4009Q"] = (b => R(X(b, death: D(2024, 9, 1))).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 9, 2)),
                     b => R(X(b, death: D(2024, 9, 1))).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 9, 1))),
        ["4012Q"] = (b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 1)), b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 2))),
        // The second plan starts on the first's end date; then the day after.
        ["4014"] = (b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 8, 1)).Plan("X", Ref, start: D(2024, 8, 1), end: D(2024, 9, 1)),
                    b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 31)).Plan("X", Ref, start: D(2024, 8, 1), end: D(2024, 9, 1))),
        // The CIN plan starts while the CP plan runs; then on the CP plan's end date.
        ["4016"] = (b => Cpp(XR(b), D(2024, 6, 20), end: D(2024, 8, 1)).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 20)),
                    b => Cpp(Conferenced(b), D(2024, 6, 20), end: D(2024, 8, 1)).Plan("X", Ref, start: D(2024, 8, 1))),
        // The CP plan starts while the CIN plan runs; then on the CIN plan's end date.
        ["4017"] = (b => Cpp(XR(b).Plan("X", Ref, start: D(2024, 6, 10), end: D(2024, 7, 1)), D(2024, 6, 20)),
                    b => Cpp(Conferenced(b).Plan("X", Ref, start: D(2024, 6, 10), end: D(2024, 6, 20)), D(2024, 6, 20))),

        // Section 47. 31 March 2025, the reference date, is a Monday: 15 working days before it is Monday 10 March (no bank holiday between).
        ["8675Q"] = (b => XR(b).Section47("X", Ref, start: D(2025, 3, 7), icpcNotRequired: false), b => Assessed(XR(b)).Section47("X", Ref, start: D(2025, 3, 10), icpcNotRequired: false)),
        // Two enquiries waiting for a conference; then the first needs none.
        ["8839"] = (b => XR(b).Section47("X", Ref, start: D(2025, 3, 20), icpcNotRequired: false).Section47("X", Ref, start: D(2025, 3, 21), icpcNotRequired: false),
                    b => Assessed(XR(b)).Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: true).Section47("X", Ref, start: D(2025, 3, 20), icpcNotRequired: false)),
        // 1 June 2024 was a Saturday: the 22nd a Saturday, the 23rd a Sunday.
        ["8870Q"] = (b => XR(b).Section47("X", Ref, start: D(2024, 6, 3), icpcTarget: D(2024, 6, 22), icpcDate: D(2024, 6, 20), icpcNotRequired: false),
                     b => Assessed(XR(b)).Section47("X", Ref, start: D(2024, 6, 3), icpcTarget: D(2024, 6, 21), icpcDate: D(2024, 6, 20), icpcNotRequired: false)),
        ["8875"] = (b => XR(b).Section47("X", Ref, start: D(2024, 6, 3), icpcDate: D(2024, 6, 23), icpcNotRequired: false),
                    b => Assessed(XR(b)).Section47("X", Ref, start: D(2024, 6, 3), icpcDate: D(2024, 6, 24), icpcNotRequired: false)),
        // The second enquiry starts on the day of the first's conference; then the day after.
        ["8890"] = (b => XR(b).Section47("X", Ref, start: D(2024, 6, 3), icpcDate: D(2024, 6, 20), icpcNotRequired: false).Section47("X", Ref, start: D(2024, 6, 20), icpcNotRequired: true),
                    b => Assessed(XR(b)).Section47("X", Ref, start: D(2024, 6, 3), icpcDate: D(2024, 6, 20), icpcNotRequired: false).Section47("X", Ref, start: D(2024, 6, 21), icpcNotRequired: true)),

        // Child protection plans
        ["8840"] = (b => Cpp(XR(b), D(2024, 6, 20), end: D(2024, 6, 20)), b => Cpp(Conferenced(b), D(2024, 6, 20), end: D(2024, 6, 21))),
        ["8842Q"] = (b => XR(b).ProtectionPlan("X", Ref, start: D(2024, 6, 20), initialCategory: "NEG", latestCategory: "NEG", previousPlans: 0, blankReviews: 1, reviewDates: [D(2024, 7, 1)]),
                     b => Conferenced(b).ProtectionPlan("X", Ref, start: D(2024, 6, 20), initialCategory: "NEG", latestCategory: "NEG", previousPlans: 0, blankReviews: 0, reviewDates: [D(2024, 7, 1)])),
        // Monday 2 September 2024: a conference and the plan on the day the child died (a weekend conference is 8875's).
        ["8915"] = (b => Cpp(R(X(b, death: D(2024, 9, 2))), D(2024, 9, 3)), b => Cpp(ConferencedDied(b, D(2024, 9, 2), D(2024, 9, 2)), D(2024, 9, 2))),
        ["8920"] = (b => Cpp(R(X(b, death: D(2024, 9, 1))), D(2024, 6, 20), end: D(2024, 9, 2)), b => Cpp(ConferencedDied(b, D(2024, 9, 1), D(2024, 6, 20)), D(2024, 6, 20), end: D(2024, 9, 1))),
        // The second plan starts on the first's end date; then the day after.
        ["8940"] = (b => Cpp(Cpp(XR(b), D(2024, 6, 20), end: D(2024, 8, 1)), D(2024, 8, 1), end: D(2024, 9, 1)),
                    b => Cpp(Cpp(Conferenced(b).Section47("X", Ref, start: D(2024, 7, 20), icpcDate: D(2024, 8, 1), icpcNotRequired: false), D(2024, 6, 20), end: D(2024, 7, 31)), D(2024, 8, 1), end: D(2024, 9, 1))),
    };

    // X, who died on `death`, with the referral of 1 June 2024 assessed and a section 47 enquiry whose conference is on `conference`.
    private static CinBuilder ConferencedDied(CinBuilder b, DateOnly death, DateOnly conference) =>
        Assessed(R(X(b, death: death))).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: conference, icpcNotRequired: false);

    [Theory]
    [InlineData(7, false, true)] // Friday 7 March 2025: 16 working days to the reference date
    [InlineData(9, false, true)] // Sunday 9 March: 16 too
    [InlineData(10, false, false)] // Monday 10 March: 15
    [InlineData(7, null, false)] // ICPCnotRequired blank, not false
    [InlineData(7, true, false)]
    public void Section47_WaitingForItsConferenceMoreThan15WorkingDays_IsReportedAs8675Q(int day, bool? notRequired, bool reported)
    {
        var data = XR(Baseline()).Section47("X", Ref, start: D(2025, 3, day), icpcNotRequired: notRequired).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8675Q"));
    }

    [Fact]
    public void Section47_WorkingDaysTo8675Q_SkipBankHolidays()
    {
        // 2023/24's reference date, Sunday 31 March 2024, is Easter Sunday: Good Friday (29 March) is no working day, so 15
        // working days before it is Thursday 7 March (8-28 March hold 15 working days) and Wednesday 6 March is reported.
        var data = R(X(Baseline()), date: D(2024, 3, 1)).Section47("X", D(2024, 3, 1), start: D(2024, 3, 6), icpcNotRequired: false)
            .Section47("X", D(2024, 3, 1), start: D(2024, 3, 7), icpcNotRequired: false).Build();

        var found = CinValidator.Validate(data, 2024).Where(d => d.Rule == "8675Q").Select(d => d.Value).ToList();

        Assert.Equal(["2024-03-06"], found);
    }

    [Fact]
    public void ConferenceDate_OnTheReferralOnASunday_IsReportedAs8875()
    {
        var data = R(X(Baseline()), icpc: D(2024, 6, 23)).Section47("X", Ref, start: D(2024, 6, 3), icpcDate: D(2024, 6, 21), icpcNotRequired: false).Build();

        var found = Assert.Single(CinValidator.Validate(data, Year), d => d.Rule == "8875");
        Assert.Equal(("DateOfInitialCPC", "2024-06-23"), (found.Column, found.Value));
    }

    [Fact]
    public void Section47s_WaitingForConferences_TheSecondIsReportedAs8839()
    {
        var data = XR(Baseline()).Section47("X", Ref, start: D(2025, 3, 20), icpcNotRequired: false)
            .Section47("X", Ref, start: D(2025, 3, 21)).Section47("X", Ref, start: D(2025, 3, 24), icpcNotRequired: false).Build();

        Assert.Equal(2, CinValidator.Validate(data, Year).Count(d => d.Rule == "8839"));
    }

    [Fact]
    public void CinPlan_StartingAndEndingTheSameDay_IsA4012QueryNotA4011Error()
    {
        var rules = CinValidator.Validate(XR(Baseline()).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 1)).Build(), Year).Select(d => d.Rule);

        Assert.Equal(["4012Q"], rules);
    }

    [Theory]
    [InlineData(2024, 8, 1, true)] // on or before the reference date, while the first plan is open
    [InlineData(2024, 6, 30, false)] // the day before the open plan starts (ending the same day)
    public void CinPlan_StartingWhileAnOpenPlanRuns_IsReportedAs4014(int year, int month, int day, bool reported)
    {
        var start = D(year, month, day);
        var data = XR(Baseline()).Plan("X", Ref, start: D(2024, 7, 1)).Plan("X", Ref, start: start, end: start.AddDays(reported ? 30 : 0)).Build();

        var found = CinValidator.Validate(data, Year).Where(d => d.Rule == "4014").ToList();

        Assert.Equal(reported, found.Count > 0);
    }

    [Fact]
    public void CinPlans_OfDifferentChildren_DoNotOverlap()
    {
        var data = XR(Baseline()).Plan("X", Ref, start: D(2024, 7, 1))
            .Child("Y", upn: "G873456789012", dob: D(2016, 2, 1), sex: "M", ethnicity: "WBRI")
            .Referral("Y", referralDate: Ref, referralSource: "1A", primaryNeed: "N1", nfa: false)
            .Plan("Y", Ref, start: D(2024, 7, 1))
            .Build();

        Assert.Empty(CinValidator.Validate(data, Year));
    }

    [Fact]
    public void Plans_OfTwoCensuses_AreComparedWithinEachCensusOnly()
    {
        // Last year's census left a CP plan open in a referral this year's does not give: across the two files this year's
        // CP plan and CIN plan would start while it runs (8940, 4016); within this year's they do not.
        var b = new CinBuilder("E10000003");
        var last = b.AddFile(new SourceFile("cin_2024.xml", "CIN census XML", 2024));
        var now = b.AddFile(new SourceFile("cin_2025.xml", "CIN census XML", 2025));
        var data = b
            .Child("X", upn: "B873123456780", dob: D(2016, 1, 1), sex: "F", ethnicity: "WBRI", at: new SourceLocation(last, 1))
            .Referral("X", referralDate: Old, referralSource: "1A", primaryNeed: "N1", nfa: false, at: new SourceLocation(last, 2))
            .ProtectionPlan("X", Old, start: D(2023, 6, 20), initialCategory: "NEG", latestCategory: "NEG", previousPlans: 0, at: new SourceLocation(last, 3))
            .Child("X", upn: "B873123456780", dob: D(2016, 1, 1), sex: "F", ethnicity: "WBRI", at: new SourceLocation(now, 1))
            .Referral("X", referralDate: Ref, referralSource: "1A", primaryNeed: "N1", nfa: false, at: new SourceLocation(now, 2))
            .Plan("X", Ref, start: D(2024, 6, 10), end: D(2024, 6, 20), at: new SourceLocation(now, 3))
            .ProtectionPlan("X", Ref, start: D(2024, 6, 20), initialCategory: "NEG", latestCategory: "NEG", previousPlans: 0, at: new SourceLocation(now, 4))
            .Build();

        var rules = CinValidator.Validate(data).Select(d => d.Rule).ToList();

        Assert.Equal(2, data.ProtectionPlans.Count);
        Assert.DoesNotContain("8940", rules);
        Assert.DoesNotContain("4016", rules);
    }

    [Theory]
    [InlineData(2024, 8, 20, true)] // on the CIN plan's end date: "between" takes both ends
    [InlineData(2024, 8, 21, false)]
    [InlineData(2024, 7, 15, true)] // on its start date
    public void Review_OnOrBetweenTheCinPlansDates_IsReportedAs4003(int year, int month, int day, bool reported)
    {
        var data = Cpp(XR(Baseline()), D(2024, 6, 20), end: D(2024, 9, 1), reviews: [D(year, month, day)]).Plan("X", Ref, start: D(2024, 7, 15), end: D(2024, 8, 20)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "4003"));
    }

    [Fact]
    public void Review_WhileTheCinPlanIsOpen_IsReportedAs4003()
    {
        var data = Cpp(XR(Baseline()), D(2024, 6, 20), reviews: [D(2025, 3, 31)]).Plan("X", Ref, start: D(2024, 7, 15)).Build();

        var found = Assert.Single(CinValidator.Validate(data, Year), d => d.Rule == "4003");
        Assert.Equal(("CPPreviewDate", "2025-03-31"), (found.Column, found.Value));
    }

    [Theory]
    [InlineData(false, true)] // the first still waits for its conference at the reference date
    [InlineData(true, false)] // the first needs none: it has no span to start in
    public void Section47_StartingOnTheReferenceDateWhileAnotherWaits_IsReportedAs8890(bool firstNotRequired, bool reported)
    {
        var data = XR(Baseline()).Section47("X", Ref, start: D(2025, 3, 20), icpcNotRequired: firstNotRequired)
            .Section47("X", Ref, start: D(2025, 3, 31), icpcNotRequired: true).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8890"));
    }

    [Fact]
    public void ReviewAndPlans_InAnotherReferral_AreNotReportedAs4003()
    {
        // The DfE's 4003 looks within one referral (CINdetails): the CIN plan of the closed referral is not this CP plan's.
        var data = R(X(Baseline()), date: D(2024, 5, 1), closure: D(2024, 9, 1), reason: "RC1")
            .Plan("X", D(2024, 5, 1), start: D(2024, 5, 2), end: D(2024, 9, 1))
            .Referral("X", referralDate: Ref, referralSource: "1A", primaryNeed: "N1", nfa: false)
            .ProtectionPlan("X", Ref, start: D(2024, 7, 1), initialCategory: "NEG", latestCategory: "NEG", previousPlans: 0, reviewDates: [D(2024, 8, 1)])
            .Build();

        Assert.DoesNotContain(CinValidator.Validate(data, Year), d => d.Rule == "4003");
    }
}
