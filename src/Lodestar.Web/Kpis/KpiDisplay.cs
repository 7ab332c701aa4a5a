using System.Globalization;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Savings;

namespace Lodestar.Web.Kpis;

/// <summary>How the pages write KPI values: by unit, and "No data" for a null value (never 0).</summary>
internal static class KpiDisplay
{
    public const string NoData = "No data";

    /// <summary>
    /// A value as people read it: percent 1 dp with %, rates, scores and 52-week placements 1 dp, counts and
    /// days 0 dp, money as £ with no pence; thousands separated.
    /// </summary>
    public static string Value(double? value, MeasureUnit unit)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return NoData;
        }

        // Halves round up, as people round by hand (42.25% is 42.3%); the formatter alone would round to even.
        static string Places(double v, int places) =>
            Math.Round(v, places, MidpointRounding.AwayFromZero).ToString(places == 0 ? "N0" : "N1", CultureInfo.InvariantCulture);

        return unit switch
        {
            MeasureUnit.Percent => Places(v, 1) + "%",
            MeasureUnit.Count or MeasureUnit.Days => Places(v, 0),
            MeasureUnit.Gbp => "£" + Places(v, 0),
            _ => Places(v, 1),
        };
    }

    /// <summary>A numerator or denominator: whole numbers as they are, fractions to 2 dp; blank when there is none.</summary>
    public static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("#,##0.##", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The unit in words.</summary>
    public static string Unit(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Count => "Count",
        MeasureUnit.Percent => "Percentage",
        MeasureUnit.RatePer10k => "Rate per 10,000 children aged 0–17",
        MeasureUnit.Days => "Days (average)",
        MeasureUnit.Score => "Score (average)",
        MeasureUnit.Placements52wk => "52-week placements (days ÷ 364)",
        MeasureUnit.Gbp => "Pounds",
        _ => unit.Code(),
    };

    public static string Polarity(Polarity polarity) => polarity switch
    {
        Domain.Performance.Polarity.HigherIsBetter => "Higher is better",
        Domain.Performance.Polarity.LowerIsBetter => "Lower is better",
        _ => "Neither",
    };

    /// <summary>
    /// A KPI's category in words: the placement categories of <c>placements_52wk_by_type</c> as the savings model
    /// names them, the CIN census's categories of abuse of <c>cpp_by_category</c>. The codes stay in the API and
    /// exports (and in the pages' test ids).
    /// </summary>
    public static string Category(string? category) => category switch
    {
        null => string.Empty,
        _ when PlacementActualsFromReturns.Categories.TryGetValue(category, out var placement) => placement.DisplayName(),
        "NEG" => "Neglect",
        "PHY" => "Physical abuse",
        "SAB" => "Sexual abuse",
        "EMO" => "Emotional abuse",
        "MUL" => "Multiple categories",
        "unknown" => "Not recorded",
        _ => category,
    };

    public static string Source(KpiSource source) => source switch
    {
        KpiSource.Ssda903 => "SSDA903 children looked after return",
        KpiSource.AnnexA => "Ofsted ILACS Annex A lists",
        _ => "Children in Need census",
    };

    /// <summary>"2024-04-01 to 2025-03-31" as "1 April 2024 to 31 March 2025".</summary>
    public static string Period(Period period) =>
        $"{period.Start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} to {period.End.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>A reporting year as the DfE writes it: 2025 = "2024 to 2025".</summary>
    public static string ReportingYear(int year) => $"{year - 1} to {year}";

    /// <summary>"Cambridgeshire (E10000003)", or the code alone for a council not in the list.</summary>
    public static string Council(string code) =>
        CouncilList.Find(code) is { } council && council.Code == code ? $"{council.Name} ({code})" : code;

    /// <summary>A month of a series: "Apr 2024".</summary>
    public static string Month(Period period) => Month(period.Start);

    /// <summary>The month of a day: "Apr 2024".</summary>
    public static string Month(DateOnly day) => day.ToString("MMM yyyy", CultureInfo.InvariantCulture);
}
