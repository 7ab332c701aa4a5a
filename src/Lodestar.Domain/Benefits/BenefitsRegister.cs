namespace Lodestar.Domain.Benefits;

/// <summary>An amount of a benefit realised, recorded on a date (£).</summary>
public sealed record RealisedValue(DateOnly Date, decimal Value, string? Note);

/// <summary>One benefit of a programme, as a benefits register holds it.</summary>
public sealed record Benefit
{
    private readonly int _confidencePercent;

    public required string Id { get; init; }
    public required string Description { get; init; }
    public bool Financial { get; init; }
    public string? Timing { get; init; }
    public string? HowMeasured { get; init; }

    /// <summary>The baseline as printed ("£2,312,659"); <see cref="BaselineValue"/> is the number where there is one.</summary>
    public string? Baseline { get; init; }
    public decimal? BaselineValue { get; init; }
    public string? Target { get; init; }

    /// <summary>The financial value a year (£), for financial benefits.</summary>
    public decimal? ValuePerYear { get; init; }

    public required int ConfidencePercent
    {
        get => _confidencePercent;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 100);
            _confidencePercent = value;
        }
    }

    public IReadOnlyList<string> Measures { get; init; } = [];
    public IReadOnlyList<RealisedValue> Realised { get; init; } = [];

    /// <summary>Value a year × confidence; null when the benefit has no financial value.</summary>
    public decimal? RiskAdjustedValuePerYear => ValuePerYear is { } value ? value * ConfidencePercent / 100m : null;

    /// <summary>The sum of the amounts realised on or before <paramref name="asAt"/>.</summary>
    public decimal RealisedTo(DateOnly asAt) => Realised.Where(r => r.Date <= asAt).Sum(r => r.Value);

    public decimal RealisedToDate => Realised.Sum(r => r.Value);
}

/// <summary>A programme's benefits register.</summary>
public sealed record BenefitsRegister
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Source { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<Benefit> Benefits { get; init; } = [];

    public decimal ValuePerYear => Benefits.Sum(b => b.ValuePerYear ?? 0m);
    public decimal RiskAdjustedValuePerYear => Benefits.Sum(b => b.RiskAdjustedValuePerYear ?? 0m);
    public decimal RealisedToDate => Benefits.Sum(b => b.RealisedToDate);
}
