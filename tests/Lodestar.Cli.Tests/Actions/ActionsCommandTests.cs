using System.CommandLine;
using System.Text.Json;
using Lodestar.Cli.Actions;
using Lodestar.Data;
using Lodestar.Testing;

namespace Lodestar.Cli.Tests.Actions;

public sealed class ActionsCommandTests : IAsyncLifetime
{
    internal const string PlanYaml = """
        id: cli-plan
        title: "CLI test plan"
        council: E10000003
        as_at: 2016-03-01
        targets:
          - { measure: cla_at_end, date: 2016-04-01, value: 535 }
        outcomes:
          - number: "1"
            title: "Families are supported to stay together"
            workstreams:
              - number: "1.1"
                title: "Family CAF"
                leads: ["L. Lofting"]
                priority: urgent
                recorded_rag: red
                progress:
                  - { date: 2016-02-15, by: "L. Lofting", text: "=HYPERLINK(\"http://x\") meeting booked", rag: red }
                deliverables:
                  - { number: "1.1.1", text: "Agree the CAF target", target_end: 2016-01-31 }
                  - { number: "1.1.2", text: "Raise awareness", target_end: 2016-03-10 }
                  - { number: "1.1.3", text: "Review access", target_end: 2016-06-30, completed: 2016-02-01 }
        savings_plan:
          id: cli-savings
          title: "CLI savings"
          years: ["2016/17", "2017/18"]
          by_objective:
            - { objective: "Fewer IFA placements", bp_reference: "A/R.1", placement_types: [ifa], values_k: { "2016/17": -500, "2017/18": -100 } }
            - { objective: "Inflation", values_k: { "2016/17": -50 } }
          stated_totals_k: { "2016/17": -550, "2017/18": -100 }
          by_placement_type:
            - { placement_type: ifa, label: "Independent fostering", bp_savings_k: -400, budget_transfers_k: -100 }
          stated_placement_total_k: { bp_savings: -400, budget_transfers: -100, total: -500 }
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
    public async Task Import_ValidPlan_StoresItAndSaysWhat()
    {
        var (exitCode, output, error) = await RunAsync("actions", "import", WriteFile("plan.yaml", PlanYaml));

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        Assert.Contains("Imported action plan cli-plan: 1 outcomes, 1 workstreams, 3 deliverables.", output, StringComparison.Ordinal);
        Assert.Contains("Imported savings plan cli-savings: 2 objectives, 1 placement types.", output, StringComparison.Ordinal);
        Assert.Contains("1 new history entries.", output, StringComparison.Ordinal);

        var again = await RunAsync("actions", "import", WriteFile("plan.yaml", PlanYaml));
        Assert.Contains("Updated action plan cli-plan", again.Output, StringComparison.Ordinal);
        Assert.Contains("0 new history entries.", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FileWithErrors_ListsThemWithPositionsAndStoresNothing()
    {
        var path = WriteFile("bad.yaml", PlanYaml.Replace("target_end: 2016-01-31", "target_end: Jan-16", StringComparison.Ordinal).Replace("priority: urgent", "priority: asap", StringComparison.Ordinal));

        var (exitCode, _, error) = await RunAsync("actions", "import", path);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}, line 14,", error, StringComparison.Ordinal);
        Assert.Contains($"{path}, line 19,", error, StringComparison.Ordinal);
        Assert.Contains("2 error(s); nothing was imported.", error, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("actions", "status", "cli-plan", "--as-at", "2016-03-01")).ExitCode);
    }

    [Fact]
    public async Task Import_MissingFile_IsMisuse()
    {
        var (exitCode, _, error) = await RunAsync("actions", "import", Path.Combine(_folder, "nothing.yaml"));

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Status_Table_ShowsRagCountsAndOverdue()
    {
        await RunAsync("actions", "import", WriteFile("plan.yaml", PlanYaml));

        var (exitCode, output, _) = await RunAsync("actions", "status", "cli-plan", "--as-at", "2016-03-01");

        Assert.Equal(0, exitCode);
        Assert.Contains("CLI test plan (cli-plan) as at 2016-03-01: Red", output, StringComparison.Ordinal);
        Assert.Contains("Deliverables: Blue 1, Green 0, Amber 1, Red 1 (warning window 28 days)", output, StringComparison.Ordinal);
        Assert.Contains("Overdue (1):", output, StringComparison.Ordinal);
        Assert.Matches(@"1\.1\.1\s+Agree the CAF target\s+L\. Lofting\s+2016-01-31\s+30\s+Red", output);
    }

    [Fact]
    public async Task Status_Json_GivesCountsByRagAndPriority()
    {
        await RunAsync("actions", "import", WriteFile("plan.yaml", PlanYaml));

        // Without --as-at the plan's own as_at date (2016-03-01) is used.
        var (exitCode, output, _) = await RunAsync("actions", "status", "cli-plan", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2016-03-01", root.GetProperty("as_at").GetString());
        Assert.Equal("red", root.GetProperty("rag").GetString());
        Assert.Equal(1, root.GetProperty("deliverables_by_rag").GetProperty("amber").GetInt32());
        var urgent = root.GetProperty("deliverables_by_priority")[0];
        Assert.Equal(("urgent", 3), (urgent.GetProperty("priority").GetString(), urgent.GetProperty("total").GetInt32()));
        Assert.Equal(30, root.GetProperty("overdue")[0].GetProperty("days_overdue").GetInt32());
    }

    [Fact]
    public async Task Status_DatabaseMisconfigured_FailsWithOneLineNotAStackTrace()
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(ActionsCommand.Create(() => throw new InvalidOperationException("Lodestar:Database:Provider 'oracle' is not known.")));
        var error = new StringWriter();

        var exitCode = await root.Parse(["actions", "status", "cli-plan"]).InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error }, Cancel);

        Assert.Equal((2, "lodestar: Lodestar:Database:Provider 'oracle' is not known."), (exitCode, error.ToString().Trim()));
    }

    [Fact]
    public async Task Status_UnknownPlanOrBadDate_FailsWithOneLine()
    {
        var unknown = await RunAsync("actions", "status", "no-such-plan", "--as-at", "2016-03-01");
        Assert.Equal((2, "lodestar: no action plan 'no-such-plan'."), (unknown.ExitCode, unknown.Error.Trim()));

        var badDate = await RunAsync("actions", "status", "cli-plan", "--as-at", "01/03/2016");
        Assert.Equal((2, "lodestar: --as-at '01/03/2016' is not a date YYYY-MM-DD."), (badDate.ExitCode, badDate.Error.Trim()));
    }

    [Fact]
    public async Task Export_Yaml_ImportsBackToTheSamePlan()
    {
        await RunAsync("actions", "import", WriteFile("plan.yaml", PlanYaml));

        var exported = await RunAsync("actions", "export", "cli-plan");
        Assert.Equal(0, exported.ExitCode);
        Assert.Contains("savings_plan:", exported.Output, StringComparison.Ordinal);

        var reimported = await RunAsync("actions", "import", WriteFile("exported.yaml", exported.Output));
        Assert.Equal(0, reimported.ExitCode);
        Assert.Contains("0 new history entries.", reimported.Output, StringComparison.Ordinal);
        Assert.Equal(exported.Output, (await RunAsync("actions", "export", "cli-plan")).Output);
    }

    [Fact]
    public async Task Export_Xlsx_WritesFormulaLikeTextAsPlainStringCells()
    {
        await RunAsync("actions", "import", WriteFile("plan.yaml", PlanYaml));
        var path = Path.Combine(_folder, "plan.xlsx");

        var noOutput = await RunAsync("actions", "export", "cli-plan", "--format", "xlsx");
        var (exitCode, _, _) = await RunAsync("actions", "export", "cli-plan", "--format", "xlsx", "--output", path);

        Assert.Equal((2, "lodestar: --format xlsx needs --output FILE."), (noOutput.ExitCode, noOutput.Error.Trim()));
        Assert.Equal(0, exitCode);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var sheets = document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Deliverables", "Progress", "Overrides", "Targets", "Savings by objective", "Savings by placement type", "Reconciliation"], sheets);
        var texts = document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.InlineString>()).Select(s => s.InnerText).ToList();
        Assert.Contains("=HYPERLINK(\"http://x\") meeting booked", texts);
        Assert.Empty(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()));
    }
}
