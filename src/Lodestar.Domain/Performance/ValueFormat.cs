using System.Globalization;
using Lodestar.Domain.Frameworks;

namespace Lodestar.Domain.Performance;

/// <summary>How values and differences read in reasons and reports: "14.2%", "3.2 points", "£1,250", "45 days".</summary>
public static class ValueFormat
{
    /// <summary>The number rounded to <paramref name="decimals"/> places, trailing zeros dropped, thousands separated.</summary>
    public static string Number(decimal value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var format = decimals == 0 ? "#,##0" : "#,##0." + new string('#', decimals);
        return rounded.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A value in its unit: 14.2%, 45.3 per 10,000, 210 days, £1,250, 12.</summary>
    public static string Value(decimal value, MeasureUnit unit, int decimals)
    {
        var number = Number(value, decimals);
        return unit switch
        {
            MeasureUnit.Percent => number + "%",
            MeasureUnit.RatePer10k => number + " per 10,000",
            MeasureUnit.Days => number + (number == "1" ? " day" : " days"),
            MeasureUnit.Gbp => value < 0 ? "-£" + Number(-value, decimals) : "£" + number,
            _ => number,
        };
    }

    /// <summary>A difference in the unit, always positive: "3.2 points", "12 days", "£500", "4".</summary>
    public static string Difference(decimal difference, MeasureUnit unit, int decimals)
    {
        var number = Number(Math.Abs(difference), decimals);
        return unit switch
        {
            MeasureUnit.Percent => number + (number == "1" ? " point" : " points"),
            MeasureUnit.RatePer10k => number + " per 10,000",
            MeasureUnit.Days => number + (number == "1" ? " day" : " days"),
            MeasureUnit.Gbp => "£" + number,
            _ => number,
        };
    }
}
