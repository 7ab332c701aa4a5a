using System.CommandLine;
using System.Text.Json;
using Lodestar.Cli.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Domain.Returns;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Cli.Tests.Returns;

public sealed class ReturnsCommandTests : IAsyncDisposable
{
    private const string Council = "E10000003";

    // 76 bytes; the SHA-256 is the one SubmissionsTests computed by hand with sha256sum.
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2012,WBRI,A123456789012,,\n";
    private const string HeaderSha256 = "8e6c9c1b3eef2af8e2971ccd7506220ce3baeccfb75f997336bfefbb53e428db";

    private const string Episodes =
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        + "C1,01/04/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n";

    // C1 starts care in the year: its previous permanence option (none) is part of the return (DfE 630).
    private const string PrevPerm = "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,01/01/2012,Z1,,\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-cli-returns-").FullName;
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

        Directory.Delete(_folder, true);
    }

    [Theory]
    [AllDatabases]
    public async Task Import_AGood903Folder_StoresACheckedSubmissionExitsZeroAndIsListed(DatabaseProvider provider)
    {
        await UseAsync(provider);
        var folder = Folder("903", ("header_2025.csv", Header), ("episodes_2025.csv", Episodes), ("prev_perm_2025.csv", PrevPerm));

        var (exitCode, output, error) = await RunAsync("returns", "import", folder, "--council", Council);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains($"{Council} SSDA903 2025, checked", output, StringComparison.Ordinal);
        Assert.Contains($"file header_2025.csv (903 Header CSV, 76 bytes) sha256 {HeaderSha256}", output, StringComparison.Ordinal);
        Assert.Contains("rows: ", output, StringComparison.Ordinal);
        Assert.Contains("Episodes 1", output, StringComparison.Ordinal);
        Assert.Contains("0 errors, 0 warnings", output, StringComparison.Ordinal);
        Assert.Contains("lodestar returns confirm ", output, StringComparison.Ordinal);
        await using var db = _database!.CreateContext();
        var stored = await db.Set<SubmissionEntity>().SingleAsync(Cancel);
        Assert.Equal((SubmissionStatus.Checked, Actor), (stored.Status, stored.CheckedBy));

        var (listed, list, _) = await RunAsync("returns", "list", "--council", Council);
        Assert.Equal(0, listed);
        Assert.Contains($"Submission {stored.Id}: {Council} SSDA903 2025, checked", list, StringComparison.Ordinal);
    }

    [Theory]
    [AllDatabases]
    public async Task Import_UascRowsWithoutLastYearsReturn_PrintsAndListsTheRuleThatCouldNotRun(DatabaseProvider provider)
    {
        await UseAsync(provider);
        var folder = Folder("903", ("header_2025.csv", Header), ("episodes_2025.csv", Episodes), ("prev_perm_2025.csv", PrevPerm),
            ("uasc_2025.csv", "CHILD,SEX,DOB,DUC\nC1,M,01/01/2012,01/01/2030\n"));

        var (_, output, _) = await RunAsync("returns", "import", folder, "--council", Council);
        var (_, list, _) = await RunAsync("returns", "list", "--council", Council);
        var (_, json, _) = await RunAsync("returns", "list", "--council", Council, "--format", "json");

        Assert.Contains($"  205B, 205C not run for 2024/25 ({Council}): ", output, StringComparison.Ordinal);
        Assert.Contains($"  205B, 205C not run for 2024/25 ({Council}): ", list, StringComparison.Ordinal);
        var notRun = JsonDocument.Parse(json).RootElement.EnumerateArray().Single().GetProperty("notRun").EnumerateArray().ToList();
        var uasc = Assert.Single(notRun, n => n.GetProperty("rule").GetString() == "205B");
        Assert.Equal(2025, uasc.GetProperty("collectionYear").GetInt32());
        // No reference list is set (Lodestar__Reference__…): the rules that need one are listed too.
        Assert.Contains(notRun, n => n.GetProperty("rule").GetString() == "1008");
        Assert.Contains($"  1008, 219, 224, 221, 227, 228, 229 not run for 2024/25 ({Council}): ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AnnexAListsFolder_StoresAnAnnexASubmissionWithItsListFinding()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        var folder = Folder("annex_a",
            ("list1_2025.csv", "Child Unique ID,Date of Contact\nC1,03/06/2024\nC2,31/02/2025\n"),
            ("list9_2025.csv", "Child Unique ID,LA in Touch\nC3,a) Yes\n"));

        var (exitCode, output, _) = await RunAsync("returns", "import", folder, "--council", Council);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{Council} Annex A 2025, checked", output, StringComparison.Ordinal);
        Assert.Contains("error ANNEXA-DATE: list1_2025.csv, line 3, column List 1: Date of Contact, value '31/02/2025'", output, StringComparison.Ordinal);
        await using var db = _database!.CreateContext();
        var stored = await db.Set<SubmissionEntity>().SingleAsync(Cancel);
        Assert.Equal((StatutoryReturn.AnnexA, 2025), (stored.Return, stored.CollectionYear));
    }

    [Fact]
    public async Task Import_AFileWithADataError_StoresItExitsOneAndPrintsTheFindingWithItsLine()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        var bad = Episodes + "C1,01/05/2024,P,C2,N1,U4,PR1,not a date,,,AB1 2CD,EF3 4GH,SC123456\n";
        var folder = Folder("903", ("header_2025.csv", Header), ("episodes_2025.csv", bad));

        var (exitCode, output, _) = await RunAsync("returns", "import", Path.Combine(folder, "header_2025.csv"), Path.Combine(folder, "episodes_2025.csv"), "--council", Council);

        Assert.Equal(1, exitCode);
        Assert.Contains("error DATE-FORMAT: episodes_2025.csv, line 3, column DEC, value 'not a date'", output, StringComparison.Ordinal);
        await using var db = _database!.CreateContext();
        Assert.Equal(SubmissionStatus.Checked, (await db.Set<SubmissionEntity>().SingleAsync(Cancel)).Status);
    }

    [Fact]
    public async Task Import_MoreThanFiftyFindings_PrintsTheFirstFiftyAndCountsTheRest()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        var bad = Episodes + string.Concat(Enumerable.Repeat("C1,01/05/2024,P,C2,N1,U4,PR1,not a date,,,AB1 2CD,EF3 4GH,SC123456\n", 60));
        var folder = Folder("903", ("header_2025.csv", Header), ("episodes_2025.csv", bad));

        var (exitCode, output, _) = await RunAsync("returns", "import", folder, "--council", Council);

        await using var db = _database!.CreateContext();
        var stored = await db.Set<SubmissionEntity>().SingleAsync(Cancel);
        var shown = output.Split('\n').Count(l => l.StartsWith("  error ", StringComparison.Ordinal) || l.StartsWith("  warning ", StringComparison.Ordinal));
        Assert.Equal((1, 50), (exitCode, shown));
        Assert.True(stored.Errors + stored.Warnings > 60);
        Assert.Contains($"  … and {stored.Errors + stored.Warnings - 50} more findings.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AJunkFile_ExitsTwoAndStoresNothing()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        var folder = Folder("903", ("header_2025.csv", Header));
        await File.WriteAllBytesAsync(Path.Combine(folder, "junk.csv"), [0x50, 0x4B, 0x00, 0x01], Cancel);

        var (exitCode, output, error) = await RunAsync("returns", "import", folder, "--council", Council, "--confirm");

        Assert.Equal((2, ""), (exitCode, output));
        Assert.Contains("refused, nothing stored", error, StringComparison.Ordinal);
        Assert.Contains("junk.csv: binary file, not text", error, StringComparison.Ordinal);
        await using var db = _database!.CreateContext();
        Assert.Equal((0, 0), (await db.Set<SubmissionEntity>().CountAsync(Cancel), await db.Set<AuditEventEntity>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Import_TwoYearsInOneCommand_IsRefusedWithTheUseCasesMessage()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        var folder = Folder("903", ("header_2024.csv", Header), ("header_2025.csv", Header));

        var (exitCode, _, error) = await RunAsync("returns", "import", folder, "--council", Council);

        Assert.Equal(2, exitCode);
        Assert.Contains("one submission is one collection year: these files hold 2024 (header_2024.csv) and 2025 (header_2025.csv); submit them separately", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AMissingPath_ExitsTwo()
    {
        await UseAsync(DatabaseProvider.Sqlite);

        var (exitCode, _, error) = await RunAsync("returns", "import", Path.Combine(_folder, "nowhere"), "--council", Council);

        Assert.Equal(2, exitCode);
        Assert.Contains("no such file or folder", error, StringComparison.Ordinal);
    }

    [Theory]
    [AllDatabases]
    public async Task Import_WithConfirm_ConfirmsAndAuditsAsTheCliUser(DatabaseProvider provider)
    {
        await UseAsync(provider);
        var folder = Folder("903", ("header_2025.csv", Header));

        var (exitCode, output, error) = await RunAsync("returns", "import", folder, "--council", Council, "--confirm");

        Assert.Equal((0, ""), (exitCode, error));
        await using var db = _database!.CreateContext();
        var stored = await db.Set<SubmissionEntity>().SingleAsync(Cancel);
        Assert.Contains($"Confirmed submission {stored.Id} as {Council}'s SSDA903 2025.", output, StringComparison.Ordinal);
        Assert.Equal((SubmissionStatus.Confirmed, Actor), (stored.Status, stored.ConfirmedBy));
        var entries = await db.Set<AuditEventEntity>().OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Equal(
            [(Actor, $"submission {stored.Id} E10000003 SSDA903 2025", "checked: 1 files, 0 errors, 0 warnings"), (Actor, $"submission {stored.Id} E10000003 SSDA903 2025", "confirmed")],
            entries.Select(e => (e.Actor, e.Subject, e.Details)));
    }

    [Fact]
    public async Task ConfirmThenRollback_TwoImports_WalkTheHistoryAndListItAsJson()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        var folder = Folder("903", ("header_2025.csv", Header));
        Assert.Equal(0, (await RunAsync("returns", "import", folder, "--council", Council, "--confirm")).ExitCode);
        Assert.Equal(0, (await RunAsync("returns", "import", folder, "--council", Council)).ExitCode);
        long first, second;
        await using (var db = _database!.CreateContext())
        {
            var ids = await db.Set<SubmissionEntity>().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(Cancel);
            (first, second) = (ids[0], ids[1]);
        }

        var confirmed = await RunAsync("returns", "confirm", second.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var again = await RunAsync("returns", "confirm", first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var rolledBack = await RunAsync("returns", "rollback", second.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (listed, json, _) = await RunAsync("returns", "list", "--council", Council, "--format", "json");

        Assert.Equal(0, confirmed.ExitCode);
        Assert.Contains($"confirmed by {Actor}", confirmed.Output, StringComparison.Ordinal);
        Assert.Contains($"superseding submission {first}", confirmed.Output, StringComparison.Ordinal);
        Assert.Equal((2, $"lodestar returns confirm: submission {first} is superseded: only a checked submission can be confirmed"), (again.ExitCode, again.Error.Trim()));
        Assert.Equal(0, rolledBack.ExitCode);
        Assert.Contains("rolled back", rolledBack.Output, StringComparison.Ordinal);
        Assert.Equal(0, listed);
        using var document = JsonDocument.Parse(json);
        var history = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(
            [(second, "rolled_back"), (first, "confirmed")],
            history.Select(h => (h.GetProperty("id").GetInt64(), h.GetProperty("status").GetString())));
        var file = Assert.Single(history[0].GetProperty("files").EnumerateArray());
        Assert.Equal(("header_2025.csv", HeaderSha256, 76L), (file.GetProperty("name").GetString(), file.GetProperty("sha256").GetString(), file.GetProperty("size").GetInt64()));
        Assert.Equal(("ssda903", 2025, 1, Actor), (history[0].GetProperty("return").GetString(), history[0].GetProperty("collectionYear").GetInt32(), history[0].GetProperty("rows").GetProperty("Header").GetInt32(), history[0].GetProperty("checkedBy").GetString()));
    }

    [Fact]
    public async Task Discard_ACheckedSubmission_ExitsZeroAndAnUnknownIdExitsTwo()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await RunAsync("returns", "import", Folder("903", ("header_2025.csv", Header)), "--council", Council)).ExitCode);
        await using var db = _database!.CreateContext();
        var id = (await db.Set<SubmissionEntity>().SingleAsync(Cancel)).Id;

        var discarded = await RunAsync("returns", "discard", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var unknown = await RunAsync("returns", "discard", "9999");

        Assert.Equal(0, discarded.ExitCode);
        Assert.Contains($"Submission {id}: {Council} SSDA903 2025, discarded", discarded.Output, StringComparison.Ordinal);
        Assert.Equal((2, "lodestar returns discard: no submission 9999"), (unknown.ExitCode, unknown.Error.Trim()));
    }

    [Theory]
    [AllDatabases]
    public async Task Import_AUserWithoutAGrantForTheCouncil_ExitsTwoAsForAnUnknownCouncilAndStoresNothing(DatabaseProvider provider)
    {
        await UseAsync(provider);
        await using (var setup = _database!.CreateContext())
        {
            await TestUsers.AddAsync(setup, "bea", ["E10000015"], Lodestar.Data.Security.Roles.Editor);
        }

        var folder = Folder("903", ("header_2025.csv", Header));

        var refused = await RunAsUserAsync("returns", "import", folder, "--council", Council, "--user", "bea");
        var unknown = await RunAsUserAsync("returns", "import", folder, "--council", "E99999999", "--user", "bea");

        Assert.Equal((2, ""), (refused.ExitCode, refused.Output));
        Assert.Equal($"lodestar returns import: refused, nothing stored:\n  unknown council '{Council}'", refused.Error.Trim().ReplaceLineEndings("\n"));
        Assert.Equal(refused.Error.Replace(Council, "E99999999", StringComparison.Ordinal), unknown.Error);
        await using var db = _database.CreateContext();
        Assert.Equal((0, 0), (await db.Set<SubmissionEntity>().CountAsync(Cancel), await db.Set<AuditEventEntity>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Import_AGrantedUserWithoutTheEditorRole_IsRefusedAndAfterTheGrantIsStored()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        await using (var setup = _database!.CreateContext())
        {
            await TestUsers.AddAsync(setup, "cat", [Council], Lodestar.Data.Security.Roles.Viewer);
            await TestUsers.AddAsync(setup, "dan", [Council], Lodestar.Data.Security.Roles.Editor);
        }

        var folder = Folder("903", ("header_2025.csv", Header));

        var viewer = await RunAsUserAsync("returns", "import", folder, "--council", Council, "--user", "cat");
        var editorConfirming = await RunAsUserAsync("returns", "import", folder, "--council", Council, "--user", "dan", "--confirm");
        var editor = await RunAsUserAsync("returns", "import", folder, "--council", Council, "--user", "dan");

        Assert.Equal(2, viewer.ExitCode);
        Assert.Contains($"unknown council '{Council}'", viewer.Error, StringComparison.Ordinal);
        Assert.Equal(2, editorConfirming.ExitCode);
        Assert.Equal((0, ""), (editor.ExitCode, editor.Error));
        await using var db = _database.CreateContext();
        Assert.Equal("cli:dan", (await db.Set<SubmissionEntity>().SingleAsync(Cancel)).CheckedBy);
    }

    [Fact]
    public async Task ListConfirmDiscard_WithoutAGrant_ExitTwoAsForAnUnknownCouncilOrSubmission()
    {
        await UseAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await RunAsync("returns", "import", Folder("903", ("header_2025.csv", Header)), "--council", Council)).ExitCode);
        await using (var setup = _database!.CreateContext())
        {
            await TestUsers.AddAsync(setup, "eve", ["E10000015"]);
        }

        long id;
        await using (var db = _database.CreateContext())
        {
            id = (await db.Set<SubmissionEntity>().SingleAsync(Cancel)).Id;
        }

        var text = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var list = await RunAsUserAsync("returns", "list", "--council", Council, "--user", "eve");
        var listUnknown = await RunAsUserAsync("returns", "list", "--council", "E99999999", "--user", "eve");
        var confirm = await RunAsUserAsync("returns", "confirm", text, "--user", "eve");
        var discard = await RunAsUserAsync("returns", "discard", text, "--user", "eve");
        var noUser = await RunAsUserAsync("returns", "list", "--council", Council);
        var noSuchUser = await RunAsUserAsync("returns", "list", "--council", Council, "--user", "nobody");

        Assert.Equal((2, "", $"lodestar returns list: unknown council '{Council}'"), (list.ExitCode, list.Output, list.Error.Trim()));
        Assert.Equal((2, "lodestar returns list: unknown council 'E99999999'"), (listUnknown.ExitCode, listUnknown.Error.Trim()));
        Assert.Equal((2, $"lodestar returns confirm: no submission {id}"), (confirm.ExitCode, confirm.Error.Trim()));
        Assert.Equal((2, $"lodestar returns discard: no submission {id}"), (discard.ExitCode, discard.Error.Trim()));
        Assert.Equal(2, noUser.ExitCode);
        Assert.Contains("--user NAME, or set LODESTAR_USER", noUser.Error, StringComparison.Ordinal);
        Assert.Equal((2, list.Error), (noSuchUser.ExitCode, noSuchUser.Error));
        await using var check = _database.CreateContext();
        Assert.Equal(SubmissionStatus.Checked, (await check.Set<SubmissionEntity>().SingleAsync(Cancel)).Status);
    }

    [Theory]
    [AllDatabases]
    public async Task Load_TwoCouncilsFolders_StoresEachReturnConfirmedWithItsResults(DatabaseProvider provider)
    {
        await UseAsync(provider);
        foreach (var council in new[] { Council, "E09000002" })
        {
            Folder(Path.Combine("national", council, "903"), ("header_2025.csv", Header), ("episodes_2025.csv", Episodes), ("prev_perm_2025.csv", PrevPerm));
        }

        var (exitCode, output, error) = await RunAsync("returns", "load", Path.Combine(_folder, "national"), "--workers", "1");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.StartsWith("Loaded 2 councils: 2 submissions checked and confirmed (6 files, 0 MB), 0 errors, 0 warnings; ", output, StringComparison.Ordinal);
        await using var db = _database!.CreateContext();
        Assert.Equal(
            [("E09000002", SubmissionStatus.Confirmed, Actor, Actor), (Council, SubmissionStatus.Confirmed, Actor, Actor)],
            (await db.Set<SubmissionEntity>().OrderBy(s => s.CouncilCode).ToListAsync(Cancel)).Select(s => (s.CouncilCode, s.Status, s.CheckedBy, s.ConfirmedBy!)));
        // C1 looked after from 1 April 2024: one at 31 March 2025 in each council.
        Assert.Equal(
            [1.0, 1.0],
            await db.Set<KpiResultEntity>().Where(r => r.Kpi == "cla_at_end" && r.PeriodStart == new DateOnly(2024, 4, 1) && r.PeriodEnd == new DateOnly(2025, 3, 31)).Select(r => r.Value!.Value).ToListAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Load_NoGrantForOneOfTheCouncils_IsRefusedAsAnUnknownCouncilAndStoresNothing(DatabaseProvider provider)
    {
        await UseAsync(provider);
        await using (var db = _database!.CreateContext())
        {
            await TestUsers.AddAsync(db, "mia", [Council], Lodestar.Data.Security.Roles.Manager);
        }

        foreach (var council in new[] { Council, "E09000002" })
        {
            Folder(Path.Combine("national", council, "903"), ("header_2025.csv", Header), ("episodes_2025.csv", Episodes), ("prev_perm_2025.csv", PrevPerm));
        }

        var (exitCode, _, error) = await RunAsUserAsync("returns", "load", Path.Combine(_folder, "national"), "--user", "mia");

        Assert.Equal(2, exitCode);
        Assert.Equal("lodestar returns load: refused, nothing stored:\n  unknown council 'E09000002'\n", error.ReplaceLineEndings("\n"));
        await using var read = _database!.CreateContext();
        Assert.False(await read.Set<SubmissionEntity>().AnyAsync(Cancel));
    }

    private async Task UseAsync(DatabaseProvider provider)
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        await TestUsers.AddAsync(db, User);
    }

    private string Folder(string name, params (string Name, string Text)[] files)
    {
        var folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsUserAsync([.. args, "--user", User]);

    private async Task<(int ExitCode, string Output, string Error)> RunAsUserAsync(params string[] args)
    {
        var root = new RootCommand("test") { ReturnsCommand.Create(_database!.CreateContext) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Cancel);
        return (exitCode, output.ToString(), error.ToString());
    }
}
