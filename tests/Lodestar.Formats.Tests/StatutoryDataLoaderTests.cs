using System.Text;
using Lodestar.Domain.Returns;
using Lodestar.Formats.Text;

namespace Lodestar.Formats.Tests;

public sealed class StatutoryDataLoaderTests
{
    private const string EpisodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    [Fact]
    public void Load_TwoYearsOfOneCouncil_MergesIntoOneHistoryWhereTheLaterReturnWins()
    {
        using var folder = new TempFolder();
        folder.Write("E10000003/2024/ep.csv", EpisodesHeader
            + "1,01/01/2022,S,V2,N1,U1,PR1,01/03/2022,E13,,,,\n"
            + "1,01/10/2023,S,C2,N1,U1,PR1,,,,,,\n");
        folder.Write("E10000003/2025/ep.csv", EpisodesHeader
            + "1,01/10/2023,S,C2,N1,U1,PR1,01/05/2024,E11,,,,\n");

        var result = StatutoryDataLoader.Load([folder.Root]);

        var council = Assert.Single(result.Councils);
        Assert.Equal("E10000003", council.CouncilCode);
        var episodes = council.Ssda903!.Episodes;
        Assert.Equal(2, episodes.Count);
        Assert.Equal(new DateOnly(2022, 3, 1), episodes.DecAt(0));
        Assert.Equal(new DateOnly(2024, 5, 1), episodes.DecAt(1));
        Assert.Equal("E11", council.Ssda903.Codes[episodes.Rec[1]]);
        Assert.Equal([2024, 2025], council.Ssda903.Files.Select(f => f.CollectionYear).Order());
        Assert.Empty(result.Refusals);
    }

    [Fact]
    public void Load_TwoCensuses_LaterReferralVersionWinsAndOlderReferralsKept()
    {
        using var folder = new TempFolder();
        folder.Write("E10000003/cin/cin_2024.xml", Census(2024, ("R1", "2023-06-01", ""), ("R1", "2024-01-10", "")));
        folder.Write("E10000003/cin/cin_2025.xml", Census(2025, ("R1", "2024-01-10", "2024-06-30")));

        var result = StatutoryDataLoader.Load([folder.Root]);

        var cin = Assert.Single(result.Councils).Cin!;
        Assert.Equal(2, cin.Referrals.Count);
        Assert.Null(cin.Referrals.ClosureDateAt(0));
        Assert.Equal(new DateOnly(2024, 6, 30), cin.Referrals.ClosureDateAt(1));
        Assert.Equal("cin_2025.xml", Path.GetFileName(cin.Files[cin.Referrals.Source[1].File].Path));
    }

    [Fact]
    public void Load_TwoCouncilFolders_GivesTwoDatasetsThatNeverMix()
    {
        using var folder = new TempFolder();
        folder.Write("E10000003/903/episodes.csv", EpisodesHeader + "1,01/04/2024,S,C2,N1,U1,PR1,,,,,,\n");
        folder.Write("E06000001/903/episodes.csv", EpisodesHeader + "1,01/05/2024,S,C1,N1,U4,PR4,,,,,,\n2,01/06/2024,S,C1,N1,U4,PR4,,,,,,\n");

        var result = StatutoryDataLoader.Load([folder.Root]);

        Assert.Equal(["E06000001", "E10000003"], result.Councils.Select(c => c.CouncilCode));
        Assert.Equal(2, result.Councils[0].Ssda903!.Episodes.Count);
        Assert.Equal(1, result.Councils[1].Ssda903!.Episodes.Count);
        Assert.Equal(new DateOnly(2024, 4, 1), result.Councils[1].Ssda903!.Episodes.DecomAt(0));
    }

    [Fact]
    public void Load_CouncilGiven_PutsEveryFileInThatCouncil()
    {
        using var folder = new TempFolder();
        folder.Write("a/episodes.csv", EpisodesHeader + "1,01/04/2024,S,C2,N1,U1,PR1,,,,,,\n");
        folder.Write("b/more.csv", EpisodesHeader + "2,01/04/2024,S,C2,N1,U1,PR1,,,,,,\n");

        var result = StatutoryDataLoader.Load([folder.Root], new LoadOptions(CouncilCode: "E10000003"));

        Assert.Equal("E10000003", Assert.Single(result.Councils).CouncilCode);
        Assert.Equal(2, result.Councils[0].Ssda903!.Children.Count);
    }

    [Fact]
    public void Load_NoYearInNames_InfersTheYearFromTheLatestEpisodeDate()
    {
        using var folder = new TempFolder();
        folder.Write("data/episodes.csv", EpisodesHeader + "1,01/04/2024,S,C2,N1,U1,PR1,15/03/2025,E13,,,,\n");
        folder.Write("data/oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/06/2005,YES,F2,B1\n");

        var result = StatutoryDataLoader.Load([folder.Root]);

        var data = Assert.Single(result.Councils).Ssda903!;
        Assert.All(data.Files, f => Assert.Equal(2025, f.CollectionYear));
        Assert.Equal(2025, data.Oc3.YearAt(0));
    }

    [Fact]
    public void Load_FilesInMemory_AreNamedByFileNameWithTheYearInItOrFromTheEpisodes()
    {
        var result = StatutoryDataLoader.Load(
            [
                new InputFile("episodes.csv", Encoding.UTF8.GetBytes(EpisodesHeader + "1,01/04/2024,S,C2,N1,U1,PR1,15/03/2025,E13,,,,\n")),
                new InputFile("oc3_2023-24.csv", Encoding.UTF8.GetBytes("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/06/2005,YES,F2,B1\n")),
                new InputFile("junk.csv", [0x00, 0x01]),
            ],
            "E10000003");

        var data = Assert.Single(result.Councils).Ssda903!;
        Assert.Equal("E10000003", data.CouncilCode);
        Assert.Equal([("episodes.csv", 2025), ("oc3_2023-24.csv", 2024)], data.Files.Select(f => (f.Path, f.CollectionYear)));
        Assert.Equal("junk.csv: binary file, not text", Assert.Single(result.Refusals).ToString());
    }

    [Fact]
    public void ReadCouncil_TwoYearsAndACensus_GroupsThemAndGivesEachYearAloneWithTheOneBeforeAndMerged()
    {
        using var folder = new TempFolder();
        folder.Write("E10000003/2024/ep.csv", EpisodesHeader
            + "1,01/01/2022,S,V2,N1,U1,PR1,01/03/2022,E13,,,,\n"
            + "1,01/10/2023,S,C2,N1,U1,PR1,,,,,,\n");
        folder.Write("E10000003/2025/ep.csv", EpisodesHeader
            + "1,01/10/2023,S,C2,N1,U1,PR1,01/05/2024,E11,,,,\n");
        folder.Write("E10000003/cin/cin_2025.xml", Census(2025, ("R1", "2024-01-10", "2024-06-30")));

        var read = StatutoryDataLoader.ReadCouncil("E10000003", [folder.Root]);

        Assert.Empty(read.Refusals);
        Assert.Equal(
            [(StatutoryReturn.Ssda903, 2024, "ep.csv"), (StatutoryReturn.Ssda903, 2025, "ep.csv"), (StatutoryReturn.Cin, 2025, "cin_2025.xml")],
            read.Years.Select(y => (y.Return, y.CollectionYear, Assert.Single(y.Files).Name)));

        // 2025's 903 alone: its one episode, its file named as an upload's.
        var alone = Assert.Single(read.Load(read.Years[1]).Councils).Ssda903!;
        Assert.Equal(1, alone.Episodes.Count);
        Assert.Equal(new DateOnly(2024, 5, 1), alone.Episodes.DecAt(0));
        Assert.Equal([("ep.csv", 2025)], alone.Files.Select(f => (f.Path, f.CollectionYear)));

        // With 2024's before it, named with the prefix: 2024's version of the episode both hold is the one replaced.
        var together = Assert.Single(read.LoadWithPrevious(read.Years[1], read.Years[0], "last/").Councils).Ssda903!;
        Assert.Equal([("last/ep.csv", 2024), ("ep.csv", 2025)], together.Files.Select(f => (f.Path, f.CollectionYear)));
        Assert.Equal(2, together.Episodes.Count);
        Assert.Equal([new Lodestar.Metrics.Records.SourceLocation(0, 3)], together.Replaced!.Episodes.Source.ToArray());

        // Every year merged: the 2022 episode, 2025's version of the other, and the census.
        var merged = read.Merged()!;
        Assert.Equal([new DateOnly(2022, 3, 1), new DateOnly(2024, 5, 1)], [merged.Ssda903!.Episodes.DecAt(0)!.Value, merged.Ssda903.Episodes.DecAt(1)!.Value]);
        Assert.Null(merged.Ssda903.Replaced);
        Assert.Equal(new DateOnly(2024, 6, 30), merged.Cin!.Referrals.ClosureDateAt(0));
    }

    [Fact]
    public void ReadCouncil_NoYearInNames_InfersTheYearFromTheFoldersLatestEpisodeDate()
    {
        using var folder = new TempFolder();
        folder.Write("data/episodes.csv", EpisodesHeader + "1,01/04/2024,S,C2,N1,U1,PR1,15/03/2025,E13,,,,\n");
        folder.Write("data/oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/06/2005,YES,F2,B1\n");

        var read = StatutoryDataLoader.ReadCouncil("E10000003", [folder.Root]);

        var year = Assert.Single(read.Years);
        Assert.Equal((StatutoryReturn.Ssda903, 2025), (year.Return, year.CollectionYear));
        Assert.Equal(["episodes.csv", "oc3.csv"], year.Files.Select(f => f.Name));
        Assert.Equal(2025, Assert.Single(read.Load(year).Councils).Ssda903!.Oc3.YearAt(0));
    }

    [Fact]
    public void ReadCouncil_AnUnreadableFile_IsRefusedByItsPathAndNoYearIsGiven()
    {
        using var folder = new TempFolder();
        folder.Write("E10000003/903/episodes_2025.csv", EpisodesHeader + "1,01/04/2024,S,C2,N1,U1,PR1,,,,,,\n");
        var junk = folder.WriteBytes("E10000003/903/junk.csv", [0x00, 0x01]);

        var read = StatutoryDataLoader.ReadCouncil("E10000003", [folder.Root]);

        Assert.Equal($"{junk}: binary file, not text", Assert.Single(read.Refusals).ToString());
        Assert.Empty(read.Years);
    }

    [Fact]
    public void Load_FileInMemoryOverTheLimit_IsRefusedBeforeReading()
    {
        var result = StatutoryDataLoader.Load([new InputFile("episodes.csv", new byte[11])], "E10000003", limits: new ReadLimits(10));

        Assert.Equal("episodes.csv: file is 11 bytes, over the limit of 10", Assert.Single(result.Refusals).ToString());
        Assert.Empty(result.Councils);
    }

    [Theory]
    [InlineData("2024-25", 2025)]
    [InlineData("ssda903_2023", 2023)]
    public void Load_YearInFolderName_IsTheCollectionYear(string name, int year)
    {
        using var folder = new TempFolder();
        folder.Write($"{name}/episodes.csv", EpisodesHeader + "1,01/04/2020,S,C2,N1,U1,PR1,,,,,,\n");

        var result = StatutoryDataLoader.Load([folder.Root]);

        Assert.Equal(year, Assert.Single(result.Councils).Ssda903!.Files[0].CollectionYear);
    }

    [Fact]
    public void Load_UnreadableFiles_AreRefusedOneLineEachAndTheRestIsRead()
    {
        using var folder = new TempFolder();
        folder.Write("E10000003/episodes.csv", EpisodesHeader + "1,01/04/2024,S,C2,N1,U1,PR1,,,,,,\n");
        folder.Write("E10000003/notes.csv", "NAME,COMMENT\nx,y\n");
        folder.Write("E10000003/other.xml", "<Invoice><Total>1</Total></Invoice>");
        folder.WriteBytes("E10000003/photo.xml", [0xFF, 0xD8, 0xFF, 0x00, 0x10]);
        folder.Write("E10000003/readme.txt", "not searched");

        var result = StatutoryDataLoader.Load([folder.Root, Path.Combine(folder.Root, "missing.csv")]);

        Assert.Equal(1, result.FilesRead);
        Assert.Equal(4, result.Refusals.Count);
        Assert.Contains(result.Refusals, r => r.File!.EndsWith("notes.csv", StringComparison.Ordinal) && r.Message.StartsWith("unrecognised table", StringComparison.Ordinal));
        Assert.Contains(result.Refusals, r => r.File!.EndsWith("other.xml", StringComparison.Ordinal) && r.Message.Contains("Invoice", StringComparison.Ordinal));
        Assert.Contains(result.Refusals, r => r.File!.EndsWith("photo.xml", StringComparison.Ordinal) && r.Message == "binary file, not text");
        Assert.Contains(result.Refusals, r => r.File!.EndsWith("missing.csv", StringComparison.Ordinal) && r.Message == "no such file or folder");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Load_TwoYearsUploads_KeepsLastYearsReplacedEpisodeApartOnlyWhenAsked(bool keepReplaced)
    {
        // The same episode (DECOM 1 June 2023) in the 2024 and 2025 returns: the 2025 version is the history's; the 2024 one is
        // kept apart for the rules across years, unless the data is for the KPI engine alone.
        var episode = Encoding.UTF8.GetBytes(EpisodesHeader + "1,01/06/2023,S,C2,N1,U1,PR1,,,,,,\n");

        var result = StatutoryDataLoader.Load(
            "E10000003",
            [new InputYear(2024, [new InputFile("episodes.csv", episode)]), new InputYear(2025, [new InputFile("episodes.csv", episode)])],
            keepReplaced: keepReplaced);

        var data = Assert.Single(result.Councils).Ssda903!;
        Assert.Equal(1, data.Episodes.Count);
        Assert.Equal(keepReplaced ? 1 : null, data.Replaced?.Episodes.Count);
    }

    private static string Census(int year, params (string Child, string Referral, string Closure)[] referrals)
    {
        var children = string.Concat(referrals.GroupBy(r => r.Child).Select(child =>
            $"<Child><ChildIdentifiers><LAchildID>{child.Key}</LAchildID></ChildIdentifiers>"
            + string.Concat(child.Select(r => $"<CINdetails><CINreferralDate>{r.Referral}</CINreferralDate><CINclosureDate>{r.Closure}</CINclosureDate></CINdetails>"))
            + "</Child>"));
        return $"<Message><Header><CollectionDetails><Year>{year}</Year></CollectionDetails></Header><Children>{children}</Children></Message>";
    }
}
