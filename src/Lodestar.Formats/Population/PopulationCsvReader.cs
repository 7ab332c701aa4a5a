using System.Globalization;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Formats.Population;

/// <summary>
/// Reads the DfE-format ONS mid-year population estimates of children aged 0–17
/// (<c>ons_mid-year_population_estimates_2012_to_2024.csv</c>: time_period, geographic_level,
/// country_code, region_code, old_la_code, new_la_code, population_estimate …) into
/// <see cref="PopulationEstimates"/>.
/// </summary>
/// <remarks>
/// Each estimate is keyed by the area's code: a council by its new_la_code (E10000003) and also its
/// old_la_code (873), a region by its region_code, England by its country_code. time_period is the
/// calendar year of the mid-year estimate. Cells holding letters (suppressed or not available) and
/// rows for other age groups are skipped: they are not zero.
/// </remarks>
public static class PopulationCsvReader
{
    private static readonly string[] Required = ["time_period", "geographic_level", "population_estimate"];

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The file lacks a required column.</exception>
    public static PopulationEstimates ReadFile(string path) => Read(File.ReadAllText(path));

    /// <summary>Reads CSV text.</summary>
    /// <exception cref="FormatException">The text lacks a required column.</exception>
    public static PopulationEstimates Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var csv = new CsvCursor(text);
        var estimates = new PopulationEstimates();
        if (!csv.Next())
        {
            return estimates;
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            columns[csv[i].Trim().ToString()] = i;
        }

        foreach (var name in Required)
        {
            if (!columns.ContainsKey(name))
            {
                throw new FormatException($"Population file: no '{name}' column (expected the DfE layout of ons_mid-year_population_estimates).");
            }
        }

        int Column(string name) => columns.TryGetValue(name, out var i) ? i : -1;
        var year = Column("time_period");
        var level = Column("geographic_level");
        var value = Column("population_estimate");
        var age = Column("age_group");
        var country = Column("country_code");
        var region = Column("region_code");
        var newLa = Column("new_la_code");
        var oldLa = Column("old_la_code");

        while (csv.Next())
        {
            string Field(int i) => i >= 0 && i < csv.FieldCount ? csv[i].Trim().ToString() : string.Empty;
            if (age >= 0 && !Field(age).Contains("0 to 17", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!int.TryParse(Field(year), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                || !long.TryParse(Field(value), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var people)
                || people <= 0)
            {
                continue;
            }

            switch (Field(level).ToUpperInvariant())
            {
                case "NATIONAL":
                    AddIfAny(Field(country));
                    break;
                case "REGIONAL":
                    AddIfAny(Field(region));
                    break;
                case "LOCAL AUTHORITY":
                    AddIfAny(Field(newLa));
                    AddIfAny(Field(oldLa));
                    break;
                default:
                    break;
            }

            void AddIfAny(string code)
            {
                if (code.Length > 0)
                {
                    estimates.Add(code, y, people);
                }
            }
        }

        return estimates;
    }
}
