using System.Net;
using System.Text.RegularExpressions;
using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Security;

/// <summary>One app on a fake clock with a one-minute security-stamp check, shared by <see cref="TwoFactorWebTests"/>: each test signs in users of its own.</summary>
public sealed class ClockedApp : IAsyncLifetime
{
    private RunningApp? _app;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 5, TimeSpan.Zero));

    public RunningApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(
            new Dictionary<string, string?> { ["Lodestar:Security:SessionCheckSeconds"] = "60" },
            services: s => s.AddSingleton<TimeProvider>(Clock));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Two-factor sign-in on the pages, lockout and revocation on a fake clock (docs/web.md, "Accounts").</summary>
public sealed partial class TwoFactorWebTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RunningApp App => clocked.App;

    private TestClock Clock => clocked.Clock;

    [Fact]
    public async Task TwoFactorPage_SetUpWithTheKeyShown_TurnsItOn_ShowsTenRecoveryCodes_AndKeepsThisSession()
    {
        var (_, client) = await App.SignedInUserAsync(TestGrants.All, Roles.Viewer);

        var off = await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative), Cancel);
        using var started = await PostFormAsync(client, "/account/two-factor", "/account/two-factor?handler=Start", []);
        var startedPage = await started.Content.ReadAsStringAsync(Cancel);
        var key = KeyPattern().Match(startedPage).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        using var wrong = await PostFormAsync(client, "/account/two-factor", "/account/two-factor?handler=Confirm", new() { ["Code"] = "123456" });
        using var confirmed = await PostFormAsync(client, "/account/two-factor", "/account/two-factor?handler=Confirm", new() { ["Code"] = Rfc6238.Code(key, Clock.Now) });
        var confirmedPage = await confirmed.Content.ReadAsStringAsync(Cancel);
        Clock.Now += TimeSpan.FromSeconds(61);

        Assert.Contains("Two-factor sign-in is off.", off, StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{32}$", key);
        Assert.Contains($"otpauth://totp/Lodestar:", startedPage, StringComparison.Ordinal);
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(10, RecoveryCodePattern().Matches(confirmedPage).Count);
        Assert.Contains("Two-factor sign-in is on.", confirmedPage, StringComparison.Ordinal);
        // The stamp changed when two-factor went on; this session was given the new one, so it outlives the next check.
        Assert.Equal("/frameworks", await PathAfterGetAsync(client, "/frameworks"));
    }

    [Fact]
    public async Task SignIn_WithTwoFactorOn_AsksForTheCode_RefusesAWrongOne_AndSignsInWithTheRightOne()
    {
        var userName = await App.CreateUserAsync($"tf{Guid.NewGuid():N}"[..12], Roles.Viewer);
        var key = await EnrolAsync(userName);
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = App.Address };

        using var password = await PostFormAsync(client, "/account/sign-in", "/account/sign-in", new() { ["UserName"] = userName, ["Password"] = RunningApp.TestPassword });
        var afterPassword = password.RequestMessage!.RequestUri!.AbsolutePath;
        var cookieAfterPassword = cookies.GetCookies(App.Address)["lodestar"];
        using var wrong = await PostFormAsync(client, "/account/sign-in/code", "/account/sign-in/code", new() { ["Code"] = "000000" });
        Clock.Now += TimeSpan.FromSeconds(30);
        using var right = await PostFormAsync(client, "/account/sign-in/code", "/account/sign-in/code", new() { ["Code"] = Rfc6238.Code(key, Clock.Now) });

        Assert.Equal("/account/sign-in/code", afterPassword);
        Assert.Null(cookieAfterPassword);
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("/", right.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/frameworks", await PathAfterGetAsync(client, "/frameworks"));
    }

    [Fact]
    public async Task AdminReset_OnTheUsersPage_TurnsTwoFactorOff_AndEndsTheirSessionWithinAMinute()
    {
        var userName = await App.CreateUserAsync($"tf{Guid.NewGuid():N}"[..12], Roles.Viewer);
        await EnrolAsync(userName);
        using var session = await SignInWithCodeAsync(userName);
        using var admin = await App.SignedInClientAsync(Roles.Admin);

        var before = await admin.GetStringAsync(new Uri("/admin/users", UriKind.Relative), Cancel);
        using var reset = await PostFormAsync(admin, "/admin/users", "/admin/users?handler=TwoFactor", new() { ["user"] = userName });
        Clock.Now += TimeSpan.FromSeconds(61);

        Assert.Contains("Reset two-factor", before, StringComparison.Ordinal);
        Assert.Equal("/admin/users", reset.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/sign-in", await PathAfterGetAsync(session, "/frameworks"));
        Assert.NotNull(await App.SignInClientAsync(userName, RunningApp.TestPassword));
    }

    [Fact]
    public async Task RoleChange_WithAOneMinuteCheck_EndsTheSessionOnceTheMinuteHasPassed()
    {
        var (userName, client) = await App.SignedInUserAsync(TestGrants.All, Roles.Admin);
        Assert.Equal("/admin/audit", await PathAfterGetAsync(client, "/admin/audit"));

        using (var scope = App.Services.CreateScope())
        {
            _ = (await scope.ServiceProvider.GetRequiredService<UserAccounts>().SetRolesAsync("test", userName, [Roles.Viewer], Cancel)).Value;
        }

        Clock.Now += TimeSpan.FromSeconds(30);
        var withinTheMinute = await PathAfterGetAsync(client, "/admin/audit");
        Clock.Now += TimeSpan.FromSeconds(31);
        var afterTheMinute = await PathAfterGetAsync(client, "/admin/audit");

        Assert.Equal("/admin/audit", withinTheMinute);
        Assert.Equal("/account/sign-in", afterTheMinute);
    }

    [Fact]
    public async Task Lockout_AfterFiveFailures_RefusesTheRightPassword_UntilFifteenMinutesHavePassed()
    {
        var userName = await App.CreateUserAsync($"lk{Guid.NewGuid():N}"[..12], Roles.Viewer);
        for (var i = 0; i < SignInThrottle.FailuresBeforeLockout; i++)
        {
            Assert.Null(await App.SignInClientAsync(userName, "not the password at all"));
        }

        Clock.Now += TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1);
        using var stillLocked = await App.SignInClientAsync(userName, RunningApp.TestPassword);
        Clock.Now += TimeSpan.FromSeconds(1);
        using var open = await App.SignInClientAsync(userName, RunningApp.TestPassword);

        Assert.Null(stillLocked);
        Assert.NotNull(open);
    }

    [Fact]
    public async Task RecoveryCodes_WrongOnesCountTowardsTheLockout_AndARightOneIsRefusedWhileLockedOut()
    {
        var userName = await App.CreateUserAsync($"rc{Guid.NewGuid():N}"[..12], Roles.Viewer);
        var (_, recovery) = await EnrolWithCodesAsync(userName);
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = App.Address };
        using var password = await PostFormAsync(client, "/account/sign-in", "/account/sign-in", new() { ["UserName"] = userName, ["Password"] = RunningApp.TestPassword });

        var answers = new List<string>();
        for (var i = 0; i < SignInThrottle.FailuresBeforeLockout; i++)
        {
            using var wrong = await PostFormAsync(client, "/account/sign-in/code", "/account/sign-in/code", new() { ["Code"] = "aaaaa-bbbbb" });
            answers.Add(await wrong.Content.ReadAsStringAsync(Cancel));
        }

        using var right = await PostFormAsync(client, "/account/sign-in/code", "/account/sign-in/code", new() { ["Code"] = recovery[0] });

        Assert.All(answers.Take(4), a => Assert.Contains("The code is not right", a, StringComparison.Ordinal));
        Assert.Contains("Too many failed attempts", answers[4], StringComparison.Ordinal);
        Assert.Contains("Too many failed attempts", await right.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Null(cookies.GetCookies(App.Address)["lodestar"]);
    }

    private async Task<string> EnrolAsync(string userName) => (await EnrolWithCodesAsync(userName)).Key;

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolWithCodesAsync(string userName)
    {
        using var scope = App.Services.CreateScope();
        var twoFactor = scope.ServiceProvider.GetRequiredService<TwoFactor>();
        var setup = (await twoFactor.StartAsync(userName)).Value;
        var codes = (await twoFactor.ConfirmAsync(userName, Rfc6238.Code(setup.Key, Clock.Now))).Value;
        // The next code must come from a later step: a code is accepted once.
        Clock.Now += TimeSpan.FromSeconds(30);
        return (setup.Key, codes);
    }

    private async Task<HttpClient> SignInWithCodeAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = App.Address };
        using var password = await PostFormAsync(client, "/account/sign-in", "/account/sign-in", new() { ["UserName"] = userName, ["Password"] = RunningApp.TestPassword });
        using var scope = App.Services.CreateScope();
        var key = (await scope.ServiceProvider.GetRequiredService<TwoFactor>().PendingAsync(userName))!.Key;
        using var code = await PostFormAsync(client, "/account/sign-in/code", "/account/sign-in/code", new() { ["Code"] = Rfc6238.Code(key, Clock.Now) });
        Assert.Equal("/", code.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
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

    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>[a-z0-9]{5}-[a-z0-9]{5}</code></li>", RegexOptions.IgnoreCase)]
    private static partial Regex RecoveryCodePattern();
}
