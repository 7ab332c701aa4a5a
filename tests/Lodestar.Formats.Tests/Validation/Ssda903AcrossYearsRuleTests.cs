using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>
/// The edges of the 903 rules that compare a return with last year's (502, 503A ...): which of last year's episodes is
/// compared, the DfE's recodings, a return read with the year after it, and the rules not run without last year's return.
/// Each year's rows come from that year's file; rows are checked against their file's year.
/// </summary>
public sealed class Ssda903AcrossYearsRuleTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    // Child X, born 1 May 2010, with one file of episodes per year; each episode is (year of its return, DECOM, LS, PLACE, DEC).
    private static Ssda903Data Episodes(params (int Year, DateOnly Decom, string Ls, string Place, DateOnly? Dec)[] episodes)
    {
        var b = new Ssda903Builder("E10000003").Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI", upn: "A123456789012");
        var files = new Dictionary<int, int>();
        foreach (var (year, decom, ls, place, dec) in episodes)
        {
            if (!files.TryGetValue(year, out var file))
            {
                file = files[year] = b.AddFile(new SourceFile($"episodes_{year}.csv", "903 Episodes CSV", year));
            }

            b.Episode("X", decom: decom, rne: "S", ls: ls, cin: "N1", place: place, provider: "PR1", dec: dec, rec: dec is null ? null : "X1",
                reasonPlaceChange: dec is null ? null : "CARPL", at: new SourceLocation(file, 2 + episodes.Count(e => e.Year == year && e.Decom < decom)));
        }

        return b.Build();
    }

    private static List<string> Found(Ssda903Data data, string rule) =>
        [.. Ssda903Validator.Validate(data).Where(d => d.Rule == rule).Select(d => $"{d.File}:{d.Line} {d.Column}={d.Value}")];

    [Theory]
    [InlineData("P2", "H5", false)] // independent living recoded in 2023/24 (Lodestar's reading: the reference accepts only the two below)
    [InlineData("H5", "K3", false)] // the DfE's recoding of semi-independent living from 2024/25
    [InlineData("Z1", "Z12", false)] // and of Z1 from 2025/26
    [InlineData("K3", "H5", true)] // not the other way round
    [InlineData("U1", "U4", true)]
    public void Rule503D_PlacementCarriedOver_AcceptsTheDfEsRecodingsOnly(string last, string now, bool reported)
    {
        var data = Episodes((2024, D(2023, 6, 1), "C2", last, null), (2025, D(2023, 6, 1), "C2", now, null));

        Assert.Equal(reported ? ["episodes_2025.csv:2 PLACE=" + now] : [], Found(data, "503D"));
    }

    [Theory]
    [InlineData(4, 4, false)] // 64 days in each year, 128 in the two: each year's own count is under 76
    [InlineData(4, 5, true)] // 80 days in 2024/25
    public void Rule367_ShortBreaksInTwoYearsReadTogether_CountsEachYearApart(int lastYear, int thisYear, bool reported)
    {
        // Short breaks (V3) of 16 days, a month apart from June of each year, in that year's return.
        var breaks = Enumerable.Range(0, lastYear).Select(k => (2024, D(2023, 6 + k, 1), "V3", "K2", (DateOnly?)D(2023, 6 + k, 17)))
            .Concat(Enumerable.Range(0, thisYear).Select(k => (2025, D(2024, 6 + k, 1), "V3", "K2", (DateOnly?)D(2024, 6 + k, 17))))
            .ToArray();

        Assert.Equal(reported ? ["episodes_2025.csv:" + (1 + thisYear) + " LS=V3"] : [], Found(Episodes(breaks), "367"));
    }

    [Fact]
    public void Rule503B_LastYearsLatestEpisodeEnded_IsQuiet()
    {
        // Last year's return ended with the child out of care (DEC 1 March 2024): nothing was carried over.
        var data = Episodes((2024, D(2023, 6, 1), "C2", "U1", D(2024, 3, 1)), (2025, D(2024, 6, 1), "C1", "U1", null));

        Assert.Empty(Found(data, "503B"));
        Assert.Empty(Found(data, "502"));
    }

    [Fact]
    public void Rule503B_ComparesWithLastYearsLatestEpisode()
    {
        // Last year: C1 to 1 January 2024, then C2 still open at 31 March. This year's first episode is the C2 one, unchanged.
        var quiet = Episodes((2024, D(2023, 6, 1), "C1", "U1", D(2024, 1, 1)), (2024, D(2024, 1, 1), "C2", "U1", null), (2025, D(2024, 1, 1), "C2", "U1", null));
        var changed = Episodes((2024, D(2023, 6, 1), "C2", "U1", D(2024, 1, 1)), (2024, D(2024, 1, 1), "C2", "U1", null), (2025, D(2024, 1, 1), "C1", "U1", null));

        Assert.Empty(Found(quiet, "503B"));
        Assert.Equal(["episodes_2025.csv:2 LS=C1"], Found(changed, "503B"));
    }

    [Fact]
    public void Rule199_AdoptedThisYear_IsQuiet_AndLookedAfterAgainAfterIt_IsReported()
    {
        // Placed for adoption from June 2023 (open at the end of last year's return), adopted on 1 June 2024 (E11), and looked
        // after again from 1 February 2025: only that last episode follows an adoption.
        var b = new Ssda903Builder("E10000003").Header("X", sex: "M", dob: D(2015, 1, 1), ethnic: "WBRI", upn: "A123456789012");
        var last = b.AddFile(new SourceFile("episodes_2024.csv", "903 Episodes CSV", 2024));
        var now = b.AddFile(new SourceFile("episodes_2025.csv", "903 Episodes CSV", 2025));
        b.Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "E1", cin: "N1", place: "A4", provider: "PR1", at: new SourceLocation(last, 2))
            .Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "E1", cin: "N1", place: "A4", provider: "PR1", dec: D(2024, 6, 1), rec: "E11", at: new SourceLocation(now, 2));
        var adopted = b.Build();
        b = new Ssda903Builder("E10000003").Header("X", sex: "M", dob: D(2015, 1, 1), ethnic: "WBRI", upn: "A123456789012");
        last = b.AddFile(new SourceFile("episodes_2024.csv", "903 Episodes CSV", 2024));
        now = b.AddFile(new SourceFile("episodes_2025.csv", "903 Episodes CSV", 2025));
        b.Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "E1", cin: "N1", place: "A4", provider: "PR1", at: new SourceLocation(last, 2))
            .Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "E1", cin: "N1", place: "A4", provider: "PR1", dec: D(2024, 6, 1), rec: "E11", at: new SourceLocation(now, 2))
            .Episode("X", decom: D(2025, 2, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", at: new SourceLocation(now, 3));

        Assert.Empty(Found(adopted, "199"));
        Assert.Equal(["episodes_2025.csv:3 DECOM=01/02/2025"], Found(b.Build(), "199"));
    }

    [Fact]
    public void Rule502_ThisYearStartsWithAnotherEpisode_IsReportedOnItsDecom()
    {
        // Last year's open episode (from 1 June 2023) is missing from this year's return, which starts on 1 July 2023.
        var data = Episodes((2024, D(2023, 6, 1), "C2", "U1", null), (2025, D(2023, 7, 1), "C2", "U1", null));

        Assert.Equal(["episodes_2025.csv:2 DECOM=01/07/2023"], Found(data, "502"));
    }

    [Fact]
    public void Rule503B_ReturnReadWithTheYearAfter_ComparesItsOwnVersionOfTheEpisode()
    {
        // The episode open from 2023 is in three returns; 2025's says C1 where 2024's said C2 (reported), and 2026's keeps C1.
        // 2026's version replaces 2025's in the merged history, but 2025's return is still compared as it was given.
        var data = Episodes((2024, D(2023, 6, 1), "C2", "U1", null), (2025, D(2023, 6, 1), "C1", "U1", null), (2026, D(2023, 6, 1), "C1", "U1", null));

        Assert.Equal(["episodes_2025.csv:2 LS=C1"], Found(data, "503B"));
    }

    // Child X's Header in the 2024 and 2025 returns, with the values given for each (year, UPN, MOTHER), and an episode in
    // the 2025 return when asked.
    private static Ssda903Data Headers((string? Upn, string? Mother) last, (string? Upn, string? Mother) now, bool episodeThisYear = true)
    {
        var b = new Ssda903Builder("E10000003");
        var lastFile = b.AddFile(new SourceFile("header_2024.csv", "903 Header CSV", 2024));
        var nowFile = b.AddFile(new SourceFile("header_2025.csv", "903 Header CSV", 2025));
        b.Header("X", sex: "F", dob: D(2007, 5, 1), ethnic: "WBRI", upn: last.Upn, mother: last.Mother, at: new SourceLocation(lastFile, 2))
            .Header("X", sex: "F", dob: D(2007, 5, 1), ethnic: "WBRI", upn: now.Upn, mother: now.Mother, at: new SourceLocation(nowFile, 2));
        if (episodeThisYear)
        {
            var episodes = b.AddFile(new SourceFile("episodes_2025.csv", "903 Episodes CSV", 2025));
            b.Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", at: new SourceLocation(episodes, 2));
        }

        return b.Build();
    }

    [Theory]
    [InlineData("A123456789012", "A123456789012", false)]
    [InlineData("A123456789012", "a123456789012", false)] // the same UPN in another case
    [InlineData(null, null, false)] // unknown both years: 442's to report
    [InlineData(null, "A123456789012", false)] // unknown, then known
    [InlineData("UN3", "A123456789012", false)]
    [InlineData("UN1", "UN4", false)] // unknown for a reason given later
    [InlineData(null, "UN1", false)]
    [InlineData("A123456789012", "B123456789012", true)]
    [InlineData("A123456789012", null, true)] // known, then not
    [InlineData("A123456789012", "UN1", true)]
    [InlineData("UN2", "UN3", true)] // one reason for an unknown UPN, then another
    public void Rule208_UpnChanged_IsReportedUnlessAnUnknownOneBecameKnownOrGotAReason(string? last, string? now, bool reported)
    {
        var data = Headers((last, null), (now, null));

        Assert.Equal(reported ? [$"header_2025.csv:2 UPN={now}"] : [], Found(data, "208"));
    }

    [Theory]
    [InlineData("1", "0", true, true)]
    [InlineData("1", null, true, true)]
    [InlineData("1", "0", false, false)] // no episode this year
    [InlineData("0", "1", true, false)] // became a mother: not this rule's
    public void Rule207_MotherLastYearNotThisYear_IsReportedForAChildWithEpisodes(string last, string? now, bool episodes, bool reported)
    {
        var data = Headers(("A123456789012", last), ("A123456789012", now), episodes);

        Assert.Equal(reported ? [$"header_2025.csv:2 MOTHER={now}"] : [], Found(data, "207"));
    }

    [Theory]
    [InlineData(2023, 2, 1, false)]
    [InlineData(2023, 3, 1, true)]
    public void Rule624_FirstChildsDateOfBirthChanged_IsReported_ButNotWhenLeftBlank(int y, int m, int d, bool reported)
    {
        var b = new Ssda903Builder("E10000003");
        var lastFile = b.AddFile(new SourceFile("header_2024.csv", "903 Header CSV", 2024));
        var nowFile = b.AddFile(new SourceFile("header_2025.csv", "903 Header CSV", 2025));
        b.Header("X", sex: "F", dob: D(2007, 5, 1), ethnic: "WBRI", mother: "1", mcDob: D(2023, 2, 1), at: new SourceLocation(lastFile, 2))
            .Header("X", sex: "F", dob: D(2007, 5, 1), ethnic: "WBRI", mother: "1", mcDob: D(y, m, d), at: new SourceLocation(nowFile, 2))
            .Header("Y", sex: "F", dob: D(2005, 5, 1), ethnic: "WBRI", mother: "1", mcDob: D(2023, 2, 1), at: new SourceLocation(lastFile, 3))
            .Header("Y", sex: "F", dob: D(2005, 5, 1), ethnic: "WBRI", at: new SourceLocation(nowFile, 3));

        // Y, a care leaver with no episode this year, has MOTHER and MC_DOB blank (628): not 624's to report.
        Assert.Equal(reported ? [$"header_2025.csv:2 MC_DOB={D(y, m, d):dd/MM/yyyy}"] : [], Found(b.Build(), "624"));
    }

    [Fact]
    public void PlacedAdoptionMissingAndOc3Rules_NoReturnForLastYear_AreNotRunAndSaySo()
    {
        var b = new Ssda903Builder("E10000003");
        var file = b.AddFile(new SourceFile("903_2026.xml", "903 XML", 2026));
        var data = b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2023, 1, 1), at: new SourceLocation(file, 2))
            .Missing("X", dob: D(2015, 1, 1), missing: "M", misStart: D(2025, 6, 1), at: new SourceLocation(file, 3))
            .Oc3("Y", year: 2026, dob: D(2006, 1, 1), inTouch: "DIED", at: new SourceLocation(file, 4))
            .Build();
        string[] rules = ["1000", "1010", "348", "559", "560", "561", "576", "584"];

        Assert.DoesNotContain(Ssda903Validator.Validate(data), d => rules.Contains(d.Rule));
        var notRun = Ssda903Validator.NotRun(data).Where(n => rules.Contains(n.Rule.Id)).ToList();
        Assert.Equal(rules, notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.Equal("576 not run for 2025/26 (E10000003): it compares the Missing table with last year's, and no 2024/25 return was given",
            notRun.Single(n => n.Rule.Id == "576").ToString());
    }

    [Fact]
    public void Rule559_DecisionBeforeTheYearInLastYearsReturn_IsQuietAndMissingFromIt_IsReported()
    {
        Ssda903Data Decisions(bool lastYear)
        {
            var b = new Ssda903Builder("E10000003");
            var last = b.AddFile(new SourceFile("placed_adoption_2024.csv", "903 PlacedAdoption CSV", 2024));
            var now = b.AddFile(new SourceFile("placed_adoption_2025.csv", "903 PlacedAdoption CSV", 2025));
            if (lastYear)
            {
                b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2023, 1, 1), at: new SourceLocation(last, 2));
            }

            // A decision of this year needs none last year.
            return b.PlacedAdoption("X", dob: D(2015, 1, 1), datePlaced: D(2023, 1, 1), at: new SourceLocation(now, 2))
                .PlacedAdoption("Y", dob: D(2015, 1, 1), datePlaced: D(2024, 6, 1), at: new SourceLocation(now, 3))
                .Build();
        }

        Assert.Empty(Found(Decisions(lastYear: true), "559"));
        Assert.Equal(["placed_adoption_2025.csv:2 DATE_PLACED=01/01/2023"], Found(Decisions(lastYear: false), "559"));
    }

    [Fact]
    public void HeaderRules_NoReturnForLastYear_AreNotRunAndSaySo()
    {
        var b = new Ssda903Builder("E10000003");
        var file = b.AddFile(new SourceFile("header_2025.csv", "903 Header CSV", 2025));
        var data = b.Header("X", sex: "F", dob: D(2007, 5, 1), ethnic: "WBRI", at: new SourceLocation(file, 2)).Build();
        string[] rules = ["202", "203", "204", "207", "208"];

        var notRun = Ssda903Validator.NotRun(data).Where(n => rules.Contains(n.Rule.Id)).ToList();

        Assert.Equal(rules, notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.Equal("202 not run for 2024/25 (E10000003): it compares the Header table with last year's, and no 2023/24 return was given",
            notRun.Single(n => n.Rule.Id == "202").ToString());
    }

    // X placed at lastPlPost (RNE S) at the end of last year's return, and at plPost (RNE given) at the start of this year's.
    private static Ssda903Data Moved(string lastPlPost, string plPost, string rne)
    {
        var b = new Ssda903Builder("E10000003").Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI", upn: "A123456789012");
        var last = b.AddFile(new SourceFile("episodes_2024.csv", "903 Episodes CSV", 2024));
        var now = b.AddFile(new SourceFile("episodes_2025.csv", "903 Episodes CSV", 2025));
        return b.Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", homePost: "CB1 1AA", plPost: lastPlPost, urn: "SC100004", at: new SourceLocation(last, 2))
            .Episode("X", decom: D(2023, 6, 1), rne: rne, ls: "C2", cin: "N1", place: "U1", provider: "PR1", homePost: "CB1 1AA", plPost: plPost, urn: "SC100004", at: new SourceLocation(now, 2))
            .Build();
    }

    private static List<string> Found(Ssda903Data data, ValidationReferences references, string rule) =>
        [.. Ssda903Validator.Validate(data, references: references).Where(d => d.Rule == rule).Select(d => $"{d.File}:{d.Line} {d.Column}={d.Value}")];

    [Theory]
    [InlineData("PE1 1AA", "S", true, true)] // Cambridge to Peterborough, the same RNE
    [InlineData("PE1 1AA", "P", true, false)] // another RNE: 452 and 453 ask nothing
    [InlineData("CB1 1AA", "S", false, false)]
    public void PlacementCouncilAndDistance_ChangedFromLastYear_AreReportedBy503HAnd503G_AndWithTheSameRneBy452And453(string plPost, string rne, bool changed, bool sameRne)
    {
        var data = Moved("CB1 1AA", plPost, rne);
        string[] expected = changed ? [$"episodes_2025.csv:2 PL_POST={plPost}"] : [];

        Assert.Equal(expected, Found(data, ReferenceFixtures.Both, "503H"));
        Assert.Equal(expected, Found(data, ReferenceFixtures.Both, "503G"));
        Assert.Equal(expected, Found(data, ReferenceFixtures.Both, "503J"));
        Assert.Equal(sameRne ? expected : [], Found(data, ReferenceFixtures.Both, "452"));
        Assert.Equal(sameRne ? expected : [], Found(data, ReferenceFixtures.Both, "453"));
    }

    [Fact]
    public void PostcodeRules_WithoutTheLookup_AreNotRunForThatReasonAndRunWithIt()
    {
        var data = Moved("CB1 1AA", "PE1 1AA", "S");
        string[] rules = ["452", "453", "503G", "503H", "503J"];

        Assert.DoesNotContain(Ssda903Validator.Validate(data), d => rules.Contains(d.Rule));
        var notRun = Ssda903Validator.NotRun(data).Where(n => rules.Contains(n.Rule.Id) && n.CollectionYear == 2025).ToList();
        Assert.Equal(rules, notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.All(notRun, n => Assert.StartsWith("it needs a postcode lookup", n.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(Ssda903Validator.NotRun(data, ReferenceFixtures.Both), n => rules.Contains(n.Rule.Id) && n.CollectionYear == 2025);
    }

    [Fact]
    public void AcrossYears_NoReturnForLastYear_EachRuleIsNotRunAndSaysSo()
    {
        var data = Episodes((2025, D(2023, 6, 1), "C2", "U1", null));
        string[] rules = ["199", "452", "453", "502", "503A", "503B", "503C", "503D", "503E", "503F", "503G", "503H", "503J", "562"];

        Assert.DoesNotContain(Ssda903Validator.Validate(data), d => rules.Contains(d.Rule));
        var notRun = Ssda903Validator.NotRun(data, ReferenceFixtures.Both).Where(n => rules.Contains(n.Rule.Id)).ToList();
        Assert.Equal(rules, notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.All(notRun, n => Assert.Equal(2025, n.CollectionYear));
        Assert.Equal("503A not run for 2024/25 (E10000003): it compares the Episodes table with last year's, and no 2023/24 return was given",
            notRun.Single(n => n.Rule.Id == "503A").ToString());
    }

    [Fact]
    public void Rule348_NewIn2025To26_IsNotListedAsNotRunForAnEarlierYear()
    {
        var b = new Ssda903Builder("E10000003");
        var file = b.AddFile(new SourceFile("oc3_2025.csv", "903 OC3 CSV", 2025));
        var data = b.Oc3("Y", year: 2025, dob: D(2006, 1, 1), inTouch: "DIED", at: new SourceLocation(file, 2)).Build();

        Assert.DoesNotContain(Ssda903Validator.NotRun(data), n => n.Rule.Id == "348");
    }

    [Fact]
    public void AcrossYears_LastYearsReturnGiven_IsNotRunForTheEarliestYearOnly()
    {
        var data = Episodes((2024, D(2023, 6, 1), "C2", "U1", null), (2025, D(2023, 6, 1), "C2", "U1", null));

        Assert.Equal([2024], Ssda903Validator.NotRun(data).Where(n => n.Rule.Id == "503A").Select(n => n.CollectionYear));
    }
}
