using System.Globalization;
using System.Text.Json;
using Lodestar.Domain.Problems;
using Lodestar.Metrics.Forecast;

namespace Lodestar.Formats.Forecast;

/// <summary>
/// Forecast scenarios as JSON (docs/forecast.md, "Scenarios"): one object, or a list of them, with
/// snake_case keys — <c>name</c>, <c>from</c> (yyyy-mm-dd), and any of <c>entry_factor</c>,
/// <c>entry_factor_by_band</c> (an object keyed by age band: under_1, 1_to_4, 5_to_9, 10_to_15,
/// 16_to_17), <c>residential_to_foster_factor</c>, <c>exit_factor</c>. Unknown keys are errors. Every
/// problem names the file, the key and the value.
/// </summary>
public static class ScenarioJson
{
    private static readonly string[] Keys = ["name", "from", "entry_factor", "entry_factor_by_band", "residential_to_foster_factor", "exit_factor"];

    /// <summary>Reads a scenario file.</summary>
    public static Result<IReadOnlyList<ForecastScenario>> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result.Failure<IReadOnlyList<ForecastScenario>>(Problem.InFile(path, $"cannot read the scenario file: {e.Message}"));
        }

        return Read(text, path);
    }

    /// <summary>Reads scenarios from JSON text; <paramref name="file"/> names it in problems.</summary>
    public static Result<IReadOnlyList<ForecastScenario>> Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return Result.Failure<IReadOnlyList<ForecastScenario>>(new Problem(file, (int)(e.LineNumber ?? 0) + 1, null, null, $"not valid JSON: {e.Message}"));
        }

        using (document)
        {
            var problems = new List<Problem>();
            var scenarios = new List<ForecastScenario>();
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            for (var i = 0; i < items.Count; i++)
            {
                var where = items.Count == 1 && root.ValueKind != JsonValueKind.Array ? "" : $"[{i}].";
                if (ReadOne(items[i], file, where, problems) is { } scenario)
                {
                    scenarios.Add(scenario);
                }
            }

            foreach (var duplicate in scenarios.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.Add(new Problem(file, 0, "name", duplicate.Key, "two scenarios have this name"));
            }

            return problems.Count > 0 ? Result.Failure<IReadOnlyList<ForecastScenario>>(problems) : Result.Success<IReadOnlyList<ForecastScenario>>(scenarios);
        }
    }

    private static ForecastScenario? ReadOne(JsonElement item, string file, string where, List<Problem> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new Problem(file, 0, where.TrimEnd('.'), item.GetRawText(), "a scenario is a JSON object"));
            return null;
        }

        var before = problems.Count;
        foreach (var property in item.EnumerateObject().Where(p => !Keys.Contains(p.Name, StringComparer.Ordinal)))
        {
            problems.Add(new Problem(file, 0, where + property.Name, null, $"unknown key; a scenario has: {string.Join(", ", Keys)}"));
        }

        string? name = null;
        if (!item.TryGetProperty("name", out var nameValue) || nameValue.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(nameValue.GetString()))
        {
            problems.Add(new Problem(file, 0, where + "name", item.TryGetProperty("name", out var raw) ? raw.GetRawText() : null, "a scenario needs a name (text)"));
        }
        else
        {
            name = nameValue.GetString()!.Trim();
            if (name.Length > 100)
            {
                problems.Add(new Problem(file, 0, where + "name", name, "a scenario's name is at most 100 characters"));
            }
        }

        DateOnly from = default;
        if (!item.TryGetProperty("from", out var fromValue) || fromValue.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(fromValue.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            problems.Add(new Problem(file, 0, where + "from", item.TryGetProperty("from", out var raw) ? raw.GetRawText() : null, "the first month the scenario applies to, a date yyyy-mm-dd"));
        }

        var entry = Factor(item, "entry_factor", file, where, problems);
        var residential = Factor(item, "residential_to_foster_factor", file, where, problems);
        var exit = Factor(item, "exit_factor", file, where, problems);
        double[]? byBand = null;
        if (item.TryGetProperty("entry_factor_by_band", out var bands))
        {
            if (bands.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new Problem(file, 0, where + "entry_factor_by_band", bands.GetRawText(), $"an object keyed by age band: {string.Join(", ", AgeBands.Names)}"));
            }
            else
            {
                byBand = [1, 1, 1, 1, 1];
                foreach (var band in bands.EnumerateObject())
                {
                    var index = AgeBands.Names.ToList().IndexOf(band.Name);
                    if (index < 0)
                    {
                        problems.Add(new Problem(file, 0, where + "entry_factor_by_band", band.Name, $"not an age band; the bands are {string.Join(", ", AgeBands.Names)}"));
                    }
                    else if (FactorOf(band.Value) is { } factor)
                    {
                        byBand[index] = factor;
                    }
                    else
                    {
                        problems.Add(new Problem(file, 0, $"{where}entry_factor_by_band.{band.Name}", band.Value.GetRawText(), "a factor is a number from 0 to 10 (1 = unchanged)"));
                    }
                }
            }
        }

        return problems.Count > before ? null : new ForecastScenario(name!, from, entry, byBand, residential, exit);
    }

    private static double Factor(JsonElement item, string key, string file, string where, List<Problem> problems)
    {
        if (!item.TryGetProperty(key, out var value))
        {
            return 1;
        }

        if (FactorOf(value) is { } factor)
        {
            return factor;
        }

        problems.Add(new Problem(file, 0, where + key, value.GetRawText(), "a factor is a number from 0 to 10 (1 = unchanged)"));
        return 1;
    }

    private static double? FactorOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var factor) && factor is >= 0 and <= 10 ? factor : null;

    /// <summary>A scenario as the JSON this reader reads (the form saved scenarios are shown and exported in).</summary>
    public static string Write(ForecastScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", scenario.Name);
            json.WriteString("from", scenario.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("entry_factor", scenario.EntryFactor);
            json.WriteStartObject("entry_factor_by_band");
            for (var b = 0; b < AgeBands.Count; b++)
            {
                json.WriteNumber(AgeBands.Names[b], scenario.EntryFactorByBand[b]);
            }

            json.WriteEndObject();
            json.WriteNumber("residential_to_foster_factor", scenario.ResidentialToFosterFactor);
            json.WriteNumber("exit_factor", scenario.ExitFactor);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
