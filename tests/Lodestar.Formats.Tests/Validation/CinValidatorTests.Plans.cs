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
                    b => Cpp(XR(b).Plan("X", Ref, start: D(2024, 6, 10), end: D(2024, 6, 30)), D(2024, 7, 1))),
        // A review while the referral's CIN plan is open; then a review on the CP plan's end date, the day the CIN plan starts.
        ["4003"] = (b => Cpp(XR(b), D(2024, 6, 20), end: D(2024, 9, 1), reviews: [D(2024, 8, 1)]).Plan("X", Ref, start: D(2024, 7, 15), end: D(2024, 8, 20)),
                    b => Cpp(XR(b), D(2024, 6, 20), end: D(2024, 8, 1), reviews: [D(2024, 8, 1)]).Plan("X", Ref, start: D(2024, 8, 1), end: D(2024, 8, 20))),
        ["4008"] = (b => R(X(b, death: D(2024, 9, 1))).Plan("X", Ref, start: D(2024, 9, 2)), b => R(X(b, death: D(2024, 9, 1))).Plan("X", Ref, start: D(2024, 9, 1))),
        ["4009Q"] = (b => R(X(b, death: D(2024, 9, 1))).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 9, 2)),
                     b => R(X(b, death: D(2024, 9, 1))).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 9, 1))),
        ["4012Q"] = (b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 1)), b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 2))),
        // The second plan starts on the first's end date; then the day after.
        ["4014"] = (b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 8, 1)).Plan("X", Ref, start: D(2024, 8, 1), end: D(2024, 9, 1)),
                    b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 31)).Plan("X", Ref, start: D(2024, 8, 1), end: D(2024, 9, 1))),
        // The CIN plan starts while the CP plan runs; then on the CP plan's end date.
        ["4016"] = (b => Cpp(XR(b), D(2024, 6, 20), end: D(2024, 8, 1)).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 20)),
                    b => Cpp(XR(b), D(2024, 6, 20), end: D(2024, 8, 1)).Plan("X", Ref, start: D(2024, 8, 1))),
        // The CP plan starts while the CIN plan runs; then on the CIN plan's end date.
        ["4017"] = (b => Cpp(XR(b).Plan("X", Ref, start: D(2024, 6, 10), end: D(2024, 7, 1)), D(2024, 6, 20)),
                    b => Cpp(XR(b).Plan("X", Ref, start: D(2024, 6, 10), end: D(2024, 6, 20)), D(2024, 6, 20))),
    };

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
            .Child("Y", upn: "A873456789012", dob: D(2016, 2, 1), sex: "M", ethnicity: "WBRI")
            .Referral("Y", referralDate: Ref, referralSource: "1A", primaryNeed: "N1", nfa: false)
            .Plan("Y", Ref, start: D(2024, 7, 1))
            .Build();

        Assert.Empty(CinValidator.Validate(data, Year));
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
