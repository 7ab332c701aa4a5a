using System.Net;
using System.Net.Http.Json;
using Lodestar.Data.Security;
using Lodestar.Web.Tests.Frameworks;

namespace Lodestar.Web.Tests.Packs;

/// <summary>The pack's download route of /api/v1 and its web page, on one app with the Children's Trust schedule imported.</summary>
public sealed partial class PackWebTests(ImportedFrameworkTestData shared) : IClassFixture<ImportedFrameworkTestData>
{
    private const string Route = "/api/v1/frameworks/" + FrameworkTestData.FrameworkId + "/packs/";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Download_EachFormat_GrantedViewer_GetsTheFileOfThatType()
    {
        var client = await shared.App.SignedInClientAsync(Roles.Viewer);

        var pdf = await client.GetAsync(Route + "873/2025?format=pdf", Cancel);
        var xlsx = await client.GetAsync(Route + "E10000003/2025?format=xlsx&public=true", Cancel);
        var html = await client.GetAsync(Route + "E10000003/2025?format=html", Cancel);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (pdf.StatusCode, xlsx.StatusCode, html.StatusCode));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", await pdf.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal($"pack-{FrameworkTestData.FrameworkId}-E10000003-2025-public.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Contains("<h1 class=\"govuk-heading-l\">", await html.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_UngrantedCouncilOrUnknownFramework_Answers404_BadFormat400_Anonymous401()
    {
        var (_, other) = await shared.App.SignedInUserAsync(TestGrants.Of("E06000001"), Roles.Viewer);
        var granted = await shared.App.SignedInClientAsync(Roles.Viewer);

        var ungranted = await other.GetAsync(Route + "E10000003/2025?format=pdf", Cancel);
        var unknown = await granted.GetAsync("/api/v1/frameworks/no-such/packs/E10000003/2025?format=pdf", Cancel);
        var badFormat = await granted.GetAsync(Route + "E10000003/2025?format=docx", Cancel);
        var anonymous = await shared.App.Client.GetAsync(Route + "E10000003/2025?format=pdf", Cancel);

        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized),
            (ungranted.StatusCode, unknown.StatusCode, badFormat.StatusCode, anonymous.StatusCode));
    }

    [Fact]
    public async Task PackPage_GrantedViewer_ShowsThePackWithItsDownloads_UngrantedGets404()
    {
        var (_, other) = await shared.App.SignedInUserAsync(TestGrants.Of("E06000001"), Roles.Viewer);
        var granted = await shared.App.SignedInClientAsync(Roles.Viewer);
        const string Page = "/packs/view?framework=" + FrameworkTestData.FrameworkId + "&council=E10000003&year=2025";

        var page = await granted.GetStringAsync(Page, Cancel);
        var denied = await other.GetAsync(Page, Cancel);
        var list = await granted.GetStringAsync("/packs", Cancel);

        Assert.Contains("Measures by outcome", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Route}E10000003/2025?format=pdf\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Contains($"<option value=\"{FrameworkTestData.FrameworkId}\">", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commentary_EditorSaves_PackPrintsTheNewestHistoryKeepsBoth_ViewerIsRefused()
    {
        // 2024: a year the other tests of this class do not read, so this write changes nothing they assert.
        var editor = await shared.App.SignedInClientAsync(Roles.Viewer, Roles.Editor);
        var viewer = await shared.App.SignedInClientAsync(Roles.Viewer);
        const string Route = "/api/v1/councils/E10000003/commentary/" + FrameworkTestData.CppTwoYears + "/2024";

        var first = await editor.PostAsJsonAsync(Route, new { text = "Plans now reviewed at 18 months." }, Cancel);
        var second = await editor.PostAsJsonAsync(Route, new { text = "Reviews at 18 months are in place." }, Cancel);
        var empty = await editor.PostAsJsonAsync(Route, new { text = " " }, Cancel);
        var refused = await viewer.PostAsJsonAsync(Route, new { text = "Viewer's words." }, Cancel);
        var history = await viewer.GetStringAsync(Route, Cancel);
        var pack = await viewer.GetStringAsync("/api/v1/frameworks/" + FrameworkTestData.FrameworkId + "/packs/E10000003/2024?format=html", Cancel);

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden),
            (first.StatusCode, second.StatusCode, empty.StatusCode, refused.StatusCode));
        Assert.True(history.IndexOf("Reviews at 18 months", StringComparison.Ordinal) < history.IndexOf("Plans now reviewed", StringComparison.Ordinal));
        Assert.Contains("<td class=\"govuk-table__cell\">Reviews at 18 months are in place.<br><span class=\"govuk-body-s\">", pack, StringComparison.Ordinal);
        Assert.DoesNotContain("Plans now reviewed", pack, StringComparison.Ordinal);
    }
}
