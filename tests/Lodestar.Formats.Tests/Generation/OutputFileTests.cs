using System.Security.Cryptography;
using Lodestar.Domain.Councils;
using Lodestar.Formats.Generation;

namespace Lodestar.Formats.Tests.Generation;

public sealed class OutputFileTests
{
    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    [Fact]
    public void Generate_SameOptionsTwice_WritesByteIdenticalFiles()
    {
        var options = new GenerationOptions(councils: 3, childrenPerCouncil: 150, years: 3, yearEnd: 2025, seed: 42) { AnnexA = true };
        using var first = new GeneratedFiles(options);
        using var second = new GeneratedFiles(options);

        var firstHashes = Hashes(first.Folder);
        // Per council: 10 tables × 3 years, SWEpisodes for 2024 and 2025, 3 census files, 3 Annex A workbooks, truth.json; then
        // population.csv and the two reference lists.
        Assert.Equal((3 * ((10 * 3) + 2 + 3 + 3 + 1)) + 1 + 2, firstHashes.Count);
        Assert.Equal(firstHashes, Hashes(second.Folder));
    }

    [Fact]
    public void Generate_AnotherSeed_WritesDifferentEpisodes()
    {
        using var first = new GeneratedFiles(new GenerationOptions(1, 100, 1, 2025, seed: 1));
        using var second = new GeneratedFiles(new GenerationOptions(1, 100, 1, 2025, seed: 2));

        Assert.NotEqual(
            File.ReadAllText(first.TablePath(first.FirstCouncil, "episodes", 2025)),
            File.ReadAllText(second.TablePath(second.FirstCouncil, "episodes", 2025)));
    }

    [Fact]
    public void Generate_FirstNCouncils_UsesTheDfECodesAsFolderNames()
    {
        using var files = new GeneratedFiles(new GenerationOptions(2, 50, 1, 2025, 1));

        var folders = Directory.GetDirectories(files.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["E09000002", "E09000003", "reference"], folders);
        Assert.True(File.Exists(Path.Combine(files.Folder, "E09000002", "cin", "cin_2025.xml")));
        Assert.True(File.Exists(Path.Combine(files.Folder, "E09000002", "truth.json")));
    }

    [Fact]
    public void PopulationFile_HasTheDfELayout_OneRowPerCouncilPerCalendarYear()
    {
        using var files = new GeneratedFiles(new GenerationOptions(2, 50, 3, 2025, 1));

        var lines = File.ReadAllLines(Path.Combine(files.Folder, "population.csv"));

        Assert.Equal(
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,age_group,population_estimate",
            lines[0]);
        Assert.Equal(1 + (2 * 3), lines.Length);
        Assert.Matches(
            "^2024,Reporting year,Local authority,E92000001,England,E13000002,Outer London,301,E09000002,Barking and Dagenham,Children aged 0 to 17 years,[0-9]+$",
            lines[1]);
        Assert.Equal(["2024", "2024", "2023", "2023", "2022", "2022"], lines.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void PopulationFile_CouncilNameWithAComma_IsQuoted()
    {
        var index = CouncilList.Current.ToList().FindIndex(c => c.Name.Contains(',', StringComparison.Ordinal));
        Assert.True(index >= 0);
        using var files = new GeneratedFiles(new GenerationOptions(index + 1, 10, 1, 2025, 1));

        var line = File.ReadAllLines(Path.Combine(files.Folder, "population.csv")).Single(l => l.Contains(CouncilList.Current[index].Code, StringComparison.Ordinal));

        Assert.Contains($",\"{CouncilList.Current[index].Name}\",", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ZeroCouncils_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GenerationOptions(councils: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GenerationOptions(councils: CouncilList.Current.Count + 1));
    }

    [Fact]
    public void Simulate_WithoutFiles_GivesTheSameGroundTruthAsGenerate()
    {
        var options = new GenerationOptions(2, 120, 2, 2024, seed: 5);
        using var files = new GeneratedFiles(options);

        var simulated = SyntheticDataGenerator.Simulate(options);

        Assert.Equal(files.Result.Councils.Count, simulated.Councils.Count);
        for (var i = 0; i < simulated.Councils.Count; i++)
        {
            Assert.Equal(files.Result.Councils[i].Years, simulated.Councils[i].Years);
        }
    }

    [Fact]
    public void Generate_WithProgress_ReportsEachCouncilOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lodestar-generate-tests", Guid.NewGuid().ToString("N"));
        var done = new System.Collections.Concurrent.ConcurrentBag<string>();
        try
        {
            SyntheticDataGenerator.Generate(new GenerationOptions(4, 20, 1, 2025, 1), folder, done.Add, TestContext.Current.CancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.Equal(CouncilList.Current.Take(4).Select(c => c.Code).Order(StringComparer.Ordinal), done.Order(StringComparer.Ordinal));
    }
}
