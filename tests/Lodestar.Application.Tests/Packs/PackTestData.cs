using System.Text;
using Lodestar.Application.Imports;
using Lodestar.Application.Packs;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Packs;
using Lodestar.Testing;

namespace Lodestar.Application.Tests.Packs;

/// <summary>
/// A three-measure framework with values and targets for E10000003, and its pack for 2024-25 built once,
/// internal and public, for the tests that only read them. The figures and what the pack says about them
/// are worked by hand in the tests.
/// </summary>
public sealed class PackTestData : IAsyncLifetime
{
    public const string Framework = """
        id: pack-test
        title: "Pack test framework"
        measures:
          - id: complaints
            number: "1.1"
            title: "Complaints received"
            unit: count
            polarity: lower_is_better
          - id: visits
            number: "1.2"
            title: "Visits on time"
            unit: percent
            polarity: higher_is_better
            decimals: 1
          - id: missing
            number: "2.1"
            title: "Children missing from care"
            unit: count
            polarity: lower_is_better
        nodes:
          - kind: outcome
            id: safe
            title: "Children are safe"
            measures: [complaints, visits]
          - kind: outcome
            id: settled
            title: "Children are settled"
            measures: [missing]
        """;

    public const string Values = """
        measure,council,period,value,numerator,denominator
        complaints,E10000003,2025,12,,
        complaints,E10000003,2024,9,,
        visits,E10000003,2025,75,3,4
        visits,E10000003,2024,50,10,20
        missing,E10000003,2025,3,,
        missing,E10000003,2024,0,,
        missing,E10000003,2023,2,,
        """;

    public const string Targets = """
        measure,council,period,value
        complaints,E10000003,2025,10
        visits,E10000003,2025,70
        """;

    private TestDatabase? _database;

    public BoardPack Internal { get; private set; } = null!;

    public BoardPack Public { get; private set; } = null!;

    public static TestClock Clock() => new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = _database.CreateContext();
        await ImportAsync(db, Framework, Values, Targets);
        await PackCommentary.SaveAsync(db, new AuditLog(db, Clock()), Clock(), "ann", "E10000003", "visits", 2025, "An earlier version.");
        await PackCommentary.SaveAsync(db, new AuditLog(db, Clock()), Clock(), "bob", "E10000003", "visits", 2025, "Three of the four visits were on time.");
        var builder = Builder(db);
        Internal = (await builder.BuildAsync(new PackRequest { FrameworkId = "pack-test", Council = "E10000003", Year = 2025 }, CancellationToken.None))!;
        // The public version shows only approved figures, its trends' too: every year with values is approved
        // (docs/packs.md, sign-off).
        await ApproveAsync(db, 2023);
        await ApproveAsync(db, 2024);
        await ApproveAsync(db, 2025);
        Public = (await builder.BuildAsync(new PackRequest { FrameworkId = "pack-test", Council = "873", Year = 2025, Public = true }, CancellationToken.None))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public static BoardPackBuilder Builder(LodestarDbContext db)
    {
        var clock = Clock();
        var store = new FrameworkStore(db);
        var scorecards = new ScorecardService(db, store, new BenchmarkStore(db), StatutoryDataStore.Empty, clock);
        return new BoardPackBuilder(db, scorecards, StatutoryDataStore.Empty, clock);
    }

    public static PackSignOffService SignOff(LodestarDbContext db)
    {
        var clock = Clock();
        return new PackSignOffService(db, new ScorecardService(db, new FrameworkStore(db), new BenchmarkStore(db), StatutoryDataStore.Empty, clock), new AuditLog(db, clock), clock);
    }

    /// <summary>Submits (ann) and approves (max) the council's results for pack-test and the year.</summary>
    public static async Task ApproveAsync(LodestarDbContext db, int year)
    {
        var signOff = SignOff(db);
        Check((await signOff.SubmitAsync("ann", "pack-test", "E10000003", year, CancellationToken.None)).Succeeded, $"{year} submission");
        Check((await signOff.ApproveAsync("max", "pack-test", "E10000003", year, CancellationToken.None)).Succeeded, $"{year} approval");
    }

    public static async Task ImportAsync(LodestarDbContext db, string framework, string values, string? targets = null)
    {
        var clock = Clock();
        var importer = new Importer(db, new AuditLog(db, clock), clock);
        var folder = Directory.CreateTempSubdirectory("lodestar-packs-").FullName;
        try
        {
            var frameworkFile = Path.Combine(folder, "framework.yaml");
            await File.WriteAllTextAsync(frameworkFile, framework);
            Check((await importer.FrameworksAsync("ann", [frameworkFile])).Succeeded, "framework");
            Check((await importer.ValuesAsync("ann", "values.csv", new MemoryStream(Encoding.UTF8.GetBytes(values)))).Succeeded, "values");
            if (targets is not null)
            {
                var targetsFile = Path.Combine(folder, "targets.csv");
                await File.WriteAllTextAsync(targetsFile, targets);
                Check((await importer.TargetsAsync("ann", targetsFile)).Succeeded, "targets");
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static void Check(bool succeeded, string what)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException($"the test {what} did not import");
        }
    }
}
