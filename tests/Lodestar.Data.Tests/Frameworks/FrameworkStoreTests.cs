using Lodestar.Data.Frameworks;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Frameworks;

public sealed class FrameworkStoreTests
{
    private const string Cambridgeshire = "E10000003";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Measure Rereferrals = new()
    {
        Id = "rereferrals", Title = "Re-referrals within 12 months", Number = "1", Group = "Safeguarding", Unit = MeasureUnit.Percent,
        Polarity = Polarity.LowerIsBetter, Decimals = 1, Source = MeasureSource.Entered, Frequency = MeasureFrequency.Monthly,
        Forum = "LSCB", Contractual = ContractualStatus.Contractual, Responsibility = Responsibility.Primary, Status = MeasureStatus.Live,
        Owner = "Head of Safeguarding", Why = "Repeat referrals show help that did not last.", Tags = [new TagRef("continuum", "PREVENT")],
    };

    private static readonly Measure Cla = new() { Id = "cla_at_end", Title = "Children looked after", Polarity = Polarity.LowerIsBetter, Source = MeasureSource.Kpi("cla_at_end") };

    private static readonly Measure Fostered = new() { Id = "fostered", Title = "Fostered", Status = MeasureStatus.InDevelopment };

    private static readonly Measure FosteredShare = new()
    {
        Id = "fostered_share", Title = "Share fostered", Unit = MeasureUnit.Percent, Polarity = Polarity.HigherIsBetter,
        Source = MeasureSource.Formula("fostered / cla_at_end * 100"), Contractual = ContractualStatus.ForDiscussion,
    };

    private static Framework Sample() => new()
    {
        Id = "test-fw",
        Title = "Test framework",
        Owner = "Test Council",
        PeriodText = "2024-25",
        Source = "tests",
        Notes = "Notes\nover lines",
        RagRule = RagRule.ToleranceOrImproved,
        TagSets = [new TagSet("continuum", "Care continuum", [new Tag("PREVENT", "Prevent"), new Tag("MEET", "Meet")])],
        Measures = [Rereferrals, Cla, Fostered, FosteredShare],
        Nodes =
        [
            new FrameworkNode
            {
                Id = "safe", Kind = "theme", Title = "Safe", Description = "First", MeasureIds = ["rereferrals"],
                Intentions = [new CommissioningIntention("Edge of care service", [new TagRef("continuum", "PREVENT"), new TagRef("continuum", "MEET")])],
                Children = [new FrameworkNode { Id = "care", Kind = "outcome", Title = "Care", MeasureIds = ["cla_at_end", "fostered_share"] }],
            },
            new FrameworkNode { Id = "second", Kind = "theme", Title = "Second", MeasureIds = ["rereferrals"] },
        ],
    };

    private static string Describe(Framework f) => string.Join("\n",
        new[] { $"{f.Id}|{f.Title}|{f.Owner}|{f.PeriodText}|{f.Source}|{f.Notes}|{f.RagRule}" }
            .Concat(f.TagSets.Select(s => $"{s.Id}|{s.Title}|{string.Join(",", s.Tags)}"))
            .Concat(f.Measures.Select(m => $"{m with { Tags = [] }}|{string.Join(",", m.Tags)}"))
            .Concat(f.Flatten().Select(p => $"{p.Depth}|{p.ParentId}|{p.Node.Id}|{p.Node.Kind}|{p.Node.Title}|{p.Node.Description}|{string.Join(",", p.Node.MeasureIds)}|{string.Join(";", p.Node.Intentions.Select(i => i.Text + string.Join(",", i.Tags)))}")));

    [Theory]
    [AllDatabases]
    public async Task Import_ThenLoad_GivesTheSameFramework(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var result = await new FrameworkStore(db).ImportAsync(Sample(), Cancel);
            Assert.Empty(result.Problems);
        }

        await using var read = database.CreateContext();
        var loaded = await new FrameworkStore(read).LoadAsync("test-fw", Cancel);

        Assert.Equal(Describe(Sample()), Describe(loaded!));
        Assert.Equal([new FrameworkSummary("test-fw", "Test framework", "Test Council", 3, 3)], await new FrameworkStore(read).ListAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Import_SameIdAgain_ReplacesTheTreeAndUpdatesMeasures(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await new FrameworkStore(db).ImportAsync(Sample(), Cancel);
        }

        var changed = Sample() with
        {
            Title = "Renamed",
            Measures = [Rereferrals with { Title = "Re-referrals (changed)" }, Cla, Fostered, FosteredShare],
            Nodes = [new FrameworkNode { Id = "only", Kind = "theme", Title = "Only", MeasureIds = ["cla_at_end"] }],
        };
        await using (var db = database.CreateContext())
        {
            Assert.Empty((await new FrameworkStore(db).ImportAsync(changed, Cancel)).Problems);
        }

        await using var read = database.CreateContext();
        var loaded = await new FrameworkStore(read).LoadAsync("test-fw", Cancel);
        Assert.Equal(("Renamed", "only"), (loaded!.Title, Assert.Single(loaded.Flatten()).Node.Id));
        Assert.Equal("Re-referrals (changed)", (await new FrameworkStore(read).MeasuresAsync(["rereferrals"], Cancel))["rereferrals"].Title);
        Assert.Equal(1, await read.Set<NodeEntity>().CountAsync(Cancel));
        Assert.Equal(1, await read.Set<NodeMeasureEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Import_UnknownMeasureReference_IsRefusedAndNothingChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await new FrameworkStore(db).ImportAsync(Sample(), Cancel);
        }

        var broken = Sample() with { Title = "Broken", Nodes = [new FrameworkNode { Id = "x", Kind = "theme", Title = "X", MeasureIds = ["nowhere"] }] };
        await using (var db = database.CreateContext())
        {
            var result = await new FrameworkStore(db).ImportAsync(broken, Cancel);
            Assert.Equal(["measure 'nowhere' is used but not defined in this framework or any stored one"], result.Problems.Select(p => p.Message));
        }

        await using var read = database.CreateContext();
        Assert.Equal("Test framework", (await new FrameworkStore(read).LoadAsync("test-fw", Cancel))!.Title);
        Assert.Equal(3, await read.Set<NodeEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Import_FormulaReadingAnUnknownMeasure_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var framework = Sample() with { Measures = [Rereferrals, Cla, Fostered, FosteredShare with { Source = MeasureSource.Formula("fostered / looked_after * 100") }] };

        var result = await new FrameworkStore(db).ImportAsync(framework, Cancel);

        Assert.Equal(["measure 'looked_after' is used but not defined in this framework or any stored one"], result.Problems.Select(p => p.Message));
        Assert.Empty(await new FrameworkStore(db).ListAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Import_SecondFrameworkReferencingAndRedefiningMeasures_LinksOneAndRefusesTheOther(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var store = new FrameworkStore(db);
        await store.ImportAsync(Sample(), Cancel);

        var sharing = new Framework { Id = "other", Title = "Other", Nodes = [new FrameworkNode { Id = "n", Kind = "theme", Title = "N", MeasureIds = ["cla_at_end"] }] };
        var redefining = sharing with { Measures = [Cla with { Title = "Mine now" }] };

        Assert.Empty((await store.ImportAsync(sharing, Cancel)).Problems);
        Assert.Equal(
            ["measure 'cla_at_end' is already defined by framework 'test-fw': define it once and reference it by id"],
            (await store.ImportAsync(redefining, Cancel)).Problems.Select(p => p.Message));
        Assert.Equal("Children looked after", (await store.MeasuresAsync(["cla_at_end"], Cancel))["cla_at_end"].Title);
    }

    [Theory]
    [AllDatabases]
    public async Task Import_InsideACallersTransactionRolledBack_StoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var store = new FrameworkStore(db);
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            Assert.Empty((await store.ImportAsync(Sample(), Cancel)).Problems);
            Assert.Empty((await store.ImportAsync(new Framework { Id = "other", Title = "Other", Nodes = [new FrameworkNode { Id = "n", Kind = "theme", Title = "N", MeasureIds = ["cla_at_end"] }] }, Cancel)).Problems);
            await transaction.RollbackAsync(Cancel);
        }

        await using var read = database.CreateContext();
        Assert.Empty(await new FrameworkStore(read).ListAsync(Cancel));
        Assert.Equal(0, await read.Set<MeasureEntity>().CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task ImportValues_SameKeyAgain_ReplacesTheValue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var store = new FrameworkStore(db);
        await store.ImportAsync(Sample(), Cancel);
        var at = new DateTimeOffset(2025, 4, 30, 10, 0, 0, TimeSpan.Zero);
        var value = new PeriodicValue
        {
            MeasureId = "rereferrals", Council = Cambridgeshire, Period = Period.ReportingYear(2025), Value = 14.2m,
            Numerator = 71, Denominator = 500, Note = "first", EnteredBy = "analyst", EnteredAt = at,
        };

        await store.ImportValuesAsync([value, value with { MeasureId = "fostered", Period = Period.Month(2025, 3), Value = 400, Numerator = null, Denominator = null }], Cancel);
        var result = await store.ImportValuesAsync([value with { Value = 13.9m, Note = "corrected" }], Cancel);

        Assert.Equal(1, result.Value);
        var values = await store.ValuesAsync(Cambridgeshire, cancellationToken: Cancel);
        Assert.Equal(2, values.Count);
        Assert.Equal(value with { Value = 13.9m, Note = "corrected" }, values.Single(v => v.MeasureId == "rereferrals"));
        Assert.Equal(Period.Month(2025, 3), values.Single(v => v.MeasureId == "fostered").Period);
    }

    [Theory]
    [AllDatabases]
    public async Task ImportValues_UnknownMeasureOrCouncil_StoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var store = new FrameworkStore(db);
        await store.ImportAsync(Sample(), Cancel);
        var good = new PeriodicValue { MeasureId = "rereferrals", Council = Cambridgeshire, Period = Period.ReportingYear(2025), Value = 1 };

        var result = await store.ImportValuesAsync([good, good with { MeasureId = "nowhere" }, good with { Council = "E99999999" }], Cancel);

        Assert.Equal(["unknown measure 'nowhere'", "unknown council 'E99999999'"], result.Problems.Select(p => p.Message));
        Assert.Empty(await store.ValuesAsync(Cambridgeshire, cancellationToken: Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task SetTargets_ThenRead_KeepsToleranceAndProfile(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var store = new FrameworkStore(db);
        await store.ImportAsync(Sample(), Cancel);
        var target = new Target
        {
            MeasureId = "rereferrals", Council = Cambridgeshire, Period = Period.ReportingYear(2025), Value = 11, Tolerance = Tolerance.Percent(10), Profile = TargetProfile.Linear,
        };
        var untolerant = target with { MeasureId = "cla_at_end", Tolerance = null, Profile = TargetProfile.Flat, Value = 497 };

        await store.SetTargetsAsync([target, untolerant], Cancel);

        Assert.Equal([untolerant, target], await store.TargetsAsync(Cambridgeshire, cancellationToken: Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Scorecard_StoredFrameworkValuesAndTargets_GivesValuesRagAndDirection(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var store = new FrameworkStore(db);
        await store.ImportAsync(Sample(), Cancel);
        var y2025 = Period.ReportingYear(2025);
        var y2024 = Period.ReportingYear(2024);
        await store.ImportValuesAsync(
        [
            new PeriodicValue { MeasureId = "rereferrals", Council = Cambridgeshire, Period = y2025, Value = 14.2m },
            new PeriodicValue { MeasureId = "rereferrals", Council = Cambridgeshire, Period = y2024, Value = 15m },
            new PeriodicValue { MeasureId = "fostered", Council = Cambridgeshire, Period = y2025, Value = 400 },
            new PeriodicValue { MeasureId = "cla_at_end", Council = Cambridgeshire, Period = y2025, Value = 999 },
        ], Cancel);
        await store.SetTargetsAsync([new Target { MeasureId = "rereferrals", Council = Cambridgeshire, Period = y2025, Value = 11, Tolerance = Tolerance.Absolute(1) }], Cancel);

        // By LA number; the KPI source supplies cla_at_end (and wins over the entered 999).
        var scorecard = await store.ScorecardAsync("test-fw", "873", y2025, (kpi, _, p) => kpi == "cla_at_end" && p == y2025 ? new MeasureValue(500) : null, cancellationToken: Cancel);

        var rows = scorecard!.Rows.ToList();
        Assert.Equal(["rereferrals", "cla_at_end", "fostered_share", "rereferrals"], rows.Select(r => r.Measure.Id));
        // The framework's rule is tolerance_or_improved: outside tolerance but better than last year's 15%.
        Assert.Equal("Amber: 14.2% is 3.2 points worse than the 11% target; tolerance 1 point, but better than 15% a year earlier", rows[0].Rag.Reason);
        Assert.Equal(DirectionOfTravel.Improving, rows[0].VersusLastYear);
        Assert.Equal(500m, rows[1].Value!.Value.Value);
        Assert.Equal(80m, rows[2].Value!.Value.Value);
        Assert.Equal(Cambridgeshire, scorecard.Council);
    }

    [Theory]
    [AllDatabases]
    public async Task Scorecard_UnknownFrameworkOrCouncil_IsNull(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var store = new FrameworkStore(db);
        await store.ImportAsync(Sample(), Cancel);

        Assert.Null(await store.ScorecardAsync("nope", Cambridgeshire, Period.ReportingYear(2025), cancellationToken: Cancel));
        Assert.Null(await store.ScorecardAsync("test-fw", "E99999999", Period.ReportingYear(2025), cancellationToken: Cancel));
    }
}
