using Lodestar.Domain.Councils;

namespace Lodestar.Domain.Tests.Councils;

public sealed class CouncilListTests
{
    [Theory]
    [InlineData("E10000003")]
    [InlineData("e10000003")]
    [InlineData(" 873 ")]
    public void Find_CodeOrLaNumber_GivesTheCouncilWithBoth(string text)
    {
        Assert.Equal(new Council("E10000003", "873", "Cambridgeshire", "East of England"), CouncilList.Find(text));
    }

    [Theory]
    [InlineData("909")]
    [InlineData("E99999999")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_Unknown_IsNull(string? text)
    {
        Assert.Null(CouncilList.Find(text));
    }
}
