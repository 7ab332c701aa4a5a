using System.Text;
using System.Text.Json;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Formats;
using Lodestar.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Returns;

/// <summary>The web app computes from the confirmed submissions in its database: at start, and after each confirmation and roll-back.</summary>
public sealed class ModelFromSubmissionsTests
{
    private const string Council = "E10000003";
    private const string ClaAtEnd2025 = "/api/v1/kpis?council=E10000003&year=2025&kpi=cla_at_end";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task AppStart_DatabaseWithAConfirmedSubmission_ServesItsKpis(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
            // Three children looked after from 2024, none ceased: 3 at 31 March 2025.
            var id = (await submissions.CheckAsync("ann", Council, Return903("C1", "C2", "C3"), 2025, Cancel)).Value.Submission.Id;
            Assert.True((await submissions.ConfirmAsync("ann", id, Cancel)).Succeeded);
        }

        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["Lodestar:Database:Provider"] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["Lodestar:Database:ConnectionString"] = database.Options.ConnectionString,
        });
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        Assert.Equal(3, await ValueAsync(client));
    }

    [Fact]
    public async Task RunningApp_ConfirmThenRollBack_ServesTheNewReturnThenTheOldOne()
    {
        await using var app = await RunningApp.StartAsync();
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        var first = await CheckAsync(app, Return903("C1", "C2"));
        var second = await CheckAsync(app, Return903("C1", "C2", "C3", "C4"));

        await ActAsync(app, s => s.ConfirmAsync("ann", first, Cancel));
        Assert.Equal(2, await ValueAsync(client));

        await ActAsync(app, s => s.ConfirmAsync("ann", second, Cancel));
        Assert.Equal(4, await ValueAsync(client));

        await ActAsync(app, s => s.RollBackAsync("ann", second, Cancel));
        Assert.Equal(2, await ValueAsync(client));
    }

    [Theory]
    [AllDatabases]
    public async Task TwoInstances_ConfirmAndRollBackElsewhere_EachFollowsWithinSeconds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>
        {
            ["Lodestar:Database:Provider"] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["Lodestar:Database:ConnectionString"] = database.Options.ConnectionString,
            ["Lodestar:Returns:RefreshSeconds"] = "1",
        };
        await using var a = await RunningApp.StartAsync(settings);
        await using var b = await RunningApp.StartAsync(settings);
        using var clientA = await a.SignedInClientAsync(Roles.Viewer);
        using var clientB = await b.SignedInClientAsync(Roles.Viewer);

        // Confirmed through A's own use case: A at once, B by its poll.
        var first = await CheckAsync(a, Return903("C1", "C2"));
        await ActAsync(a, s => s.ConfirmAsync("ann", first, Cancel));
        Assert.Equal(2, await ValueAsync(clientA));
        await EventuallyAsync(clientB, 2);

        // Confirmed by a use case with no model, as the command line does: both instances by their polls.
        long second;
        await using (var db = database.CreateContext())
        {
            var cli = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
            second = (await cli.CheckAsync("cli:ann", Council, Return903("C1", "C2", "C3", "C4"), 2025, Cancel)).Value.Submission.Id;
            Assert.True((await cli.ConfirmAsync("cli:ann", second, Cancel)).Succeeded);
        }

        await EventuallyAsync(clientA, 4);
        await EventuallyAsync(clientB, 4);

        // Rolled back through B: A follows.
        await ActAsync(b, s => s.RollBackAsync("ann", second, Cancel));
        Assert.Equal(2, await ValueAsync(clientB));
        await EventuallyAsync(clientA, 2);
    }

    // Polls an instance's API until it serves the value. The poll interval is 1 s, so it is expected within
    // about 2 s; the 10 s limit leaves room for a loaded machine without hiding a model that never follows.
    private static async Task EventuallyAsync(HttpClient client, double expected)
    {
        var limit = DateTime.UtcNow.AddSeconds(10);
        double? value;
        while ((value = await ValueOrNullAsync(client)) != expected && DateTime.UtcNow < limit)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.Equal(expected, value);
    }

    private static async Task<double?> ValueOrNullAsync(HttpClient client)
    {
        // A council with no model yet is not found.
        using var response = await client.GetAsync(new Uri(ClaAtEnd2025, UriKind.Relative), Cancel);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        var results = JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync(Cancel)).RootElement;
        return results.GetArrayLength() > 0 && results[0].GetProperty("value") is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;
    }

    private static async Task<long> CheckAsync(RunningApp app, IReadOnlyList<InputFile> files)
    {
        using var scope = app.Services.CreateScope();
        var submissions = scope.ServiceProvider.GetRequiredService<Submissions>();
        return (await submissions.CheckAsync("ann", Council, files, 2025, Cancel)).Value.Submission.Id;
    }

    // The app's own use case, as its Data page will call it.
    private static async Task ActAsync(RunningApp app, Func<Submissions, Task<Domain.Problems.Result<SubmissionSummary>>> act)
    {
        using var scope = app.Services.CreateScope();
        Assert.True((await act(scope.ServiceProvider.GetRequiredService<Submissions>())).Succeeded);
    }

    private static async Task<double> ValueAsync(HttpClient client)
    {
        var body = await client.GetStringAsync(new Uri(ClaAtEnd2025, UriKind.Relative), Cancel);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("value").GetDouble();
    }

    /// <summary>A 2025 903 return: each child looked after from 1 April 2024, still looked after.</summary>
    private static List<InputFile> Return903(params string[] children) =>
    [
        new("header.csv", Encoding.UTF8.GetBytes("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + string.Concat(children.Select(c => $"{c},1,01/01/2012,WBRI,A123456789012,,\n")))),
        new("episodes.csv", Encoding.UTF8.GetBytes("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + string.Concat(children.Select(c => $"{c},01/04/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n")))),
    ];
}
