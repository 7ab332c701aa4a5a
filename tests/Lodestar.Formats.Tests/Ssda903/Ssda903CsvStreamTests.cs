using System.Text;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Ssda903;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Ssda903;

/// <summary>
/// The 903 CSV read as it streams (issue 14): the same rows, values, lines and messages as the whole text
/// gives, wherever the stream's blocks and the reader's window happen to split the rows.
/// </summary>
public sealed class Ssda903CsvStreamTests
{
    private const string Reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n";

    public static TheoryData<string> Texts => new(
        "\uFEFFLS, CHILD ,DECOM,RNE,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n"
            + "C2,  101 ,01/04/2024,S,N1,U1,PR1,15/09/2024,X1,CARPL,\"AB1 2\",\"CD3, 4\",SC123\r\n"
            + "C2,101,15/09/2024,P,N1,K2,PR4,,,,AB1 2,\"EF\"\"5\",\r\n",
        Reviews + "1,01/01/2010,\"02/02/2024\",\"PN\n1\"\n\n2,01/01/2011,03/03/2024,PN0\r\n3,01/01/2012,2024-03-03,PN0,extra\n ,01/01/2010,02/02/2024,PN1",
        "CHILD,DECOM,RNE,LS\n1,01/04/2024,S,C2\n2,\"01/04/2024,S,C2\n",
        "CHILD,DECOM,RNE,LS\n1,\"01/04/2024\" x,S,C2\n",
        "NAME,AGE\nx,1\n",
        string.Empty);

    [Theory]
    [MemberData(nameof(Texts))]
    public void Read_StreamInBlocksOfAnySize_GivesWhatTheWholeTextGives(string text)
    {
        var expected = FromText(text);

        foreach (var block in (int[])[1, 2, 3, 7, 64, 4096])
        {
            var actual = FromStream(Encoding.UTF8.GetBytes(text), block);

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Read_RowsPastTheWindowAndALongQuotedField_AreReadWhole()
    {
        // 3,000 rows (about 90 KB: several windows of 32 K characters) and one field of 50,000 characters.
        var text = new StringBuilder(Reviews);
        for (var i = 0; i < 3000; i++)
        {
            text.Append(i).Append(",01/01/2010,02/02/2024,PN").Append(i % 10).Append('\n');
        }

        var longCode = new string('x', 50_000);
        text.Append("last,01/01/2010,02/02/2024,\"").Append(longCode).Append("\"\n");

        var (data, result, diagnostics) = Read(Encoding.UTF8.GetBytes(text.ToString()), 1000);

        Assert.Null(result.Refusal);
        Assert.Empty(diagnostics);
        Assert.Equal(3001, data.Reviews.Count);
        Assert.Equal("2999", data.Children.IdOf(data.Reviews.Child[2999]));
        Assert.Equal(3001, data.Reviews.Source[2999].Line);
        Assert.Equal("PN9", data.Codes[data.Reviews.ReviewCode[2999]]);
        Assert.Equal(longCode, data.Codes[data.Reviews.ReviewCode[3000]]);
    }

    [Fact]
    public void Read_ByteNotUtf8AfterTheFirstWindow_ReadsTheWholeFileAgainAsLatin1()
    {
        // 40 KB of rows read as UTF-8, then 0xE9 (é in Latin-1, invalid in UTF-8): the file is read again from the
        // start, once, as Latin-1, as a whole file's decoding would; no row is kept twice.
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(Reviews));
        for (var i = 0; i < 1300; i++)
        {
            bytes.AddRange(Encoding.ASCII.GetBytes($"{i},01/01/2010,02/02/2024,PN1\n"));
        }

        bytes.AddRange([.. Encoding.ASCII.GetBytes("caf"), 0xE9, .. Encoding.ASCII.GetBytes(",01/01/2010,02/02/2024,PN1\n")]);

        var (data, result, diagnostics) = Read([.. bytes], 4096);

        Assert.Null(result.Refusal);
        Assert.Empty(diagnostics);
        Assert.Equal(1301, data.Reviews.Count);
        Assert.Equal(1301, data.Children.Count);
        Assert.Equal("café", data.Children.IdOf(data.Reviews.Child[1300]));
        Assert.Single(data.Files);
    }

    [Fact]
    public void Read_Utf8WithBom_ReadsTheFirstColumnByItsName()
    {
        var (data, result, _) = Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Reviews + "Zoë,01/01/2010,02/02/2024,PN1\n")], 2);

        Assert.Null(result.Refusal);
        Assert.Equal("Zoë", data.Children.IdOf(data.Reviews.Child[0]));
    }

    private static (Ssda903Data Data, FileReadResult Result, List<Problem> Diagnostics) Read(byte[] bytes, int block)
    {
        var builder = new Ssda903Builder("E10000003");
        var diagnostics = new List<Problem>();
        var result = Ssda903CsvReader.Read("r.csv", new Blocks(bytes, block), builder, 2025, diagnostics);
        return (builder.Build(), result, diagnostics);
    }

    private static string FromText(string text)
    {
        var builder = new Ssda903Builder("E10000003");
        var diagnostics = new List<Problem>();
        var result = Ssda903CsvReader.Read("r.csv", text, builder, 2025, diagnostics);
        return Describe(builder.Build(), result, diagnostics);
    }

    private static string FromStream(byte[] bytes, int block)
    {
        var (data, result, diagnostics) = Read(bytes, block);
        return Describe(data, result, diagnostics);
    }

    // Everything the reader produced, written out: refusal, problems, and every row of the tables these texts fill.
    private static string Describe(Ssda903Data data, FileReadResult result, List<Problem> diagnostics)
    {
        var text = new StringBuilder();
        text.AppendLine($"refusal {result.Refusal} latest {result.LatestDay} files {data.Files.Count} children {data.Children.Count}");
        diagnostics.ForEach(d => text.AppendLine(d.ToString()));
        var e = data.Episodes;
        for (var i = 0; i < e.Count; i++)
        {
            text.AppendLine($"E {data.Children.IdOf(e.Child[i])} {e.Decom[i]} {e.Dec[i]} {data.Codes[e.Rne[i]]} {data.Codes[e.Ls[i]]} {data.Codes[e.PlPost[i]]} {data.Codes[e.Urn[i]]} {e.Source[i]}");
        }

        var r = data.Reviews;
        for (var i = 0; i < r.Count; i++)
        {
            text.AppendLine($"R {data.Children.IdOf(r.Child[i])} {r.Review[i]} {data.Codes[r.ReviewCode[i]]} {r.Source[i]}");
        }

        return text.ToString();
    }

    /// <summary>A seekable stream that gives at most <c>block</c> bytes a read, as a disk or a network may.</summary>
    private sealed class Blocks(byte[] bytes, int block) : MemoryStream(bytes, writable: false)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, block)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, block));
    }
}
