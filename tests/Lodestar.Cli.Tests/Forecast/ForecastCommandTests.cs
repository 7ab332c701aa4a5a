using System.Text.Json;

namespace Lodestar.Cli.Tests.Forecast;

public sealed class ForecastCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lodestar-forecast-" + Guid.NewGuid().ToString("N"));

    public ForecastCommandTests()
    {
        // Three children in in-house foster care since before the 2024 return, nobody entering or leaving:
        // the forecast is exactly three, in in_house_fostering, every month.
        var folder = Path.Combine(_root, "E10000003", "2024");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "header.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2015,WBRI,A123456789012,,\nC2,F,01/06/2012,WBRI,B123456789012,,\nC3,F,01/06/2010,WBRI,C123456789012,,\n");
        File.WriteAllText(
            Path.Combine(folder, "episodes.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "C1,01/01/2023,S,C2,N1,U4,PR1,,,,,,\n"
            + "C2,01/01/2023,S,C2,N1,U4,PR1,,,,,,\n"
            + "C3,01/01/2023,S,C2,N1,U4,PR1,,,,,,\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Forecast_Json_WritesOneRowPerMonthAndCategoryWithTheIntervals()
    {
        var (exitCode, output, _) = await RunAsync("forecast", _root, "--council", "E10000003", "--as-at", "2024-03-31", "--months", "2", "--format", "json");

        Assert.Equal(0, exitCode);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(2 * 10, rows.Count);
        var first = rows[0];
        Assert.Equal(["council", "month", "category", "forecast", "lower_80", "upper_80", "lower_95", "upper_95"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("E10000003", first.GetProperty("council").GetString());
        Assert.Equal("2024-04-30", first.GetProperty("month").GetString());
        Assert.Equal("all", first.GetProperty("category").GetString());
        Assert.Equal(3, first.GetProperty("forecast").GetDouble());
        Assert.Equal(3, first.GetProperty("lower_95").GetDouble());
        Assert.Equal(3, first.GetProperty("upper_95").GetDouble());
        Assert.Equal("in_house_fostering", rows[1].GetProperty("category").GetString());
        Assert.Equal(3, rows[1].GetProperty("forecast").GetDouble());
        Assert.Equal("2024-05-31", rows[10].GetProperty("month").GetString());
    }

    [Fact]
    public async Task Forecast_ByAgeBandJson_WritesEachBandsPlacementEquivalentsForTheYear()
    {
        var (exitCode, output, _) = await RunAsync("forecast", _root, "--council", "E10000003", "--as-at", "2024-03-31", "--months", "2", "--by", "age-band", "--format", "json");

        // April and May 2024, 61 days: C1 is 9 (5-9), C2 11 and C3 13 (10-15) throughout.
        // 5-9: 61 / 364 = 0.1676 -> 0.17; 10-15: 2 x 61 / 364 = 0.3352 -> 0.34.
        Assert.Equal(0, exitCode);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["council", "year", "age_band", "months", "forecast", "lower_80", "upper_80", "lower_95", "upper_95"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["under_1", "1_to_4", "5_to_9", "10_to_15", "16_to_17"], rows.Select(r => r.GetProperty("age_band").GetString()));
        Assert.All(rows, r => Assert.Equal("2024/25", r.GetProperty("year").GetString()));
        Assert.All(rows, r => Assert.Equal(2, r.GetProperty("months").GetInt32()));
        Assert.Equal([0, 0, 0.17, 0.34, 0], rows.Select(r => r.GetProperty("forecast").GetDouble()));
        Assert.Equal([0, 0, 0.17, 0.34, 0], rows.Select(r => r.GetProperty("upper_95").GetDouble()));
    }

    [Fact]
    public async Task Forecast_ByAgeBandTable_ShowsEachBandsChildrenAtTheLastMonthAndItsPlacementYears()
    {
        var (exitCode, output, _) = await RunAsync("forecast", _root, "--council", "E10000003", "--as-at", "2024-03-31", "--months", "10", "--by", "age-band");

        // April 2024 to January 2025, 10 month ends. C1 (born 1 January 2015) is 9 until he turns 10 on 1 January
        // 2025, so on 31 January 2025 all three are in 10-15 (C1 10, C2 12, C3 14) and none in 5-9, where C1 was
        // at the first nine month ends. 5-9: C1's April to December, 275 days / 364 = 0.755 -> 0.76;
        // 10-15: C2 and C3 all ten months (2 x 306 days) and C1's January (31): 643 / 364 = 1.766 -> 1.77.
        Assert.Equal(0, exitCode);
        Assert.Contains("children on 2025-01-31", output, StringComparison.Ordinal);
        Assert.Matches(@"age band\s+on 2025-01-31\s+2024/25 \(10 mo\)", output);
        Assert.Matches(@"5_to_9\s+0 \(0–0\)\s+0\.76 \(0\.76–0\.76\)", output);
        Assert.Matches(@"10_to_15\s+3 \(3–3\)\s+1\.77 \(1\.77–1\.77\)", output);
        Assert.Matches(@"under_1\s+0 \(0–0\)\s+0 \(0–0\)", output);
        Assert.DoesNotContain("in_house_fostering", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_ByAnUnknownBreakdown_SaysWhatItTakesAndExits2()
    {
        var (exitCode, _, error) = await RunAsync("forecast", _root, "--council", "E10000003", "--as-at", "2024-03-31", "--by", "age");

        Assert.Equal(2, exitCode);
        Assert.Contains("--by takes category or age-band (not 'age')", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_BadScenarioFile_NamesTheFileKeyAndValueAndExits2()
    {
        var scenario = Path.Combine(_root, "scenario.json");
        await File.WriteAllTextAsync(scenario, """{ "name": "Fewer entries", "from": "2024-06-01", "entry_factor": "half" }""", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await RunAsync("forecast", _root, "--council", "E10000003", "--as-at", "2024-03-31", "--scenario", scenario);

        Assert.Equal(2, exitCode);
        Assert.Contains("scenario.json, column entry_factor, value '\"half\"'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_Table_ShowsTheScenarioBesideTheBaseline()
    {
        var scenario = Path.Combine(_root, "scenario.json");
        await File.WriteAllTextAsync(scenario, """{ "name": "Everyone leaves", "from": "2024-05-01", "exit_factor": 10 }""", TestContext.Current.CancellationToken);

        var (exitCode, output, _) = await RunAsync("forecast", _root, "--council", "E10000003", "--as-at", "2024-03-31", "--months", "2", "--scenario", scenario);

        // The exit rate is 0, so even ten times it leaves everyone in care: scenario = baseline = 3.
        Assert.Equal(0, exitCode);
        Assert.Contains("Everyone leaves", output, StringComparison.Ordinal);
        Assert.Contains("2024-05-31  3         3–3           3–3           3", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await LodestarCommand.Create().Parse(args).InvokeAsync(
            new System.CommandLine.InvocationConfiguration { Output = output, Error = error },
            TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
