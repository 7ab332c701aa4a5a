using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;

namespace Lodestar.Domain.Tests.Performance;

public sealed class SmallNumbersTests
{
    [Theory]
    [InlineData(0.0, false)] // zero identifies no one
    [InlineData(1.0, true)]
    [InlineData(4.0, true)]
    [InlineData(5.0, false)] // 5 is shown
    public void Count_FromOneToFour_IsSmall(double count, bool small)
    {
        Assert.Equal(small, SmallNumbers.Dfe.IsSmall(MeasureUnit.Count, count, count, null));
    }

    [Theory]
    [InlineData(MeasureUnit.Percent, 4.0, true)] // 2 of 4: 50%
    [InlineData(MeasureUnit.Percent, 5.0, false)]
    [InlineData(MeasureUnit.Days, 3.0, true)] // a mean of 3 children's days
    [InlineData(MeasureUnit.Score, 4.0, true)]
    [InlineData(MeasureUnit.Ratio, 6.0, false)]
    public void ShareOrMean_ByItsDenominator(MeasureUnit unit, double denominator, bool small)
    {
        Assert.Equal(small, SmallNumbers.Dfe.IsSmall(unit, 50, 2, denominator));
    }

    [Theory]
    [InlineData(3.0, true)] // 3 children of 40,000: the population is public, so the rate reveals 3
    [InlineData(12.0, false)]
    public void RatePer10k_ByTheChildrenCounted(double numerator, bool small)
    {
        Assert.Equal(small, SmallNumbers.Dfe.IsSmall(MeasureUnit.RatePer10k, numerator / 40_000 * 10_000, numerator, 40_000));
    }

    [Fact]
    public void NoValue_OrAUnitWithoutChildren_IsNeverSmall()
    {
        Assert.False(SmallNumbers.Dfe.IsSmall(MeasureUnit.Percent, null, 0, 0));
        Assert.False(SmallNumbers.Dfe.IsSmall(MeasureUnit.Gbp, 3, null, null));
        Assert.False(SmallNumbers.Dfe.IsSmall(MeasureUnit.Placements52wk, 2.5, 2.5, null));
    }

    [Fact]
    public void Threshold_IsConfigurable()
    {
        var ten = new SmallNumbers(10);

        Assert.True(ten.IsSmall(MeasureUnit.Count, 9, 9, null));
        Assert.False(ten.IsSmall(MeasureUnit.Count, 10, 10, null));
        Assert.Equal("c", SmallNumbers.Marker);
    }
}
