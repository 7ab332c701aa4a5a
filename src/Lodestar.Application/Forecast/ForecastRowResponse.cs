using System.Text.Json.Serialization;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Forecast;

namespace Lodestar.Application.Forecast;

/// <summary>
/// One row of the forecast on the wire: children looked after at a month end (its last day), in total
/// (<c>category</c> "all") or in one placement category, with the 80 % and 95 % intervals.
/// <c>lodestar forecast --format json</c> and the API both write it.
/// </summary>
public sealed record ForecastRowResponse(
    [property: JsonPropertyName("council")] string Council,
    [property: JsonPropertyName("month")] DateOnly Month,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("forecast")] double Forecast,
    [property: JsonPropertyName("lower_80")] double Lower80,
    [property: JsonPropertyName("upper_80")] double Upper80,
    [property: JsonPropertyName("lower_95")] double Lower95,
    [property: JsonPropertyName("upper_95")] double Upper95)
{
    /// <summary>The column names, in order, for CSV and XLSX.</summary>
    public static readonly IReadOnlyList<string> Columns = ["council", "month", "category", "forecast", "lower_80", "upper_80", "lower_95", "upper_95"];

    /// <summary>Values rounded to one decimal place (a median of whole children is at most a half).</summary>
    public static ForecastRowResponse From(string council, ForecastPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var v = point.Value;
        return new(council, point.Month, point.Category, Round(v.Median), Round(v.Lower80), Round(v.Upper80), Round(v.Lower95), Round(v.Upper95));
    }

    /// <summary>Every row of a forecast: each month end, the total then each category.</summary>
    public static IReadOnlyList<ForecastRowResponse> Rows(string council, ForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Points.Select(p => From(council, p))];
    }

    private static double Round(double value) => Math.Round(value, 1);
}

/// <summary>
/// One row of the forecast's 52-week placement equivalents by age band on the wire: a financial year
/// (<c>year</c>, "2025/26"), an age band (<c>under_1</c>, <c>1_to_4</c>, <c>5_to_9</c>, <c>10_to_15</c>,
/// <c>16_to_17</c>), how many of the year's months the forecast covers, and the median with the 80 % and 95 %
/// intervals. <c>lodestar forecast --by age-band</c> and the API's <c>by=age-band</c> both write it.
/// </summary>
public sealed record ForecastAgeBandRowResponse(
    [property: JsonPropertyName("council")] string Council,
    [property: JsonPropertyName("year")] string Year,
    [property: JsonPropertyName("age_band")] string AgeBand,
    [property: JsonPropertyName("months")] int Months,
    [property: JsonPropertyName("forecast")] double Forecast,
    [property: JsonPropertyName("lower_80")] double Lower80,
    [property: JsonPropertyName("upper_80")] double Upper80,
    [property: JsonPropertyName("lower_95")] double Lower95,
    [property: JsonPropertyName("upper_95")] double Upper95)
{
    /// <summary>The column names, in order, for CSV and XLSX.</summary>
    public static readonly IReadOnlyList<string> Columns = ["council", "year", "age_band", "months", "forecast", "lower_80", "upper_80", "lower_95", "upper_95"];

    /// <summary>Every age-band row of a forecast: each financial year, the bands youngest first; values to two decimal places (placements, not children).</summary>
    public static IReadOnlyList<ForecastAgeBandRowResponse> Rows(string council, ForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.AgeBandYears.Select(y => new ForecastAgeBandRowResponse(council, YearLabel(y.FinancialYear), y.AgeBand, y.Months,
            Round(y.Value.Median), Round(y.Value.Lower80), Round(y.Value.Upper80), Round(y.Value.Lower95), Round(y.Value.Upper95)))];
    }

    /// <summary>"2025/26" for the financial year starting in April 2025.</summary>
    public static string YearLabel(int financialYear) => Period.ReportingYear(financialYear + 1).ToFinancialYearLabel();

    private static double Round(double value) => Math.Round(value, 2);
}
