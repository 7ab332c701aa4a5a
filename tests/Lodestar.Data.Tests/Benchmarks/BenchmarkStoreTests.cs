using Lodestar.Data.Benchmarks;
using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Performance;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Benchmarks;

public sealed class BenchmarkStoreTests
{
    private const string Measure = "rereferrals_12m";

    private static readonly BenchmarkMeasure Rereferrals =
        new(Measure, "Re-referrals within 12 months (%)", "percent", Polarity.LowerIsBetter, "c1.csv: column rereferral_percent");

    private static BenchmarkObservation England(int year, decimal value) =>
        new(Measure, year, GeographicLevel.National, "E92000001", "England", null, BenchmarkValue.Of(value), "c1.csv");

    private static BenchmarkObservation Region(int year, decimal value) =>
        new(Measure, year, GeographicLevel.Regional, "E13000002", "Outer London", null, BenchmarkValue.Of(value), "c1.csv");

    private static BenchmarkObservation Council(int year, string code, BenchmarkValue value) =>
        new(Measure, year, GeographicLevel.LocalAuthority, code, $"Council {code}", "E13000002", value, "c1.csv");

    private static StatisticalNeighbour[] NeighboursOf301(params string[] codes) =>
        codes.Select((code, i) => new StatisticalNeighbour("301", i + 1, code, "Close")).ToArray();

    private static BenchmarkImport Import(IReadOnlyList<BenchmarkObservation> observations, IReadOnlyList<StatisticalNeighbour>? neighbours = null) =>
        new([Rereferrals], observations, neighbours ?? []);

    [Theory]
    [AllDatabases]
    public async Task Import_ThenCompare_KeepsNumbersAndSuppressionMarkers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.CreateContext())
        {
            var counts = await new BenchmarkStore(db).ImportAsync(
                Import(
                    [
                        England(2025, 22.6m), Region(2025, 20.1m),
                        Council(2025, "301", BenchmarkValue.Of(18.5m)),
                        Council(2025, "308", BenchmarkValue.Of(30m)),
                        Council(2025, "313", BenchmarkValue.Suppressed("c")),
                        Council(2025, "302", BenchmarkValue.Of(24m)),
                    ],
                    NeighboursOf301("308", "313", "302")),
                ct);

            var count = Assert.Single(counts);
            Assert.Equal((Measure, 6, 1), (count.MeasureId, count.Figures, count.Suppressed));
        }

        await using (var db = database.CreateContext())
        {
            var result = await new BenchmarkStore(db).CompareAsync("301", Measure, 2025, ct);

            Assert.NotNull(result);
            Assert.Equal(Polarity.LowerIsBetter, result.Polarity);
            Assert.Equal(BenchmarkValue.Of(18.5m), result.Council!.Value);
            Assert.Equal(BenchmarkValue.Of(22.6m), result.England!.Value);
            Assert.Equal(BenchmarkValue.Of(20.1m), result.Region!.Value);
            // Neighbours 308 (30), 313 (c), 302 (24): (30 + 24) / 2 = 27 over 2 of 3.
            Assert.Equal(27m, result.Neighbours.Average);
            Assert.Equal((2, 3), (result.Neighbours.Used, result.Neighbours.Listed));
            Assert.Equal("c", result.Neighbours.Neighbours[1].Value!.Value.Suppression);
            // Lower is better among 18.5, 30, 24 (the suppressed one not counted): 18.5 is 1st of 3.
            Assert.Equal((1, 3), (result.Position!.Rank, result.Position.Of));
        }
    }

    [Theory]
    [AllDatabases]
    public async Task Import_SameMeasureYearAgain_ReplacesThatYearAndKeepsOthers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.CreateContext())
        {
            var store = new BenchmarkStore(db);
            await store.ImportAsync(Import([England(2024, 21m), England(2025, 22m), Council(2025, "301", BenchmarkValue.Of(5m))]), ct);
            await store.ImportAsync(Import([England(2025, 23m)]), ct);
        }

        await using (var db = database.CreateContext())
        {
            var store = new BenchmarkStore(db);
            var figures2025 = await store.FiguresAsync(Measure, 2025, ct);
            var england2025 = Assert.Single(figures2025);
            Assert.Equal(BenchmarkValue.Of(23m), england2025.Value);
            Assert.Equal(BenchmarkValue.Of(21m), Assert.Single(await store.FiguresAsync(Measure, 2024, ct)).Value);
            Assert.Equal([2024, 2025], await store.YearsAsync(Measure, ct));
        }
    }

    [Theory]
    [AllDatabases]
    public async Task Import_FailingPartWay_StoresNothingAndKeepsThePreviousImport(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.CreateContext())
        {
            await new BenchmarkStore(db).ImportAsync(Import([England(2025, 22m)], NeighboursOf301("308")), ct);
        }

        await using (var db = database.CreateContext())
        {
            // Two rows for England in 2025 break the unique index at save time, after the old rows were deleted.
            var broken = new BenchmarkImport(
                [Rereferrals, Rereferrals with { Id = "cpp_subsequent" }],
                [England(2025, 30m), England(2025, 31m)],
                NeighboursOf301("302"));

            await Assert.ThrowsAnyAsync<DbUpdateException>(() => new BenchmarkStore(db).ImportAsync(broken, ct));
        }

        await using (var db = database.CreateContext())
        {
            var store = new BenchmarkStore(db);
            Assert.Equal(BenchmarkValue.Of(22m), Assert.Single(await store.FiguresAsync(Measure, 2025, ct)).Value);
            Assert.Null(await store.FindMeasureAsync("cpp_subsequent", ct));
            Assert.Equal("308", Assert.Single(await store.NeighboursAsync("301", ct)).NeighbourCode);
        }
    }

    [Theory]
    [AllDatabases]
    public async Task Import_MoreFiguresThanOneCommandHolds_StoresEveryOneExactly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        // 450 figures: two full commands of 200 rows and one of 50; every seventh is suppressed "x".
        var figures = Enumerable.Range(1, 450)
            .Select(i => Council(2025, $"A{i:000}", i % 7 == 0 ? BenchmarkValue.Suppressed("x") : BenchmarkValue.Of(i / 8m)))
            .ToArray();
        await using (var db = database.CreateContext())
        {
            await new BenchmarkStore(db).ImportAsync(Import(figures), ct);
        }

        await using (var db = database.CreateContext())
        {
            var stored = (await new BenchmarkStore(db).FiguresAsync(Measure, 2025, ct)).ToDictionary(o => o.AreaCode);

            Assert.Equal(450, stored.Count);
            Assert.Equal(BenchmarkValue.Of(0.125m), stored["A001"].Value);
            Assert.Equal(BenchmarkValue.Of(56.125m), stored["A449"].Value);
            Assert.Equal(BenchmarkValue.Suppressed("x"), stored["A448"].Value);
            Assert.Equal(64, stored.Values.Count(o => o.Value.IsSuppressed));
            Assert.Equal("E13000002", stored["A450"].RegionCode);
            Assert.Equal(GeographicLevel.LocalAuthority, stored["A450"].Level);
        }
    }

    [Theory]
    [AllDatabases]
    public async Task Import_NewNeighbourModel_ReplacesTheOldOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        var store = new BenchmarkStore(db);

        await store.ImportAsync(Import([], NeighboursOf301("308", "313")), ct);
        await store.ImportAsync(Import([], NeighboursOf301("821")), ct);

        var neighbour = Assert.Single(await store.NeighboursAsync("301", ct));
        Assert.Equal(("821", 1), (neighbour.NeighbourCode, neighbour.Position));
    }

    [Theory]
    [AllDatabases]
    public async Task Compare_NeighbourWithNoRow_IsNamedFromTheCouncilList(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        var store = new BenchmarkStore(db);
        await store.ImportAsync(Import([England(2025, 20m)], NeighboursOf301("302")), ct);

        var result = await store.CompareAsync("301", Measure, 2025, ct);

        // samples/councils.tsv: E09000003 302 Barnet.
        var neighbour = Assert.Single(result!.Neighbours.Neighbours);
        Assert.Equal("Barnet", neighbour.Name);
        Assert.Null(neighbour.Value);
    }

    [Theory]
    [AllDatabases]
    public async Task Compare_FormerCouncil_IsComparedAndItsNeighbourRowsNamedFromTheCouncilList(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        var store = new BenchmarkStore(db);
        await store.ImportAsync(
            Import(
                [new(Measure, 2022, GeographicLevel.LocalAuthority, "909", "Cumbria", "E12000002", BenchmarkValue.Of(20m), "c1.csv")],
                [new StatisticalNeighbour("301", 1, "928", "Close")]),
            ct);

        // samples/councils.tsv: E10000006 909 Cumbria and E10000021 928 Northamptonshire, both former councils.
        var cumbria = CouncilList.Find("E10000006")!;
        var result = await store.CompareAsync(cumbria.LaNumber, Measure, 2022, ct);
        var neighbour = Assert.Single((await store.CompareAsync("301", Measure, 2022, ct))!.Neighbours.Neighbours);

        Assert.Equal(20m, result!.Council!.Value.Number);
        Assert.Equal("Northamptonshire", neighbour.Name);
    }

    [Theory]
    [AllDatabases]
    public async Task Compare_PolarityGiven_OverridesTheStoredOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        var store = new BenchmarkStore(db);
        await store.ImportAsync(Import([Council(2025, "301", BenchmarkValue.Of(10m)), Council(2025, "302", BenchmarkValue.Of(20m))]), ct);

        // Stored polarity is lower-is-better: 10 ranks 1st of 2. Higher-is-better given: 10 ranks 2nd.
        Assert.Equal(1, (await store.CompareAsync("301", Measure, 2025, ct))!.Position!.Rank);
        var overridden = await store.CompareAsync("301", Measure, 2025, Polarity.HigherIsBetter, ct);
        Assert.Equal(2, overridden!.Position!.Rank);
        Assert.Equal(Polarity.HigherIsBetter, overridden.Polarity);
    }

    [Theory]
    [AllDatabases]
    public async Task Compare_UnknownMeasure_IsNull(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        Assert.Null(await new BenchmarkStore(db).CompareAsync("301", "no_such_measure", 2025, TestContext.Current.CancellationToken));
    }

    [Theory]
    [AllDatabases]
    public async Task CompareAll_TwoMeasuresOneUnknown_ComparesEachByItsOwnPolarityAndLeavesTheUnknownOut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        var store = new BenchmarkStore(db);
        var visits = new BenchmarkMeasure("visits", "Visits on time (%)", "percent", Polarity.HigherIsBetter, "c2.csv");
        BenchmarkObservation Visits(string code, decimal value) =>
            new("visits", 2025, GeographicLevel.LocalAuthority, code, $"Council {code}", "E13000002", BenchmarkValue.Of(value), "c2.csv");
        await store.ImportAsync(
            new BenchmarkImport(
                [Rereferrals, visits],
                [England(2025, 22m), Council(2025, "301", BenchmarkValue.Of(10m)), Council(2025, "302", BenchmarkValue.Of(20m)), Council(2024, "302", BenchmarkValue.Of(5m)),
                 Visits("301", 60m), Visits("302", 90m)],
                NeighboursOf301("302")),
            ct);

        var all = await store.CompareAllAsync("301", [(Measure, null), ("visits", null), ("no_such_measure", null), ("visits", Polarity.LowerIsBetter)], 2025, ct);

        // Re-referrals, lower is better: 10 beats 20 (1st of 2); England 22; neighbour 302's 20 (its 2024 figure is another year).
        Assert.Equal(2, all.Count);
        Assert.Equal((1, 22m, 20m), (all[Measure].Position!.Rank, all[Measure].England!.Value.Number!.Value, all[Measure].Neighbours.Average!.Value));
        // Visits, higher is better: 60 is behind 90 (2nd of 2); the first polarity asked for a measure is the one used.
        Assert.Equal((2, Polarity.HigherIsBetter), (all["visits"].Position!.Rank, all["visits"].Polarity));
        Assert.False(all.ContainsKey("no_such_measure"));
    }
}
