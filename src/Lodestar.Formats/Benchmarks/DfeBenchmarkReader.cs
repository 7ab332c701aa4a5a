using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Problems;

namespace Lodestar.Formats.Benchmarks;

/// <summary>
/// What reading a folder of DfE files gives: the import, and the problems found, any of which stops it.
/// When <see cref="InputUnusable"/> is true the input could not be used at all (the folder, or a file or
/// column the mapping names, is missing, or a file is not CSV): the problems say which, and nothing was read.
/// Otherwise the problems are the cells and rows that could not be read (file, row, column, value).
/// </summary>
public sealed record BenchmarkReadResult(BenchmarkImport Import, IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>True when the input could not be used at all; see the type's summary.</summary>
    public bool InputUnusable { get; init; }

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
    // country_code, region_code and the names are optional: the National Framework dashboard's files carry
    // only geo_breakdown (the area's name) and the LA codes, so the codes are then found from the names.
    private static readonly string[] RequiredColumns = ["time_period", "geographic_level"];

    /// <summary>
    /// Reads <paramref name="directory"/>. A missing folder, a file or column the mapping names that is not
    /// there, or a file that is not CSV makes the input unusable (<see cref="BenchmarkReadResult.InputUnusable"/>),
    /// every such problem listed; bad cells and rows are problems with their file, row, column and value.
    /// </summary>
    public static BenchmarkReadResult Read(string directory, BenchmarkMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(mapping);
        var measures = mapping.Measures.Select(m => m.Measure).ToArray();
        if (!Directory.Exists(directory))
        {
            return Unusable(measures, [Problem.InFile(directory, "the folder does not exist.")]);
        }

        // Each file is read whole and dropped before the next; once the input is unusable, the remaining
        // files are only checked, so that every missing file and column is reported at once.
        var unusable = new List<Problem>();
        var observations = new List<BenchmarkObservation>();
        var diagnostics = new List<Problem>();
        foreach (var group in mapping.Measures.GroupBy(m => m.File, StringComparer.Ordinal))
        {
            if (Load(directory, group.Key, unusable) is not { } table)
            {
                continue;
            }

            var needed = group.SelectMany(m => RequiredColumns.Concat(m.Filters.Keys).Append(m.Indicator).Select(c => (Column: c, m.Measure.Id)));
            foreach (var missing in needed.Where(n => table.ColumnIndex(n.Column) < 0).GroupBy(n => n.Column, StringComparer.Ordinal))
            {
                var ids = missing.Select(n => n.Id).Distinct(StringComparer.Ordinal).ToArray();
                unusable.Add(new Problem(table.File, table.HeaderLine, missing.Key, null,
                    $"the header has no such column (needed by measure{(ids.Length == 1 ? "" : "s")} {string.Join(", ", ids)})."));
            }

            if (unusable.Count == 0)
            {
                foreach (var measure in group)
                {
                    ReadMeasure(table, measure, observations, diagnostics);
                }
            }
        }

        IReadOnlyList<StatisticalNeighbour> neighbours = [];
        if (mapping.StatisticalNeighboursFile is { } snFile && Load(directory, snFile, unusable) is { } snTable)
        {
            neighbours = StatisticalNeighbourReader.Read(snTable, unusable, diagnostics);
        }

        if (unusable.Count > 0)
        {
            return Unusable(measures, unusable);
        }

        return new BenchmarkReadResult(new BenchmarkImport(measures, DeriveRates(mapping, observations), neighbours), diagnostics);
    }

    private static BenchmarkReadResult Unusable(IReadOnlyList<BenchmarkMeasure> measures, IReadOnlyList<Problem> problems) =>
        new(new BenchmarkImport(measures, [], []), problems) { InputUnusable = true };

    /// <summary>A file the mapping names, read; null, with the problem added to <paramref name="unusable"/>, when it is missing or not CSV.</summary>
    private static DfeCsvTable? Load(string directory, string file, List<Problem> unusable)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            unusable.Add(Problem.InFile(file, $"named in the mapping but not in the folder {directory}."));
            return null;
        }

        var table = DfeCsvTable.Load(path);
        if (!table.Succeeded)
        {
            unusable.AddRange(table.Problems);
            return null;
        }

        return table.Value;
    }

    private static void ReadMeasure(
        DfeCsvTable table,
        BenchmarkMeasureMapping mapping,
        List<BenchmarkObservation> observations,
        List<Problem> diagnostics)
    {
        var id = mapping.Measure.Id;
        var filters = mapping.Filters.Select(f => (Index: table.ColumnIndex(f.Key), f.Value)).ToArray();
        var year = table.ColumnIndex("time_period");
        var level = table.ColumnIndex("geographic_level");
        var country = table.ColumnIndex("country_code");
        var countryName = table.ColumnIndex("country_name");
        var region = table.ColumnIndex("region_code");
        var regionName = table.ColumnIndex("region_name");
        var la = table.ColumnIndex("old_la_code");
        var laName = table.ColumnIndex("la_name");
        var areaName = table.ColumnIndex("geo_breakdown");
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
                    code = NonBlank(row.Cell(country), Regions.EnglandCode);
                    name = NonBlank(row.Cell(countryName), "England");
                    break;
                case "Regional":
                    geographicLevel = GeographicLevel.Regional;
                    name = NonBlank(row.Cell(regionName), row.Cell(areaName));
                    code = NonBlank(row.Cell(region), Regions.CodeOf(name) ?? "");
                    name = NonBlank(name, code);
                    break;
                case "Local authority":
                    geographicLevel = GeographicLevel.LocalAuthority;
                    code = row.Cell(la).Trim();
                    name = NonBlank(NonBlank(row.Cell(laName), row.Cell(areaName)), code);
                    regionCode = row.Cell(region).Trim() is { Length: > 0 } r ? r
                        : CouncilList.Find(code) is { } council ? council.RegionCode : null;
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
    /// <summary>
    /// The neighbours; a file without the columns old_la_code and SN_1 adds a problem to <paramref name="unusable"/>
    /// per missing column, a bad row one to <paramref name="diagnostics"/>.
    /// </summary>
    public static IReadOnlyList<StatisticalNeighbour> Read(DfeCsvTable table, List<Problem> unusable, List<Problem> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(unusable);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var missing = new[] { "old_la_code", "SN_1" }.Where(c => table.ColumnIndex(c) < 0).ToArray();
        foreach (var column in missing)
        {
            unusable.Add(new Problem(table.File, table.HeaderLine, column, null,
                "the header has no such column: a statistical neighbour model has old_la_code, SN_1 … SN_10 and SN_1P … SN_10P."));
        }

        if (missing.Length > 0)
        {
            return [];
        }

        var council = table.ColumnIndex("old_la_code");

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
