using Lodestar.Formats.Benchmarks;

namespace Lodestar.Formats.Tests.Benchmarks;

public sealed class DfeCsvTableTests
{
    [Fact]
    public void Parse_ByteOrderMarkAndCrLf_ReadsHeaderAndRows()
    {
        var table = DfeCsvTable.Parse("t.csv", "\uFEFFtime_period,la_name\r\n2025,Barnet\r\n2024,Brent\r\n");

        Assert.Equal(["time_period", "la_name"], table.Header);
        Assert.Equal(0, table.ColumnIndex("time_period"));
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("Brent", table.Rows[1].Cell(1));
        Assert.Equal(3, table.Rows[1].Row);
    }

    [Fact]
    public void Parse_QuotedCells_KeepCommasQuotesAndEmptyStrings()
    {
        var table = DfeCsvTable.Parse("t.csv", "a,b,c,d\n\"\",\"x, y\",\"say \"\"hi\"\"\",\n");

        Assert.Equal(["", "x, y", "say \"hi\"", ""], table.Rows[0].Cells);
    }

    [Fact]
    public void Parse_LineBreakInsideQuotes_IsPartOfTheCellAndCountsRows()
    {
        var table = DfeCsvTable.Parse("t.csv", "a,b\n\"one\ntwo\",1\n3,4");

        Assert.Equal("one\ntwo", table.Rows[0].Cell(0));
        Assert.Equal(4, table.Rows[1].Row);
        Assert.Equal("4", table.Rows[1].Cell(1));
    }

    [Fact]
    public void Parse_UnclosedQuote_IsUnreadableInputNamingTheRow()
    {
        var error = Assert.Throws<BenchmarkInputException>(() => DfeCsvTable.Parse("t.csv", "a,b\n1,\"2\n"));

        Assert.StartsWith("t.csv: cannot be read as CSV: unterminated quoted field starting on line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Empty_IsUnreadableInput()
    {
        Assert.Throws<BenchmarkInputException>(() => DfeCsvTable.Parse("t.csv", ""));
    }

    [Fact]
    public void Cell_MissingColumnOrShortRow_IsEmpty()
    {
        var table = DfeCsvTable.Parse("t.csv", "a,b,c\n1\n");

        Assert.Equal(-1, table.ColumnIndex("nope"));
        Assert.Equal("", table.Rows[0].Cell(table.ColumnIndex("nope")));
        Assert.Equal("", table.Rows[0].Cell(2));
    }
}
