using Lodestar.Domain.Frameworks;

namespace Lodestar.Domain.Tests.Frameworks;

public sealed class MeasureUnitTests
{
    [Theory]
    [InlineData(MeasureUnit.Count, "count")]
    [InlineData(MeasureUnit.Percent, "percent")]
    [InlineData(MeasureUnit.RatePer10k, "rate_per_10k")]
    [InlineData(MeasureUnit.Days, "days")]
    [InlineData(MeasureUnit.Score, "score")]
    [InlineData(MeasureUnit.Gbp, "gbp")]
    [InlineData(MeasureUnit.Ratio, "ratio")]
    [InlineData(MeasureUnit.Text, "text")]
    [InlineData(MeasureUnit.Placements52wk, "placements_52wk")]
    public void Code_Unit_IsTheWordFilesAndResultsWrite(MeasureUnit unit, string expected)
    {
        Assert.Equal(expected, unit.Code());
    }
}
