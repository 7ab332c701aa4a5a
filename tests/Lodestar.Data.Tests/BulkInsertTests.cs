using Lodestar.Data.Returns;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Returns;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests;

/// <summary>Binary COPY on PostgreSQL and prepared INSERTs on SQLite store rows exactly as EF Core's own saves do.</summary>
public sealed class BulkInsertTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 30, 15, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Write_EveryKindOfColumn_ReadsBackThroughEfAsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            var ids = await BulkInsert.ReserveIdsAsync<SubmissionEntity>(db, 2, Cancel);
            // Enums stored as text, a nullable time and text left null, a timestamp with its zone, bytes, numbers.
            Assert.Equal(2, await BulkInsert.WriteAsync(db, [
                new SubmissionEntity { Id = ids[0], CouncilCode = "E10000003", Return = StatutoryReturn.Cin, CollectionYear = 2025, Status = SubmissionStatus.Confirmed, CheckedBy = "ann", CheckedAt = At, ConfirmedBy = "bob", ConfirmedAt = At.AddMinutes(1), Errors = 3, Warnings = 4 },
                new SubmissionEntity { Id = ids[1], CouncilCode = "E10000003", Return = StatutoryReturn.Ssda903, CollectionYear = 2024, Status = SubmissionStatus.Checked, CheckedBy = "ann", CheckedAt = At },
            ], Cancel));
            await BulkInsert.WriteAsync(db, [new SubmissionFileEntity { Id = (await BulkInsert.ReserveIdsAsync<SubmissionFileEntity>(db, 1, Cancel))[0], SubmissionId = ids[0], Position = 0, Name = "cin_2025.xml", Kind = "CIN XML", Size = 3, Sha256 = new string('a', 64), Content = [1, 0, 255] }], Cancel);
            await BulkInsert.WriteAsync(db, [new SubmissionFindingEntity { Id = (await BulkInsert.ReserveIdsAsync<SubmissionFindingEntity>(db, 1, Cancel))[0], SubmissionId = ids[0], Position = 0, File = "cin_2025.xml", Line = 7, Rule = "8500", Severity = Severity.Warning, Message = "a message with \"quotes\" and ' and ü" }], Cancel);
            await BulkInsert.WriteAsync(db, [
                new KpiResultEntity { CouncilCode = "E10000003", Kpi = "cla_at_end", PeriodStart = new DateOnly(2024, 4, 1), PeriodEnd = new DateOnly(2025, 3, 31), Value = 41, Numerator = 41 },
                new KpiResultEntity { CouncilCode = "E10000003", Kpi = "cpp_by_category", PeriodStart = new DateOnly(2025, 3, 1), PeriodEnd = new DateOnly(2025, 3, 31), Category = "Neglect", Value = null, Numerator = 0.1, Denominator = 2.5e-7 },
            ], Cancel);
            await transaction.CommitAsync(Cancel);
        }

        await using var read = database.CreateContext();
        var submissions = await read.Set<SubmissionEntity>().AsNoTracking().Include(s => s.Files).Include(s => s.Findings).OrderBy(s => s.Id).ToListAsync(Cancel);
        Assert.Equal(
            [("E10000003", StatutoryReturn.Cin, 2025, SubmissionStatus.Confirmed, "ann", At, "bob", (DateTimeOffset?)At.AddMinutes(1), 3, 4), ("E10000003", StatutoryReturn.Ssda903, 2024, SubmissionStatus.Checked, "ann", At, (string?)null, (DateTimeOffset?)null, 0, 0)],
            submissions.Select(s => (s.CouncilCode, s.Return, s.CollectionYear, s.Status, s.CheckedBy, s.CheckedAt, s.ConfirmedBy, s.ConfirmedAt, s.Errors, s.Warnings)));
        var file = Assert.Single(submissions[0].Files);
        Assert.Equal(("cin_2025.xml", "CIN XML", 3L, new string('a', 64)), (file.Name, file.Kind, file.Size, file.Sha256));
        Assert.Equal([1, 0, 255], file.Content);
        var finding = Assert.Single(submissions[0].Findings);
        Assert.Equal(("cin_2025.xml", 7, (string?)null, "8500", Severity.Warning, "a message with \"quotes\" and ' and ü"), (finding.File, finding.Line, finding.Column, finding.Rule, finding.Severity, finding.Message));
        Assert.Equal(
            [("cla_at_end", new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31), "", (double?)41, (double?)41, (double?)null), ("cpp_by_category", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), "Neglect", null, 0.1, 2.5e-7)],
            (await read.Set<KpiResultEntity>().AsNoTracking().OrderBy(r => r.Kpi).ToListAsync(Cancel)).Select(r => (r.Kpi, r.PeriodStart, r.PeriodEnd, r.Category, r.Value, r.Numerator, r.Denominator)));
        // EF's filtered queries on the stored text of the enums find them.
        Assert.Equal(1, await read.Set<SubmissionEntity>().CountAsync(s => s.Status == SubmissionStatus.Confirmed && s.Return == StatutoryReturn.Cin, Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task ReserveIds_ThenEfAddsARow_EfsKeyComesAfterTheReservedOnes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        IReadOnlyList<long> reserved;
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            reserved = await BulkInsert.ReserveIdsAsync<SubmissionEntity>(db, 3, Cancel);
            await BulkInsert.WriteAsync(db, reserved.Select(id => new SubmissionEntity { Id = id, CouncilCode = "E10000003", CheckedBy = "ann", CheckedAt = At }), Cancel);
            await transaction.CommitAsync(Cancel);
        }

        var added = new SubmissionEntity { CouncilCode = "E10000003", CheckedBy = "ann", CheckedAt = At };
        db.Add(added);
        await db.SaveChangesAsync(Cancel);

        Assert.Equal(3, reserved.Distinct().Count());
        Assert.True(added.Id > reserved.Max(), $"EF gave {added.Id}, the reserved were {string.Join(", ", reserved)}");
    }

    [Theory]
    [AllDatabases]
    public async Task Write_ARowBreaksTheKeyPartWay_NothingOfTheTransactionIsStored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            var rows = Enumerable.Range(1, 100).Select(i => Result(new DateOnly(2024, 4, 1).AddDays(i))).Append(Result(new DateOnly(2024, 4, 2))).ToList();
            await Assert.ThrowsAnyAsync<Exception>(() => BulkInsert.WriteAsync(db, rows, Cancel));
            await transaction.RollbackAsync(Cancel);
        }

        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.Set<KpiResultEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Write_NoTransaction_Throws(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.WriteAsync(db, [Result(new DateOnly(2024, 4, 1))], Cancel));
    }

    private static KpiResultEntity Result(DateOnly day) =>
        new() { CouncilCode = "E10000003", Kpi = "cla_at_end", PeriodStart = day, PeriodEnd = day, Value = 1, Numerator = 1 };
}
