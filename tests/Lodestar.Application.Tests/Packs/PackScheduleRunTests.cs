using System.Text;
using Lodestar.Application.Packs;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Packs;
using Lodestar.Formats.Packs;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Tests.Packs;

public sealed class PackScheduleRunTests
{
    private const string Settled = """
        id: settled-only
        title: "Settled panel"
        audience: "Corporate Parenting Panel"
        framework: pack-test
        sections: [settled]
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunDue_ClockMovesThroughTheMonths_BuildsEachScheduleOnceAMonthInThreeFormats()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await PackTestData.ImportAsync(db, PackTestData.Framework, PackTestData.Values, PackTestData.Targets);
        var clock = new TestClock(new DateTimeOffset(2025, 5, 10, 12, 0, 0, TimeSpan.Zero));
        var audit = new AuditLog(db, clock);
        var config = PackConfigYaml.Read(Settled, "settled-only.yaml").Value;
        await PackSchedules.SaveConfigAsync(db, audit, clock, "ann", config.Id, config.Title, config.Framework, config.Source, Cancel);
        await PackSchedules.AddScheduleAsync(db, audit, clock, "ann", null, "pack-test", "E10000003", 1, false, Cancel);
        await PackSchedules.AddScheduleAsync(db, audit, clock, "ann", "settled-only", "pack-test", "E10000003", 1, false, Cancel);
        var store = new FrameworkStore(db);
        var scheduler = new PackScheduler(db, new ScorecardService(db, store, new BenchmarkStore(db), StatutoryDataStore.Empty, clock), StatutoryDataStore.Empty, clock);

        var built = new List<int>();
        foreach (var now in new[] { "2025-05-20", "2025-06-01", "2025-06-01", "2025-06-30", "2025-07-01" })
        {
            clock.Now = DateTimeOffset.Parse(now + "T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            built.Add(await scheduler.RunDueAsync(Cancel));
        }

        // Made 10 May for day 1: first due 1 June; once a month after that.
        Assert.Equal([0, 2, 0, 0, 2], built);
        var files = await db.Set<PackFileEntity>().OrderBy(f => f.Id).ToListAsync(Cancel);
        Assert.Equal(12, files.Count);
        Assert.Equal(
            ["pack-pack-test-E10000003-2025-2025-06-01.pdf", "pack-pack-test-E10000003-2025-2025-06-01.xlsx", "pack-pack-test-E10000003-2025-2025-06-01.html"],
            files.Take(3).Select(f => f.FileName));
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(files[0].Content, 0, 5), StringComparison.Ordinal);
        // The configured pack: its title and audience, only the "settled" outcome, its RAG counted over missing alone (grey: no target).
        var settled = Encoding.UTF8.GetString(files.Single(f => f.FileName == "pack-settled-only-E10000003-2025-2025-06-01.html").Content);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Settled panel: ", settled, StringComparison.Ordinal);
        Assert.Contains("<dt class=\"govuk-summary-list__key\">For</dt><dd class=\"govuk-summary-list__value\">Corporate Parenting Panel</dd>", settled, StringComparison.Ordinal);
        Assert.Contains("Children are settled", settled, StringComparison.Ordinal);
        Assert.DoesNotContain("Children are safe", settled, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--grey\">Grey</strong></th><td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td>", settled, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--red\">Red</strong></th><td class=\"govuk-table__cell govuk-table__cell--numeric\">0</td>", settled, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 7, 1), (await PackSchedules.SchedulesAsync(db, null, Cancel)).Select(s => s.LastDue).Distinct().Single());
    }

    [Fact]
    public void ReadConfig_BadFile_NamesTheLineColumnAndValueOfEachProblem()
    {
        const string Bad = """
            id: Corporate Panel
            title: "Panel"
            framework: pack-test
            period: quarter
            colour: blue
            """;

        var read = PackConfigYaml.Read(Bad, "panel.yaml");

        Assert.False(read.Succeeded);
        Assert.Equal(
            [(1, "Corporate Panel", "'id' must be lower-case letters, digits and hyphens, up to 100 characters, such as corporate-parenting-panel."),
             (4, "quarter", "'period' must be reporting-year: packs report a DfE reporting year (April to March)."),
             (5, null, "Unknown key 'colour' in the pack configuration; expected one of: id, title, framework, audience, sections, period, notes.")],
            read.Problems.OrderBy(p => p.Line).Select(p => (p.Line, p.Value, p.Message)));
        Assert.All(read.Problems, p => Assert.Equal("panel.yaml", p.File));
    }

    [Fact]
    public async Task CheckConfig_UnknownSection_IsNamedWithTheFrameworksNodes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await PackTestData.ImportAsync(db, PackTestData.Framework, PackTestData.Values);
        var config = PackConfigYaml.Read(Settled.Replace("[settled]", "[settled, happy]", StringComparison.Ordinal), "settled-only.yaml").Value;

        var problems = BoardPackBuilder.Check(config, await new FrameworkStore(db).LoadAsync("pack-test", Cancel), "settled-only.yaml");
        var unknown = BoardPackBuilder.Check(config with { Framework = "no-such" }, null, "settled-only.yaml");

        Assert.Equal([("sections", "happy", "'sections': framework 'pack-test' has no node 'happy'; it has safe, settled and the nodes under them.")],
            problems.Select(p => (p.Column!, p.Value!, p.Message)));
        Assert.Equal("'framework': there is no framework 'no-such' (import it first).", unknown.Single().Message);
    }
}
