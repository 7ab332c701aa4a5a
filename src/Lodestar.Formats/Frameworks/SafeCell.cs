namespace Lodestar.Formats.Frameworks;

/// <summary>
/// Text written to a CSV or XLSX cell, neutralised against formula injection: text starting with
/// = + - @ (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet shows it
/// instead of running it. Numbers are written as numbers and need no protection.
/// </summary>
public static class SafeCell
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
