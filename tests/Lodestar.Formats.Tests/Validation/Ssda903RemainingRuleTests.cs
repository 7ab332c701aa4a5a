using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>
/// The edges of the last 903 rules (Ssda903Validator.Remaining.cs): 205A, 205C and 205D on the Header's UASC flag this year
/// and last; 191 and 215 on the items of children looked after for 12 months; 1001 and 1002 on care leavers over the returns
/// since their 14th or 16th birthday; and each one's "not run". Rows are checked against their own file's year.
/// </summary>
public sealed class Ssda903RemainingRuleTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static List<string> Found(Ssda903Data data, string rule) =>
        [.. Ssda903Validator.Validate(data).Where(d => d.Rule == rule).Select(d => $"{d.File}:{d.Line} {d.Column}={d.Value}")];

    // Child X, UASC born 1 May 2006, in the 2024 and 2025 returns: each Header with the flag given (no row when null; the row read
    // without the column when "-"), and a UASC row with the DUC given (none when null). Last year's return also has child Z.
    private static Ssda903Data UascReturns(string? lastUasc, string? uasc, DateOnly? lastDuc, DateOnly? duc, bool lastReturn = true)
    {
        var b = new Ssda903Builder("E10000003");
        var last = lastReturn ? b.AddFile(new SourceFile("903_2024.csv", "903 Header CSV", 2024)) : -1;
        var now = b.AddFile(new SourceFile("903_2025.csv", "903 Header CSV", 2025));
        void Return(int file, string? flag, DateOnly? ceased)
        {
            if (flag is not null)
            {
                b.Header("X", sex: "M", dob: D(2006, 5, 1), ethnic: "AOTH", upn: "UN2", uasc: flag == "-" ? null : flag, at: new SourceLocation(file, 2));
            }

            if (ceased is { } day)
            {
                b.Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: day, at: new SourceLocation(file, 3));
            }
        }

        if (lastReturn)
        {
            Return(last, lastUasc, lastDuc);

            // Another child of last year's return, not UASC: the return gives the flag (or not, with X's) whether or not X is in it.
            b.Header("Z", sex: "F", dob: D(2010, 5, 1), ethnic: "WBRI", upn: "UN2", uasc: lastUasc == "-" ? null : "0", at: new SourceLocation(last, 4));
        }

        Return(now, uasc, duc);
        return b.Build();
    }

    [Theory]
    [InlineData(2023, 6, 1, false, new string[0])] // the status ceased last year, in last year's collection year: quiet
    [InlineData(2024, 5, 1, false, new[] { "903_2025.csv:2 UASC=0" })] // last year's DUC the 18th birthday, in this year
    [InlineData(2023, 6, 1, true, new[] { "903_2025.csv:3 DUC=01/06/2023" })] // this year's return gives a DUC
    public void Rule205A_UascLastYearAndNotThisYear_WantsLastYearsDucInLastYearAndNoneThisYear(int y, int m, int d, bool ducThisYear, string[] expected)
    {
        var data = UascReturns("1", "0", D(y, m, d), ducThisYear ? D(y, m, d) : null);

        Assert.Equal(expected, Found(data, "205A"));
    }

    [Theory]
    [InlineData("0", "0", new[] { "903_2025.csv:3 DUC=01/05/2024" })] // UASC in neither return
    [InlineData("1", "0", new string[0])] // UASC last year
    [InlineData(null, "0", new[] { "903_2025.csv:3 DUC=01/05/2024" })] // not in last year's return: not UASC in it
    public void Rule205C_DucGiven_IsReportedWhenNeitherYearSaysUasc(string? lastUasc, string uasc, string[] expected)
    {
        // Last year's return, when it has the child, gives the flag; the reference's CSV reading (the flag made from the UASC
        // table) could never report this.
        var data = UascReturns(lastUasc, uasc, null, D(2024, 5, 1));

        Assert.Equal(expected, Found(data, "205C"));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("", true)] // blank last year: not UASC (105 reports the blank)
    [InlineData("1", false)]
    [InlineData(null, false)] // new in this year's return: nothing to compare
    public void Rule205D_UascThisYear_IsReportedWhenLastYearsReturnHadTheChildNotUasc(string? lastUasc, bool reported)
    {
        var data = UascReturns(lastUasc, "1", null, D(2024, 5, 1));

        Assert.Equal(reported ? ["903_2025.csv:2 UASC=1"] : [], Found(data, "205D"));
    }

    private static readonly string[] UascAcross = ["205A", "205C", "205D"];

    [Fact]
    public void UascRulesAcrossYears_EitherReturnWithoutTheUascColumn_AreNotRunAndSaySo()
    {
        // Last year's Header read without the column: the flags cannot be compared.
        var lastWithout = UascReturns("-", "0", D(2024, 5, 1), D(2024, 5, 1));
        var thisWithout = UascReturns("1", "-", D(2024, 5, 1), D(2024, 5, 1));
        var both = UascReturns("1", "0", D(2024, 5, 1), D(2024, 5, 1));

        var notRun = Ssda903Validator.NotRun(lastWithout).Where(n => UascAcross.Contains(n.Rule.Id) && n.CollectionYear == 2025).ToList();
        Assert.Equal(UascAcross, notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.Equal("205A not run for 2024/25 (E10000003): it compares the Header's UASC column with last year's, and the 2023/24 return has none",
            notRun.Single(n => n.Rule.Id == "205A").ToString());
        Assert.All(Ssda903Validator.NotRun(thisWithout).Where(n => UascAcross.Contains(n.Rule.Id) && n.CollectionYear == 2025),
            n => Assert.StartsWith("it needs the Header's UASC column", n.Reason, StringComparison.Ordinal));
        Assert.Equal(3, Ssda903Validator.NotRun(thisWithout).Count(n => UascAcross.Contains(n.Rule.Id) && n.CollectionYear == 2025));
        Assert.DoesNotContain(Ssda903Validator.Validate(lastWithout), d => UascAcross.Contains(d.Rule));
        Assert.DoesNotContain(Ssda903Validator.Validate(thisWithout), d => UascAcross.Contains(d.Rule));
        Assert.DoesNotContain(Ssda903Validator.NotRun(both), n => UascAcross.Contains(n.Rule.Id) && n.CollectionYear == 2025);
    }

    [Fact]
    public void UascRulesAcrossYears_NoReturnForLastYear_AreNotRunOnceForThatReason()
    {
        var data = UascReturns(null, "1", null, D(2024, 5, 1), lastReturn: false);

        var notRun = Ssda903Validator.NotRun(data).Where(n => UascAcross.Contains(n.Rule.Id)).ToList();

        Assert.Equal(UascAcross, notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.Equal("205C not run for 2024/25 (E10000003): it compares the UASC table with last year's, and no 2023/24 return was given", notRun.Single(n => n.Rule.Id == "205C").ToString());
        Assert.Equal("205D not run for 2024/25 (E10000003): it compares the Header table with last year's, and no 2023/24 return was given", notRun.Single(n => n.Rule.Id == "205D").ToString());
    }

    // X's episodes in the 2025 return's episodes file (each DECOM, DEC and REC), and the OC2 table of that return: X's row with
    // every item (when given), and child Y's, for a table that is not empty. Without an OC2 table when asked.
    private static Ssda903Data LookedAfter(DateOnly decom, bool oc2Row, bool oc2Table = true)
    {
        var b = new Ssda903Builder("E10000003")
            .Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI", upn: "A123456789012");
        var episodes = b.AddFile(new SourceFile("episodes_2025.csv", "903 Episodes CSV", 2025));
        b.Episode("X", decom: decom, rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", at: new SourceLocation(episodes, 2));
        if (!oc2Table)
        {
            return b.Build();
        }

        var outcomes = b.AddFile(new SourceFile("oc2_2025.csv", "903 OC2 CSV", 2025));
        b.Oc2("Y", dob: D(2010, 5, 1), sdqScore: 10, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0", at: new SourceLocation(outcomes, 2));
        return oc2Row
            ? b.Oc2("X", dob: D(2010, 5, 1), sdqScore: 10, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0", at: new SourceLocation(outcomes, 3)).Build()
            : b.Build();
    }

    [Theory]
    [InlineData(2023, 6, 1, false, true)] // looked after since June 2023, no OC2 row
    [InlineData(2023, 6, 1, true, false)]
    [InlineData(2024, 6, 1, false, false)] // started care in the year: not looked after for 12 months
    public void Rule191_LookedAfterForTwelveMonthsWithNoOc2Row_IsReportedOnTheLatestEpisode(int y, int m, int d, bool oc2Row, bool reported)
    {
        Assert.Equal(reported ? ["episodes_2025.csv:2 CHILD=X"] : [], Found(LookedAfter(D(y, m, d), oc2Row), "191"));
    }

    [Fact]
    public void Rule191_ReturnWithoutAnOc2Table_IsNotRunForItsYear()
    {
        var data = LookedAfter(D(2023, 6, 1), oc2Row: false, oc2Table: false);

        Assert.Empty(Found(data, "191"));
        var notRun = Assert.Single(Ssda903Validator.NotRun(data), n => n.Rule.Id == "191");
        Assert.Equal("191 not run for 2024/25 (E10000003): it looks for an OC2 row for each child looked after for 12 months, and the return has no OC2 table", notRun.ToString());
        Assert.DoesNotContain(Ssda903Validator.NotRun(LookedAfter(D(2023, 6, 1), oc2Row: false)), n => n.Rule.Id == "191");
    }

    [Fact]
    public void Rule191_XmlReturn_GivesTheOc2TableWithItsOtherTables()
    {
        var b = new Ssda903Builder("E10000003").Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI", upn: "A123456789012");
        var xml = b.AddFile(new SourceFile("903_2025.xml", "903 XML", 2025));
        var data = b.Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", at: new SourceLocation(xml, 5)).Build();

        Assert.Equal(["903_2025.xml:5 CHILD=X"], Found(data, "191"));
        Assert.DoesNotContain(Ssda903Validator.NotRun(data), n => n.Rule.Id == "191");
    }

    [Theory]
    [InlineData(2025, true)]
    [InlineData(2024, false)] // last year's OC2 row, this year's care leaver row: different years
    public void Rule215_OutcomeItemsAndCareLeaverItems_AreReportedForTheSameYearOnly(int oc2Year, bool reported)
    {
        var data = new Ssda903Builder("E10000003")
            .Oc3("X", year: 2025, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2", accom: "B1")
            .Oc2("X", year: oc2Year, dob: D(2006, 1, 1), convicted: "0", immunisations: "1")
            .Build();

        Assert.Equal(reported ? ["(built by hand):0 CONVICTED=0"] : [], Found(data, "215"));
    }

    // Care leaver X, born 1 January 2006 (14 on 1 January 2020, 16 on 1 January 2022), with an OC3 row in the 2025 return, the
    // episodes given (each DECOM, DEC, REC and LS), and the `before` returns before 2025 given.
    private static Ssda903Data CareLeaver(int before, DateOnly? dob = null, params (DateOnly Decom, DateOnly Dec, string Rec, string Ls)[] episodes)
    {
        var b = new Ssda903Builder("E10000003");
        for (var year = 2025 - before; year < 2025; year++)
        {
            b.AddFile(new SourceFile($"903_{year}.xml", "903 XML", year));
        }

        var now = b.AddFile(new SourceFile("903_2025.xml", "903 XML", 2025));
        var born = dob ?? D(2006, 1, 1);
        b.Header("X", sex: "M", dob: born, ethnic: "WBRI", upn: "A123456789012", at: new SourceLocation(now, 2))
            .Oc3("X", dob: born, inTouch: "YES", activ: "F2", accom: "B1", at: new SourceLocation(now, 3));
        foreach (var (decom, dec, rec, ls) in episodes)
        {
            b.Episode("X", decom: decom, rne: "S", ls: ls, cin: "N1", place: "U1", provider: "PR1", dec: dec, rec: rec);
        }

        return b.Build();
    }

    [Theory]
    [InlineData(2021, 10, 3, 2022, 1, 2, "E8", "C2", false)] // 91 days (13 weeks), the last on the 16th birthday
    [InlineData(2021, 10, 4, 2022, 1, 2, "E8", "C2", true)] // 90 days
    [InlineData(2021, 10, 1, 2022, 1, 1, "E8", "C2", true)] // 92 days, all before the 16th birthday
    [InlineData(2021, 1, 1, 2022, 6, 1, "E11", "C2", true)] // care ended in adoption
    [InlineData(2021, 1, 1, 2022, 6, 1, "E8", "V3", true)] // short breaks do not count
    [InlineData(2019, 1, 1, 2020, 3, 1, "E8", "C2", true)] // before the 14th birthday (but for 60 days) and before 16
    public void Rule1001_TimeLookedAfterSince14And16_DecidesWhetherTheYoungPersonIsACareLeaver(int y1, int m1, int d1, int y2, int m2, int d2, string rec, string ls, bool reported)
    {
        var data = CareLeaver(7, null, (D(y1, m1, d1), D(y2, m2, d2), rec, ls));

        Assert.Equal(reported ? ["903_2025.xml:3 IN_TOUCH=YES"] : [], Found(data, "1001"));
    }

    [Fact]
    public void Rule1001_YoungPersonWithNoEpisode_IsLeftTo1002()
    {
        var data = CareLeaver(7);

        Assert.Empty(Found(data, "1001"));
        Assert.Equal(["903_2025.xml:3 IN_TOUCH=YES"], Found(data, "1002"));
    }

    [Theory]
    [InlineData(4, new[] { "1001", "1002" })] // 2020/21 to 2023/24 given, not 2019/20
    [InlineData(5, new[] { "1001" })] // 1002 runs: the five returns before
    [InlineData(6, new[] { "1001" })]
    [InlineData(7, new string[0])] // and 1001 with seven
    public void CareLeaverRules_TooFewReturnsBefore_AreNotRunAndSaySo(int before, string[] notRun)
    {
        var data = CareLeaver(before);

        var found = Ssda903Validator.NotRun(data).Where(n => n.Rule.Id is "1001" or "1002" && n.CollectionYear == 2025).ToList();

        Assert.Equal(notRun, found.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.Equal(before >= 5, Found(data, "1002").Count == 1);
        if (before == 4)
        {
            Assert.Equal("1002 not run for 2024/25 (E10000003): it looks for the care leaver's episodes since their 16th birthday, which for one of 21 fell five returns before, and no 2019/20 return was given",
                found.Single(n => n.Rule.Id == "1002").ToString());
            Assert.EndsWith("and no 2017/18 return was given", found.Single(n => n.Rule.Id == "1001").Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CareLeaverRules_YoungPersonOverTwentyOne_IsNotJudged()
    {
        // Born 1 January 2003: 22 at 31 March 2025; their 16th birthday fell in 2018/19, before the returns needed.
        var data = CareLeaver(7, D(2003, 1, 1));

        Assert.Empty(Found(data, "1002"));
        Assert.Empty(Found(data, "1001"));
        Assert.Equal(["903_2025.xml:3 IN_TOUCH=YES"], Found(CareLeaver(7, D(2004, 1, 1)), "1002"));
    }
}
