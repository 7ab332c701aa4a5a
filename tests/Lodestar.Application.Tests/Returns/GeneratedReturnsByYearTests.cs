using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Returns;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Generation;
using Lodestar.Metrics.Kpis;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Tests.Returns;

/// <summary>
/// The generator's returns checked as a council submits them: each return and year on its own, the 903 beside last year's
/// confirmed return. Validating every year together hides faults that a single year shows (a missing period still open after
/// its episode ended, DfE 575), and ten years reach back before the tables the DfE added (PrevPerm from 2016/17, DfE 634).
/// </summary>
public sealed class GeneratedReturnsByYearTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-generated-by-year-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Load_TenYearsOfAGeneratedCouncil_EachSubmissionChecksWithNoError()
    {
        SyntheticDataGenerator.Generate(new GenerationOptions(councils: 1, childrenPerCouncil: 300, years: 10, yearEnd: 2025, seed: 7), _folder, cancellationToken: Cancel);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var loaded = await new BulkLoad(db, TimeProvider.System, new KpiEngine()).LoadAsync("cli:ann", [_folder], cancellationToken: Cancel);

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        // The 903 and the CIN census of 2016 to 2025.
        Assert.Equal(20, loaded.Value.Submissions);
        var errors = (await db.Set<SubmissionEntity>().AsNoTracking().Include(s => s.Findings).ToListAsync(Cancel))
            .SelectMany(s => s.Findings.Where(f => f.Severity == Severity.Error)
                .Select(f => $"{s.CouncilCode} {s.Return} {s.CollectionYear}: {f.File}:{f.Line} {f.Rule} {f.Column}={f.Value}"))
            .ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} errors, the first: {string.Join(Environment.NewLine, errors.Take(20))}");
        Assert.Equal(20, await db.Set<SubmissionEntity>().CountAsync(s => s.Errors == 0, Cancel));
    }
}
