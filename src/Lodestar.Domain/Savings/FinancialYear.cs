using System.Globalization;

namespace Lodestar.Domain.Savings;

/// <summary>A financial year label, "2016/17": 1 April 2016 to 31 March 2017.</summary>
public static class FinancialYear
{
    /// <summary>Parses "2016/17" (or "2016-17"); null when the text is not a financial year.</summary>
    public static int? StartYear(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var parts = label.Split('/', '-');
        if (parts is [var start, var end]
            && start.Length == 4 && end.Length == 2
            && int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            && (first + 1) % 100 == second)
        {
            return first;
        }

        return null;
    }

    public static bool IsValid(string label) => StartYear(label) is not null;

    public static string Label(int startYear) => $"{startYear}/{(startYear + 1) % 100:00}";

    public static DateOnly Start(string label) => new(StartYear(label) ?? throw new ArgumentException($"'{label}' is not a financial year like 2016/17.", nameof(label)), 4, 1);

    public static DateOnly End(string label) => Start(label).AddYears(1).AddDays(-1);

    /// <summary>The financial year containing a date.</summary>
    public static string Of(DateOnly date) => Label(date.Month >= 4 ? date.Year : date.Year - 1);
}
