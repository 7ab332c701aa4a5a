using System.CommandLine;
using System.Text.Json;
using Lodestar.Cli.Benchmarks;
using Lodestar.Data;
using Lodestar.Testing;

namespace Lodestar.Cli.Tests.Benchmarks;

/// <summary>One SQLite database holding the real DfE files imported with the shipped mapping, shared by the show tests.</summary>
public sealed class ImportedBenchmarks : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public int ImportExitCode { get; private set; }

    public string ImportOutput { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // Without the files every test using this fixture skips (DfeBenchmarkFiles.Folder), so there is nothing to import.
        if (DfeBenchmarkFiles.Present())
        {
            (ImportExitCode, ImportOutput) = await BenchmarksCommandTests.RunAsync(_database, "benchmarks", "import", DfeBenchmarkFiles.FolderPath());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class BenchmarksCommandTests(ImportedBenchmarks imported) : IClassFixture<ImportedBenchmarks>
{
    internal static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] args)
    {
        var output = new StringWriter();
        var root = new RootCommand { BenchmarksCommand.Create(database.CreateContext) };
        var exitCode = await root.Parse(args).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = output },
            TestContext.Current.CancellationToken);
        return (exitCode, output.ToString());
    }

    private Task<(int ExitCode, string Output)> Show(params string[] args)
    {
        DfeBenchmarkFiles.Folder();
        return RunAsync(imported.Database, ["benchmarks", "show", .. args]);
    }

    [Fact]
    public void Import_RealFolderWithDefaultMapping_PrintsCountsPerMeasure()
    {
        DfeBenchmarkFiles.Folder();

        Assert.Equal(0, imported.ImportExitCode);
        // la_cla_placement_stability.csv has 2021–2025; each year 1 national + 11 regional + 155 council rows per
        // filter pair = 167 × 5 = 835 figures. 28 of them are letters (counted with grep: z for Cumbria, Northamptonshire
        // and Isles of Scilly, c for small councils: 23 z and 5 c).
        Assert.Matches(@"cla_long_term_stability\s+835\s+28\s+2021–2025", imported.ImportOutput);
        Assert.Contains("153 councils' statistical neighbours", imported.ImportOutput, StringComparison.Ordinal);
    }

    [Theory]
    [AllDatabases]
    public async Task ImportTwiceThenShow_RealFiles_WorksOnEveryDatabase(DatabaseProvider provider)
    {
        var folder = DfeBenchmarkFiles.Folder();
        await using var database = await TestDatabase.CreateAsync(provider);

        var (first, _) = await RunAsync(database, "benchmarks", "import", folder);
        var (second, output) = await RunAsync(database, "benchmarks", "import", folder);
        var (showExit, shown) = await RunAsync(database, "benchmarks", "show", "--council", "302", "--measure", "cla_rate_per_10k", "--year", "2025", "--format", "json");

        Assert.Equal((0, 0, 0), (first, second, showExit));
        Assert.Matches(@"cla_long_term_stability\s+835\s+28\s+2021–2025", output);
        using var json = JsonDocument.Parse(shown);
        // cla_number_and_rate_per_10k_children.csv line 450: Barnet, 2025, rate_per_10000 = 37.
        Assert.Equal(37m, json.RootElement.GetProperty("council").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Show_Json_GivesEnglandRegionNeighboursRankAndQuartile()
    {
        // Barking and Dagenham by its new_la_code (samples/councils.tsv: E09000002 → 301).
        var (exitCode, output) = await Show("--council", "E09000002", "--measure", "cla_rate_per_10k", "--year", "2025", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        // cla_number_and_rate_per_10k_children.csv, 2025, "Children looked after on 31 March each year":
        // line 447 Barking and Dagenham 65; line 3 England 67.
        Assert.Equal(65m, root.GetProperty("council").GetProperty("value").GetDecimal());
        Assert.Equal(67m, root.GetProperty("england").GetProperty("value").GetDecimal());
        Assert.Equal("Outer London", root.GetProperty("region").GetProperty("name").GetString());
        // Ten neighbours' rates 46, 58, 39, 92, 73, 33, 39, 41, 72, 62 → 555 / 10.
        Assert.Equal(55.5m, root.GetProperty("statisticalNeighbours").GetProperty("average").GetDecimal());
        Assert.Equal(10, root.GetProperty("statisticalNeighbours").GetProperty("used").GetInt32());
        // 67 councils below 65 of 151 with a number → 68th, lowest first (no better direction).
        Assert.Equal(68, root.GetProperty("position").GetProperty("rank").GetInt32());
        Assert.Equal(151, root.GetProperty("position").GetProperty("of").GetInt32());
        Assert.Equal("neither", root.GetProperty("measure").GetProperty("polarity").GetString());
        Assert.Equal(2025, root.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task Show_EnglandLongTermStability2025_Is69()
    {
        // la_cla_placement_stability.csv line 2: England, living with the same carer for at least 2 years, 2025: 69.
        var (exitCode, output) = await Show("--council", "873", "--measure", "cla_long_term_stability", "--year", "2025", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(69m, json.RootElement.GetProperty("england").GetProperty("value").GetDecimal());
        Assert.Equal("higher", json.RootElement.GetProperty("measure").GetProperty("polarity").GetString());
    }

    [Fact]
    public async Task Show_SuppressedCouncil_SaysSuppressedAndHasNoRank()
    {
        // la_cla_placement_stability.csv line 403: Rutland (857), CLA on 31 March, 3 or more placements, 2025: c.
        var (exitCode, output) = await Show("--council", "857", "--measure", "cla_placements_3plus", "--year", "2025");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"Rutland\s+suppressed \(c\)", output);
        Assert.Contains("none: the council has no published figure", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Table_ListsNeighboursAndTheQuartileBand()
    {
        var (exitCode, output) = await Show("--council", "370", "--measure", "sw_agency_rate", "--year", "2025");

        Assert.Equal(0, exitCode);
        // Nine of Barnsley's ten neighbours have a figure; Sunderland's is "low" (csww line 25): 112.2 / 9 = 12.47.
        Assert.Matches(@"Statistical neighbours' average \(9 of 10\)\s+12\.47", output);
        Assert.Matches(@"Sunderland \(394\)\s+suppressed \(low\)", output);
        Assert.Matches(@"Quartile\s+[ABCD] \(boundaries", output);
    }

    [Fact]
    public async Task Show_NationalOnlyMeasure_SaysNoRowAndNamesTheNeighbours()
    {
        // national_cla_adopted_…csv has England only: 2025, stage 4, Total, 01:07 = 19 months.
        var (exitCode, output) = await Show("--council", "873", "--measure", "adoption_entry_to_placed_months", "--year", "2025");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"Cambridgeshire\s+no row", output);
        Assert.Matches(@"England\s+19", output);
        // sn_model_2025_wide.csv: Cambridgeshire's nearest neighbour is Oxfordshire (931).
        Assert.Matches(@"1  Oxfordshire \(931\)\s+no row", output);
    }

    [Theory]
    [InlineData("909")]
    [InlineData("E10000006")]
    public async Task Show_FormerCouncil_ResolvesByLaNumberOrCodeFromTheCouncilList(string council)
    {
        // cla_number_and_rate_per_10k_children.csv line 1146: Cumbria (909, E10000006), 2023, rate_per_10000 = 82;
        // Cumbria is a former council (abolished 2023-04-01), listed in samples/councils.tsv as such.
        var (exitCode, output) = await Show("--council", council, "--measure", "cla_rate_per_10k", "--year", "2023", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var row = json.RootElement.GetProperty("council");
        Assert.Equal(("909", "Cumbria", 82m), (row.GetProperty("code").GetString(), row.GetProperty("name").GetString(), row.GetProperty("value").GetDecimal()));
    }

    [Fact]
    public async Task Show_UnknownCouncil_ExitsTwoWithOneLine()
    {
        var (exitCode, output) = await Show("--council", "E99999999", "--measure", "cla_rate_per_10k", "--year", "2025");

        Assert.Equal(2, exitCode);
        Assert.Contains("Council 'E99999999' is not known", output, StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public async Task Show_YearNotStored_NamesTheStoredYears()
    {
        var (exitCode, output) = await Show("--council", "301", "--measure", "cla_rate_per_10k", "--year", "2019");

        Assert.Equal(2, exitCode);
        Assert.Contains("stored years: 2021, 2022, 2023, 2024, 2025", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_FinancialYearText_IsTheYearItEnds()
    {
        var (exitCode, output) = await Show("--council", "301", "--measure", "cla_rate_per_10k", "--year", "2024/25", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2025, json.RootElement.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task Show_YearNotAYear_ExitsTwoWithOneLine()
    {
        var (exitCode, output) = await Show("--council", "301", "--measure", "cla_rate_per_10k", "--year", "last year");

        Assert.Equal(2, exitCode);
        Assert.Contains("--year 'last year' is not a reporting year", output, StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public async Task Import_UnmappableTimePeriod_ExitsOneNamingTheCellAndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-cli-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"),
            "time_period,geographic_level,country_code,region_code,old_la_code,la_name,v\n"
            + "2025,National,E92000001,,,,12\n"
            + "2025/26,National,E92000001,,,,13\n");
        var mapping = Path.Combine(folder, "mapping.yaml");
        File.WriteAllText(mapping, "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n");

        var (exitCode, output) = await RunAsync(database, "benchmarks", "import", folder, "--mapping", mapping);
        var (showExit, _) = await RunAsync(database, "benchmarks", "show", "--council", "841", "--measure", "m", "--year", "2025");

        Assert.Equal(1, exitCode);
        Assert.Contains("f.csv, line 3, column time_period, value '2025/26'", output, StringComparison.Ordinal);
        Assert.Equal(2, showExit);
    }

    [Fact]
    public async Task Import_MissingFolder_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exitCode, output) = await RunAsync(database, "benchmarks", "import", "/nonexistent/dfe");

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadCell_ExitsOneNamingRowAndColumnAndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-cli-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"),
            "time_period,geographic_level,country_code,region_code,old_la_code,la_name,v\n"
            + "2025,National,E92000001,,,,12\n"
            + "2025,Local authority,E92000001,E12000001,841,Darlington,twelve\n");
        var mapping = Path.Combine(folder, "mapping.yaml");
        File.WriteAllText(mapping, "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n");

        var (exitCode, output) = await RunAsync(database, "benchmarks", "import", folder, "--mapping", mapping);
        var (showExit, _) = await RunAsync(database, "benchmarks", "show", "--council", "841", "--measure", "m", "--year", "2025");

        Assert.Equal(1, exitCode);
        Assert.Contains("f.csv, line 3, column v, value 'twelve'", output, StringComparison.Ordinal);
        Assert.Equal(2, showExit);
    }

    [Fact]
    public async Task Import_InvalidMapping_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-cli-").FullName;
        var mapping = Path.Combine(folder, "mapping.yaml");
        File.WriteAllText(mapping, "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: sideways }\n");

        var (exitCode, output) = await RunAsync(database, "benchmarks", "import", folder, "--mapping", mapping);

        Assert.Equal(2, exitCode);
        Assert.Contains("'polarity' must be higher, lower or neither", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MappedFileMissing_ExitsTwoNamingTheFile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-cli-").FullName;
        var mapping = Path.Combine(folder, "mapping.yaml");
        File.WriteAllText(mapping, "measures:\n  - { id: m, file: gone.csv, indicator: v, unit: count, polarity: neither }\n");

        var (exitCode, output) = await RunAsync(database, "benchmarks", "import", folder, "--mapping", mapping);

        Assert.Equal(2, exitCode);
        Assert.Contains($"gone.csv: named in the mapping but not in the folder {folder}.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MappedColumnMissing_ExitsTwoNamingFileLineAndColumn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-cli-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"), "time_period,geographic_level,country_code,value\n2025,National,E92000001,12\n");
        var mapping = Path.Combine(folder, "mapping.yaml");
        File.WriteAllText(mapping, "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n");

        var (exitCode, output) = await RunAsync(database, "benchmarks", "import", folder, "--mapping", mapping);

        Assert.Equal(2, exitCode);
        Assert.Contains("f.csv, line 1, column v: the header has no such column (needed by measure m).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BrokenMapping_ExitsTwoNamingTheLine()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-cli-").FullName;
        var mapping = Path.Combine(folder, "mapping.yaml");
        File.WriteAllText(mapping, "measures:\n  - id: m\n    colour: red\n");

        var (exitCode, output) = await RunAsync(database, "benchmarks", "import", folder, "--mapping", mapping);

        Assert.Equal(2, exitCode);
        Assert.Contains("mapping.yaml, line 3, column 5: not a valid mapping", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MappingFileMissing_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-cli-").FullName;

        var (exitCode, output) = await RunAsync(database, "benchmarks", "import", folder, "--mapping", Path.Combine(folder, "none.yaml"));

        Assert.Equal(2, exitCode);
        Assert.Contains("the mapping cannot be read", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Benchmarks_ListsImportAndShow()
    {
        var output = new StringWriter();
        var exitCode = await LodestarCommand.Create().Parse(["benchmarks", "--help"]).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = output }, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Contains("import", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("show", output.ToString(), StringComparison.Ordinal);
    }
}
