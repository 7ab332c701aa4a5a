using System.Text.Json;
using System.Text.Json.Serialization;
using Lodestar.Domain.Periods;

namespace Lodestar.Formats.Actions;

/// <summary>
/// Writes a financial year (a reporting-year <see cref="Period"/>) as its label, "2016/17", the text savings
/// reports have always carried in JSON, and reads it back. Savings reports hold no other kind of period.
/// </summary>
internal sealed class FinancialYearJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Period.TryParseFinancialYear(reader.GetString(), out var year) ? year : throw new JsonException("A financial year is written like 2016/17.");

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Kind != PeriodKind.ReportingYear)
        {
            throw new ArgumentException($"Only financial years are written as 2016/17, not {value}.", nameof(value));
        }

        writer.WriteStringValue(value.ToFinancialYearLabel());
    }
}
