using System.CommandLine;
using Lodestar.Cli.Frameworks;
using Lodestar.Cli.Packs;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Cli.Tests.Packs;

/// <summary><c>lodestar signoff status|submit|approve|reopen</c>: the sign-off of docs/packs.md by role and grant, audited as <c>cli:NAME</c>.</summary>
public sealed class SignOffCommandTests
{
    private const string Yaml = """
        id: cli-signoff
        title: "CLI sign-off framework"
        measures:
          - id: complaints
            title: "Complaints received"
            unit: count
            polarity: lower_is_better
        nodes:
          - { kind: outcome, id: safe, title: "Safe", measures: [complaints] }
        """;

    // Cambridgeshire: LA number 873 is DfE code E10000003.
    private const string Council = "E10000003";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_FreshPeriod_IsADraftWithNoHistory()
    {
        await using var fixture = await Fixture.CreateAsync(DatabaseProvider.Sqlite);

        var status = await fixture.RunAsync("signoff", "status", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", "val");

        Assert.Equal((0, "cli-signoff E10000003 2024-25: draft", ""), (status.ExitCode, status.Output.Trim(), status.Error));
    }

    [Theory]
    [AllDatabases]
    public async Task SubmitApproveReopen_EditorThenManager_MovesFreezesTheFiguresAndAudits(DatabaseProvider provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);

        fixture.Clock.Now = new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);
        var submitted = await fixture.RunAsync("signoff", "submit", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", "eve");
        fixture.Clock.Now = new DateTimeOffset(2025, 6, 3, 14, 5, 0, TimeSpan.Zero);
        var approved = await fixture.RunAsync("signoff", "approve", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", "max");
        var status = await fixture.RunAsync("signoff", "status", "--framework", "cli-signoff", "--council", Council, "--year", "2025", "--user", "val");
        IReadOnlyDictionary<string, SnapshotFigure>? frozen;
        await using (var db = fixture.Database.CreateContext())
        {
            frozen = await PackSignOff.SnapshotAsync(db, await PackSignOff.StateAsync(db, "cli-signoff", Council, 2025, Cancel), Cancel);
        }

        fixture.Clock.Now = new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero);
        var reopened = await fixture.RunAsync(
            "signoff", "reopen", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--reason", "  Late complaints found  ", "--user", "MAX");

        Assert.Equal((0, "cli-signoff E10000003 2024-25: submitted (cli:eve, 2025-06-02 09:30 UTC)"), (submitted.ExitCode, submitted.Output.Trim()));
        Assert.Equal((0, "cli-signoff E10000003 2024-25: approved (cli:max, 2025-06-03 14:05 UTC)"), (approved.ExitCode, approved.Output.Trim()));
        Assert.Equal((0, "cli-signoff E10000003 2024-25: approved (cli:max, 2025-06-03 14:05 UTC)"), (status.ExitCode, status.Output.Trim()));
        // The value imported for 873 in 2025: the approval froze what the scorecard showed.
        Assert.Equal(12m, Assert.Single(frozen!).Value.Value);
        Assert.Equal(
            (0, "cli-signoff E10000003 2024-25: draft (cli:max, 2025-07-01 08:00 UTC: Late complaints found)"),
            (reopened.ExitCode, reopened.Output.Trim()));
        Assert.Equal(
            [
                "cli:eve framework cli-signoff E10000003 2025 Draft to Submitted",
                "cli:max framework cli-signoff E10000003 2025 Submitted to Approved, 1 figures frozen",
                "cli:max framework cli-signoff E10000003 2025 Approved to Draft: Late complaints found",
            ],
            await fixture.SignOffAuditAsync());
    }

    [Theory]
    [InlineData("val")]
    [InlineData("eve")]
    public async Task Approve_ByAViewerOrAnEditor_ExitsOneNamingTheManagerRoleAndChangesNothing(string user)
    {
        await using var fixture = await Fixture.CreateAsync(DatabaseProvider.Sqlite);
        await fixture.RunAsync("signoff", "submit", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", "eve");

        var refused = await fixture.RunAsync("signoff", "approve", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", user);
        var status = await fixture.RunAsync("signoff", "status", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", user);

        Assert.Equal((1, "", $"lodestar signoff approve: {user} does not have the manager role"), (refused.ExitCode, refused.Output, refused.Error.Trim()));
        Assert.StartsWith("cli-signoff E10000003 2024-25: submitted (cli:eve, ", status.Output, StringComparison.Ordinal);
        Assert.Equal(["cli:eve framework cli-signoff E10000003 2025 Draft to Submitted"], await fixture.SignOffAuditAsync());
    }

    [Fact]
    public async Task Submit_ByAViewer_ExitsOneNamingTheEditorRole()
    {
        await using var fixture = await Fixture.CreateAsync(DatabaseProvider.Sqlite);

        var refused = await fixture.RunAsync("signoff", "submit", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", "val");

        Assert.Equal((1, "lodestar signoff submit: val does not have the editor role"), (refused.ExitCode, refused.Error.Trim()));
        Assert.Empty(await fixture.SignOffAuditAsync());
    }

    [Theory]
    [InlineData("signoff", "reopen", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", "max")]
    [InlineData("signoff", "reopen", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--reason", "   ", "--user", "max")]
    public async Task Reopen_WithoutAReason_ExitsTwoAndChangesNothing(params string[] args)
    {
        await using var fixture = await Fixture.CreateAsync(DatabaseProvider.Sqlite);
        await fixture.RunAsync("signoff", "submit", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", "eve");

        var refused = await fixture.RunAsync(args);

        Assert.Equal((2, "", "--reason: say why the figures are reopened"), (refused.ExitCode, refused.Output, refused.Error.Trim()));
        Assert.Equal(["cli:eve framework cli-signoff E10000003 2025 Draft to Submitted"], await fixture.SignOffAuditAsync());
    }

    [Fact]
    public async Task Approve_ADraft_ExitsOneWithTheTransitionRefused()
    {
        await using var fixture = await Fixture.CreateAsync(DatabaseProvider.Sqlite);

        var refused = await fixture.RunAsync("signoff", "approve", "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", "max");

        Assert.Equal(
            (1, "lodestar signoff approve: the figures are a draft: submit them before approving"),
            (refused.ExitCode, refused.Error.Trim()));
        Assert.Empty(await fixture.SignOffAuditAsync());
    }

    [Theory]
    [InlineData("status")]
    [InlineData("submit")]
    [InlineData("approve")]
    public async Task AnyAction_CouncilWithoutAGrant_ExitsOneAsAnUnknownCouncil(string action)
    {
        await using var fixture = await Fixture.CreateAsync(DatabaseProvider.Sqlite);

        // "hal" holds every role, but a grant only for Hartlepool (E06000001).
        var refused = await fixture.RunAsync("signoff", action, "--framework", "cli-signoff", "--council", "873", "--year", "2025", "--user", "hal");

        Assert.Equal((1, "", "no council with code or LA number '873'"), (refused.ExitCode, refused.Output, refused.Error.Trim()));
        Assert.Empty(await fixture.SignOffAuditAsync());
    }

    [Fact]
    public async Task Status_UnknownFramework_ExitsOne()
    {
        await using var fixture = await Fixture.CreateAsync(DatabaseProvider.Sqlite);

        var refused = await fixture.RunAsync("signoff", "status", "--framework", "nope", "--council", "873", "--year", "2025", "--user", "val");

        Assert.Equal((1, "no framework with id 'nope'"), (refused.ExitCode, refused.Error.Trim()));
    }

    // A database with the framework, a value for 873 in 2025 and one user per role: all granted Cambridgeshire but hal.
    private sealed class Fixture : IAsyncDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-cli-signoff-").FullName;

        private Fixture(TestDatabase database) => Database = database;

        public TestDatabase Database { get; }

        public TestClock Clock { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

        public static async Task<Fixture> CreateAsync(DatabaseProvider provider)
        {
            var fixture = new Fixture(await TestDatabase.CreateAsync(provider));
            await using (var db = fixture.Database.CreateContext())
            {
                await TestUsers.AddAsync(db, "val", [Council], Roles.Viewer);
                await TestUsers.AddAsync(db, "eve", [Council], Roles.Editor);
                await TestUsers.AddAsync(db, "max", [Council], Roles.Manager);
                await TestUsers.AddAsync(db, "hal", ["E06000001"]);
            }

            var yaml = Path.Combine(fixture._folder, "f.yaml");
            var values = Path.Combine(fixture._folder, "v.csv");
            await File.WriteAllTextAsync(yaml, Yaml, Cancel);
            await File.WriteAllTextAsync(values, "measure,council,period,value\ncomplaints,873,2025,12\n", Cancel);
            Assert.Equal(0, (await fixture.RunAsync("framework", "import", yaml)).ExitCode);
            Assert.Equal(0, (await fixture.RunAsync("values", "import", values)).ExitCode);
            return fixture;
        }

        public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
        {
            var root = new RootCommand("test")
            {
                FrameworkCommands.Framework(Database.CreateContext),
                FrameworkCommands.Values(Database.CreateContext),
                SignOffCommand.Create(Database.CreateContext, Clock),
            };
            var output = new StringWriter();
            var error = new StringWriter();
            var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Cancel);
            return (exitCode, output.ToString(), error.ToString());
        }

        /// <summary>The sign-off entries of the audit log, oldest first, as "actor subject details".</summary>
        public async Task<IReadOnlyList<string>> SignOffAuditAsync()
        {
            await using var db = Database.CreateContext();
            return await db.Set<AuditEventEntity>().Where(a => a.Action == "signoff").OrderBy(a => a.Id)
                .Select(a => a.Actor + " " + a.Subject + " " + a.Details).ToListAsync(Cancel);
        }

        public async ValueTask DisposeAsync()
        {
            await Database.DisposeAsync();
            Directory.Delete(_folder, true);
        }
    }
}
