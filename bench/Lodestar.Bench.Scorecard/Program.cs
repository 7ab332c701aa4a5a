using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lodestar.Data.Security;
using Lodestar.Web;
using Microsoft.Extensions.DependencyInjection;

// A bounded load generator for the scorecard: starts the web app on loopback over a new data folder with
// the demo (synthetic Cambridgeshire returns, the sample frameworks, targets and DfE benchmarks), signs one
// user in, then for each number of users sends a fixed number of requests from that many HttpClients at
// once, to the scorecard page and to its JSON call, and reports median, p95 and p99 latency, requests per
// second and errors. Every run is bounded by --requests; nothing runs for a set time.
//
//   dotnet run -c Release --project bench/Lodestar.Bench.Scorecard -- [--users 1,50] [--requests 500] [--runs 3]
//     [--framework council-outcomes-framework] [--council E10000003] [--year 2024] [--floor | --path PATH]
// --floor measures GET /api/v1/frameworks instead: the signed-in stack without a scorecard. --path PATH measures
// any one GET instead. --probe PATH sends one request and shows its status.
var options = Options.Parse(args);
var started = Stopwatch.StartNew();
var dataFolder = Path.Combine(Path.GetTempPath(), "lodestar-bench-scorecard", Guid.NewGuid().ToString("N"));
var app = LodestarWebApp.Build([], builder =>
{
    builder.Configuration["Urls"] = "http://127.0.0.1:0";
    builder.Configuration["Lodestar:DataFolder"] = dataFolder;
    builder.Configuration["Lodestar:Demo:Enabled"] = "true";
    builder.Configuration["Logging:LogLevel:Default"] = "Error";
});
await app.StartAsync();
var address = new Uri(app.Urls.Single());
Console.WriteLine($"app started on {address} with the demo in {started.Elapsed.TotalSeconds:0.0} s");

try
{
    const string userName = "bench";
    var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    using (var scope = app.Services.CreateScope())
    {
        _ = (await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(userName, userName, password, [Roles.Viewer])).Value;
        _ = (await scope.ServiceProvider.GetRequiredService<CouncilGrants>().SetAllCouncilsAsync("bench", userName, true)).Value;
    }

    var cookie = await SignInAsync(address, userName, password);
    var query = $"council={options.Council}&year={options.Year}";
    var targets = new (string Name, string Path)[]
    {
        ("page", $"/frameworks/{options.Framework}/scorecard?{query}"),
        ("json", $"/api/v1/frameworks/{options.Framework}/scorecard?{query}"),
    };
    if (options.Floor)
    {
        // The same stack (cookie, session, council grants) with no scorecard: what any signed-in GET costs.
        targets = [("floor", "/api/v1/frameworks")];
    }

    if (options.Path is { } only)
    {
        // Any one GET, e.g. a small page to compare with the scorecard page.
        targets = [("path", only)];
    }


    if (options.Probe is { } probe)
    {
        // One request, its status shown (and the app's error log, if it fails): a check before a run.
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        using var response = await client.GetAsync(new Uri(probe, UriKind.Relative));
        Console.WriteLine($"{probe}: {(int)response.StatusCode}, {(await response.Content.ReadAsByteArrayAsync()).Length} bytes");
        return;
    }

    Console.WriteLine($"load average before: {LoadAverage()}; {Environment.ProcessorCount} cores");
    // cpu_ms_per_request: the process's CPU time (app and load generator together) over the run, per request: steadier
    // than latency on a shared machine, where other work takes cores but not this process's CPU time.
    Console.WriteLine("target users requests median_ms p95_ms p99_ms requests_per_s errors cpu_ms_per_request");
    foreach (var (name, path) in targets)
    {
        // Warm: the first request builds and caches, JIT compiles.
        _ = await RunAsync(address, cookie, path, users: 4, requests: 40);
        foreach (var users in options.Users)
        {
            for (var run = 0; run < options.Runs; run++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var result = await RunAsync(address, cookie, path, users, options.Requests);
                var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / options.Requests;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} {users} {options.Requests} {result.Percentile(0.50):0.0} {result.Percentile(0.95):0.0} {result.Percentile(0.99):0.0} {result.PerSecond:0} {result.Errors} {cpuPerRequest:0.00}"));
            }
        }
    }

    Console.WriteLine($"load average after: {LoadAverage()}");
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    try
    {
        Directory.Delete(dataFolder, recursive: true);
    }
    catch (IOException)
    {
        // SQLite may hold the file a moment longer; the folder is under the temp folder.
    }
}

static async Task<string> SignInAsync(Uri address, string userName, string password)
{
    var cookies = new CookieContainer();
    using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address };
    var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var content = new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["UserName"] = userName,
        ["Password"] = password,
        ["__RequestVerificationToken"] = token,
    });
    using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);
    return cookies.GetCookieHeader(address) is { Length: > 0 } header && header.Contains("lodestar=", StringComparison.Ordinal)
        ? header
        : throw new InvalidOperationException("The bench user could not sign in.");
}

// Sends `requests` GETs from `users` clients at once, each client one request at a time.
static async Task<RunResult> RunAsync(Uri address, string cookie, string path, int users, int requests)
{
    var latencies = new double[requests];
    var next = -1;
    var errors = 0;
    var clients = Enumerable.Range(0, users).Select(_ =>
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }).ToList();
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(clients.Select(client => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < requests)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }

            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    })));
    var elapsed = clock.Elapsed;
    clients.ForEach(c => c.Dispose());
    Array.Sort(latencies);
    return new RunResult(latencies, requests / elapsed.TotalSeconds, errors);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

internal sealed record RunResult(double[] Sorted, double PerSecond, int Errors)
{
    // Nearest rank.
    public double Percentile(double p) => Sorted[Math.Clamp((int)Math.Ceiling(p * Sorted.Length) - 1, 0, Sorted.Length - 1)];
}

internal sealed record Options(IReadOnlyList<int> Users, int Requests, int Runs, string Framework, string Council, int Year, bool Floor, string? Probe, string? Path)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new Options(
            [.. Value("--users", "1,50").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture))],
            int.Parse(Value("--requests", "500"), CultureInfo.InvariantCulture),
            int.Parse(Value("--runs", "3"), CultureInfo.InvariantCulture),
            Value("--framework", "council-outcomes-framework"),
            Value("--council", "E10000003"),
            int.Parse(Value("--year", "2024"), CultureInfo.InvariantCulture),
            args.Contains("--floor"),
            Value("--probe", "") is { Length: > 0 } probe ? probe : null,
            Value("--path", "") is { Length: > 0 } path ? path : null);
    }
}
