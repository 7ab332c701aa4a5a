using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Domain.Performance;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Packs;

public sealed class PackSignOffTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));

    private static readonly SnapshotFigure Visits = new(
        "visits", 75m, 3m, 4m, 70m, RagStatus.Green, "Green: 75% against a target of 70%", [new BenchmarkFigure("England", 68.5m), new BenchmarkFigure("Quartile", null, "2nd")]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Transitions_SubmitThenApprove_RecordWhoAndWhenFreezeTheFiguresAndAreAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock(Clock.Now);
        await using (var db = database.CreateContext())
        {
            var audit = new AuditLog(db, clock);
            Assert.Equal(SignOffStatus.Draft, (await PackSignOff.StateAsync(db, "kpi", "E10000003", 2025, Cancel)).Status);
            Assert.True((await PackSignOff.SubmitAsync(db, audit, clock, "ann", "kpi", "E10000003", 2025, Cancel)).Succeeded);
            clock.Now = clock.Now.AddDays(1);
            var approved = await PackSignOff.ApproveAsync(db, audit, clock, "max", "kpi", "E10000003", 2025, [Visits], Cancel);
            Assert.True(approved.Succeeded);
        }

        await using var check = database.CreateContext();
        var state = await PackSignOff.StateAsync(check, "kpi", "E10000003", 2025, Cancel);
        var snapshot = await PackSignOff.SnapshotAsync(check, state, Cancel);
        var audited = await check.Set<AuditEventEntity>().Where(a => a.Action == "signoff").OrderBy(a => a.Id).Select(a => a.Actor + " " + a.Subject + " " + a.Details).ToListAsync(Cancel);

        Assert.Equal(SignOffStatus.Approved, state.Status);
        Assert.Equal(
            [(SignOffStatus.Draft, SignOffStatus.Submitted, "ann", 2), (SignOffStatus.Submitted, SignOffStatus.Approved, "max", 3)],
            state.History.Select(e => (e.From, e.To, e.Actor, e.At.Day)));
        Assert.Equal(("max", 3), (state.Approval!.Actor, state.Approval.At.Day));
        var visits = snapshot!["visits"];
        Assert.Equal((75m, 3m, 4m, 70m, RagStatus.Green), (visits.Value, visits.Numerator, visits.Denominator, visits.Target, visits.Rag));
        Assert.Equal([("England", (decimal?)68.5m, (string?)null), ("Quartile", null, "2nd")], visits.Benchmarks.Select(b => (b.Label, b.Value, b.Note)));
        Assert.Equal(["ann framework kpi E10000003 2025 Draft to Submitted", "max framework kpi E10000003 2025 Submitted to Approved, 1 figures frozen"], audited);
        Assert.Equal([2025], await PackSignOff.ApprovedYearsAsync(check, "kpi", "E10000003", Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Transitions_Illegal_AreRefusedNamingTheStatusAndChangeNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var audit = new AuditLog(db, Clock);

        var approveDraft = await PackSignOff.ApproveAsync(db, audit, Clock, "max", "kpi", "E10000003", 2025, [Visits], Cancel);
        var reopenDraft = await PackSignOff.ReopenAsync(db, audit, Clock, "max", "kpi", "E10000003", 2025, "a reason", Cancel);
        Assert.True((await PackSignOff.SubmitAsync(db, audit, Clock, "ann", "kpi", "E10000003", 2025, Cancel)).Succeeded);
        var submitTwice = await PackSignOff.SubmitAsync(db, audit, Clock, "ann", "kpi", "E10000003", 2025, Cancel);

        Assert.Equal(("status", "the figures are a draft: submit them before approving"), (approveDraft.Problems.Single().Column, approveDraft.Problems.Single().Message));
        Assert.Equal("the figures are already a draft: there is nothing to reopen", reopenDraft.Problems.Single().Message);
        Assert.Equal("the figures are already submitted", submitTwice.Problems.Single().Message);
        var state = await PackSignOff.StateAsync(db, "kpi", "E10000003", 2025, Cancel);
        Assert.Equal(SignOffStatus.Submitted, state.Status);
        Assert.Single(state.History);
        Assert.Empty(await db.Set<PackSnapshotFigureEntity>().ToListAsync(Cancel));
        Assert.Single(await db.Set<AuditEventEntity>().Where(a => a.Action == "signoff").ToListAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Reopen_ApprovedWithAReason_IsADraftWithNoSnapshotKeepsTheHistoryAndAReapprovalFreezesTheNewFigures(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var audit = new AuditLog(db, Clock);
            await PackSignOff.SubmitAsync(db, audit, Clock, "ann", "kpi", "E10000003", 2025, Cancel);
            await PackSignOff.ApproveAsync(db, audit, Clock, "max", "kpi", "E10000003", 2025, [Visits], Cancel);
            var noReason = await PackSignOff.ReopenAsync(db, audit, Clock, "max", "kpi", "E10000003", 2025, "  ", Cancel);
            Assert.Equal(("reason", "say why the figures are reopened: the reason is empty"), (noReason.Problems.Single().Column, noReason.Problems.Single().Message));
            var reopened = await PackSignOff.ReopenAsync(db, audit, Clock, "max", "kpi", "E10000003", 2025, " Late returns from two teams. ", Cancel);
            Assert.Equal(SignOffStatus.Draft, reopened.Value.Status);
            Assert.Null(await PackSignOff.SnapshotAsync(db, reopened.Value, Cancel));
            Assert.Empty(await PackSignOff.ApprovedYearsAsync(db, "kpi", "E10000003", Cancel));
            await PackSignOff.SubmitAsync(db, audit, Clock, "ann", "kpi", "E10000003", 2025, Cancel);
            await PackSignOff.ApproveAsync(db, audit, Clock, "max", "kpi", "E10000003", 2025, [Visits with { Value = 80m, Numerator = 4m, Denominator = 5m }], Cancel);
        }

        await using var check = database.CreateContext();
        var state = await PackSignOff.StateAsync(check, "kpi", "E10000003", 2025, Cancel);
        var snapshot = await PackSignOff.SnapshotAsync(check, state, Cancel);

        Assert.Equal(
            ["Draft>Submitted", "Submitted>Approved", "Approved>Draft: Late returns from two teams.", "Draft>Submitted", "Submitted>Approved"],
            state.History.Select(e => $"{e.From}>{e.To}" + (e.Reason is null ? "" : $": {e.Reason}")));
        Assert.Equal((80m, 4m, 5m), (snapshot!["visits"].Value, snapshot["visits"].Numerator, snapshot["visits"].Denominator));
        // The first approval's figures are kept with its event: two snapshots, the newest in force.
        Assert.Equal(2, await check.Set<PackSnapshotFigureEntity>().CountAsync(Cancel));
        Assert.Contains("max framework kpi E10000003 2025 Approved to Draft: Late returns from two teams.",
            await check.Set<AuditEventEntity>().Where(a => a.Action == "signoff").Select(a => a.Actor + " " + a.Subject + " " + a.Details).ToListAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Publication_SwitchedOnThenOff_IsOffByDefaultAndEachChangeIsAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var audit = new AuditLog(db, Clock);

        Assert.False(await PackPublication.IsOnAsync(db, "kpi", Cancel));
        await PackPublication.SetAsync(db, audit, Clock, "root", "kpi", true, Cancel);
        await PackPublication.SetAsync(db, audit, Clock, "root", "kpi", true, Cancel);
        Assert.True(await PackPublication.IsOnAsync(db, "kpi", Cancel));
        Assert.Equal(["kpi"], (await PackPublication.ListAsync(db, Cancel)).Keys);
        await PackPublication.SetAsync(db, audit, Clock, "root", "kpi", false, Cancel);

        Assert.False(await PackPublication.IsOnAsync(db, "kpi", Cancel));
        Assert.Equal(["switched on", "switched off"], await db.Set<AuditEventEntity>().Where(a => a.Action == "public-page").OrderBy(a => a.Id).Select(a => a.Details!).ToListAsync(Cancel));
    }
}
