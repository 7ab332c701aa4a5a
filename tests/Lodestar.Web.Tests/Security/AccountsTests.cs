using System.Net;
using System.Text.RegularExpressions;
using Lodestar.Data.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Security;

/// <summary>
/// Access revocable at once: disable, roles, sign-out, reset links and the password page (docs/web.md, "Accounts").
/// Each test works on users of its own, so they share one app; a test that needs other settings or no users at all
/// starts its own.
/// </summary>
public sealed partial class AccountsTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string NewPassword = "kettle violin marmalade";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Header_SignedIn_LinksToChangePassword_SignedOut_DoesNot()
    {
        var app = shared.App;
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        var signedIn = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
        var signedOut = await app.Client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Contains("href=\"/account/password\"", signedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/account/password\"", signedOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_WithAThirtySecondCheck_EndsTheSessionOnceTheIntervalHasPassed()
    {
        var clock = new StepClock(DateTimeOffset.UtcNow);
        await using var app = await RunningApp.StartAsync(
            new Dictionary<string, string?> { ["Lodestar:Security:SessionCheckSeconds"] = "30" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        var (userName, client) = await app.SignedInUserAsync(TestGrants.All, Roles.Viewer);
        Assert.Equal("/frameworks", await PathAfterGetAsync(client, "/frameworks"));

        await DisableAsync(app, userName);
        var withinInterval = await PathAfterGetAsync(client, "/frameworks");
        clock.Now += TimeSpan.FromSeconds(31);
        var afterInterval = await PathAfterGetAsync(client, "/frameworks");

        Assert.Equal("/frameworks", withinInterval);
        Assert.Equal("/account/sign-in", afterInterval);
    }

    [Fact]
    public async Task Disable_OnTheUsersPage_EndsTheSessionAtTheNextRequest_AndIsAudited()
    {
        var app = shared.App;
        var (userName, client) = await app.SignedInUserAsync(TestGrants.All, Roles.Viewer);
        var (adminName, admin) = await app.SignedInUserAsync(TestGrants.All, Roles.Admin);
        Assert.Equal("/frameworks", await PathAfterGetAsync(client, "/frameworks"));

        using var disabled = await PostFormAsync(admin, "/admin/users", "/admin/users?handler=Active", new() { ["user"] = userName, ["active"] = "false" });

        Assert.Equal("/admin/users", disabled.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/sign-in", await PathAfterGetAsync(client, "/frameworks"));
        Assert.Null(await app.SignInClientAsync(userName, RunningApp.TestPassword));
        var audit = await admin.GetStringAsync(new Uri("/admin/audit", UriKind.Relative), Cancel);
        Assert.Contains("user-disabled", audit, StringComparison.Ordinal);
        Assert.Contains(adminName, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleChange_EndsTheSession_AndTheNewRolesCountAfterSigningInAgain()
    {
        var app = shared.App;
        var (userName, client) = await app.SignedInUserAsync(TestGrants.All, Roles.Admin);
        Assert.Equal("/admin/audit", await PathAfterGetAsync(client, "/admin/audit"));

        using (var scope = app.Services.CreateScope())
        {
            _ = (await scope.ServiceProvider.GetRequiredService<UserAccounts>().SetRolesAsync("test", userName, [Roles.Viewer], Cancel)).Value;
        }

        Assert.Equal("/account/sign-in", await PathAfterGetAsync(client, "/admin/audit"));
        using var again = (await app.SignInClientAsync(userName, RunningApp.TestPassword))!;
        using var denied = await again.GetAsync(new Uri("/admin/audit", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task CopiedCookie_AfterSignOut_IsRefused()
    {
        var app = shared.App;
        var userName = await app.CreateUserAsync("dora", Roles.Viewer);
        var signedIn = new CookieContainer();
        using var client = (await app.SignInClientAsync(userName, RunningApp.TestPassword, signedIn))!;
        var cookies = new CookieContainer();
        cookies.Add(app.Address, new Cookie("lodestar", signedIn.GetCookies(app.Address)["lodestar"]!.Value));
        using var copy = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.Address };
        Assert.Equal("/frameworks", await PathAfterGetAsync(copy, "/frameworks"));

        using var signedOut = await PostFormAsync(client, "/frameworks", "/account/sign-out", []);

        Assert.Equal("/account/sign-in", await PathAfterGetAsync(copy, "/frameworks"));
        Assert.NotNull(await app.SignInClientAsync(userName, RunningApp.TestPassword));
    }

    [Fact]
    public async Task ResetLink_FromTheUsersPage_SetsAPasswordOnce()
    {
        var app = shared.App;
        var userName = await app.CreateUserAsync("bob", Roles.Viewer);
        using var admin = await app.SignedInClientAsync(Roles.Admin);

        using var issued = await PostFormAsync(admin, "/admin/users", "/admin/users?handler=Reset", new() { ["user"] = userName });
        var link = ResetLinkPattern().Match(await issued.Content.ReadAsStringAsync(Cancel)).Value;
        using var anonymous = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };
        var form = await anonymous.GetStringAsync(new Uri(link, UriKind.Relative), Cancel);
        using var weak = await PostFormAsync(anonymous, link, link, new() { ["NewPassword"] = "aaaaaaaaaaaa", ["ConfirmPassword"] = "aaaaaaaaaaaa" });
        using var set = await PostFormAsync(anonymous, link, link, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        using var reused = await anonymous.GetAsync(new Uri(link, UriKind.Relative), Cancel);

        Assert.Contains("Set a new password for bob", form, StringComparison.Ordinal);
        Assert.Contains("repeated or sequential", await weak.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("/account/sign-in", set.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        Assert.Contains("This link does not work", await reused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Null(await app.SignInClientAsync(userName, RunningApp.TestPassword));
        Assert.NotNull(await app.SignInClientAsync(userName, NewPassword));
    }

    [Fact]
    public async Task PasswordPage_ChangesThePassword_AndEndsOtherSessions()
    {
        var app = shared.App;
        var (userName, client) = await app.SignedInUserAsync(TestGrants.All, Roles.Viewer);
        using var other = (await app.SignInClientAsync(userName, RunningApp.TestPassword))!;
        // The account page leads to the user's other settings: two-factor sign-in and API tokens.
        var accountPage = await client.GetStringAsync(new Uri("/account/password", UriKind.Relative), Cancel);
        Assert.Contains("href=\"/account/two-factor\"", accountPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/tokens\"", accountPage, StringComparison.Ordinal);

        using var wrong = await PostFormAsync(client, "/account/password", "/account/password", new() { ["CurrentPassword"] = "not my password", ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        using var changed = await PostFormAsync(client, "/account/password", "/account/password", new() { ["CurrentPassword"] = RunningApp.TestPassword, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });

        Assert.Contains("Your current password is not right.", await wrong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("/", changed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/frameworks", await PathAfterGetAsync(client, "/frameworks"));
        Assert.Equal("/account/sign-in", await PathAfterGetAsync(other, "/frameworks"));
        Assert.NotNull(await app.SignInClientAsync(userName, NewPassword));
    }

    [Fact]
    public async Task SignIn_UnknownName_GetsTheSameAnswersAndLockoutAsAKnownOne()
    {
        var app = shared.App;
        var known = await app.CreateUserAsync("carol", Roles.Viewer);

        var knownAnswers = new List<string>();
        var unknownAnswers = new List<string>();
        for (var i = 0; i < UserAccounts.FailuresBeforeLockout + 1; i++)
        {
            knownAnswers.Add(await SignInErrorAsync(app, known, "not the password"));
            unknownAnswers.Add(await SignInErrorAsync(app, "nobody-here", "not the password"));
        }

        Assert.Equal(knownAnswers, unknownAnswers);
        Assert.Equal(4, knownAnswers.Count(a => a == "The user name or password is not right"));
        Assert.Equal(2, knownAnswers.Count(a => a.StartsWith("Too many failed attempts", StringComparison.Ordinal)));
        Assert.Null(await app.SignInClientAsync(known, RunningApp.TestPassword));
    }

    [Fact]
    public async Task ChildLevelPage_Viewer_Answers403WithTheNoAccessPage()
    {
        var app = shared.App;
        using var viewer = await app.SignedInClientAsync(Roles.Viewer);

        using var response = await viewer.GetAsync(new Uri("/kpis/cla_at_end/children?council=E10000003&year=2025", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUser_HtmlInTheName_IsRefusedOnTheUsersPage()
    {
        var app = shared.App;
        using var admin = await app.SignedInClientAsync(Roles.Admin);

        using var response = await PostFormAsync(admin, "/admin/users", "/admin/users", new()
        {
            ["UserName"] = "<script>alert(1)</script>", ["Password"] = NewPassword, ["SelectedRoles"] = Roles.Viewer,
        });
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Contains("A user name may have only letters, digits and . _ - @ (no spaces).", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", body, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserAccounts>().SessionAsync("<script>alert(1)</script>", Cancel));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa", "repeated or sequential")]
    [InlineData("password123456", "too common")]
    public async Task Setup_WeakPassword_IsRefusedAndSetupStaysOpen(string password, string reason)
    {
        await using var app = await RunningApp.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };

        using var response = await PostFormAsync(client, "/setup", "/setup", new()
        {
            ["Code"] = app.SetupCode, ["UserName"] = "perf.lead", ["Password"] = password, ["ConfirmPassword"] = password,
        });

        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{24}$", app.SetupCode);
    }

    private static async Task DisableAsync(RunningApp app, string userName)
    {
        using var scope = app.Services.CreateScope();
        _ = (await scope.ServiceProvider.GetRequiredService<UserAccounts>().SetActiveAsync("test", userName, active: false, Cancel)).Value;
    }

    private static async Task<string> SignInErrorAsync(RunningApp app, string userName, string password)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };
        using var response = await PostFormAsync(client, "/account/sign-in", "/account/sign-in", new() { ["UserName"] = userName, ["Password"] = password });
        return WebUtility.HtmlDecode(ErrorPattern().Match(await response.Content.ReadAsStringAsync(Cancel)).Groups[1].Value.Trim());
    }

    private static async Task<string> PathAfterGetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }

    /// <summary>Reads the form page for its antiforgery token, then posts the fields to <paramref name="action"/>.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(new Uri(formPage, UriKind.Relative), Cancel);
        fields["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, Cancel);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("/account/reset/[A-Za-z0-9_-]+")]
    private static partial Regex ResetLinkPattern();

    [GeneratedRegex("<p id=\"UserName-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span>([^<]*)</p>")]
    private static partial Regex ErrorPattern();

    private sealed class StepClock(DateTimeOffset start) : TimeProvider
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _now = start;

        public DateTimeOffset Now
        {
            get { lock (_lock) { return _now; } }
            set { lock (_lock) { _now = value; } }
        }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
