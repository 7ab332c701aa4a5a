using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Performance;

namespace Lodestar.Domain.Tests.Benchmarks;

public sealed class BenchmarkCalculatorTests
{
    private const string Measure = "cla_placements_3plus";
    private const int Year = 2025;

    private static BenchmarkObservation Council(string code, BenchmarkValue value, string region = "E12000001") =>
        new(Measure, Year, GeographicLevel.LocalAuthority, code, $"Council {code}", region, value, "test.csv");

    private static BenchmarkObservation Council(string code, decimal value, string region = "E12000001") =>
        Council(code, BenchmarkValue.Of(value), region);

    private static StatisticalNeighbour[] Neighbours(string council, params string[] codes) =>
        codes.Select((code, i) => new StatisticalNeighbour(council, i + 1, code, "Close")).ToArray();

    [Fact]
    public void Compare_CouncilWithRegionAndEngland_PicksTheCouncilsOwnRegion()
    {
        BenchmarkObservation[] figures =
        [
            new(Measure, Year, GeographicLevel.National, "E92000001", "England", null, BenchmarkValue.Of(10m), "test.csv"),
            new(Measure, Year, GeographicLevel.Regional, "E12000001", "North East", null, BenchmarkValue.Of(11m), "test.csv"),
            new(Measure, Year, GeographicLevel.Regional, "E13000001", "Inner London", null, BenchmarkValue.Of(12m), "test.csv"),
            Council("201", 9m, region: "E13000001"),
            Council("841", 8m),
        ];

        var result = BenchmarkCalculator.Compare(Measure, Year, Polarity.LowerIsBetter, figures, "201", []);

        Assert.Equal(BenchmarkValue.Of(9m), result.Council!.Value);
        Assert.Equal(BenchmarkValue.Of(10m), result.England!.Value);
        Assert.Equal("Inner London", result.Region!.Name);
        Assert.Equal(BenchmarkValue.Of(12m), result.Region.Value);
    }

    [Fact]
    public void Compare_NeighboursWithSuppressedAndMissing_AveragesOnlyThoseWithANumber()
    {
        // Neighbours 101..104: 10, 20, suppressed "c", and 105 has no row at all.
        // Average over the two with numbers: (10 + 20) / 2 = 15; used 2 of 4 listed.
        BenchmarkObservation[] figures =
        [
            Council("100", 50m), Council("101", 10m), Council("102", 20m),
            Council("103", BenchmarkValue.Suppressed("c")), Council("999", 0m),
        ];

        var result = BenchmarkCalculator.Compare(
            Measure, Year, Polarity.LowerIsBetter, figures, "100", Neighbours("100", "101", "102", "103", "105"));

        Assert.Equal(15m, result.Neighbours.Average);
        Assert.Equal(2, result.Neighbours.Used);
        Assert.Equal(4, result.Neighbours.Listed);
        Assert.Equal("c", result.Neighbours.Neighbours[2].Value!.Value.Suppression);
        Assert.Null(result.Neighbours.Neighbours[3].Value);
    }

    [Fact]
    public void Compare_NoNeighbourHasANumber_AverageIsNullNotZero()
    {
        BenchmarkObservation[] figures = [Council("100", 50m), Council("101", BenchmarkValue.Suppressed("x"))];

        var result = BenchmarkCalculator.Compare(Measure, Year, Polarity.Neither, figures, "100", Neighbours("100", "101"));

        Assert.Null(result.Neighbours.Average);
        Assert.Equal(0, result.Neighbours.Used);
    }

    [Fact]
    public void Compare_CouncilSuppressed_HasNoPositionAndStaysSuppressed()
    {
        BenchmarkObservation[] figures = [Council("100", BenchmarkValue.Suppressed("c")), Council("101", 3m)];

        var result = BenchmarkCalculator.Compare(Measure, Year, Polarity.LowerIsBetter, figures, "100", []);

        Assert.Null(result.Position);
        Assert.Equal("c", result.Council!.Value.Suppression);
        Assert.Null(result.Council.Value.Number);
    }

    [Fact]
    public void Compare_SuppressedCouncilsElsewhere_AreNotCountedInRank()
    {
        // Values 5, 7 and two suppressed: among the 2 with numbers, lower-is-better, 7 ranks 2 of 2.
        BenchmarkObservation[] figures =
        [
            Council("100", 7m), Council("101", 5m),
            Council("102", BenchmarkValue.Suppressed("c")), Council("103", BenchmarkValue.Suppressed("low")),
        ];

        var result = BenchmarkCalculator.Compare(Measure, Year, Polarity.LowerIsBetter, figures, "100", []);

        Assert.Equal(2, result.Position!.Rank);
        Assert.Equal(2, result.Position.Of);
    }

    [Theory]
    // values 10, 20, 30, 40, 50
    [InlineData(Polarity.HigherIsBetter, 50, 1)]
    [InlineData(Polarity.HigherIsBetter, 10, 5)]
    [InlineData(Polarity.LowerIsBetter, 10, 1)]
    [InlineData(Polarity.LowerIsBetter, 50, 5)]
    [InlineData(Polarity.Neither, 10, 1)]
    [InlineData(Polarity.Neither, 40, 4)]
    public void Position_Polarity_DecidesWhichEndIsRankOne(Polarity polarity, int value, int rank)
    {
        var position = BenchmarkCalculator.Position(value, [10m, 20m, 30m, 40m, 50m], polarity);

        Assert.Equal(rank, position.Rank);
        Assert.Equal(5, position.Of);
    }

    [Fact]
    public void Position_TiedValues_ShareTheBestRankOfTheTie()
    {
        // Higher is better: 9 is 1st; the two 8s share 2nd; 7 is 4th ("1, 2, 2, 4").
        decimal[] values = [9m, 8m, 8m, 7m];

        Assert.Equal(2, BenchmarkCalculator.Position(8m, values, Polarity.HigherIsBetter).Rank);
        Assert.Equal(4, BenchmarkCalculator.Position(7m, values, Polarity.HigherIsBetter).Rank);
    }

    [Fact]
    public void Boundaries_FiveValues_AreAtTheInclusivePositions()
    {
        // n = 5: positions (n-1)q/4 = 1, 2, 3 → exactly the 2nd, 3rd and 4th values.
        var boundaries = BenchmarkCalculator.Boundaries([50m, 10m, 40m, 20m, 30m]);

        Assert.Equal(new QuartileBoundaries(20m, 30m, 40m), boundaries);
    }

    [Fact]
    public void Boundaries_FourValues_Interpolate()
    {
        // n = 4: positions 0.75, 1.5, 2.25 over 1, 2, 3, 4 → 1.75, 2.5, 3.25.
        var boundaries = BenchmarkCalculator.Boundaries([4m, 3m, 2m, 1m]);

        Assert.Equal(new QuartileBoundaries(1.75m, 2.5m, 3.25m), boundaries);
    }

    [Theory]
    // values 1..8: boundaries at positions 1.75, 3.5, 5.25 → 2.75, 4.5, 6.25.
    [InlineData(Polarity.HigherIsBetter, 8, 1, "A")]
    [InlineData(Polarity.HigherIsBetter, 5, 2, "B")]
    [InlineData(Polarity.HigherIsBetter, 3, 3, "C")]
    [InlineData(Polarity.HigherIsBetter, 1, 4, "D")]
    [InlineData(Polarity.LowerIsBetter, 1, 1, "A")]
    [InlineData(Polarity.LowerIsBetter, 4, 2, "B")]
    [InlineData(Polarity.LowerIsBetter, 6, 3, "C")]
    [InlineData(Polarity.LowerIsBetter, 8, 4, "D")]
    [InlineData(Polarity.Neither, 1, 1, "Q1")]
    [InlineData(Polarity.Neither, 8, 4, "Q4")]
    public void Position_Quartile_FollowsPolarity(Polarity polarity, int value, int quartile, string band)
    {
        var position = BenchmarkCalculator.Position(value, [1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m], polarity);

        Assert.Equal(quartile, position.Quartile);
        Assert.Equal(band, position.Band(polarity));
    }

    [Fact]
    public void Position_ValueOnABoundary_GoesToTheBetterBand()
    {
        // Values 10..50, boundaries 20 / 30 / 40. Higher is better: 40 ≥ upper quartile, so A (not B).
        // Lower is better: 40 ≤ upper quartile, so C (the better of C and D).
        decimal[] values = [10m, 20m, 30m, 40m, 50m];

        Assert.Equal(1, BenchmarkCalculator.Position(40m, values, Polarity.HigherIsBetter).Quartile);
        Assert.Equal(3, BenchmarkCalculator.Position(40m, values, Polarity.LowerIsBetter).Quartile);
    }

    [Fact]
    public void Position_TiedValues_ShareAQuartile()
    {
        decimal[] values = [1m, 2m, 2m, 2m, 2m, 9m];

        var quartiles = new[] { 1m, 2m }.Select(v => BenchmarkCalculator.Position(v, values, Polarity.LowerIsBetter).Quartile);

        // Boundaries: positions 1.25, 2.5, 3.75 over 1,2,2,2,2,9 → 2, 2, 2; every 2 is on the lower quartile → A, as is 1.
        Assert.All(quartiles, q => Assert.Equal(1, q));
        Assert.Equal(4, BenchmarkCalculator.Position(9m, values, Polarity.LowerIsBetter).Quartile);
    }
}
