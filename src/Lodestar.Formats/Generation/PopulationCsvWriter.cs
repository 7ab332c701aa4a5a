using System.Globalization;
using System.Text;

namespace Lodestar.Formats.Generation;

/// <summary>
/// Writes population.csv in the exact layout of the DfE's ons_mid-year_population_estimates_2012_to_2024.csv: one
/// "Local authority" row per council per calendar year needed (the year before each reporting year ends).
/// </summary>
internal static class PopulationCsvWriter
{
    public const string Header =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,age_group,population_estimate";

    public static void Write(IReadOnlyList<SimCouncil> councils, string path)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        var years = councils.SelectMany(c => c.Population.Keys).Distinct().OrderDescending();
        foreach (var year in years)
        {
            foreach (var council in councils)
            {
                var c = council.Council;
                text.Append(year.ToString(CultureInfo.InvariantCulture)).Append(",Reporting year,Local authority,E92000001,England,")
                    .Append(c.RegionCode).Append(',').Append(Quote(c.Region)).Append(',')
                    .Append(c.LaNumber).Append(',').Append(c.Code).Append(',').Append(Quote(c.Name))
                    .Append(",Children aged 0 to 17 years,")
                    .Append(council.Population[year].ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        File.WriteAllText(path, text.ToString(), Ssda903CsvWriter.Utf8);
    }

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
