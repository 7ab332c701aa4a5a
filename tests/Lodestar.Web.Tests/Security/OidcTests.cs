using System.Net;
using System.Security.Claims;
using Lodestar.Data;
using Lodestar.Data.Security;
using Lodestar.Testing;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lodestar.Web.Tests.Security;

/// <summary>Optional OpenID Connect sign-in: registered only by configuration, and mapped to enabled local users by one claim, without a real provider.</summary>
public sealed class OidcTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoConfiguration_RegistersNoOidcScheme_ConfiguredRegistersIt()
    {
        var none = await SchemeAsync(new Dictionary<string, string?> { ["Lodestar:Security:Oidc:ClientId"] = "lodestar" });
        var configured = await SchemeAsync(new Dictionary<string, string?>
        {
            ["Lodestar:Security:Oidc:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
            ["Lodestar:Security:Oidc:ClientId"] = "lodestar",
            ["Lodestar:Security:Oidc:DisplayName"] = "Council account",
        });

        Assert.Null(none);
        Assert.Equal("Council account", configured!.DisplayName);
    }

    [Theory]
    [InlineData("Ann@Council.gov.uk", null)]
    [InlineData("ben@council.gov.uk", "disabled")]
    [InlineData("nobody@council.gov.uk", "no Lodestar account for nobody@council.gov.uk")]
    [InlineData("<b>ann</b>", "not one Lodestar can use")]
    [InlineData(null, "no 'preferred_username' claim")]
    public async Task FindLocalUser_ByTheConfiguredClaim_FindsOnlyAnEnabledUser(string? claimValue, string? refusal)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await TestUsers.AddAsync(db, "ann@council.gov.uk", null, Roles.Viewer, Roles.Editor);
        await TestUsers.AddAsync(db, "ben@council.gov.uk", null, Roles.Viewer);
        (await db.Set<UserEntity>().SingleAsync(u => u.UserName == "ben@council.gov.uk", Cancel)).IsActive = false;
        await db.SaveChangesAsync(Cancel);
        var users = LodestarUserManager.Create(db, TimeProvider.System);
        // The provider's token may claim roles: only the local user's count.
        var claims = new List<Claim> { new("roles", Roles.Admin), new("email", "someone@else.example") };
        if (claimValue is not null)
        {
            claims.Add(new Claim("preferred_username", claimValue));
        }

        var found = await OidcSignIn.FindLocalUserAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc")), "preferred_username", users);

        if (refusal is null)
        {
            Assert.Equal("ann@council.gov.uk", found.Value.UserName);
            Assert.Equal(["editor", "viewer"], await users.GetRolesAsync(found.Value));
        }
        else
        {
            Assert.False(found.Succeeded);
            Assert.Contains(refusal, Assert.Single(found.Problems).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ConfiguredApp_OffersTheProvider_AndItsCallbackSignsInOnlyAnEnabledLocalUser()
    {
        await using var app = await RunningApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Lodestar:Security:Oidc:Authority"] = "https://login.example.invalid/tenant/v2.0",
                ["Lodestar:Security:Oidc:ClientId"] = "lodestar",
                ["Lodestar:Security:Oidc:DisplayName"] = "Council account",
            },
            // Stands in for the provider's answer: the external cookie the OIDC handler would set after /signin-oidc.
            extraEndpoints: web => web.MapGet("/test/external/{name}", async (HttpContext context, string name) =>
            {
                var identity = new ClaimsIdentity([new Claim("preferred_username", name), new Claim("roles", Roles.Admin)], OidcSettings.Scheme);
                await context.SignInAsync(IdentityConstants.ExternalScheme, new ClaimsPrincipal(identity));
            }).AllowAnonymous());
        var userName = await app.CreateUserAsync("ann@council.gov.uk", Roles.Viewer);

        var page = await app.Client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative), Cancel);
        var (known, knownAdmin) = await CallbackAsync(app, "Ann@Council.gov.uk");
        var (unknown, _) = await CallbackAsync(app, "nobody@council.gov.uk");

        Assert.Contains("Sign in with Council account", page, StringComparison.Ordinal);
        var form = page[page.IndexOf("action=\"/account/external\"", StringComparison.Ordinal)..];
        Assert.Contains("__RequestVerificationToken", form[..form.IndexOf("</form>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, true), (known.Status, known.SignedIn));
        Assert.Contains($"Sign out {userName}", known.Frameworks, StringComparison.Ordinal);
        // The provider's "roles" claim gave nothing: the local user is a viewer.
        Assert.Equal(HttpStatusCode.Forbidden, knownAdmin);
        Assert.Equal((HttpStatusCode.Forbidden, false), (unknown.Status, unknown.SignedIn));
        Assert.Contains("There is no Lodestar account for nobody@council.gov.uk", unknown.Body, StringComparison.Ordinal);
    }

    private static async Task<((HttpStatusCode Status, bool SignedIn, string Body, string Frameworks) Callback, HttpStatusCode Admin)> CallbackAsync(RunningApp app, string name)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.Address };
        using var external = await client.GetAsync(new Uri($"/test/external/{Uri.EscapeDataString(name)}", UriKind.Relative), Cancel);
        using var callback = await client.GetAsync(new Uri("/account/external?handler=callback", UriKind.Relative), Cancel);
        var body = await callback.Content.ReadAsStringAsync(Cancel);
        var signedIn = cookies.GetCookies(app.Address)["lodestar"] is not null;
        var frameworks = await client.GetStringAsync(new Uri("/frameworks", UriKind.Relative), Cancel);
        using var admin = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancel);
        return ((callback.StatusCode, signedIn, body, frameworks), admin.StatusCode);
    }

    private static async Task<AuthenticationScheme?> SchemeAsync(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders());
        services.AddLodestarOidc(services.AddAuthentication(), configuration);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OidcSettings.Scheme);
    }
}
