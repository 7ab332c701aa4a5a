using System.CommandLine;
using Lodestar.Formats.Generation;
using Spectre.Console;

namespace Lodestar.Cli.Generate;

/// <summary><c>lodestar generate</c>: synthetic SSDA903 and CIN census returns for tests, demos and benchmarks.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder to write into (created if missing)." };
        var councils = new Option<int>("--councils") { Description = "How many councils: the first N of the DfE list.", DefaultValueFactory = _ => 1 };
        var children = new Option<int>("--children-per-council")
        {
            Description = "Children looked after at any time during the years, per council; the population is set so that about 67 in 10,000 are looked after at 31 March.",
            DefaultValueFactory = _ => 1000,
        };
        var years = new Option<int>("--years") { Description = "How many reporting years.", DefaultValueFactory = _ => 5 };
        var yearEnd = new Option<int>("--year-end") { Description = "The last reporting year (2025 = April 2024 to March 2025).", DefaultValueFactory = _ => 2025 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same arguments and seed give byte-identical files.", DefaultValueFactory = _ => 1 };
        var annexA = new Option<bool>("--annex-a") { Description = "Also write Ofsted's Annex A lists, a workbook a year: DIR/<council code>/annex_a/annex_a_<year>.xlsx." };
        var faults = new Option<bool>("--faults")
        {
            Description = "Write a fixed set of deliberate mistakes into each council's returns of the last year, one for each of 18 validation rules, "
                + "each recorded in the council's truth.json (\"faults\"), so that lodestar validate has findings to show (docs/generator.md).",
        };

        var command = new Command(
            "generate",
            "Write synthetic, internally consistent SSDA903 CSV tables, CIN census XML and a population file: DIR/<council code>/903/<table>_<year>.csv, DIR/<council code>/cin/cin_<year>.xml, DIR/population.csv; "
            + "and the invented postcode lookup and Ofsted provider list the returns' postcodes and URNs are in, for lodestar validate --postcodes and --providers: "
            + "DIR/reference/generated-postcodes.csv, DIR/reference/generated-providers.csv (readers of DIR leave them aside).")
        {
            output, councils, children, years, yearEnd, seed, annexA, faults,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (parse.GetValue(output) is not { } folder)
            {
                await stderr.WriteLineAsync("lodestar generate: --out DIR is required.");
                return 2;
            }

            GenerationOptions options;
            try
            {
                options = new GenerationOptions(
                    parse.GetValue(councils), parse.GetValue(children), parse.GetValue(years), parse.GetValue(yearEnd), parse.GetValue(seed))
                { AnnexA = parse.GetValue(annexA), Faults = parse.GetValue(faults) };
            }
            catch (ArgumentOutOfRangeException e)
            {
                await stderr.WriteLineAsync($"lodestar generate: --{OptionName(e.ParamName)} {e.ActualValue}: {e.Message.Split(" (Parameter")[0]}");
                return 2;
            }

            try
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                var result = await Task.Run(() => Run(options, folder.FullName, ReferenceEquals(stdout, Console.Out), cancellationToken), cancellationToken);
                var last = result.Councils.Sum(c => c.Years[^1].LookedAfterAt31March);
                await stdout.WriteLineAsync(
                    $"Wrote {options.Councils} council(s) × {options.Years} year(s) ({options.FirstYear}–{options.YearEnd}) to {folder.FullName} in {started.Elapsed.TotalSeconds:0.0} s; {last} children looked after at 31 March {options.YearEnd}.");
                await stdout.WriteLineAsync(
                    $"Reference lists (invented): --postcodes {Path.Combine(folder.FullName, SyntheticDataGenerator.PostcodesFile)} --providers {Path.Combine(folder.FullName, SyntheticDataGenerator.ProvidersFile)}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"lodestar generate: cannot write to {folder.FullName}: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static GenerationResult Run(GenerationOptions options, string folder, bool console, CancellationToken cancellationToken)
    {
        var interactive = console && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive || options.Councils < 2)
        {
            return SyntheticDataGenerator.Generate(options, folder, null, cancellationToken);
        }

        GenerationResult? result = null;
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask("Generating councils", maxValue: options.Councils);
            result = SyntheticDataGenerator.Generate(options, folder, _ => task.Increment(1), cancellationToken);
        });
        return result!;
    }

    private static string OptionName(string? parameter) => parameter switch
    {
        "childrenPerCouncil" => "children-per-council",
        "yearEnd" => "year-end",
        _ => parameter ?? "option",
    };
}
