using System.Globalization;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Validation;

/// <summary>
/// A check report's findings as a download: CSV (each cell neutralised against formula injection by
/// <see cref="CsvText"/>: a finding's value is the file's own text, e.g. <c>=HYPERLINK(…)</c>) or XLSX
/// (<see cref="XlsxWriter"/>: text cells are never evaluated). One row per finding, in report order.
/// </summary>
public static class FindingsExport
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> Header = ["severity", "rule", "file", "line", "column", "value", "message"];

    /// <summary>Writes the findings as CSV (UTF-8 text; lines end with CRLF, as RFC 4180 has it).</summary>
    public static void WriteCsv(TextWriter output, IEnumerable<Problem> findings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(findings);
        output.Write(CsvText.Line(Header) + "\r\n");
        foreach (var f in findings)
        {
            output.Write(CsvText.Line([Severity(f), f.Rule, f.File, f.Line > 0 ? f.Line.ToString(CultureInfo.InvariantCulture) : null, f.Column, f.Value, f.Message]) + "\r\n");
        }
    }

    /// <summary>Writes the findings as a workbook with one sheet, "Findings".</summary>
    public static void WriteXlsx(Stream output, IEnumerable<Problem> findings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(findings);
        XlsxWriter.Write(output, [new XlsxSheet("Findings", Header, findings.Select(f => (IReadOnlyList<object?>)
            [Severity(f), f.Rule, f.File, f.Line > 0 ? f.Line : null, f.Column, f.Value, f.Message]))]);
    }

    private static string Severity(Problem problem) => problem.Severity.ToString().ToLowerInvariant();
}
