namespace Lodestar.Formats.Spreadsheets;

/// <summary>Protection against formula injection in the CSV and XLSX files Lodestar writes.</summary>
internal static class SpreadsheetText
{
    /// <summary>
    /// Text starting with = + - @ (or a tab or carriage return) would be run as a formula when the file is opened
    /// in a spreadsheet; such text is written with a leading apostrophe, which spreadsheets show as text.
    /// </summary>
    /// <remarks>The one place this rule lives: every CSV and XLSX writer of Lodestar calls it. Null is written as "".</remarks>
    public static string Neutralise(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
