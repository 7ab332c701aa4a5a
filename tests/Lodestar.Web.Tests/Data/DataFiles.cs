using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Lodestar.Web.Tests.Data;

/// <summary>Hand-made 903 files and zips for the Data page's tests, and posting them as the page's form does.</summary>
internal static partial class DataFiles
{
    public const string Council = "E10000003";

    public const string DataPage = "/councils/E10000003/data";

    /// <summary>The Data page of <paramref name="council"/>.</summary>
    public static string DataPageOf(string council) => $"/councils/{council}/data";

    public const string HeaderHead = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";

    public const string PrevPermHead = "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n";

    public const string EpisodesHead = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    /// <summary>A 2025 903 return: each child looked after from 1 April 2024, still looked after at 31 March 2025.</summary>
    public static List<(string Name, byte[] Content)> Return903(params string[] children) =>
    [
        ("header_2025.csv", Encoding.UTF8.GetBytes(HeaderHead + string.Concat(children.Select((c, i) => $"{c},M,01/01/2012,WBRI,A1234567890{i + 10},,\n")))),
        ("episodes_2025.csv", Encoding.UTF8.GetBytes(EpisodesHead + string.Concat(children.Select(c => $"{c},01/04/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n")))),

        // Each child starts care in the year: its previous permanence option (none) is part of the return (DfE 630).
        ("prev_perm_2025.csv", Encoding.UTF8.GetBytes(PrevPermHead + string.Concat(children.Select(c => $"{c},01/01/2012,Z1,,\n")))),
    ];

    /// <summary>The same return with the second episode's DEC (line 3 of episodes_2025.csv) not a date: <paramref name="badDate"/>.</summary>
    public static List<(string Name, byte[] Content)> Return903WithBadDate(string badDate) =>
    [
        ("header_2025.csv", Encoding.UTF8.GetBytes(HeaderHead + "C1,M,01/01/2012,WBRI,A123456789012,,\nC2,M,01/01/2012,WBRI,A123456789013,,\n")),
        ("episodes_2025.csv", Encoding.UTF8.GetBytes(EpisodesHead
            + "C1,01/04/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n"
            + $"C2,01/04/2024,S,C2,N1,U4,PR1,\"{badDate.Replace("\"", "\"\"", StringComparison.Ordinal)}\",,,AB1 2CD,EF3 4GH,SC123456\n")),
    ];

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>The antiforgery token of a page's form.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string address, CancellationToken cancellationToken)
    {
        var page = await client.GetStringAsync(new Uri(address, UriKind.Relative), cancellationToken);
        return Token().Match(page).Groups[1].Value;
    }

    /// <summary>Posts files to the council's Data page as its upload form does (the redirect to the report followed).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<(string Name, byte[] Content)> files, CancellationToken cancellationToken, string page = DataPage)
    {
        // A viewer's page has no form: the token of the sign-out form serves as well.
        var token = await TokenAsync(client, page, cancellationToken);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "Files", name);
        }

        return await client.PostAsync(new Uri(page, UriKind.Relative), form, cancellationToken);
    }

    /// <summary>Posts a step (Confirm, Discard, RollBack) of a submission.</summary>
    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, long id, string handler, CancellationToken cancellationToken, string page = DataPage)
    {
        var address = $"{page}/submissions/{id}";
        var token = await TokenAsync(client, address, cancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri($"{address}?handler={handler}", UriKind.Relative), form, cancellationToken);
    }

    /// <summary>The submission id of a check report's address.</summary>
    public static long IdOf(HttpResponseMessage response) =>
        long.Parse(SubmissionId().Match(response.RequestMessage!.RequestUri!.AbsolutePath).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("/submissions/([0-9]+)$")]
    private static partial Regex SubmissionId();
}
