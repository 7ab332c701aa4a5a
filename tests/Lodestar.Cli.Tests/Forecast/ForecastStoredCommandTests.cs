using System.CommandLine;
using System.Text;
using System.Text.Json;
using Lodestar.Application.Returns;
using Lodestar.Cli.Forecast;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Audit;
using Lodestar.Formats;
using Lodestar.Formats.Actions;
using Lodestar.Testing;

namespace Lodestar.Cli.Tests.Forecast;

/// <summary><c>lodestar forecast</c> with no PATH: the council's confirmed submissions in the database.</summary>
public sealed class ForecastStoredCommandTests
{
    private const string Council = "E10000003";

    // C1: in-house fostering from 1 May 2024, a children's home (K2) from 1 July 2024, still there on 31 March 2025.
    // Nobody ever left a residential home, so C1 is in one at every forecast month end.
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2012,WBRI,A123456789012,,\n";

    private const string Episodes =
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        + "C1,01/05/2024,S,C2,N1,U4,PR1,01/07/2024,X1,CARPL,,,\n"
        + "C1,01/07/2024,P,C2,N1,K2,PR4,,,,,,\n";

    private const string PrevPerm = "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,01/01/2012,Z1,,\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forecast_NoPath_ComputesFromTheConfirmedReturnsForAGrantedUserOnly()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            await TestUsers.AddAsync(db, "ann");
            await TestUsers.AddAsync(db, "bea", ["E10000015"]);
            var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
            var check = await submissions.CheckAsync(
                "ann", Council, [new InputFile("header.csv", Encoding.UTF8.GetBytes(Header)), new InputFile("episodes.csv", Encoding.UTF8.GetBytes(Episodes)), new InputFile("prev_perm.csv", Encoding.UTF8.GetBytes(PrevPerm))], 2025, Cancel);
            Assert.True((await submissions.ConfirmAsync("ann", check.Value.Submission.Id, Cancel)).Succeeded);
            var plan = ActionsYamlReader.ReadFile(Repository.File("samples", "actions", "cambs-lac-action-plan-2015-17.yaml")).Value.Plan;
            await ActionsStore.ImportAsync(db, plan, null, null, Cancel);
        }

        var granted = await RunAsync(database, "forecast", "--council", Council, "--as-at", "2025-03-31", "--months", "1", "--format", "json", "--user", "ann");
        var refused = await RunAsync(database, "forecast", "--council", Council, "--as-at", "2025-03-31", "--user", "bea");
        var table = await RunAsync(database, "forecast", "--council", Council, "--as-at", "2025-03-31", "--months", "1", "--user", "ann");

        Assert.Equal((0, ""), (granted.ExitCode, granted.Error));
        var rows = JsonDocument.Parse(granted.Output).RootElement.EnumerateArray().ToList();
        var residential = rows.Single(r => r.GetProperty("category").GetString() == "residential_homes");
        Assert.Equal("2025-04-30", residential.GetProperty("month").GetString());
        Assert.Equal(1, residential.GetProperty("lower_95").GetDouble());
        // Seed 004's targets, April 2016 and 2017, are years before these returns.
        Assert.Contains("Target of 497 for 2017-04-01 (cambs-lac-action-plan-2015-17): outside the returns held and the forecast", table.Output, StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"lodestar forecast: council {Council} has no confirmed submission (see lodestar returns list --council {Council})", refused.Error.Trim());
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var root = new RootCommand("test") { ForecastCommand.Create(database.CreateContext) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Cancel);
        return (exitCode, output.ToString(), error.ToString());
    }
}
