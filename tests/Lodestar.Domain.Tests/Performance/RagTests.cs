using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Tests.Performance;

public sealed class RagTests
{
    private static Measure PercentMeasure(Polarity polarity) =>
        new() { Id = "m", Title = "M", Unit = MeasureUnit.Percent, Polarity = polarity, Decimals = 1 };

    private static Target TargetOf(decimal value, Tolerance? tolerance) =>
        new() { MeasureId = "m", Council = "E10000003", Period = Period.ReportingYear(2025), Value = value, Tolerance = tolerance };

    // Target 11%, absolute tolerance 1 point (band 1) or 10% of target (band 1.1).
    [Theory]
    // lower is better, absolute tolerance 1 point
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Absolute, "10", RagStatus.Green)]   // better
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Absolute, "11", RagStatus.Green)]   // exactly on target
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Absolute, "11.5", RagStatus.Amber)] // within tolerance
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Absolute, "12", RagStatus.Amber)]   // exactly at tolerance
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Absolute, "12.01", RagStatus.Red)]  // just outside
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Absolute, "14.2", RagStatus.Red)]   // outside
    // higher is better, absolute tolerance 1 point
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Absolute, "12", RagStatus.Green)]
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Absolute, "11", RagStatus.Green)]
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Absolute, "10.5", RagStatus.Amber)]
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Absolute, "10", RagStatus.Amber)]
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Absolute, "9.99", RagStatus.Red)]
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Absolute, "5", RagStatus.Red)]
    // lower is better, 10% of target = 1.1 points
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Percent, "10", RagStatus.Green)]
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Percent, "11", RagStatus.Green)]
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Percent, "12", RagStatus.Amber)]
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Percent, "12.1", RagStatus.Amber)]
    [InlineData(Polarity.LowerIsBetter, ToleranceKind.Percent, "12.11", RagStatus.Red)]
    // higher is better, 10% of target = 1.1 points
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Percent, "11.5", RagStatus.Green)]
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Percent, "11", RagStatus.Green)]
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Percent, "10", RagStatus.Amber)]
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Percent, "9.9", RagStatus.Amber)]
    [InlineData(Polarity.HigherIsBetter, ToleranceKind.Percent, "9.89", RagStatus.Red)]
    // no polarity: a band of ±1 point (absolute) or ±1.1 points (percent); Green inside, Red outside
    [InlineData(Polarity.Neither, ToleranceKind.Absolute, "11", RagStatus.Green)]
    [InlineData(Polarity.Neither, ToleranceKind.Absolute, "10", RagStatus.Green)]
    [InlineData(Polarity.Neither, ToleranceKind.Absolute, "12", RagStatus.Green)]
    [InlineData(Polarity.Neither, ToleranceKind.Absolute, "12.01", RagStatus.Red)]
    [InlineData(Polarity.Neither, ToleranceKind.Absolute, "9.99", RagStatus.Red)]
    [InlineData(Polarity.Neither, ToleranceKind.Percent, "12.1", RagStatus.Green)]
    [InlineData(Polarity.Neither, ToleranceKind.Percent, "9.89", RagStatus.Red)]
    public void Evaluate_ToleranceRule_GivesTheStatusOfTheTable(Polarity polarity, ToleranceKind kind, string value, RagStatus expected)
    {
        var tolerance = kind == ToleranceKind.Absolute ? Tolerance.Absolute(1) : Tolerance.Percent(10);

        var result = Rag.Evaluate(PercentMeasure(polarity), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), TargetOf(11, tolerance));

        Assert.Equal(expected, result.Status);
        Assert.StartsWith(expected + ":", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Polarity.LowerIsBetter, "11", RagStatus.Green)]
    [InlineData(Polarity.LowerIsBetter, "11.1", RagStatus.Red)]
    [InlineData(Polarity.HigherIsBetter, "10.9", RagStatus.Red)]
    [InlineData(Polarity.Neither, "11", RagStatus.Grey)]
    public void Evaluate_TargetWithoutTolerance_HasNoAmber(Polarity polarity, string value, RagStatus expected)
    {
        var result = Rag.Evaluate(PercentMeasure(polarity), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), TargetOf(11, null));

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData(Polarity.LowerIsBetter)]
    [InlineData(Polarity.HigherIsBetter)]
    [InlineData(Polarity.Neither)]
    public void Evaluate_NoValue_IsGreyAndSaysSo(Polarity polarity)
    {
        var result = Rag.Evaluate(PercentMeasure(polarity), null, TargetOf(11, Tolerance.Absolute(1)), period: Period.ReportingYear(2025));

        Assert.Equal(new RagResult(RagStatus.Grey, "Grey: no value for 2024-25"), result);
    }

    [Theory]
    [InlineData(Polarity.LowerIsBetter)]
    [InlineData(Polarity.HigherIsBetter)]
    [InlineData(Polarity.Neither)]
    public void Evaluate_NoTarget_IsGreyAndSaysSo(Polarity polarity)
    {
        var result = Rag.Evaluate(PercentMeasure(polarity), 14.2m, null);

        Assert.Equal(new RagResult(RagStatus.Grey, "Grey: 14.2% has no target to judge it against"), result);
    }

    [Fact]
    public void Evaluate_RedPercent_ReasonNamesValueGapTargetAndTolerance()
    {
        var result = Rag.Evaluate(PercentMeasure(Polarity.LowerIsBetter), 14.2m, TargetOf(11, Tolerance.Absolute(1)));

        Assert.Equal("Red: 14.2% is 3.2 points worse than the 11% target; tolerance 1 point", result.Reason);
    }

    [Fact]
    public void Evaluate_AmberPercentTolerance_ReasonShowsTheBand()
    {
        var result = Rag.Evaluate(PercentMeasure(Polarity.LowerIsBetter), 12m, TargetOf(11, Tolerance.Percent(10)));

        Assert.Equal("Amber: 12% is 1 point worse than the 11% target; within tolerance 10% of target (1.1 points)", result.Reason);
    }

    [Fact]
    public void Evaluate_GreenCountBetter_ReasonSaysByHowMuch()
    {
        var measure = new Measure { Id = "cla", Title = "CLA", Unit = MeasureUnit.Count, Polarity = Polarity.LowerIsBetter };

        var result = Rag.Evaluate(measure, 497m, TargetOf(535, Tolerance.Absolute(10)));

        Assert.Equal("Green: 497 is 38 better than the 535 target", result.Reason);
    }

    [Fact]
    public void Evaluate_OnTarget_ReasonSaysOnTarget()
    {
        var result = Rag.Evaluate(PercentMeasure(Polarity.HigherIsBetter), 11m, TargetOf(11, null));

        Assert.Equal("Green: 11% is on the 11% target", result.Reason);
    }

    [Fact]
    public void Evaluate_NeitherPolarityWithoutBand_ReasonSaysThereIsNoDirection()
    {
        var result = Rag.Evaluate(PercentMeasure(Polarity.Neither), 12m, TargetOf(11, null));

        Assert.Contains("no better direction", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    // outside tolerance (14.2 vs 11 ± 1), lower is better
    [InlineData(RagRule.Tolerance, "14.2", "15", RagStatus.Red)]
    [InlineData(RagRule.ToleranceOrImproved, "14.2", "15", RagStatus.Amber)]   // improved on last year
    [InlineData(RagRule.ToleranceOrImproved, "14.2", "14.2", RagStatus.Red)]   // same as last year: not improved
    [InlineData(RagRule.ToleranceOrImproved, "14.2", "13", RagStatus.Red)]
    [InlineData(RagRule.ToleranceOrImproved, "14.2", null, RagStatus.Red)]
    [InlineData(RagRule.ToleranceOrImproved, "11.5", "10", RagStatus.Amber)]  // within tolerance stays Amber
    [InlineData(RagRule.ToleranceOrImproved, "10", "9", RagStatus.Green)]
    [InlineData(RagRule.ToleranceAndImproved, "11.5", "12", RagStatus.Amber)]  // within and improved
    [InlineData(RagRule.ToleranceAndImproved, "11.5", "11", RagStatus.Red)]    // within, not improved
    [InlineData(RagRule.ToleranceAndImproved, "11.5", null, RagStatus.Red)]    // within, nothing to compare
    [InlineData(RagRule.ToleranceAndImproved, "14.2", "15", RagStatus.Red)]    // outside, improved: still Red
    [InlineData(RagRule.ToleranceAndImproved, "11", "15", RagStatus.Green)]
    public void Evaluate_ImprovementRules_UseTheSamePeriodLastYear(RagRule rule, string value, string? lastYear, RagStatus expected)
    {
        var last = lastYear is null ? (decimal?)null : decimal.Parse(lastYear, System.Globalization.CultureInfo.InvariantCulture);

        var result = Rag.Evaluate(PercentMeasure(Polarity.LowerIsBetter), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), TargetOf(11, Tolerance.Absolute(1)), rule, last);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Evaluate_OrImprovedAmber_ReasonNamesLastYear()
    {
        var result = Rag.Evaluate(PercentMeasure(Polarity.LowerIsBetter), 14.2m, TargetOf(11, Tolerance.Absolute(1)), RagRule.ToleranceOrImproved, 15m);

        Assert.Equal("Amber: 14.2% is 3.2 points worse than the 11% target; tolerance 1 point, but better than 15% a year earlier", result.Reason);
    }
}
