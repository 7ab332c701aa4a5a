using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Tests.Spreadsheets;

public sealed class SheetRowsTests
{
    [Fact]
    public void ReadCsv_QuotedLineBreaks_StayInTheCellAndLinesAreCounted()
    {
        var rows = SheetRows.ReadCsv("t.csv", "a,b\n\"one\ntwo\",3\n\n4,5").Value;

        Assert.Equal([(1, new[] { "a", "b" }), (2, new[] { "one\ntwo", "3" }), (5, new[] { "4", "5" })], rows.Select(r => (r.Row, r.Cells)));
    }

    [Fact]
    public void ReadCsv_ByteOrderMarkCrLfAndBlankRows_AreHandled()
    {
        var rows = SheetRows.ReadCsv("t.csv", "\uFEFFmeasure,value\r\n , \r\n\"x,y\",\"say \"\"hi\"\"\"\r\n").Value;

        Assert.Equal([(1, new[] { "measure", "value" }), (3, new[] { "x,y", "say \"hi\"" })], rows.Select(r => (r.Row, r.Cells)));
    }

    [Fact]
    public void ReadCsv_UnclosedQuote_IsAProblemNotAnException()
    {
        var result = SheetRows.ReadCsv("t.csv", "a,b\n1,\"2\n");

        Assert.False(result.Succeeded);
        Assert.StartsWith("t.csv: cannot be read as CSV: unterminated quoted field", Assert.Single(result.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XlsxStream_ReadsTheWorkbook()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("S", ["a"], [["1"]])]);
        stream.Position = 0;

        Assert.Equal([["a"], ["1"]], SheetRows.Read("x.XLSX", stream).Value.Select(r => r.Cells));
    }
}
