using System.Net;
using System.Text;
using Lodestar.Data.Returns;
using Lodestar.Data.Security;
using Microsoft.EntityFrameworkCore;
using static Lodestar.Web.Tests.Data.DataFiles;
using static Lodestar.Web.Tests.Data.DataPageTests;

namespace Lodestar.Web.Tests.Data;

/// <summary>
/// Uploads the Data page refuses: hostile files and zips, and a viewer's upload. Nothing is stored by any of them,
/// so they share one app (a class's tests run one after another): each still finds no submission and no import
/// in its database, which any one of them storing something would break.
/// </summary>
public sealed class DataPageRefusalTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_Viewer_IsDeniedAndStoresNothing()
    {
        var app = shared.App;
        using var viewer = await app.SignedInClientAsync(Roles.Viewer);

        using var response = await UploadAsync(viewer, Return903("C1"), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // the "no access" page, as a 403
        await using var db = Open(app);
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
    }

    public static TheoryData<string, byte[], string> HostileZips => new()
    {
        { "traversal", Zip(("header_2025.csv", Return903("C1")[0].Content), ("../../episodes_2025.csv", Return903("C1")[1].Content)), "path traversal" },
        { "bomb", Zip(("episodes_2025.csv", new byte[20 * 1024 * 1024])), "zip bomb" },
        { "nested", Zip(("inner.zip", Zip(("header_2025.csv", Return903("C1")[0].Content)))), "itself a zip" },
    };

    [Theory]
    [MemberData(nameof(HostileZips))]
    public async Task Upload_HostileZip_IsRefusedInTheErrorSummaryAndStoresNothing(string what, byte[] zip, string message)
    {
        var app = shared.App;
        using var editor = await app.SignedInClientAsync(Roles.Editor);

        using var response = await UploadAsync(editor, [($"{what}.zip", zip)], Cancel);

        Assert.Equal((HttpStatusCode.OK, DataPage), (response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        Assert.Contains($"{what}.zip", page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored", page, StringComparison.Ordinal);
        await using var db = Open(app);
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
        Assert.Empty(await ImportAuditAsync(db));
    }

    public static TheoryData<string, byte[], string> HostileFiles => new()
    {
        { "cin_2025.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Message>&e;</Message>"), "DTD" },
        { "bomb_2025.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Message>&b;</Message>"), "DTD" },
        { "truncated_2025.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Message><Header><Collection>CIN</Collection>"), "truncated" },
        { "junk_2025.csv", [0x00, 0x01, 0xFF, 0xFE, 0x00, 0x50, 0x4B], "binary" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Upload_HostileFile_IsRefusedInTheErrorSummaryAndStoresNothing(string name, byte[] content, string message)
    {
        var app = shared.App;
        using var editor = await app.SignedInClientAsync(Roles.Editor);

        using var response = await UploadAsync(editor, [(name, content)], Cancel);

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", page, StringComparison.Ordinal);
        await using var db = Open(app);
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
        Assert.Empty(await ImportAuditAsync(db));
    }
}
