using Microsoft.AspNetCore.Builder;
using Lodestar.Data;
using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lodestar.Web.Tests;

/// <summary>The real web app on Kestrel, on a free loopback port, over its own SQLite database in its own data folder.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataFolder;

    private RunningApp(WebApplication app, string dataFolder, Uri address)
    {
        _app = app;
        _dataFolder = dataFolder;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public string DataFolder => _dataFolder;

    /// <summary>The app's services, e.g. to open its database or reach its data store.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The one-time setup code the app wrote, as the person who installed it would read it.</summary>
    public string SetupCode => File.ReadAllText(Path.Combine(_dataFolder, "setup-code.txt")).Trim();

    public HttpClient Client { get; }

    /// <summary>The password every test user gets.</summary>
    public const string TestPassword = "test password long enough";

    /// <summary>Creates a user directly in the app's database, as an administrator would, with all councils.</summary>
    public Task<string> CreateUserAsync(string userName, params string[] roles) => CreateUserAsync(userName, TestGrants.All, roles);

    /// <summary>Creates a user directly in the app's database, as an administrator would, with these council grants.</summary>
    public async Task<string> CreateUserAsync(string userName, TestGrants grants, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(grants);
        using var scope = _app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        _ = (await accounts.CreateAsync(userName, userName, TestPassword, roles.Length == 0 ? [Roles.Viewer] : roles)).Value; // throws when refused
        var councils = scope.ServiceProvider.GetRequiredService<CouncilGrants>();
        _ = (await councils.SetAllCouncilsAsync("test", userName, grants.AllCouncils)).Value;
        _ = (await councils.GrantAsync("test", userName, grants.Councils)).Value;
        return userName;
    }

    /// <summary>Grants a user councils, as an administrator would.</summary>
    public async Task GrantAsync(string userName, params string[] councils)
    {
        using var scope = _app.Services.CreateScope();
        _ = (await scope.ServiceProvider.GetRequiredService<CouncilGrants>().GrantAsync("test", userName, councils)).Value;
    }

    /// <summary>Revokes a user's councils, as an administrator would.</summary>
    public async Task RevokeAsync(string userName, params string[] councils)
    {
        using var scope = _app.Services.CreateScope();
        _ = (await scope.ServiceProvider.GetRequiredService<CouncilGrants>().RevokeAsync("test", userName, councils)).Value;
    }

    /// <summary>Creates a user with these roles (and all councils) and signs them in on the page, through the sign-in form.</summary>
    public Task<string> SignInAsync(IPage page, params string[] roles) => SignInAsync(page, TestGrants.All, roles);

    /// <summary>Creates a user with these roles and council grants and signs them in on the page, through the sign-in form.</summary>
    public async Task<string> SignInAsync(IPage page, TestGrants grants, params string[] roles)
    {
        var userName = await CreateUserAsync($"user{Guid.NewGuid():N}"[..16], grants, roles);
        await page.GotoAsync(new Uri(Address, "/account/sign-in").ToString());
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByTestId("sign-out").WaitForAsync();
        return userName;
    }

    /// <summary>An HttpClient holding the sign-in cookie of a new user with these roles and all councils (for the JSON API).</summary>
    public async Task<HttpClient> SignedInClientAsync(params string[] roles) => (await SignedInUserAsync(TestGrants.All, roles)).Client;

    /// <summary>A new user with these roles and council grants, and an HttpClient holding their sign-in cookie.</summary>
    public async Task<(string UserName, HttpClient Client)> SignedInUserAsync(TestGrants grants, params string[] roles)
    {
        var userName = await CreateUserAsync($"user{Guid.NewGuid():N}"[..16], grants, roles);
        var client = await SignInClientAsync(userName, TestPassword)
            ?? throw new InvalidOperationException("Sign-in failed for the test user.");
        return (userName, client);
    }

    /// <summary>Signs an existing user in through the form: an HttpClient holding the cookie (in <paramref name="cookies"/> when given), or null when refused.</summary>
    public async Task<HttpClient?> SignInClientAsync(string userName, string password, System.Net.CookieContainer? cookies = null)
    {
        cookies ??= new System.Net.CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Address };
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);
        if (!cookies.GetCookies(Address).Any(c => c.Name == "lodestar"))
        {
            client.Dispose();
            return null;
        }

        return client;
    }

    /// <summary>
    /// Starts the app without the demo, over a SQLite database in a new data folder that is a copy of the
    /// migrated template (<see cref="DatabaseTemplates"/>): the app's start still runs
    /// <see cref="DatabaseInitializer"/>, which finds it up to date. <paramref name="settings"/> are added
    /// last, e.g. to name another database; then nothing is copied. <paramref name="extraEndpoints"/> maps
    /// test-only endpoints (e.g. one that throws) beside the app's own. <paramref name="services"/> registers
    /// services before the app's own, e.g. a fake <see cref="TimeProvider"/>.
    /// </summary>
    public static async Task<RunningApp> StartAsync(
        IDictionary<string, string?>? settings = null, Action<WebApplication>? extraEndpoints = null, Action<IServiceCollection>? services = null)
    {
        var dataFolder = NewDataFolder();
        var ownDatabase = settings is not null && settings.Keys.Any(k => k.StartsWith(DatabaseOptions.Section, StringComparison.OrdinalIgnoreCase));
        if (!ownDatabase)
        {
            await DatabaseTemplates.CopySqliteTo(Path.Combine(dataFolder, DatabaseOptions.DefaultSqliteFile));
        }

        return await StartInAsync(dataFolder, settings, extraEndpoints, services);
    }

    /// <summary>
    /// Starts the app as a first demo start does: an empty data folder, the demo on (generate the demo
    /// council's returns, load the demo content). Slow: tests share one (<see cref="DemoApp"/>).
    /// </summary>
    public static Task<RunningApp> StartDemoAsync() =>
        StartInAsync(NewDataFolder(), new Dictionary<string, string?> { ["Lodestar:Demo:Enabled"] = "true" });

    private static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "lodestar-tests", Guid.NewGuid().ToString("N"));

    private static async Task<RunningApp> StartInAsync(
        string dataFolder, IDictionary<string, string?>? settings, Action<WebApplication>? extraEndpoints = null, Action<IServiceCollection>? services = null)
    {
        var app = LodestarWebApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Lodestar:DataFolder"] = dataFolder,
                // appsettings.json (copied beside the tests) turns the demo on; a test that is about the demo says so.
                ["Lodestar:Demo:Enabled"] = "false",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            services?.Invoke(builder.Services);
        });
        extraEndpoints?.Invoke(app);
        await app.StartAsync();
        return new RunningApp(app, dataFolder, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        var database = _app.Services.GetRequiredService<DatabaseOptions>();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Only this app's database: clearing every pool would close connections other tests are using.
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}

/// <summary>The councils a test user is granted: all councils (what tests that are not about grants use), some, or none.</summary>
public sealed record TestGrants(bool AllCouncils, IReadOnlyList<string> Councils)
{
    public static TestGrants All { get; } = new(true, []);

    public static TestGrants None { get; } = new(false, []);

    public static TestGrants Of(params string[] councils) => new(false, councils);
}
