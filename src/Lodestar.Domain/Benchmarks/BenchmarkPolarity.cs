namespace Lodestar.Domain.Benchmarks;

/// <summary>Which way is better for a benchmarked measure; it decides rank 1 and quartile A.</summary>
public enum BenchmarkPolarity
{
    /// <summary>Neither direction is better (e.g. a rate of children looked after): rank and quartile by value, ascending.</summary>
    Neither,
    HigherIsBetter,
    LowerIsBetter,
}

public static class BenchmarkPolarities
{
    /// <summary>Reads <c>higher</c>, <c>lower</c> or <c>neither</c>; null for anything else.</summary>
    public static BenchmarkPolarity? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "higher" => BenchmarkPolarity.HigherIsBetter,
        "lower" => BenchmarkPolarity.LowerIsBetter,
        "neither" => BenchmarkPolarity.Neither,
        _ => null,
    };

    /// <summary>The word used in the mapping file and in output: higher, lower or neither.</summary>
    public static string ToText(this BenchmarkPolarity polarity) => polarity switch
    {
        BenchmarkPolarity.HigherIsBetter => "higher",
        BenchmarkPolarity.LowerIsBetter => "lower",
        _ => "neither",
    };
}
