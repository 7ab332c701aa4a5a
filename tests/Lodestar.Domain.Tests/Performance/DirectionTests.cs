using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;

namespace Lodestar.Domain.Tests.Performance;

public sealed class DirectionTests
{
    [Theory]
    [InlineData(Polarity.HigherIsBetter, "70", "65", DirectionOfTravel.Improving)]
    [InlineData(Polarity.HigherIsBetter, "60", "65", DirectionOfTravel.Worsening)]
    [InlineData(Polarity.LowerIsBetter, "60", "65", DirectionOfTravel.Improving)]
    [InlineData(Polarity.LowerIsBetter, "70", "65", DirectionOfTravel.Worsening)]
    [InlineData(Polarity.Neither, "70", "65", DirectionOfTravel.Increasing)]
    [InlineData(Polarity.Neither, "60", "65", DirectionOfTravel.Decreasing)]
    [InlineData(Polarity.HigherIsBetter, "65", "65", DirectionOfTravel.NoChange)]
    [InlineData(Polarity.Neither, "65", "65", DirectionOfTravel.NoChange)]
    [InlineData(Polarity.LowerIsBetter, "65.04", "64.96", DirectionOfTravel.NoChange)] // both read 65.0
    [InlineData(Polarity.LowerIsBetter, "65.05", "64.96", DirectionOfTravel.Worsening)] // 65.1 against 65.0
    public void Compare_TwoValues_ReadsWithPolarity(Polarity polarity, string now, string then, DirectionOfTravel expected)
    {
        var measure = new Measure { Id = "m", Title = "M", Unit = MeasureUnit.Percent, Polarity = polarity };
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(expected, Direction.Compare(measure, decimal.Parse(now, culture), decimal.Parse(then, culture)));
    }

    [Fact]
    public void Compare_MissingEitherValue_IsUnknown()
    {
        var measure = new Measure { Id = "m", Title = "M", Polarity = Polarity.HigherIsBetter };

        Assert.Equal(DirectionOfTravel.Unknown, Direction.Compare(measure, null, 5));
        Assert.Equal(DirectionOfTravel.Unknown, Direction.Compare(measure, 5, null));
    }
}
