using System.Net;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Security;

/// <summary>The Users page's grant forms, posted as an administrator: stored, audited under the admin's name, refused for others.</summary>
public sealed class CouncilGrantsAdminTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UsersPage_GrantAllCouncilsAndRevoke_AreStoredAndAuditedUnderTheAdminsName()
    {
        await using var app = await RunningApp.StartAsync();
        await app.CreateUserAsync("ann", TestGrants.None, Roles.Viewer);
        var (admin, client) = await app.SignedInUserAsync(TestGrants.None, Roles.Admin);
        using var _ = client;

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "Grant", ("grantUser", "ann"), ("grantCouncil", "E10000003"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "AllCouncils", ("user", "ann"), ("all", "true"))).Status);
        var page = await client.GetStringAsync(new Uri("/admin/users", UriKind.Relative), Cancel);
        Assert.Contains("All councils", page, StringComparison.Ordinal);
        Assert.Contains("Cambridgeshire (E10000003)", page, StringComparison.Ordinal);
        await PostAsync(client, "AllCouncils", ("user", "ann"), ("all", "false"));
        await PostAsync(client, "Revoke", ("user", "ann"), ("council", "E10000003"));
        var unknown = await PostAsync(client, "Grant", ("grantUser", "ann"), ("grantCouncil", ""));

        Assert.Contains("Choose a council", unknown.Body, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LodestarDbContext>();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<CouncilGrants>().AllowedAsync("ann", Cancel));
        var entries = await db.Set<AuditEventEntity>()
            .Where(e => e.Action == AuditActions.CouncilsGranted || e.Action == AuditActions.CouncilsRevoked).Where(e => e.Actor == admin)
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.Subject, e.Details }).ToListAsync(Cancel);
        Assert.Equal(
            [
                (AuditActions.CouncilsGranted, "user ann", "E10000003"),
                (AuditActions.CouncilsGranted, "user ann", "all councils"),
                (AuditActions.CouncilsRevoked, "user ann", "all councils"),
                (AuditActions.CouncilsRevoked, "user ann", "E10000003"),
            ],
            entries.Select(e => (e.Action, e.Subject, e.Details!)));
    }

    [Fact]
    public async Task UsersPage_GrantPostedByANonAdmin_IsDeniedAndStoresNothing()
    {
        await using var app = await RunningApp.StartAsync();
        await app.CreateUserAsync("ann", TestGrants.None, Roles.Viewer);
        var (_, viewer) = await app.SignedInUserAsync(TestGrants.All, Roles.Viewer, Roles.Manager);
        using var __ = viewer;
        // The viewer's own antiforgery token, from the sign-out form every page carries.
        var token = Token(await viewer.GetStringAsync(new Uri("/kpis", UriKind.Relative), Cancel));
        Assert.NotEmpty(token);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grantUser"] = "ann", ["grantCouncil"] = "E10000003", ["__RequestVerificationToken"] = token,
        });

        using var response = await viewer.PostAsync(new Uri("/admin/users?handler=Grant", UriKind.Relative), content, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // the "no access" page, as a 403
        using var scope = app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<CouncilGrants>().AllowedAsync("ann", Cancel));
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string handler, params (string Name, string Value)[] fields)
    {
        var token = Token(await client.GetStringAsync(new Uri("/admin/users", UriKind.Relative), Cancel));
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        using var response = await client.PostAsync(new Uri($"/admin/users?handler={handler}", UriKind.Relative), content, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private static string Token(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
}
