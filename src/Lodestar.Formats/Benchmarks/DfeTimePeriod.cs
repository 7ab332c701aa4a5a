using System.Globalization;
using Lodestar.Domain.Periods;

namespace Lodestar.Formats.Benchmarks;

/// <summary>
/// Maps a DfE "explore education statistics" <c>time_period</c> to the reporting year benchmarks are
/// kept by: the label of the year it ends in, as <see cref="Period.ReportingYearLabel"/> (2025 is
/// 2024-04-01 to 2025-03-31).
/// </summary>
internal static class DfeTimePeriod
{
    /// <summary>
    /// Reads the two forms the DfE publishes: four digits, <c>2025</c> (the "Reporting year" of the
    /// children's social care files, a year to 31 March or a snapshot at 31 March 2025) is 2025; six
    /// digits, <c>202425</c> (a financial year, 2024-04-01 to 2025-03-31), is the year it ends in,
    /// 2025, and its last two digits must be the year after the first four. False for anything else.
    /// </summary>
    public static bool TryReadYear(string text, out int year)
    {
        year = 0;
        var t = text.Trim();
        if (!t.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (t.Length == 4)
        {
            year = int.Parse(t, CultureInfo.InvariantCulture);
        }
        else if (t.Length == 6)
        {
            var first = int.Parse(t[..4], CultureInfo.InvariantCulture);
            if ((first + 1) % 100 != int.Parse(t[4..], CultureInfo.InvariantCulture))
            {
                return false;
            }

            year = first + 1;
        }

        // The years Period accepts, so every benchmark year is a reporting year Period.ReportingYear can build.
        if (!Period.IsYear(year))
        {
            year = 0;
            return false;
        }

        return true;
    }
}
