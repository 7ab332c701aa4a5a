using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lodestar.Formats.Actions;

/// <summary>
/// The JSON of action plan status, savings reports and benefits registers: snake_case names and enum
/// values, financial years as "2016/17". One definition shared by the <c>lodestar</c> commands' <c>--format json</c> and the web API.
/// </summary>
public static class ActionsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new FinancialYearJsonConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
