using System.Text;
using Lodestar.Application.Imports;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Frameworks;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Tests.Imports;

public sealed class ImporterTests : IDisposable
{
    private const string Framework = """
        id: importer-test
        title: "Importer test framework"
        measures:
          - id: complaints
            title: "Complaints"
            unit: count
        nodes:
          - kind: theme
            id: safe
            title: "Safe"
            measures: [complaints]
        """;

    private static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-importer-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, true);

    [Theory]
    [AllDatabases]
    public async Task Imports_ThatSucceed_EachWriteOneAuditEntryNamingWhoAndWhat(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var importer = Importer(db);
            var frameworks = await importer.FrameworksAsync("ann", [Write("f.yaml", Framework)], Cancel);
            var values = await importer.ValuesAsync("ann", "v.csv", Csv("measure,council,period,value\ncomplaints,873,2025,12\ncomplaints,873,2024,9\n"), cancellationToken: Cancel);
            var targets = await importer.TargetsAsync("ann", Write("t.csv", "measure,council,period,value\ncomplaints,E10000003,2025,10\n"), Cancel);
            Assert.Equal((true, 2, 1), (frameworks.Succeeded, values.Value, targets.Value));
        }

        await using var check = database.CreateContext();
        var entries = await check.Set<AuditEventEntity>().OrderBy(a => a.Id).Select(a => new { a.Actor, a.Action, a.Subject, a.Details }).ToListAsync(Cancel);
        Assert.Equal(
            [
                new { Actor = "ann", Action = "import", Subject = "framework importer-test", Details = (string?)"1 measures defined" },
                new { Actor = "ann", Action = "import", Subject = "values v.csv", Details = (string?)"2 values" },
                new { Actor = "ann", Action = "import", Subject = "targets t.csv", Details = (string?)"1 targets" },
            ],
            entries);
    }

    [Theory]
    [AllDatabases]
    public async Task ValuesAsync_BadRow_StoresNothingAuditsNothingAndNamesRowAndColumn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var importer = Importer(db);
            await importer.FrameworksAsync("ann", [Write("f.yaml", Framework)], Cancel);
            var values = await importer.ValuesAsync("bob", "v.csv", Csv("measure,council,period,value\ncomplaints,873,2025,12\ncomplaints,873,2024,twelve\n"), cancellationToken: Cancel);

            Assert.False(values.Succeeded);
            var problem = Assert.Single(values.Problems);
            Assert.Equal(("v.csv", 3, "value"), (problem.File, problem.Line, problem.Column));
        }

        await using var check = database.CreateContext();
        Assert.Empty(await new FrameworkStore(check).ValuesAsync("E10000003", cancellationToken: Cancel));
        Assert.DoesNotContain(await check.Set<AuditEventEntity>().Select(a => a.Actor).ToListAsync(Cancel), actor => actor == "bob");
    }

    [Theory]
    [AllDatabases]
    public async Task ValuesAsync_NotAWorkbook_IsRefusedAsUnreadable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var values = await Importer(db).ValuesAsync("ann", "v.xlsx", Csv("this is not a zip file"), cancellationToken: Cancel);

        Assert.Equal("v.xlsx: cannot be read as an XLSX workbook", Assert.Single(values.Problems).ToString());
    }

    [Theory]
    [AllDatabases]
    public async Task FrameworksAsync_OneOfTwoRefused_StoresNoneAndAuditsNone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var broken = Write("broken.yaml", "id: broken\ntitle: Broken\nnodes:\n  - { kind: theme, title: T, measures: [nowhere] }\n");

            var result = await Importer(db).FrameworksAsync("ann", [Write("f.yaml", Framework), broken], Cancel);

            Assert.Equal("broken.yaml: measure 'nowhere' is used but not defined in this framework or any stored one", Assert.Single(result.Problems).ToString());
            await db.SaveChangesAsync(Cancel); // a later save on the same context must not carry the refused import's audit entries
        }

        await using var check = database.CreateContext();
        Assert.Empty(await new FrameworkStore(check).ListAsync(Cancel));
        Assert.Empty(await check.Set<AuditEventEntity>().ToListAsync(Cancel));
    }

    private static Importer Importer(LodestarDbContext db)
    {
        var clock = new FixedClock(Now);
        return new Importer(db, new AuditLog(db, clock), clock);
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
