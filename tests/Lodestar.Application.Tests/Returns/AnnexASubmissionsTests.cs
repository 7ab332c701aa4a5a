using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Returns;
using Lodestar.Formats;
using Lodestar.Metrics.Kpis;
using Lodestar.Testing;

namespace Lodestar.Application.Tests.Returns;

/// <summary>Annex A lists stored as submissions like the returns, and the engine's model computing from the confirmed ones.</summary>
public sealed class AnnexASubmissionsTests
{
    private const string Council = "E10000003";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static InputFile File(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    [Theory]
    [AllDatabases]
    public async Task AnnexA_CheckConfirmRollBack_StoredAsAnnexAAndFeedsTheModel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var store = new StatutoryDataStore(PopulationEstimates.None);
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, model: store);
        InputFile[] files =
        [
            File("list1_2025.csv", "Child Unique ID,Date of Contact\nC1,03/06/2024\nC2,2024-07-01\nC3,not a date\n"),
            File("List 7 - Child protection.csv", "Child Unique ID,Child Protection Plan Start Date,Date of the Last Statutory Visit,Was the Child Seen Alone?\nC1,01/10/2024,17/03/2025,a) Yes\n"),
        ];

        var check = await submissions.CheckAsync("ann", Council, files, cancellationToken: Cancel);

        Assert.True(check.Succeeded, string.Join("; ", check.Problems));
        var summary = check.Value.Submission;
        Assert.Equal((StatutoryReturn.AnnexA, 2025, 1), (summary.Return, summary.CollectionYear, summary.Errors));
        Assert.Equal((3, 1, 0), (summary.Rows["List1Contacts"], summary.Rows["List7ChildProtection"], summary.Rows["List8LookedAfter"]));
        // The error, and List 7's two columns Lodestar reads that this copy lacks (warnings).
        var bad = Assert.Single(check.Value.Findings, f => f.Severity == Lodestar.Domain.Problems.Severity.Error);
        Assert.Equal(2, summary.Warnings);
        Assert.Equal(("list1_2025.csv", 4, "List 1: Date of Contact", "not a date"), (bad.File, bad.Line, bad.Column, bad.Value));
        Assert.Equal("annex_a", SubmissionResponse.From(summary).Return);

        Assert.True((await submissions.ConfirmAsync("bob", summary.Id, Cancel)).Succeeded);
        var year = Period.ReportingYear(2025);
        Assert.Equal(2, Assert.Single(store.Compute(Council, [year], ["annexa_contacts"])).Value);
        Assert.Equal(100, Assert.Single(store.Compute(Council, [year], ["annexa_cp_visits_10wd"])).Value);

        Assert.True((await submissions.RollBackAsync("bob", summary.Id, Cancel)).Succeeded);
        Assert.Empty(store.Compute(Council, [year], ["annexa_contacts"]));
    }

    [Theory]
    [AllDatabases]
    public async Task AnnexA_WithA903TableInTheSameUpload_IsRefusedNamingBoth(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);

        var check = await submissions.CheckAsync("ann", Council,
            [File("header_2025.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2012,WBRI,A123456789012,,\n"), File("list1_2025.csv", "Child Unique ID,Date of Contact\nC1,03/06/2024\n")],
            cancellationToken: Cancel);

        var problem = Assert.Single(check.Problems);
        Assert.Equal("one submission is one return: these files hold the SSDA903 (header_2025.csv) and Annex A lists (list1_2025.csv); submit them separately", problem.Message);
    }
}
