using Lodestar.Domain.Problems;
using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>
/// One case per rule: a small bad record that breaks the rule and a good one that does not. Each case
/// is added to a baseline council whose records are clean, validated for collection year 2025
/// (1 April 2024 to 31 March 2025). The bad version must report the rule; the good version must report
/// nothing at all.
/// </summary>
public sealed partial class Ssda903ValidatorTests
{
    private const int Year = 2025;

    // A rule the DfE has retired by 2025 (445) is checked for its bad case in 2023/24, the last year it applies.
    private const int RetiredRuleYear = 2024;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Ssda903Builder Baseline()
    {
        var b = new Ssda903Builder("E10000003");
        b.Header("B", sex: "F", dob: D(2012, 3, 4), ethnic: "WBRI", upn: "H12345678901A", mother: "0")
            .Episode("B", decom: D(2023, 5, 1), rne: "S", ls: "C2", cin: "N1", place: "U4", provider: "PR1", dec: D(2024, 9, 1), rec: "X1", reasonPlaceChange: "CARPL", homePost: "CB1 1AA", plPost: "CB2 2BB", urn: "SC100004")
            .Episode("B", decom: D(2024, 9, 1), rne: "P", ls: "C2", cin: "N1", place: "K2", provider: "PR4", homePost: "CB1 1AA", plPost: "CB2 2BB", urn: "SC100001")
            .Review("B", dob: D(2012, 3, 4), review: D(2024, 10, 1), reviewCode: "PN1")
            .Oc2("B", year: Year, dob: D(2012, 3, 4), sdqScore: 14, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")
            .Missing("B", dob: D(2012, 3, 4), missing: "M", misStart: D(2024, 11, 2), misEnd: D(2024, 11, 3))
            .SwEpisode("B", dob: D(2012, 3, 4), swId: "SW7", swDecom: D(2023, 5, 1));
        return b;
    }

    /// <summary>
    /// A case added to the baseline, built. Two things a case about another rule need not spell out are given here: a child
    /// with rows in PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2 is looked after in the year (1012), so X, when a
    /// case gives it such rows and no episode at all, is given one open episode from 1 April 2023 (or its birth, if later);
    /// and a child whose care starts in the year (RNE S) has a previous permanence option (630), so X, when a case starts
    /// X's care in the year and gives no PrevPerm row, is given PREV_PERM Z1 (none). Neither is given otherwise.
    /// </summary>
    private static Ssda903Data Built(Func<Ssda903Builder, Ssda903Builder> @case)
    {
        var data = @case(Baseline()).Build();
        var x = data.Children.Find("X");
        var lookedAfter = x >= 0 && data.Episodes.RowsOf(x).IsEmpty && HasOtherData(data, x);
        var dob = lookedAfter ? DobOf(data, x) : null;
        var header = x >= 0 && !data.Header.RowsOf(x).IsEmpty;
        Ssda903Builder Given()
        {
            var b = @case(Baseline());
            if (lookedAfter)
            {
                if (!header)
                {
                    X(b, dob);
                }

                b.Episode("X", decom: dob ?? D(Year - 2, 4, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1");
            }

            return b;
        }

        if (lookedAfter)
        {
            data = Given().Build();
        }

        return x >= 0 && data.PrevPerm.RowsOf(x).IsEmpty && StartsCareInYear(data, x)
            ? Given().PrevPerm("X", prevPerm: "Z1").Build()
            : data;
    }

    // The child's date of birth: its Header's, else the first its other rows give.
    private static DateOnly? DobOf(Ssda903Data data, int child)
    {
        static DateOnly? First(RowRange rows, Func<int, DateOnly?> dob) => rows.IsEmpty ? null : dob(rows.Start);
        return First(data.Header.RowsOf(child), data.Header.DobAt) ?? First(data.PlacedAdoption.RowsOf(child), data.PlacedAdoption.DobAt)
            ?? First(data.Missing.RowsOf(child), data.Missing.DobAt) ?? First(data.Reviews.RowsOf(child), data.Reviews.DobAt)
            ?? First(data.Oc2.RowsOf(child), data.Oc2.DobAt) ?? First(data.PrevPerm.RowsOf(child), data.PrevPerm.DobAt);
    }

    private static bool HasOtherData(Ssda903Data data, int child) =>
        !data.PlacedAdoption.RowsOf(child).IsEmpty || !data.Missing.RowsOf(child).IsEmpty || !data.Reviews.RowsOf(child).IsEmpty
        || !data.Ad1.RowsOf(child).IsEmpty || !data.PrevPerm.RowsOf(child).IsEmpty || !data.Oc2.RowsOf(child).IsEmpty;

    private static bool StartsCareInYear(Ssda903Data data, int child)
    {
        var e = data.Episodes;
        var rows = e.RowsOf(child);
        for (var i = rows.Start; i < rows.End; i++)
        {
            if (data.Codes[e.Rne[i]] == "S" && data.Codes[e.Ls[i]] is not ("V3" or "V4")
                && e.DecomAt(i) is { } decom && decom >= D(Year - 1, 4, 1) && decom <= D(Year, 3, 31))
            {
                return true;
            }
        }

        return false;
    }

    // Child X: a valid header and one open episode that started in the year.
    private static Ssda903Builder X(Ssda903Builder b, DateOnly? dob = null, string sex = "M") =>
        b.Header("X", sex: sex, dob: dob ?? D(2010, 5, 1), ethnic: "WBRI", upn: "A123456789012");

    private static Ssda903Builder Ep(
        Ssda903Builder b,
        DateOnly? decom,
        string? rne = "S",
        string? ls = "C2",
        string? place = "U1",
        string? provider = "PR1",
        DateOnly? dec = null,
        string? rec = null,
        string? rpc = null,
        string? cin = "N1",
        string? plPost = null,
        string? urn = null,
        string? homePost = null) =>
        b.Episode("X", decom: decom, rne: rne, ls: ls, cin: cin, place: place, provider: provider, dec: dec, rec: rec, reasonPlaceChange: rpc, homePost: homePost, plPost: plPost, urn: urn);

    // A placement move on 1 July 2024: X1 with a reason, then a new placement.
    private static Ssda903Builder Move(Ssda903Builder b, string rne2 = "P", string ls1 = "C2", string ls2 = "C2", string place2 = "U4", string? rpc = "CARPL") =>
        Ep(Ep(b, D(2024, 4, 10), ls: ls1, dec: D(2024, 7, 1), rec: "X1", rpc: rpc), D(2024, 7, 1), rne: rne2, ls: ls2, place: place2);

    // Looked after from 1 January 2022 (U1); the decision to place for adoption (DATE_PLACED, and the AD1's DATE_INT) on
    // 1 January 2023; matched on 1 June 2023 (DATE_MATCH); placed for adoption (A4) on 1 July 2023; adopted on 10 January 2025.
    private static Ssda903Builder Adopted(Ssda903Builder b) =>
        Ep(Ep(X(b, D(2015, 1, 1)), D(2022, 1, 1), dec: D(2023, 7, 1), rec: "X1", rpc: "CARPL"), D(2023, 7, 1), rne: "P", place: "A4", dec: D(2025, 1, 10), rec: "E11")
            .PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2023, 1, 1));

    private static Ssda903Builder Ad1(Ssda903Builder b, DateOnly? dateInt = null, DateOnly? dateMatch = null, string? foster = "0", string? nb = "2", string? sex = "MF", string? ls = "L11") =>
        b.Ad1("X", dob: D(2015, 1, 1), dateInt: dateInt ?? D(2023, 1, 1), dateMatch: dateMatch ?? D(2023, 6, 1), fosterCare: foster, nbAdoptr: nb, sexAdoptr: sex, lsAdoptr: ls);

    // Child Y starts to be looked after on 1 June 2024, with or without a PrevPerm row (630).
    private static Ssda903Builder Starter(Ssda903Builder b, string? prevPerm)
    {
        b.Header("Y", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI", upn: "B123456789012")
            .Episode("Y", decom: D(2024, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1");
        return prevPerm is null ? b : b.PrevPerm("Y", dob: D(2010, 5, 1), prevPerm: prevPerm, laPerm: "873", datePerm: "ZZ/ZZ/2015");
    }

    // Child X, UASC born 1 May 2006, on the UASC tables of the 2024 and 2025 returns (205B compares them).
    private static Ssda903Builder UascTwoYears(Ssda903Builder b, DateOnly? lastDuc, DateOnly? duc)
    {
        var last = b.AddFile(new SourceFile("uasc_2024.csv", "903 UASC CSV", 2024));
        var now = b.AddFile(new SourceFile("uasc_2025.csv", "903 UASC CSV", 2025));
        return X(b, D(2006, 5, 1))
            .Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: lastDuc, at: new SourceLocation(last, 2))
            .Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: duc, at: new SourceLocation(now, 2));
    }

    // Child X in the 2024 and 2025 returns (the rules across years compare them): in last year's, looked after from 1 June 2023
    // (PR1, in this year's PLACE unless told) and still at 31 March 2024 (an open episode); in this year's, its first episode with the values given (by default
    // the same episode, carried over).
    private static Ssda903Builder EpisodeTwoYears(
        Ssda903Builder b,
        DateOnly? decom = null,
        string rne = "S",
        string ls = "C2",
        string cin = "N1",
        string place = "U1",
        string provider = "PR1",
        string? urn = null,
        string? lastUrn = null,
        string? lastPlace = null,
        string? plPost = null,
        string? lastPlPost = null,
        string? homePost = null,
        bool inLastYear = true)
    {
        var last = b.AddFile(new SourceFile("episodes_2024.csv", "903 Episodes CSV", 2024));
        var now = b.AddFile(new SourceFile("episodes_2025.csv", "903 Episodes CSV", 2025));
        if (!inLastYear)
        {
            return X(b).Episode("X", decom: decom ?? D(2023, 6, 1), rne: rne, ls: ls, cin: cin, place: place, provider: provider, urn: urn, homePost: homePost, plPost: plPost, at: new SourceLocation(now, 2));
        }

        return X(b)
            .Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "C2", cin: "N1", place: lastPlace ?? place, provider: "PR1", urn: lastUrn, homePost: homePost, plPost: lastPlPost ?? plPost, at: new SourceLocation(last, 2))
            .Episode("X", decom: decom ?? D(2023, 6, 1), rne: rne, ls: ls, cin: cin, place: place, provider: provider, urn: urn, homePost: homePost, plPost: plPost, at: new SourceLocation(now, 2));
    }

    // X fostered by the council's service (SC100004) in both years' returns: at lastPlPost, then at plPost.
    private static Ssda903Builder Fostered(Ssda903Builder b, string lastPlPost, string plPost, string? homePost = null) =>
        EpisodeTwoYears(b, urn: "SC100004", lastUrn: "SC100004", plPost: plPost, lastPlPost: lastPlPost, homePost: homePost);

    // X adopted as in Adopted, with its decision to place in the 2024 return (none when lastPlaced is null; ended on lastCeased, for
    // a reason, when given) and in the 2025 return (placed).
    private static Ssda903Builder DecisionTwoYears(Ssda903Builder b, DateOnly? lastPlaced, DateOnly placed, DateOnly? lastCeased = null)
    {
        var last = b.AddFile(new SourceFile("placed_adoption_2024.csv", "903 PlacedAdoption CSV", 2024));
        var now = b.AddFile(new SourceFile("placed_adoption_2025.csv", "903 PlacedAdoption CSV", 2025));
        Ad1(Ep(Ep(X(b, D(2015, 1, 1)), D(2022, 1, 1), dec: D(2023, 7, 1), rec: "X1", rpc: "CARPL"), D(2023, 7, 1), rne: "P", place: "A4", dec: D(2025, 1, 10), rec: "E11"));
        if (lastPlaced is { } given)
        {
            b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: given, datePlacedCeased: lastCeased, reasonPlacedCeased: lastCeased is null ? null : "RD1", at: new SourceLocation(last, 2));
        }

        return b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: placed, at: new SourceLocation(now, 2));
    }

    // X missing from 20 March 2024 with no end in the 2024 return; in the 2025 return a period from misStart, ended in the year.
    private static Ssda903Builder MissingTwoYears(Ssda903Builder b, DateOnly misStart)
    {
        var last = b.AddFile(new SourceFile("missing_2024.csv", "903 Missing CSV", 2024));
        var now = b.AddFile(new SourceFile("missing_2025.csv", "903 Missing CSV", 2025));
        return b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 3, 20), at: new SourceLocation(last, 2))
            .Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: misStart, misEnd: misStart < D(2024, 4, 1) ? D(2024, 4, 2) : misStart.AddDays(2), at: new SourceLocation(now, 2));
    }

    // X looked after from 1 January 2023: adopted (E11) on the day given, in last year's return, and back in care from 1 June 2024 in
    // this year's; with no adoption given, in care from 1 January 2023 throughout, in both returns.
    private static Ssda903Builder AdoptedThenBack(Ssda903Builder b, DateOnly? adopted)
    {
        var last = b.AddFile(new SourceFile("episodes_2024.csv", "903 Episodes CSV", 2024));
        var now = b.AddFile(new SourceFile("episodes_2025.csv", "903 Episodes CSV", 2025));
        X(b, D(2015, 1, 1));
        if (adopted is { } day)
        {
            return b.Episode("X", decom: D(2023, 1, 1), rne: "S", ls: "E1", cin: "N1", place: "A4", provider: "PR1", dec: day, rec: "E11", at: new SourceLocation(last, 2))
                .Episode("X", decom: D(2024, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", at: new SourceLocation(now, 2));
        }

        return b.Episode("X", decom: D(2023, 1, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", at: new SourceLocation(last, 2))
            .Episode("X", decom: D(2023, 1, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", at: new SourceLocation(now, 2));
    }

    // Care leaver X (born 1 January 2006): last year's return has its episode from January 2021 ending on 1 June 2022 with REC as
    // given (still open when asked), and this year's an OC3 row.
    private static Ssda903Builder LeftCareLastYear(Ssda903Builder b, string rec, bool open = false)
    {
        var last = b.AddFile(new SourceFile("episodes_2024.csv", "903 Episodes CSV", 2024));
        var now = b.AddFile(new SourceFile("oc3_2025.csv", "903 OC3 CSV", 2025));
        return X(b, D(2006, 1, 1))
            .Episode("X", decom: D(2021, 1, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", dec: open ? null : D(2022, 6, 1), rec: open ? null : rec, at: new SourceLocation(last, 2))
            .Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2", accom: "B1", at: new SourceLocation(now, 2));
    }

    // Child X's Header in the 2024 and 2025 returns (202-208 compare them): this year's with the values given, last year's the
    // same but for those given as last year's; a mother (207) is given her child's date of birth and an episode open since June
    // 2023 (in both returns).
    private static Ssda903Builder HeaderTwoYears(
        Ssda903Builder b,
        string sex = "M",
        string? lastSex = null,
        DateOnly? dob = null,
        DateOnly? lastDob = null,
        string ethnic = "WBRI",
        string? lastEthnic = null,
        string? upn = "A123456789012",
        string? lastUpn = "A123456789012",
        string? mother = null,
        string? lastMother = null,
        DateOnly? mcDob = null,
        DateOnly? lastMcDob = null)
    {
        var last = b.AddFile(new SourceFile("header_2024.csv", "903 Header CSV", 2024));
        var now = b.AddFile(new SourceFile("header_2025.csv", "903 Header CSV", 2025));
        DateOnly? McDob(string? m, DateOnly? given) => m == "1" ? given ?? D(2023, 2, 1) : null;
        b.Header("X", sex: lastSex ?? sex, dob: lastDob ?? dob ?? D(2007, 5, 1), ethnic: lastEthnic ?? ethnic, upn: lastUpn, mother: lastMother, mcDob: McDob(lastMother, lastMcDob), at: new SourceLocation(last, 2))
            .Header("X", sex: sex, dob: dob ?? D(2007, 5, 1), ethnic: ethnic, upn: upn, mother: mother, mcDob: McDob(mother, mcDob), at: new SourceLocation(now, 2));
        return lastMother is null ? b
            : b.Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", at: new SourceLocation(last, 3))
                .Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", at: new SourceLocation(now, 3));
    }

    // Care leaver X's OC3 rows: DIED in the 2025 return, then IN_TOUCH as given in the 2026 return (348).
    private static Ssda903Builder Oc3TwoYears(Ssda903Builder b, string inTouch)
    {
        var last = b.AddFile(new SourceFile("oc3_2025.csv", "903 OC3 CSV", 2025));
        var now = b.AddFile(new SourceFile("oc3_2026.csv", "903 OC3 CSV", 2026));
        return b.Oc3("X", year: 2025, dob: D(2006, 1, 1), inTouch: "DIED", activ: "0", accom: "0", at: new SourceLocation(last, 2))
            .Oc3("X", year: 2026, dob: D(2006, 1, 1), inTouch: inTouch, activ: "0", accom: "0", at: new SourceLocation(now, 2));
    }

    // Short breaks (LS V3) of 16 days each, a month apart from June 2024: five make 80 days in the year (367).
    private static Ssda903Builder Breaks(Ssda903Builder b, int count)
    {
        for (var k = 0; k < count; k++)
        {
            Ep(b, D(2024, 6 + k, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6 + k, 17), rec: "E13");
        }

        return b;
    }

    // U1 from April 2024, a temporary placement from 1 July to <paramref name="back"/>, then back to U1 (RNE P).
    private static Ssda903Builder Temporary(Ssda903Builder b, string place, DateOnly back) =>
        Ep(Ep(Ep(b, D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1"), D(2024, 7, 1), rne: "P", place: place, provider: null, dec: back, rec: "X1"), back, rne: "P", place: "U1");

    // U1 from April 2024, with a week's T3 holiday starting on each of the days given, back to U1 each time.
    private static Ssda903Builder Holidays(Ssda903Builder b, params DateOnly[] starts)
    {
        var from = D(2024, 4, 1);
        var rne = "S";
        foreach (var start in starts)
        {
            var back = start.AddDays(7);
            Ep(b, from, rne: rne, place: "U1", dec: start, rec: "X1");
            rne = "P";
            Ep(b, start, rne: "P", place: "T3", provider: null, dec: back, rec: "X1");
            from = back;
        }

        return Ep(b, from, rne: "P", place: "U1");
    }

    private static readonly Dictionary<string, (Func<Ssda903Builder, Ssda903Builder> Bad, Func<Ssda903Builder, Ssda903Builder> Good)> Cases = new()
    {
        ["101"] = (b => b.Header("X", sex: "7", dob: D(2010, 1, 1), ethnic: "WBRI"), b => b.Header("X", sex: "M", dob: D(2010, 1, 1), ethnic: "WBRI")),
        ["102"] = (b => b.Header("X", sex: "M", ethnic: "WBRI"), b => b.Header("X", sex: "M", dob: D(2010, 1, 1), ethnic: "WBRI")),
        ["103"] = (b => b.Header("X", sex: "M", dob: D(2010, 1, 1), ethnic: "ZZZZ"), b => b.Header("X", sex: "M", dob: D(2010, 1, 1), ethnic: "REFU")),
        ["165"] = (b => b.Header("X", sex: "F", dob: D(2010, 1, 1), ethnic: "WBRI", mother: "5"), b => b.Header("X", sex: "F", dob: D(2010, 1, 1), ethnic: "WBRI", mother: "0")),
        ["301"] = (b => b.Header("X", sex: "M", dob: D(2025, 6, 1), ethnic: "WBRI"), b => b.Header("X", sex: "M", dob: D(2025, 3, 1), ethnic: "WBRI")),
        ["612"] = (b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "0", mcDob: D(2024, 1, 1)), b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2024, 1, 1))),
        ["611"] = (b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "1"), b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2024, 1, 1))),
        ["174"] = (b => b.Header("X", sex: "M", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2024, 1, 1)), b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2024, 1, 1))),
        ["LS-MC-DOB-EARLY"] = (b => b.Header("X", sex: "F", dob: D(2010, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2021, 6, 1)), b => b.Header("X", sex: "F", dob: D(2010, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2023, 6, 1))),
        ["LS-HEADER-TWICE"] = (b => X(X(b)), b => X(b)),
        ["141"] = (b => Ep(X(b), null), b => Ep(X(b), D(2024, 6, 1))),
        ["143"] = (b => Ep(X(b), D(2024, 6, 1), rne: "Q"), b => Ep(X(b), D(2024, 6, 1), rne: "S")),
        ["144"] = (b => Ep(X(b), D(2024, 6, 1), ls: "C9"), b => Ep(X(b), D(2024, 6, 1), ls: "C1")),
        ["145"] = (b => Ep(X(b), D(2024, 6, 1), cin: "N9"), b => Ep(X(b), D(2024, 6, 1), cin: "N8")),
        ["146"] = (b => Ep(X(b, D(2007, 1, 1)), D(2024, 6, 1), place: "Z11"), b => Ep(X(b, D(2008, 1, 1)), D(2024, 6, 1), place: "K3")),
        ["149"] = (b => Ep(X(b), D(2024, 6, 1), dec: D(2024, 8, 1), rec: "E99"), b => Ep(X(b), D(2024, 6, 1), dec: D(2024, 8, 1), rec: "E13")),
        ["178"] = (b => Ep(X(b), D(2024, 6, 1), provider: "PR9"), b => Ep(X(b), D(2024, 6, 1), provider: "PR5")),
        ["1009"] = (b => Move(X(b), rpc: "FOO"), b => Move(X(b), rpc: "ALLEG")),
        ["148"] = (b => Ep(X(b), D(2024, 6, 1), dec: D(2024, 8, 1)), b => Ep(X(b), D(2024, 6, 1), dec: D(2024, 8, 1), rec: "E13")),
        ["526"] = (b => Ep(X(b), D(2024, 6, 1), provider: null), b => Ep(X(b), D(2024, 6, 1), provider: "PR2")),
        ["530"] = (b => Ep(X(b), D(2024, 6, 1), place: "P1", provider: "PR4"), b => Ep(X(b), D(2024, 6, 1), place: "P1", provider: "PR0")),
        ["531"] = (b => Ep(X(b), D(2024, 6, 1), place: "P1", provider: "PR5"), b => Ep(X(b), D(2024, 6, 1), place: "P1", provider: "PR0")),
        ["550"] = (b => Ep(X(b), D(2024, 6, 1), place: "U1", provider: "PR0"), b => Ep(X(b), D(2024, 6, 1), place: "P1", provider: "PR0")),
        ["378"] = (b => Ep(X(b), D(2024, 6, 1), ls: "V2", place: "P1", provider: "PR0"), b => Ep(X(b), D(2024, 6, 1), ls: "C2", place: "P1", provider: "PR0")),
        ["445"] = (b => Ep(X(b), D(2024, 6, 1), ls: "D1"), b => Ep(X(b), D(2024, 6, 1), ls: "E1").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1))),
        ["446"] = (b => Ep(X(b, D(1990, 1, 1)), D(2005, 1, 1), ls: "E1"), b => Ep(X(b), D(2024, 6, 1), ls: "E1").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1))),
        ["356"] = (b => Ep(X(b), D(2024, 6, 1), dec: D(2024, 5, 1), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), dec: D(2024, 7, 1), rec: "E13")),
        ["354"] = (b => Ep(X(b), D(2024, 6, 1), dec: D(2025, 5, 1), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), dec: D(2025, 3, 1), rec: "E13")),
        ["LS-DECOM-LATE"] = (b => Ep(X(b), D(2025, 5, 1)), b => Ep(X(b), D(2025, 3, 31))),
        ["302"] = (b => Ep(X(b, D(2024, 8, 1)), D(2024, 6, 1)), b => Ep(X(b, D(2024, 8, 1)), D(2024, 8, 1))),
        ["355"] = (b => Ep(X(b), D(2024, 6, 1), dec: D(2024, 6, 1), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), dec: D(2024, 6, 2), rec: "E13")),
        ["358"] = (b => Ep(X(b, D(2016, 1, 1)), D(2024, 6, 1), ls: "J1"), b => Ep(X(b, D(2012, 1, 1)), D(2024, 6, 1), ls: "J1")),
        ["352"] = (b => Ep(X(b, D(2005, 1, 1)), D(2024, 6, 1)), b => Ep(X(b, D(2007, 1, 1)), D(2024, 6, 1), dec: D(2024, 12, 1), rec: "E13")),
        ["386"] = (b => Ad1(Ep(X(b, D(2005, 1, 1)), D(2022, 1, 1), place: "A4", dec: D(2024, 6, 1), rec: "E11")), b => Ad1(Adopted(b))),
        ["387"] = (b => Ep(X(b, D(2012, 1, 1)), D(2024, 4, 2), dec: D(2024, 6, 1), rec: "E5"), b => Ep(X(b, D(2008, 1, 1)), D(2024, 4, 2), dec: D(2024, 6, 1), rec: "E5")),
        ["389"] = (b => Ep(X(b, D(2010, 1, 1)), D(2024, 4, 2), dec: D(2024, 6, 1), rec: "E7"), b => Ep(X(b, D(2007, 1, 1)), D(2024, 4, 2), dec: D(2024, 6, 1), rec: "E7")),
        ["501"] = (b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "E13"), D(2024, 6, 1)), b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "E13"), D(2024, 8, 1))),
        ["142"] = (b => Ep(Ep(X(b), D(2024, 4, 10)), D(2024, 7, 1), rne: "P", place: "U4"), b => Move(X(b))),
        ["388"] = (b => Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1"), b => Move(X(b))),
        ["433"] = (b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1", rpc: "CARPL"), D(2024, 7, 5), rne: "P", place: "U4"), b => Move(X(b))),
        ["431"] = (b => Move(X(b), rne2: "S", rpc: null), b => Move(X(b))),
        ["432"] = (b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "E13"), D(2024, 9, 1), rne: "P"), b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "E13"), D(2024, 9, 1), rne: "S")),
        ["357"] = (b => Ep(X(b), D(2024, 6, 1), rne: "P"), b => Ep(X(b), D(2024, 6, 1), rne: "S")),
        ["434"] = (b => Move(X(b), rne2: "L", ls1: "C2", ls2: "C2", place2: "U1", rpc: null), b => Move(X(b), rne2: "L", ls1: "C1", ls2: "C2", place2: "U1", rpc: null)),
        ["436"] = (b => Move(X(b), rne2: "B", ls1: "C2", ls2: "C2"), b => Move(X(b), rne2: "B", ls1: "C1", ls2: "C2")),
        ["435"] = (b => Move(X(b), rne2: "P", ls1: "C2", ls2: "C2", place2: "U1"), b => Move(X(b), rne2: "P", ls1: "C2", ls2: "C2")),
        ["336"] = (b => Ep(Ep(X(b), D(2024, 4, 10), place: "K2", provider: "PR4", dec: D(2024, 7, 1), rec: "X1", rpc: "CARPL"), D(2024, 7, 1), rne: "U", ls: "E1", place: "A5", provider: "PR1")
                       .PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1)),
                   b => Ep(Ep(X(b), D(2024, 4, 10), place: "U1", provider: "PR1", dec: D(2024, 7, 1), rec: "X1", rpc: "CARPL"), D(2024, 7, 1), rne: "U", ls: "E1", place: "A5", provider: "PR1")
                       .PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1))),
        ["437"] = (b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "E2"), D(2024, 9, 1)), b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "E13"), D(2024, 9, 1))),
        ["225"] = (b => Move(X(b), rpc: null), b => Move(X(b))),
        ["226"] = (b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1", rpc: "CARPL"), D(2024, 7, 1), rne: "P", place: "T1", provider: null),
                   b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1"), D(2024, 7, 1), rne: "P", place: "T1", provider: null)),
        ["LS-RPC-NO-MOVE"] = (b => Ep(X(b), D(2024, 6, 1), dec: D(2024, 8, 1), rec: "E13", rpc: "CARPL"), b => Ep(X(b), D(2024, 6, 1), dec: D(2024, 8, 1), rec: "E13")),
        ["362"] = (b => Ep(X(b), D(2024, 6, 1), ls: "L2", dec: D(2024, 7, 1), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), ls: "L2", dec: D(2024, 6, 15), rec: "E13")),
        ["363"] = (b => Ep(X(b), D(2024, 6, 1), ls: "L3", dec: D(2024, 6, 20), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), ls: "L3", dec: D(2024, 6, 6), rec: "E13")),
        ["361"] = (b => Ep(X(b), D(2024, 6, 1), ls: "L1", dec: D(2024, 6, 11), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), ls: "L1", dec: D(2024, 6, 3), rec: "E13")),
        ["380"] = (b => Ep(X(b), D(2024, 6, 1), place: "T1"), b => Ep(X(b), D(2024, 6, 1), place: "U1")),
        ["383"] = (b => Ep(Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1"), D(2024, 7, 1), rne: "P", place: "T2", provider: null, dec: D(2024, 7, 8), rec: "X1"), D(2024, 7, 8), rne: "P", place: "U4"),
                   b => Ep(Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1"), D(2024, 7, 1), rne: "P", place: "T2", provider: null, dec: D(2024, 7, 8), rec: "X1"), D(2024, 7, 8), rne: "P", place: "U1")),
        ["214"] = (b => Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13").Episode("X", decom: D(2024, 7, 1), rne: "S", ls: "V3", cin: "N1", place: "K2", provider: "PR4", dec: D(2024, 7, 3), rec: "E13", plPost: "AB1 2"),
                   b => Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13")),
        ["398"] = (b => Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13").Episode("X", decom: D(2024, 7, 1), rne: "S", ls: "V3", cin: "N1", place: "K2", provider: "PR4", dec: D(2024, 7, 3), rec: "E13", homePost: "AB1 2"),
                   b => Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13")),
        ["399"] = (b => Ep(b.Header("X", sex: "F", dob: D(2010, 5, 1), ethnic: "WBRI", mother: "0"), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13"),
                   b => Ep(b.Header("X", sex: "F", dob: D(2010, 5, 1), ethnic: "WBRI"), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13")),
        ["628"] = (b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "0").Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2", accom: "B1"),
                   b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI").Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2", accom: "B1")),
        ["379"] = (b => Ep(Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1"), D(2024, 7, 1), rne: "P", place: "T4", provider: null, dec: D(2024, 7, 9), rec: "X1"), D(2024, 7, 9), rne: "P", place: "U1"),
                   b => Ep(Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1"), D(2024, 7, 1), rne: "P", place: "T4", provider: null, dec: D(2024, 7, 8), rec: "X1"), D(2024, 7, 8), rne: "P", place: "U1")),
        ["516"] = (b => Ep(X(b), D(2024, 4, 10), place: "K2", dec: D(2024, 9, 1), rec: "E46"), b => Ep(X(b), D(2024, 4, 10), place: "U4", dec: D(2024, 9, 1), rec: "E46")),
        ["353"] = (b => Ep(X(b, D(1985, 1, 1)), D(1991, 10, 13), dec: D(1992, 1, 1), rec: "E13"), b => Ep(X(b), D(2024, 6, 1))),
        ["364"] = (b => Ep(X(b), D(2024, 6, 1), ls: "J2", dec: D(2024, 6, 25), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), ls: "J2", dec: D(2024, 6, 20), rec: "E13")),
        ["365"] = (b => Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 19), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 18), rec: "E13")),
        ["366"] = (b => Ep(X(b), D(2024, 6, 1), rne: "P", ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), rne: "S", ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13")),
        ["367"] = (b => Breaks(X(b), 5), b => Breaks(X(b), 4)),
        ["370"] = (b => Ep(X(b, D(2008, 5, 1)), D(2023, 6, 1), place: "P2", provider: "PR4"), b => Ep(X(b, D(2007, 5, 1)), D(2023, 6, 1), place: "P2", provider: "PR4")),
        ["371"] = (b => Ep(X(b, D(2009, 5, 1)), D(2024, 6, 1), place: "K3", provider: "PR4"), b => Ep(X(b, D(2008, 5, 1)), D(2024, 6, 1), place: "K3", provider: "PR4")),
        ["372"] = (b => Ep(X(b, D(2015, 1, 1)), D(2024, 6, 1), place: "R5", provider: "PR3"), b => Ep(X(b, D(2014, 1, 1)), D(2024, 6, 1), place: "R5", provider: "PR3")),
        ["373"] = (b => Ep(X(b, D(2021, 1, 1)), D(2024, 6, 1), place: "S1"), b => Ep(X(b, D(2020, 1, 1)), D(2024, 6, 1), place: "S1")),
        ["374"] = (b => Ep(X(b, D(2011, 1, 1)), D(2024, 6, 1), place: "P3", provider: "PR4"), b => Ep(X(b, D(2010, 1, 1)), D(2024, 6, 1), place: "P3", provider: "PR4")),
        ["375"] = (b => Temporary(X(b), "T1", D(2024, 8, 15)), b => Temporary(X(b), "T1", D(2024, 8, 12))),
        ["376"] = (b => Temporary(X(b), "T3", D(2024, 7, 23)), b => Temporary(X(b), "T3", D(2024, 7, 22))),
        ["377"] = (b => Holidays(X(b), D(2024, 7, 1), D(2024, 10, 1), D(2025, 1, 6)), b => Holidays(X(b), D(2024, 7, 1), D(2024, 10, 1))),
        ["381"] = (b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1"), D(2024, 7, 1), rne: "P", place: "T1", provider: null, dec: D(2024, 7, 8), rec: "E13"),
                   b => Temporary(X(b), "T1", D(2024, 7, 8))),
        ["382"] = (b => Ep(X(b), D(2024, 6, 1), ls: "V3", place: "T2", provider: null, dec: D(2024, 6, 3), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13")),
        ["384"] = (b => Ep(X(b), D(2024, 6, 1), ls: "V4", place: "U4", dec: D(2024, 6, 3), rec: "E13"), b => Ep(X(b), D(2024, 6, 1), ls: "V4", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13")),
        ["390"] = (b => Ad1(Ep(X(b, D(2015, 1, 1)), D(2022, 1, 1), place: "U1", dec: D(2025, 1, 10), rec: "E11")), b => Ad1(Adopted(b))),
        ["407"] = (b => Ep(X(b, D(2006, 6, 1)), D(2021, 1, 1), dec: D(2024, 6, 1), rec: "E45"), b => Ep(X(b, D(2006, 6, 2)), D(2021, 1, 1), dec: D(2024, 6, 1), rec: "E45")),
        ["460"] = (b => Ep(X(b, D(2006, 6, 2)), D(2021, 1, 1), dec: D(2024, 6, 1), rec: "E17"), b => Ep(X(b, D(2006, 6, 1)), D(2021, 1, 1), dec: D(2024, 6, 1), rec: "E17")),
        ["168"] = (b => b.Header("X", sex: "M", dob: D(2010, 1, 1), ethnic: "WBRI", upn: "I123456789012"), b => b.Header("X", sex: "M", dob: D(2010, 1, 1), ethnic: "WBRI", upn: "A12345678901B")),
        ["442"] = (b => Ep(b.Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI"), D(2024, 6, 1)), b => Ep(X(b), D(2024, 6, 1))),
        ["209"] = (b => b.Header("X", sex: "M", dob: D(2019, 8, 31), ethnic: "WBRI", upn: "UN1"), b => b.Header("X", sex: "M", dob: D(2019, 9, 1), ethnic: "WBRI", upn: "UN1")),
        ["210"] = (b => Ep(b.Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI", upn: "UN4"), D(2025, 3, 23)), b => Ep(b.Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI", upn: "UN4"), D(2025, 3, 24))),
        ["232"] = (b => b.Header("X", sex: "U", dob: D(2010, 1, 1), ethnic: "WBRI"), b => b.Header("X", sex: "M", dob: D(2010, 1, 1), ethnic: "WBRI")),
        ["620"] = (b => b.Header("X", sex: "F", dob: D(2013, 6, 1), ethnic: "WBRI", mother: "1", mcDob: D(2025, 3, 1)), b => b.Header("X", sex: "F", dob: D(2013, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2025, 2, 1))),
        ["621"] = (b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2005, 1, 1)), b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2024, 1, 1))),
        ["625"] = (b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2025, 5, 1)), b => b.Header("X", sex: "F", dob: D(2006, 1, 1), ethnic: "WBRI", mother: "1", mcDob: D(2025, 3, 1))),
        ["565"] = (b => b.Missing("X", dob: D(2010, 5, 1), misStart: D(2024, 6, 1)), b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 6, 1))),
        ["571"] = (b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 3, 20), misEnd: D(2024, 3, 25)), b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 3, 20), misEnd: D(2024, 4, 1))),
        ["577"] = (b => Ep(X(b), D(2024, 4, 10), dec: D(2024, 9, 1), rec: "E13").Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 6, 1)),
                   b => Ep(X(b), D(2024, 4, 10), dec: D(2024, 9, 1), rec: "E13").Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 6, 1), misEnd: D(2024, 6, 2))),
        ["578"] = (b => Ep(X(b), D(2024, 4, 10), dec: D(2024, 9, 1), rec: "E13").Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 9, 2), misEnd: D(2024, 9, 3)),
                   b => Ep(X(b), D(2024, 4, 10), dec: D(2024, 9, 1), rec: "E13").Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 9, 1), misEnd: D(2024, 9, 1))),
        ["575"] = (b => Move(X(b)).Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 6, 1)),
                   b => Move(X(b)).Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 7, 2))),
        ["580"] = (b => Ep(X(b, D(2006, 9, 1)), D(2024, 4, 10), dec: D(2024, 9, 1), rec: "E13").Missing("X", dob: D(2006, 9, 1), missing: "M", misStart: D(2024, 8, 30), misEnd: D(2024, 9, 1)),
                   b => Ep(X(b, D(2006, 9, 1)), D(2024, 4, 10), dec: D(2024, 9, 1), rec: "E8").Missing("X", dob: D(2006, 9, 1), missing: "M", misStart: D(2024, 8, 30), misEnd: D(2024, 9, 1))),
        ["451"] = (b => Ep(X(b), D(2024, 6, 1), ls: "D1"), b => Ep(X(b), D(2024, 6, 1), ls: "D1", dec: D(2024, 8, 1), rec: "E13")),
        ["344"] = (b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "RHOM", activ: "F2", accom: "B1"), b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "RHOM", activ: "0", accom: "0")),
        ["554"] = (b => Ep(X(b), D(2024, 5, 1), ls: "E1").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 5, 2)),
                   b => Ep(X(b), D(2024, 5, 1), ls: "E1").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 5, 1))),
        // A freeing order (D1) with no decision to place for adoption; retired from 2024/25, so checked in 2023/24.
        ["555"] = (b => Ep(X(b), D(2023, 6, 1), ls: "D1"), b => Ep(X(b), D(2024, 6, 1), ls: "D1").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1))),
        // A placement order (E1) ended in September 2024 without adoption (E13): the decision to place has to be ended too.
        ["557"] = (b => Ep(X(b), D(2024, 6, 1), ls: "E1", dec: D(2024, 9, 1), rec: "E13").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1)),
            b => Ep(X(b), D(2024, 6, 1), ls: "E1", dec: D(2024, 9, 1), rec: "E13").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1), datePlacedCeased: D(2024, 9, 1), reasonPlacedCeased: "RD1")),
        ["556"] = (b => Ep(X(b), D(2024, 5, 1), ls: "D1", dec: D(2024, 8, 1), rec: "E13").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 5, 2)),
                   b => Ep(X(b), D(2024, 5, 1), ls: "D1", dec: D(2024, 8, 1), rec: "E13").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 5, 1))),
        ["335"] = (b => Ad1(Adopted(b), foster: "1"), b => Ad1(Adopted(b), foster: "0")),
        ["583"] = (b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2023, 6, 1)).PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1)),
                   b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2023, 6, 1), datePlacedCeased: D(2024, 6, 1), reasonPlacedCeased: "RD1").PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1))),
        ["582"] = (b => Ad1(Adopted(b), dateMatch: D(2025, 1, 10)), b => Ad1(Adopted(b), dateMatch: D(2023, 6, 1))),
        ["581"] = (b => Ep(X(b), D(2024, 6, 1)).Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 5, 31), misEnd: D(2024, 6, 2)),
                   b => Ep(X(b), D(2024, 6, 1)).Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 6, 1), misEnd: D(2024, 6, 2))),
        ["586"] = (b => b.Missing("X", dob: D(2024, 6, 1), missing: "M", misStart: D(2024, 6, 1), misEnd: D(2024, 6, 2)), b => b.Missing("X", dob: D(2024, 6, 1), missing: "M", misStart: D(2024, 6, 2), misEnd: D(2024, 6, 3))),
        ["517"] = (b => Ad1(Adopted(b), ls: "L3", sex: "FF"), b => Ad1(Adopted(b), ls: "L3", sex: "MF")),
        ["518"] = (b => Ad1(Adopted(b), ls: "L4", sex: "MF"), b => Ad1(Adopted(b), ls: "L4", sex: "MM")),
        ["519"] = (b => Ad1(Adopted(b), ls: "L2", sex: "M1"), b => Ad1(Adopted(b), ls: "L2", sex: "FF")),
        ["520"] = (b => Ad1(Adopted(b), ls: "L11", sex: "FF"), b => Ad1(Adopted(b), ls: "L11", sex: "MF")),
        ["524"] = (b => Ad1(Adopted(b), ls: "L12", sex: "MF"), b => Ad1(Adopted(b), ls: "L12", sex: "FF")),
        ["331"] = (b => Ad1(Adopted(b), dateMatch: D(2023, 7, 2)), b => Ad1(Adopted(b), dateMatch: D(2023, 7, 1))),
        ["334"] = (b => Ad1(Adopted(b), dateInt: D(2021, 12, 31)), b => Ad1(Adopted(b))),
        ["184"] = (b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2014, 12, 31)), b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2015, 1, 1))),
        ["1003"] = (b => Ep(X(b), D(2024, 6, 1)).PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 5, 31)), b => Ep(X(b), D(2024, 6, 1)).PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1))),
        ["551"] = (b => Ep(X(b), D(2024, 6, 1), place: "A3"), b => Ep(X(b), D(2024, 6, 1), place: "A3").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1))),
        ["552"] = (b => Ep(X(b), D(2024, 6, 1), place: "A3").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 2)), b => Ep(X(b), D(2024, 6, 1), place: "A3").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1))),
        ["553"] = (b => Ep(X(b), D(2024, 6, 1), ls: "E1"), b => Ep(X(b), D(2024, 6, 1), ls: "E1").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1))),
        ["182"] = (b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 5, convicted: "0", immunisations: "1"), b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 5, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["543"] = (b => b.Oc2("X", year: Year, dob: D(2015, 3, 30), sdqScore: 5), b => b.Oc2("X", year: Year, dob: D(2015, 3, 31), sdqScore: 5, immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["544"] = (b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 5, convicted: "1", immunisations: "1", teethCheck: "1", healthAssessment: "1"), b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 5, convicted: "1", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["545"] = (b => b.Oc2("X", year: Year, dob: D(2020, 4, 1), sdqScore: 12), b => b.Oc2("X", year: Year, dob: D(2020, 4, 1), sdqScore: 12, healthCheck: "1", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["547"] = (b => b.Oc2("X", year: Year, dob: D(2020, 4, 1), sdqScore: 12, healthCheck: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2020, 4, 1), sdqScore: 12, healthCheck: "1", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["527"] = (b => Ep(X(b), D(2024, 6, 1), place: "R2", provider: "PR1"), b => Ep(X(b), D(2024, 6, 1), place: "R2", provider: "PR4")),
        ["528"] = (b => Ep(X(b, D(2010, 5, 1)), D(2024, 6, 1), place: "R5", provider: "PR2"), b => Ep(X(b, D(2010, 5, 1)), D(2024, 6, 1), place: "R5", provider: "PR3")),
        ["529"] = (b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR3"), b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR4")),
        ["222"] = (b => X(b).Episode("X", decom: D(2024, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "R1", provider: "PR1", urn: "SC123456"),
                   b => X(b).Episode("X", decom: D(2024, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "R1", provider: "PR1", urn: "XXXXXXX")),
        ["217"] = (b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1", rpc: "CARPL"), D(2024, 7, 1), rne: "P", place: "A5").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1)),
                   b => Ep(X(b), D(2024, 7, 1), rne: "S", ls: "E1", place: "A5").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 7, 1))),
        ["426"] = (b => Ep(Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13"), D(2024, 8, 1), ls: "V4", place: "K2", provider: "PR4", dec: D(2024, 8, 3), rec: "E13"),
                   b => Ep(Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 3), rec: "E13"), D(2024, 8, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 8, 3), rec: "E13")),
        ["504"] = (b => Ep(Ep(X(b), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1", rpc: "CARPL"), D(2024, 7, 1), rne: "P", place: "U4", cin: "N2"), b => Move(X(b))),
        ["233"] = (b => Ep(X(b), D(2024, 6, 1), rpc: "CARPL"), b => Ep(X(b), D(2024, 6, 1))),
        ["234"] = (b => Ep(Ep(X(b, D(2015, 6, 1)), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1", rpc: "CUSTOD"), D(2024, 7, 1), rne: "P", place: "U4"),
                   b => Ep(Ep(X(b, D(2014, 4, 10)), D(2024, 4, 10), dec: D(2024, 7, 1), rec: "X1", rpc: "CUSTOD"), D(2024, 7, 1), rne: "P", place: "U4")),
        ["347"] = (b => b.Oc3("X", year: Year, dob: D(2006, 4, 2), inTouch: "YES", activ: "F2", accom: "T1"), b => b.Oc3("X", year: Year, dob: D(2006, 4, 1), inTouch: "YES", activ: "F2", accom: "T1")),
        ["391"] = (b => b.Oc3("X", year: Year, dob: D(2008, 4, 1), inTouch: "YES", activ: "F2", accom: "B1"), b => b.Oc3("X", year: Year, dob: D(2008, 3, 31), inTouch: "YES", activ: "F2", accom: "B1")),
        ["3001"] = (b => b.Oc3("X", year: Year, dob: D(2007, 6, 1), inTouch: "YES", activ: "F2", accom: "Z1"), b => b.Oc3("X", year: Year, dob: D(2006, 6, 1), inTouch: "YES", activ: "F2", accom: "Z1")),
        ["134"] = (b => Ad1(Adopted(b)).Oc3("X", year: Year, dob: D(2015, 1, 1), inTouch: "YES", activ: "F2", accom: "B1"), b => Ad1(Adopted(b))),
        ["1014"] = (b => X(b, D(2006, 5, 1)).Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: D(2024, 5, 1)).Oc3("X", year: Year, dob: D(2006, 5, 1), inTouch: "YES", activ: "F2", accom: "B1"),
                    b => Ep(X(b, D(2006, 5, 1)), D(2021, 1, 1), dec: D(2024, 4, 20), rec: "E8").Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: D(2024, 5, 1)).Oc3("X", year: Year, dob: D(2006, 5, 1), inTouch: "YES", activ: "F2", accom: "B1")),
        ["117"] = (b => Ep(X(b), D(2024, 4, 10), dec: D(2024, 9, 1), rec: "E13").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 9, 2)),
                   b => Ep(X(b), D(2024, 4, 10), dec: D(2024, 9, 1), rec: "E13").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 9, 1))),
        ["118"] = (b => Ep(X(b), D(2024, 4, 10)).PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 4, 10), datePlacedCeased: D(2024, 4, 9), reasonPlacedCeased: "RD1"),
                   b => Ep(X(b), D(2024, 4, 10)).PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 4, 10), datePlacedCeased: D(2024, 4, 10), reasonPlacedCeased: "RD1")),
        ["525"] = (b => Ad1(Adopted(b)).PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 5, 1), datePlacedCeased: D(2024, 6, 1), reasonPlacedCeased: "RD1"),
                   b => Ep(X(b), D(2024, 4, 10)).PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 5, 1), datePlacedCeased: D(2024, 6, 1), reasonPlacedCeased: "RD1")),
        ["558"] = (b => Ad1(Adopted(b)).PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2023, 2, 1), datePlacedCeased: D(2024, 6, 1), reasonPlacedCeased: "RD1"), b => Ad1(Adopted(b))),
        ["444"] = (b => b.Header("X", sex: "M", dob: D(2010, 1, 1), ethnic: "WBRI", upn: "H12345678901A"), b => b.Header("X", sex: "M", dob: D(2010, 1, 1), ethnic: "WBRI", upn: "UN2")),
        ["579"] = (b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2023, 6, 1)).PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1)),
                   b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2023, 6, 1), datePlacedCeased: D(2024, 6, 1), reasonPlacedCeased: "RD1").PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1))),
        ["408"] = (b => Ep(X(b), D(2024, 6, 1), ls: "C2", place: "A6").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1)),
                   b => Ep(X(b), D(2024, 6, 1), ls: "E1", place: "A6").PlacedAdoption("X", dob: D(2010, 5, 1), datePlaced: D(2024, 6, 1))),
        ["359"] = (b => Ep(X(b, D(2007, 3, 30)), D(2024, 6, 1), ls: "V2", place: "K1", provider: "PR1"), b => Ep(X(b, D(2007, 3, 30)), D(2024, 6, 1), ls: "V2", place: "K2", provider: "PR1")),
        ["217t"] = (b => Ep(X(b, D(2007, 1, 1)), D(2023, 6, 1), place: "P2", provider: "PR4", dec: D(2023, 10, 29), rec: "E13"), b => Ep(X(b, D(2007, 1, 1)), D(2023, 6, 1), place: "P2", provider: "PR4", dec: D(2023, 10, 28), rec: "E13")),
        ["521"] = (b => Ad1(Adopted(b), dateInt: D(2023, 7, 2), dateMatch: D(2023, 7, 2)), b => Ad1(Adopted(b), dateInt: D(2023, 1, 1))),
        ["523"] = (b => Ad1(Adopted(b), dateInt: D(2023, 1, 2)), b => Ad1(Adopted(b), dateInt: D(2023, 1, 1))),
        ["LS-EPISODE-TWICE"] = (b => Ep(Ep(X(b), D(2024, 6, 1), dec: D(2024, 6, 1), rec: "X1"), D(2024, 6, 1), rne: "L", ls: "C1"), b => Ep(X(b), D(2024, 6, 1))),
        ["351"] = (b => Ep(X(b, D(1998, 1, 1)), D(2018, 1, 1)), b => Ep(X(b, D(2005, 1, 1)), D(2018, 1, 1), ls: "V2", place: "K2")),
        ["166"] = (b => Ep(X(b), D(2024, 6, 1)).Review("X", dob: D(2010, 5, 1), reviewCode: "PN1"), b => Ep(X(b), D(2024, 6, 1)).Review("X", dob: D(2010, 5, 1), review: D(2024, 6, 20), reviewCode: "PN1")),
        ["167"] = (b => Ep(X(b), D(2024, 6, 1)).Review("X", dob: D(2010, 5, 1), review: D(2024, 6, 20), reviewCode: "PN9"), b => Ep(X(b), D(2024, 6, 1)).Review("X", dob: D(2010, 5, 1), review: D(2024, 6, 20), reviewCode: "PN7")),
        ["440"] = (b => Ep(X(b), D(2024, 6, 1)).Review("X", dob: D(2010, 5, 1), review: D(2024, 6, 20), reviewCode: "PN0"), b => Ep(X(b), D(2024, 6, 1)).Review("X", dob: D(2010, 5, 1), review: D(2024, 6, 20), reviewCode: "PN2")),
        ["441"] = (b => Ep(X(b, D(2022, 1, 1)), D(2024, 6, 1)).Review("X", dob: D(2022, 1, 1), review: D(2024, 6, 20), reviewCode: "PN1"), b => Ep(X(b, D(2022, 1, 1)), D(2024, 6, 1)).Review("X", dob: D(2022, 1, 1), review: D(2024, 6, 20), reviewCode: "PN0")),
        ["LS-REVIEW-OUTSIDE-CARE"] = (b => Ep(X(b), D(2024, 6, 1)).Review("X", dob: D(2010, 5, 1), review: D(2024, 5, 20), reviewCode: "PN1"), b => Ep(X(b), D(2024, 6, 1)).Review("X", dob: D(2010, 5, 1), review: D(2024, 6, 1), reviewCode: "PN1")),
        ["304"] = (b => X(b, D(2005, 1, 1)).Uasc("X", sex: "M", dob: D(2005, 1, 1), duc: D(2024, 6, 1)), b => X(b, D(2006, 6, 1)).Uasc("X", sex: "M", dob: D(2006, 6, 1), duc: D(2024, 5, 1))),
        ["205B"] = (b => UascTwoYears(b, lastDuc: null, duc: null), b => UascTwoYears(b, lastDuc: D(2024, 5, 1), duc: D(2024, 5, 1))),
        // Across years: X's first episode this year against the episode open at the end of last year's return.
        ["502"] = (b => EpisodeTwoYears(b, decom: D(2023, 7, 1)), b => EpisodeTwoYears(b)),
        ["503A"] = (b => EpisodeTwoYears(b, rne: "L"), b => EpisodeTwoYears(b)),
        ["503B"] = (b => EpisodeTwoYears(b, ls: "C1"), b => EpisodeTwoYears(b)),
        ["503C"] = (b => EpisodeTwoYears(b, cin: "N2"), b => EpisodeTwoYears(b)),
        ["503D"] = (b => EpisodeTwoYears(b, place: "U2", lastPlace: "U1"), b => EpisodeTwoYears(b, place: "U2")),
        ["503E"] = (b => EpisodeTwoYears(b, provider: "PR2"), b => EpisodeTwoYears(b)),
        ["503F"] = (b => EpisodeTwoYears(b, place: "U4", urn: "SC100004", lastUrn: "SC100005"), b => EpisodeTwoYears(b, place: "U4", urn: "SC100004", lastUrn: "SC100004")),
        // And the placement's distance, council and location, from the postcodes (ReferenceFixtures: CB1 1AA and CB2 2BB in
        // Cambridgeshire, PE1 1AA in Peterborough; SC100004 the council's fostering service). 452 and 453 also need the same RNE.
        ["503G"] = (b => Fostered(b, "CB2 2BB", "PE1 1AA", homePost: "CB1 1AA"), b => Fostered(b, "PE1 1AA", "PE1 1AA", homePost: "CB1 1AA")),
        ["503H"] = (b => Fostered(b, "CB1 1AA", "PE1 1AA"), b => Fostered(b, "CB1 1AA", "CB2 2BB")),
        ["503J"] = (b => Fostered(b, "CB1 1AA", "PE1 1AA"), b => Fostered(b, "CB1 1AA", "CB2 2BB")),
        ["452"] = (b => Fostered(b, "CB1 1AA", "PE1 1AA"), b => Fostered(b, "CB1 1AA", "CB2 2BB")),
        ["453"] = (b => Fostered(b, "CB2 2BB", "PE1 1AA", homePost: "CB1 1AA"), b => Fostered(b, "PE1 1AA", "PE1 1AA", homePost: "CB1 1AA")),
        // A child in this year's return looked after since before it must be in last year's.
        ["562"] = (b => EpisodeTwoYears(b, inLastYear: false), b => EpisodeTwoYears(b)),
        // X adopted (Adopted): the decision to place of 1 January 2023 in last year's return (open, or ended as given), and this year's.
        ["559"] = (b => DecisionTwoYears(b, null, D(2023, 1, 1)), b => DecisionTwoYears(b, D(2023, 1, 1), D(2023, 1, 1))),
        ["560"] = (b => DecisionTwoYears(b, D(2023, 1, 1), D(2023, 2, 1)), b => DecisionTwoYears(b, D(2023, 1, 1), D(2023, 1, 1))),
        ["561"] = (b => DecisionTwoYears(b, D(2023, 1, 1), D(2023, 1, 1), lastCeased: D(2023, 6, 1)), b => DecisionTwoYears(b, D(2023, 1, 1), D(2023, 1, 1))),
        ["584"] = (b => DecisionTwoYears(b, D(2023, 1, 1), D(2022, 12, 1), lastCeased: D(2023, 6, 1)), b => DecisionTwoYears(b, D(2023, 1, 1), D(2023, 1, 1))),
        // X missing from 20 March 2024, still at the end of last year's return; this year's first period from the day given.
        ["576"] = (b => MissingTwoYears(b, D(2024, 4, 5)), b => MissingTwoYears(b, D(2024, 3, 20))),
        // X's Header this year against last year's.
        ["202"] = (b => HeaderTwoYears(b, sex: "M", lastSex: "F"), b => HeaderTwoYears(b, sex: "M", lastSex: "1")),
        ["203"] = (b => HeaderTwoYears(b, dob: D(2007, 5, 1), lastDob: D(2007, 5, 2)), b => HeaderTwoYears(b, dob: D(2007, 5, 1))),
        ["204"] = (b => HeaderTwoYears(b, ethnic: "WBRI", lastEthnic: "WIRI"), b => HeaderTwoYears(b, ethnic: "WBRI", lastEthnic: "wbri")),
        ["207"] = (b => HeaderTwoYears(b, sex: "F", mother: "0", lastMother: "1"), b => HeaderTwoYears(b, sex: "F", mother: "1", lastMother: "1")),
        ["624"] = (b => HeaderTwoYears(b, sex: "F", mother: "1", lastMother: "1", mcDob: D(2023, 3, 1)), b => HeaderTwoYears(b, sex: "F", mother: "1", lastMother: "1")),
        ["626"] = (b => HeaderTwoYears(b, sex: "F", mother: "1", lastMother: "0"), b => HeaderTwoYears(b, sex: "F", mother: "1", lastMother: "0", mcDob: D(2024, 6, 1))),
        // X adopted last year (an episode ending E11 on 1 June 2023), then looked after again this year; or placed in March
        // 2024 with a view to adoption and adopted this year (that episode is no earlier adoption).
        ["199"] = (b => AdoptedThenBack(b, D(2023, 6, 1)), b => AdoptedThenBack(b, null)),
        // A care leaver's OC3 row, when an episode of last year's return ended with the child's death (E2), or left care at 18 (E8).
        ["1000"] = (b => LeftCareLastYear(b, "E2"), b => LeftCareLastYear(b, "E8")),
        // Or last year's return ends with X's episode still open and this year's has none (1010).
        ["1010"] = (b => LeftCareLastYear(b, "E8", open: true), b => LeftCareLastYear(b, "E8")),
        // From 2025/26: X's OC3 rows in the 2025 and 2026 returns.
        ["348"] = (b => Oc3TwoYears(b, "NREQ"), b => Oc3TwoYears(b, "DIED")),
        ["208"] = (b => HeaderTwoYears(b, upn: "A123456789012", lastUpn: "B123456789012"), b => HeaderTwoYears(b, upn: "A123456789012", lastUpn: "UN2")),
        ["104"] = (b => X(b, D(2005, 1, 1)).Uasc("X", sex: "M", dob: D(2005, 1, 1), duc: D(2023, 1, 1)), b => X(b, D(2006, 5, 1)).Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: D(2024, 5, 1))),
        ["LS-DUC-BEFORE-DOB"] = (b => X(b).Uasc("X", sex: "M", dob: D(2010, 5, 1), duc: D(2009, 6, 1)), b => X(b).Uasc("X", sex: "M", dob: D(2010, 5, 1), duc: D(2024, 6, 1))),
        ["181"] = (b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 5, convicted: "7", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 5, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["180"] = (b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 50, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 40, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["196"] = (b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqReason: "SDQ9", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqReason: "SDQ5", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["197a"] = (b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 5, sdqReason: "SDQ1", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 5, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        // An OC2 row for X, 14, who started care in June 2024 (bad) or June 2023 (good: looked after continuously for the 12 months to 31 March 2025).
        ["185"] = (b => Ep(X(b), D(2024, 6, 1)).Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12),
            b => Ep(X(b), D(2023, 6, 1)).Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["198"] = (b => Ep(X(b), D(2024, 6, 1)).Oc2("X", year: Year, dob: D(2010, 5, 1), sdqReason: "SDQ2"),
            b => Ep(X(b), D(2023, 6, 1)).Oc2("X", year: Year, dob: D(2010, 5, 1), sdqReason: "SDQ2", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["190"] = (b => Ep(X(b), D(2024, 6, 1)).Oc2("X", year: Year, dob: D(2010, 5, 1), convicted: "0"),
            b => Ep(X(b), D(2023, 6, 1)).Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["186"] = (b => Ep(X(b), D(2023, 6, 1)).Oc2("X", year: Year, dob: D(2010, 5, 1), convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"),
            b => Ep(X(b), D(2023, 6, 1)).Oc2("X", year: Year, dob: D(2010, 5, 1), sdqReason: "SDQ2", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        // Adoption items for X, looked after since January 2022 and still (bad), or adopted on 10 January 2025 (good).
        ["187"] = (b => Ad1(Ep(X(b, D(2015, 1, 1)), D(2022, 1, 1))), b => Ad1(Adopted(b))),
        ["192"] = (b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, substanceMisuse: "1", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1"), b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, substanceMisuse: "1", interventionReceived: "1", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1")),
        ["193"] = (b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, substanceMisuse: "0", interventionReceived: "1", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1"), b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, substanceMisuse: "0", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1")),
        ["158"] = (b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, substanceMisuse: "1", interventionReceived: "1", interventionOffered: "0", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1"), b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, substanceMisuse: "1", interventionReceived: "1", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1")),
        ["159"] = (b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, substanceMisuse: "1", interventionReceived: "0", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1"), b => b.Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, substanceMisuse: "1", interventionReceived: "0", interventionOffered: "1", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1")),
        ["542"] = (b => b.Oc2("X", year: Year, dob: D(2016, 5, 1), convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2014, 5, 1), sdqScore: 12, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["546"] = (b => b.Oc2("X", year: Year, dob: D(2020, 3, 31), healthCheck: "1", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2020, 4, 1), sdqScore: 12, healthCheck: "1", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["157"] = (b => b.Oc2("X", year: Year, dob: D(2015, 5, 1), sdqReason: "SDQ1", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2020, 6, 1), sdqReason: "SDQ1", healthCheck: "1", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["188"] = (b => b.Oc2("X", year: Year, dob: D(2021, 5, 1), sdqScore: 10, healthCheck: "1", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2021, 5, 1), healthCheck: "1", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["197B"] = (b => b.Oc2("X", year: Year, dob: D(2007, 6, 1), convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2007, 6, 1), sdqReason: "SDQ4", convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["189"] = (b => b.Oc2("X", year: Year, dob: D(2007, 1, 1), sdqScore: 10, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0"), b => b.Oc2("X", year: Year, dob: D(2008, 1, 1), sdqScore: 10, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        ["131"] = (b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "MAYBE", activ: "0", accom: "0"), b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "NREQ", activ: "0", accom: "0")),
        ["132"] = (b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "Z9", accom: "B1"), b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "G4", accom: "B1")),
        ["133"] = (b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2", accom: "Q7"), b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2", accom: "Z2")),
        ["345"] = (b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "0", accom: "B1"), b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "NO", activ: "0", accom: "0")),
        ["1011"] = (b => Ep(X(b, D(2006, 1, 1)), D(2021, 1, 1), dec: D(2022, 6, 1), rec: "E3").Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2", accom: "B1"),
                    b => Ep(X(b, D(2006, 1, 1)), D(2021, 1, 1), dec: D(2022, 6, 1), rec: "E8").Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2", accom: "B1")),
        ["1016"] = (b => Ep(X(b, D(2007, 2, 1)), D(2021, 1, 1), dec: D(2025, 2, 1), rec: "E8").Oc3("X", year: Year, dob: D(2007, 2, 1), inTouch: "YES", activ: "F2", accom: "B1"),
                    b => Ep(X(b, D(2007, 2, 1)), D(2021, 1, 1), dec: D(2023, 12, 1), rec: "E8").Oc3("X", year: Year, dob: D(2007, 2, 1), inTouch: "YES", activ: "F2", accom: "B1")),
        ["1007"] = (b => Ep(X(b, D(2007, 2, 1)), D(2021, 1, 1)).Oc3("X", year: Year, dob: D(2007, 2, 1), inTouch: "YES", activ: "F2", accom: "B1"),
                    b => Ep(X(b, D(2007, 2, 1)), D(2021, 1, 1), dec: D(2023, 12, 1), rec: "E8").Oc3("X", year: Year, dob: D(2007, 2, 1), inTouch: "YES", activ: "F2", accom: "B1")),
        ["153"] = (b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2"), b => b.Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2", accom: "B1")),
        ["151"] = (b => Adopted(b).Ad1("X", dob: D(2015, 1, 1), dateInt: D(2023, 1, 1)), b => Ad1(Adopted(b))),
        ["114"] = (b => Ad1(Adopted(b), foster: "7"), b => Ad1(Adopted(b), foster: "0")),
        ["175"] = (b => Ad1(Adopted(b), nb: "3"), b => Ad1(Adopted(b), nb: "2")),
        ["176"] = (b => Ad1(Adopted(b), sex: "XX"), b => Ad1(Adopted(b), sex: "FF", ls: "L12")),
        ["177"] = (b => Ad1(Adopted(b), ls: "L9"), b => Ad1(Adopted(b), ls: "L4", sex: "FF")),
        ["333"] = (b => Ad1(Adopted(b), dateMatch: D(2022, 6, 1)), b => Ad1(Adopted(b), dateMatch: D(2023, 1, 1))),
        ["511"] = (b => Ad1(Adopted(b), nb: "1", sex: "MM", ls: "L0"), b => Ad1(Adopted(b), nb: "1", sex: "M1", ls: "L0")),
        ["514"] = (b => Ad1(Adopted(b), nb: "2", sex: "MF", ls: "L0"), b => Ad1(Adopted(b), nb: "1", sex: "F1", ls: "L0")),
        ["601"] = (b => Adopted(b), b => Ad1(Adopted(b))),
        ["602"] = (b => Ad1(Ep(X(b, D(2015, 1, 1)), D(2022, 1, 1), place: "A4")), b => Ad1(Adopted(b))),
        ["115"] = (b => b.PlacedAdoption("X", dob: D(2015, 1, 1)), b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1))),
        ["120"] = (b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1), datePlacedCeased: D(2024, 9, 1), reasonPlacedCeased: "RD9"), b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1), datePlacedCeased: D(2024, 9, 1), reasonPlacedCeased: "RD1")),
        ["119"] = (b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1), datePlacedCeased: D(2024, 9, 1)), b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1), datePlacedCeased: D(2024, 9, 1), reasonPlacedCeased: "RD4")),
        ["522"] = (b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1), datePlacedCeased: D(2024, 3, 1), reasonPlacedCeased: "RD1"), b => b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1), datePlacedCeased: D(2024, 6, 1), reasonPlacedCeased: "RD1")),
        ["630"] = (b => Starter(b, prevPerm: null), b => Starter(b, prevPerm: "P1")),
        ["631"] = (b => Ep(X(b), D(2024, 6, 1)).PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "P9"), b => Ep(X(b), D(2024, 6, 1)).PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "P4", laPerm: "873", datePerm: "01/02/2019")),
        ["632"] = (b => Ep(X(b), D(2024, 6, 1)).PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "P1", laPerm: "873", datePerm: "31/13/2019"), b => Ep(X(b), D(2024, 6, 1)).PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "P1", laPerm: "873", datePerm: "ZZ/11/2019")),
        ["635"] = (b => Ep(X(b), D(2024, 6, 1)).PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "Z1", laPerm: "873"), b => Ep(X(b), D(2024, 6, 1)).PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "Z1")),
        // A PrevPerm row for a child whose only episode began in June 2015, before April 2016; from June 2016 it may be the start of this care.
        ["634"] = (b => Ep(X(b), D(2015, 6, 1)).PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "P1", laPerm: "873", datePerm: "ZZ/ZZ/2014"),
            b => Ep(X(b), D(2016, 6, 1)).PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "P1", laPerm: "873", datePerm: "ZZ/ZZ/2014")),
        // A PrevPerm row for X, whose care ended in March 2024, before the year; in the good case it ends in May 2024, in the year.
        ["1012"] = (b => Ep(X(b), D(2023, 5, 1), dec: D(2024, 3, 1), rec: "E13").PrevPerm("X", prevPerm: "Z1"),
            b => Ep(X(b), D(2023, 5, 1), dec: D(2024, 5, 1), rec: "E13").PrevPerm("X", prevPerm: "Z1")),
        ["1006"] = (b => b.Missing("X", dob: D(2010, 5, 1), missing: "X", misStart: D(2024, 6, 1)), b => b.Missing("X", dob: D(2010, 5, 1), missing: "A", misStart: D(2024, 6, 1))),
        ["564"] = (b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misEnd: D(2024, 6, 1)), b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 5, 30), misEnd: D(2024, 6, 1))),
        ["566"] = (b => b.Missing("X", dob: D(2010, 5, 1), missing: null, misStart: D(2024, 6, 1), misEnd: D(2024, 6, 2)), b => b.Missing("X", dob: D(2010, 5, 1), missing: "A", misStart: D(2024, 6, 1), misEnd: D(2024, 6, 2))),
        ["567"] = (b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 6, 1), misEnd: D(2024, 5, 1)), b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 6, 1), misEnd: D(2024, 6, 1))),
        ["570"] = (b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2025, 5, 1)), b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2025, 3, 31))),
        ["574"] = (b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 6, 1)).Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 7, 1)),
                   b => b.Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 6, 1), misEnd: D(2024, 6, 2)).Missing("X", dob: D(2010, 5, 1), missing: "M", misStart: D(2024, 7, 1))),
        ["LS-SW-ID-BLANK"] = (b => b.SwEpisode("X", dob: D(2010, 5, 1), swDecom: D(2024, 6, 1)), b => b.SwEpisode("X", dob: D(2010, 5, 1), swId: "SW1", swDecom: D(2024, 6, 1))),
        ["LS-SW-DEC-BEFORE-DECOM"] = (b => b.SwEpisode("X", dob: D(2010, 5, 1), swId: "SW1", swDecom: D(2024, 6, 1), swDec: D(2024, 5, 1)), b => b.SwEpisode("X", dob: D(2010, 5, 1), swId: "SW1", swDecom: D(2024, 6, 1), swDec: D(2024, 7, 1))),
        ["633"] = (b => Ep(X(b), D(2024, 6, 1)).PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "P1", laPerm: "123", datePerm: "01/02/2019"),
            b => Ep(X(b), D(2024, 6, 1)).PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "P1", laPerm: "NUK", datePerm: "01/02/2019")),
        // The rules below need the reference lists, given to their cases (ReferenceFixtures): a children's home, SC100001, is K2 PR4 at CB2 2BB.
        ["1008"] = (b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR4", plPost: "CB2 2BB", urn: "SC999999"),
            b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR4", plPost: "CB2 2BB", urn: "SC100001")),
        ["219"] = (b => Ep(X(b), D(2024, 6, 1), place: "K1", provider: "PR4", plPost: "CB2 2BB", urn: "SC100001"),
            b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR4", plPost: "CB2 2BB", urn: "sc100001")),
        ["224"] = (b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR5", plPost: "CB2 2BB", urn: "SC100001"),
            b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR4", plPost: "CB2 2BB", urn: "SC100001")),
        ["221"] = (b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR4", plPost: "CB1 1AA", urn: "SC100001"),
            b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR4", plPost: "cb22bb", urn: "SC100001")),
        // SC100003's registration ended on 31 August 2024.
        ["227"] = (b => Ep(X(b), D(2024, 8, 31), place: "K2", provider: "PR4", plPost: "PE1 1AA", urn: "SC100003"),
            b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR4", dec: D(2024, 8, 31), rec: "E13", plPost: "PE1 1AA", urn: "SC100003")),
        ["228"] = (b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR4", dec: D(2024, 9, 1), rec: "E13", plPost: "PE1 1AA", urn: "SC100003"),
            b => Ep(X(b), D(2024, 6, 1), place: "K2", provider: "PR4", dec: D(2024, 8, 31), rec: "E13", plPost: "PE1 1AA", urn: "SC100003")),
        // SC100006 is a home in Peterborough's area: PR1 (own provision) for Cambridgeshire is wrong, PR2 (another council's) right.
        ["229"] = (b => Ep(X(b), D(2024, 6, 1), place: "K1", provider: "PR1", plPost: "PE1 1AA", urn: "SC100006"),
            b => Ep(X(b), D(2024, 6, 1), place: "K1", provider: "PR2", plPost: "PE1 1AA", urn: "SC100006")),
        // A foster placement needs a URN (the fostering service's) in England; CF10 1AA is in Wales.
        ["218"] = (b => Ep(X(b), D(2024, 6, 1), place: "U1", provider: "PR1", plPost: "CB1 1AA"),
            b => Ep(X(b), D(2024, 6, 1), place: "U1", provider: "PR1", plPost: "CF10 1AA")),
        // 2023/24 only (checked then): an H5 placement open after 28 October 2023 with URN XXXXXXX; in Wales it needs none.
        ["230"] = (b => Ep(X(b), D(2023, 6, 1), place: "H5", provider: "PR4", plPost: "CB1 1AA", urn: "XXXXXXX"),
            b => Ep(X(b), D(2023, 6, 1), place: "H5", provider: "PR4", plPost: "CF10 1AA", urn: "XXXXXXX")),
        // The placement's council, location and distance from home, worked out from the postcodes (SC100004: the council's fostering service).
        ["392c"] = (b => Ep(X(b), D(2024, 6, 1), plPost: "NW1 9ZZ", urn: "SC100004"), b => Ep(X(b), D(2024, 6, 1), plPost: "CB1 1AA", urn: "SC100004", homePost: "CB2 2BB")),
        ["169"] = (b => Ep(X(b), D(2024, 6, 1), urn: "SC100004"), b => Ep(X(b), D(2024, 6, 1), plPost: "CB1 1AA", urn: "SC100004")),
        ["179"] = (b => Ep(X(b), D(2024, 6, 1), urn: "SC100004"), b => Ep(X(b), D(2024, 6, 1), plPost: "CF10 1AA", urn: "SC100004")),
        ["420"] = (b => Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 17), rec: "E13", plPost: "CB2 2BB"),
            b => Ep(X(b), D(2024, 6, 1), ls: "V3", place: "K2", provider: "PR4", dec: D(2024, 6, 17), rec: "E13")),
        // The council's own home (SC100002) in its area; SC100006 is a home in Peterborough.
        ["1015"] = (b => Ep(X(b), D(2024, 6, 1), place: "K1", provider: "PR1", plPost: "PE1 1AA", urn: "SC100006"),
            b => Ep(X(b), D(2024, 6, 1), place: "K1", provider: "PR1", plPost: "CB1 1AA", urn: "SC100002")),
        // From 2025/26: Shetland is 552 miles from Cambridge, Peterborough 30.
        ["454"] = (b => Ep(X(b), D(2024, 6, 1), plPost: "ZE1 0AA", urn: "SC100004", homePost: "CB1 1AA"),
            b => Ep(X(b), D(2024, 6, 1), plPost: "PE1 1AA", urn: "SC100004", homePost: "CB1 1AA")),
        ["LS-NO-HEADER"] = (b => Ep(b, D(2024, 6, 1)), b => Ep(X(b), D(2024, 6, 1))),
    };

    public static TheoryData<string> RuleIds => [.. Ssda903Validator.Rules.Select(r => r.Id).Distinct()];

    // The years a case is checked in: 2024/25 first, else the rule's own years (retired by 2024/25, or new from 2025/26).
    private static readonly int[] CaseYears = [Year, RetiredRuleYear, 2026];

    private static int CaseYear(string rule) =>
        CaseYears.First(y => Ssda903Validator.Rules.Any(r => r.Id == rule && r.Years.Contains(y)));

    [Fact]
    public void Rules_Counted_AtLeastSixtyWithOneVersionOfEachIdAYear()
    {
        Assert.True(Ssda903Validator.Rules.Count >= 60, $"{Ssda903Validator.Rules.Count} rules");
        for (var year = 2010; year <= 2030; year++)
        {
            var inForce = Ssda903Validator.Rules.Where(r => r.Years.Contains(year)).Select(r => r.Id).ToList();
            Assert.Equal(inForce.Count, inForce.Distinct().Count());
        }
    }

    [Fact]
    public void Cases_EachOne_HasItsRule()
    {
        Assert.Empty(Cases.Keys.Except(Ssda903Validator.Rules.Select(r => r.Id)));
    }

    // The reference lists a rule's cases are checked with: the test lists for the rules that need one, else none.
    private static ValidationReferences? ReferencesFor(string rule) => Ssda903Validator.NeedsReferences(rule) ? ReferenceFixtures.Both : null;

    [Fact]
    public void Validate_Baseline_ReportsNothing()
    {
        Assert.Empty(Ssda903Validator.Validate(Baseline().Build(), Year));
        Assert.Empty(Ssda903Validator.Validate(Baseline().Build(), Year, ReferenceFixtures.Both));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_BadRecord_IsReported(string rule)
    {
        Assert.True(Cases.ContainsKey(rule), $"rule {rule} has no test case");
        var diagnostics = Ssda903Validator.Validate(Built(Cases[rule].Bad), CaseYear(rule), ReferencesFor(rule));

        Assert.Contains(diagnostics, d => d.Rule == rule);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_GoodRecord_ReportsNothing(string rule)
    {
        Assert.True(Cases.ContainsKey(rule), $"rule {rule} has no test case");
        // The baseline is a 2024/25 return: a rule retired before it is checked there for silence; a rule new from 2025/26 in its own
        // year, where only what the baseline alone does not give counts (its dates are of 2024/25).
        var year = Math.Max(Year, CaseYear(rule));
        var diagnostics = Ssda903Validator.Validate(Built(Cases[rule].Good), year, ReferencesFor(rule));

        Assert.Empty((year == Year ? diagnostics : diagnostics.Except(Ssda903Validator.Validate(Baseline().Build(), year, ReferencesFor(rule)))).Select(d => $"{d.Rule} {d.Column}={d.Value}"));
    }

    [Fact]
    public void Rule435_PlacementMoveWithALegalStatusChange_IsReported()
    {
        // RNE P says only the placement changed (U1 to U4), but the legal status changed too (C1 to C2).
        var diagnostics = Ssda903Validator.Validate(Built(b => Move(X(b), rne2: "P", ls1: "C1", ls2: "C2")), Year);

        Assert.Contains(diagnostics, d => d.Rule == "435" && d.Column == "RNE");
    }

    [Theory]
    [InlineData(2025, "383", "(same PLACE)")] // the DfE's 2024/25 rule: RNE P and the same placement type
    [InlineData(2026, "383", "(same PLACE and PL_POST)")] // from 2025/26 the same postcode too
    public void Rule383_ReturnToAnotherAddressAfterATemporaryPlacement_IsReportedFrom2025To26Only(int year, string rule, string version)
    {
        // U1 at AB1 2CD, a week's T2, back to U1 (RNE P) at another postcode: the same placement type, another carer.
        var b = X(new Ssda903Builder("E10000003"));
        b.Episode("X", decom: D(2024, 4, 10), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", dec: D(2024, 7, 1), rec: "X1", plPost: "AB1 2CD");
        Ep(b, D(2024, 7, 1), rne: "P", place: "T2", provider: null, dec: D(2024, 7, 8), rec: "X1");
        b.Episode("X", decom: D(2024, 7, 8), rne: "P", ls: "C2", cin: "N1", place: "U1", provider: "PR1", plPost: "ZZ9 9ZZ");
        var data = b.Build();

        var found = Ssda903Validator.Validate(data, year).Where(d => d.Rule == rule).ToList();
        var otherYear = Ssda903Validator.Validate(data, year == 2025 ? 2026 : 2025).Where(d => d.Rule == rule).ToList();

        // The postcode is what differs: only the 2025/26 version looks at it.
        Assert.Equal(year == 2026, found.Count == 1);
        Assert.Equal(year == 2025, otherYear.Count == 1);
        Assert.All(found, d => Assert.EndsWith(version, d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Rule383_BackToAnotherPlacementType_IsReportedInEachYearByThatYearsVersionOnly()
    {
        var b = X(new Ssda903Builder("E10000003"));
        Ep(b, D(2024, 4, 10), place: "U1", dec: D(2024, 7, 1), rec: "X1");
        Ep(b, D(2024, 7, 1), rne: "P", place: "T2", provider: null, dec: D(2024, 7, 8), rec: "X1");
        Ep(b, D(2024, 7, 8), rne: "P", place: "U4");
        var data = b.Build();

        Assert.Equal("(same PLACE)", Assert.Single(Ssda903Validator.Validate(data, 2025), d => d.Rule == "383").Message[^12..]);
        Assert.EndsWith("(same PLACE and PL_POST)", Assert.Single(Ssda903Validator.Validate(data, 2026), d => d.Rule == "383").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule1016_NewIn2023To24_IsNotAppliedToA2022To23Return()
    {
        // Left care on 1 February 2023, aged 17 at 31 March 2023, with care-leaver information: 1016's case, a year earlier.
        var b = Ep(X(new Ssda903Builder("E10000003"), D(2006, 2, 1)), D(2021, 1, 1), dec: D(2023, 2, 1), rec: "E8")
            .Oc3("X", year: 2023, dob: D(2006, 2, 1), inTouch: "YES", activ: "F2", accom: "B1");
        var data = b.Build();

        Assert.DoesNotContain(Ssda903Validator.Validate(data, 2023), d => d.Rule == "1016");
        Assert.Contains(Ssda903Validator.Validate(data, 2024), d => d.Rule == "1016");
    }

    [Fact]
    public void Validate_FromFile_PointsAtFileLineColumnAndValue()
    {
        var builder = new Ssda903Builder("E10000003");
        var diagnostics = new List<Problem>();
        Lodestar.Formats.Ssda903.Ssda903CsvReader.Read("ep.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n7,01/06/2024,S,C2,N1,U1,PR1,01/05/2024,E13\n", builder, Year, diagnostics);

        var found = Ssda903Validator.Validate(builder.Build());

        Assert.Contains(new Problem("ep.csv", 2, "DEC", "01/05/2024", "DEC is before DECOM") { Rule = "356", Severity = Severity.Error }, found);
    }

    [Fact]
    public void ReasonPlaceChange_MoveIntoAndBackFromATemporaryPlacement_IsNotRequired()
    {
        // U4 until a 5-day respite (T1, RNE P), then back to U4 (RNE P): the DfE's rule 225 asks no reason for either move.
        var b = X(new Ssda903Builder("E10000003"));
        Ep(b, D(2024, 4, 10), place: "U4", dec: D(2024, 7, 1), rec: "X1");
        Ep(b, D(2024, 7, 1), rne: "P", place: "T1", provider: null, dec: D(2024, 7, 6), rec: "X1");
        Ep(b, D(2024, 7, 6), rne: "P", place: "U4");

        Assert.DoesNotContain(Ssda903Validator.Validate(b.Build(), Year), d => d.Rule is "225" or "226");
    }

    [Theory]
    [InlineData("U4", false)] // back to the placement held before the respite
    [InlineData("K2", true)]
    public void TemporaryPlacement_SpanningALegalStatusChange_IsJudgedAsOneStay(string back, bool warned)
    {
        // U4, then a T3 respite during which the legal status changes (two T3 episodes), then back.
        var b = X(new Ssda903Builder("E10000003"));
        Ep(b, D(2024, 4, 10), ls: "V2", place: "U4", dec: D(2024, 7, 1), rec: "X1");
        Ep(b, D(2024, 7, 1), rne: "P", ls: "V2", place: "T3", provider: null, dec: D(2024, 7, 5), rec: "X1");
        Ep(b, D(2024, 7, 5), rne: "L", ls: "C1", place: "T3", provider: null, dec: D(2024, 7, 8), rec: "X1");
        Ep(b, D(2024, 7, 8), rne: "P", ls: "C1", place: back, provider: "PR4");

        Assert.Equal(warned, Ssda903Validator.Validate(b.Build(), Year).Any(d => d.Rule == "383"));
    }

    [Theory]
    [InlineData("K3", false)] // the same placement, recoded K3 in the 2024/25 return
    [InlineData("K2", true)] // a different placement: not a legal-status-only change
    public void LegalStatusChange_WithinAPlacementRecodedFromH5ToK3_IsTheSamePlacement(string later, bool reported)
    {
        var b = X(new Ssda903Builder("E10000003"), D(2007, 1, 1));
        Ep(b, D(2023, 6, 1), ls: "V2", place: "H5", provider: "PR4", dec: D(2024, 2, 4), rec: "X1");
        Ep(b, D(2024, 2, 4), rne: "L", ls: "C1", place: later, provider: "PR4");

        Assert.Equal(reported, Ssda903Validator.Validate(b.Build(), Year).Any(d => d.Rule == "434"));
    }

    [Fact]
    public void Validate_PlaceCodeOfAnotherYear_IsJudgedByTheRowsYear()
    {
        var k3 = Ep(X(new Ssda903Builder("E10000003"), D(2007, 1, 1)), D(2023, 6, 1), place: "K3").Build();

        Assert.Contains(Ssda903Validator.Validate(k3, 2024), d => d.Rule == "146");
        Assert.DoesNotContain(Ssda903Validator.Validate(k3, 2025), d => d.Rule == "146");
    }

    [Fact]
    public void Validate_H5OpenInto2024To25_IsAcceptedAsTheDfEsListStillHasIt()
    {
        // An H5 placement from 2023 still open in the 2024/25 return: the DfE's 2024/25 PLACE list keeps H5 and P2.
        var data = Ep(X(new Ssda903Builder("E10000003"), D(2007, 1, 1)), D(2023, 6, 1), place: "H5").Build();

        Assert.DoesNotContain(Ssda903Validator.Validate(data, 2025), d => d.Rule == "146");
        Assert.Contains(Ssda903Validator.Validate(data, 2026), d => d.Rule == "146");
    }

    [Theory]
    [InlineData(2023, 6, 1, null, null, null, true)] // looked after since June 2023, still
    [InlineData(2024, 4, 1, null, null, null, true)] // started on 1 April 2024, the year's first day
    [InlineData(2024, 4, 2, null, null, null, false)] // started care in the year
    [InlineData(2023, 6, 1, 2025, "E13", null, false)] // left care on 31 March 2025, the last day
    [InlineData(2023, 6, 1, 2025, "X1", null, true)] // a move on 31 March: still looked after
    [InlineData(2023, 6, 1, null, null, "V3", false)] // short breaks are not continuous care
    public void ContinuouslyLookedAfter_AsTheDfEDefinesIt_DecidesWhetherAnSdqScoreMayBeGiven(int y, int m, int d, int? endYear, string? rec, string? ls, bool lookedAfter)
    {
        var b = Ep(X(new Ssda903Builder("E10000003")), D(y, m, d), ls: ls ?? "C2", dec: endYear is null ? null : D(2025, 3, 31), rec: rec)
            .Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12);

        Assert.Equal(!lookedAfter, Ssda903Validator.Validate(b.Build(), Year).Any(f => f.Rule == "185"));
    }
}
