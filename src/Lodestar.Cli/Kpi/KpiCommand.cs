using System.CommandLine;
using Lodestar.Application.Kpis;
using Lodestar.Application.Returns;
using Lodestar.Cli.Actions;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Data.Security;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Formats;
using Lodestar.Formats.Population;
using Lodestar.Formats.Validation;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Cli.Kpi;

/// <summary>
/// <c>lodestar kpi [PATH...] (--year YYYY | --from D --to D | --series month|quarter|year --from D --to D)
/// [--population FILE] [--postcodes FILE] [--council CODE] [--kpi ID[,ID...]] [--format json|csv|table] [--validate] [--explain ID]</c>:
/// reads the returns council by council (only those the KPIs asked for need), computes the KPIs and writes them as
/// each council is done; with <c>--validate</c> it also runs every validation rule, as <c>lodestar validate</c> does (with the
/// postcode lookup below and the provider list of the setting <c>Lodestar:Reference:Providers</c>). With no PATH,
/// computes from the <c>--council</c>'s confirmed submissions in the database, read as the web app reads
/// them (<see cref="ConfirmedReturns"/>), as the Lodestar user of <c>--user</c> (or <c>LODESTAR_USER</c>), who
/// needs a grant for the council (and the child-level role for <c>--explain</c>, which is then audited as
/// <c>cli:USER</c>); without them the council is answered as one with no confirmed submission. cla_placed_20_miles is
/// computed with the postcode lookup of <c>--postcodes</c>, else of the setting <c>Lodestar:Reference:Postcodes</c> (as the
/// web app computes it); with neither it has no value.
/// </summary>
/// <remarks>
/// Exit codes: 0 computed from clean data; 1 computed, but the data had errors (found reading it, or with
/// --validate by any rule; counted on stderr;
/// the affected records are handled as docs/kpis.md says); 2 misuse, nothing readable, or (no PATH) no
/// council given or no confirmed submission for it.
/// </remarks>
internal static class KpiCommand
{
    public static Command Create(Func<LodestarDbContext>? openDatabase = null, TimeProvider? clock = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var time = clock ?? TimeProvider.System;
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders of 903 CSV/XML and CIN census XML returns; none: the --council's confirmed submissions in the database",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var year = new Option<string?>("--year") { Description = "A DfE reporting year: 2025 = 2024-04-01 to 2025-03-31", HelpName = "YYYY" };
        var from = new Option<string?>("--from") { Description = "First day (with --to, or the start of a --series)", HelpName = "YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Last day", HelpName = "YYYY-MM-DD" };
        var series = new Option<string?>("--series")
        {
            Description = "A series of periods from --from to --to: month, quarter (financial), year (reporting years), ytd (the reporting year to each month end) or rolling12 (the 12 months to each month end); KPIs that make no sense in that kind are refused (docs/kpis.md)",
            HelpName = KpiPeriodQuery.SeriesKinds,
        };
        var population = new Option<string?>("--population") { Description = "DfE-format ONS population CSV for the rates per 10,000", HelpName = "FILE" };
        var postcodes = CliReferences.PostcodesOption();
        var council = new Option<string?>("--council") { Description = "Only this council (also the council of files not in a council-named folder); required with no PATH", HelpName = "CODE" };
        var kpi = new Option<string?>("--kpi") { Description = "Only these KPIs (comma-separated ids)", HelpName = "ID[,ID...]" };
        var format = new Option<string>("--format") { Description = "Output: json, csv or table", DefaultValueFactory = _ => "json", HelpName = "json|csv|table" };
        var suppress = new Option<bool>("--suppress-small")
        {
            Description = "Write figures about fewer than --small-threshold children as c, with no numerator or denominator, as the DfE publishes (every result says small_number either way)",
        };
        var threshold = new Option<int>("--small-threshold")
        {
            Description = "The smallest number shown: counts, and the denominators of percentages and means, below it are small",
            DefaultValueFactory = _ => SmallNumbers.Dfe.Threshold,
            HelpName = "N",
        };
        var validate = new Option<bool>("--validate")
        {
            Description = "Also run every validation rule over the files (as lodestar validate does, with the postcode lookup of --postcodes and the provider list of the setting Lodestar__Reference__Providers) and count its errors and warnings; without it only what reading finds is counted (the KPIs are the same either way)",
        };
        var explain = new Option<string?>("--explain") { Description = "Explain this KPI: the children in its numerator and denominator, and why", HelpName = "ID" };
        var user = CliUser.CreateOption();
        user.Description = $"With no PATH: the Lodestar user to act as (default: ${CliUser.EnvironmentVariable}); needs a grant for the --council, and the child-level role for --explain";

        var command = new Command("kpi", "Compute the KPIs from 903 and CIN returns (files, or with no PATH the --council's confirmed submissions in the database), for a year, any dates or a series of periods.")
        {
            paths, year, from, to, series, population, postcodes, council, kpi, format, suppress, threshold, validate, explain, user,
        };

        command.SetAction((parse, cancel) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var request = new KpiRequest(
                parse.GetValue(paths) ?? [],
                parse.GetValue(year),
                parse.GetValue(from),
                parse.GetValue(to),
                parse.GetValue(series),
                parse.GetValue(population),
                parse.GetValue(council),
                parse.GetValue(kpi),
                parse.GetValue(format) ?? "json",
                parse.GetValue(explain),
                parse.GetValue(user))
            {
                Suppress = parse.GetValue(suppress) ? new SmallNumbers(parse.GetValue(threshold)) : null,
                Validate = parse.GetValue(validate),
                Postcodes = parse.GetValue(postcodes),
            };
            return request.Paths.Count > 0
                ? Task.FromResult(Run(request, output, error))
                : RunStoredAsync(request, open, time, output, error, cancel);
        });

        return command;
    }

    // The options both forms share: periods, KPIs, --explain, --format and the population file.
    private static Parsed? Parse(KpiRequest request, TextWriter error)
    {
        var (periods, kpis, problem) = KpiPeriodQuery.ParseRequest(request.Year, request.From, request.To, request.Series, request.Kpi, KpiPeriodSpelling.CommandLine);
        if (problem is null && request.Explain is { } explainKpi && KpiCatalog.Find(explainKpi) is null)
        {
            problem = $"--explain: no KPI with id '{explainKpi}'";
        }

        if (problem is not null || !TryFormat(request.Format, out problem))
        {
            error.WriteLine($"lodestar kpi: {problem}");
            return null;
        }

        PopulationEstimates populationEstimates;
        try
        {
            populationEstimates = request.Population is null ? PopulationEstimates.None : PopulationCsvReader.ReadFile(request.Population);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            error.WriteLine($"lodestar kpi: cannot read the population file: {e.Message}");
            return null;
        }

        // Read once, before any return: a lookup with a bad row is refused whole, as lodestar validate refuses it. With
        // --validate, the provider list of the setting too, so that every rule lodestar validate runs is run.
        var lookup = request.Validate ? CliReferences.Load(request.Postcodes) : CliReferences.LoadPostcodes(request.Postcodes);
        if (!lookup.Succeeded)
        {
            CliReferences.Refused(error, "kpi", lookup.Problems);
            return null;
        }

        return new Parsed(periods, kpis, new KpiOptions { Population = populationEstimates, Distances = lookup.Value.Postcodes?.Distances }, lookup.Value);
    }

    internal static int Run(KpiRequest request, TextWriter output, TextWriter error)
    {
        if (Parse(request, error) is not (var periods, var kpis, var kpiOptions, var references))
        {
            return 2;
        }

        // Only the returns the KPIs asked for are computed from are read (no --kpi: the whole catalogue, every return).
        var sources = (kpis ?? KpiCatalog.All.Select(k => k.Id)).Concat(request.Explain is { } id ? [id] : []).Select(k => KpiCatalog.Find(k)!.Source).ToHashSet();
        var options = new LoadOptions { ReadCin = sources.Contains(KpiSource.Cin), ReadSsda903 = sources.Contains(KpiSource.Ssda903) };
        var (groups, missing) = StatutoryDataLoader.GroupByCouncil(request.Paths, options);
        // Files in no council-named folder are the --council's when it has none of its own, if they hold returns at all.
        if (request.Council is { } code && groups.All(g => g.Council != code)
            && groups.FirstOrDefault(g => g.Council == StatutoryDataLoader.UnknownCouncil).Files is { } unplaced
            && StatutoryDataLoader.Load(unplaced, options).Councils.Count > 0)
        {
            (groups, missing) = StatutoryDataLoader.GroupByCouncil(request.Paths, options with { CouncilCode = code });
        }

        foreach (var refusal in missing)
        {
            error.WriteLine($"lodestar kpi: skipped {refusal.File}: {refusal.Message}");
        }

        var councils = groups.Where(g => request.Council is null || g.Council == request.Council).ToList();
        if (councils.Count == 0 && request.Council is not null)
        {
            error.WriteLine($"lodestar kpi: no data for council {request.Council} in the paths given");
            return 2;
        }

        // Council by council, as many at once as there are cores, written in council order as each is done: one
        // council's returns (and with --explain its children) are held per core, never every council's. Each is read, (with --validate) checked and
        // computed by the same store and engine the web app computes with.
        var (errors, warnings, computed) = (0, 0, 0);
        KpiOutput.ResultsWriter? writer = null;
        KpiOutput.ExplanationsWriter? explanations = null;
        try
        {
            var inFlight = new Queue<Task<CouncilOutcome>>();
            var next = 0;
            while (next < councils.Count || inFlight.Count > 0)
            {
                while (next < councils.Count && inFlight.Count < Math.Max(1, Environment.ProcessorCount))
                {
                    var (council, files) = councils[next++];
                    inFlight.Enqueue(Task.Run(() => Compute(request, options with { CouncilCode = council }, files, periods, kpis, kpiOptions, references)));
                }

                var outcome = inFlight.Dequeue().GetAwaiter().GetResult();
                foreach (var refusal in outcome.Refusals)
                {
                    error.WriteLine($"lodestar kpi: skipped {refusal.File}: {refusal.Message}");
                }

                if (!outcome.HasData)
                {
                    continue;
                }

                computed++;
                errors += outcome.Errors;
                warnings += outcome.Warnings;
                if (request.Explain is null)
                {
                    writer ??= new KpiOutput.ResultsWriter(output, request.Format, request.Suppress);
                    writer.Write(outcome.Results);
                }
                else
                {
                    explanations ??= new KpiOutput.ExplanationsWriter(output, request.Format);
                    explanations.Write(outcome.Explanations);
                }
            }

            if (computed == 0)
            {
                error.WriteLine(request.Council is null
                    ? "lodestar kpi: no readable 903 or CIN return in the paths given"
                    : $"lodestar kpi: no data for council {request.Council} in the paths given");
                return 2;
            }
        }
        finally
        {
            writer?.Dispose();
            explanations?.Dispose();
        }

        if (errors + warnings > 0)
        {
            error.WriteLine(request.Validate
                ? $"lodestar kpi: the data has {errors} error(s) and {warnings} warning(s); KPIs computed anyway (affected records handled as docs/kpis.md says; see lodestar validate)"
                : $"lodestar kpi: reading the data found {errors} error(s) and {warnings} warning(s); KPIs computed anyway (affected records handled as docs/kpis.md says; --validate or lodestar validate checks every rule)");
        }

        return errors > 0 ? 1 : 0;
    }

    // One council: read, (with --validate) checked by every rule, computed; nothing of it kept but the results.
    private static CouncilOutcome Compute(
        KpiRequest request, LoadOptions options, IReadOnlyList<string> files, IReadOnlyList<Period> periods, IReadOnlyList<string>? kpis, KpiOptions kpiOptions,
        ValidationReferences references)
    {
        var loaded = StatutoryDataLoader.Load(files, options);
        if (loaded.Councils.Count == 0)
        {
            return new CouncilOutcome(false, [], [], loaded.Refusals, 0, 0);
        }

        // Without --validate, the findings made while reading (dates, codes, numbers that do not parse): the
        // records they affect are handled as docs/kpis.md says either way.
        var diagnostics = request.Validate ? ReturnValidator.Validate(loaded, references: references) : loaded.Diagnostics;
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var council = loaded.Councils[0].CouncilCode;
        var store = StatutoryDataStore.From(loaded, kpiOptions);
        if (request.Explain is { } explainId)
        {
            var dataset = store.Dataset(council)!;
            return new CouncilOutcome(true, [], [.. periods.Select(p => store.Engine.Explain(explainId, dataset, p))], loaded.Refusals, errors, diagnostics.Count - errors);
        }

        return new CouncilOutcome(true, store.Compute(council, periods, kpis), [], loaded.Refusals, errors, diagnostics.Count - errors);
    }

    private sealed record CouncilOutcome(
        bool HasData, IReadOnlyList<KpiResult> Results, IReadOnlyList<KpiExplanation> Explanations, IReadOnlyList<Problem> Refusals, int Errors, int Warnings);

    /// <summary>No PATH: the council's confirmed submissions, read and computed as the web app does.</summary>
    internal static async Task<int> RunStoredAsync(
        KpiRequest request, Func<LodestarDbContext> open, TimeProvider clock, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (request.Council is not { } council)
        {
            await error.WriteLineAsync("lodestar kpi: give the PATH of returns, or --council CODE to compute from the council's confirmed submissions");
            return 2;
        }

        if (Parse(request, error) is not (var periods, var kpis, var kpiOptions, var references))
        {
            return 2;
        }

        if (request.User is not { Length: > 0 } userName)
        {
            await error.WriteLineAsync($"lodestar kpi: with no PATH, name the Lodestar user to act as: --user NAME, or set {CliUser.EnvironmentVariable}");
            return 2;
        }

        return await CliGuard.RunAsync(error, async () =>
        {
            await using var db = open();
            var role = request.Explain is null ? Roles.Viewer : Roles.ChildLevel;
            var allowed = await CliUser.AllowsAsync(db, userName, council, role, cancellationToken);
            var loaded = allowed ? await ConfirmedReturns.LoadAsync(db, council, cancellationToken) : null;
            if (loaded is null || loaded.Councils.Count == 0)
            {
                await error.WriteLineAsync($"lodestar kpi: council {council} has no confirmed submission (see lodestar returns list --council {council})");
                return 2;
            }

            // The findings were found and stored when each submission was checked: count them, do not validate again.
            var confirmed = (await new Submissions(db, new AuditLog(db, clock), clock).ListAsync(council, cancellationToken))
                .Where(s => s.Status == SubmissionStatus.Confirmed).ToList();
            var (errors, warnings) = (confirmed.Sum(s => s.Errors), confirmed.Sum(s => s.Warnings));
            if (errors + warnings > 0)
            {
                await error.WriteLineAsync($"lodestar kpi: the confirmed data has {errors} error(s) and {warnings} warning(s); KPIs computed anyway (affected records handled as docs/kpis.md says; see lodestar returns list)");
            }

            var store = StatutoryDataStore.From(loaded, kpiOptions);
            if (request.Explain is { } explainId)
            {
                // Child-level data from the database: audited as the web app's child-level views are.
                var childLevel = new ChildLevelKpis(store, new AuditLog(db, clock));
                var definition = KpiCatalog.Find(explainId)!;
                var explanations = new List<KpiExplanation>();
                foreach (var period in periods)
                {
                    explanations.Add((await childLevel.ExplainAsync(CliUser.Actor(userName), definition, council, period, cancellationToken))!);
                }

                KpiOutput.WriteExplanations(output, explanations, request.Format);
            }
            else
            {
                KpiOutput.WriteResults(output, store.Compute(council, periods, kpis), request.Format, request.Suppress);
            }

            return errors > 0 ? 1 : 0;
        });
    }

    // References: the lists --validate checks with (the postcode lookup of --postcodes or the setting; the providers of the setting).
    private sealed record Parsed(IReadOnlyList<Period> Periods, IReadOnlyList<string>? Kpis, KpiOptions Options, ValidationReferences References);

    private static bool TryFormat(string format, out string problem)
    {
        problem = format is "json" or "csv" or "table" ? string.Empty : $"--format takes json, csv or table (not '{format}')";
        return problem.Length == 0;
    }
}

/// <summary>What <c>lodestar kpi</c> was asked, as typed.</summary>
internal sealed record KpiRequest(
    IReadOnlyList<string> Paths,
    string? Year,
    string? From,
    string? To,
    string? Series,
    string? Population,
    string? Council,
    string? Kpi,
    string Format,
    string? Explain,
    string? User = null)
{
    /// <summary>With --suppress-small: the rule small figures are suppressed by; null writes every figure.</summary>
    public SmallNumbers? Suppress { get; init; }

    /// <summary>With --validate: every validation rule is run over the files (as lodestar validate), not only reading's checks.</summary>
    public bool Validate { get; init; }

    /// <summary>With --postcodes: the postcode lookup for cla_placed_20_miles; null: the setting's, else none.</summary>
    public string? Postcodes { get; init; }
}
