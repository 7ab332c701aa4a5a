using System.Text;
using Lodestar.Formats.Ssda903;
using Lodestar.Domain.Problems;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Ssda903;

public sealed class Ssda903XmlReaderTests
{
    private const string Return = """
        <?xml version="1.0" encoding="utf-8"?>
        <EXPSSDA903>
          <CHILD>
            <HEADER>
              <CHILDID>101</CHILDID>
              <SEX>M</SEX>
              <DOB>01/05/2010</DOB>
              <ETHNIC>WBRI</ETHNIC>
            </HEADER>
            <EPISODES>
              <EPISODE>
                <DECOM>01/04/2024</DECOM>
                <RNE>S</RNE>
                <LS>C2</LS>
                <PL>U1</PL>
                <PLACE_PROVIDER>PR1</PLACE_PROVIDER>
                <DEC>01/09/2024</DEC>
                <REC>X1</REC>
                <REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE>
              </EPISODE>
              <EPISODE>
                <DECOM>01/09/2024</DECOM>
                <RNE>P</RNE>
                <LS>C2</LS>
                <PL>K2</PL>
              </EPISODE>
            </EPISODES>
            <REVIEW><REVIEW>20/04/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></REVIEW>
            <MISSING><MISSING>M</MISSING><MIS_START>02/05/2024</MIS_START><MIS_END/></MISSING>
          </CHILD>
        </EXPSSDA903>
        """;

    private static (FileReadResult Result, Ssda903Builder Builder, List<Problem> Diagnostics) Read(string xml)
    {
        var builder = new Ssda903Builder("E10000003");
        var diagnostics = new List<Problem>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return (Ssda903XmlReader.Read("903.xml", stream, builder, 2025, diagnostics), builder, diagnostics);
    }

    [Fact]
    public void Read_ChildWithHeaderEpisodesReviewAndMissing_ReadsEveryTable()
    {
        var (result, builder, diagnostics) = Read(Return);
        var data = builder.Build();

        Assert.Null(result.Refusal);
        Assert.Empty(diagnostics);
        Assert.Equal("101", data.Children.IdOf(0));
        Assert.Equal(new DateOnly(2010, 5, 1), data.Header.DobAt(0));
        Assert.Equal(2, data.Episodes.Count);
        Assert.Equal("U1", data.Codes[data.Episodes.Place[0]]);
        Assert.Equal("K2", data.Codes[data.Episodes.Place[1]]);
        Assert.Equal("CARPL", data.Codes[data.Episodes.ReasonPlaceChange[0]]);
        Assert.Equal(11, data.Episodes.Source[0].Line);
        Assert.Equal(new DateOnly(2024, 4, 20), data.Reviews.ReviewAt(0));
        Assert.Equal("M", data.Codes[data.Missing.MissingType[0]]);
        Assert.Null(data.Missing.MisEndAt(0));
    }

    [Fact]
    public void Read_Dtd_IsRefusedWithoutExpandingEntities()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE EXPSSDA903 [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;"> ]>
            <EXPSSDA903><CHILD><HEADER><CHILDID>&lol2;</CHILDID></HEADER></CHILD></EXPSSDA903>
            """;

        var (result, builder, _) = Read(xml);

        Assert.StartsWith("XML with a DTD", result.Refusal?.Message, StringComparison.Ordinal);
        Assert.Equal(0, builder.Children.Count);
    }

    [Fact]
    public void Read_ExternalEntity_IsRefused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE EXPSSDA903 [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <EXPSSDA903><CHILD><HEADER><CHILDID>&xxe;</CHILDID></HEADER></CHILD></EXPSSDA903>
            """;

        var (result, _, _) = Read(xml);

        Assert.StartsWith("XML with a DTD", result.Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_IsRefusedAndNothingIsKept()
    {
        var (result, builder, _) = Read(Return[..Return.IndexOf("<REVIEW>", StringComparison.Ordinal)]);

        Assert.NotNull(result.Refusal);
        var data = builder.Build();
        Assert.Equal(0, data.Episodes.Count);
        Assert.Empty(data.Files);
    }

    [Fact]
    public void Read_HostileDeepNesting_IsSkippedWithoutExhaustingTheStack()
    {
        var depth = 200_000;
        var xml = "<EXPSSDA903><CHILD>" + string.Concat(Enumerable.Repeat("<A>", depth)) + string.Concat(Enumerable.Repeat("</A>", depth))
            + "<HEADER><CHILDID>1</CHILDID><SEX>1</SEX></HEADER></CHILD></EXPSSDA903>";

        var (result, builder, diagnostics) = Read(xml);

        Assert.Null(result.Refusal);
        Assert.Contains(diagnostics, d => d.Rule == "ELEMENT-UNKNOWN");
        Assert.Equal(1, builder.Build().Header.Count);
    }

    [Fact]
    public void Read_OtherRoot_IsRefusedAsUnrecognised()
    {
        var (result, _, _) = Read("<Message><Header/></Message>");

        Assert.Equal("unrecognised XML: the root element is Message, not EXPSSDA903", result.Refusal?.Message);
    }

    [Fact]
    public void Read_ChildWithoutId_IsReportedAndSkipped()
    {
        var (result, builder, diagnostics) = Read("<EXPSSDA903><CHILD><HEADER><SEX>1</SEX></HEADER></CHILD></EXPSSDA903>");

        Assert.Null(result.Refusal);
        Assert.Equal("CHILD-BLANK", Assert.Single(diagnostics).Rule);
        Assert.Equal(0, builder.Build().Header.Count);
    }
}
