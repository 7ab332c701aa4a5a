using Lodestar.Domain.Performance;

namespace Lodestar.Domain.Tests.Performance;

public sealed class FormulaTests
{
    private static readonly Dictionary<string, decimal?> Values = new()
    {
        ["a"] = 6,
        ["b"] = 3,
        ["zero"] = 0,
        ["cla-at-end"] = 500,
        ["missing"] = null,
    };

    private static decimal? Evaluate(string text) => Formula.Parse(text).Evaluate(id => Values.GetValueOrDefault(id));

    [Theory]
    [InlineData("a + b", "9")]
    [InlineData("a - b", "3")]
    [InlineData("a * b", "18")]
    [InlineData("a / b", "2")]
    [InlineData("a + b * 2", "12")]
    [InlineData("(a + b) * 2", "18")]
    [InlineData("-a + b", "-3")]
    [InlineData("a - -b", "9")]
    [InlineData("b / a * 100", "50")]
    [InlineData("cla-at-end / 10", "50")]
    [InlineData("cla-at-end - a", "494")]
    [InlineData("2.5 * 4", "10")]
    [InlineData("a - b - 1", "2")]
    [InlineData("a / b / 2", "1")]
    public void Evaluate_Arithmetic_FollowsPrecedence(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Evaluate(text));
    }

    [Theory]
    [InlineData("a / zero")]
    [InlineData("a / (b - 3)")]
    [InlineData("a + missing")]
    [InlineData("unknown * 0")]
    public void Evaluate_DivisionByZeroOrMissingInput_HasNoValue(string text)
    {
        Assert.Null(Evaluate(text));
    }

    [Fact]
    public void MeasureIds_Formula_ListsEachIdOnce()
    {
        Assert.Equal(["a", "b", "cla-at-end"], Formula.Parse("a / (a + b) * cla-at-end").MeasureIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a +")]
    [InlineData("(a + b")]
    [InlineData("a b")]
    [InlineData("a % b")]
    [InlineData("1.2.3")]
    public void TryParse_BadFormula_FailsWithAMessage(string text)
    {
        Assert.False(Formula.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
