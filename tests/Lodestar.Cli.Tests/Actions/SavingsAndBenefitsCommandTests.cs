using System.CommandLine;
using System.Text.Json;
using Lodestar.Cli.Actions;
using Lodestar.Data;
using Lodestar.Testing;

namespace Lodestar.Cli.Tests.Actions;

public sealed class SavingsAndBenefitsCommandTests : IAsyncLifetime
{
    private const string RegisterYaml = """
        id: leeds-ld-benefits
        title: "Benefits"
        source: "seeds/000"
        benefits:
          - id: residential-cost-reduction
            description: "At least 35% reduction in residential placement costs"
            financial: true
            timing: "Two years"
            baseline: "£2,312,659"
            baseline_value: 2312659
            target: "A saving of £270K per year"
            value_per_year: 270000
            confidence_percent: 75
            realised: [ { date: 2017-03-31, value: 120000 } ]
          - id: family-functioning
            description: "Improved family functioning"
            timing: "One year"
            confidence_percent: 100
        """;

    // 2016/17 in full against 2015/16: IFA 150 against 160 at £45,000 (the illustrative 2016/17 unit cost).
    private const string ActualsYaml = """
        baseline: { from: 2015-04-01, to: 2016-03-31, placements_52wk: { ifa: 160 } }
        period: { from: 2016-04-01, to: 2017-03-31, placements_52wk: { ifa: 150 } }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lodestar-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
    }

    public async ValueTask DisposeAsync()
    {
        await _database!.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(ActionsCommand.Create(_database!.CreateContext));
        root.Subcommands.Add(SavingsCommand.Create(_database.CreateContext));
        root.Subcommands.Add(BenefitsCommand.Create(_database.CreateContext));
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Cancel);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task SavingsReport_PlanAddsUp_ShowsTotalsAndExitsZero()
    {
        await RunAsync("actions", "import", WriteFile("plan.yaml", ActionsCommandTests.PlanYaml));

        var (exitCode, output, error) = await RunAsync("savings", "report", "cli-plan");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Matches(@"Total\s+-550", output);
        Assert.Contains("2017/18 by objective:", output, StringComparison.Ordinal);
        Assert.Contains("Reconciliation: every stated total agrees.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingsReport_WrongStatedTotal_ReportsTheLineAndExitsOne()
    {
        await RunAsync("actions", "import", WriteFile("plan.yaml", ActionsCommandTests.PlanYaml.Replace("\"2016/17\": -550", "\"2016/17\": -560", StringComparison.Ordinal)));

        var (exitCode, _, error) = await RunAsync("savings", "report", "cli-savings");

        Assert.Equal(1, exitCode);
        Assert.Equal("lodestar: Total by objective, 2016/17: stated -560 £k but the lines add up to -550 £k.", error.Trim());
    }

    [Fact]
    public async Task SavingsReport_Returns_TakesThe52WeekPlacementsFromThe903Data()
    {
        // One child in agency fostering (U5, PR4) from 1 April 2023, still there: the 2023/24 baseline is
        // 366 days (a leap year) = 366/364 placements; 1 April–30 September 2024 is 183 days = 183/364.
        // At the illustrative 2024/25 IFA unit cost of £52,710: delivered (183/364 − 366/364 × 183/365) × 52,710.
        var returns = Directory.CreateDirectory(Path.Combine(_folder, "E10000003", "903")).FullName;
        // The 2023/24 and 2024/25 returns: both years are needed, each carrying the open episode.
        foreach (var year in new[] { 2024, 2025 })
        {
            WriteFile(Path.Combine(returns, $"header_{year}.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2012,WBRI,A123456789012,,\n");
            WriteFile(Path.Combine(returns, $"episodes_{year}.csv"), "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nC1,01/04/2023,S,C2,N1,U5,PR4,,,,AB1 2CD,EF3 4GH,SC123456\n");
        }

        await RunAsync("actions", "import", WriteFile("plan.yaml", ActionsCommandTests.PlanYaml));

        var (exitCode, output, error) = await RunAsync(
            "savings", "report", "cli-savings", "--format", "json", "--returns", _folder, "--baseline", "2024", "--to", "2024-09-30");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var model = json.RootElement.GetProperty("cost_model");
        Assert.Equal(("2024/25", "2023/24"), (model.GetProperty("year").GetString(), model.GetProperty("baseline_year").GetString()));
        var ifa = model.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "ifa");
        var expected = (183m / 364m - (366m / 364m * 183m / 365m)) * 52_710m;
        Assert.Equal(expected, ifa.GetProperty("delivered_savings").GetDecimal(), 1);
    }

    [Fact]
    public async Task SavingsReport_ReturnsWithoutBaseline_ExitsTwoSayingWhatIsMissing()
    {
        await RunAsync("actions", "import", WriteFile("plan.yaml", ActionsCommandTests.PlanYaml));

        var (exitCode, _, error) = await RunAsync("savings", "report", "cli-savings", "--returns", _folder);

        Assert.Equal(2, exitCode);
        Assert.Contains("--baseline", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingsReport_YearAndActuals_ShowsDeliveredAndForecastForThatYear()
    {
        await RunAsync("actions", "import", WriteFile("plan.yaml", ActionsCommandTests.PlanYaml));

        var (exitCode, output, _) = await RunAsync("savings", "report", "cli-savings", "--year", "2017", "--format", "json", "--actuals", WriteFile("actuals.yaml", ActualsYaml));

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var year = Assert.Single(json.RootElement.GetProperty("years").EnumerateArray());
        Assert.Equal("2016/17", year.GetProperty("year").GetString());
        // (150 − 160) × £45,000 = −£450,000 = −450 £k, against a plan of −500 £k.
        var ifa = year.GetProperty("by_objective")[0];
        Assert.Equal((-500m, -450m, -450m), (ifa.GetProperty("plan_k").GetDecimal(), ifa.GetProperty("delivered_k").GetDecimal(), ifa.GetProperty("forecast_k").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, year.GetProperty("by_objective")[1].GetProperty("delivered_k").ValueKind);
    }

    [Fact]
    public async Task SavingsReport_YearNotInPlan_IsMisuse()
    {
        await RunAsync("actions", "import", WriteFile("plan.yaml", ActionsCommandTests.PlanYaml));

        var (exitCode, _, error) = await RunAsync("savings", "report", "cli-savings", "--year", "2030/31");

        Assert.Equal(2, exitCode);
        Assert.Contains("no year 2030/31", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenefitsReport_Json_GivesRiskAdjustedValues()
    {
        Assert.Equal(0, (await RunAsync("actions", "import", WriteFile("benefits.yaml", RegisterYaml))).ExitCode);

        var (exitCode, output, _) = await RunAsync("benefits", "report", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var register = Assert.Single(json.RootElement.EnumerateArray());
        // 270,000 × 75% = 202,500; the non-financial benefit adds nothing.
        Assert.Equal(202_500m, register.GetProperty("risk_adjusted_value_per_year").GetDecimal());
        Assert.Equal(120_000m, register.GetProperty("realised_to_date").GetDecimal());
        Assert.Equal(2, register.GetProperty("benefits").GetArrayLength());
    }

    [Fact]
    public async Task BenefitsReport_Table_ListsEachBenefit()
    {
        await RunAsync("actions", "import", WriteFile("benefits.yaml", RegisterYaml));

        var (exitCode, output, _) = await RunAsync("benefits", "report");

        Assert.Equal(0, exitCode);
        Assert.Contains("Benefits (leeds-ld-benefits): £270,000 a year, £202,500 risk-adjusted, £120,000 realised", output, StringComparison.Ordinal);
        Assert.Contains("Improved family functioning", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_Xlsx_WriteWorkbooks()
    {
        await RunAsync("actions", "import", WriteFile("plan.yaml", ActionsCommandTests.PlanYaml));
        await RunAsync("actions", "import", WriteFile("benefits.yaml", RegisterYaml));
        var (savingsFile, benefitsFile) = (Path.Combine(_folder, "savings.xlsx"), Path.Combine(_folder, "benefits.xlsx"));

        var savings = await RunAsync("savings", "report", "cli-plan", "--format", "xlsx", "--output", savingsFile);
        var benefits = await RunAsync("benefits", "report", "--format", "xlsx", "-o", benefitsFile);

        Assert.Equal((0, 0), (savings.ExitCode, benefits.ExitCode));
        using var savingsBook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(savingsFile, false);
        Assert.Equal(3, savingsBook.WorkbookPart!.WorksheetParts.Count());
        using var benefitsBook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(benefitsFile, false);
        // A header row and one row per benefit.
        Assert.Equal(3, benefitsBook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
    }

    [Fact]
    public async Task Root_Help_ListsTheCommands()
    {
        var output = new StringWriter();
        var exitCode = await LodestarCommand.Create().Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, Cancel);

        Assert.Equal(0, exitCode);
        Assert.Contains("actions", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("savings", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("benefits", output.ToString(), StringComparison.Ordinal);
    }
}
