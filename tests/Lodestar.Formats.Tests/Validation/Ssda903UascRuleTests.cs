using System.Text;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Ssda903;
using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>
/// The Header's UASC flag: read from a CSV column (optional) and from the XML's HEADER, kept for each year's return through
/// the merge, and the rules that need it (105, 164, 231, 303, 392a, 392b, 406): "UASC or formerly UASC" over three years, and
/// not run for a year whose return does not give it.
/// </summary>
public sealed class Ssda903UascRuleTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static readonly string[] UascRules = ["105", "164", "231", "303", "392a", "392b", "406"];

    [Fact]
    public void CsvHeader_WithTheUascColumn_ReadsTheFlag()
    {
        var builder = new Ssda903Builder("E10000003");
        var diagnostics = new List<Problem>();

        Ssda903CsvReader.Read("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC\nC1,M,01/05/2008,AOTH,UN2,,,1\nC2,F,01/05/2010,WBRI,,0,,0\n", builder, 2025, diagnostics);
        var data = builder.Build();

        Assert.Empty(diagnostics);
        Assert.Equal("1", data.Codes[data.Header.Uasc[data.Children.Find("C1")]]);
        Assert.Equal("0", data.Codes[data.Header.Uasc[data.Children.Find("C2")]]);
    }

    [Fact]
    public void CsvHeader_WithoutTheUascColumn_LeavesTheFlagNotGivenAndWarnsOfNoMissingColumn()
    {
        var builder = new Ssda903Builder("E10000003");
        var diagnostics = new List<Problem>();

        Ssda903CsvReader.Read("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/05/2008,AOTH,UN2,,\n", builder, 2025, diagnostics);
        var data = builder.Build();

        Assert.Empty(diagnostics);
        Assert.Equal(CodeTable.NotGiven, data.Header.Uasc[0]);
        Assert.Empty(data.HeaderUasc);
    }

    [Fact]
    public void CsvHeader_UascColumnLeftBlank_IsBlankNotNotGivenAndIsReportedBy105()
    {
        var builder = new Ssda903Builder("E10000003");
        var diagnostics = new List<Problem>();

        Ssda903CsvReader.Read("header.csv", "CHILD,SEX,DOB,ETHNIC,UASC\nC1,M,01/05/2008,AOTH,\n", builder, 2025, diagnostics);
        var data = builder.Build();

        Assert.Equal(CodeTable.Blank, data.Header.Uasc[0]);
        var found = Assert.Single(Ssda903Validator.Validate(data), d => d.Rule == "105");
        Assert.Equal(("UASC", 2), (found.Column, found.Line));
    }

    [Fact]
    public void XmlHeader_WithAUascElement_ReadsTheFlag()
    {
        const string xml = """
            <EXPSSDA903>
              <CHILD>
                <HEADER><CHILDID>101</CHILDID><SEX>M</SEX><DOB>01/05/2008</DOB><ETHNIC>AOTH</ETHNIC><UASC>1</UASC></HEADER>
                <UASC><SEX>M</SEX><DOB>01/05/2008</DOB><DUC>01/05/2026</DUC></UASC>
              </CHILD>
            </EXPSSDA903>
            """;
        var builder = new Ssda903Builder("E10000003");
        var diagnostics = new List<Problem>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));

        Ssda903XmlReader.Read("903.xml", stream, builder, 2025, diagnostics);
        var data = builder.Build();

        Assert.Empty(diagnostics);
        Assert.Equal("1", data.Codes[data.Header.Uasc[0]]);
        Assert.Equal(new DateOnly(2026, 5, 1), data.Uasc.DucAt(0));
    }

    // Child X's Header in the returns of the years given (each its own file), UASC as given; an episode from 1 June 2024 in the
    // 2024/25 return, with the postcodes given.
    private static Ssda903Data Returns(string? homePost, string? plPost, params (int Year, string? Uasc)[] headers)
    {
        var b = new Ssda903Builder("E10000003");
        var files = new Dictionary<int, int>();
        foreach (var year in headers.Select(h => h.Year).Append(2025).Distinct())
        {
            files[year] = b.AddFile(new SourceFile($"header_{year}.csv", "903 Header CSV", year));
        }

        foreach (var (year, uasc) in headers)
        {
            b.Header("X", sex: "M", dob: D(2007, 5, 1), ethnic: "AOTH", upn: "UN2", uasc: uasc, at: new SourceLocation(files[year], 2));
        }

        return b.Episode("X", decom: D(2024, 6, 1), rne: "S", ls: "C2", cin: "N8", place: "K2", provider: "PR4", homePost: homePost, plPost: plPost, urn: "SC100001", at: new SourceLocation(files[2025], 2))
            .Build();
    }

    private static IEnumerable<string> Rules(Ssda903Data data) =>
        Ssda903Validator.Validate(data, references: ReferenceFixtures.Both).Select(d => d.Rule!).Where(UascRules.Contains);

    [Fact]
    public void Rule392b_ChildUascInLastYearsReturn_IsNotReportedThoughThisYearsHeaderSaysNot()
    {
        // Last year's Header (UASC 1) is merged away by this year's (UASC 0), but the child was UASC then: formerly UASC.
        Assert.DoesNotContain("392b", Rules(Returns(null, "CB2 2BB", (2024, "1"), (2025, "0"))));
        Assert.Contains("392b", Rules(Returns(null, "CB2 2BB", (2024, "0"), (2025, "0"))));
    }

    [Theory]
    [InlineData(2023, true)] // two years before 2024/25: formerly UASC
    [InlineData(2022, false)] // three years before: no longer counted
    public void Rule406_ChildUascInAnEarlierReturn_IsReportedWithinTwoYears(int uascYear, bool reported)
    {
        var rules = Rules(Returns("CB1 1AA", "CB2 2BB", (uascYear, "1"), (2025, "0"))).ToList();

        Assert.Equal(reported, rules.Contains("406"));
        Assert.DoesNotContain("392a", rules);
    }

    [Fact]
    public void Rule406_ChildInAnEarlierYearsUascTable_IsFormerlyUasc()
    {
        var b = new Ssda903Builder("E10000003");
        var last = b.AddFile(new SourceFile("uasc_2024.csv", "903 UASC CSV", 2024));
        var now = b.AddFile(new SourceFile("903_2025.csv", "903 Header CSV", 2025));
        var data = b.Header("X", sex: "M", dob: D(2006, 5, 1), ethnic: "AOTH", upn: "UN2", uasc: "0", at: new SourceLocation(now, 2))
            .Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: D(2024, 5, 1), at: new SourceLocation(last, 2))
            .Episode("X", decom: D(2024, 6, 1), rne: "S", ls: "C2", cin: "N8", place: "K2", provider: "PR4", homePost: "CB1 1AA", plPost: "CB2 2BB", urn: "SC100001", at: new SourceLocation(now, 3))
            .Build();

        Assert.Contains("406", Rules(data));
    }

    [Fact]
    public void Rule303_DucWithUasc1InItsOwnReturn_IsNotReportedAfterALaterHeaderReplacesIt()
    {
        var b = new Ssda903Builder("E10000003");
        var last = b.AddFile(new SourceFile("903_2024.csv", "903 Header CSV", 2024));
        var now = b.AddFile(new SourceFile("903_2025.csv", "903 Header CSV", 2025));
        b.Header("X", sex: "M", dob: D(2006, 5, 1), ethnic: "AOTH", upn: "UN2", uasc: "1", at: new SourceLocation(last, 2))
            .Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: D(2024, 5, 1), at: new SourceLocation(last, 3))
            .Header("X", sex: "M", dob: D(2006, 5, 1), ethnic: "AOTH", upn: "UN2", uasc: "0", at: new SourceLocation(now, 2));

        Assert.DoesNotContain("303", Rules(b.Build()));
    }

    [Fact]
    public void NotRun_ReturnWithoutTheUascColumn_ListsEveryUascRuleForItsYear()
    {
        var without = Returns(null, null, (2025, null));
        var with = Returns(null, null, (2025, "0"));

        var notRun = Ssda903Validator.NotRun(without, ReferenceFixtures.Both).Where(n => UascRules.Contains(n.Rule.Id)).ToList();

        Assert.Equal(UascRules, notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.All(notRun, n => Assert.Equal(2025, n.CollectionYear));
        Assert.All(notRun, n => Assert.Contains("the Header's UASC column", n.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(Ssda903Validator.NotRun(with, ReferenceFixtures.Both), n => UascRules.Contains(n.Rule.Id));
        Assert.Empty(Rules(without));
    }
}
