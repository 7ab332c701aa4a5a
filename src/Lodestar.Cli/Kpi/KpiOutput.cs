using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lodestar.Application.Kpis;
using Lodestar.Domain.Performance;
using Lodestar.Formats.Spreadsheets;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Cli.Kpi;

/// <summary>Writes KPI results as JSON (snake_case keys), CSV (formula injection neutralised) or a table.</summary>
internal static class KpiOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Columns = ["kpi", "council", "period_start", "period_end", "value", "numerator", "denominator", "unit", "category", "small_number"];

    /// <summary>
    /// The results in <paramref name="format"/>. Every result says whether it is a small number (docs/kpis.md, "Small
    /// numbers"); with <paramref name="suppress"/>, small ones are written as "c" with no numerator or denominator.
    /// </summary>
    public static void WriteResults(TextWriter output, IReadOnlyList<KpiResult> results, string format, SmallNumbers? suppress = null)
    {
        using var writer = new ResultsWriter(output, format, suppress);
        writer.Write(results);
    }

    /// <summary>
    /// Writes results as they come, council after council (JSON and CSV: nothing is held past a council's
    /// <see cref="Write"/>; the table needs every row for its column widths and writes them on dispose).
    /// </summary>
    public sealed class ResultsWriter : IDisposable
    {
        private readonly TextWriter _output;
        private readonly string _format;
        private readonly SmallNumbers? _suppress;
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private readonly Utf8JsonWriter? _json;
        private readonly List<KpiResultResponse> _table = [];
        private bool _headerWritten;

        public ResultsWriter(TextWriter output, string format, SmallNumbers? suppress)
        {
            _output = output;
            _format = format;
            _suppress = suppress;
            if (format == "json")
            {
                // As JsonSerializer writes the whole list: indented, the array's items at two spaces.
                _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JsonOptions.Encoder });
                _json.WriteStartArray();
            }
        }

        public void Write(IEnumerable<KpiResult> results)
        {
            switch (_format)
            {
                case "json":
                    foreach (var r in results)
                    {
                        JsonSerializer.Serialize(_json!, KpiResultResponse.From(r, _suppress), JsonOptions);
                    }

                    Flush();
                    break;
                case "csv":
                    if (!_headerWritten)
                    {
                        _output.WriteLine(string.Join(',', Columns));
                        _headerWritten = true;
                    }

                    foreach (var r in results)
                    {
                        _output.WriteLine(string.Join(',', Cells(KpiResultResponse.From(r, _suppress)).Select(Csv)));
                    }

                    break;
                default:
                    _table.AddRange(results.Select(r => KpiResultResponse.From(r, _suppress)));
                    break;
            }
        }

        public void Dispose()
        {
            switch (_format)
            {
                case "json":
                    _json!.WriteEndArray();
                    Flush();
                    _output.WriteLine();
                    _json.Dispose();
                    break;
                case "csv":
                    if (!_headerWritten)
                    {
                        _output.WriteLine(string.Join(',', Columns));
                    }

                    break;
                default:
                    Table(_output, _table);
                    break;
            }
        }

        private void Flush()
        {
            _json!.Flush();
            _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            _buffer.ResetWrittenCount();
        }
    }

    public static void WriteExplanations(TextWriter output, IEnumerable<KpiExplanation> explanations, string format)
    {
        using var writer = new ExplanationsWriter(output, format);
        writer.Write(explanations);
    }

    /// <summary>
    /// KPI explanations written as they come, council by council, in one JSON array, one CSV or one text listing: what
    /// one council's children are is written before the next council is read, so nothing but a council's is held.
    /// </summary>
    public sealed class ExplanationsWriter : IDisposable
    {
        private readonly TextWriter _output;
        private readonly string _format;
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private readonly Utf8JsonWriter? _json;

        public ExplanationsWriter(TextWriter output, string format)
        {
            _output = output;
            _format = format;
            if (format == "json")
            {
                _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                _json.WriteStartArray();
            }
            else if (format == "csv")
            {
                // One row per reason; a child counted without a reason still gets a row.
                output.WriteLine("kpi,council,period_start,period_end,child,in_numerator,in_denominator,reason");
            }
        }

        public void Write(IEnumerable<KpiExplanation> explanations)
        {
            foreach (var e in explanations)
            {
                switch (_format)
                {
                    case "json":
                        WriteJson(_json!, e);
                        break;
                    case "csv":
                        WriteCsv(_output, e);
                        break;
                    default:
                        WriteText(_output, e);
                        break;
                }
            }

            if (_json is not null)
            {
                Flush();
            }
        }

        public void Dispose()
        {
            if (_json is not null)
            {
                _json.WriteEndArray();
                Flush();
                _output.WriteLine();
                _json.Dispose();
            }
        }

        private void Flush()
        {
            _json!.Flush();
            _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            _buffer.ResetWrittenCount();
        }

        private static void WriteJson(Utf8JsonWriter json, KpiExplanation e)
        {
            json.WriteStartObject();
            json.WritePropertyName("result");
            JsonSerializer.Serialize(json, KpiResultResponse.From(e.Result), JsonOptions);
            WriteStrings(json, "numerator_children", e.NumeratorChildren);
            WriteStrings(json, "denominator_children", e.DenominatorChildren);
            json.WriteStartObject("reasons");
            foreach (var (child, reasons) in e.Reasons.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                WriteStrings(json, child, reasons);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteCsv(TextWriter output, KpiExplanation e)
        {
            var r = e.Result;
            var numerator = e.NumeratorChildren.ToHashSet(StringComparer.Ordinal);
            var denominator = e.DenominatorChildren.ToHashSet(StringComparer.Ordinal);
            var children = e.Reasons.Keys.Concat(numerator).Concat(denominator).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var child in children)
            {
                var reasons = e.Reasons.TryGetValue(child, out var given) ? given : [string.Empty];
                foreach (var reason in reasons)
                {
                    string[] cells =
                    [
                        r.Kpi, r.Council, r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        child, numerator.Contains(child) ? "yes" : "no", denominator.Contains(child) ? "yes" : "no", reason,
                    ];
                    output.WriteLine(string.Join(',', cells.Select(Csv)));
                }
            }
        }

        private static void WriteText(TextWriter output, KpiExplanation e)
        {
            var r = e.Result;
            output.WriteLine($"{r.Kpi} {r.Council} {r.PeriodStart:yyyy-MM-dd} to {r.PeriodEnd:yyyy-MM-dd}: value {Number(r.Value, "0.##")}, numerator {Number(r.Numerator, "0.##")}, denominator {Number(r.Denominator, "0.##")}");
            output.WriteLine($"  numerator children ({e.NumeratorChildren.Count}): {string.Join(' ', e.NumeratorChildren)}");
            output.WriteLine($"  denominator children ({e.DenominatorChildren.Count}): {string.Join(' ', e.DenominatorChildren)}");
            foreach (var (child, reasons) in e.Reasons.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                foreach (var reason in reasons)
                {
                    output.WriteLine($"  {child}: {reason}");
                }
            }
        }
    }

    /// <summary>A CSV cell: quoted when needed, and a leading = + - @ (or tab, CR) prefixed with ' so spreadsheets do not run it.</summary>
    internal static string Csv(string value) => CsvText.Cell(value);

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string[] Cells(KpiResultResponse r) =>
    [
        r.Kpi, r.Council, r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.Suppressed ?? Number(r.Value, "0.######"), Number(r.Numerator, "0.######"), Number(r.Denominator, "0.######"), r.Unit, r.Category ?? string.Empty,
        r.SmallNumber ? "yes" : "no",
    ];

    private static string Number(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : string.Empty;

    private static void Table(TextWriter output, IReadOnlyList<KpiResultResponse> results)
    {
        var rows = results.Select(r => new[]
        {
            r.Category is null ? r.Kpi : $"{r.Kpi} [{r.Category}]", r.Council, $"{r.PeriodStart:yyyy-MM-dd}..{r.PeriodEnd:yyyy-MM-dd}",
            r.Suppressed ?? (r.Value is null ? "no data" : Number(r.Value, "0.#")), Number(r.Numerator, "0.#"), Number(r.Denominator, "0.#"), r.Unit,
            r.SmallNumber ? "small" : string.Empty,
        }).ToList();
        string[] header = ["kpi", "council", "period", "value", "numerator", "denominator", "unit", "note"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        void Line(string[] cells) => output.WriteLine(string.Join("  ", cells.Select((c, i) => i is 3 or 4 or 5 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        foreach (var row in rows)
        {
            Line(row);
        }
    }
}
