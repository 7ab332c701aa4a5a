using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using Lodestar.Cli.Frameworks;
using Lodestar.Cli.Kpi;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Security;
using Lodestar.Formats.Generation;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lodestar.Cli.Tests.Frameworks;

public sealed class FrameworkCommandsTests : IAsyncLifetime
{
    private const string Yaml = """
        id: cli-test
        title: "CLI test framework"
        tag_sets:
          - id: continuum
            title: Care continuum
            tags: [{ id: PREVENT, title: Prevent }]
        measures:
          - id: rereferrals
            title: "Re-referrals within 12 months"
            number: "1"
            unit: percent
            polarity: lower_is_better
          - id: complaints
            title: "=Complaints"
            unit: count
        nodes:
          - kind: theme
            id: safe
            title: "Safe"
            measures: [rereferrals, complaints]
            intentions:
              - text: "Edge of care"
                tags: { continuum: [PREVENT] }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-cli-").FullName;
    private TestDatabase? _database;

    private TestDatabase Database => _database!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = _database.CreateContext();
        await TestUsers.AddAsync(db, ScorecardUser);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(_folder, true);
    }

    /// <summary>Whom <c>lodestar scorecard</c> acts as: every role, all councils.</summary>
    private const string ScorecardUser = "ann";

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        RunAsUserAsync(args[0] == "scorecard" ? [.. args, "--user", ScorecardUser] : args);

    private async Task<(int ExitCode, string Output, string Error)> RunAsUserAsync(params string[] args)
    {
        var root = new RootCommand("test")
        {
            FrameworkCommands.Framework(Database.CreateContext),
            FrameworkCommands.Values(Database.CreateContext),
            FrameworkCommands.Targets(Database.CreateContext),
            FrameworkCommands.Scorecard(Database.CreateContext),
        };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task FrameworkImport_GoodFile_StoresItAndSaysWhat()
    {
        var (exitCode, output, error) = await RunAsync("framework", "import", Write("f.yaml", Yaml));

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Equal("Imported framework cli-test: 1 nodes, 2 measures defined, 2 measures used.", output.Trim());
        await using var db = Database.CreateContext();
        Assert.NotNull(await new FrameworkStore(db).LoadAsync("cli-test", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FrameworkImport_FileUsingMeasuresOfALaterFile_ImportsBoth()
    {
        var user = Write("user.yaml", "id: user\ntitle: User\nnodes:\n  - { kind: theme, title: T, measures: [rereferrals] }\n");

        var (exitCode, output, error) = await RunAsync("framework", "import", user, Write("f.yaml", Yaml));

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Equal(["Imported framework cli-test: 1 nodes, 2 measures defined, 2 measures used.", "Imported framework user: 1 nodes, 0 measures defined, 1 measures used."], output.Trim().Split('\n'));
    }

    [Fact]
    public async Task FrameworkImport_OneOfSeveralRefused_StoresNone()
    {
        var broken = Write("broken.yaml", "id: broken\ntitle: Broken\nnodes:\n  - { kind: theme, title: T, measures: [nowhere] }\n");

        var (exitCode, _, error) = await RunAsync("framework", "import", Write("f.yaml", Yaml), broken);

        Assert.Equal((1, "broken.yaml: measure 'nowhere' is used but not defined in this framework or any stored one"), (exitCode, error.Trim()));
        await using var db = Database.CreateContext();
        Assert.Empty(await new FrameworkStore(db).ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FrameworkImport_BadYaml_ExitsOneWithLineAndColumn()
    {
        var (exitCode, _, error) = await RunAsync("framework", "import", Write("bad.yaml", Yaml.Replace("unit: count", "unit: furlongs", StringComparison.Ordinal)));

        Assert.Equal(1, exitCode);
        Assert.Equal("bad.yaml, line 15, column 11: 'furlongs' is not a valid unit: use count | percent | rate_per_10k | days | score | gbp | ratio | text | placements_52wk", error.Trim());
    }

    [Fact]
    public async Task FrameworkImport_MissingFile_ExitsTwo()
    {
        var (exitCode, _, error) = await RunAsync("framework", "import", Path.Combine(_folder, "none.yaml"));

        Assert.Equal(2, exitCode);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrameworkExport_Yaml_ReadsBackAsTheSameFramework()
    {
        await RunAsync("framework", "import", Write("f.yaml", Yaml));

        var (exitCode, output, _) = await RunAsync("framework", "export", "cli-test");

        Assert.Equal(0, exitCode);
        var again = Formats.Frameworks.FrameworkYaml.Read(output, "out.yaml");
        Assert.True(again.Succeeded, string.Join("\n", again.Problems));
        Assert.Equal(["rereferrals", "complaints"], again.Value.Measures.Select(m => m.Id));
    }

    [Fact]
    public async Task FrameworkExport_Xlsx_WritesFormulaLikeTitlesAsPlainStringCells()
    {
        await RunAsync("framework", "import", Write("f.yaml", Yaml));
        var path = Path.Combine(_folder, "f.xlsx");

        var (exitCode, _, _) = await RunAsync("framework", "export", "cli-test", "--format", "xlsx", "--out", path);

        Assert.Equal(0, exitCode);
        using var stream = File.OpenRead(path);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var texts = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.InlineString>()).Select(s => s.InnerText).ToList();
        Assert.Contains("=Complaints", texts);
        Assert.DoesNotContain("'=Complaints", texts);
        Assert.Empty(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()));
    }

    [Fact]
    public async Task FrameworkExport_XlsxWithoutOut_ExitsTwo()
    {
        var (exitCode, _, error) = await RunAsync("framework", "export", "cli-test", "--format", "xlsx");

        Assert.Equal((2, "--format xlsx needs --out FILE"), (exitCode, error.Trim()));
    }

    [Fact]
    public async Task FrameworkExport_UnknownId_ExitsOne()
    {
        var (exitCode, _, error) = await RunAsync("framework", "export", "nothing");

        Assert.Equal((1, "no framework with id 'nothing'"), (exitCode, error.Trim()));
    }

    [Fact]
    public async Task ValuesImport_BadRow_ExitsOneNamingRowAndColumnAndStoresNothing()
    {
        await RunAsync("framework", "import", Write("f.yaml", Yaml));

        var (exitCode, _, error) = await RunAsync("values", "import", Write("v.csv", "measure,council,period,value\nrereferrals,873,2025,14.2\ncomplaints,873,2025,twelve\n"));

        Assert.Equal((1, "v.csv, line 3, column value, value 'twelve': not a number"), (exitCode, error.Trim()));
        await using var db = Database.CreateContext();
        Assert.Empty(await new FrameworkStore(db).ValuesAsync("E10000003", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TargetsImport_StoreRefuses_ExitsOneWithTheProblemAndStoresNothing()
    {
        await RunAsync("framework", "import", Write("f.yaml", Yaml));
        var path = Write("t.csv", "measure,council,period,value\nrereferrals,873,2025,11\n");
        // The council is removed between reading the file and storing it, as another user might: the store refuses.
        var root = new RootCommand("test")
        {
            FrameworkCommands.Targets(() => new SqliteLodestarDbContext(new DbContextOptionsBuilder<SqliteLodestarDbContext>()
                .UseSqlite(Database.Options.ConnectionString)
                .AddInterceptors(new RemoveCouncilBeforeSecondLookup("E10000003"))
                .Options)),
        };
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await root.Parse(["targets", "import", path]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        Assert.Equal((1, "t.csv: unknown council 'E10000003'", ""), (exitCode, error.ToString().Trim(), output.ToString()));
        await using var db = Database.CreateContext();
        Assert.Empty(await db.Set<TargetEntity>().ToListAsync(TestContext.Current.CancellationToken));
    }

    // Deletes a council just before the second query that reads councils (the store's own check).
    private sealed class RemoveCouncilBeforeSecondLookup(string code) : DbCommandInterceptor
    {
        private int _lookups;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"councils\"", StringComparison.Ordinal) && ++_lookups == 2)
            {
                await using var delete = command.Connection!.CreateCommand();
                delete.Transaction = command.Transaction;
                delete.CommandText = $"DELETE FROM councils WHERE Code = '{code}'";
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }

    [Fact]
    public async Task Scorecard_AfterImports_ShowsRagReasonAsJsonTableAndXlsx()
    {
        await RunAsync("framework", "import", Write("f.yaml", Yaml));
        var values = await RunAsync("values", "import", Write("v.csv", "measure,council,period,value\nrereferrals,873,2025,14.2\nrereferrals,873,2024,13\ncomplaints,873,2025,12\n"));
        var targets = await RunAsync("targets", "import", Write("t.csv", "measure,council,period,value,tolerance\nrereferrals,873,2025,11,1\n"));
        Assert.Equal(("Imported 3 values from v.csv.", "Imported 1 targets from t.csv."), (values.Output.Trim(), targets.Output.Trim()));

        var json = await RunAsync("scorecard", "--framework", "cli-test", "--council", "E10000003", "--year", "2025", "--format", "json");
        var table = await RunAsync("scorecard", "--framework", "cli-test", "--council", "873", "--year", "2025");
        var xlsxPath = Path.Combine(_folder, "s.xlsx");
        var xlsx = await RunAsync("scorecard", "--framework", "cli-test", "--council", "873", "--year", "2025", "--format", "xlsx", "--out", xlsxPath);

        Assert.Equal((0, 0, 0), (json.ExitCode, table.ExitCode, xlsx.ExitCode));
        using var document = JsonDocument.Parse(json.Output);
        var row = document.RootElement.GetProperty("nodes")[0].GetProperty("measures")[0];
        Assert.Equal("red", row.GetProperty("rag").GetString());
        Assert.Equal("Red: 14.2% is 3.2 points worse than the 11% target; tolerance 1 point", row.GetProperty("reason").GetString());
        Assert.Equal("worsening", row.GetProperty("versus_last_year").GetString());
        Assert.Contains("Red: 14.2% is 3.2 points worse than the 11% target; tolerance 1 point", table.Output, StringComparison.Ordinal);
        Assert.Contains("Green 0, Amber 0, Red 1, Grey 1", table.Output, StringComparison.Ordinal);
        Assert.True(new FileInfo(xlsxPath).Length > 0);
    }

    [Fact]
    public async Task ScorecardNational_AfterImports_GivesEveryCouncilTheUserMaySeeItsRagCounts()
    {
        await RunAsync("framework", "import", Write("f.yaml", Yaml));
        // Cambridgeshire (873): 14.2% against a target of 11%, red; Barking and Dagenham: 9% against 11%, green.
        await RunAsync("values", "import", Write("v.csv", "measure,council,period,value\nrereferrals,873,2025,14.2\nrereferrals,E09000002,2025,9\ncomplaints,873,2025,12\n"));
        await RunAsync("targets", "import", Write("t.csv", "measure,council,period,value,tolerance\nrereferrals,873,2025,11,1\nrereferrals,E09000002,2025,11,1\n"));
        await using (var db = Database.CreateContext())
        {
            await TestUsers.AddAsync(db, "bob", ["E09000002"], Roles.Viewer);
        }

        var all = await RunAsync("scorecard", "national", "--framework", "cli-test", "--year", "2025");
        var bob = await RunAsUserAsync("scorecard", "national", "--framework", "cli-test", "--year", "2025", "--user", "bob");
        var json = await RunAsync("scorecard", "national", "--framework", "cli-test", "--year", "2025", "--format", "json");
        var unknown = await RunAsync("scorecard", "national", "--framework", "nowhere", "--year", "2025");

        Assert.Equal((0, ""), (all.ExitCode, all.Error));
        Assert.Equal(
            [
                "CLI test framework — 2024-25 — 2 councils",
                "",
                "E09000002  Barking and Dagenham                     Green   1, Amber   0, Red   0, Grey   1",
                "E10000003  Cambridgeshire                           Green   0, Amber   0, Red   1, Grey   1",
            ],
            all.Output.TrimEnd().Split('\n'));
        Assert.Equal(["E09000002"], bob.Output.Split('\n').Where(l => l.StartsWith('E')).Select(l => l[..9]));
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(["E09000002", "E10000003"], document.RootElement.EnumerateArray().Select(c => c.GetProperty("council").GetString()));
        Assert.Equal((1, "no framework with id 'nowhere'"), (unknown.ExitCode, unknown.Error.Trim()));
    }

    [Fact]
    public async Task Scorecard_SuppressSmall_WritesCForAShareOfFewerThanFiveChildren()
    {
        // 75% of 4: small by the DfE's rule; 60% of 5 is not, under the default threshold, but is under 6.
        await RunAsync("framework", "import", Write("f.yaml", Yaml));
        await RunAsync("values", "import", Write("v.csv", "measure,council,period,value,numerator,denominator\nrereferrals,873,2025,75,3,4\nrereferrals,873,2024,60,3,5\n"));

        var marked = await RunAsync("scorecard", "--framework", "cli-test", "--council", "873", "--year", "2025", "--format", "json");
        var suppressed = await RunAsync("scorecard", "--framework", "cli-test", "--council", "873", "--year", "2025", "--format", "json", "--suppress-small");
        var stricter = await RunAsync("scorecard", "--framework", "cli-test", "--council", "873", "--year", "2025", "--format", "json", "--suppress-small", "--small-threshold", "6");

        var row = Measure(marked.Output);
        Assert.Equal((75m, true), (row.GetProperty("value").GetDecimal(), row.GetProperty("small_number").GetBoolean()));
        row = Measure(suppressed.Output);
        Assert.Equal(("c", "c", 60m), (row.GetProperty("suppressed").GetString(), row.GetProperty("value_text").GetString(), row.GetProperty("previous").GetDecimal()));
        Assert.False(row.TryGetProperty("value", out _));
        Assert.False(Measure(stricter.Output).TryGetProperty("previous", out _));
    }

    [Fact]
    public async Task Imports_FromTheCommandLine_AreAuditedAsTheOsUser()
    {
        await RunAsync("framework", "import", Write("f.yaml", Yaml));
        await RunAsync("values", "import", Write("v.csv", "measure,council,period,value\ncomplaints,873,2025,12\n"));
        await RunAsync("targets", "import", Write("t.csv", "measure,council,period,value\nrereferrals,873,2025,11\n"));

        await using var db = Database.CreateContext();
        var entries = await db.Set<AuditEventEntity>().OrderBy(a => a.Id).Select(a => a.Actor + " " + a.Action + " " + a.Subject).ToListAsync(TestContext.Current.CancellationToken);
        var actor = $"cli:{Environment.UserName}";
        Assert.Equal([$"{actor} import framework cli-test", $"{actor} import values v.csv", $"{actor} import targets t.csv"], entries);
    }

    [Fact]
    public async Task Scorecard_WithReturnsOrConfirmedSubmissions_GivesAKpiLinkedMeasureTheValueLodestarKpiComputes()
    {
        var returns = Path.Combine(_folder, "returns");
        SyntheticDataGenerator.Generate(new GenerationOptions(councils: 1, childrenPerCouncil: 150, years: 2, yearEnd: 2025, seed: 11), returns, cancellationToken: TestContext.Current.CancellationToken);
        var council = Directory.GetDirectories(returns).Select(Path.GetFileName).Single(d => d!.StartsWith('E'))!;
        var framework = Write("k.yaml", """
            id: kpi-linked
            title: "KPI-linked"
            measures:
              - id: cla
                title: "Children looked after at 31 March"
                unit: count
                source: { kpi: cla_at_end }
            nodes:
              - { kind: theme, id: t, title: "T", measures: [cla] }
            """);
        await RunAsync("framework", "import", framework);
        var kpiOutput = new StringWriter();
        KpiCommand.Run(new KpiRequest([returns], "2025", null, null, null, null, council, "cla_at_end", "json", null), kpiOutput, new StringWriter());
        var expected = JsonDocument.Parse(kpiOutput.ToString()).RootElement[0].GetProperty("value").GetDecimal();

        var withReturns = await RunAsync("scorecard", "--framework", "kpi-linked", "--council", council, "--year", "2025", "--format", "json", "--returns", returns);
        var without = await RunAsync("scorecard", "--framework", "kpi-linked", "--council", council, "--year", "2025", "--format", "json");

        Assert.True(expected > 0);
        Assert.True(Measure(withReturns.Output).TryGetProperty("value", out var value), withReturns.Output + withReturns.Error);
        Assert.Equal(expected, value.GetDecimal());
        Assert.False(Measure(without.Output).TryGetProperty("value", out _)); // no returns, nothing confirmed: no value (null is left out)

        // The same returns confirmed as the council's submissions: without --returns the scorecard computes from them, as the web app does.
        await using (var db = Database.CreateContext())
        {
            var submissions = new Lodestar.Application.Returns.Submissions(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
            var imported = await Lodestar.Application.Returns.ReturnsFolderImport.ImportAsync(db, submissions, returns, "test", TestContext.Current.CancellationToken);
            Assert.Empty(imported.Refused);
        }

        var fromSubmissions = await RunAsync("scorecard", "--framework", "kpi-linked", "--council", council, "--year", "2025", "--format", "json");
        Assert.True(Measure(fromSubmissions.Output).TryGetProperty("value", out var stored), fromSubmissions.Output + fromSubmissions.Error);
        Assert.Equal(expected, stored.GetDecimal());
    }

    [Fact]
    public async Task Scorecard_UnknownFramework_ExitsOne()
    {
        var (exitCode, _, error) = await RunAsync("scorecard", "--framework", "nope", "--council", "873", "--year", "2025");

        Assert.Equal((1, "no framework with id 'nope'"), (exitCode, error.Trim()));
    }

    [Fact]
    public async Task Scorecard_AUserWithoutAGrantForTheCouncil_IsAnsweredAsForAnUnknownCouncil()
    {
        await RunAsync("framework", "import", Write("f.yaml", Yaml));
        await using (var db = Database.CreateContext())
        {
            await TestUsers.AddAsync(db, "bea", ["E10000015"]);
        }

        var refused = await RunAsUserAsync("scorecard", "--framework", "cli-test", "--council", "873", "--year", "2025", "--user", "bea");
        var unknown = await RunAsUserAsync("scorecard", "--framework", "cli-test", "--council", "999", "--year", "2025", "--user", "bea");
        var granted = await RunAsUserAsync("scorecard", "--framework", "cli-test", "--council", "E10000015", "--year", "2025", "--user", "bea");

        Assert.Equal((1, "", "no council with code or LA number '873'"), (refused.ExitCode, refused.Output, refused.Error.Trim()));
        Assert.Equal((1, "no council with code or LA number '999'"), (unknown.ExitCode, unknown.Error.Trim()));
        Assert.Equal((0, ""), (granted.ExitCode, granted.Error));
    }

    [Theory]
    [InlineData("--year", "2025", "--period", "2025-Q1")]
    [InlineData("--period", "2025-Q9", "--format", "table")]
    public async Task Scorecard_BadPeriodArguments_ExitTwo(string a, string b, string c, string d)
    {
        var (exitCode, _, _) = await RunAsync("scorecard", "--framework", "cli-test", "--council", "873", a, b, c, d);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task Help_RootCommand_ListsTheFrameworkCommands()
    {
        var output = new StringWriter();
        await LodestarCommand.Create().Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, TestContext.Current.CancellationToken);

        foreach (var name in new[] { "framework", "values", "targets", "scorecard" })
        {
            Assert.Contains(name, output.ToString(), StringComparison.Ordinal);
        }
    }

    private static JsonElement Measure(string scorecardJson) =>
        JsonDocument.Parse(scorecardJson).RootElement.GetProperty("nodes")[0].GetProperty("measures")[0].Clone();
}
