using Lodestar.Formats.Population;

namespace Lodestar.Formats.Tests.Population;

public sealed class PopulationCsvReaderTests
{
    private const string Header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,age_group,population_estimate\n";

    [Fact]
    public void Read_CouncilRow_IsFoundByNewAndOldCode()
    {
        var estimates = PopulationCsvReader.Read(Header
            + "2024,Reporting year,Local authority,E92000001,England,E12000009,South West,801,E06000023,\"Bristol, City of\",Children aged 0 to 17 years,92705\n");

        Assert.Equal(92705, estimates.Find("E06000023", 2024));
        Assert.Equal(92705, estimates.Find("801", 2024));
        Assert.Null(estimates.Find("E06000023", 2023));
    }

    [Fact]
    public void Read_SuppressedCell_IsSkippedNotZero()
    {
        var estimates = PopulationCsvReader.Read(Header
            + "2024,Reporting year,Local authority,E92000001,England,E12000009,South West,801,E06000023,Bristol,Children aged 0 to 17 years,c\n");

        Assert.Equal(0, estimates.Count);
    }

    [Fact]
    public void Read_MissingColumn_ThrowsNamingIt()
    {
        var error = Assert.Throws<FormatException>(() => PopulationCsvReader.Read("time_period,geographic_level\n2024,National\n"));

        Assert.Contains("population_estimate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_DfePublishedFile_GivesTheEngland2024Estimate()
    {
        var path = Lodestar.Testing.Repository.File("samples", "benchmarks", "dfe", "ons_mid-year_population_estimates_2012_to_2024.csv");
        var estimates = PopulationCsvReader.ReadFile(path);

        Assert.Equal(12_183_016, estimates.Find("E92000001", 2024));
        Assert.Equal(12_183_016, estimates.ForPeriodEnding("E92000001", new DateOnly(2025, 3, 31)));
    }
}
