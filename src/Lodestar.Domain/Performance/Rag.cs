using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Performance;

public enum RagStatus
{
    Grey,
    Green,
    Amber,
    Red,
}

/// <summary>A RAG status and the one line that explains it.</summary>
public sealed record RagResult(RagStatus Status, string Reason);

/// <summary>
/// Judges a value against its target. Green: on or better than target. Amber: worse, but within the
/// tolerance (the boundary counts as within). Red: outside it. Grey: no value, or no target.
/// The framework's <see cref="RagRule"/> may bring last year's value into Amber.
/// A measure with no polarity has no better or worse: it is Grey, unless its target has a tolerance,
/// which is then a band — Green inside it (boundaries included), Red outside; never Amber.
/// </summary>
public static class Rag
{
    public static RagResult Evaluate(
        Measure measure,
        decimal? value,
        Target? target,
        RagRule rule = RagRule.Tolerance,
        decimal? sameLastYear = null,
        Period? period = null)
    {
        var unit = measure.Unit;
        var decimals = measure.DecimalPlaces;
        string V(decimal v) => ValueFormat.Value(v, unit, decimals);
        string D(decimal d) => ValueFormat.Difference(d, unit, decimals);

        if (value is not { } actual)
        {
            return new RagResult(RagStatus.Grey, period is { } p ? $"Grey: no value for {p.Describe()}" : "Grey: no value");
        }

        if (target is null)
        {
            return new RagResult(RagStatus.Grey, $"Grey: {V(actual)} has no target to judge it against");
        }

        var goal = target.Value;
        var band = target.Tolerance?.BandAround(goal);
        var toleranceText = target.Tolerance is { } tol
            ? tol.Kind == ToleranceKind.Absolute ? $"tolerance {D(tol.Amount)}" : $"tolerance {ValueFormat.Number(tol.Amount, 2)}% of target ({D(band!.Value)})"
            : "no tolerance";

        if (measure.Polarity == Polarity.Neither)
        {
            if (band is not { } width)
            {
                return new RagResult(RagStatus.Grey, $"Grey: {V(actual)} against the {V(goal)} target, but the measure has no better direction to judge by");
            }

            var off = Math.Abs(actual - goal);
            return off <= width
                ? new RagResult(RagStatus.Green, off == 0 ? $"Green: {V(actual)} is on the {V(goal)} target" : $"Green: {V(actual)} is {D(off)} from the {V(goal)} target, inside the band; {toleranceText}")
                : new RagResult(RagStatus.Red, $"Red: {V(actual)} is {D(off)} from the {V(goal)} target, outside the band; {toleranceText}");
        }

        // Positive when worse than target.
        var shortfall = measure.Polarity == Polarity.HigherIsBetter ? goal - actual : actual - goal;
        if (shortfall <= 0)
        {
            return new RagResult(RagStatus.Green, shortfall == 0
                ? $"Green: {V(actual)} is on the {V(goal)} target"
                : $"Green: {V(actual)} is {D(shortfall)} better than the {V(goal)} target");
        }

        var worse = $"{V(actual)} is {D(shortfall)} worse than the {V(goal)} target";
        var withinTolerance = band is { } b && shortfall <= b;
        bool? improved = sameLastYear is { } last
            ? measure.Polarity == Polarity.HigherIsBetter ? actual > last : actual < last
            : null;
        var lastText = sameLastYear is { } l ? V(l) : null;

        switch (rule)
        {
            case RagRule.ToleranceOrImproved when !withinTolerance && improved == true:
                return new RagResult(RagStatus.Amber, $"Amber: {worse}; {toleranceText}, but better than {lastText} a year earlier");
            case RagRule.ToleranceAndImproved when withinTolerance && improved != true:
                return new RagResult(RagStatus.Red, improved == false
                    ? $"Red: {worse}; within {toleranceText}, but not better than {lastText} a year earlier"
                    : $"Red: {worse}; within {toleranceText}, but no value a year earlier to show improvement");
            case RagRule.ToleranceAndImproved when withinTolerance:
                return new RagResult(RagStatus.Amber, $"Amber: {worse}; within {toleranceText} and better than {lastText} a year earlier");
        }

        return withinTolerance
            ? new RagResult(RagStatus.Amber, $"Amber: {worse}; within {toleranceText}")
            : new RagResult(RagStatus.Red, $"Red: {worse}; {toleranceText}");
    }
}
