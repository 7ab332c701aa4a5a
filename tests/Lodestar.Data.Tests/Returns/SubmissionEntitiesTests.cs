using Lodestar.Data.Returns;
using Lodestar.Domain.Returns;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Returns;

public sealed class SubmissionEntitiesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Submissions_TwoConfirmedForOneReturnAndYear_AreRefusedByTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.AddRange(
                Submission(StatutoryReturn.Ssda903, 2025, SubmissionStatus.Confirmed),
                Submission(StatutoryReturn.Ssda903, 2025, SubmissionStatus.Superseded),
                Submission(StatutoryReturn.Ssda903, 2024, SubmissionStatus.Confirmed),
                Submission(StatutoryReturn.Cin, 2025, SubmissionStatus.Confirmed));
            await db.SaveChangesAsync(Cancel);
        }

        await using var second = database.CreateContext();
        second.Add(Submission(StatutoryReturn.Ssda903, 2025, SubmissionStatus.Confirmed));

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(Cancel));
    }

    private static SubmissionEntity Submission(StatutoryReturn kind, int year, SubmissionStatus status) => new()
    {
        CouncilCode = "E10000003",
        Return = kind,
        CollectionYear = year,
        Status = status,
        CheckedBy = "ann",
        CheckedAt = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero),
    };
}
