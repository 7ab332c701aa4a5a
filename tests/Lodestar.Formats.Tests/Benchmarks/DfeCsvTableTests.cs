using Lodestar.Formats.Benchmarks;

namespace Lodestar.Formats.Tests.Benchmarks;

public sealed class DfeCsvTableTests
{
    [Fact]
    public void Parse_ByteOrderMarkAndCrLf_ReadsHeaderAndRows()
    {
        var table = DfeCsvTable.Parse("t.csv", "\uFEFFtime_period,la_name\r\n2025,Barnet\r\n2024,Brent\r\n").Value;

        Assert.Equal(["time_period", "la_name"], table.Header);
        Assert.Equal(0, table.ColumnIndex("time_period"));
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("Brent", table.Rows[1].Cell(1));
        Assert.Equal(3, table.Rows[1].Row);
    }

    [Fact]
    public void Parse_QuotedCells_KeepCommasQuotesAndEmptyStrings()
    {
        var table = DfeCsvTable.Parse("t.csv", "a,b,c,d\n\"\",\"x, y\",\"say \"\"hi\"\"\",\n").Value;

        Assert.Equal(["", "x, y", "say \"hi\"", ""], table.Rows[0].Cells);
    }

    [Fact]
    public void Parse_LineBreakInsideQuotes_IsPartOfTheCellAndCountsRows()
    {
        var table = DfeCsvTable.Parse("t.csv", "a,b\n\"one\ntwo\",1\n3,4").Value;

        Assert.Equal("one\ntwo", table.Rows[0].Cell(0));
        Assert.Equal(4, table.Rows[1].Row);
        Assert.Equal("4", table.Rows[1].Cell(1));
    }

    [Fact]
    public void Parse_UnclosedQuote_IsAProblemNamingTheRow()
    {
        var problem = Assert.Single(DfeCsvTable.Parse("t.csv", "a,b\n1,\"2\n").Problems);

        Assert.Equal(("t.csv", 2), (problem.File, problem.Line));
        Assert.StartsWith("cannot be read as CSV: unterminated quoted field starting on line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Empty_IsAProblemNamingTheFile()
    {
        var result = DfeCsvTable.Parse("t.csv", "");

        Assert.False(result.Succeeded);
        Assert.Equal(("t.csv", 0), (result.Problems[0].File, result.Problems[0].Line));
    }

    [Fact]
    public void Parse_BlankLinesBeforeTheHeader_GiveTheHeadersLine()
    {
        Assert.Equal(3, DfeCsvTable.Parse("t.csv", "\n\na,b\n1,2\n").Value.HeaderLine);
    }

    [Fact]
    public void Cell_MissingColumnOrShortRow_IsEmpty()
    {
        var table = DfeCsvTable.Parse("t.csv", "a,b,c\n1\n").Value;

        Assert.Equal(-1, table.ColumnIndex("nope"));
        Assert.Equal("", table.Rows[0].Cell(table.ColumnIndex("nope")));
        Assert.Equal("", table.Rows[0].Cell(2));
    }
}
