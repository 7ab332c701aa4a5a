using Lodestar.Domain.Frameworks;

namespace Lodestar.Domain.Performance;

public enum DirectionOfTravel
{
    /// <summary>No value now or no value to compare with.</summary>
    Unknown,
    NoChange,
    Improving,
    Worsening,
    Increasing,
    Decreasing,
}

/// <summary>
/// Direction of travel between two values. Values are compared as shown, rounded to the measure's
/// decimal places, so two values that read the same are "No change". With a polarity it reads
/// Improving / Worsening; without one, Increasing / Decreasing.
/// </summary>
public static class Direction
{
    public static DirectionOfTravel Compare(Measure measure, decimal? current, decimal? earlier)
    {
        if (current is not { } now || earlier is not { } then)
        {
            return DirectionOfTravel.Unknown;
        }

        var decimals = measure.DecimalPlaces;
        var change = Math.Round(now, decimals, MidpointRounding.AwayFromZero) - Math.Round(then, decimals, MidpointRounding.AwayFromZero);
        if (change == 0)
        {
            return DirectionOfTravel.NoChange;
        }

        return measure.Polarity switch
        {
            Polarity.HigherIsBetter => change > 0 ? DirectionOfTravel.Improving : DirectionOfTravel.Worsening,
            Polarity.LowerIsBetter => change < 0 ? DirectionOfTravel.Improving : DirectionOfTravel.Worsening,
            _ => change > 0 ? DirectionOfTravel.Increasing : DirectionOfTravel.Decreasing,
        };
    }

    /// <summary>"Improving", "No change", …; empty for <see cref="DirectionOfTravel.Unknown"/>.</summary>
    public static string Describe(DirectionOfTravel direction) => direction switch
    {
        DirectionOfTravel.NoChange => "No change",
        DirectionOfTravel.Unknown => "",
        _ => direction.ToString(),
    };
}
