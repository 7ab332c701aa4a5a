using System.Data.Common;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Formats;
using Lodestar.Formats.Generation;
using Lodestar.Metrics.Kpis;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lodestar.Application.Tests.Returns;

/// <summary>Many councils' returns stored at once: as submitting them one by one would store them, or not at all.</summary>
public sealed class BulkLoadTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-bulk-load-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [AllDatabases]
    public Task Load_TwoGeneratedCouncils_StoresWhatSubmittingEachReturnInOrderStores(DatabaseProvider provider) =>
        LoadStoresWhatSubmittingInOrderStoresAsync(provider, annexA: false);

    [Theory]
    [AllDatabases]
    public Task Load_TwoGeneratedCouncilsWithAnnexA_StoresWhatSubmittingEachReturnInOrderStores(DatabaseProvider provider) =>
        LoadStoresWhatSubmittingInOrderStoresAsync(provider, annexA: true);

    // Each council's returns of 2024 and 2025: the 903 and the CIN census, and with annexA Ofsted's Annex A lists.
    private async Task LoadStoresWhatSubmittingInOrderStoresAsync(DatabaseProvider provider, bool annexA)
    {
        var councils = Generate(councils: 2, annexA);
        var submissionsPerCouncil = annexA ? 6 : 4;
        // A finding to compare: the first child of one header given a sex that is not a code.
        var header = Directory.EnumerateFiles(Path.Combine(_folder, councils[0]), "header_2025.csv", SearchOption.AllDirectories).Single();
        var lines = await File.ReadAllLinesAsync(header, Cancel);
        var sex = Array.IndexOf(lines[0].Split(','), "SEX");
        lines[1] = string.Join(',', lines[1].Split(',').Select((v, i) => i == sex ? "X" : v));
        await File.WriteAllLinesAsync(header, lines, Cancel);
        await using var bulk = await TestDatabase.CreateAsync(provider);
        await using var oneByOne = await TestDatabase.CreateAsync(provider);

        await using (var db = bulk.CreateContext())
        {
            var loaded = await Load(db).LoadAsync("cli:ann", [_folder], cancellationToken: Cancel);
            Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
            Assert.Equal((2, 2 * submissionsPerCouncil), (loaded.Value.Councils, loaded.Value.Submissions));
            Assert.Equal(await db.Set<KpiResultEntity>().CountAsync(Cancel), loaded.Value.Results);
        }

        await using (var db = oneByOne.CreateContext())
        {
            var submissions = new Submissions(db, new AuditLog(db, new FixedClock()), new FixedClock());
            foreach (var council in councils)
            {
                // Earlier years first, so that each year is checked against the year before, as the bulk load does.
                foreach (var group in Directory.EnumerateFiles(Path.Combine(_folder, council), "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal))
                    .GroupBy(f => (Return: Path.GetFileName(Path.GetDirectoryName(f)!), Year: StatutoryDataLoader.YearInName(Path.GetFileName(f))!.Value))
                    .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Return, StringComparer.Ordinal))
                {
                    var check = await submissions.CheckAsync("cli:ann", council, [.. group.Order(StringComparer.Ordinal).Select(f => new InputFile(Path.GetFileName(f), File.ReadAllBytes(f)))], group.Key.Year, Cancel);
                    Assert.True((await submissions.ConfirmAsync("cli:ann", check.Value.Submission.Id, Cancel)).Succeeded);
                }
            }
        }

        await using var a = bulk.CreateContext();
        await using var b = oneByOne.CreateContext();
        var stored = await SubmissionsOf(a);
        Assert.Equal(2 * submissionsPerCouncil, stored.Count);
        Assert.Equal(await SubmissionsOf(b), stored);
        Assert.Contains(stored, s => s.Contains("Ssda903 2025", StringComparison.Ordinal) && s.Contains("header_2025.csv 2 SEX X", StringComparison.Ordinal));
        Assert.Equal(await ResultsOf(b), await ResultsOf(a));
        Assert.NotEmpty(await ResultsOf(a));

        // What each council's results were computed from: its submissions, at its version after the load.
        foreach (var council in councils)
        {
            var source = await StoredKpis.SourceAsync(a, council, Cancel);
            Assert.Equal(1, source!.Value.Version);
            Assert.Equal(
                await a.Set<SubmissionEntity>().Where(s => s.CouncilCode == council).Select(s => s.Id).OrderBy(id => id).ToListAsync(Cancel),
                source.Value.Submissions);
            Assert.Equal(1, await a.Set<CouncilVersionEntity>().Where(v => v.CouncilCode == council).Select(v => v.Version).SingleAsync(Cancel));
        }

        Assert.Equal(2 * submissionsPerCouncil, await a.Set<AuditEventEntity>().CountAsync(e => e.Actor == "cli:ann" && e.Details!.StartsWith("checked and confirmed by a bulk load"), Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Load_OneCouncilsCensusTruncated_RefusesTheWholeLoadAndStoresNothing(DatabaseProvider provider)
    {
        var councils = Generate(councils: 2);
        var census = Directory.EnumerateFiles(Path.Combine(_folder, councils[1]), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Last();
        var text = await File.ReadAllTextAsync(census, Cancel);
        await File.WriteAllTextAsync(census, text[..(text.Length / 2)], Cancel);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var loaded = await Load(db).LoadAsync("cli:ann", [_folder], cancellationToken: Cancel);

        Assert.False(loaded.Succeeded);
        Assert.Contains(loaded.Problems, p => p.File == census);
        await AssertNothingStoredAsync(db);
    }

    [Theory]
    [AllDatabases]
    public async Task Load_ConnectionLostWritingTheSecondCouncil_StoresNothing(DatabaseProvider provider)
    {
        Generate(councils: 2);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var failing = database.CreateContext(new FailSecondVersionUpdate()))
        {
            await Assert.ThrowsAsync<LostConnectionException>(() => Load(failing).LoadAsync("cli:ann", [_folder], cancellationToken: Cancel));
        }

        await using var db = database.CreateContext();
        await AssertNothingStoredAsync(db);
    }

    [Theory]
    [AllDatabases]
    public async Task Load_ACouncilWithConfirmedReturns_IsRefusedByName(DatabaseProvider provider)
    {
        var councils = Generate(councils: 2);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        Assert.True((await Load(db).LoadAsync("cli:ann", [Path.Combine(_folder, councils[0])], cancellationToken: Cancel)).Succeeded);

        var again = await Load(db).LoadAsync("cli:ann", [_folder], cancellationToken: Cancel);

        Assert.False(again.Succeeded);
        Assert.Equal(
            [$"{councils[0]} has confirmed submissions already: a bulk load starts a council's returns; send later ones one at a time (lodestar returns import)"],
            again.Problems.Select(p => p.Message));
        Assert.False(await db.Set<SubmissionEntity>().AnyAsync(s => s.CouncilCode == councils[1], Cancel));
    }

    private static BulkLoad Load(LodestarDbContext db) => new(db, new FixedClock(), new KpiEngine());

    private List<string> Generate(int councils, bool annexA = false)
    {
        var generated = SyntheticDataGenerator.Generate(
            new GenerationOptions(councils, childrenPerCouncil: 120, years: 2, yearEnd: 2025, seed: 5) { AnnexA = annexA }, _folder, cancellationToken: Cancel);
        return [.. generated.Councils.Select(c => c.CouncilCode)];
    }

    private static async Task AssertNothingStoredAsync(LodestarDbContext db)
    {
        Assert.Equal(
            (0, 0, 0, 0, 0, 0),
            (await db.Set<SubmissionEntity>().CountAsync(Cancel), await db.Set<SubmissionFileEntity>().CountAsync(Cancel), await db.Set<KpiResultEntity>().CountAsync(Cancel),
             await db.Set<KpiResultSetEntity>().CountAsync(Cancel), await db.Set<CouncilVersionEntity>().CountAsync(Cancel), await db.Set<AuditEventEntity>().CountAsync(Cancel)));
    }

    // Each submission as text, without ids: what was checked (files, rows, findings, rules not run) and its status.
    private static async Task<List<string>> SubmissionsOf(LodestarDbContext db) =>
        [.. (await db.Set<SubmissionEntity>().AsNoTracking().Include(s => s.Files).Include(s => s.Tables).Include(s => s.Findings).Include(s => s.RulesNotRun).ToListAsync(Cancel))
            .Select(s => string.Join(
                " | ",
                $"{s.CouncilCode} {s.Return} {s.CollectionYear} {s.Status} {s.CheckedBy} {s.ConfirmedBy} errors {s.Errors} warnings {s.Warnings}",
                string.Join(", ", s.Files.OrderBy(f => f.Position).Select(f => $"{f.Name} {f.Kind} {f.Size} {f.Sha256}")),
                string.Join(", ", s.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => $"{t.Name} {t.Rows}")),
                $"findings {s.Findings.Count} " + string.Join(", ", s.Findings.OrderBy(f => f.Position).Select(f => $"{f.Position} {f.File} {f.Line} {f.Column} {f.Value} {f.Rule} {f.Severity} {f.Message}")),
                string.Join(", ", s.RulesNotRun.OrderBy(n => n.Position).Select(n => $"{n.Rule} {n.CollectionYear} {n.Reason}"))))
            .Order(StringComparer.Ordinal)];

    private static async Task<List<string>> ResultsOf(LodestarDbContext db) =>
        [.. (await db.Set<KpiResultEntity>().AsNoTracking().ToListAsync(Cancel))
            .Select(r => $"{r.CouncilCode} {r.Kpi} {r.PeriodStart:yyyy-MM-dd} {r.PeriodEnd:yyyy-MM-dd} {r.Category} {r.Value:R} {r.Numerator:R} {r.Denominator:R}")
            .Order(StringComparer.Ordinal)];

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    // Stands in for a lost connection while the second council is written, after the first was.
    private sealed class FailSecondVersionUpdate : DbCommandInterceptor
    {
        private int _updates;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE", StringComparison.Ordinal) && command.CommandText.Contains("council_versions", StringComparison.Ordinal) && ++_updates == 2)
            {
                throw new LostConnectionException();
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class LostConnectionException() : DbException("the connection was lost (test)");
}
