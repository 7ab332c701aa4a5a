using System.CommandLine;
using System.Text;
using System.Text.Json;
using Lodestar.Application.Kpis;
using Lodestar.Application.Returns;
using Lodestar.Cli.Kpi;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Domain.Periods;
using Lodestar.Formats;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Cli.Tests.Kpi;

/// <summary><c>lodestar kpi</c> with no PATH: the council's confirmed submissions in the database.</summary>
public sealed class KpiStoredCommandTests : IAsyncDisposable
{
    private const string Council = "E10000003";

    // C1: remand then a placement from 1 July 2024, still open on 31 March 2025 (looked after at the end);
    // C2: a short-breaks (V4) episode only, which cla_at_end leaves out. cla_at_end for 2025 is 1.
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2015,WBRI,A123456789012,,\nC2,F,01/06/2012,WBRI,B123456789012,,\n";

    private const string Episodes =
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        + "C1,01/05/2024,S,C2,N1,U4,PR1,01/07/2024,X1,CARPL,,,\n"
        + "C1,01/07/2024,P,C2,N1,K2,PR4,,,,,,\n"
        + "C2,01/06/2024,S,V4,N2,K2,PR4,,,,,,\n";

    // C1 starts care in the year: its previous permanence option (none) is part of the return (DfE 630).
    private const string PrevPerm = "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,01/01/2015,Z1,,\n";

    private TestDatabase? _database;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The Lodestar user the commands act as (every role, all councils) unless a test names another.</summary>
    private const string User = "ann";

    private static string Actor => $"cli:{User}";

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [AllDatabases]
    public async Task Kpi_NoPathWithACouncilsConfirmed903_ComputesFromTheDatabase(DatabaseProvider provider)
    {
        await UseAsync(provider);
        await StoreAndConfirmAsync();

        var (exitCode, output, error) = await RunAsync("kpi", "--council", Council, "--year", "2025", "--kpi", "cla_at_end");

        Assert.Equal((0, ""), (exitCode, error));
        var result = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray().ToList());
        Assert.Equal("cla_at_end", result.GetProperty("kpi").GetString());
        Assert.Equal(Council, result.GetProperty("council").GetString());
        Assert.Equal("2025-03-31", result.GetProperty("period_end").GetString());
        Assert.Equal(1, result.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Kpi_NoPathAndNoCouncil_ExitsTwoSayingSo()
    {
        await UseAsync(DatabaseProvider.Sqlite);

        var (exitCode, output, error) = await RunAsync("kpi", "--year", "2025");

        Assert.Equal((2, ""), (exitCode, output));
        Assert.Contains("--council", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_NoPathForACouncilWithOnlyACheckedSubmission_ExitsTwoSayingItHasNoConfirmedSubmission()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        await StoreAndConfirmAsync(confirm: false);

        var (exitCode, output, error) = await RunAsync("kpi", "--council", Council, "--year", "2025");

        Assert.Equal((2, ""), (exitCode, output));
        Assert.Contains($"council {Council} has no confirmed submission", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_NoPathExplain_ShowsTheStoredChildrenAndWritesAnAuditEntry()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        await StoreAndConfirmAsync();

        var (exitCode, output, error) = await RunAsync("kpi", "--council", Council, "--year", "2025", "--explain", "cla_at_end", "--format", "table");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("numerator children (1): C1", output, StringComparison.Ordinal);
        await using var db = _database!.CreateContext();
        var entry = await db.Set<AuditEventEntity>().Where(a => a.Action == AuditActions.ViewChildLevel).SingleAsync(Cancel);
        Assert.Equal(
            (Actor, ChildLevelKpis.AuditSubject("cla_at_end", Council, Period.ReportingYear(2025))),
            (entry.Actor, entry.Subject));
    }

    [Theory]
    [AllDatabases]
    public async Task Kpi_NoPathAsAUserWithoutAGrant_ExitsTwoAsForACouncilWithNoConfirmedSubmission(DatabaseProvider provider)
    {
        await UseAsync(provider);
        await StoreAndConfirmAsync();
        await using (var setup = _database!.CreateContext())
        {
            await TestUsers.AddAsync(setup, "bea", ["E10000015"]);
            await TestUsers.AddAsync(setup, "cat", [Council], Lodestar.Data.Security.Roles.Viewer);
        }

        var refused = await RunAsUserAsync("kpi", "--council", Council, "--year", "2025", "--user", "bea");
        var viewer = await RunAsUserAsync("kpi", "--council", Council, "--year", "2025", "--kpi", "cla_at_end", "--user", "cat");
        var viewerExplaining = await RunAsUserAsync("kpi", "--council", Council, "--year", "2025", "--explain", "cla_at_end", "--user", "cat");

        Assert.Equal((2, "", $"lodestar kpi: council {Council} has no confirmed submission (see lodestar returns list --council {Council})"), (refused.ExitCode, refused.Output, refused.Error.Trim()));
        Assert.Equal((0, ""), (viewer.ExitCode, viewer.Error));
        Assert.Equal((2, "", refused.Error), (viewerExplaining.ExitCode, viewerExplaining.Output, viewerExplaining.Error));
        await using var db = _database.CreateContext();
        Assert.False(await db.Set<AuditEventEntity>().AnyAsync(a => a.Action == AuditActions.ViewChildLevel, Cancel));
    }

    private async Task UseAsync(DatabaseProvider provider)
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        await TestUsers.AddAsync(db, User);
    }

    private async Task StoreAndConfirmAsync(bool confirm = true)
    {
        await using var db = _database!.CreateContext();
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
        var check = await submissions.CheckAsync(
            "ann", Council, [new InputFile("header.csv", Encoding.UTF8.GetBytes(Header)), new InputFile("episodes.csv", Encoding.UTF8.GetBytes(Episodes)), new InputFile("prev_perm.csv", Encoding.UTF8.GetBytes(PrevPerm))], 2025, Cancel);
        Assert.True(check.Succeeded);
        if (confirm)
        {
            Assert.True((await submissions.ConfirmAsync("ann", check.Value.Submission.Id, Cancel)).Succeeded);
        }
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsUserAsync([.. args, "--user", User]);

    private async Task<(int ExitCode, string Output, string Error)> RunAsUserAsync(params string[] args)
    {
        var root = new RootCommand("test") { KpiCommand.Create(_database!.CreateContext) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Cancel);
        return (exitCode, output.ToString(), error.ToString());
    }
}
