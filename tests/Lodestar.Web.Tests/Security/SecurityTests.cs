using System.Net;

namespace Lodestar.Web.Tests.Security;

/// <remarks>One app for the class, with no user: no test here creates one.</remarks>
public sealed class SecurityTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/admin/audit")]
    [InlineData("/admin/users")]
    public async Task ProtectedPage_Anonymous_RedirectsToSignIn(string path)
    {
        var app = shared.App;
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyResponse_CarriesSecurityHeaders()
    {
        var app = shared.App;

        using var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstStart_NoUsers_WritesASetupCodeFileAndNoDefaultAccountWorks()
    {
        var app = shared.App;

        Assert.Matches("^[0-9a-f]{24}$", app.SetupCode);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = "admin" });
        using var signIn = await app.Client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content, Cancel);
        Assert.NotEqual(HttpStatusCode.OK, signIn.StatusCode); // no anti-forgery token, no account: refused either way
    }

    [Fact]
    public async Task UnknownPage_SignedOut_IsAPlainNotFoundPage()
    {
        var app = shared.App;

        using var response = await app.Client.GetAsync(new Uri("/no-such-page", UriKind.Relative), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        // Signed out, an unknown address first meets the sign-in requirement, like any protected page.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign in", body, StringComparison.Ordinal);
    }
}
