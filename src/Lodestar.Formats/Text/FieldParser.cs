using System.Globalization;
using Lodestar.Domain.Problems;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Text;

/// <summary>How a file field is held in the records.</summary>
internal enum FieldKind
{
    Date,
    Code,
    Number,
    Flag,
}

/// <summary>
/// Turns field text into column values, reporting what cannot be read (with file, line, column and the
/// value as written) instead of changing it: an unreadable date or number becomes
/// <see cref="RecordValues.Invalid"/>, never a guess.
/// </summary>
internal sealed class FieldParser(CodeTable codes, List<Problem> diagnostics, string path, string dateForm)
{
    public const string DateFormatRule = "DATE-FORMAT";
    public const string DateImpossibleRule = "DATE-IMPOSSIBLE";
    public const string NumberFormatRule = "NUMBER-FORMAT";
    public const string FlagFormatRule = "FLAG-FORMAT";

    /// <summary>The latest real date read so far (for inferring a return's year), or <see cref="RecordValues.Blank"/>.</summary>
    public int LatestDay { get; private set; } = RecordValues.Blank;

    public string Path => path;

    public List<Problem> Diagnostics => diagnostics;

    public int Parse(FieldKind kind, ReadOnlySpan<char> raw, int line, string column)
    {
        var text = raw.Trim();
        switch (kind)
        {
            case FieldKind.Code:
                return codes.Intern(text);
            case FieldKind.Date:
                return ParseDate(text, line, column);
            case FieldKind.Number:
                if (text.IsEmpty)
                {
                    return RecordValues.Blank;
                }

                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number > RecordValues.Invalid)
                {
                    return number;
                }

                Report(line, column, text, NumberFormatRule, $"{column} should be a whole number");
                return RecordValues.Invalid;
            case FieldKind.Flag:
                return (int)ParseFlag(text, line, column);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    public int ParseDate(ReadOnlySpan<char> text, int line, string column)
    {
        if (text.IsEmpty)
        {
            return RecordValues.Blank;
        }

        switch (DateText.TryParse(text, out var day))
        {
            case DateText.Result.Ok:
                if (day > LatestDay)
                {
                    LatestDay = day;
                }

                return day;
            case DateText.Result.Impossible:
                Report(line, column, text, DateImpossibleRule, $"{column} is not a real date");
                return RecordValues.Invalid;
            default:
                Report(line, column, text, DateFormatRule, $"{column} should be a date written {dateForm}");
                return RecordValues.Invalid;
        }
    }

    public Flag ParseFlag(ReadOnlySpan<char> text, int line, string column)
    {
        if (text.IsEmpty)
        {
            return Flag.Blank;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text is "1")
        {
            return Flag.Yes;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text is "0")
        {
            return Flag.No;
        }

        Report(line, column, text, FlagFormatRule, $"{column} should be true, false, 1 or 0");
        return Flag.Invalid;
    }

    public void Report(int line, string? column, ReadOnlySpan<char> value, string rule, string message, Severity severity = Severity.Error) =>
        diagnostics.Add(new Problem(path, line, column, value.IsEmpty ? null : value.ToString(), message) { Rule = rule, Severity = severity });
}
