using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Returns;
using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Returns;
using Lodestar.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Demo;

public sealed class DemoStartTests(DemoApp demo)
{
    [Fact]
    public async Task DemoStart_EmptyDataFolder_LoadsTheSeedContentAndADemoCouncilsReturns()
    {
        var cancel = TestContext.Current.CancellationToken;
        var app = demo.App;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LodestarDbContext>();

        var frameworks = await new FrameworkStore(db).ListAsync(cancel);
        Assert.Equal(["childrens-trust-kpi-schedule", "council-outcomes-framework", "leics-cfs-outcomes-2016-17", "national-framework"], frameworks.Select(f => f.Id).Order());
        Assert.Equal(["cambs-lac-action-plan-2015-17"], await ActionsStore.ListPlanIdsAsync(db, cancel));
        Assert.NotEmpty(await new FrameworkStore(db).TargetsAsync("E10000003", cancellationToken: cancel));
        var england = (await new BenchmarkStore(db).FiguresAsync("cla_long_term_stability", 2025, cancel)).Single(f => f.Level == GeographicLevel.National);
        Assert.Equal(69m, england.Value.Number);
        // The National Framework dashboard's figures too: England's neglect rate at the end of assessment, 2025 (assessment_factors.csv).
        var neglect = (await new BenchmarkStore(db).FiguresAsync("factor_neglect_rate_per_10k", 2025, cancel)).Single(f => f.Level == GeographicLevel.National);
        Assert.Equal(74m, neglect.Value.Number);

        var store = app.Services.GetRequiredService<StatutoryDataStore>();
        Assert.Equal(["E10000003"], store.Councils);
        var claAtEnd = store.Compute("E10000003", [Period.ReportingYear(2025)], ["cla_at_end"]).Single();
        Assert.True(claAtEnd.Value > 0, "the demo council has children looked after at 31 March 2025");
        var cpVisits = store.Compute("E10000003", [Period.ReportingYear(2025)], ["annexa_cp_visits_10wd"]).Single();
        Assert.True(cpVisits.Denominator > 0, "the demo council's Annex A List 7 has children on a plan at 31 March 2025");
    }

    [Fact]
    public async Task DemoStart_EmptyDatabase_StoresEachReturnAndYearAsASubmissionConfirmedByTheDemo()
    {
        using var scope = demo.App.Services.CreateScope();
        var submissions = await scope.ServiceProvider.GetRequiredService<Submissions>().ListAsync("E10000003", TestContext.Current.CancellationToken);

        Assert.Equal(
            [.. new[] { StatutoryReturn.Ssda903, StatutoryReturn.Cin, StatutoryReturn.AnnexA }.SelectMany(r => Enumerable.Range(2021, 5).Select(y => (r, y)))],
            submissions.Select(s => (s.Return, s.CollectionYear)).Order());
        Assert.All(submissions, s => Assert.Equal((SubmissionStatus.Confirmed, "demo", "demo"), (s.Status, s.CheckedBy, s.ConfirmedBy)));
    }

    [Fact]
    public async Task DemoContent_LoadedAgain_LeavesOneCopyOfEverything()
    {
        var cancel = TestContext.Current.CancellationToken;
        // The demo start's database as it left it, copied: this test writes.
        await using var database = await demo.CopyDatabaseAsync();
        await using var db = database.CreateContext();
        var targets = (await new FrameworkStore(db).TargetsAsync("E10000003", cancellationToken: cancel)).Count;

        await DemoContent.LoadAsync(db, DemoContent.SamplesFolder, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, cancel);

        Assert.Equal(4, (await new FrameworkStore(db).ListAsync(cancel)).Count);
        Assert.Single(await ActionsStore.ListPlanIdsAsync(db, cancel));
        Assert.Equal(targets, (await new FrameworkStore(db).TargetsAsync("E10000003", cancellationToken: cancel)).Count);
    }
}
