using System.CommandLine;
using Lodestar.Application.Imports;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Security;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Formats;
using Lodestar.Formats.Frameworks;
using Lodestar.Formats.Population;
using Lodestar.Metrics.Kpis;
using static Lodestar.Cli.CliDatabase;

namespace Lodestar.Cli.Frameworks;

/// <summary>
/// <c>lodestar framework import|export|list</c>, <c>lodestar values import</c>, <c>lodestar targets import</c>
/// and <c>lodestar scorecard</c>. Exit codes: 0 done, 1 problems in the data (nothing stored), 2 unreadable
/// input or misuse. Each command opens the database through its <c>openDatabase</c> argument
/// (<see cref="CliDatabase.Open"/> unless a test supplies one).
/// </summary>
internal static class FrameworkCommands
{
    /// <summary>The <c>framework</c> command with its subcommands.</summary>
    public static Command Framework(Func<LodestarDbContext>? openDatabase = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var command = new Command("framework", "Performance frameworks: import and export the YAML files, list what is stored.");

        var files = new Argument<FileInfo[]>("FILE") { Description = "Framework YAML files (docs/frameworks.md).", Arity = ArgumentArity.OneOrMore };
        var import = new Command(
            "import",
            "Import frameworks from YAML, replacing stored ones with the same id. Several files are imported together, in whatever order "
            + "resolves the measures they share; any problem and nothing is stored.")
        { files };
        import.SetAction(async (parse, cancel) =>
        {
            var (output, error) = Writers(parse);
            var paths = parse.GetRequiredValue(files).Select(f => f.FullName).ToList();
            foreach (var missing in paths.Where(p => !File.Exists(p)))
            {
                await error.WriteLineAsync($"{missing}: no such file");
            }

            if (paths.Any(p => !File.Exists(p)))
            {
                return 2;
            }

            await using var db = open();
            var imported = await CliImporter(db).FrameworksAsync(CliActor, paths, cancel);
            if (await Report(imported.Problems, error) is { } code)
            {
                return code;
            }

            foreach (var f in imported.Value)
            {
                await output.WriteLineAsync($"Imported framework {f.Id}: {f.Flatten().Count()} nodes, {f.Measures.Count} measures defined, {f.ReferencedMeasureIds().Count} measures used.");
            }

            return 0;
        });

        var id = new Argument<string>("ID") { Description = "The framework's id." };
        var format = new Option<string>("--format") { Description = "yaml (default) or xlsx.", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "xlsx");
        var outFile = new Option<FileInfo?>("--out") { Description = "The file to write; YAML goes to standard output without it. Required for xlsx." };
        var export = new Command("export", "Export a stored framework as YAML or XLSX.") { id, format, outFile };
        export.SetAction(async (parse, cancel) =>
        {
            var (output, error) = Writers(parse);
            var target = parse.GetValue(outFile);
            var asXlsx = parse.GetValue(format) == "xlsx";
            if (asXlsx && target is null)
            {
                await error.WriteLineAsync("--format xlsx needs --out FILE");
                return 2;
            }

            await using var db = open();
            var store = new FrameworkStore(db);
            var framework = await store.LoadAsync(parse.GetRequiredValue(id), cancel);
            if (framework is null)
            {
                await error.WriteLineAsync($"no framework with id '{parse.GetRequiredValue(id)}'");
                return 1;
            }

            if (asXlsx)
            {
                var measures = await store.MeasuresAsync(framework.ReferencedMeasureIds(), cancel);
                await using var stream = File.Create(target!.FullName);
                FrameworkXlsx.Write(stream, framework, measures);
            }
            else if (target is not null)
            {
                await File.WriteAllTextAsync(target.FullName, FrameworkYaml.Write(framework), cancel);
            }
            else
            {
                await output.WriteAsync(FrameworkYaml.Write(framework));
            }

            return 0;
        });

        var list = new Command("list", "List the stored frameworks.");
        list.SetAction(async (parse, cancel) =>
        {
            var (output, _) = Writers(parse);
            await using var db = open();
            foreach (var f in await new FrameworkStore(db).ListAsync(cancel))
            {
                await output.WriteLineAsync($"{f.Id}\t{f.Title}\t{f.Nodes} nodes\t{f.Measures} measures");
            }

            return 0;
        });

        command.Subcommands.Add(import);
        command.Subcommands.Add(export);
        command.Subcommands.Add(list);
        return command;
    }

    /// <summary>The <c>values</c> command: import periodic values from CSV or XLSX.</summary>
    public static Command Values(Func<LodestarDbContext>? openDatabase = null, TimeProvider? clock = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var time = clock ?? TimeProvider.System;
        var command = new Command("values", "Periodic values for measures that are not computed from the returns.");
        var file = new Argument<FileInfo>("FILE") { Description = "CSV or XLSX with columns measure, council, period, value [, numerator, denominator, note]." };
        var import = ImportFile(
            "Import periodic values; a value for the same measure, council and period is replaced. All or nothing.",
            file,
            "values",
            open,
            time,
            async (importer, path, cancel) =>
            {
                await using var content = File.OpenRead(path);
                return await importer.ValuesAsync(CliActor, path, content, cancellationToken: cancel);
            });
        command.Subcommands.Add(import);
        return command;
    }

    /// <summary>The <c>targets</c> command: import targets from CSV or XLSX.</summary>
    public static Command Targets(Func<LodestarDbContext>? openDatabase = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var command = new Command("targets", "Targets for measures, by council and period, with tolerances.");
        var file = new Argument<FileInfo>("FILE") { Description = "CSV or XLSX with columns measure, council, period, value [, tolerance, profile]." };
        var import = ImportFile(
            "Import targets; a target for the same measure, council and period is replaced. All or nothing.",
            file,
            "targets",
            open,
            TimeProvider.System,
            (importer, path, cancel) => importer.TargetsAsync(CliActor, path, cancel));
        command.Subcommands.Add(import);
        return command;
    }

    /// <summary>The <c>scorecard</c> command.</summary>
    public static Command Scorecard(Func<LodestarDbContext>? openDatabase = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var framework = new Option<string>("--framework") { Description = "The framework's id.", Required = true };
        var council = new Option<string>("--council") { Description = "The council's DfE code (E10000003) or LA number (873).", Required = true };
        var year = CliYear.Optional();
        var period = new Option<string?>("--period") { Description = "Any period instead of a year: 2025-Q1, 2025-03, 2024-04-01..2024-09-30." };
        var format = new Option<string>("--format") { Description = "table (default), json or xlsx.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "xlsx");
        var outFile = new Option<FileInfo?>("--out") { Description = "The file to write; standard output without it. Required for xlsx." };
        var returns = new Option<string[]>("--returns")
        {
            Description = "903 and CIN returns (files or folders) to compute the KPI-linked measures from; without it, the council's confirmed submissions, as the web app computes them.",
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = true,
        };
        var population = new Option<string?>("--population") { Description = "DfE-format ONS population CSV for rates per 10,000; default: the web app's (population.csv in the returns folder).", HelpName = "FILE" };
        var postcodes = CliReferences.PostcodesOption();
        var suppressSmall = new Option<bool>("--suppress-small")
        {
            Description = "Write figures about fewer than --small-threshold children as c, as the DfE publishes them (every output marks them small either way)",
        };
        var smallThreshold = new Option<int>("--small-threshold")
        {
            Description = "The smallest number shown with --suppress-small (default 5, the DfE's)",
            DefaultValueFactory = _ => SmallNumbers.Dfe.Threshold,
        };
        var user = CliUser.CreateOption();
        var command = new Command(
            "scorecard",
            "A framework's measures for one council and period: value, target, RAG and reason, direction of travel, and the DfE benchmarks stored. "
            + "Reads the council's stored values and targets as the --user, who needs a grant for the council.")
        {
            framework, council, year, period, format, outFile, returns, population, postcodes, suppressSmall, smallThreshold, user,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var (output, error) = Writers(parse);
            var yearValue = parse.GetValue(year);
            var periodText = parse.GetValue(period);
            if (yearValue is null == periodText is null)
            {
                await error.WriteLineAsync("give either --year YYYY or --period PERIOD");
                return 2;
            }

            Period chosen;
            if (periodText is not null)
            {
                if (!Period.TryParse(periodText, out chosen, out var periodError))
                {
                    await error.WriteLineAsync($"--period: {periodError}");
                    return 2;
                }
            }
            else
            {
                chosen = Period.ReportingYear(yearValue!.Value);
            }

            var target = parse.GetValue(outFile);
            var chosenFormat = parse.GetValue(format);
            if (chosenFormat == "xlsx" && target is null)
            {
                await error.WriteLineAsync("--format xlsx needs --out FILE");
                return 2;
            }

            if (CliUser.Required(parse, user, "scorecard") is not { } userName)
            {
                return 2;
            }

            var returnPaths = parse.GetValue(returns) ?? [];
            var populationFile = parse.GetValue(population);
            PopulationEstimates? populationEstimates;
            try
            {
                populationEstimates = populationFile is null ? null : PopulationCsvReader.ReadFile(populationFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                await error.WriteLineAsync($"--population: cannot read the population file: {e.Message}");
                return 2;
            }

            var lookup = CliReferences.LoadPostcodes(parse.GetValue(postcodes));
            if (!lookup.Succeeded)
            {
                return CliReferences.Refused(error, "scorecard", lookup.Problems);
            }

            await using var db = open();
            var store = new FrameworkStore(db);
            var frameworkId = parse.GetRequiredValue(framework);
            var councilText = parse.GetRequiredValue(council);
            // A council the user has no grant for is answered as one that does not exist.
            var allowed = await CliUser.AllowsAsync(db, userName, councilText, Roles.Viewer, cancel);
            var resolved = allowed ? await new ScorecardService(db, store, new BenchmarkStore(db), StatutoryDataStore.Empty, TimeProvider.System).CouncilAsync(councilText, cancel) : null;
            // The KPI measures' values: from the returns given, else from the council's confirmed submissions, as the web
            // app and `lodestar pack` compute them (with the web app's population estimates unless --population is given, and
            // its postcode lookup unless --postcodes is).
            var distances = lookup.Value.Postcodes?.Distances;
            var statutory = returnPaths.Length > 0
                ? StatutoryDataStore.From(StatutoryDataLoader.Load(returnPaths), new KpiOptions { Population = populationEstimates ?? PopulationEstimates.None, Distances = distances })
                : resolved is null ? StatutoryDataStore.Empty
                : StatutoryDataStore.From(
                    await ConfirmedReturns.LoadAsync(db, resolved.Code, cancel), new KpiOptions { Population = populationEstimates ?? CliDatabase.Population(), Distances = distances });
            // The one scorecard call of the web app and the API: computed KPIs and DfE benchmarks included.
            var service = new ScorecardService(db, store, new BenchmarkStore(db), statutory, TimeProvider.System);
            var built = allowed ? await service.ScorecardAsync(frameworkId, councilText, chosen, cancel) : null;
            if (built is null)
            {
                var known = (await store.ListAsync(cancel)).Any(f => f.Id == frameworkId);
                await error.WriteLineAsync(known ? $"no council with code or LA number '{councilText}'" : $"no framework with id '{frameworkId}'");
                return 1;
            }

            var rule = new SmallNumbers(parse.GetValue(smallThreshold));
            var scorecard = parse.GetValue(suppressSmall) ? rule.Suppress(built) : rule.Mark(built);
            if (chosenFormat == "xlsx")
            {
                await using var stream = File.Create(target!.FullName);
                ScorecardFormats.WriteXlsx(stream, scorecard);
                return 0;
            }

            var text = chosenFormat == "json" ? ScorecardFormats.ToJson(scorecard) + "\n" : ScorecardFormats.ToTable(scorecard);
            if (target is not null)
            {
                await File.WriteAllTextAsync(target.FullName, text, cancel);
            }
            else
            {
                await output.WriteAsync(text);
            }

            return 0;
        });
        command.Subcommands.Add(NationalScorecard(open));
        return command;
    }

    /// <summary>The <c>scorecard national</c> command: every council's scorecard from stored values and stored KPI results.</summary>
    private static Command NationalScorecard(Func<LodestarDbContext> open)
    {
        var framework = new Option<string>("--framework") { Description = "The framework's id.", Required = true };
        var year = CliYear.Required();
        var format = new Option<string>("--format") { Description = "table (default: one line per council, its RAG counts) or json (every council's scorecard).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var suppressSmall = new Option<bool>("--suppress-small") { Description = "Write figures about fewer than 5 children as c, as the DfE publishes them" };
        var user = CliUser.CreateOption();
        var command = new Command(
            "national",
            "A framework's scorecard for every council the --user may see, for one reporting year, read from stored values and the KPI results stored when returns are confirmed (no returns are read).")
        {
            framework, year, format, suppressSmall, user,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var (output, error) = Writers(parse);
            var yearValue = parse.GetValue(year);
            if (CliUser.Required(parse, user, "scorecard national") is not { } userName)
            {
                return 2;
            }

            await using var db = open();
            var allowed = await new CouncilGrants(db, TimeProvider.System).AllowedAsync(userName, cancel);
            var national = await new NationalScorecards(db, new FrameworkStore(db)).BuildAsync(parse.GetRequiredValue(framework), Period.ReportingYear(yearValue), allowed, cancel);
            if (national is null)
            {
                await error.WriteLineAsync($"no framework with id '{parse.GetRequiredValue(framework)}'");
                return 1;
            }

            var rule = SmallNumbers.Dfe;
            var councils = national.Councils.Select(c => (c.Council, Scorecard: parse.GetValue(suppressSmall) ? rule.Suppress(c.Scorecard) : rule.Mark(c.Scorecard))).ToList();
            await output.WriteAsync(parse.GetValue(format) == "json"
                ? ScorecardFormats.ToJson(councils.Select(c => c.Scorecard)) + "\n"
                : ScorecardFormats.ToCountsTable(national.FrameworkTitle, national.Period, councils.Select(c => (c.Council.Code, c.Council.Name, c.Scorecard))));
            return 0;
        });
        return command;
    }

    private static (TextWriter Output, TextWriter Error) Writers(ParseResult parse) =>
        (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);

    /// <summary>An <c>import FILE</c> subcommand over one of the importer's file imports: exit 0 stored, 1 refused, 2 unreadable.</summary>
    private static Command ImportFile(
        string description, Argument<FileInfo> file, string noun, Func<LodestarDbContext> open, TimeProvider clock,
        Func<Importer, string, CancellationToken, Task<Result<int>>> import)
    {
        var command = new Command("import", description) { file };
        command.SetAction(async (parse, cancel) =>
        {
            var (output, error) = Writers(parse);
            var path = parse.GetRequiredValue(file).FullName;
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"{path}: no such file");
                return 2;
            }

            await using var db = open();
            var stored = await import(CliImporter(db, clock), path, cancel);
            if (await Report(stored.Problems, error) is { } code)
            {
                return code;
            }

            await output.WriteLineAsync($"Imported {stored.Value} {noun} from {Path.GetFileName(path)}.");
            return 0;
        });
        return command;
    }

    private static Importer CliImporter(LodestarDbContext db, TimeProvider? clock = null) =>
        new(db, new AuditLog(db, clock ?? TimeProvider.System), clock ?? TimeProvider.System);

    // Problems in the file: exit 1, or 2 when the file could not be read at all.
    private static async Task<int?> Report(IReadOnlyList<Problem> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem.ToString());
        }

        return !problems.Any(p => p.Severity == Severity.Error) ? null
            : problems.Any(p => p.Message.StartsWith("cannot be read", StringComparison.Ordinal)) ? 2 : 1;
    }
}
