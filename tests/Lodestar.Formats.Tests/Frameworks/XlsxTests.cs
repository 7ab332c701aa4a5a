using Lodestar.Formats.Frameworks;

namespace Lodestar.Formats.Tests.Frameworks;

public sealed class XlsxTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Safe text", "Safe text")]
    [InlineData("a=b", "a=b")]
    public void Neutralise_TextStartingWithAFormulaCharacter_GetsAnApostrophe(string text, string expected)
    {
        Assert.Equal(expected, Lodestar.Formats.Spreadsheets.SpreadsheetText.Neutralise(text));
    }

    [Fact]
    public void Write_TextCells_AreNeutralisedAndNumbersStayNumbers()
    {
        using var stream = new MemoryStream();
        Xlsx.Write(stream, [new XlsxSheet("S", [["title", "value"], ["=1+1", -5m]])]);
        stream.Position = 0;

        var rows = Xlsx.ReadFirstSheet(stream);

        Assert.Equal(["'=1+1", "-5"], rows[1].Cells);
    }

    [Fact]
    public void Csv_Line_QuotesAndNeutralises()
    {
        Assert.Equal("plain,\"a, b\",\"say \"\"hi\"\"\",'=cmd", Csv.Line(["plain", "a, b", "say \"hi\"", "=cmd"]));
    }

    [Fact]
    public void Csv_Read_QuotedLineBreaks_StayInTheCell()
    {
        var rows = Csv.Read("a,b\n\"one\ntwo\",3\n\n4,5");

        Assert.Equal([(1, new[] { "a", "b" }), (2, new[] { "one\ntwo", "3" }), (5, new[] { "4", "5" })], rows.Select(r => (r.Row, r.Cells)));
    }

    [Fact]
    public void FrameworkXlsx_Write_ListsTheTreeAndTheMeasures()
    {
        var framework = FrameworkYaml.Read(FrameworkYamlTests.Sample, "test.yaml").Framework!;
        var measures = framework.Measures.ToDictionary(m => m.Id);
        using var stream = new MemoryStream();

        FrameworkXlsx.Write(stream, framework, measures);
        stream.Position = 0;
        var tree = Xlsx.ReadFirstSheet(stream);

        Assert.Equal(5, tree.Count); // header and four nodes
        Assert.Equal(["1", "theme", "theme-1", "Children and young people are safe", "The first theme", "cla_at_end, referrals", "Commission an edge-of-care service [continuum:PREVENT, continuum:MEET]"], tree[1].Cells);
        Assert.Equal("        Deeper still", tree[3].Cells[3]);
    }
}
