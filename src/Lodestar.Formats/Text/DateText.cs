namespace Lodestar.Formats.Text;

/// <summary>Reads dates as the returns write them: dd/mm/yyyy (903) or yyyy-mm-dd (CIN, XML).</summary>
internal static class DateText
{
    public enum Result
    {
        Ok,
        BadFormat,
        Impossible,
    }

    /// <summary>
    /// Parses <paramref name="text"/> (already trimmed, not empty) into a day number. A day and month of one
    /// or two digits and a four-digit year are accepted; anything else is a format error; a well-formed
    /// date that does not exist (31/02/2024, month 13) is impossible.
    /// </summary>
    public static Result TryParse(ReadOnlySpan<char> text, out int day)
    {
        day = 0;
        int d, m, y;
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            if (!Digits(text[..4], out y) || !Digits(text.Slice(5, 2), out m) || !Digits(text.Slice(8, 2), out d))
            {
                return Result.BadFormat;
            }
        }
        else
        {
            var first = text.IndexOf('/');
            if (first is < 1 or > 2)
            {
                return Result.BadFormat;
            }

            var rest = text[(first + 1)..];
            var second = rest.IndexOf('/');
            if (second is < 1 or > 2 || rest.Length - second - 1 != 4)
            {
                return Result.BadFormat;
            }

            if (!Digits(text[..first], out d) || !Digits(rest[..second], out m) || !Digits(rest[(second + 1)..], out y))
            {
                return Result.BadFormat;
            }
        }

        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return Result.Impossible;
        }

        day = new DateOnly(y, m, d).DayNumber;
        return Result.Ok;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    public static string Format903(int day) =>
        RecordValuesText(day, "dd/MM/yyyy");

    public static string FormatIso(int day) =>
        RecordValuesText(day, "yyyy-MM-dd");

    private static string RecordValuesText(int day, string format) =>
        Lodestar.Metrics.Records.RecordValues.Date(day) is { } date
            ? date.ToString(format, System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;
}
