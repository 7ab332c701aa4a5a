namespace Lodestar.Domain.Benchmarks;

/// <summary>
/// One published figure: a number, or the marker the DfE printed instead of one. A suppressed or
/// unavailable cell (c, x, z, k, u, low, or blank) is never a zero: it carries its marker and takes
/// no part in averages, ranks or quartiles.
/// </summary>
public readonly record struct BenchmarkValue
{
    private BenchmarkValue(decimal? number, string? suppression)
    {
        Number = number;
        Suppression = suppression;
    }

    /// <summary>The markers the DfE uses for a cell with no publishable number ("" is a blank cell).</summary>
    public static IReadOnlySet<string> SuppressionMarkers { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "c", "x", "z", "k", "u", "low", "" };

    /// <summary>The figure, or null when the cell was suppressed.</summary>
    public decimal? Number { get; }

    /// <summary>The DfE marker (c, x, z, k, u, low, or "" for blank) when the cell was suppressed; otherwise null.</summary>
    public string? Suppression { get; }

    public bool IsSuppressed => Suppression is not null;

    public static BenchmarkValue Of(decimal number) => new(number, null);

    /// <summary>A suppressed cell. <paramref name="marker"/> must be one of <see cref="SuppressionMarkers"/>.</summary>
    public static BenchmarkValue Suppressed(string marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        return SuppressionMarkers.Contains(marker)
            ? new BenchmarkValue(null, marker)
            : throw new ArgumentException($"'{marker}' is not a DfE suppression marker.", nameof(marker));
    }

    /// <summary>The number as published, or the marker ("blank" for an empty cell).</summary>
    public override string ToString() => Number is { } n
        ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Suppression is { Length: > 0 } s ? s : "blank";
}
