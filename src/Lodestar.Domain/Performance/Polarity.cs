namespace Lodestar.Domain.Performance;

/// <summary>
/// Which way is better, for a framework measure, a benchmarked measure and a KPI alike. It decides RAG
/// and direction of travel, and a benchmark's rank 1 and quartile A. The member names are the stored
/// form (framework and benchmark tables); files and API responses use <see cref="Polarities.ToText"/>
/// or the snake-case name.
/// </summary>
public enum Polarity
{
    /// <summary>Neither direction is better (e.g. a rate of children looked after): no RAG by direction; rank and quartile by value, ascending.</summary>
    Neither,
    HigherIsBetter,
    LowerIsBetter,
}

public static class Polarities
{
    /// <summary>Reads <c>higher</c>, <c>lower</c> or <c>neither</c> (the benchmark mapping's words); null for anything else.</summary>
    public static Polarity? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "higher" => Polarity.HigherIsBetter,
        "lower" => Polarity.LowerIsBetter,
        "neither" => Polarity.Neither,
        _ => null,
    };

    /// <summary>The word used in the benchmark mapping file and in benchmark output: higher, lower or neither.</summary>
    public static string ToText(this Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "higher",
        Polarity.LowerIsBetter => "lower",
        _ => "neither",
    };
}
