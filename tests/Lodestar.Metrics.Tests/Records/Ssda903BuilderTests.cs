using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Tests.Records;

public sealed class Ssda903BuilderTests
{
    [Fact]
    public void Build_EpisodesAddedOutOfOrder_SortsByChildThenDecomWithOffsets()
    {
        var data = new Ssda903Builder("E10000003")
            .Episode("C2", decom: new(2024, 6, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Episode("C1", decom: new(2024, 9, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4")
            .Episode("C1", decom: new(2024, 4, 1), rne: "S", ls: "C2", place: "U1", provider: "PR1", dec: new(2024, 9, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Build();

        var c1 = data.Children.Find("C1");
        var c2 = data.Children.Find("C2");
        Assert.Equal(3, data.Episodes.Count);
        Assert.Equal(new RowRange(0, 1), data.Episodes.RowsOf(c2));
        Assert.Equal(new RowRange(1, 3), data.Episodes.RowsOf(c1));
        Assert.Equal(new DateOnly(2024, 4, 1), data.Episodes.DecomAt(1));
        Assert.Equal(new DateOnly(2024, 9, 1), data.Episodes.DecAt(1));
        Assert.Equal("X1", data.Codes[data.Episodes.Rec[1]]);
        Assert.Equal("CARPL", data.Codes[data.Episodes.ReasonPlaceChange[1]]);
        Assert.Equal(new DateOnly(2024, 9, 1), data.Episodes.DecomAt(2));
        Assert.Null(data.Episodes.DecAt(2));
        Assert.Equal(RecordValues.Blank, data.Episodes.Dec[2]);
        Assert.Equal("K2", data.Codes[data.Episodes.Place[2]]);
        Assert.Equal("C1", data.Children.IdOf(data.Episodes.Child[2]));
        Assert.Equal("E10000003", data.CouncilCode);
    }

    [Fact]
    public void Build_UnknownCode_IsKeptAsWritten()
    {
        var data = new Ssda903Builder("E10000003").Episode("C1", decom: new(2024, 4, 1), ls: "ZZ9").Build();

        Assert.Equal("ZZ9", data.Codes[data.Episodes.Ls[0]]);
    }

    [Fact]
    public void Find_CodeNeverUsed_IsAbsentAndMatchesNoRow()
    {
        var data = new Ssda903Builder("E10000003").Episode("C1", decom: new(2024, 4, 1), ls: "C2").Build();

        var v3 = data.Codes.Find("V3");
        Assert.Equal(CodeTable.Absent, v3);
        Assert.NotEqual(v3, data.Episodes.Ls[0]);
        Assert.True(data.Codes.SetOf("C2", "V3").Contains(data.Episodes.Ls[0]));
        Assert.False(data.Codes.SetOf("V3", "V4").Contains(data.Episodes.Ls[0]));
    }

    [Fact]
    public void Build_BlankCode_IsTheBlankId()
    {
        var data = new Ssda903Builder("E10000003").Episode("C1", decom: new(2024, 4, 1)).Build();

        Assert.Equal(CodeTable.Blank, data.Episodes.Rec[0]);
        Assert.Null(data.Codes[data.Episodes.Rec[0]]);
    }

    [Fact]
    public void Build_ChildWithNoRowsInATable_HasAnEmptyRange()
    {
        var data = new Ssda903Builder("E10000003")
            .Header("C1", sex: "1", dob: new(2010, 5, 1))
            .Episode("C2", decom: new(2024, 4, 1))
            .Build();

        var c1 = data.Children.Find("C1");
        Assert.True(data.Episodes.RowsOf(c1).IsEmpty);
        Assert.Equal(1, data.Header.RowsOf(c1).Length);
        Assert.Equal(new DateOnly(2010, 5, 1), data.Header.DobAt(0));
        Assert.Equal(3, data.Episodes.ChildOffsets.Length);
    }

    [Fact]
    public void Build_SameEpisodeInTwoYearsReturns_LaterReturnWinsAndOthersKept()
    {
        var builder = new Ssda903Builder("E10000003");
        var y2024 = builder.AddFile(new SourceFile("2024/episodes.csv", "903 Episodes CSV", 2024));
        var y2025 = builder.AddFile(new SourceFile("2025/episodes.csv", "903 Episodes CSV", 2025));
        // The 2025 return is registered first: the year decides, not the order.
        builder
            .Episode("C1", decom: new(2023, 10, 1), ls: "C2", dec: new(2024, 5, 1), rec: "E11", at: new(y2025, 2))
            .Episode("C1", decom: new(2023, 10, 1), ls: "C2", at: new(y2024, 2))
            .Episode("C1", decom: new(2022, 1, 1), ls: "V2", dec: new(2022, 3, 1), rec: "E13", at: new(y2024, 3));

        var data = builder.Build();

        Assert.Equal(2, data.Episodes.Count);
        Assert.Equal(new DateOnly(2022, 1, 1), data.Episodes.DecomAt(0));
        Assert.Equal(new SourceLocation(y2024, 3), data.Episodes.Source[0]);
        Assert.Equal(new DateOnly(2024, 5, 1), data.Episodes.DecAt(1));
        Assert.Equal(new SourceLocation(y2025, 2), data.Episodes.Source[1]);
        Assert.Equal("2025/episodes.csv:2", data.Describe(data.Episodes.Source[1]));
    }

    [Fact]
    public void Build_SameEpisodeInTwoYearsReturns_EarlierReturnsVersionIsKeptApartAsReplaced()
    {
        var builder = new Ssda903Builder("E10000003");
        var y2024 = builder.AddFile(new SourceFile("2024/episodes.csv", "903 Episodes CSV", 2024));
        var y2025 = builder.AddFile(new SourceFile("2025/episodes.csv", "903 Episodes CSV", 2025));
        builder
            .Episode("C1", decom: new(2023, 10, 1), ls: "C2", dec: new(2024, 5, 1), rec: "E11", at: new(y2025, 2))
            .Episode("C1", decom: new(2023, 10, 1), ls: "C1", at: new(y2024, 2))
            .Episode("C1", decom: new(2022, 1, 1), ls: "V2", dec: new(2022, 3, 1), rec: "E13", at: new(y2024, 3))
            .Header("C1", sex: "M", at: new(y2025, 3))
            .Header("C1", sex: "F", at: new(y2024, 4));

        var data = builder.Build();

        // Last year's version of the episode both returns hold, and last year's header, as written; the episode only 2024 has stays in Episodes.
        var replaced = Assert.IsType<Ssda903Data>(data.Replaced);
        Assert.Equal([new SourceLocation(y2024, 2)], replaced.Episodes.Source.ToArray());
        Assert.Equal("C1", replaced.Codes[replaced.Episodes.Ls[0]]);
        Assert.Null(replaced.Episodes.DecAt(0));
        Assert.Equal([new SourceLocation(y2024, 4)], replaced.Header.Source.ToArray());
        Assert.Equal(2, data.Episodes.Count);
        Assert.Null(replaced.Replaced);
    }

    [Fact]
    public void Append_TwoYearsBuilders_BuildAsOneBuilderReadingBothYears()
    {
        // 2024's return holds C1's episode (LS C1) and C2's; 2025's holds C3's and C1's episode again, now LS C2.
        var y2024 = new Ssda903Builder("E10000003");
        var f2024 = y2024.AddFile(new SourceFile("episodes_2024.csv", "903 Episodes CSV", 2024));
        y2024
            .Episode("C1", decom: new(2023, 10, 1), ls: "C1", at: new(f2024, 2))
            .Episode("C2", decom: new(2023, 6, 1), ls: "V2", at: new(f2024, 3));
        var y2025 = new Ssda903Builder("E10000003");
        var f2025 = y2025.AddFile(new SourceFile("episodes_2025.csv", "903 Episodes CSV", 2025));
        y2025
            .Episode("C3", decom: new(2024, 9, 1), ls: "E1", at: new(f2025, 2))
            .Episode("C1", decom: new(2023, 10, 1), ls: "C2", at: new(f2025, 3));

        var data = new Ssda903Builder("E10000003").Append(y2024).Append(y2025).Build();

        // Children and files numbered as one reading of both files would: C1 and C2 from 2024, then C3; 2025's file second.
        Assert.Equal(["C1", "C2", "C3"], Enumerable.Range(0, data.Children.Count).Select(data.Children.IdOf));
        Assert.Equal([("episodes_2024.csv", 2024), ("episodes_2025.csv", 2025)], data.Files.Select(f => (f.Path, f.CollectionYear)));

        // C1's episode is 2025's version (file 1, line 3), its codes read through the merged builder's ids.
        Assert.Equal([new SourceLocation(1, 3), new SourceLocation(0, 3), new SourceLocation(1, 2)], data.Episodes.Source.ToArray());
        Assert.Equal(["C2", "V2", "E1"], data.Episodes.Ls.ToArray().Select(id => data.Codes[id]));
        Assert.Equal([new SourceLocation(0, 2)], Assert.IsType<Ssda903Data>(data.Replaced).Episodes.Source.ToArray());

        // The builders appended are left as they were: each still builds its own year.
        var own = y2025.Build();
        Assert.Equal(["E1", "C2"], own.Episodes.Ls.ToArray().Select(id => own.Codes[id]));
    }

    [Fact]
    public void Append_WithAPrefix_NamesTheFilesWithItAndKeepsAnOptionalColumnNotGiven()
    {
        var source = new Ssda903Builder("E10000003");
        var file = source.AddFile(new SourceFile("header_2024.csv", "903 Header CSV", 2024));
        source.Header("C1", sex: "1", at: new(file, 2));

        var data = new Ssda903Builder("E10000003").Append(source, "last/").Build();

        Assert.Equal("last/header_2024.csv", data.Files[0].Path);
        Assert.Equal("1", data.Codes[data.Header.Sex[0]]);
        Assert.Equal(CodeTable.NotGiven, data.Header.Uasc[0]);
    }

    [Fact]
    public void DiscardLastFile_AfterAnAppend_Throws()
    {
        var source = new Ssda903Builder("E10000003");
        source.AddFile(new SourceFile("header_2024.csv", "903 Header CSV", 2024));
        var builder = new Ssda903Builder("E10000003").Append(source);

        Assert.Throws<InvalidOperationException>(builder.DiscardLastFile);
    }

    [Fact]
    public void Build_OneYearsReturn_ReplacesNothing()
    {
        var builder = new Ssda903Builder("E10000003");
        var file = builder.AddFile(new SourceFile("episodes.csv", "903 Episodes CSV", 2025));
        builder.Episode("C1", decom: new(2024, 4, 1), ls: "C2", at: new(file, 2));

        Assert.Null(builder.Build().Replaced);
    }

    [Fact]
    public void Build_UascRowsInTwoYearsReturns_AreBothKeptInYearOrder()
    {
        var builder = new Ssda903Builder("E10000003");
        var y2025 = builder.AddFile(new SourceFile("2025/uasc.csv", "903 UASC CSV", 2025));
        var y2024 = builder.AddFile(new SourceFile("2024/uasc.csv", "903 UASC CSV", 2024));
        var y2025Header = builder.AddFile(new SourceFile("2025/header.csv", "903 Header CSV", 2025));
        var y2024Header = builder.AddFile(new SourceFile("2024/header.csv", "903 Header CSV", 2024));
        builder
            .Uasc("C1", sex: "M", dob: new(2007, 5, 1), duc: new(2025, 5, 1), at: new(y2025, 2))
            .Uasc("C1", sex: "M", dob: new(2007, 5, 1), duc: new(2025, 5, 1), at: new(y2024, 2))
            .Header("C1", sex: "M", dob: new(2007, 5, 1), at: new(y2025Header, 2))
            .Header("C1", sex: "M", dob: new(2007, 5, 1), at: new(y2024Header, 2));

        var data = builder.Build();

        // UASC rows are per child and year (205B compares them); a Header is still one per child, the later return's.
        Assert.Equal([new SourceLocation(y2024, 2), new SourceLocation(y2025, 2)], data.Uasc.Source.ToArray());
        Assert.Equal([new SourceLocation(y2025Header, 2)], data.Header.Source.ToArray());
    }

    [Fact]
    public void Build_HeadersOfThreeYears_KeepEachYearsUascFlagThoughOneRowIsKept()
    {
        var builder = new Ssda903Builder("E10000003");
        var y2023 = builder.AddFile(new SourceFile("2023/header.csv", "903 Header CSV", 2023));
        var y2024 = builder.AddFile(new SourceFile("2024/header.csv", "903 Header CSV", 2024));
        var y2025 = builder.AddFile(new SourceFile("2025/header.csv", "903 Header CSV", 2025));
        builder
            .Header("C1", sex: "M", dob: new(2007, 5, 1), uasc: "1", at: new(y2023, 2))
            .Header("C1", sex: "M", dob: new(2007, 5, 1), at: new(y2024, 2))
            .Header("C1", sex: "M", dob: new(2007, 5, 1), uasc: "0", at: new(y2025, 2));

        var data = builder.Build();

        // The 2024 return has no UASC column: no flag for it, and none "blank".
        var c1 = data.Children.Find("C1");
        Assert.Equal([(2023, "1"), (2025, "0")], data.HeaderUasc.Where(f => f.Key.Child == c1).Select(f => (f.Key.Year, data.Codes[f.Value]!)).Order());
        Assert.Equal("0", data.Codes[data.Header.Uasc[0]]);
        Assert.Equal(CodeTable.NotGiven, new Ssda903Builder("E10000003").Header("C1").Build().Header.Uasc[0]);
    }

    [Fact]
    public void Build_DuplicateEpisodesInOneReturn_AreBothKept()
    {
        var builder = new Ssda903Builder("E10000003");
        var file = builder.AddFile(new SourceFile("episodes.csv", "903 Episodes CSV", 2025));
        builder
            .Episode("C1", decom: new(2024, 4, 1), ls: "C2", at: new(file, 2))
            .Episode("C1", decom: new(2024, 4, 1), ls: "C1", at: new(file, 3));

        var data = builder.Build();

        Assert.Equal(2, data.Episodes.Count);
        Assert.Equal(3, data.Episodes.Source[1].Line);
    }

    [Fact]
    public void Build_UnsortedRowsWithEqualKeys_KeepArrivalOrderAmongThem()
    {
        var data = new Ssda903Builder("E10000003")
            .Episode("C1", decom: new(2024, 4, 1), ls: "C2", at: new(-1, 2))
            .Episode("C0", decom: new(2024, 5, 1), ls: "C2", at: new(-1, 3))
            .Episode("C1", decom: new(2024, 4, 1), ls: "C1", at: new(-1, 4))
            .Episode("C1", decom: new(2023, 4, 1), ls: "V2", at: new(-1, 5))
            .Build();

        Assert.Equal([5, 2, 4, 3], data.Episodes.Source.ToArray().Select(s => s.Line));
    }

    [Fact]
    public void Oc3_RowsForDifferentYears_AreBothKept()
    {
        var builder = new Ssda903Builder("E10000003");
        var y2024 = builder.AddFile(new SourceFile("2024/oc3.csv", "903 OC3 CSV", 2024));
        var y2025 = builder.AddFile(new SourceFile("2025/oc3.csv", "903 OC3 CSV", 2025));
        builder
            .Oc3("C1", year: 2024, activ: "F2", at: new(y2024, 2))
            .Oc3("C1", year: 2025, activ: "G4", at: new(y2025, 2));

        var data = builder.Build();

        Assert.Equal(2, data.Oc3.Count);
        Assert.Equal(2024, data.Oc3.YearAt(0));
        Assert.Equal("G4", data.Codes[data.Oc3.Activ[1]]);
    }

    [Fact]
    public void Add_AfterBuild_Throws()
    {
        var builder = new Ssda903Builder("E10000003");
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Episode("C1"));
    }

    [Fact]
    public void Add_LowLevelRow_UsesInternedIdsAndDayNumbers()
    {
        var builder = new Ssda903Builder("E10000003");
        var child = builder.ChildNumber("C9".AsSpan());
        var row = Ssda903EpisodeRow.Empty;
        row.Decom = new DateOnly(2025, 1, 2).DayNumber;
        row.Ls = builder.Codes.Intern("J1".AsSpan());
        builder.AddEpisode(child, row, new SourceLocation(-1, 7));

        var data = builder.Build();

        Assert.Equal(new DateOnly(2025, 1, 2), data.Episodes.DecomAt(0));
        Assert.Null(data.Episodes.DecAt(0));
        Assert.Equal("J1", data.Codes[data.Episodes.Ls[0]]);
        Assert.Equal(7, data.Episodes.Source[0].Line);
    }
}
