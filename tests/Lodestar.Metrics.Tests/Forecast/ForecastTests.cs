using Lodestar.Metrics.Forecast;
using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Tests.Forecast;

public sealed class ForecastTests
{
    private const int Ifa = 1;
    private const int Residential = 3;
    private static readonly DateOnly AsAt = new(2024, 3, 31);
    private static readonly DateOnly Born = new(2010, 1, 15);

    // Every month from April 2021 on, ten children start on the 15th and stay ten month ends: at each
    // month end of the window 100 are in care (IFA, aged 12–14), ten leave and ten enter each month.
    private static List<CareSpell> SteadyHistory()
    {
        var spells = new List<CareSpell>();
        var child = 0;
        for (var start = new DateOnly(2021, 4, 15); start <= new DateOnly(2024, 3, 15); start = start.AddMonths(1))
        {
            for (var k = 0; k < 10; k++)
            {
                spells.Add(new CareSpell(child++, Born, start, start.AddMonths(10), Ifa));
            }
        }

        return spells;
    }

    // Ten children a month start in a residential home for five month ends, then move to IFA for five,
    // then leave: 50 in each at every month end; 10 of 50 move on from each every month.
    private static List<CareSpell> MovingHistory()
    {
        var spells = new List<CareSpell>();
        var child = 0;
        for (var start = new DateOnly(2021, 4, 15); start <= new DateOnly(2024, 3, 15); start = start.AddMonths(1))
        {
            for (var k = 0; k < 10; k++)
            {
                spells.Add(new CareSpell(child, Born, start, start.AddMonths(5), Residential));
                spells.Add(new CareSpell(child++, Born, start.AddMonths(5), start.AddMonths(10), Ifa));
            }
        }

        return spells;
    }

    [Fact]
    public void Estimate_TenOfHundredLeaveEachMonth_ExitRateIsOneTenthAndTenEnterAMonth()
    {
        var model = ForecastEstimator.Estimate(SteadyHistory(), AsAt);

        Assert.Equal(24, model.WindowMonths);
        Assert.Equal(100, model.StartCount);
        Assert.Equal(0.1, model.ExitRate(3, Ifa), 12);
        Assert.Equal(0.9, model.MoveRate(3, Ifa, Ifa), 12);
        Assert.Equal(0.1, model.OverallExitRate, 12);
        Assert.Equal(10, model.TotalEntryRate, 12);
        Assert.Equal(10, model.EntryRate(3), 12);
        Assert.Equal(0, model.EntryRate(2), 12);
    }

    [Fact]
    public void Estimate_TenOfFiftyMoveOnEachMonth_MoveAndExitRatesAreOneFifth()
    {
        var model = ForecastEstimator.Estimate(MovingHistory(), AsAt);

        Assert.Equal(0.2, model.MoveRate(3, Residential, Ifa), 12);
        Assert.Equal(0, model.ExitRate(3, Residential), 12);
        Assert.Equal(0.2, model.ExitRate(3, Ifa), 12);
        Assert.Equal(0.8, model.MoveRate(3, Ifa, Ifa), 12);
    }

    [Fact]
    public void Estimate_WindowBeforeTheReturns_StartsAtTheDayBeforeTheyBegin()
    {
        var model = ForecastEstimator.Estimate(SteadyHistory(), AsAt, coveredFrom: new DateOnly(2023, 4, 1));

        // 31 March 2023 to 31 March 2024.
        Assert.Equal(12, model.WindowMonths);
    }

    [Fact]
    public void Estimate_SpellsInAnotherOrder_GivesTheSameModelAndForecast()
    {
        var spells = MovingHistory();
        var shuffled = spells.OrderBy(s => (s.Child * 7919) % 1009).ThenByDescending(s => s.Start).ToList();
        var options = new ForecastOptions(Months: 12, Runs: 200);

        var a = ForecastSimulator.Simulate(ForecastEstimator.Estimate(spells, AsAt), options);
        var b = ForecastSimulator.Simulate(ForecastEstimator.Estimate(shuffled, AsAt), options);

        Assert.Equal(a.Points, b.Points);
        Assert.Equal(a.PlacementYears, b.PlacementYears);
    }

    [Theory]
    [InlineData(1, 84, 86, 90, 94, 95)]
    [InlineData(6, 43, 47, 53, 60, 63)]
    [InlineData(12, 20, 23, 28, 34, 37)]
    public void Simulate_NoEntriesExitOneTenth_CountIsBinomialWithSurvivalNinetenthsToTheK(int k, int lower95, int lower80, int median, int upper80, int upper95)
    {
        // Binomial(100, 0.9^k) quantiles, worked out from its distribution function.
        var model = ForecastEstimator.Estimate(SteadyHistory(), AsAt);
        var noEntries = new ForecastScenario("no entries", new DateOnly(2024, 4, 1), entryFactor: 0);

        var result = ForecastSimulator.Simulate(model, new ForecastOptions(Months: k, Runs: 4000, DrawRates: false), noEntries);

        var point = result.At(ForecastEstimator.MonthEnd(AsAt.AddMonths(k)))!.Value;
        Assert.InRange(point.Median, median - 1, median + 1);
        Assert.InRange(point.Lower80, lower80 - 1, lower80 + 1);
        Assert.InRange(point.Upper80, upper80 - 1, upper80 + 1);
        Assert.InRange(point.Lower95, lower95 - 1, lower95 + 1);
        Assert.InRange(point.Upper95, upper95 - 1, upper95 + 1);
    }

    [Fact]
    public void Simulate_ResidentialToFosterDoubled_ResidentialFallsToBinomialFiftySixTenths()
    {
        var model = ForecastEstimator.Estimate(MovingHistory(), AsAt);
        var options = new ForecastOptions(Months: 1, Runs: 4000, DrawRates: false);
        var from = new DateOnly(2024, 4, 1);

        var baseline = ForecastSimulator.Simulate(model, options, new ForecastScenario("no entries", from, entryFactor: 0));
        var doubled = ForecastSimulator.Simulate(model, options, new ForecastScenario("doubled", from, entryFactor: 0, residentialToFosterFactor: 2));

        // 50 in residential: stay with 0.8, Binomial(50, 0.8) median 40; doubled moves: 0.6, median 30.
        Assert.InRange(baseline.At(new DateOnly(2024, 4, 30), "residential_homes")!.Value.Median, 39, 41);
        Assert.InRange(doubled.At(new DateOnly(2024, 4, 30), "residential_homes")!.Value.Median, 29, 31);
        Assert.Equal("doubled", doubled.Scenario);
    }

    [Fact]
    public void Simulate_ChildTurningEighteen_LeavesTheCount()
    {
        // Both in care throughout, nobody ever left: the exit rate is 0, so only turning 18 can end care.
        var spells = new List<CareSpell>
        {
            new(1, new DateOnly(2006, 4, 15), new DateOnly(2020, 1, 1), null, Ifa),
            new(2, new DateOnly(2014, 1, 1), new DateOnly(2020, 1, 1), null, Ifa),
        };
        var model = ForecastEstimator.Estimate(spells, AsAt);

        var result = ForecastSimulator.Simulate(model, new ForecastOptions(Months: 2, Runs: 50));

        Assert.Equal(2, model.StartCount);
        Assert.Equal(0, model.OverallExitRate);
        Assert.Equal(1, result.At(new DateOnly(2024, 4, 30))!.Value.Upper95);
        Assert.Equal(1, result.At(new DateOnly(2024, 4, 30))!.Value.Lower95);
    }

    [Fact]
    public void Simulate_SameSeed_SameForecast()
    {
        var model = ForecastEstimator.Estimate(MovingHistory(), AsAt);

        var a = ForecastSimulator.Simulate(model, new ForecastOptions(Months: 6, Runs: 300, Seed: 3));
        var b = ForecastSimulator.Simulate(model, new ForecastOptions(Months: 6, Runs: 300, Seed: 3));

        Assert.Equal(a.Points, b.Points);
    }

    [Fact]
    public void PlacementYears_SteadyHundredWithNoChance_AreDaysOver364()
    {
        // Exit rate 0 and no entries: 2 children in IFA every day of April and May 2024 (61 days).
        var spells = new List<CareSpell>
        {
            new(1, Born, new DateOnly(2020, 1, 1), null, Ifa),
            new(2, Born, new DateOnly(2020, 1, 1), null, Ifa),
        };
        var result = ForecastSimulator.Simulate(ForecastEstimator.Estimate(spells, AsAt), new ForecastOptions(Months: 2, Runs: 20));

        var ifa = result.PlacementYears.Single(p => p.FinancialYear == 2024 && p.Category == "ifa");
        Assert.Equal(2, ifa.Months);
        Assert.Equal(2 * 61 / 364.0, ifa.Value.Median, 9);
    }

    [Fact]
    public void AgeBandYears_BabyTurningOneAndYouthTurningEighteen_AreEachBandsDaysOver364()
    {
        // Nobody ever left and nobody entered in the window: only ageing changes anything. On 31 March 2025
        // the baby is 10 months old (born 15 May 2024) and the youth 214 months (born 15 May 2007).
        // April (30 days): baby 11 months (under 1), youth 215 months (16-17).
        // May (31) and June (30): baby 12 and 13 months (1-4); the youth is 18 on 15 May and has left.
        var asAt = new DateOnly(2025, 3, 31);
        var spells = new List<CareSpell>
        {
            new(1, new DateOnly(2024, 5, 15), new DateOnly(2024, 6, 1), null, Ifa),
            new(2, new DateOnly(2007, 5, 15), new DateOnly(2020, 1, 1), null, Ifa),
        };
        var model = ForecastEstimator.Estimate(spells, asAt, new DateOnly(2024, 12, 1));

        var result = ForecastSimulator.Simulate(model, new ForecastOptions(Months: 3, Runs: 20));

        double Band(string band) => result.AgeBandYears.Single(y => y.FinancialYear == 2025 && y.AgeBand == band).Value.Median;
        Assert.Equal(0, model.TotalEntryRate);
        Assert.Equal(30 / 364.0, Band("under_1"), 9);
        Assert.Equal(61 / 364.0, Band("1_to_4"), 9);
        Assert.Equal(0, Band("5_to_9"), 9);
        Assert.Equal(0, Band("10_to_15"), 9);
        Assert.Equal(30 / 364.0, Band("16_to_17"), 9);
        Assert.All(result.AgeBandYears, y => Assert.Equal(3, y.Months));
        // Children at each month end by band: April the baby (under 1) and the youth (16-17); June the baby alone, 1-4.
        Assert.Equal((1, 0, 1), (result.InBandAt(new DateOnly(2025, 4, 30), "under_1")!.Value.Median, result.InBandAt(new DateOnly(2025, 4, 30), "1_to_4")!.Value.Median,
            result.InBandAt(new DateOnly(2025, 4, 30), "16_to_17")!.Value.Median));
        Assert.Equal((0, 1, 0), (result.InBandAt(new DateOnly(2025, 6, 30), "under_1")!.Value.Median, result.InBandAt(new DateOnly(2025, 6, 30), "1_to_4")!.Value.Median,
            result.InBandAt(new DateOnly(2025, 6, 30), "16_to_17")!.Value.Median));
        // The bands add up to the categories: 121 child-days ÷ 364, all in IFA.
        Assert.Equal(121 / 364.0, result.PlacementYears.Single(p => p.FinancialYear == 2025 && p.Category == "ifa").Value.Median, 9);
    }

    [Fact]
    public void Quantile_OneToFive_InterpolatesBetweenOrderStatistics()
    {
        double[] values = [1, 2, 3, 4, 5];

        Assert.Equal(1.4, ForecastInterval.Quantile(values, 0.1), 9);
        Assert.Equal(3, ForecastInterval.Quantile(values, 0.5), 9);
        Assert.Equal(4.9, ForecastInterval.Quantile(values, 0.975), 9);
    }

    [Fact]
    public void CareSpells_From903_LeaveOutShortBreaksAndMapProviders()
    {
        var data = new Ssda903Builder("E10000003")
            .Header("A", dob: Born)
            .Episode("A", decom: new DateOnly(2023, 1, 10), ls: "C2", place: "U4", provider: "PR4", dec: new DateOnly(2023, 6, 1), rec: "X1")
            .Episode("A", decom: new DateOnly(2023, 6, 1), ls: "C2", place: "K2", provider: "PR1", dec: new DateOnly(2024, 6, 1), rec: "E4A")
            .Header("B", dob: Born)
            .Episode("B", decom: new DateOnly(2023, 2, 1), ls: "V3", place: "U1", provider: "PR1")
            .Episode("B", decom: new DateOnly(2024, 5, 1), ls: "C2", place: "U1", provider: "PR1")
            .Build();

        var spells = CareSpells.From(data, AsAt);

        Assert.Equal(2, spells.Count);
        Assert.Equal(Ifa, spells[0].Category);
        Assert.Equal(new DateOnly(2023, 6, 1), spells[0].End);
        Assert.Equal(Residential, spells[1].Category);
        Assert.Null(spells[1].End);
    }

    [Fact]
    public void Backtest_CountOn_CountsTheLatestSpellOfEachChildUnder18()
    {
        var spells = new List<CareSpell>
        {
            new(1, Born, new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 1), Ifa),
            new(1, Born, new DateOnly(2023, 6, 1), null, Residential),
            new(2, new DateOnly(2005, 1, 1), new DateOnly(2020, 1, 1), null, Ifa),
            new(3, Born, new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30), Ifa),
        };

        var counts = ForecastBacktest.CountOn(spells, new DateOnly(2023, 6, 30));

        Assert.Equal(0, counts[Ifa]);
        Assert.Equal(1, counts[Residential]);
    }

    [Fact]
    public void Backtest_ThreeYearsOfReturns_ForecastsFromEachYearEndWithAYearBeforeItAndComparesWithTheActual()
    {
        // Returns from April 2021 to March 2024: as at March 2022 (12 and 24 months on) and March 2023 (12 months on).
        var result = ForecastBacktest.Run(SteadyHistory(), new DateOnly(2021, 4, 1), new DateOnly(2024, 3, 31), new ForecastOptions(Runs: 100));

        var total = result.Points.Where(p => p.Category == ForecastResult.All).ToList();
        Assert.Equal(
            [(new DateOnly(2022, 3, 31), 12, new DateOnly(2023, 3, 31)), (new DateOnly(2022, 3, 31), 24, new DateOnly(2024, 3, 31)), (new DateOnly(2023, 3, 31), 12, new DateOnly(2024, 3, 31))],
            total.Select(p => (p.AsAt, p.Horizon, p.Month)));
        Assert.All(total, p => Assert.Equal(100, p.Actual));
        Assert.Equal(2, result.Summaries.Single(s => s.Horizon == 12 && s.Category == ForecastResult.All).Forecasts);
        Assert.Equal(1, result.Summaries.Single(s => s.Horizon == 24 && s.Category == ForecastResult.All).Forecasts);
    }
}
