using System.Globalization;
using Lodestar.Domain.Periods;

namespace Lodestar.Formats.Frameworks;

/// <summary>
/// A period cell in an import file: the period syntax (<see cref="Period.TryParse"/>), and also what
/// Excel makes of "2025-03" typed into a cell — the date 1 March 2025, stored as a day number — which is
/// read as that month. A day number that is not the 1st of a month is refused with a hint.
/// </summary>
internal static class PeriodCell
{
    public static bool TryParse(string text, out Period period, out string error)
    {
        // Five-digit whole numbers are Excel day numbers (10000 is 1927-05-18; 99999 is 2173-10-14), never years.
        if (text.Length == 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
        {
            var date = DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(serial));
            if (date.Day == 1)
            {
                period = Period.Month(date.Year, date.Month);
                error = "";
                return true;
            }

            period = default;
            error = $"'{text}' is a spreadsheet date ({date:yyyy-MM-dd}), not a period: format the period column as text and write 2025, 2025-Q1, 2025-03 or 2024-04-01..2025-03-31";
            return false;
        }

        return Period.TryParse(text, out period, out error);
    }
}
