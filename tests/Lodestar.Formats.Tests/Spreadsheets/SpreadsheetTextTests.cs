using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Tests.Spreadsheets;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("-6,789", "'-6,789")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Plain text", "Plain text")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Neutralise_FormulaLikeText_GetsALeadingApostrophe(string text, string expected)
    {
        Assert.Equal(expected, SpreadsheetText.Neutralise(text));
    }

    [Fact]
    public void CsvLine_Cells_AreQuotedWhenNeededAndNeutralised()
    {
        Assert.Equal("plain,\"a, b\",\"say \"\"hi\"\"\",'=cmd,'-5,", CsvText.Line(["plain", "a, b", "say \"hi\"", "=cmd", "-5", null]));
    }
}
