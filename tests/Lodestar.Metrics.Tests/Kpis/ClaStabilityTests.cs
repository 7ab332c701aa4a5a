using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using static Lodestar.Metrics.Tests.Kpis.KpiTestRun;

namespace Lodestar.Metrics.Tests.Kpis;

public sealed class ClaStabilityTests
{
    private const string Placements = "cla_placements_3plus";
    private const string Stability = "cla_long_term_stability";

    [Fact]
    public void Placements3Plus_ThreeMoves_IsInTheNumerator()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 7, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 7, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4", dec: new(2024, 9, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 9, 1), rne: "P", ls: "C2", place: "U4", provider: "PR4")
            .Build();

        var result = Result(Placements, data, Year2025);

        Assert.Equal((1.0, 1.0, 100.0), (result.Numerator!.Value, result.Denominator!.Value, result.Value!.Value));
    }

    [Fact]
    public void Placements3Plus_LegalStatusOnlyChange_IsNotAMove()
    {
        // S (1), L (0: same placement, new legal status), P (2) = 2 placements.
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C1", place: "U4", provider: "PR1", dec: new(2024, 7, 1), rec: "X1")
            .Episode("C1", decom: new(2024, 7, 1), rne: "L", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 9, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 9, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4")
            .Build();

        var result = Result(Placements, data, Year2025);

        Assert.Equal((0.0, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void Placements3Plus_TemporaryMoveAndReturnToTheSamePlacement_AreNotMoves()
    {
        // U4 (1), T1 temporary (0), back to the same U4 (0), then K2 (2) = 2 placements.
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", plPost: "AB1 2CD", dec: new(2024, 7, 1), rec: "X1")
            .Episode("C1", decom: new(2024, 7, 1), rne: "P", ls: "C2", place: "T1", provider: "PR1", dec: new(2024, 7, 10), rec: "X1")
            .Episode("C1", decom: new(2024, 7, 10), rne: "P", ls: "C2", place: "U4", provider: "PR1", plPost: "AB1 2CD", dec: new(2024, 9, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 9, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4")
            .Build();

        Assert.Equal(0, Result(Placements, data, Year2025).Numerator);
        var reasons = new KpiEngine().ExplainChild(Placements, KpiDataset.Of(data), Year2025, "C1");
        Assert.Contains(reasons, r => r.StartsWith("2 placement(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Placements3Plus_TemporaryMoveThenADifferentPlacement_CountsTheNewPlacement()
    {
        // U4 (1), T1 (0), K2 elsewhere (2), U5 (3).
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", plPost: "AB1 2CD", dec: new(2024, 7, 1), rec: "X1")
            .Episode("C1", decom: new(2024, 7, 1), rne: "P", ls: "C2", place: "T1", provider: "PR1", dec: new(2024, 7, 10), rec: "X1")
            .Episode("C1", decom: new(2024, 7, 10), rne: "P", ls: "C2", place: "K2", provider: "PR4", plPost: "ZZ9 9ZZ", dec: new(2024, 9, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 9, 1), rne: "P", ls: "C2", place: "U5", provider: "PR4")
            .Build();

        Assert.Equal(1, Result(Placements, data, Year2025).Numerator);
    }

    [Fact]
    public void Placements3Plus_ReasonPlaceChangePlace_IsNotAMoveUnlessAskedFor()
    {
        // U4 (1); status of the placement changes (REASON_PLACE_CHANGE PLACE on the ending episode): A4 with the same carer (0); K2 (2).
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 7, 1), rec: "X1", reasonPlaceChange: "PLACE")
            .Episode("C1", decom: new(2024, 7, 1), rne: "T", ls: "E1", place: "A4", provider: "PR1", dec: new(2024, 9, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 9, 1), rne: "P", ls: "E1", place: "K2", provider: "PR4")
            .Build();

        Assert.Equal(0, Result(Placements, data, Year2025).Numerator);
        Assert.Equal(1, Result(Placements, data, Year2025, new KpiOptions { CountPlaceStatusChanges = true }).Numerator);
    }

    [Fact]
    public void Placements3Plus_PlacementHeldAtTheStartOfThePeriod_CountsOnce()
    {
        // Placed since 2023; one move in the year: 2 placements in the year.
        var data = Cla()
            .Episode("C1", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 8, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 8, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4")
            .Build();

        var result = Result(Placements, data, Year2025);

        Assert.Equal((0.0, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void Placements3Plus_EpisodeEndingOnTheFirstDay_IsNotAPlacementInThePeriod()
    {
        // The U4 placement ended on 1 April 2024: the K2 and U5 placements are the only two in the year.
        var data = Cla()
            .Episode("C1", decom: new(2023, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 4, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 4, 1), rne: "P", ls: "C2", place: "K2", provider: "PR4", dec: new(2024, 8, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 8, 1), rne: "P", ls: "C2", place: "U5", provider: "PR4")
            .Build();

        Assert.Equal(0, Result(Placements, data, Year2025).Numerator);
    }

    [Fact]
    public void Placements3Plus_ChildNotLookedAfterAtTheEnd_IsNotInTheDenominator()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 7, 1), rec: "E13")
            .Build();

        var result = Result(Placements, data, Year2025);

        Assert.Equal(0, result.Denominator);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData(2022, 9, 30, 1.0)]
    [InlineData(2022, 10, 1, 0.0)]
    public void LongTermStability_CareBegan30MonthsBeforeTheEnd_IsTheBoundaryOfTheCohort(int year, int month, int day, double denominator)
    {
        var data = Cla()
            .Header("C1", dob: new(2015, 1, 1))
            .Episode("C1", decom: new(year, month, day), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        Assert.Equal(denominator, Result(Stability, data, Year2025).Denominator);
    }

    [Theory]
    [InlineData(2023, 3, 31, 1.0)]
    [InlineData(2023, 4, 1, 0.0)]
    public void LongTermStability_SameCarerForTwoYears_IsTheBoundaryOfTheNumerator(int year, int month, int day, double numerator)
    {
        var data = Cla()
            .Header("C1", dob: new(2015, 1, 1))
            .Episode("C1", decom: new(2022, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(year, month, day), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(year, month, day), rne: "P", ls: "C2", place: "U5", provider: "PR4")
            .Build();

        var result = Result(Stability, data, Year2025);

        Assert.Equal((numerator, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Theory]
    [InlineData("U", 1.0)]
    [InlineData("T", 1.0)]
    [InlineData("L", 1.0)]
    [InlineData("P", 0.0)]
    [InlineData("B", 0.0)]
    public void LongTermStability_RneOfTheLatestChange_DecidesWhetherTheCarerChanged(string rne, double numerator)
    {
        var data = Cla()
            .Header("C1", dob: new(2015, 1, 1))
            .Episode("C1", decom: new(2022, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 6, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 6, 1), rne: rne, ls: "C2", place: "U5", provider: "PR1")
            .Build();

        Assert.Equal(numerator, Result(Stability, data, Year2025).Numerator);
    }

    [Theory]
    [InlineData(2009, 3, 31, 0.0)]
    [InlineData(2009, 4, 1, 1.0)]
    public void LongTermStability_Aged16AtTheEnd_IsLeftOut(int year, int month, int day, double denominator)
    {
        var data = Cla()
            .Header("C1", dob: new(year, month, day))
            .Episode("C1", decom: new(2020, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        Assert.Equal(denominator, Result(Stability, data, Year2025).Denominator);
    }

    [Fact]
    public void LongTermStability_NoDateOfBirth_IsLeftOut()
    {
        var data = Cla()
            .Episode("C1", decom: new(2020, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        Assert.Equal(0, Result(Stability, data, Year2025).Denominator);
    }

    [Fact]
    public void LongTermStability_PlacedForAdoptionWithThePlacementBefore_CountsTwoYearsTogether()
    {
        // Carer from 1 Jan 2023 (before 31 Mar 2023), then placed for adoption with new carers on 1 Jun 2024.
        var data = Cla()
            .Header("C1", dob: new(2019, 1, 1))
            .Episode("C1", decom: new(2022, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2023, 1, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2023, 1, 1), rne: "P", ls: "C2", place: "U4", provider: "PR4", dec: new(2024, 6, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 6, 1), rne: "B", ls: "E1", place: "A4", provider: "PR1")
            .Build();

        Assert.Equal(1, Result(Stability, data, Year2025).Numerator);
    }

    [Fact]
    public void LongTermStability_PlacedForAdoptionAfterAShortPlacement_IsNotStable()
    {
        // The placement before the adoptive one began 1 May 2023, less than 2 years before the end.
        var data = Cla()
            .Header("C1", dob: new(2019, 1, 1))
            .Episode("C1", decom: new(2022, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2023, 5, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2023, 5, 1), rne: "P", ls: "C2", place: "U4", provider: "PR4", dec: new(2024, 6, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 6, 1), rne: "B", ls: "E1", place: "A4", provider: "PR1")
            .Build();

        Assert.Equal(0, Result(Stability, data, Year2025).Numerator);
    }

    [Fact]
    public void LongTermStability_LeapDayEnd_TwoYearsBackIs28February()
    {
        // Period ending Thu 29 Feb 2024: two years back is 28 Feb 2022; 30 months back is 29 Aug 2021.
        var february = Period.Month(2024, 2);
        var stable = Cla()
            .Header("C1", dob: new(2015, 1, 1))
            .Episode("C1", decom: new(2021, 8, 29), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2022, 2, 28), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2022, 2, 28), rne: "P", ls: "C2", place: "U5", provider: "PR4")
            .Build();
        var notStable = Cla()
            .Header("C1", dob: new(2015, 1, 1))
            .Episode("C1", decom: new(2021, 8, 29), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2022, 3, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2022, 3, 1), rne: "P", ls: "C2", place: "U5", provider: "PR4")
            .Build();

        Assert.Equal((1.0, 1.0), (Result(Stability, stable, february).Numerator!.Value, Result(Stability, stable, february).Denominator!.Value));
        Assert.Equal((0.0, 1.0), (Result(Stability, notStable, february).Numerator!.Value, Result(Stability, notStable, february).Denominator!.Value));
    }

    [Fact]
    public void LongTermStability_GapBetweenEpisodes_StartsANewPeriodOfCare()
    {
        // Care ended in 2022 and began again on 1 Nov 2022 (less than 2½ years before the end): not in the cohort.
        var data = Cla()
            .Header("C1", dob: new(2015, 1, 1))
            .Episode("C1", decom: new(2020, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2022, 10, 1), rec: "E4A")
            .Episode("C1", decom: new(2022, 11, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        Assert.Equal(0, Result(Stability, data, Year2025).Denominator);
    }

    [Fact]
    public void LongTermStability_TemporaryMoveAndReturn_KeepTheCarer()
    {
        // With the same carer since 2022; a week's respite (T1) in 2024 and back to the same placement: still stable.
        var data = Cla()
            .Header("C1", dob: new(2015, 1, 1))
            .Episode("C1", decom: new(2022, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", plPost: "AB1 2CD", dec: new(2024, 7, 1), rec: "X1")
            .Episode("C1", decom: new(2024, 7, 1), rne: "P", ls: "C2", place: "T1", provider: "PR1", dec: new(2024, 7, 8), rec: "X1")
            .Episode("C1", decom: new(2024, 7, 8), rne: "P", ls: "C2", place: "U4", provider: "PR1", plPost: "AB1 2CD")
            .Build();

        Assert.Equal(1, Result(Stability, data, Year2025).Numerator);
    }

    [Fact]
    public void PlacedTwentyMiles_WithoutPostcodeLookup_IsNoData()
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", homePost: "AB1 2CD", plPost: "ZZ9 9ZZ")
            .Build();

        var result = Result("cla_placed_20_miles", data, Year2025);

        Assert.Equal((null, null, null), (result.Value, result.Numerator, result.Denominator));
    }

    [Fact]
    public void PlacedTwentyMiles_WithDistances_CountsOnlyOver20MilesAndLeavesOutAdoption()
    {
        // PL_DISTANCE as the lookup gives it, to one decimal place: 20.0 is not more than 20 miles, 20.1 is.
        var miles = new Dictionary<(string, string), double>
        {
            [("HOME", "FAR")] = 20.1,
            [("HOME", "EDGE")] = 20.0,
            [("HOME", "NEAR")] = 13.8,
        };
        var options = new KpiOptions { Distances = new PostcodeDistances((home, placed) => miles.TryGetValue((home, placed), out var m) ? m : null, "test") };
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", homePost: "HOME", plPost: "FAR")
            .Episode("C2", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", homePost: "HOME", plPost: "NEAR")
            .Episode("C3", decom: new(2024, 5, 1), rne: "S", ls: "E1", place: "A4", provider: "PR1", homePost: "HOME", plPost: "FAR")
            .Episode("C4", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", homePost: "HOME", plPost: "UNKNOWN")
            .Episode("C5", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", homePost: "HOME", plPost: "EDGE")
            .Build();

        var result = Result("cla_placed_20_miles", data, Year2025, options);

        // C1 of C1, C2 and C5 (C3 placed for adoption, C4's placement not found): 1 of 3.
        Assert.Equal((1.0, 3.0), (result.Numerator!.Value, result.Denominator!.Value));
        Assert.Equal(33.333, result.Value!.Value, 3);
    }

    [Fact]
    public void Inputs_NameTheDistancesSource_EmptyWithout()
    {
        Assert.Equal("", KpiOptions.Default.Inputs);
        Assert.Equal("postcodes abc", new KpiOptions { Distances = new PostcodeDistances((_, _) => null, "abc") }.Inputs);
    }

    [Fact]
    public void Inputs_NameThePopulationsSource_TheSameForTheSameEstimatesInAnyOrder()
    {
        var first = new PopulationEstimates().Add("E10000003", 2024, 150_000).Add("E92000001", 2024, 12_000_000);
        var again = new PopulationEstimates().Add("E92000001", 2024, 12_000_000).Add("E10000003", 2024, 150_000);
        var other = new PopulationEstimates().Add("E10000003", 2024, 150_001).Add("E92000001", 2024, 12_000_000);

        var inputs = new KpiOptions { Population = first, Distances = new PostcodeDistances((_, _) => null, "abc") }.Inputs;

        Assert.Matches("^postcodes abc; population 2 estimates, sha256 [0-9a-f]{16}$", inputs);
        Assert.Equal(first.Source, again.Source);
        Assert.NotEqual(first.Source, other.Source);
        Assert.Matches("^population 2 estimates, sha256 [0-9a-f]{16}$", new KpiOptions { Population = first }.Inputs);
    }
}
