using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Domain.Returns;
using Lodestar.Formats;
using Lodestar.Metrics.Kpis;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Tests.Returns;

/// <summary>The headline KPIs of a submission: previewed before confirming, recorded at confirmation and roll-back (also without a web app's model, as the CLI confirms).</summary>
public sealed class HeadlineKpisTests
{
    private const string Council = "E10000003";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StatutoryReturn.Ssda903, KpiSource.Ssda903)]
    [InlineData(StatutoryReturn.Cin, KpiSource.Cin)]
    [InlineData(StatutoryReturn.AnnexA, KpiSource.AnnexA)]
    public void Headlines_OfAReturn_AllDrawOnThatReturnAlone(StatutoryReturn statutoryReturn, KpiSource source)
    {
        // The headlines of a step are computed from that return's submissions only: right only while this holds.
        Assert.All(HeadlineKpis.Of(statutoryReturn), id => Assert.Equal(source, KpiCatalog.Find(id)!.Source));
    }

    [Theory]
    [AllDatabases]
    public async Task ConfirmThenRollBack_RecordsTheHeadlinesBeforeAndAfterEachStep(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
        var first = (await submissions.CheckAsync("ann", Council, Return903("C1", "C2"), 2025, Cancel)).Value.Submission.Id;
        Assert.True((await submissions.ConfirmAsync("ann", first, Cancel)).Succeeded);
        var second = (await submissions.CheckAsync("ann", Council, Return903("C1", "C2", "C3"), 2025, Cancel)).Value.Submission.Id;

        var preview = (await submissions.PreviewAsync(second, Cancel)).Value;
        Assert.Equal(HeadlineKpis.Ssda903, preview.Select(k => k.Kpi));
        var claNow = preview.Single(k => k.Kpi == "cla_at_end");
        Assert.Equal((2d, 3d), (claNow.Before, claNow.After));

        Assert.True((await submissions.ConfirmAsync("bob", second, Cancel)).Succeeded);
        Assert.True((await submissions.RollBackAsync("bob", second, Cancel)).Succeeded);

        await using var read = database.CreateContext();
        var rows = await read.Set<SubmissionKpiEntity>().Where(k => k.Kpi == "cla_at_end").OrderBy(k => k.SubmissionId).ThenBy(k => k.Step).ToListAsync(Cancel);
        Assert.Equal(
            [(first, SubmissionStep.Confirmed, (double?)null, (double?)2), (second, SubmissionStep.Confirmed, 2, 3), (second, SubmissionStep.RolledBack, 3, 2)],
            rows.Select(r => (r.SubmissionId, r.Step, r.Before, r.After)));
        var recorded = await new Submissions(read, new AuditLog(read, TimeProvider.System), TimeProvider.System).RecordedKpisAsync(second, Cancel);
        Assert.Equal(HeadlineKpis.Ssda903.Count, recorded[SubmissionStep.RolledBack].Count);
        // No population without the web app's model: no rate, recorded as no value rather than 0.
        Assert.Null(recorded[SubmissionStep.Confirmed].Single(k => k.Kpi == "cla_rate_per_10k").After);
    }

    [Theory]
    [AllDatabases]
    public async Task Preview_ConfirmedSubmission_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
        var id = (await submissions.CheckAsync("ann", Council, Return903("C1"), 2025, Cancel)).Value.Submission.Id;
        Assert.True((await submissions.ConfirmAsync("ann", id, Cancel)).Succeeded);

        var preview = await submissions.PreviewAsync(id, Cancel);

        Assert.Equal($"submission {id} is confirmed: only a checked submission has a preview", Assert.Single(preview.Problems).Message);
    }

    private static List<InputFile> Return903(params string[] children) =>
    [
        new("header.csv", Encoding.UTF8.GetBytes("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + string.Concat(children.Select(c => $"{c},1,01/01/2012,WBRI,A123456789012,,\n")))),
        new("episodes.csv", Encoding.UTF8.GetBytes("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + string.Concat(children.Select(c => $"{c},01/04/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n")))),
    ];
}
