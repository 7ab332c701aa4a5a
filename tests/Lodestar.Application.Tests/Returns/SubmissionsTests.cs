using System.Data.Common;
using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Returns;
using Lodestar.Formats;
using Lodestar.Formats.Reference;
using Lodestar.Formats.Text;
using Lodestar.Formats.Validation;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lodestar.Application.Tests.Returns;

public sealed class SubmissionsTests
{
    private const string Council = "E10000003";

    // 76 bytes; its SHA-256 computed by hand with `printf '…' | sha256sum`.
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2012,WBRI,A123456789012,,\n";
    private const string HeaderSha256 = "8e6c9c1b3eef2af8e2971ccd7506220ce3baeccfb75f997336bfefbb53e428db";

    private const string EpisodesHead = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    private static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Check_Readable903Files_StoresTheirBytesChecksumsRowsAndFindings(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var episodes = EpisodesHead
            + "C1,01/04/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n"
            + "C1,01/05/2024,P,C2,N1,U4,PR1,not a date,,,AB1 2CD,EF3 4GH,SC123456\n";
        Result<SubmissionCheck> result;
        await using (var db = database.CreateContext())
        {
            result = await Submissions(db).CheckAsync("ann", Council, [File("header_2025.csv", Header), File("episodes_2025.csv", episodes)], cancellationToken: Cancel);
        }

        var check = result.Value;
        var badDate = Assert.Single(check.Findings, f => f.Rule == "DATE-FORMAT");
        Assert.Equal(("episodes_2025.csv", 3, "DEC", "not a date", Severity.Error), (badDate.File, badDate.Line, badDate.Column, badDate.Value, badDate.Severity));

        await using var read = database.CreateContext();
        var stored = await read.Set<SubmissionEntity>().Include(s => s.Files).Include(s => s.Tables).SingleAsync(Cancel);
        Assert.Equal(
            (Council, StatutoryReturn.Ssda903, 2025, SubmissionStatus.Checked, "ann", Now),
            (stored.CouncilCode, stored.Return, stored.CollectionYear, stored.Status, stored.CheckedBy, stored.CheckedAt));
        var header = stored.Files.Single(f => f.Name == "header_2025.csv");
        Assert.Equal((76L, HeaderSha256, "903 Header CSV"), (header.Size, header.Sha256, header.Kind));
        Assert.Equal(Encoding.UTF8.GetBytes(Header), header.Content);
        Assert.Equal(Encoding.UTF8.GetBytes(episodes), stored.Files.Single(f => f.Name == "episodes_2025.csv").Content);
        Assert.Equal((1, 2, 0), (Rows(stored, "Header"), Rows(stored, "Episodes"), Rows(stored, "Reviews")));
        // Four findings: the unreadable DEC, the episode it leaves open before the next (142), no PrevPerm row for a
        // child starting care (630), and RNE P on the second episode though its placement is the first's (435: same
        // PLACE, PL_POST, URN and PLACE_PROVIDER).
        Assert.Equal(
            (check.Findings.Count(f => f.Severity == Severity.Error), check.Findings.Count(f => f.Severity == Severity.Warning), 4),
            (stored.Errors, stored.Warnings, stored.Errors + stored.Warnings));
        Assert.Equal(check.Findings, await Submissions(read).FindingsAsync(stored.Id, Cancel));

        var history = Assert.Single(await Submissions(read).ListAsync(Council, Cancel));
        Assert.Equal((check.Submission.Id, SubmissionStatus.Checked, 4), (history.Id, history.Status, history.Errors));
        Assert.Equal(check.Submission.Files, history.Files);
        Assert.Equal(new SubmittedFile("header_2025.csv", "903 Header CSV", 76, HeaderSha256), history.Files[0]);
        Assert.Equal(check.Submission.Rows, history.Rows);
        var entry = Assert.Single(await read.Set<AuditEventEntity>().ToListAsync(Cancel));
        Assert.Equal(
            ("ann", AuditActions.Import, $"submission {stored.Id} E10000003 SSDA903 2025"),
            (entry.Actor, entry.Action, entry.Subject));
    }

    [Theory]
    [AllDatabases]
    public async Task Check_903WithUascRowsAndNoPreviousYear_Stores205BAsNotRunAndListsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Result<SubmissionCheck> result;
        await using (var db = database.CreateContext())
        {
            result = await Submissions(db).CheckAsync(
                "ann", Council, [File("header_2025.csv", Header), File("uasc_2025.csv", "CHILD,SEX,DOB,DUC\nC1,M,01/01/2012,01/01/2030\n")], cancellationToken: Cancel);
        }

        // 205B and 205C, and the rules comparing the Header with last year's (202 ..., 205A, 205D), which has none either.
        string[] notRunRules = ["202", "203", "204", "205A", "205B", "205C", "205D", "207", "208", "624", "626"];
        Assert.Equal(notRunRules, result.Value.Submission.NotRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        var notRun = Assert.Single(result.Value.Submission.NotRun, n => n.Rule.Id == "205B");
        Assert.Equal(("205B", Council, 2025), (notRun.Rule.Id, notRun.Council, notRun.CollectionYear));
        Assert.Contains("no 2023/24 return was given", notRun.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Value.Findings, f => f.Rule == "205B");

        await using var read = database.CreateContext();
        var history = Assert.Single(await Submissions(read).ListAsync(Council, Cancel));
        Assert.Equal(result.Value.Submission.NotRun, history.NotRun);
        Assert.Equal(notRunRules, SubmissionResponse.From(history).NotRun.Select(n => n.Rule).Order(StringComparer.Ordinal));
    }

    [Theory]
    [AllDatabases]
    public async Task Check_903AfterLastYearConfirmed_Runs205BAgainstItAndKeepsOnlyThisYearsFindings(DatabaseProvider provider)
    {
        // C1 was born 1 May 2006: the 18th birthday is 1 May 2024. Last year's (2023/24) UASC row gives DUC 1 September 2023,
        // not the 18th birthday, and this year's gives 1 May 2024: 205B, on this year's row. Last year's header has an
        // unreadable date: its finding belongs to last year's submission and is not repeated on this one. Both Headers give the
        // UASC flag (C1 UASC both years), so that 205A, 205C and 205D run against last year's too.
        const string header2024 = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC\nC1,M,01/05/2006,WBRI,A123456789012,,,1\nC2,F,not a date,WBRI,,,,0\n";
        const string header2025 = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC\nC1,M,01/05/2006,WBRI,A123456789012,,,1\n";
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = Submissions(db);
        var last = await submissions.CheckAsync(
            "ann", Council, [File("header_2024.csv", header2024), File("uasc_2024.csv", "CHILD,SEX,DOB,DUC\nC1,M,01/05/2006,01/09/2023\n")], cancellationToken: Cancel);
        Assert.Contains(last.Value.Findings, f => f.File == "header_2024.csv");
        Assert.True((await submissions.ConfirmAsync("bob", last.Value.Submission.Id, Cancel)).Succeeded);

        var result = await submissions.CheckAsync(
            "ann", Council, [File("header_2025.csv", header2025), File("uasc_2025.csv", "CHILD,SEX,DOB,DUC\nC1,M,01/05/2006,01/05/2024\n")], cancellationToken: Cancel);

        Assert.Empty(result.Value.Submission.NotRun);
        var finding = Assert.Single(result.Value.Findings, f => f.Rule == "205B");
        Assert.Equal(("uasc_2025.csv", 2), (finding.File, finding.Line));
        Assert.All(result.Value.Findings, f => Assert.EndsWith("_2025.csv", f.File, StringComparison.Ordinal));
    }

    [Theory]
    [AllDatabases]
    public async Task Check_903WithAProviderList_RunsTheUrnRulesAndWithoutOneStoresThemAsNotRun(DatabaseProvider provider)
    {
        // The episode's URN, SC123456, is not on the (invented) provider list: 1008. No postcode lookup is given (218, 392c, 169,
        // 179, 420, 1015, and 164, 392a, 406 on distances, are not run), and the list has no postcode, registration end or council
        // column (221, 227, 228, 229). The Header gives the UASC flag, so that no rule is not run for want of it.
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        InputFile[] files =
        [
            File("header_2025.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC\nC1,M,01/01/2012,WBRI,A123456789012,,,0\n"),
            File("episodes_2025.csv", EpisodesHead + "C1,01/04/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n"),
            File("prev_perm_2025.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,01/01/2012,Z1,,\n"),
        ];
        var providers = OfstedProviders.Parse("providers.csv", "URN,PLACE_CODES,PROVIDER_CODES\nSC654321,K2,PR4\n").Value;
        var clock = new FixedClock(Now);

        var unlisted = (await Submissions(db).CheckAsync("ann", Council, files, cancellationToken: Cancel)).Value;
        var listed = (await new Submissions(db, new AuditLog(db, clock), clock, references: new ValidationReferences(Providers: providers))
            .CheckAsync("ann", Council, files, cancellationToken: Cancel)).Value;

        // The rules not run for want of a list (those across years are not run for want of last year's return too: 452, 453,
        // 503G, 503H and 503J also need the postcode lookup).
        static IEnumerable<string> ForWantOfAList(IEnumerable<RuleNotRun> notRun) =>
            notRun.Where(n => n.Reason.StartsWith("it needs", StringComparison.Ordinal)).Select(n => n.Rule.Id).Order(StringComparer.Ordinal);
        Assert.Empty(unlisted.Findings);
        Assert.Equal(["1008", "1015", "164", "169", "179", "218", "219", "221", "224", "227", "228", "229", "392a", "392c", "406", "420", "452", "453", "503G", "503H", "503J"], ForWantOfAList(unlisted.Submission.NotRun));
        Assert.Equal(["1008"], listed.Findings.Select(f => f.Rule));
        Assert.Equal(["1015", "164", "169", "179", "218", "221", "227", "228", "229", "392a", "392c", "406", "420", "452", "453", "503G", "503H", "503J"], ForWantOfAList(listed.Submission.NotRun));
        var history = await Submissions(db).ListAsync(Council, Cancel);
        Assert.Equal(["1015", "164", "169", "179", "218", "221", "227", "228", "229", "392a", "392c", "406", "420", "452", "453", "503G", "503H", "503J"], ForWantOfAList(history.Single(s => s.Id == listed.Submission.Id).NotRun));
    }

    [Theory]
    [AllDatabases]
    public async Task Check_903HeaderOnlyAndNoPreviousYear_ListsOnlyTheHeaderRulesAcrossYearsAsNotRun(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var result = await Submissions(db).CheckAsync("ann", Council, [File("header_2025.csv", Header)], cancellationToken: Cancel);

        // No UASC rows (205B) and no episodes (502, 503A ..., and the rules needing reference lists): only the Header's.
        Assert.Equal(["202", "203", "204", "205A", "205D", "207", "208", "624", "626"], result.Value.Submission.NotRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [AllDatabases]
    public async Task Check_OneFileUnreadable_RefusesTheWholeUploadAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE EXPSSDA903 [<!ENTITY lol "lol">]>
            <EXPSSDA903><CHILD><CHILDID>&lol;</CHILDID></CHILD></EXPSSDA903>
            """;

        var result = await Submissions(db).CheckAsync(
            "ann", Council, [File("header_2025.csv", Header), File("903.xml", hostile), new InputFile("junk.csv", [0x50, 0x4B, 0x00, 0x01])], cancellationToken: Cancel);

        Assert.False(result.Succeeded);
        Assert.Equal(["903.xml", "junk.csv"], result.Problems.Select(p => p.File));
        Assert.StartsWith("XML with a DTD", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("binary file, not text", result.Problems[1].Message);
        await using var read = database.CreateContext();
        Assert.Equal((0, 0), (await read.Set<SubmissionEntity>().CountAsync(Cancel), await read.Set<AuditEventEntity>().CountAsync(Cancel)));
    }

    [Theory]
    [InlineData("903/header.csv")]
    [InlineData("C:\\returns\\header.csv")]
    [InlineData(" ")]
    public async Task Check_FileNamedWithFolders_IsTheHostsMistakeAndThrows(string name)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<ArgumentException>(() => Submissions(db).CheckAsync("ann", Council, [File(name, Header)], cancellationToken: Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Check_FilesOfTwoYears_IsRefusedNamingEachYearsFiles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var result = await Submissions(db).CheckAsync("ann", Council, [File("header_2024.csv", Header), File("header_2025.csv", Header)], cancellationToken: Cancel);

        Assert.Equal(
            "one submission is one collection year: these files hold 2024 (header_2024.csv) and 2025 (header_2025.csv); submit them separately",
            Assert.Single(result.Problems).Message);
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Check_903AndCinTogether_IsRefusedAsTwoReturns(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var census = """
            <Message>
              <Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year></CollectionDetails></Header>
              <Children><Child><ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate><Sex>M</Sex></ChildIdentifiers></Child></Children>
            </Message>
            """;

        var result = await Submissions(db).CheckAsync("ann", Council, [File("header_2025.csv", Header), File("cin.xml", census)], cancellationToken: Cancel);

        Assert.Equal(
            "one submission is one return: these files hold the SSDA903 (header_2025.csv) and the CIN census (cin.xml); submit them separately",
            Assert.Single(result.Problems).Message);
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Check_FileOverTheLimit_IsRefusedBeforeReading(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = new FixedClock(Now);
        var submissions = new Submissions(db, new AuditLog(db, clock), clock, new ReadLimits(MaxFileBytes: 75));

        var result = await submissions.CheckAsync("ann", Council, [File("header_2025.csv", Header)], cancellationToken: Cancel);

        Assert.Equal("header_2025.csv: file is 76 bytes, over the limit of 75", Assert.Single(result.Problems).ToString());
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Check_YearGivenButAFileNamedForAnotherYear_IsRefusedNamingTheFile(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var result = await Submissions(db).CheckAsync("ann", Council, [File("header_2024.csv", Header), File("header_2025.csv", Header)], 2025, Cancel);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("header_2024.csv", problem.File);
        Assert.Contains("says collection year 2024, but the submission is for 2025", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Check_TableWithoutOneOfItsColumns_IsRefusedNamingFileLineAndColumn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        // The Header table without MC_DOB: readable (its key columns are there), but not the DfE's table.
        var header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER\nC1,1,01/01/2012,WBRI,A123456789012,\n";

        var result = await Submissions(db).CheckAsync("ann", Council, [File("header_2025.csv", header)], cancellationToken: Cancel);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("header_2025.csv", 1, "MC_DOB", Severity.Error), (problem.File, problem.Line, problem.Column, problem.Severity));
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Discard_ACheckedSubmission_KeepsItInTheHistoryAsDiscarded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = Submissions(db);
        var id = await CheckedAsync(submissions);

        var discarded = await submissions.DiscardAsync("bob", id, Cancel);
        var confirmed = await submissions.ConfirmAsync("bob", id, Cancel);

        Assert.Equal(SubmissionStatus.Discarded, discarded.Value.Status);
        Assert.Equal($"submission {id} is discarded: only a checked submission can be confirmed", Assert.Single(confirmed.Problems).Message);
        Assert.Equal(SubmissionStatus.Discarded, Assert.Single(await submissions.ListAsync(Council, Cancel)).Status);
    }

    [Theory]
    [AllDatabases]
    public async Task Confirm_ALaterSubmission_SupersedesTheConfirmedOneAndIsAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = Submissions(db);
        var first = await CheckedAsync(submissions);
        var second = await CheckedAsync(submissions);
        Assert.True((await submissions.ConfirmAsync("bob", first, Cancel)).Succeeded);

        var confirmed = await submissions.ConfirmAsync("cat", second, Cancel);
        var again = await submissions.ConfirmAsync("cat", first, Cancel);

        Assert.Equal((SubmissionStatus.Confirmed, "cat", Now, first), (confirmed.Value.Status, confirmed.Value.ConfirmedBy, confirmed.Value.ConfirmedAt, confirmed.Value.SupersededId));
        Assert.Equal($"submission {first} is superseded: only a checked submission can be confirmed", Assert.Single(again.Problems).Message);
        await using var read = database.CreateContext();
        Assert.Equal([(second, SubmissionStatus.Confirmed), (first, SubmissionStatus.Superseded)], await StatusesAsync(read));
        var entry = await read.Set<AuditEventEntity>().OrderByDescending(a => a.Id).FirstAsync(Cancel);
        Assert.Equal(("cat", $"submission {second} E10000003 SSDA903 2025", $"confirmed, superseding submission {first}"), (entry.Actor, entry.Subject, entry.Details));
    }

    [Theory]
    [AllDatabases]
    public async Task Confirm_AnotherYear_LeavesThisYearsConfirmedSubmissionAlone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = Submissions(db);
        var thisYear = await CheckedAsync(submissions);
        var lastYear = (await submissions.CheckAsync("ann", Council, [File("header.csv", Header)], 2024, Cancel)).Value.Submission;
        await submissions.ConfirmAsync("bob", thisYear, Cancel);

        var confirmed = await submissions.ConfirmAsync("bob", lastYear.Id, Cancel);

        Assert.Equal((2024, (long?)null), (confirmed.Value.CollectionYear, confirmed.Value.SupersededId));
        await using var read = database.CreateContext();
        Assert.Equal([(lastYear.Id, SubmissionStatus.Confirmed), (thisYear, SubmissionStatus.Confirmed)], await StatusesAsync(read));
    }

    [Theory]
    [AllDatabases]
    public async Task RollBack_TheConfirmedSubmission_ConfirmsTheOneItSupersededAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = Submissions(db);
        var first = await CheckedAsync(submissions);
        var second = await CheckedAsync(submissions);
        await submissions.ConfirmAsync("bob", first, Cancel);
        await submissions.ConfirmAsync("bob", second, Cancel);

        var third = await CheckedAsync(submissions);

        var rolledBack = await submissions.RollBackAsync("cat", second, Cancel);
        var checkedOne = await submissions.RollBackAsync("cat", third, Cancel);

        Assert.Equal(SubmissionStatus.RolledBack, rolledBack.Value.Status);
        Assert.False(checkedOne.Succeeded);
        await using var read = database.CreateContext();
        Assert.Equal([(third, SubmissionStatus.Checked), (second, SubmissionStatus.RolledBack), (first, SubmissionStatus.Confirmed)], await StatusesAsync(read));
        var entry = await read.Set<AuditEventEntity>().OrderByDescending(a => a.Id).FirstAsync(Cancel);
        Assert.Equal(("cat", $"submission {second} E10000003 SSDA903 2025", $"rolled back; submission {first} confirmed again"), (entry.Actor, entry.Subject, entry.Details));
    }

    [Theory]
    [AllDatabases]
    public async Task Confirm_DatabaseFailsPartWay_LeavesThePreviousSubmissionConfirmed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long first, second;
        int entries;
        await using (var db = database.CreateContext())
        {
            var submissions = Submissions(db);
            first = await CheckedAsync(submissions);
            second = await CheckedAsync(submissions);
            await submissions.ConfirmAsync("bob", first, Cancel);
            entries = await db.Set<AuditEventEntity>().CountAsync(Cancel);
        }

        // The first update (the confirmed one superseded) goes through; the second (the new one confirmed) fails.
        await using (var failing = database.CreateContext(new FailSecondSubmissionUpdate()))
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => Submissions(failing).ConfirmAsync("cat", second, Cancel));
        }

        await using var read = database.CreateContext();
        Assert.Equal([(second, SubmissionStatus.Checked), (first, SubmissionStatus.Confirmed)], await StatusesAsync(read));
        Assert.Equal(entries, await read.Set<AuditEventEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Confirm_SubmissionConfirmedByAnotherProcessMeanwhile_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long id;
        await using (var db = database.CreateContext())
        {
            id = await CheckedAsync(Submissions(db));
        }

        // The second manager's context read the submission while it was still checked...
        await using var late = database.CreateContext();
        _ = await late.Set<SubmissionEntity>().SingleAsync(s => s.Id == id, Cancel);
        // ...then the first manager confirmed it.
        await using (var first = database.CreateContext())
        {
            Assert.True((await Submissions(first).ConfirmAsync("bob", id, Cancel)).Succeeded);
        }

        var refused = await Submissions(late).ConfirmAsync("cat", id, Cancel);

        Assert.False(refused.Succeeded);
        Assert.Contains("someone else changed it", Assert.Single(refused.Problems).Message, StringComparison.Ordinal);
        await using var read = database.CreateContext();
        var stored = await read.Set<SubmissionEntity>().SingleAsync(Cancel);
        Assert.Equal((SubmissionStatus.Confirmed, "bob"), (stored.Status, stored.ConfirmedBy));
        Assert.DoesNotContain(await read.Set<AuditEventEntity>().Select(a => a.Actor).ToListAsync(Cancel), a => a == "cat");
    }

    [Theory]
    [AllDatabases]
    public async Task Confirm_TwoSubmissionsOfOneYearAtOnce_LeavesOneConfirmedAndNeverThrows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long first, second;
        await using (var db = database.CreateContext())
        {
            first = await CheckedAsync(Submissions(db));
            second = await CheckedAsync(Submissions(db));
        }

        await using var one = database.CreateContext();
        await using var two = database.CreateContext();
        var results = await Task.WhenAll(Submissions(one).ConfirmAsync("bob", first, Cancel), Submissions(two).ConfirmAsync("cat", second, Cancel));

        // Either one after the other (the later supersedes the earlier) or at once (one refused): never two confirmed.
        await using var read = database.CreateContext();
        var statuses = await StatusesAsync(read);
        Assert.Equal(1, statuses.Count(s => s.Item2 == SubmissionStatus.Confirmed));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains("someone else changed it", r.Problems[0].Message, StringComparison.Ordinal));
        Assert.Equal(results.Count(r => r.Succeeded), await read.Set<AuditEventEntity>().CountAsync(a => a.Details != null && a.Details.StartsWith("confirmed"), Cancel));
    }

    private static async Task<long> CheckedAsync(Submissions submissions) =>
        (await submissions.CheckAsync("ann", Council, [File("header_2025.csv", Header)], cancellationToken: Cancel)).Value.Submission.Id;

    private static async Task<List<(long, SubmissionStatus)>> StatusesAsync(LodestarDbContext db) =>
        [.. (await db.Set<SubmissionEntity>().OrderByDescending(s => s.Id).Select(s => new { s.Id, s.Status }).ToListAsync(Cancel)).Select(s => (s.Id, s.Status))];

    private static int Rows(SubmissionEntity submission, string table) => submission.Tables.Single(t => t.Name == table).Rows;

    private static InputFile File(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    private static Submissions Submissions(LodestarDbContext db)
    {
        var clock = new FixedClock(Now);
        return new Submissions(db, new AuditLog(db, clock), clock);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    // Stands in for a lost connection half-way through a confirmation.
    private sealed class FailSecondSubmissionUpdate : DbCommandInterceptor
    {
        private int _updates;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Fail(DbCommand command)
        {
            // PostgreSQL's SQL names the table unquoted, SQLite's quoted.
            if (command.CommandText.Contains("UPDATE", StringComparison.Ordinal) && command.CommandText.Contains("submissions", StringComparison.Ordinal) && ++_updates == 2)
            {
                throw new LostConnectionException();
            }
        }
    }

    private sealed class LostConnectionException() : DbException("the connection was lost (test)");
}
