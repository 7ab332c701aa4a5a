using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Problems;

namespace Lodestar.Formats.Benchmarks;

/// <summary>What reading a folder of DfE files gives: the import, and the cells that could not be read (file, row, column, value), any of which stops it.</summary>
public sealed record BenchmarkReadResult(BenchmarkImport Import, IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Figures read per measure, in mapping order.</summary>
    public IReadOnlyList<(string MeasureId, int Figures, int Suppressed)> CountsByMeasure() =>
        Import.Measures
            .Select(m => (
                m.Id,
                Import.Observations.Count(o => o.MeasureId == m.Id),
                Import.Observations.Count(o => o.MeasureId == m.Id && o.Value.IsSuppressed)))
            .ToArray();
}

/// <summary>
/// Reads the DfE "explore education statistics" CSVs of a folder through a <see cref="BenchmarkMapping"/>:
/// every row whose filter columns hold the mapped values gives one figure for its year and area.
/// Each file is read once, however many measures it feeds.
/// </summary>
public static class DfeBenchmarkReader
{
    private static readonly string[] RequiredColumns = ["time_period", "geographic_level", "country_code"];

    /// <summary>
    /// Reads <paramref name="directory"/>. Throws <see cref="BenchmarkInputException"/> when a file or a
    /// column the mapping names is missing; bad cells are returned as diagnostics.
    /// </summary>
    public static BenchmarkReadResult Read(string directory, BenchmarkMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (!Directory.Exists(directory))
        {
            throw new BenchmarkInputException($"The folder {directory} does not exist.");
        }

        var observations = new List<BenchmarkObservation>();
        var diagnostics = new List<Problem>();
        foreach (var group in mapping.Measures.GroupBy(m => m.File, StringComparer.Ordinal))
        {
            var table = DfeCsvTable.Load(FileIn(directory, group.Key));
            foreach (var measure in group)
            {
                ReadMeasure(table, measure, observations, diagnostics);
            }
        }

        observations = DeriveRates(mapping, observations);
        var neighbours = mapping.StatisticalNeighboursFile is { } snFile
            ? StatisticalNeighbourReader.Read(DfeCsvTable.Load(FileIn(directory, snFile)), diagnostics)
            : [];
        return new BenchmarkReadResult(
            new BenchmarkImport(mapping.Measures.Select(m => m.Measure).ToArray(), observations, neighbours),
            diagnostics);
    }

    private static string FileIn(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path)
            ? path
            : throw new BenchmarkInputException($"{file} is named in the mapping but is not in {directory}.");
    }

    private static void ReadMeasure(
        DfeCsvTable table,
        BenchmarkMeasureMapping mapping,
        List<BenchmarkObservation> observations,
        List<Problem> diagnostics)
    {
        var id = mapping.Measure.Id;
        foreach (var column in RequiredColumns.Concat(mapping.Filters.Keys).Append(mapping.Indicator))
        {
            if (table.ColumnIndex(column) < 0)
            {
                throw new BenchmarkInputException($"{table.File} has no column '{column}' (needed by measure {id}).");
            }
        }

        var filters = mapping.Filters.Select(f => (Index: table.ColumnIndex(f.Key), f.Value)).ToArray();
        var year = table.ColumnIndex("time_period");
        var level = table.ColumnIndex("geographic_level");
        var country = table.ColumnIndex("country_code");
        var countryName = table.ColumnIndex("country_name");
        var region = table.ColumnIndex("region_code");
        var regionName = table.ColumnIndex("region_name");
        var la = table.ColumnIndex("old_la_code");
        var laName = table.ColumnIndex("la_name");
        var indicator = table.ColumnIndex(mapping.Indicator);
        var seen = new HashSet<(int Year, GeographicLevel Level, string Code)>();
        var matched = 0;

        foreach (var row in table.Rows)
        {
            if (!filters.All(f => string.Equals(row.Cell(f.Index).Trim(), f.Value, StringComparison.Ordinal)))
            {
                continue;
            }

            matched++;
            GeographicLevel geographicLevel;
            string code;
            string name;
            string? regionCode = null;
            switch (row.Cell(level).Trim())
            {
                case "National":
                    geographicLevel = GeographicLevel.National;
                    code = row.Cell(country).Trim();
                    name = NonBlank(row.Cell(countryName), "England");
                    break;
                case "Regional":
                    geographicLevel = GeographicLevel.Regional;
                    code = row.Cell(region).Trim();
                    name = NonBlank(row.Cell(regionName), code);
                    break;
                case "Local authority":
                    geographicLevel = GeographicLevel.LocalAuthority;
                    code = row.Cell(la).Trim();
                    name = NonBlank(row.Cell(laName), code);
                    regionCode = row.Cell(region).Trim() is { Length: > 0 } r ? r : null;
                    break;
                default:
                    // Other geographies (e.g. local authority district) are not benchmarks Lodestar uses.
                    continue;
            }

            var timePeriod = row.Cell(year).Trim();
            if (code.Length == 0 || timePeriod.Length == 0)
            {
                var column = timePeriod.Length == 0 ? "time_period" : geographicLevel == GeographicLevel.LocalAuthority ? "old_la_code" : "area code";
                diagnostics.Add(new Problem(table.File, row.Row, column, null, $"{id}: the row has no {column}."));
                continue;
            }

            if (!DfeTimePeriod.TryReadYear(timePeriod, out var reportingYear))
            {
                diagnostics.Add(new Problem(table.File, row.Row, "time_period", timePeriod,
                    $"{id}: not a year Lodestar can place: a time_period is a year ending 31 March (2025) or a financial year (202425)."));
                continue;
            }

            if (!seen.Add((reportingYear, geographicLevel, code)))
            {
                diagnostics.Add(new Problem(table.File, row.Row, mapping.Indicator, row.Cell(indicator),
                    $"{id}: a second row for {name} ({code}) in {reportingYear}; the filters must select one row per area and year."));
                continue;
            }

            var text = row.Cell(indicator).Trim();
            BenchmarkValue value;
            if (BenchmarkValue.SuppressionMarkers.Contains(text))
            {
                value = BenchmarkValue.Suppressed(text);
            }
            else if (BenchmarkMapping.ParseNumber(text, mapping.Format) is { } number)
            {
                value = BenchmarkValue.Of(Round(number * mapping.Scale, mapping.Per10kOf is null ? mapping.Decimals : null));
            }
            else
            {
                diagnostics.Add(new Problem(table.File, row.Row, mapping.Indicator, text,
                    mapping.Format == BenchmarkValueFormat.YearsMonths
                        ? $"{id}: not years:months (e.g. 01:07) nor a suppression marker (c, x, z, k, u, low)."
                        : $"{id}: not a number nor a suppression marker (c, x, z, k, u, low)."));
                continue;
            }

            observations.Add(new BenchmarkObservation(id, reportingYear, geographicLevel, code, name, regionCode, value, table.File));
        }

        if (matched == 0)
        {
            diagnostics.Add(Problem.InFile(table.File,
                $"no row matches the filters of measure {id} ({string.Join(", ", mapping.Filters.Select(f => $"{f.Key} = \"{f.Value}\""))})."));
        }
    }

    /// <summary>
    /// Turns the figures of measures mapped with <c>per_10k_of</c> into rates per 10,000 of the denominator
    /// measure's figure for the same area (and year, shifted by the offset). A suppressed numerator or
    /// denominator gives a suppressed rate with that marker; a missing or zero denominator gives "x".
    /// </summary>
    private static List<BenchmarkObservation> DeriveRates(
        BenchmarkMapping mapping,
        List<BenchmarkObservation> observations)
    {
        var rates = mapping.Measures.Where(m => m.Per10kOf is not null).ToDictionary(m => m.Measure.Id, StringComparer.Ordinal);
        if (rates.Count == 0)
        {
            return observations;
        }

        var denominators = observations
            .Where(o => rates.Values.Any(r => r.Per10kOf == o.MeasureId))
            .ToDictionary(o => (o.MeasureId, o.Year, o.Level, o.AreaCode), o => o.Value);
        var result = new List<BenchmarkObservation>(observations.Count);
        foreach (var observation in observations)
        {
            if (!rates.TryGetValue(observation.MeasureId, out var rate))
            {
                result.Add(observation);
                continue;
            }

            var denominatorYear = observation.Year + rate.DenominatorYearOffset;
            denominators.TryGetValue((rate.Per10kOf!, denominatorYear, observation.Level, observation.AreaCode), out var denominator);
            var value = observation.Value.IsSuppressed ? observation.Value
                : denominator.IsSuppressed ? denominator
                : denominator.Number is { } d && d != 0 ? BenchmarkValue.Of(Round(observation.Value.Number!.Value * 10_000m / d, rate.Decimals))
                : BenchmarkValue.Suppressed("x");
            result.Add(observation with { Value = value });
        }

        return result;
    }

    private static decimal Round(decimal value, int? decimals) =>
        decimals is { } places ? Math.Round(value, places, MidpointRounding.AwayFromZero) : value;

    private static string NonBlank(string text, string fallback) => text.Trim() is { Length: > 0 } t ? t : fallback;
}

/// <summary>
/// Reads the DfE statistical neighbour model in its wide form: old_la_code, then SN_1 … SN_10 (the
/// neighbours' old_la_codes, nearest first) and SN_1P … SN_10P (how close each is).
/// </summary>
internal static class StatisticalNeighbourReader
{
    public static IReadOnlyList<StatisticalNeighbour> Read(DfeCsvTable table, List<Problem> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var council = table.ColumnIndex("old_la_code");
        if (council < 0 || table.ColumnIndex("SN_1") < 0)
        {
            throw new BenchmarkInputException($"{table.File} is not a statistical neighbour model: it needs columns old_la_code and SN_1 … SN_10.");
        }

        var neighbours = new List<StatisticalNeighbour>();
        var councils = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var code = row.Cell(council).Trim();
            if (code.Length == 0)
            {
                diagnostics.Add(new Problem(table.File, row.Row, "old_la_code", null, "the row has no old_la_code."));
                continue;
            }

            if (!councils.Add(code))
            {
                diagnostics.Add(new Problem(table.File, row.Row, "old_la_code", code, "the council is listed twice."));
                continue;
            }

            for (var position = 1; table.ColumnIndex($"SN_{position}") is var column and >= 0; position++)
            {
                var neighbour = row.Cell(column).Trim();
                if (neighbour.Length > 0)
                {
                    neighbours.Add(new StatisticalNeighbour(code, position, neighbour, row.Cell(table.ColumnIndex($"SN_{position}P")).Trim()));
                }
            }
        }

        return neighbours;
    }
}
