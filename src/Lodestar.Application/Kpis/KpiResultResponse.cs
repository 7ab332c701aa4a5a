using System.Text.Json.Serialization;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Application.Kpis;

/// <summary>
/// One KPI result on the wire: <c>lodestar kpi --format json</c> writes it, and <c>GET /api/v1/kpis</c> its fields; null values are
/// written as null. <c>small_number</c> marks a figure about fewer than 5 children (<see cref="SmallNumbers"/>); a result
/// written with suppression has its value, numerator and denominator null and <c>suppressed</c> "c".
/// </summary>
public sealed record KpiResultResponse(
    [property: JsonPropertyName("kpi")] string Kpi,
    [property: JsonPropertyName("council")] string Council,
    [property: JsonPropertyName("period_start")] DateOnly PeriodStart,
    [property: JsonPropertyName("period_end")] DateOnly PeriodEnd,
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("numerator")] double? Numerator,
    [property: JsonPropertyName("denominator")] double? Denominator,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("category"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Category,
    [property: JsonPropertyName("small_number")] bool SmallNumber = false,
    [property: JsonPropertyName("suppressed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Suppressed = null)
{
    /// <summary>
    /// Rounded to 6 decimal places, as the command line writes them; NaN or infinity as null. Marked small by the DfE's
    /// rule; with <paramref name="suppress"/>, a small figure is written as "c" with nothing that would reveal it.
    /// </summary>
    public static KpiResultResponse From(KpiResult r, SmallNumbers? suppress = null)
    {
        var small = (suppress ?? SmallNumbers.Dfe).IsSmall(r.Unit, r.Value, r.Numerator, r.Denominator);
        return small && suppress is not null
            ? new(r.Kpi, r.Council, r.PeriodStart, r.PeriodEnd, null, null, null, r.Unit.Code(), r.Category, true, SmallNumbers.Marker)
            : new(r.Kpi, r.Council, r.PeriodStart, r.PeriodEnd, Round(r.Value), Round(r.Numerator), Round(r.Denominator), r.Unit.Code(), r.Category, small);
    }

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 6) : null;
}

/// <summary>The children (pseudonymous ids as the returns give them) in a result's numerator and denominator.</summary>
public sealed record KpiExplainResponse(
    [property: JsonPropertyName("numerator")] IReadOnlyList<string> Numerator,
    [property: JsonPropertyName("denominator")] IReadOnlyList<string> Denominator);

