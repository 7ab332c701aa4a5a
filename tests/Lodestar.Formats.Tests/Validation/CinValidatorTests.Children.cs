using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

public sealed partial class CinValidatorTests
{
    // A bad record and a good one for each rule of CinValidator.Children.cs.
    private static readonly Dictionary<string, (Func<CinBuilder, CinBuilder> Bad, Func<CinBuilder, CinBuilder> Good)> ChildCases = new()
    {
        // The census file's header: its reference date a day early, then 31 March 2025.
        ["100"] = (b => WithHeader(b, D(2025, 3, 30)), b => WithHeader(b, D(2025, 3, 31))),
        // G873123456780: 8×2 + 7×3 + 3×4 + 1×5 + 2×6 + 3×7 + 4×8 + 5×9 + 6×10 + 7×11 + 8×12 + 0×13 = 397 = 17 × 23 + 6, and 6 is G.
        ["1510"] = (b => R(X(b, upn: "H873123456780")), b => XR(b)),
        ["1560Q"] = (b => R(X(b, formerUpn: "G87312345678")), b => R(X(b, formerUpn: "U94212345678H"))),
        // 30 days before 31 March 2025 is 1 March; the day before is outside.
        ["8530Q"] = (b => Unborn(b, expected: D(2025, 2, 28)), b => Unborn(b, expected: D(2025, 3, 1))),
        ["8545Q"] = (b => R(X(b, death: D(2025, 4, 1)), date: D(2024, 6, 1)), b => R(X(b, death: D(2025, 3, 31)))),
        ["8590"] = (b => X(b), b => XR(b)),
        ["8772"] = (b => R(X(b, upn: null, upnUnknown: "UN7")), b => R(X(b, upn: null, upnUnknown: "UN7"), nfa: true, need: null)),
        // 25 years before 31 March 2025 is 31 March 2000: a child born the day before is over 25.
        ["8775Q"] = (b => R(X(b, dob: D(2000, 3, 30))), b => R(X(b, dob: D(2000, 3, 31)))),
        ["8794"] = (b => R(X(b, disabilities: ["MOB", "AUT", "MOB"])), b => R(X(b, disabilities: ["MOB", "AUT"]))),
        // A second census file whose only child has one disability: its census uses 1 code, and no child has two.
        ["2887Q"] = (b => SecondCensus(b, ["MOB"]), b => R(X(b, disabilities: ["AUT"]))),
        ["2888Q"] = (b => SecondCensus(b, ["MOB"]), b => R(X(b, disabilities: ["AUT"]))),
    };

    private static CinBuilder WithHeader(CinBuilder b, DateOnly referenceDate)
    {
        var file = b.AddFile(new SourceFile("census.xml", "CIN XML", Year));
        b.SetHeader(file, referenceDate.DayNumber, 4);
        return XR(b);
    }

    private static CinBuilder SecondCensus(CinBuilder b, string[] disabilities)
    {
        var file = b.AddFile(new SourceFile("other.xml", "CIN XML", Year));
        return b.Child("Z", upn: "G873123456780", dob: D(2016, 1, 1), sex: "F", ethnicity: "WBRI", disabilities: disabilities, at: new SourceLocation(file, 10))
            .Referral("Z", referralDate: D(2024, 6, 1), referralSource: "1A", primaryNeed: "N1", nfa: false, at: new SourceLocation(file, 20));
    }

    [Theory]
    [InlineData("J873123456789", false)] // the baseline's: 8×2 + 7×3 + 3×4 + 1×5 + 2×6 + 3×7 + 4×8 + 5×9 + 6×10 + 7×11 + 8×12 + 9×13 = 514 = 22 × 23 + 8, J
    [InlineData("A873123456789", true)]
    [InlineData("U94212345678H", false)] // a temporary UPN: H, 7th in the check letters, counts 7 × 13
    [InlineData("A94212345678H", true)]
    [InlineData("A9421234567", false)] // too short to judge: 1530-1550's business
    [InlineData("A94212345X78H", false)] // a letter among characters 5-12: 1540's business
    public void Rule1510_CheckLetter_IsWorkedFromCharacters2To13(string upn, bool reported)
    {
        var data = R(X(Baseline(), upn: upn)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "1510" && d.Value == upn));
    }

    // X has G873123456780 in the rows built with no file; Z, another child, has it in a census file: a UPN shared across censuses is not
    // 1520's, one shared in the same census is, whatever rows of other files lie between.
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Rule1520_SameUpnForTwoChildren_OnlyInTheSameCensus(bool thirdInFirstFile, bool reported)
    {
        var b = SecondCensus(R(X(Baseline())), ["MOB"]);
        if (thirdInFirstFile)
        {
            // Rows built with no file, as X's are.
            b = b.Child("Y", upn: "G873123456780", dob: D(2016, 2, 1), sex: "M", ethnicity: "WBRI")
                .Referral("Y", referralDate: D(2024, 6, 1), referralSource: "1A", primaryNeed: "N1", nfa: false);
        }

        var findings = CinValidator.Validate(b.Build(), Year).Where(d => d.Rule == "1520").ToList();

        Assert.Equal(reported ? 1 : 0, findings.Count);
        Assert.All(findings, f => Assert.Equal("G873123456780", f.Value));
    }

    [Theory]
    [InlineData("G873123456780", false)]
    [InlineData("U94212345678H", false)] // a temporary UPN is a UPN's shape
    [InlineData("U94212345678O", true)] // O is never a UPN's last character
    [InlineData("1873123456780", true)]
    [InlineData("G8731234567801", true)]
    [InlineData("G87312345A780", true)]
    public void Rule1560Q_FormerUpn_MustHaveTheUpnsShape(string former, bool reported)
    {
        var data = R(X(Baseline(), formerUpn: former)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "1560Q"));
    }

    [Theory]
    [InlineData(2025, 3, 1, false)]
    [InlineData(2025, 12, 31, false)] // 9 months after 31 March 2025
    [InlineData(2026, 1, 1, true)]
    public void Rule8530Q_ExpectedBirth_FromMarchToDecemberOfTheYearTheCensusEnds(int year, int month, int day, bool reported)
    {
        var data = Unborn(Baseline(), expected: D(year, month, day)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8530Q"));
    }

    [Theory]
    [InlineData(2024, 3, 31, true)]
    [InlineData(2024, 4, 1, false)]
    public void Rule8545Q_DeathBeforeTheCensusYear_IsReported(int year, int month, int day, bool reported)
    {
        var data = R(X(Baseline(), death: D(year, month, day)), date: D(2024, 1, 10)).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8545Q"));
    }

    [Fact]
    public void Rule8590_AReferralInAnotherCensusFile_DoesNotCount()
    {
        var b = Baseline();
        var file = b.AddFile(new SourceFile("other.xml", "CIN XML", Year));
        b.Child("X", upn: "G873123456780", dob: D(2016, 1, 1), sex: "F", ethnicity: "WBRI", at: new SourceLocation(file, 10));
        var other = b.AddFile(new SourceFile("third.xml", "CIN XML", Year));
        b.Referral("X", referralDate: D(2024, 6, 1), referralSource: "1A", primaryNeed: "N1", nfa: false, at: new SourceLocation(other, 20));

        var found = Assert.Single(CinValidator.Validate(b.Build(), Year), d => d.Rule == "8590");
        Assert.Equal(("other.xml", 10, "X"), (found.File, found.Line, found.Value));
    }

    [Fact]
    public void Rule8590_AReferralWithAnUnreadableReferralNfa_StillCounts()
    {
        // ReferralNFA "maybe" is reported when read (FLAG-FORMAT) and held as Invalid; the child still has its CIN episode.
        const string Xml = """
            <Message><Header><CollectionDetails><Year>2025</Year></CollectionDetails></Header><Children><Child>
            <ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate></ChildIdentifiers>
            <CINdetails><CINreferralDate>2024-06-01</CINreferralDate><ReferralNFA>maybe</ReferralNFA></CINdetails>
            </Child></Children></Message>
            """;
        var builder = new CinBuilder("E10000003");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Xml));
        Assert.Null(Lodestar.Formats.Cin.CinXmlReader.Read("cin.xml", stream, builder, []).Refusal);
        var data = builder.Build();

        Assert.Equal(Flag.Invalid, data.Referrals.Nfa[0]);
        Assert.DoesNotContain(CinValidator.Validate(data, Year), d => d.Rule == "8590");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(null, true)] // blank is not true
    public void Rule8772_Un7_AskesEveryReferralToBeNoFurtherAction(bool? secondNfa, bool reported)
    {
        var data = R(R(X(Baseline(), upn: null, upnUnknown: "UN7"), closure: D(2024, 6, 20), reason: "RC1", nfa: true, need: null), date: D(2024, 7, 1), nfa: secondNfa, need: null).Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8772"));
    }

    [Theory]
    [InlineData(5, 31, false)] // closed the day before the 25th birthday (1 June 2024)
    [InlineData(6, 1, false)] // closed on it: not after
    [InlineData(6, 2, true)]
    public void Rule8775Q_EpisodeClosedAfterThe25thBirthday_IsReported(int month, int day, bool reported)
    {
        var data = R(X(Baseline(), dob: D(1999, 6, 1)), date: D(2024, 4, 10), closure: D(2024, month, day), reason: "RC1").Build();

        Assert.Equal(reported, CinValidator.Validate(data, Year).Any(d => d.Rule == "8775Q"));
    }

    [Fact]
    public void Rule8794_ACodeThreeTimes_IsReportedOnce()
    {
        var data = R(X(Baseline(), disabilities: ["MOB", "MOB", "AUT", "MOB"])).Build();

        var found = Assert.Single(CinValidator.Validate(data, Year), d => d.Rule == "8794");
        Assert.Equal("MOB", found.Value);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Rule2887Q_DifferentCodesInTheCensus_MoreThanSevenAreAsked(int codes, bool reported)
    {
        // One child per code, and one with NONE, which does not count.
        string[] all = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"];
        var b = new CinBuilder("E10000003").Child("N", dob: D(2015, 1, 1), disabilities: ["NONE"]);
        for (var n = 0; n < codes; n++)
        {
            b.Child($"K{n}", dob: D(2015, 1, 1), disabilities: n == 0 ? [all[0]] : [all[n], all[0]]);
        }

        var found = CinValidator.Validate(b.Build(), Year).Where(d => d.Rule == "2887Q").ToList();

        Assert.Equal(reported ? [$"{codes} codes"] : [], found.Select(d => d.Value));
    }

    [Fact]
    public void Rule2888Q_NoChildWithADisability_IsNotReported()
    {
        var data = new CinBuilder("E10000003").Child("N", dob: D(2015, 1, 1), disabilities: ["NONE"]).Build();

        var rules = CinValidator.Validate(data, Year).Select(d => d.Rule).ToList();

        Assert.DoesNotContain("2888Q", rules);
        Assert.Contains("2887Q", rules);
    }
}
