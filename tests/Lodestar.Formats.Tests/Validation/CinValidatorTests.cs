using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>
/// One case per CIN rule: a bad record that breaks it and a good one that does not, added to a clean
/// baseline council and validated for census year 2025 (1 April 2024 to 31 March 2025).
/// </summary>
public sealed class CinValidatorTests
{
    private const int Year = 2025;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static CinBuilder Baseline() =>
        new CinBuilder("E10000003")
            .Child("B", dob: D(2015, 2, 3), sex: "M", ethnicity: "WBRI", disabilities: ["NONE"])
            .Referral("B", referralDate: D(2023, 6, 1), referralSource: "1A", primaryNeed: "N5", closureDate: D(2024, 4, 20), reasonForClosure: "RC1", nfa: false)
            .Plan("B", D(2023, 6, 1), start: D(2023, 7, 1), end: D(2024, 4, 10))
            .Referral("B", referralDate: D(2024, 5, 1), referralSource: "5A", primaryNeed: "N1", initialCpc: D(2024, 5, 20), nfa: false)
            .Assessment("B", D(2024, 5, 1), start: D(2024, 5, 2), authorised: D(2024, 6, 1), factors: ["2A", "3A"])
            .Section47("B", D(2024, 5, 1), start: D(2024, 5, 3), icpcTarget: D(2024, 5, 24), icpcDate: D(2024, 5, 20), icpcNotRequired: false)
            .ProtectionPlan("B", D(2024, 5, 1), start: D(2024, 5, 20), initialCategory: "NEG", latestCategory: "EMO", previousPlans: 0, reviewDates: [D(2024, 8, 15)]);

    private static CinBuilder X(CinBuilder b, DateOnly? dob = null, DateOnly? death = null, string sex = "F", string ethnicity = "WBRI", string[]? disabilities = null) =>
        b.Child("X", dob: dob ?? D(2016, 1, 1), death: death, sex: sex, ethnicity: ethnicity, disabilities: disabilities);

    // X with one open referral on 1 June 2024 that led to further action.
    private static CinBuilder R(CinBuilder b, DateOnly? date = null, DateOnly? closure = null, string? reason = null, bool? nfa = false, string? need = "N1", string? source = "1A", DateOnly? icpc = null) =>
        b.Referral("X", referralDate: date ?? D(2024, 6, 1), referralSource: source, primaryNeed: need, closureDate: closure, reasonForClosure: reason, initialCpc: icpc, nfa: nfa);

    private static CinBuilder XR(CinBuilder b) => R(X(b));

    private static readonly DateOnly Ref = new(2024, 6, 1);

    private static CinBuilder Cpp(CinBuilder b, DateOnly? start, DateOnly? end = null, string category = "PHY", int? previous = 0, DateOnly[]? reviews = null) =>
        b.ProtectionPlan("X", Ref, start: start, end: end, initialCategory: category, latestCategory: category, previousPlans: previous, reviewDates: reviews);

    private static readonly Dictionary<string, (Func<CinBuilder, CinBuilder> Bad, Func<CinBuilder, CinBuilder> Good)> Cases = new()
    {
        ["8510"] = (b => X(X(b)), b => X(b)),
        ["8525"] = (b => b.Child("X", sex: "F", ethnicity: "WBRI"), b => b.Child("X", expectedDob: D(2025, 5, 1), sex: "U", ethnicity: "WBRI")),
        ["8540"] = (b => X(b, death: D(2015, 1, 1)), b => X(b, death: D(2024, 1, 1))),
        ["LS-CIN-DOB-LATE"] = (b => X(b, dob: D(2025, 6, 1)), b => X(b, dob: D(2025, 3, 1))),
        ["LS-CIN-SEX"] = (b => X(b, sex: "Q"), b => X(b, sex: "9")),
        ["LS-CIN-ETHNICITY"] = (b => X(b, ethnicity: "ZZZZ"), b => X(b, ethnicity: "WIRI")),
        ["LS-CIN-DISABILITY"] = (b => X(b, disabilities: ["XYZ"]), b => X(b, disabilities: ["MOB", "HAND"])),
        ["LS-CIN-DISABILITY-NONE"] = (b => X(b, disabilities: ["NONE", "MOB"]), b => X(b, disabilities: ["MOB"])),
        ["LS-CIN-UNBORN-DISABILITY"] = (b => b.Child("X", expectedDob: D(2025, 5, 1), sex: "U", disabilities: ["MOB"]), b => b.Child("X", expectedDob: D(2025, 5, 1), sex: "U", disabilities: ["NONE"])),
        ["LS-CIN-REFERRAL-BLANK"] = (b => X(b).Referral("X", referralSource: "1A", primaryNeed: "N1", nfa: false), b => XR(b)),
        ["8630"] = (b => R(X(b), closure: D(2024, 5, 1), reason: "RC1"), b => R(X(b), closure: D(2024, 7, 1), reason: "RC1")),
        ["8620"] = (b => R(X(b), closure: D(2025, 5, 1), reason: "RC1"), b => R(X(b), closure: D(2025, 3, 31), reason: "RC1")),
        ["LS-CIN-REFERRAL-LATE"] = (b => R(X(b), date: D(2025, 5, 1)), b => R(X(b), date: D(2025, 3, 1))),
        ["8606"] = (b => R(X(b, dob: D(2024, 12, 1)), date: D(2024, 1, 1)), b => R(X(b, dob: D(2024, 12, 1)), date: D(2024, 6, 1))),
        ["LS-CIN-REFERRAL-AFTER-DEATH"] = (b => R(X(b, death: D(2024, 5, 1))), b => R(X(b, death: D(2024, 7, 1)))),
        ["LS-CIN-CLOSURE-REASON"] = (b => R(X(b), closure: D(2024, 7, 1)), b => R(X(b), closure: D(2024, 7, 1), reason: "RC8")),
        ["LS-CIN-REASON-NO-CLOSURE"] = (b => R(X(b), reason: "RC1"), b => XR(b)),
        ["LS-CIN-CLOSURE-CODE"] = (b => R(X(b), closure: D(2024, 7, 1), reason: "RC0"), b => R(X(b), closure: D(2024, 7, 1), reason: "RC9")),
        ["LS-CIN-NEED-CODE"] = (b => R(X(b), need: "N11"), b => R(X(b), need: "N9")),
        ["LS-CIN-NEED-MISSING"] = (b => R(X(b), need: null), b => R(X(b), need: null, nfa: true)),
        ["LS-CIN-SOURCE-CODE"] = (b => R(X(b), source: "99"), b => R(X(b), source: "10")),
        ["LS-CIN-NFA-BLANK"] = (b => R(X(b), nfa: null), b => R(X(b), nfa: true)),
        ["LS-CIN-REFERRAL-TWICE"] = (b => R(R(X(b), closure: D(2024, 6, 1), reason: "RC1")), b => R(X(b), closure: D(2024, 6, 1), reason: "RC1")),
        ["LS-CIN-TWO-OPEN"] = (b => R(R(X(b)), date: D(2024, 7, 1)), b => R(R(X(b), closure: D(2024, 6, 20), reason: "RC2"), date: D(2024, 7, 1))),
        ["8565"] = (b => R(X(b), closure: D(2024, 6, 10), reason: "RC1").Assessment("X", Ref, start: D(2024, 6, 12)),
                    b => R(X(b), closure: D(2024, 6, 10), reason: "RC1").Assessment("X", Ref, start: D(2024, 6, 2))),
        ["LS-CIN-ASSESSMENT-START-BLANK"] = (b => XR(b).Assessment("X", Ref), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 2))),
        ["8608"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 5, 2)), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 1))),
        ["LS-CIN-ASSESSMENT-ORDER"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 6, 4)), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 6, 5))),
        ["LS-CIN-FACTORS-CODE"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["99Z"]), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["24A"])),
        ["8945Q"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["18A"]), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["18B"])),
        ["8950Q"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["19A"]), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["19C"])),
        ["LS-CIN-FACTORS-OPEN"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), factors: ["2A"]), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5))),
        ["4010"] = (b => XR(b).Plan("X", Ref, end: D(2024, 9, 1)), b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 9, 1))),
        ["4011"] = (b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 6, 30)), b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 1))),
        ["4015"] = (b => XR(b).Plan("X", Ref, start: D(2024, 5, 1)), b => XR(b).Plan("X", Ref, start: D(2024, 6, 1))),
        ["LS-CIN-PLANS-OPEN"] = (b => XR(b).Plan("X", Ref, start: D(2024, 7, 1)).Plan("X", Ref, start: D(2024, 8, 1)),
                                 b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 20)).Plan("X", Ref, start: D(2024, 8, 1))),
        ["2889"] = (b => XR(b).Section47("X", Ref, start: D(2024, 5, 20)), b => XR(b).Section47("X", Ref, start: D(2024, 6, 2))),
        ["1104"] = (b => XR(b).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: D(2024, 5, 30)), b => XR(b).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: D(2024, 6, 20))),
        ["LS-CIN-S47-START-BLANK"] = (b => XR(b).Section47("X", Ref, icpcNotRequired: true), b => XR(b).Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: true)),
        ["LS-CIN-ICPC-BEFORE-S47"] = (b => XR(b).Section47("X", Ref, start: D(2024, 6, 10), icpcDate: D(2024, 6, 5)), b => XR(b).Section47("X", Ref, start: D(2024, 6, 10), icpcDate: D(2024, 6, 25))),
        ["LS-CIN-ICPC-NOT-REQUIRED"] = (b => XR(b).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: D(2024, 6, 20), icpcNotRequired: true), b => XR(b).Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: true)),
        ["LS-CIN-ICPC-WITHOUT-S47"] = (b => R(X(b), icpc: D(2024, 6, 20)), b => R(X(b), icpc: D(2024, 6, 20)).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: D(2024, 6, 20))),
        ["LS-CIN-CPP-START-BLANK"] = (b => Cpp(XR(b), null), b => Cpp(XR(b), D(2024, 6, 20))),
        ["LS-CIN-CPP-ORDER"] = (b => Cpp(XR(b), D(2024, 6, 20), end: D(2024, 6, 19)), b => Cpp(XR(b), D(2024, 6, 20), end: D(2024, 12, 19))),
        ["LS-CIN-CPP-BEFORE-REFERRAL"] = (b => Cpp(XR(b), D(2024, 5, 20)), b => Cpp(XR(b), D(2024, 6, 1))),
        ["LS-CIN-CATEGORY"] = (b => Cpp(XR(b), D(2024, 6, 20), category: "ABC"), b => Cpp(XR(b), D(2024, 6, 20), category: "MUL")),
        ["LS-CIN-PREVIOUS-CPP"] = (b => Cpp(XR(b), D(2024, 6, 20), previous: null), b => Cpp(XR(b), D(2024, 6, 20), previous: 2)),
        ["LS-CIN-CPP-REVIEW-EARLY"] = (b => Cpp(XR(b), D(2024, 6, 20), reviews: [D(2024, 6, 20)]), b => Cpp(XR(b), D(2024, 6, 20), reviews: [D(2024, 6, 21)])),
        ["LS-CIN-CPP-OVERLAP"] = (b => Cpp(Cpp(XR(b), D(2024, 6, 20)), D(2024, 8, 1)), b => Cpp(Cpp(XR(b), D(2024, 6, 20), end: D(2024, 7, 31)), D(2024, 8, 1))),
    };

    public static TheoryData<string> RuleIds => [.. CinValidator.Rules.Select(r => r.Id)];

    [Fact]
    public void Rules_Counted_AtLeastThirtyWithUniqueIds()
    {
        Assert.True(CinValidator.Rules.Count >= 30, $"{CinValidator.Rules.Count} rules");
        Assert.Equal(CinValidator.Rules.Count, CinValidator.Rules.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Cases_EachOne_HasItsRule()
    {
        Assert.Empty(Cases.Keys.Except(CinValidator.Rules.Select(r => r.Id)));
    }

    [Fact]
    public void Validate_Baseline_ReportsNothing()
    {
        Assert.Empty(CinValidator.Validate(Baseline().Build(), Year));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_BadRecord_IsReported(string rule)
    {
        Assert.True(Cases.ContainsKey(rule), $"rule {rule} has no test case");
        var diagnostics = CinValidator.Validate(Cases[rule].Bad(Baseline()).Build(), Year);

        Assert.Contains(diagnostics, d => d.Rule == rule);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_GoodRecord_ReportsNothing(string rule)
    {
        Assert.True(Cases.ContainsKey(rule), $"rule {rule} has no test case");
        var diagnostics = CinValidator.Validate(Cases[rule].Good(Baseline()).Build(), Year);

        Assert.Empty(diagnostics);
    }
}
