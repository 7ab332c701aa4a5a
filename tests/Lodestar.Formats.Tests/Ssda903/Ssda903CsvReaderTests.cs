using Lodestar.Formats.Ssda903;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Ssda903;

public sealed class Ssda903CsvReaderTests
{
    private static (Ssda903Data Data, FileReadResult Result, List<Problem> Diagnostics) Read(string text, string path = "any-name.csv")
    {
        var builder = new Ssda903Builder("E10000003");
        var diagnostics = new List<Problem>();
        var result = Ssda903CsvReader.Read(path, text, builder, 2025, diagnostics);
        return (builder.Build(), result, diagnostics);
    }

    [Fact]
    public void Read_EpisodesWithBomCrlfQuotesAndShuffledColumns_ReadsEveryValueAsWritten()
    {
        var text = "\uFEFFLS, CHILD ,DECOM,RNE,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n"
            + "C2,  101 ,01/04/2024,S,N1,U1,PR1,15/09/2024,X1,CARPL,\"AB1 2\",\"CD3, 4\",SC123\r\n"
            + "C2,101,15/09/2024,P,N1,K2,PR4,,,,AB1 2,\"EF\"\"5\",\r\n";

        var (data, result, diagnostics) = Read(text);

        Assert.Null(result.Refusal);
        Assert.Empty(diagnostics);
        var e = data.Episodes;
        Assert.Equal(2, e.Count);
        Assert.Equal("101", data.Children.IdOf(e.Child[0]));
        Assert.Equal(new DateOnly(2024, 4, 1), e.DecomAt(0));
        Assert.Equal(new DateOnly(2024, 9, 15), e.DecAt(0));
        Assert.Equal("S", data.Codes[e.Rne[0]]);
        Assert.Equal("C2", data.Codes[e.Ls[0]]);
        Assert.Equal("PR1", data.Codes[e.PlaceProvider[0]]);
        Assert.Equal("CARPL", data.Codes[e.ReasonPlaceChange[0]]);
        Assert.Equal("CD3, 4", data.Codes[e.PlPost[0]]);
        Assert.Equal("SC123", data.Codes[e.Urn[0]]);
        Assert.Equal("EF\"5", data.Codes[e.PlPost[1]]);
        Assert.Null(e.DecAt(1));
        Assert.Equal(CodeTable.Blank, e.Urn[1]);
        Assert.Equal(new SourceLocation(0, 3), e.Source[1]);
        Assert.Equal(new DateOnly(2024, 9, 15).DayNumber, result.LatestDay);
    }

    [Fact]
    public void Read_QuotedFieldOverTwoLines_KeepsLineNumbersOfLaterRows()
    {
        var text = "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2010,\"02/02/2024\",\"PN\n1\"\n2,01/01/2011,03/03/2024,PN0\n";

        var (data, _, _) = Read(text);

        Assert.Equal("PN\n1", data.Codes[data.Reviews.ReviewCode[0]]);
        Assert.Equal(4, data.Reviews.Source[1].Line);
    }

    [Theory]
    [InlineData("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", "Header")]
    [InlineData("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN", "Episodes")]
    [InlineData("CHILD,DOB,REVIEW,REVIEW_CODE", "Reviews")]
    [InlineData("CHILD,SEX,DOB,DUC", "UASC")]
    [InlineData("CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED", "OC2")]
    [InlineData("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM", "OC3")]
    [InlineData("CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR", "AD1")]
    [InlineData("CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED", "PlacedAdoption")]
    [InlineData("CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", "PrevPerm")]
    [InlineData("CHILD,DOB,MISSING,MIS_START,MIS_END", "Missing")]
    [InlineData("CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", "SWEpisodes")]
    [InlineData("dob, child ,mis_end,MIS_START,missing", "Missing")]
    [InlineData("CHILD,NAME,ADDRESS", null)]
    [InlineData("DECOM,RNE,LS", null)]
    public void IdentifyTable_HeaderRow_NamesTheTable(string header, string? table)
    {
        Assert.Equal(table, Ssda903CsvReader.IdentifyTable(header.Split(',')));
    }

    [Fact]
    public void Read_BadAndImpossibleDates_AreReportedWithPlaceAndKeptAsInvalid()
    {
        var text = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,2010/05/01,WBRI,,,\n2,2,31/02/2012,WBRI,,,\n";

        var (data, _, diagnostics) = Read(text, "header.csv");

        Assert.Equal(2, diagnostics.Count);
        Assert.Equal(new Problem("header.csv", 2, "DOB", "2010/05/01", "DOB should be a date written dd/mm/yyyy") { Rule = "DATE-FORMAT", Severity = Severity.Error }, diagnostics[0]);
        Assert.Equal(("DATE-IMPOSSIBLE", 3, "31/02/2012"), (diagnostics[1].Rule, diagnostics[1].Line, diagnostics[1].Value));
        Assert.Equal(RecordValues.Invalid, data.Header.Dob[0]);
        Assert.Equal(RecordValues.Invalid, data.Header.Dob[1]);
    }

    [Fact]
    public void Read_MissingAndUnknownColumns_AreWarnedAndMissingValuesBlank()
    {
        var text = "CHILD,DECOM,RNE,LS,PLACE,FAVOURITE_COLOUR\n1,01/04/2024,S,C2,U1,blue\n";

        var (data, _, diagnostics) = Read(text);

        Assert.Contains(diagnostics, d => d is { Rule: "COLUMN-UNKNOWN", Column: "FAVOURITE_COLOUR", Severity: Severity.Warning });
        Assert.Contains(diagnostics, d => d is { Rule: "COLUMN-MISSING", Column: "REC", Severity: Severity.Warning });
        Assert.Equal(CodeTable.Blank, data.Episodes.Rec[0]);
        Assert.Equal("U1", data.Codes[data.Episodes.Place[0]]);
    }

    [Fact]
    public void Read_BlankChild_IsAnErrorAndTheRowIsNotRead()
    {
        var (data, _, diagnostics) = Read("CHILD,DOB,REVIEW,REVIEW_CODE\n ,01/01/2010,02/02/2024,PN1\n");

        Assert.Equal(0, data.Reviews.Count);
        Assert.Equal("CHILD-BLANK", Assert.Single(diagnostics).Rule);
    }

    [Fact]
    public void Read_UnterminatedQuote_IsRefusedAndNothingIsKept()
    {
        var builder = new Ssda903Builder("E10000003");
        var diagnostics = new List<Problem>();

        var result = Ssda903CsvReader.Read("e.csv", "CHILD,DECOM,RNE,LS\n1,01/04/2024,S,C2\n2,\"01/04/2024,S,C2\n", builder, 2025, diagnostics);

        Assert.Equal(Problem.InFile("e.csv", "unterminated quoted field starting on line 3"), result.Refusal);
        var data = builder.Build();
        Assert.Equal(0, data.Episodes.Count);
        Assert.Equal(0, data.Children.Count);
        Assert.Empty(data.Files);
    }

    [Fact]
    public void Read_UnrecognisedHeader_IsRefusedWithOneMessage()
    {
        var (_, result, _) = Read("NAME,AGE\nx,1\n");

        Assert.StartsWith("unrecognised table", result.Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BinaryFile_IsRefused()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("episodes.csv", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14]);

        var result = Ssda903CsvReader.Read(path, new Ssda903Builder("E10000003"), 2025, []);

        Assert.Equal("binary file, not text", result.Refusal?.Message);
    }

    [Fact]
    public void Read_FileOverTheSizeLimit_IsRefusedBeforeReading()
    {
        using var folder = new TempFolder();
        var path = folder.Write("episodes.csv", "CHILD,DECOM,RNE,LS\n1,01/04/2024,S,C2\n");

        var result = Ssda903CsvReader.Read(path, new Ssda903Builder("E10000003"), 2025, [], new ReadLimits(10));

        Assert.StartsWith("file is 37 bytes, over the limit of 10", result.Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Oc3WithoutYearColumn_TakesTheReturnsYear()
    {
        var (data, _, _) = Read("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/06/2005,YES,F2,B1\n");

        Assert.Equal(2025, data.Oc3.YearAt(0));
    }
}
