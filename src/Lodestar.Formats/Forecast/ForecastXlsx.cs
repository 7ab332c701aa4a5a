using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Forecast;

/// <summary>The forecast's rows as an XLSX workbook, through the one XLSX writer.</summary>
public static class ForecastXlsx
{
    /// <summary>One sheet, "Forecast": <paramref name="header"/> and the rows (text, numbers, dates).</summary>
    public static void Write(Stream output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        XlsxWriter.Write(output, [new XlsxSheet("Forecast", header, rows)]);
}
