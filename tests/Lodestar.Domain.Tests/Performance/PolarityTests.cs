using Lodestar.Domain.Performance;

namespace Lodestar.Domain.Tests.Performance;

public sealed class PolarityTests
{
    [Theory]
    [InlineData("higher", Polarity.HigherIsBetter)]
    [InlineData(" Lower ", Polarity.LowerIsBetter)]
    [InlineData("neither", Polarity.Neither)]
    public void Parse_MappingWord_GivesPolarity(string text, Polarity expected)
    {
        Assert.Equal(expected, Polarities.Parse(text));
    }

    [Theory]
    [InlineData("up")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_OtherText_IsNull(string? text)
    {
        Assert.Null(Polarities.Parse(text));
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, "higher")]
    [InlineData(Polarity.LowerIsBetter, "lower")]
    [InlineData(Polarity.Neither, "neither")]
    public void ToText_Polarity_IsTheMappingWord(Polarity polarity, string expected)
    {
        Assert.Equal(expected, polarity.ToText());
    }

    [Fact]
    public void Names_AreTheStoredForm()
    {
        // Framework measures and benchmark measures store the member name as text: renaming one changes stored meaning.
        Assert.Equal(["Neither", "HigherIsBetter", "LowerIsBetter"], Enum.GetNames<Polarity>());
    }
}
