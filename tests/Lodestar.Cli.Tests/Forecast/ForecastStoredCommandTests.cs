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

    [Fact]
    public async Task Forecast_PathWithTargets_SetsTheDatabasesPlanTargetsBesideTheFilesForecastForAGrantedUserOnly()
    {
        // Three children in in-house fostering since January 2015, in the 2015/16 return, nobody entering or leaving:
        // 3 looked after on 31 March 2016 and on every forecast month end.
        var root = Directory.CreateTempSubdirectory("lodestar-forecast-targets-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(root, Council, "2016")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "header.csv"),
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2008,WBRI,A123456789012,,\nC2,F,01/01/2009,WBRI,B123456789012,,\nC3,F,01/01/2010,WBRI,C123456789012,,\n", Cancel);
        await File.WriteAllTextAsync(Path.Combine(folder, "episodes.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "C1,01/01/2015,S,C2,N1,U4,PR1,,,,,,\nC2,01/01/2015,S,C2,N1,U4,PR1,,,,,,\nC3,01/01/2015,S,C2,N1,U4,PR1,,,,,,\n", Cancel);
        try
        {
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await using (var db = database.CreateContext())
            {
                await TestUsers.AddAsync(db, "ann");
                await TestUsers.AddAsync(db, "bea", ["E10000015"]);
                var plan = ActionsYamlReader.ReadFile(Repository.File("samples", "actions", "cambs-lac-action-plan-2015-17.yaml")).Value.Plan;
                await ActionsStore.ImportAsync(db, plan, null, null, Cancel);
            }

            var granted = await RunAsync(database, "forecast", root, "--council", Council, "--as-at", "2016-03-31", "--months", "12", "--targets", "--user", "ann");
            var refused = await RunAsync(database, "forecast", root, "--council", Council, "--as-at", "2016-03-31", "--months", "12", "--targets", "--user", "bea");
            var without = await RunAsync(database, "forecast", root, "--council", Council, "--as-at", "2016-03-31", "--months", "12", "--user", "ann");

            // Seed 004: 535 for April 2016, judged at 31 March 2016 (the returns' last month end); 497 for April 2017,
            // at 31 March 2017, the forecast's twelfth month end.
            Assert.Equal((0, ""), (granted.ExitCode, granted.Error));
            Assert.Contains("The returns show 3 looked after on 2016-03-31 against a target of 535 (cambs-lac-action-plan-2015-17, target for 2016-04-01)", granted.Output, StringComparison.Ordinal);
            Assert.Contains("On current trends 3 looked after on 2017-03-31 against a target of 497 (cambs-lac-action-plan-2015-17, target for 2017-04-01)", granted.Output, StringComparison.Ordinal);
            Assert.Equal((2, $"lodestar forecast: --targets: user bea has no grant for council {Council}"), (refused.ExitCode, refused.Error.Trim()));
            Assert.DoesNotContain("target of", without.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, true);
        }
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
