using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>
/// The parts of the DfE's 903 rules that Lodestar once read differently, each checked against Data to Insight's
/// test cases: one record that must be reported and one, close to it, that must not. Validated for collection year
/// 2025 (1 April 2024 to 31 March 2025) unless a case says otherwise.
/// </summary>
public sealed class Ssda903DfeRuleTests
{
    private const int Year = 2025;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Ssda903Builder Child(DateOnly? dob = null, string sex = "M", string? mother = null) =>
        new Ssda903Builder("E10000003").Header("X", sex: sex, dob: dob ?? D(2010, 5, 1), ethnic: "WBRI", mother: mother);

    private static Ssda903Builder Ep(
        Ssda903Builder b,
        DateOnly decom,
        string rne = "S",
        string ls = "C2",
        string place = "U1",
        string? provider = "PR1",
        DateOnly? dec = null,
        string? rec = null,
        string? rpc = null,
        string? postcode = null) =>
        b.Episode("X", decom: decom, rne: rne, ls: ls, cin: "N1", place: place, provider: provider, dec: dec, rec: rec, reasonPlaceChange: rpc, plPost: postcode);

    private static bool Reports(Ssda903Builder b, string rule, int year = Year) =>
        Ssda903Validator.Validate(b.Build(), year).Any(d => d.Rule == rule);

    [Theory]
    [InlineData("L2", 2025, 3, 1, true)] // EPO from 1 March, still open on 31 March: 30 days
    [InlineData("L2", 2025, 3, 20, false)] // 11 days to the year end
    [InlineData("L3", 2025, 3, 20, true)] // CAO still open: 11 days
    [InlineData("L3", 2025, 3, 26, false)] // 5 days
    public void ProtectionOrder_StillOpenAtTheYearEnd_IsMeasuredToTheYearEnd(string ls, int y, int m, int d, bool reported)
    {
        var b = Ep(Child(), D(y, m, d), ls: ls);

        Assert.Equal(reported, Reports(b, ls == "L2" ? "362" : "363"));
    }

    [Theory]
    [InlineData("U1", "PR1", true)] // RNE B but the same placement: only the legal status changed
    [InlineData("U4", "PR1", false)]
    [InlineData("U1", "PR2", false)] // another provider: a different placement
    public void Rne436_PlacementUnchanged_IsReported(string place2, string provider2, bool reported)
    {
        var b = Ep(Child(), D(2024, 4, 10), ls: "C1", dec: D(2024, 7, 1), rec: "X1", rpc: "CARPL");
        Ep(b, D(2024, 7, 1), rne: "B", ls: "C2", place: place2, provider: provider2);

        Assert.Equal(reported, Reports(b, "436"));
    }

    [Theory]
    [InlineData("E15", true)]
    [InlineData("E2", true)]
    [InlineData("E13", false)]
    public void Rec437_AgeAssessmentOrDeathThenAnotherEpisode_IsReported(string rec, bool reported)
    {
        var b = Ep(Child(D(2007, 1, 1)), D(2024, 4, 10), dec: D(2024, 7, 1), rec: rec);
        Ep(b, D(2024, 9, 1));

        Assert.Equal(reported, Reports(b, "437"));
    }

    [Theory]
    [InlineData("E13", true)] // care "ended" yet the next episode starts the same day
    [InlineData("X1", false)]
    public void Rec388_NotX1ButTheNextEpisodeStartsTheSameDay_IsReported(string rec, bool reported)
    {
        var b = Ep(Child(), D(2024, 4, 10), dec: D(2024, 7, 1), rec: rec, rpc: rec == "X1" ? "CARPL" : null);
        Ep(b, D(2024, 7, 1), rne: rec == "X1" ? "P" : "S", place: "U4");

        Assert.Equal(reported, Reports(b, "388"));
    }

    [Theory]
    [InlineData("P", "AB1 2CD", 2026, false)] // back to the same carer
    [InlineData("B", "AB1 2CD", 2026, true)] // the return is not a placement-only change
    [InlineData("P", "ZZ9 9ZZ", 2026, true)] // same placement type, another address: the DfE's 383 from 2025/26
    [InlineData("P", "ZZ9 9ZZ", 2025, false)] // before 2025/26 the DfE's 383 did not compare postcodes
    public void Return383_AfterATemporaryPlacement_NeedsRnePAndTheSamePostcode(string rne, string postcode, int year, bool warned)
    {
        var b = Ep(Child(), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1", postcode: "AB1 2CD");
        Ep(b, D(2024, 7, 1), rne: "P", place: "T1", provider: null, dec: D(2024, 7, 8), rec: "X1");
        Ep(b, D(2024, 7, 8), rne: rne, ls: rne == "B" ? "C1" : "C2", place: "U1", postcode: postcode);

        Assert.Equal(warned, Reports(b, "383", year));
    }

    [Theory]
    [InlineData("M", "0", true)] // a boy with MOTHER given
    [InlineData("F", null, true)] // a girl looked after in the year with MOTHER blank
    [InlineData("F", "0", false)]
    [InlineData("M", null, false)]
    public void Mother165_GivenForABoyOrBlankForAGirlInCare_IsReported(string sex, string? mother, bool reported)
    {
        var b = Ep(Child(sex: sex, mother: mother), D(2024, 6, 1));

        Assert.Equal(reported, Reports(b, "165"));
    }

    [Fact]
    public void Mother165_GirlOnlyOnShortBreaks_NeedsNoMother()
    {
        var b = Ep(Child(sex: "F"), D(2024, 6, 1), ls: "V3", place: "U1", dec: D(2024, 6, 3), rec: "E13");

        Assert.False(Reports(b, "165"));
    }

    [Theory]
    [InlineData("T1", "PR1", true)]
    [InlineData("Z1", "PR1", true)]
    [InlineData("T1", null, false)]
    [InlineData("Z1", null, false)]
    [InlineData("U1", "PR1", false)]
    public void Provider178_GivenForAPlacementWithNoProvider_IsReported(string place, string? provider, bool reported)
    {
        var b = Ep(Child(D(2008, 1, 1)), D(2024, 6, 1), rne: "S", place: place, provider: provider);

        Assert.Equal(reported, Reports(b, "178"));
    }

    [Theory]
    [InlineData("Z1", false)] // Z1 has no provider: 526 does not ask for one
    [InlineData("U1", true)]
    public void Provider526_BlankForZ1_IsNotReported(string place, bool reported)
    {
        var b = Ep(Child(D(2008, 1, 1)), D(2024, 6, 1), place: place, provider: null);

        Assert.Equal(reported, Reports(b, "526"));
    }

    [Theory]
    [InlineData("YES", null, null, true)] // in touch, nothing else
    [InlineData(null, "F2", "B1", true)]
    [InlineData("NREQ", "0", "0", false)]
    [InlineData(null, null, null, false)]
    public void Oc3153_InTouchActivityAndAccommodation_AreAllOrNothing(string? inTouch, string? activ, string? accom, bool reported)
    {
        var b = Child(D(2006, 1, 1)).Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: inTouch, activ: activ, accom: accom);

        Assert.Equal(reported, Reports(b, "153"));
    }

    [Theory]
    [InlineData(1999, 3, 31, true)] // 25 on 31 March 2024, so over 25 on 1 April 2024
    [InlineData(1999, 4, 1, false)] // 25 on the first day of the year: not over 25
    [InlineData(2002, 1, 1, false)] // 22: over 21 was Lodestar's old limit, not the DfE's
    public void Age351_OverTwentyFiveAtTheYearStart_IsReported(int y, int m, int d, bool reported)
    {
        Assert.Equal(reported, Reports(Child(D(y, m, d)), "351"));
    }

    [Theory]
    [InlineData("1", 2024, false)]
    [InlineData("M", 2024, true)]
    [InlineData("1", 2025, true)] // 2024/25: M, F or U
    [InlineData("U", 2025, false)]
    public void Sex101_CodesOfTheCollectionYear_AreAccepted(string sex, int year, bool reported)
    {
        Assert.Equal(reported, Reports(Child(sex: sex), "101", year));
    }

    [Theory]
    [InlineData("zz/11/2019", true)] // the DfE writes an unknown part in capitals
    [InlineData("ZZ/11/2019", false)]
    [InlineData("ZZ/ZZ/ZZZZ", false)]
    [InlineData("ZZ/05/2024", true)] // May 2024 is not before the first episode, 10 May 2024
    [InlineData("ZZ/04/2024", false)]
    public void DatePerm632_FormAndBeforeTheFirstEpisode(string datePerm, bool reported)
    {
        var b = Ep(Child(D(2015, 1, 1)), D(2024, 5, 10)).PrevPerm("X", dob: D(2015, 1, 1), prevPerm: "P1", laPerm: "873", datePerm: datePerm);

        Assert.Equal(reported, Reports(b, "632"));
    }

    [Theory]
    [InlineData(2025, 1, 10, true)] // adopted this year, no AD1
    [InlineData(2024, 1, 10, false)] // adopted last year: its AD1 went with last year's return
    public void Adoption601_OnlyAnAdoptionInTheYear_NeedsAnAd1Row(int y, int m, int d, bool reported)
    {
        var b = Ep(Child(D(2015, 1, 1)), D(2022, 1, 1), place: "A4", dec: D(y, m, d), rec: "E11");

        Assert.Equal(reported, Reports(b, "601"));
    }

    [Theory]
    [InlineData(true, true)] // AD1 items given, the adoption was last year
    [InlineData(false, false)] // an AD1 row with every adoption item blank says nothing
    public void Adoption602_Ad1WithoutAnAdoptionInTheYear_IsReportedWhenItHasItems(bool items, bool reported)
    {
        var b = Ep(Child(D(2015, 1, 1)), D(2022, 1, 1), place: "A4", dec: D(2024, 1, 10), rec: "E11");
        if (items)
        {
            b.Ad1("X", dob: D(2015, 1, 1), dateInt: D(2023, 1, 1), dateMatch: D(2023, 6, 1), fosterCare: "0", nbAdoptr: "2", sexAdoptr: "MF", lsAdoptr: "L11");
        }
        else
        {
            b.Ad1("X", dob: D(2015, 1, 1));
        }

        Assert.Equal(reported, Reports(b, "602"));
    }

    [Theory]
    [InlineData(true, null, true)] // reason on the episode before a move into T1
    [InlineData(false, "OTHER", true)] // reason on the temporary placement itself
    [InlineData(false, null, false)]
    public void Reason226_OnOrBeforeATemporaryPlacement_IsReported(bool reasonBefore, string? reasonOnT, bool reported)
    {
        var b = Ep(Child(), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1", rpc: reasonBefore ? "CARPL" : null);
        Ep(b, D(2024, 7, 1), rne: "P", place: "T1", provider: null, dec: D(2024, 7, 8), rec: "X1", rpc: reasonOnT);
        Ep(b, D(2024, 7, 8), rne: "P", place: "U1");

        Assert.Equal(reported, Reports(b, "226"));
    }

    [Theory]
    [InlineData(2005, 11, 30, true)]
    [InlineData(2005, 12, 1, false)] // the DfE's limit is 1 December 2005
    public void PlacementOrder446_BeforeDecember2005_IsReported(int y, int m, int d, bool reported)
    {
        var b = Ep(Child(D(1995, 1, 1)), D(y, m, d), ls: "E1");

        Assert.Equal(reported, Reports(b, "446", 2006));
    }

    // Child X, UASC, born 1 May 2006 (18 on 1 May 2024): UASC rows in the returns of the years given, with their DUC.
    private static Ssda903Builder Uasc(params (int Year, DateOnly? Duc)[] rows)
    {
        var b = Child(D(2006, 5, 1));
        foreach (var (year, duc) in rows)
        {
            var file = b.AddFile(new SourceFile($"uasc_{year}.csv", "903 UASC CSV", year));
            b.Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: duc, at: new SourceLocation(file, 2));
        }

        return b;
    }

    [Fact]
    public void Uasc205B_LastYearsDucTheEighteenthBirthdayAndUnchanged_IsQuiet()
    {
        var b = Uasc((2024, D(2024, 5, 1)), (2025, D(2024, 5, 1)));

        Assert.False(Reports(b, "205B"));
    }

    [Fact]
    public void Uasc205B_StatusCeasedThisYear_IsQuiet()
    {
        // Last year's DUC was the 18th birthday (still UASC); the status then ceased on 20 June 2024, in the year.
        var b = Uasc((2024, D(2024, 5, 1)), (2025, D(2024, 6, 20)));

        Assert.False(Reports(b, "205B"));
    }

    [Theory]
    [InlineData(2023, 9, 1)] // last year's DUC is not the 18th birthday
    public void Uasc205B_LastYearsDucNotTheEighteenthBirthday_IsReported(int y, int m, int d)
    {
        var b = Uasc((2024, D(y, m, d)), (2025, D(2024, 5, 1)));

        Assert.True(Reports(b, "205B"));
    }

    [Fact]
    public void Uasc205B_ThisYearsDucBeforeTheYearAndChanged_IsReported()
    {
        var b = Uasc((2024, D(2024, 5, 1)), (2025, D(2024, 3, 1)));

        Assert.True(Reports(b, "205B"));
    }

    [Fact]
    public void Uasc205B_NoReturnForLastYear_IsNotRunAndSaysSo()
    {
        var data = Uasc((2025, null)).Build();

        Assert.DoesNotContain(Ssda903Validator.Validate(data, Year), d => d.Rule == "205B");
        var notRun = Assert.Single(Ssda903Validator.NotRun(data), n => n.Rule.Id == "205B");
        Assert.Equal(("205B", 2025), (notRun.Rule.Id, notRun.CollectionYear));
        Assert.StartsWith("205B not run for 2024/25 (E10000003): ", notRun.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Uasc205B_LastYearsReturnGiven_RunsForThatYear()
    {
        var data = Uasc((2024, D(2024, 5, 1)), (2025, D(2024, 5, 1))).Build();

        // 2025 is checked against 2024; only the earliest year, with no 2023 return, could not be.
        Assert.Equal([2024], Ssda903Validator.NotRun(data).Where(n => n.Rule.Id == "205B").Select(n => n.CollectionYear));
    }

    [Theory]
    [InlineData(2007, 6, 1, null, true)] // 17 on 1 June 2024, no score or reason
    [InlineData(2007, 6, 1, 12, false)]
    [InlineData(2020, 9, 1, null, true)] // 4 on 1 September 2024
    [InlineData(2012, 6, 1, null, false)] // 12: not the DfE's 197B (197a, not built, asks for the rest)
    public void Sdq197B_TurnedFourOrSeventeenWithNoSdq_IsReported(int y, int m, int d, int? score, bool reported)
    {
        var b = Child(D(y, m, d)).Oc2("X", year: Year, dob: D(y, m, d), sdqScore: score);

        Assert.Equal(reported, Reports(b, "197B"));
    }

    [Theory]
    [InlineData("C2", null, null, null, true)] // started in the year, no PrevPerm row
    [InlineData("C2", "Z1", null, null, false)]
    [InlineData("C2", "P2", "873", null, true)] // a previous order, date left blank
    [InlineData("C2", "P2", "873", "ZZ/ZZ/2019", false)] // date partly unknown, written as the DfE asks
    [InlineData("V3", null, null, null, false)] // a short break is not a start of care here (Lodestar's reading)
    public void PrevPerm630_ChildStartingCare_NeedsItsPreviousPermanence(string ls, string? code, string? la, string? date, bool reported)
    {
        var b = Ep(Child(), D(2024, 6, 1), ls: ls);
        if (code is not null)
        {
            b.PrevPerm("X", dob: D(2010, 5, 1), prevPerm: code, laPerm: la, datePerm: date);
        }

        Assert.Equal(reported, Reports(b, "630"));
    }

    [Fact]
    public void PrevPerm630_ChildWhoStartedLastYear_IsQuiet()
    {
        var b = Ep(Child(), D(2024, 3, 1));

        Assert.False(Reports(b, "630"));
    }

    [Theory]
    [InlineData(2007, 3, 31, true)] // 17 the day before the year: no SDQ
    [InlineData(2007, 4, 1, false)] // 17 on 1 April, the year's first day: an SDQ is asked for (197B), so not refused
    public void Sdq189_SeventeenthBirthdayBeforeTheYear_IsReported(int y, int m, int d, bool reported)
    {
        var findings = Ssda903Validator.Validate(Child(D(y, m, d)).Oc2("X", year: Year, dob: D(y, m, d), sdqScore: 10).Build(), Year);

        Assert.Equal(reported, findings.Any(f => f.Rule == "189"));
        Assert.DoesNotContain(findings, f => f.Rule == "197B");
    }

    [Theory]
    [InlineData(2024, true)]
    [InlineData(2025, false)] // retired by the DfE from 2024/25: the rule's years say so, and it is not reported
    public void FreeingOrder445_RetiredFrom2024To25_IsReportedOnlyBefore(int year, bool reported)
    {
        var b = Ep(Child(), D(2023, 6, 1), ls: "D1");

        Assert.Equal(reported, Reports(b, "445", year));
    }

    [Theory]
    [InlineData(null, true)] // the freeing order still open, the decision to place ended: it cannot have
    [InlineData(2024, false)] // the order ended (DEC) in February 2024: the decision may have ended with it
    public void FreeingOrder555_OpenOrderWithAnEndedDecision_IsReportedOnTheDecision(int? orderEnded, bool reported)
    {
        var b = Ep(Child(), D(2023, 6, 1), ls: "D1", dec: orderEnded is null ? null : D(2024, 2, 1), rec: orderEnded is null ? null : "E13")
            .PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2023, 5, 1), datePlacedCeased: D(2024, 2, 1), reasonPlacedCeased: "RD1");

        var found = Ssda903Validator.Validate(b.Build(), 2024).Where(f => f.Rule == "555").ToList();

        Assert.Equal(reported, found.Any(f => f.Column == "DATE_PLACED_CEASED" && f.Value == "01/02/2024"));
        Assert.DoesNotContain(found, f => f.Column == "LS");
    }

    [Theory]
    [InlineData(2024, "D1", true)] // to 2023/24 a freeing order counts
    [InlineData(2025, "D1", false)] // from 2024/25 only a placement order (E1) or an adoption placement does
    [InlineData(2025, "E1", true)]
    public void PlacedForAdoption557_FreeingOrderCountsTo2023To24Only(int year, string ls, bool reported)
    {
        // The order ended on 1 February 2024 with the child returned home (E13); the decision to place has no end date.
        var b = Ep(Child(), D(2023, 6, 1), ls: ls, dec: D(2024, 2, 1), rec: "E13")
            .PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2023, 6, 1), reasonPlacedCeased: "RD1");

        Assert.Equal(reported, Reports(b, "557", year));
    }

    [Theory]
    [InlineData("A4", "E4A", true)] // placed for adoption, then returned home
    [InlineData("A4", "X1", false)] // moved on to another placement
    [InlineData("A4", "E11", false)] // adopted
    [InlineData("U1", "E4A", false)] // not placed for adoption, no order
    public void PlacedForAdoption557_LeavingAnAdoptionPlacement_NeedsTheDecisionEnded(string place, string rec, bool reported)
    {
        var b = Ep(Child(), D(2024, 6, 1), place: place, dec: D(2024, 9, 1), rec: rec)
            .PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 5, 1));

        Assert.Equal(reported, Reports(b, "557"));
    }

    [Theory]
    [InlineData("Missing", true)] // no episode of X is open in 2024/25
    [InlineData("Reviews", true)]
    [InlineData("Oc2", true)]
    [InlineData("Ad1", true)]
    [InlineData("PlacedAdoption", true)]
    [InlineData("None", false)]
    public void OtherData1012_ChildWithNoEpisodeInTheYear_IsReportedOnEachTable(string table, bool reported)
    {
        // X's only episode ended on 31 March 2024, the day before the year.
        var b = Ep(Child(), D(2023, 5, 1), dec: D(2024, 3, 31), rec: "E13");
        _ = table switch
        {
            "Missing" => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 3, 1), misEnd: D(2024, 3, 2)),
            "Reviews" => b.Review("X", dob: D(2010, 5, 1), review: D(2024, 3, 1), reviewCode: "PN1"),
            "Oc2" => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 10),
            "Ad1" => b.Ad1("X", dob: D(2010, 5, 1), dateInt: D(2023, 6, 1)),
            "PlacedAdoption" => b.PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2023, 6, 1)),
            _ => b,
        };

        Assert.Equal(reported, Ssda903Validator.Validate(b.Build(), Year).Any(f => f.Rule == "1012" && f.Column == "CHILD" && f.Value == "X"));
    }
}
