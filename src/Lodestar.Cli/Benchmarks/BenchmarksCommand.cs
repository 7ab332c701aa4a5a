using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lodestar.Application.Benchmarks;
using Lodestar.Application.Imports;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Benchmarks;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Periods;

namespace Lodestar.Cli.Benchmarks;

/// <summary>
/// <c>lodestar benchmarks import DIR [--mapping FILE]</c> and
/// <c>lodestar benchmarks show --council CODE --measure ID --year YYYY [--format json|table]</c>.
/// </summary>
internal static class BenchmarksCommand
{
    /// <summary>The mapping used when --mapping is not given, relative to the working folder or the program.</summary>
    public const string DefaultMapping = "samples/benchmarks/mapping.yaml";

    private const int DataErrors = 1;
    private const int Misuse = 2;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <param name="openDatabase">Opens the database; the configured one (<see cref="CliDatabase.Open"/>) by default.</param>
    public static Command Create(Func<LodestarDbContext>? openDatabase = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var command = new Command("benchmarks", "Import the DfE's published figures and compare a council with England, its region, its statistical neighbours and all councils.");
        command.Subcommands.Add(Import(open));
        command.Subcommands.Add(Show(open));
        return command;
    }

    private static Command Import(Func<LodestarDbContext> open)
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "The folder of DfE \"explore education statistics\" CSVs." };
        var mapping = new Option<FileInfo>("--mapping") { Description = $"The mapping from files to measures (default {DefaultMapping})." };
        var command = new Command("import", "Read the DfE CSVs in DIR through the mapping and store them, all or nothing; a measure-year already stored is replaced.")
        {
            folder,
            mapping,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var mappingPath = parse.GetValue(mapping)?.FullName ?? FindDefaultMapping();
            if (mappingPath is null)
            {
                await error.WriteLineAsync($"No mapping given and {DefaultMapping} is not in {Environment.CurrentDirectory}: pass --mapping FILE.");
                return Misuse;
            }

            await using var db = open();
            var outcome = await new Importer(db, new AuditLog(db, TimeProvider.System), TimeProvider.System)
                .BenchmarksAsync(CliDatabase.CliActor, parse.GetValue(folder)!.FullName, mappingPath, cancellationToken);
            var imported = outcome.Result;
            if (!imported.Succeeded)
            {
                foreach (var problem in imported.Problems.Take(50))
                {
                    await error.WriteLineAsync(problem.ToString());
                }

                if (imported.Problems.Count > 50)
                {
                    await error.WriteLineAsync($"… and {imported.Problems.Count - 50} more.");
                }

                if (outcome.InputUnusable)
                {
                    await error.WriteLineAsync("Nothing was imported: the input cannot be used.");
                    return Misuse;
                }

                await error.WriteLineAsync($"Nothing was imported: {imported.Problems.Count} problem(s).");
                return DataErrors;
            }

            var counts = imported.Value.Counts;
            var width = Math.Max("measure".Length, counts.Count == 0 ? 0 : counts.Max(c => c.MeasureId.Length));
            await output.WriteLineAsync($"{"measure".PadRight(width)}  figures  suppressed  years");
            foreach (var count in counts)
            {
                var years = count.Years.Count == 1 ? count.Years[0].ToString(CultureInfo.InvariantCulture) : $"{count.Years[0]}–{count.Years[^1]}";
                await output.WriteLineAsync($"{count.MeasureId.PadRight(width)}  {count.Figures,7}  {count.Suppressed,10}  {years}");
            }

            await output.WriteLineAsync(
                $"Imported {counts.Sum(c => c.Figures)} figures for {counts.Count} measures"
                + (imported.Value.NeighbourCouncils > 0
                    ? $" and {imported.Value.NeighbourCouncils} councils' statistical neighbours."
                    : "."));
            return 0;
        });
        return command;
    }

    private static Command Show(Func<LodestarDbContext> open)
    {
        var council = new Option<string>("--council") { Description = "The council: old_la_code (e.g. 873) or new_la_code (e.g. E10000003).", Required = true };
        var measure = new Option<string>("--measure") { Description = "The measure id, e.g. cla_rate_per_10k.", Required = true };
        var year = new Option<string>("--year") { Description = "The DfE reporting year: 2025 (or 2024/25) is 2024-04-01 to 2025-03-31.", Required = true };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("show", "Compare a council's figure for a measure and year with England, its region, its statistical neighbours' average, and its rank and quartile among all councils.")
        {
            council,
            measure,
            year,
            format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var measureId = parse.GetValue(measure)!.Trim();
            var yearText = parse.GetValue(year)!.Trim();
            if (!Period.TryParseYear(yearText, out var reportingYear))
            {
                await error.WriteLineAsync($"--year '{yearText}' is not a reporting year: give 2025 (or 2024/25) for 2024-04-01 to 2025-03-31.");
                return Misuse;
            }

            var yearLabel = reportingYear.ReportingYearLabel;
            await using var db = open();
            var store = new BenchmarkStore(db);
            var resolved = CouncilList.Find(parse.GetValue(council));
            if (resolved is null)
            {
                await error.WriteLineAsync($"Council '{parse.GetValue(council)}' is not known: give its old_la_code (e.g. 873) or new_la_code (e.g. E10000003).");
                return Misuse;
            }

            var definition = await store.FindMeasureAsync(measureId, cancellationToken);
            if (definition is null)
            {
                await error.WriteLineAsync($"Measure '{measureId}' has no benchmarks: run `lodestar benchmarks import DIR` first, or check the id in the mapping.");
                return Misuse;
            }

            var years = await store.YearsAsync(measureId, cancellationToken);
            if (!years.Contains(yearLabel))
            {
                await error.WriteLineAsync($"Measure '{measureId}' has no figures for {yearLabel}; stored years: {(years.Count == 0 ? "none" : string.Join(", ", years))}.");
                return Misuse;
            }

            var comparison = (await store.CompareAsync(resolved.LaNumber, measureId, yearLabel, cancellationToken))!;
            var response = BenchmarkResponse.From(definition, resolved, comparison);
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(response, Json));
            }
            else
            {
                await output.WriteAsync(BenchmarkTable.Render(response));
            }

            return 0;
        });
        return command;
    }

    /// <summary>The default mapping's path, or null when it is in neither place.</summary>
    private static string? FindDefaultMapping()
    {
        var here = Path.GetFullPath(DefaultMapping);
        if (File.Exists(here))
        {
            return here;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, DefaultMapping);
        return File.Exists(beside) ? beside : null;
    }

    internal static string Format(decimal? value) =>
        value is { } v ? Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "";
}
