using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Domain.Problems;
using Lodestar.Formats;
using Lodestar.Testing;

namespace Lodestar.Application.Tests.Returns;

/// <summary>A check report read a page at a time, filtered in the database (the web Data page's report).</summary>
public sealed class SubmissionFindingsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Findings_FilteredAndPaged_GiveThePageAndHowManyMatch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = new Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
        // Five children each with a DEC that is not a date: five DATE-FORMAT errors in episodes.csv.
        var children = Enumerable.Range(1, 5).Select(i => $"C{i}").ToList();
        List<InputFile> files =
        [
            new("header.csv", Encoding.UTF8.GetBytes("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + string.Concat(children.Select(c => $"{c},1,01/01/2012,WBRI,A123456789012,,\n")))),
            new("episodes.csv", Encoding.UTF8.GetBytes("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                + string.Concat(children.Select(c => $"{c},01/04/2024,S,C2,N1,U4,PR1,bad {c},,,AB1 2CD,EF3 4GH,SC123456\n")))),
        ];
        var id = (await submissions.CheckAsync("ann", "E10000003", files, 2025, Cancel)).Value.Submission.Id;
        var all = await submissions.FindingsAsync(id, Cancel);

        var (page, matching) = await submissions.FindingsAsync(id, Severity.Error, "DATE-FORMAT", "episodes.csv", 2, 2, Cancel);
        var (rules, names) = await submissions.FindingFacetsAsync(id, Cancel);

        var dateFormat = all.Where(f => f.Rule == "DATE-FORMAT" && f.File == "episodes.csv" && f.Severity == Severity.Error).ToList();
        Assert.Equal(5, dateFormat.Count);
        Assert.Equal(5, matching);
        Assert.Equal(dateFormat.Skip(2).Take(2), page);
        Assert.Equal(["bad C3", "bad C4"], page.Select(p => p.Value));
        Assert.Equal(all.Select(f => f.Rule).OfType<string>().Distinct().Order(StringComparer.Ordinal), rules);
        Assert.Contains("episodes.csv", names);
        Assert.Equal((0, 0), ((await submissions.FindingsAsync(id, Severity.Warning, "DATE-FORMAT", null, 0, 10, Cancel)).Matching, (await submissions.FindingsAsync(id, null, "NO-SUCH-RULE", null, 0, 10, Cancel)).Page.Count));
    }
}
