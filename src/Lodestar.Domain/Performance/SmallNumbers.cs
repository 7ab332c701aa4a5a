using Lodestar.Domain.Frameworks;

namespace Lodestar.Domain.Performance;

/// <summary>
/// Small numbers, the way the DfE treats them in what it publishes: a figure about fewer than
/// <see cref="Threshold"/> children could identify them, so outside the council it is marked and, where
/// asked, suppressed and shown as <see cref="Marker"/> ("c", confidential). A count from 1 to
/// Threshold − 1; a percentage, mean, score or ratio whose denominator is from 1 to Threshold − 1; a rate
/// per 10,000 whose numerator (the children counted; the population is public) is from 1 to Threshold − 1.
/// Zero is not small (it identifies no one), and a figure without a value has nothing to suppress.
/// </summary>
/// <param name="Threshold">The smallest number shown: 5 by default, as the DfE's children's social care statistics use.</param>
public sealed record SmallNumbers(int Threshold = 5)
{
    /// <summary>What a suppressed figure shows: the DfE's "c".</summary>
    public const string Marker = "c";

    /// <summary>The DfE's rule: fewer than 5.</summary>
    public static SmallNumbers Dfe { get; } = new();

    /// <summary>Whether a figure of <paramref name="unit"/> with this value, numerator and denominator is small.</summary>
    public bool IsSmall(MeasureUnit unit, double? value, double? numerator, double? denominator)
    {
        if (value is null)
        {
            return false;
        }

        var basis = unit switch
        {
            MeasureUnit.Count => value,
            MeasureUnit.RatePer10k => numerator,
            MeasureUnit.Percent or MeasureUnit.Days or MeasureUnit.Score or MeasureUnit.Ratio => denominator,
            _ => null,
        };
        return basis is { } n && n > 0 && n < Threshold;
    }
}
