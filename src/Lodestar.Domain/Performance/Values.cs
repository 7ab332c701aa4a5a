using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Performance;

/// <summary>A measure's value for one council and period, with its numerator and denominator when it is a ratio.</summary>
public readonly record struct MeasureValue(decimal Value, decimal? Numerator = null, decimal? Denominator = null);

/// <summary>A value entered or imported for a measure that is not computed from the returns.</summary>
public sealed record PeriodicValue
{
    public required string MeasureId { get; init; }

    /// <summary>The council's DfE code (E10000003).</summary>
    public required string Council { get; init; }

    public required Period Period { get; init; }

    public required decimal Value { get; init; }

    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    public string? Note { get; init; }

    public string? EnteredBy { get; init; }

    public DateTimeOffset? EnteredAt { get; init; }

    public MeasureValue ToMeasureValue() => new(Value, Numerator, Denominator);
}

/// <summary>How far a value may miss its target and still be Amber rather than Red.</summary>
public enum ToleranceKind
{
    /// <summary>In the measure's own unit (points for a percentage).</summary>
    Absolute,

    /// <summary>A percentage of the target.</summary>
    Percent,
}

/// <summary>A tolerance around a target: an amount in the measure's unit, or a percentage of the target.</summary>
public readonly record struct Tolerance
{
    public Tolerance(decimal amount, ToleranceKind kind)
    {
        if (amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A tolerance cannot be negative.");
        }

        Amount = amount;
        Kind = kind;
    }

    public decimal Amount { get; }

    public ToleranceKind Kind { get; }

    public static Tolerance Absolute(decimal amount) => new(amount, ToleranceKind.Absolute);

    public static Tolerance Percent(decimal percent) => new(percent, ToleranceKind.Percent);

    /// <summary>The band in the measure's unit around <paramref name="target"/>.</summary>
    public decimal BandAround(decimal target) => Kind == ToleranceKind.Absolute ? Amount : Math.Abs(target) * Amount / 100m;
}

/// <summary>
/// How a yearly target applies to the months, quarters and years to date inside it.
/// <see cref="Flat"/>: the same value throughout (right for percentages, rates and snapshots).
/// <see cref="Linear"/>: the value accrues evenly by month (right for counts of events): a month's target
/// is a twelfth, a quarter's a quarter, the year to date through month n is n twelfths.
/// </summary>
public enum TargetProfile
{
    Flat,
    Linear,
}

/// <summary>A target for a measure, council and period, with an optional tolerance.</summary>
public sealed record Target
{
    public required string MeasureId { get; init; }

    public required string Council { get; init; }

    public required Period Period { get; init; }

    public required decimal Value { get; init; }

    public Tolerance? Tolerance { get; init; }

    public TargetProfile Profile { get; init; } = TargetProfile.Flat;

    /// <summary>
    /// This target as it applies to <paramref name="period"/>: itself for the same dates; profiled for a
    /// period of whole months inside it; otherwise null. A linear tolerance given as an amount is profiled
    /// with the value; a percentage tolerance needs no profiling.
    /// </summary>
    public Target? For(Period period)
    {
        if (period.Start == Period.Start && period.End == Period.End)
        {
            return this;
        }

        if (!Period.Contains(period) || period.WholeMonths is not { } months || Period.WholeMonths is not { } total)
        {
            return null;
        }

        if (Profile == TargetProfile.Flat)
        {
            return this with { Period = period };
        }

        // Multiply before dividing: 1200 × 1 / 12 is exactly 100, 1200 × (1 / 12) is not.
        var tolerance = Tolerance is { Kind: ToleranceKind.Absolute } t ? Performance.Tolerance.Absolute(t.Amount * months / total) : Tolerance;
        return this with { Period = period, Value = Value * months / total, Tolerance = tolerance };
    }

    /// <summary>The target that applies to <paramref name="period"/>: one set for exactly that period, else the narrowest one containing it, profiled.</summary>
    public static Target? Find(IEnumerable<Target> targets, string measureId, string council, Period period)
    {
        Target? best = null;
        foreach (var target in targets)
        {
            if (target.MeasureId != measureId || target.Council != council)
            {
                continue;
            }

            if (target.Period.Start == period.Start && target.Period.End == period.End)
            {
                return target;
            }

            if (target.For(period) is not null && (best is null || target.Period.Days < best.Period.Days))
            {
                best = target;
            }
        }

        return best?.For(period);
    }
}
