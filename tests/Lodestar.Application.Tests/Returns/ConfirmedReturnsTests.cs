using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Domain.Periods;
using Lodestar.Formats;
using Lodestar.Metrics.Kpis;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Tests.Returns;

/// <summary>The engine's model of a council, built from its confirmed submissions and swapped after each confirmation and roll-back.</summary>
public sealed class ConfirmedReturnsTests
{
    private const string Council = "E10000003";

    private const string HeaderHead = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    private const string EpisodesHead = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Model_ConfirmThenRollBack_ComputesFromTheConfirmedSubmissionEachTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var store = new StatutoryDataStore(PopulationEstimates.None);
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, model: store);

        // First 2025 return: C1 and C2 looked after from April 2024, neither ceased: 2 at 31 March 2025.
        var first = await CheckAsync(submissions, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", "")));
        Assert.Empty(store.Compute(Council, [Period.ReportingYear(2025)], ["cla_at_end"]));
        Assert.True((await submissions.ConfirmAsync("ann", first, Cancel)).Succeeded);
        Assert.Equal(2, ClaAtEnd(store));

        // The corrected 2025 return: C2 ceased in January 2025, C3 and C4 started: 3 at 31 March 2025.
        var second = await CheckAsync(submissions, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", "15/01/2025"), ("C3", "01/09/2024", ""), ("C4", "01/02/2025", "")));
        Assert.Equal(2, ClaAtEnd(store)); // checked is not confirmed
        Assert.True((await submissions.ConfirmAsync("bob", second, Cancel)).Succeeded);
        Assert.Equal(3, ClaAtEnd(store));

        Assert.True((await submissions.RollBackAsync("bob", second, Cancel)).Succeeded);
        Assert.Equal(2, ClaAtEnd(store));

        Assert.True((await submissions.RollBackAsync("bob", first, Cancel)).Succeeded);
        Assert.Equal([], store.Councils);
        Assert.Empty(store.Compute(Council, [Period.ReportingYear(2025)], ["cla_at_end"]));
    }

    [Theory]
    [AllDatabases]
    public async Task Model_TwoYearsConfirmed_MergesThemAsAFolderOfYears(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
            // 2024: C1 and C2 looked after at 31 March 2024. 2025: C1's episode again, now ended in May 2024; C2 is not in it.
            var year2024 = await CheckAsync(submissions, Return903(("C1", "01/04/2023", ""), ("C2", "01/05/2023", "")), 2024);
            var year2025 = await CheckAsync(submissions, Return903(("C1", "01/04/2023", "20/05/2024"), ("C3", "01/06/2024", "")), 2025);
            Assert.True((await submissions.ConfirmAsync("ann", year2024, Cancel)).Succeeded);
            Assert.True((await submissions.ConfirmAsync("ann", year2025, Cancel)).Succeeded);
        }

        var store = new StatutoryDataStore(PopulationEstimates.None);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await ConfirmedReturns.LoadAllAsync(db, store, Cancel));
        }

        // At 31 March 2024: C1 and C2. At 31 March 2025: C2 (its 2024 episode, never ended, kept as history) and
        // C3; C1's 2025 version of the same episode (ended in May 2024) replaced the 2024 one.
        Assert.Equal(2, ClaAtEnd(store, 2024));
        Assert.Equal(2, ClaAtEnd(store, 2025));
        Assert.Equal(4, store.FilesRead);
    }

    [Theory]
    [AllDatabases]
    public async Task FolderImport_SameFilesAgain_ConfirmsThemOnceAndKeepsARollBack(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("lodestar-folder-import-").FullName;
        try
        {
            // Two years of one council's 903, a folder per year named by it (the files' names hold no year).
            foreach (var (year, files) in new[] { (2024, Return903(("C1", "01/04/2023", ""))), (2025, Return903(("C1", "01/04/2023", ""), ("C2", "01/06/2024", ""))) })
            {
                var target = Directory.CreateDirectory(Path.Combine(folder, Council, year.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
                foreach (var file in files)
                {
                    await System.IO.File.WriteAllBytesAsync(Path.Combine(target, file.Name), file.Content, Cancel);
                }
            }

            await using var db = database.CreateContext();
            var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
            var first = await ReturnsFolderImport.ImportAsync(db, submissions, folder, "returns-folder", Cancel);
            var stored = await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(s => s.CouncilCode == Council, Cancel);
            var sources = await db.Set<KpiResultSourceEntity>().Where(s => s.CouncilCode == Council).CountAsync(Cancel);
            var latest = (await submissions.ListAsync(Council, Cancel))[0];
            Assert.True((await submissions.RollBackAsync("ann", latest.Id, Cancel)).Succeeded);
            var again = await ReturnsFolderImport.ImportAsync(db, submissions, folder, "returns-folder", Cancel);

            Assert.Equal((2, 0, 0), (first.Confirmed, first.AlreadySubmitted, first.Refused.Count));
            // The import's stored results are of the council's version after both confirmations, computed once at the end.
            Assert.Equal((2L, 2), (stored.Version, sources));
            Assert.Equal((0, 2, 0), (again.Confirmed, again.AlreadySubmitted, again.Refused.Count));
            Assert.Equal(
                [(2025, SubmissionStatus.RolledBack), (2024, SubmissionStatus.Confirmed)],
                (await submissions.ListAsync(Council, Cancel)).Select(s => (s.CollectionYear, s.Status)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [AllDatabases]
    public async Task RefreshChanged_ConfirmedHereThenElsewhere_RebuildsOnlyWhatAnotherProcessChanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var store = new StatutoryDataStore(PopulationEstimates.None);
        var here = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, model: store);

        // Confirmed through the store's own use case: version 1, recorded with the model, so the poll has nothing to do.
        var first = await CheckAsync(here, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", "")));
        Assert.True((await here.ConfirmAsync("ann", first, Cancel)).Succeeded);
        Assert.Equal(1, store.VersionOf(Council));
        Assert.Equal(0, await ConfirmedReturns.RefreshChangedAsync(db, store, Cancel));

        // Confirmed and then rolled back by another process (a use case with no store, as the CLI's): versions 2 and 3.
        await using (var other = database.CreateContext())
        {
            var elsewhere = new Submissions(other, new AuditLog(other, TimeProvider.System), TimeProvider.System);
            var second = await CheckAsync(elsewhere, Return903(("C1", "01/04/2024", ""), ("C2", "01/06/2024", ""), ("C3", "01/09/2024", "")));
            Assert.True((await elsewhere.ConfirmAsync("cli:bob", second, Cancel)).Succeeded);
            Assert.Equal(2, ClaAtEnd(store)); // not seen until the poll
            Assert.Equal(1, await ConfirmedReturns.RefreshChangedAsync(db, store, Cancel));
            Assert.Equal(3, ClaAtEnd(store));
            Assert.Equal(2, store.VersionOf(Council));

            Assert.True((await elsewhere.RollBackAsync("cli:bob", second, Cancel)).Succeeded);
        }

        Assert.Equal(1, await ConfirmedReturns.RefreshChangedAsync(db, store, Cancel));
        Assert.Equal(2, ClaAtEnd(store));
        Assert.Equal(3, store.VersionOf(Council));
    }

    private static double? ClaAtEnd(StatutoryDataStore store, int year = 2025) =>
        store.Compute(Council, [Period.ReportingYear(year)], ["cla_at_end"]).Single().Value;

    private static async Task<long> CheckAsync(Submissions submissions, IReadOnlyList<InputFile> files, int year = 2025) =>
        (await submissions.CheckAsync("ann", Council, files, year, Cancel)).Value.Submission.Id;

    /// <summary>A 903 return's Header and Episodes: one episode per child (CHILD, DECOM, DEC; a DEC ends it with REC E11).</summary>
    private static List<InputFile> Return903(params (string Child, string Decom, string Dec)[] children) =>
    [
        new("header.csv", Encoding.UTF8.GetBytes(HeaderHead + string.Concat(children.Select(c => $"{c.Child},1,01/01/2012,WBRI,A123456789012,,\n")))),
        new("episodes.csv", Encoding.UTF8.GetBytes(EpisodesHead + string.Concat(children.Select(c =>
            $"{c.Child},{c.Decom},S,C2,N1,U4,PR1,{c.Dec},{(c.Dec.Length == 0 ? "" : "E11")},,AB1 2CD,EF3 4GH,SC123456\n")))),
    ];
}
