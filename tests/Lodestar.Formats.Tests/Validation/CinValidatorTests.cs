using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>
/// One case per CIN rule: a bad record that breaks it and a good one that does not, added to a clean
/// baseline council and validated for census year 2025 (1 April 2024 to 31 March 2025).
/// </summary>
public sealed partial class CinValidatorTests
{
    private const int Year = 2025;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static CinBuilder Baseline() =>
        new CinBuilder("E10000003")
            .Child("B", upn: "J873123456789", dob: D(2015, 2, 3), sex: "M", ethnicity: "WBRI", disabilities: ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"])
            .Referral("B", referralDate: D(2023, 6, 1), referralSource: "1A", primaryNeed: "N5", closureDate: D(2024, 4, 20), reasonForClosure: "RC1", nfa: false)
            .Plan("B", D(2023, 6, 1), start: D(2023, 7, 1), end: D(2024, 4, 10))
            .Referral("B", referralDate: D(2024, 5, 1), referralSource: "5A", primaryNeed: "N1", nfa: false)
            .Assessment("B", D(2024, 5, 1), start: D(2024, 5, 2), authorised: D(2024, 6, 1), factors: ["2A", "3A"])
            .Section47("B", D(2024, 5, 1), start: D(2024, 5, 3), icpcTarget: D(2024, 5, 24), icpcDate: D(2024, 5, 20), icpcNotRequired: false)
            .ProtectionPlan("B", D(2024, 5, 1), start: D(2024, 5, 20), initialCategory: "NEG", latestCategory: "EMO", previousPlans: 0, reviewDates: [D(2024, 8, 15)]);

    // Child X, of school age with a UPN (Cambridgeshire's LA number, 873; its check letter worked by hand) unless told otherwise.
    private static CinBuilder X(CinBuilder b, DateOnly? dob = null, DateOnly? death = null, string sex = "F", string ethnicity = "WBRI", string[]? disabilities = null, string? upn = "G873123456780", string? upnUnknown = null, string? formerUpn = null) =>
        b.Child("X", upn: upn, upnUnknown: upnUnknown, dob: dob ?? D(2016, 1, 1), death: death, sex: sex, ethnicity: ethnicity, formerUpn: formerUpn, disabilities: disabilities);

    // A referral of 1 June 2024 that led to further action, for any child (every child needs one: 8590).
    private static CinBuilder RefOf(CinBuilder b, string child) =>
        b.Referral(child, referralDate: D(2024, 6, 1), referralSource: "1A", primaryNeed: "N1", nfa: false);

    // Child X unborn (expected 1 May 2025, within 40 weeks of its referral of 1 September 2024), with Sex `sex`.
    private static CinBuilder Unborn(CinBuilder b, string sex = "U", string[]? disabilities = null, DateOnly? expected = null) =>
        R(b.Child("X", expectedDob: expected ?? D(2025, 5, 1), sex: sex, ethnicity: "WBRI", disabilities: disabilities), date: D(2024, 9, 1));

    // X with one open referral on 1 June 2024 that led to further action.
    private static CinBuilder R(CinBuilder b, DateOnly? date = null, DateOnly? closure = null, string? reason = null, bool? nfa = false, string? need = "N1", string? source = "1A", DateOnly? icpc = null) =>
        b.Referral("X", referralDate: date ?? D(2024, 6, 1), referralSource: source, primaryNeed: need, closureDate: closure, reasonForClosure: reason, initialCpc: icpc, nfa: nfa);

    private static CinBuilder XR(CinBuilder b) => R(X(b));

    private static readonly DateOnly Ref = new(2024, 6, 1);

    // A referral of June 2023 still open in 2024/25: its earlier modules belong to last year's census.
    private static readonly DateOnly Old = new(2023, 6, 1);

    private static CinBuilder Cpp(CinBuilder b, DateOnly? start, DateOnly? end = null, string category = "PHY", int? previous = 0, DateOnly[]? reviews = null) =>
        b.ProtectionPlan("X", Ref, start: start, end: end, initialCategory: category, latestCategory: category, previousPlans: previous, reviewDates: reviews);

    // Every rule's case: those below and those of CinValidatorTests.Children.cs, .Referrals.cs and .Plans.cs.
    private static Dictionary<string, (Func<CinBuilder, CinBuilder> Bad, Func<CinBuilder, CinBuilder> Good)> Cases =>
        field ??= new[] { FirstCases, ChildCases, ReferralCases, PlanCases }.SelectMany(d => d).ToDictionary();

    private static readonly Dictionary<string, (Func<CinBuilder, CinBuilder> Bad, Func<CinBuilder, CinBuilder> Good)> FirstCases = new()
    {
        ["8510"] = (b => X(X(b)), b => XR(b)),
        ["1530"] = (b => X(b, upn: "R999123456780"), b => R(X(b, upn: "V942123456780"))),
        ["1540"] = (b => X(b, upn: "B94212345X780"), b => R(X(b, upn: "V942123456780"))),
        ["1550"] = (b => X(b, upn: "B94212345678I"), b => R(X(b, upn: "U94212345678H"))),
        // One child of the census's two (the baseline's B and X) with Sex U and no expected date of birth: 50%. An unborn child's U is not counted.
        ["2886Q"] = (b => X(b, sex: "U"), b => Unborn(b)),
        // Born 31 August 2019, X is of school age in 2024/25; born a day later, not.
        ["8770Q"] = (b => R(X(b, dob: D(2019, 8, 31), upn: null, upnUnknown: "UN1")), b => R(X(b, dob: D(2019, 9, 1), upn: null, upnUnknown: "UN1"))),
        ["1520"] = (b => X(b).Child("Y", upn: "G873456789012", dob: D(2016, 2, 1), sex: "M", ethnicity: "WBRI").Child("X2", upn: "G873456789012", dob: D(2016, 3, 1), sex: "F", ethnicity: "WBRI"),
                    b => RefOf(RefOf(XR(b).Child("Y", upn: "G873456789012", dob: D(2016, 2, 1), sex: "M", ethnicity: "WBRI").Child("X2", upn: "W873456789013", dob: D(2016, 3, 1), sex: "F", ethnicity: "WBRI"), "Y"), "X2")),
        ["2990"] = (b => R(X(b), closure: D(2024, 7, 1), reason: "RC8").Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: true),
                    b => R(X(b), closure: D(2024, 7, 1), reason: "RC8").Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 20), factors: ["2A"])),
        ["2884"] = (b => R(X(b), icpc: D(2024, 6, 20)).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: D(2024, 6, 20)),
                    b => Assessed(XR(b)).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: D(2024, 6, 20))),
        ["8696"] = (b => R(X(b), date: Old).Assessment("X", Old, start: D(2023, 6, 2), authorised: D(2023, 7, 1), factors: ["2A"]),
                    b => R(X(b), date: Old).Assessment("X", Old, start: D(2024, 3, 2), authorised: D(2024, 4, 1), factors: ["2A"])),
        ["4013"] = (b => R(X(b), date: Old).Plan("X", Old, start: D(2023, 7, 1), end: D(2024, 3, 31)).Plan("X", Old, start: D(2024, 4, 1)),
                    b => R(X(b), date: Old).Plan("X", Old, start: D(2023, 7, 1), end: D(2024, 4, 1)).Plan("X", Old, start: D(2024, 4, 2))),
        ["8715"] = (b => R(X(b), date: Old).Section47("X", Old, start: D(2023, 6, 2), icpcDate: D(2023, 6, 20)),
                    b => AssessedOld(R(X(b), date: Old)).Section47("X", Old, start: D(2024, 3, 20), icpcDate: D(2024, 4, 2))),
        ["8740"] = (b => R(X(b), date: Old).Section47("X", Old, start: D(2023, 6, 2), icpcNotRequired: false),
                    b => AssessedOld(R(X(b), date: Old)).Section47("X", Old, start: D(2025, 3, 20), icpcNotRequired: false)),
        ["8930"] = (b => R(X(b), date: Old).ProtectionPlan("X", Old, start: D(2023, 6, 20), end: D(2024, 3, 1), initialCategory: "NEG", latestCategory: "NEG", previousPlans: 0),
                    b => R(X(b), date: Old).ProtectionPlan("X", Old, start: D(2023, 6, 20), end: D(2024, 4, 1), initialCategory: "NEG", latestCategory: "NEG", previousPlans: 0)),
        ["8525Q"] = (b => b.Child("X", sex: "F", ethnicity: "WBRI"), b => Unborn(b)),
        ["8535Q"] = (b => X(b, death: D(2015, 1, 1)), b => R(X(b, death: D(2024, 7, 1)))),
        ["8520"] = (b => X(b, dob: D(2025, 6, 1)), b => R(X(b, dob: D(2025, 3, 1)))),
        // (U is valid too, but one child in two with Sex U is 2886Q's: the 8750 case gives an unborn child U.)
        ["4180"] = (b => X(b, sex: "Q"), b => R(X(b, sex: "M"))),
        ["8750"] = (b => b.Child("X", expectedDob: D(2025, 5, 1), sex: "F", ethnicity: "WBRI"), b => Unborn(b)),
        // 21 characters, then 20.
        ["1570"] = (b => b.Child("A12345678901234567890", dob: D(2016, 1, 1), sex: "F", ethnicity: "WBRI"), b => RefOf(b.Child("A1234567890123456789", upn: "W873456789013", dob: D(2016, 1, 1), sex: "F", ethnicity: "WBRI"), "A1234567890123456789")),
        ["1580"] = (b => b.Child("X-1", dob: D(2016, 1, 1), sex: "F", ethnicity: "WBRI"), b => RefOf(b.Child("X1", upn: "W873456789013", dob: D(2016, 1, 1), sex: "F", ethnicity: "WBRI"), "X1")),
        ["4220"] = (b => X(b, ethnicity: "ZZZZ"), b => R(X(b, ethnicity: "WIRI"))),
        ["8540"] = (b => X(b, disabilities: ["XYZ"]), b => R(X(b, disabilities: ["MOB", "HAND"]))),
        ["8790"] = (b => X(b, disabilities: ["NONE", "MOB"]), b => R(X(b, disabilities: ["MOB"]))),
        ["LS-CIN-UNBORN-DISABILITY"] = (b => b.Child("X", expectedDob: D(2025, 5, 1), sex: "U", disabilities: ["MOB"]), b => Unborn(b, disabilities: ["NONE"])),
        ["8600"] = (b => X(b).Referral("X", referralSource: "1A", primaryNeed: "N1", nfa: false), b => XR(b)),
        ["8630"] = (b => R(X(b), closure: D(2024, 5, 1), reason: "RC1"), b => R(X(b), closure: D(2024, 7, 1), reason: "RC1")),
        ["8620"] = (b => R(X(b), closure: D(2025, 5, 1), reason: "RC1"), b => R(X(b), closure: D(2025, 3, 31), reason: "RC1")),
        ["8606"] = (b => R(X(b, dob: D(2024, 12, 1)), date: D(2024, 1, 1)), b => R(X(b, dob: D(2024, 12, 1)), date: D(2024, 6, 1))),
        ["8555Q"] = (b => R(X(b, death: D(2024, 5, 1))), b => R(X(b, death: D(2024, 7, 1)))),
        ["8805"] = (b => R(X(b), closure: D(2024, 7, 1)), b => R(X(b), closure: D(2024, 7, 1), reason: "RC7")),
        ["8810"] = (b => R(X(b), reason: "RC1"), b => XR(b)),
        ["8640"] = (b => R(X(b), closure: D(2024, 7, 1), reason: "RC0"), b => Assessed(R(X(b), closure: D(2024, 7, 1), reason: "RC9"))),
        ["8650"] = (b => R(X(b), need: "N11"), b => R(X(b), need: "N9")),
        ["8610"] = (b => R(X(b), need: null), b => R(X(b), need: null, nfa: true)),
        ["8866"] = (b => R(X(b), source: "99"), b => R(X(b), source: "10")),
        ["8568"] = (b => R(X(b), nfa: null), b => R(X(b), nfa: true)),
        ["LS-CIN-REFERRAL-TWICE"] = (b => R(R(X(b), closure: D(2024, 6, 1), reason: "RC1")), b => R(X(b), closure: D(2024, 6, 1), reason: "RC1")),
        ["8815"] = (b => R(R(X(b)), date: D(2024, 7, 1)), b => R(R(X(b), closure: D(2024, 6, 20), reason: "RC7"), date: D(2024, 7, 1))),
        ["8565"] = (b => R(X(b), closure: D(2024, 6, 10), reason: "RC1").Assessment("X", Ref, start: D(2024, 6, 12)),
                    b => R(X(b), closure: D(2024, 6, 10), reason: "RC1").Assessment("X", Ref, start: D(2024, 6, 2), authorised: D(2024, 6, 9), factors: ["2A"])),
        ["LS-CIN-ASSESSMENT-START-BLANK"] = (b => XR(b).Assessment("X", Ref), b => XR(b).Assessment("X", Ref, start: D(2025, 3, 3))),
        ["1103"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 5, 2)), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 1), authorised: D(2024, 6, 20), factors: ["2A"])),
        ["8608"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 6, 4)), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 6, 5), factors: ["2A"])),
        ["LS-CIN-FACTORS-CODE"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["99Z"]), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["24A"])),
        ["8945Q"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["18A"]), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["18B"])),
        ["8950Q"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["19A"]), b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["19C"])),
        ["8614"] = (b => XR(b).Assessment("X", Ref, start: D(2024, 6, 5), factors: ["2A"]), b => XR(b).Assessment("X", Ref, start: D(2025, 3, 3))),
        ["4010"] = (b => XR(b).Plan("X", Ref, end: D(2024, 9, 1)), b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 9, 1))),
        ["4011"] = (b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 6, 30)), b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 2))),
        ["4015"] = (b => XR(b).Plan("X", Ref, start: D(2024, 5, 1)), b => XR(b).Plan("X", Ref, start: D(2024, 6, 1))),
        ["4004"] = (b => XR(b).Plan("X", Ref, start: D(2024, 7, 1)).Plan("X", Ref, start: D(2024, 8, 1)),
                                 b => XR(b).Plan("X", Ref, start: D(2024, 7, 1), end: D(2024, 7, 20)).Plan("X", Ref, start: D(2024, 8, 1))),
        ["2889"] = (b => XR(b).Section47("X", Ref, start: D(2024, 5, 20)), b => Assessed(XR(b)).Section47("X", Ref, start: D(2024, 6, 2))),
        ["1104"] = (b => XR(b).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: D(2024, 5, 30)), b => Assessed(XR(b)).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: D(2024, 6, 20))),
        ["8615"] = (b => XR(b).Section47("X", Ref, icpcNotRequired: true), b => Assessed(XR(b)).Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: true)),
        ["LS-CIN-ICPC-NOT-REQUIRED"] = (b => XR(b).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: D(2024, 6, 20), icpcNotRequired: true), b => Assessed(XR(b)).Section47("X", Ref, start: D(2024, 6, 2), icpcNotRequired: true)),
        ["LS-CIN-ICPC-WITHOUT-S47"] = (b => R(X(b), icpc: D(2024, 6, 20)), b => Assessed(XR(b)).Section47("X", Ref, start: D(2024, 6, 2), icpcDate: D(2024, 6, 20))),
        ["8720"] = (b => Cpp(XR(b), null), b => Cpp(Conferenced(b), D(2024, 6, 20))),
        ["8925"] = (b => Cpp(XR(b), D(2024, 6, 20), end: D(2024, 6, 19)), b => Cpp(Conferenced(b), D(2024, 6, 20), end: D(2024, 12, 19))),
        ["1105"] = (b => Cpp(XR(b), D(2024, 5, 20)), b => Cpp(Conferenced(b, D(2024, 6, 3)), D(2024, 6, 3))),
        ["8905"] = (b => Cpp(XR(b), D(2024, 6, 20), category: "ABC"), b => Cpp(Conferenced(b), D(2024, 6, 20), category: "MUL")),
        ["8910"] = (b => XR(b).ProtectionPlan("X", Ref, start: D(2024, 6, 20), initialCategory: "NEG", latestCategory: "ABC", previousPlans: 0),
                    b => Conferenced(b).ProtectionPlan("X", Ref, start: D(2024, 6, 20), initialCategory: "NEG", latestCategory: "EMO", previousPlans: 0)),
        ["8730"] = (b => Cpp(XR(b), D(2024, 6, 20), previous: null), b => Cpp(Conferenced(b), D(2024, 6, 20), previous: 2)),
        ["8841"] = (b => Cpp(XR(b), D(2024, 6, 20), reviews: [D(2024, 6, 20)]), b => Cpp(Conferenced(b), D(2024, 6, 20), reviews: [D(2024, 6, 21)])),
        ["8935"] = (b => Cpp(Cpp(XR(b), D(2024, 6, 20)), D(2024, 8, 1)), b => Cpp(Cpp(Conferenced(b).Section47("X", Ref, start: D(2024, 7, 20), icpcDate: D(2024, 8, 1), icpcNotRequired: false), D(2024, 6, 20), end: D(2024, 7, 31)), D(2024, 8, 1))),
    };

    public static TheoryData<string> RuleIds => [.. CinValidator.Rules.Select(r => r.Id).Distinct()];

    [Fact]
    public void Rules_Counted_AtLeastThirtyWithOneVersionOfEachIdAYear()
    {
        Assert.True(CinValidator.Rules.Count >= 30, $"{CinValidator.Rules.Count} rules");
        for (var year = 2010; year <= 2030; year++)
        {
            var inForce = CinValidator.Rules.Where(r => r.Years.Contains(year)).ToList();
            Assert.Equal(inForce.Count, inForce.Select(r => r.Id).Distinct().Count());
        }
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

        // Named by rule, column and value, so that a failure says which rule spoke.
        Assert.Empty(diagnostics.Select(d => $"{d.Rule} {d.Column}={d.Value}"));
    }

    [Theory]
    [InlineData(2025, 5, 1, true)] // after the reference date, 31 March 2025
    [InlineData(2025, 3, 31, false)]
    public void ReferralDate_AfterTheReferenceDate_IsReportedAs8600(int year, int month, int day, bool reported)
    {
        var data = R(X(Baseline()), date: D(year, month, day)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8600"));
    }

    [Theory]
    [InlineData(5, true)] // the conference before the enquiry started
    [InlineData(25, false)]
    public void InitialConference_BeforeTheSection47Started_IsReportedAs8615(int icpcDay, bool reported)
    {
        var data = XR(Baseline()).Section47("X", Ref, start: D(2024, 6, 10), icpcDate: D(2024, 6, icpcDay)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8615"));
    }

    [Fact]
    public void OpenReferrals_OneWithNoFurtherAction_AreNotReportedAs8815()
    {
        // The DfE's 8815 counts only open referrals that went on to further action.
        var data = R(R(X(Baseline()), nfa: true), date: D(2024, 7, 1)).Build();

        Assert.DoesNotContain(CinValidator.Validate(data, Year), d => d.Rule == "8815");
    }

    [Theory]
    [InlineData("8525Q")]
    [InlineData("8535Q")]
    [InlineData("8555Q")]
    public void Queries_AsTheDfEGivesThem_AreWarnings(string rule)
    {
        Assert.Equal(Lodestar.Domain.Problems.Severity.Warning, Assert.Single(CinValidator.Rules, r => r.Id == rule).Severity);
    }

    [Theory]
    [InlineData(false, null, true)] // started last year, no conference yet, one still needed
    [InlineData(true, null, false)] // no conference needed
    [InlineData(false, 2024, false)] // the conference was held this year
    public void Enquiry8740_StartedBeforeTheYearWithNoConference_IsReported(bool notRequired, int? conferenceYear, bool reported)
    {
        var b = R(X(Baseline()), date: Old).Section47("X", Old, start: D(2023, 6, 2), icpcDate: conferenceYear is { } y ? D(y, 4, 20) : null, icpcNotRequired: notRequired);

        Assert.Equal(reported, CinValidator.Validate(b.Build(), Year).Any(d => d.Rule == "8740"));
    }

    [Theory]
    [InlineData(2024, "1", false)] // GenderCurrent to 2023/24: 0, 1, 2, 9
    [InlineData(2024, "M", true)]
    [InlineData(2025, "M", false)] // Sex from 2024/25: M, F, U
    [InlineData(2025, "1", true)]
    public void Sex4180_CodesOfTheCensusYear_AreTheOnlyValidOnes(int year, string sex, bool reported)
    {
        var findings = CinValidator.Validate(X(Baseline(), sex: sex).Build(), year);

        Assert.Equal(reported, findings.Any(d => d.Rule == "4180" && d.Value == sex));
    }

    [Theory]
    [InlineData(2024, "0", false)] // an unborn child's GenderCurrent is 0 to 2023/24
    [InlineData(2024, "U", true)]
    [InlineData(2025, "U", false)] // and its Sex U from 2024/25
    [InlineData(2025, "0", true)]
    public void Unborn8750_SexOfTheCensusYear_IsAskedFor(int year, string sex, bool reported)
    {
        var data = Baseline().Child("X", expectedDob: D(year, 5, 1), sex: sex, ethnicity: "WBRI").Build();

        Assert.Equal(reported, CinValidator.Validate(data, year).Any(d => d.Rule == "8750"));
    }

    [Theory]
    [InlineData("8945Q")]
    [InlineData("8950Q")]
    [InlineData("1570")]
    [InlineData("1580")]
    public void RulesNewIn2024To25_AreNotAppliedTo2023To24(string rule)
    {
        var data = XR(Baseline()).Child("A12345678901234567890-1", dob: D(2016, 1, 1), sex: "1", ethnicity: "WBRI")
            .Assessment("X", Ref, start: D(2024, 6, 5), authorised: D(2024, 7, 1), factors: ["18A", "19A"]).Build();

        Assert.Contains(CinValidator.Validate(data, 2025), d => d.Rule == rule);
        Assert.DoesNotContain(CinValidator.Validate(data, 2024), d => d.Rule == rule);
        Assert.Equal(2025, Assert.Single(RuleCatalogue.Of("CIN", 2025), r => r.Id == rule).Years.From);
        Assert.DoesNotContain(RuleCatalogue.Of("CIN", 2024), r => r.Id == rule);
    }
    [Theory]
    [InlineData(49, false)] // 1 of 50 child records is 2%: not more than 2%
    [InlineData(48, true)] // 1 of 49 is 2.04%
    public void Rule2886Q_ShareOfChildrenWithSexUnknown_IsReportedOnceAboveTwoPercent(int known, bool reported)
    {
        // One child with Sex blank, and `known` with Sex M.
        var b = new CinBuilder("E10000003").Child("U0", dob: D(2015, 1, 1));
        for (var n = 0; n < known; n++)
        {
            b.Child($"K{n}", dob: D(2015, 1, 1), sex: "M");
        }

        var found = CinValidator.Validate(b.Build(), Year).Count(d => d.Rule == "2886Q");

        Assert.Equal(reported ? 1 : 0, found);
    }

    [Fact]
    public void Rule2886Q_To2023To24_CountsGenderCurrent0()
    {
        var data = new CinBuilder("E10000003").Child("A", dob: D(2015, 1, 1), sex: "1").Child("B", dob: D(2015, 1, 1), sex: "0").Build();

        var found = Assert.Single(CinValidator.Validate(data, 2024), d => d.Rule == "2886Q");
        Assert.Equal(("GenderCurrent", "1 of 2 (50.0%)"), (found.Column, found.Value));
    }

    [Theory]
    [InlineData(2018, 3, 31, true)] // 6 on 31 March 2024: the 2023/24 rule asks more than 6 years (born by 31 March 2018)
    [InlineData(2018, 4, 1, false)]
    public void Rule8770Q_To2023To24_AsksAChildMoreThanSix(int year, int month, int day, bool reported)
    {
        var data = R(X(new CinBuilder("E10000003"), dob: D(year, month, day), upn: null), date: D(2023, 6, 1)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, 2024).Any(d => d.Rule == "8770Q"));
    }

    [Theory]
    [InlineData("UN2", null, false)] // a reason other than UN1
    [InlineData("UN1", null, true)] // not of school age: wrong for a child who is
    [InlineData(null, "G873123456780", false)]
    public void Rule8770Q_SchoolAgeChild_NeedsAUpnOrAReasonOtherThanUn1(string? upnUnknown, string? upn, bool reported)
    {
        var data = R(X(new CinBuilder("E10000003"), dob: D(2012, 1, 1), upn: upn, upnUnknown: upnUnknown)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8770Q"));
    }

    [Fact]
    public void Rule8770Q_ReferralThatLedToNoFurtherAction_IsNotReported()
    {
        var data = R(X(new CinBuilder("E10000003"), dob: D(2012, 1, 1), upn: null), nfa: true).Build();

        Assert.DoesNotContain(CinValidator.Validate(data, Year), d => d.Rule == "8770Q");
    }
}
