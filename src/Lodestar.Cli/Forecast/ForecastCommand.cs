using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lodestar.Application.Forecast;
using Lodestar.Application.Returns;
using Lodestar.Cli.Actions;
using Lodestar.Data;
using Lodestar.Data.Security;
using Lodestar.Domain.Problems;
using Lodestar.Formats;
using Lodestar.Formats.Forecast;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Forecast;

namespace Lodestar.Cli.Forecast;

/// <summary>
/// <c>lodestar forecast [PATH...] --council CODE --as-at YYYY-MM-DD [--months N] [--scenario FILE]
/// [--by category|age-band] [--format table|json|csv|xlsx] [--output FILE] [--targets]</c>: the looked-after children forecast
/// (docs/forecast.md) from the returns in PATH, or with no PATH from the council's confirmed submissions in
/// the database as the user of <c>--user</c> (or <c>LODESTAR_USER</c>), who needs a grant for the council.
/// With <c>--scenario</c> (a JSON file holding one scenario) the rows are the scenario's; the table shows
/// it beside the baseline. With <c>--by age-band</c> the rows are the 52-week placement equivalents by age band
/// and financial year (<see cref="ForecastAgeBandRowResponse"/>) and the table shows, instead of the categories, the
/// children in each band at the last month end and the bands' 52-week placement equivalents.
/// The table sets the action plans' looked-after targets beside the forecast: always with no PATH, and with PATH
/// when <c>--targets</c> asks for them from the database (as the user, who needs a grant for the council).
/// </summary>
/// <remarks>Exit codes: 0 forecast written; 2 misuse, a bad scenario file, or no 903 data for the council.</remarks>
internal static class ForecastCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(Func<LodestarDbContext>? openDatabase = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders of 903 returns; none: the --council's confirmed submissions in the database",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var council = new Option<string?>("--council") { Description = "The council (also the council of files not in a council-named folder)", HelpName = "CODE", Required = true };
        var asAt = new Option<string?>("--as-at") { Description = "Forecast from the last month end on or before this date, with what was known then", HelpName = "YYYY-MM-DD", Required = true };
        var months = new Option<int>("--months") { Description = $"Month ends to forecast, 1 to {ForecastOptions.MaxMonths}", DefaultValueFactory = _ => 24, HelpName = "N" };
        var scenario = new Option<string?>("--scenario") { Description = "A JSON file holding one scenario (docs/forecast.md, \"Scenarios\")", HelpName = "FILE" };
        var by = new Option<string>("--by")
        {
            Description = "Break the forecast down by placement category (rows: children at each month end) or by age band (rows: 52-week placement equivalents by age band and financial year; the table also shows the children in each band at the last month end)",
            DefaultValueFactory = _ => "category",
            HelpName = "category|age-band",
        };
        var format = new Option<string>("--format") { Description = "Output: table, json, csv or xlsx (xlsx needs --output)", DefaultValueFactory = _ => "table", HelpName = "table|json|csv|xlsx" };
        var outputFile = new Option<FileInfo?>("--output", "-o") { Description = "The XLSX file to write" };
        var withTargets = new Option<bool>("--targets")
        {
            Description = "With PATH: also set the council's action-plan targets on children looked after (read from the database, as the --user, who needs a grant for the council) beside the forecast in the table; with no PATH they are always shown",
        };
        var user = CliUser.CreateOption();
        user.Description = $"With no PATH, or with --targets: the Lodestar user to act as (default: ${CliUser.EnvironmentVariable}); needs a grant for the --council";

        var command = new Command("forecast", "Forecast the children looked after, by placement category, with 80% and 95% intervals, and 52-week placement equivalents by category or age band, from 903 returns (files, or with no PATH the --council's confirmed submissions).")
        {
            paths, council, asAt, months, scenario, by, format, outputFile, withTargets, user,
        };

        command.SetAction(async (parse, cancel) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var request = new ForecastRequest(parse.GetValue(paths) ?? [], parse.GetValue(council)!, parse.GetValue(asAt)!, parse.GetValue(months),
                parse.GetValue(scenario), parse.GetValue(format) ?? "table", parse.GetValue(outputFile), parse.GetValue(user), parse.GetValue(by) ?? "category");
            if (Parse(request, error) is not { } parsed)
            {
                return LodestarCommand.Misuse;
            }

            Result<LacForecastResult> result;
            if (request.Paths.Count > 0)
            {
                var loaded = StatutoryDataLoader.Load(request.Paths, new LoadOptions(CouncilCode: null));
                if (loaded.Councils.All(c => c.CouncilCode != request.Council) && loaded.Councils.Any(c => c.CouncilCode == StatutoryDataLoader.UnknownCouncil))
                {
                    loaded = StatutoryDataLoader.Load(request.Paths, new LoadOptions(CouncilCode: request.Council));
                }

                foreach (var refusal in loaded.Refusals)
                {
                    await error.WriteLineAsync($"lodestar forecast: skipped {refusal.File}: {refusal.Message}");
                }

                var store = StatutoryDataStore.From(loaded with { Councils = [.. loaded.Councils.Where(c => c.CouncilCode == request.Council)] }, PopulationEstimates.None);
                result = LacForecast.Compute(store, request.Council, parsed.AsAt, request.Months, parsed.Scenarios);
                if (parse.GetValue(withTargets) && result.Succeeded)
                {
                    // The returns are the files'; the targets are the database's action plans', read as the user.
                    if (request.User is not { Length: > 0 } targetsUser)
                    {
                        await error.WriteLineAsync($"lodestar forecast: --targets reads the action plans in the database: name the Lodestar user to act as: --user NAME, or set {CliUser.EnvironmentVariable}");
                        return LodestarCommand.Misuse;
                    }

                    var computed = result;
                    return await CliGuard.RunAsync(error, async () =>
                    {
                        await using var db = open();
                        if (!await CliUser.AllowsAsync(db, targetsUser, request.Council, Roles.Viewer, cancel))
                        {
                            await error.WriteLineAsync($"lodestar forecast: --targets: user {targetsUser} has no grant for council {request.Council}");
                            return LodestarCommand.Misuse;
                        }

                        return await WriteAsync(computed, request, output, error, await ForecastTargets.ForCouncilAsync(db, computed.Value, cancel));
                    });
                }
            }
            else
            {
                if (request.User is not { Length: > 0 } userName)
                {
                    await error.WriteLineAsync($"lodestar forecast: with no PATH, name the Lodestar user to act as: --user NAME, or set {CliUser.EnvironmentVariable}");
                    return LodestarCommand.Misuse;
                }

                var stored = await CliGuard.RunAsync(error, async () =>
                {
                    await using var db = open();
                    var allowed = await CliUser.AllowsAsync(db, userName, request.Council, Roles.Viewer, cancel);
                    var loaded = allowed ? await ConfirmedReturns.LoadAsync(db, request.Council, cancel) : null;
                    if (loaded is null || loaded.Councils.Count == 0)
                    {
                        await error.WriteLineAsync($"lodestar forecast: council {request.Council} has no confirmed submission (see lodestar returns list --council {request.Council})");
                        return LodestarCommand.Misuse;
                    }

                    var computed = LacForecast.Compute(StatutoryDataStore.From(loaded, PopulationEstimates.None), request.Council, parsed.AsAt, request.Months, parsed.Scenarios);
                    var targets = computed.Succeeded ? await ForecastTargets.ForCouncilAsync(db, computed.Value, cancel) : [];
                    return await WriteAsync(computed, request, output, error, targets);
                });
                return stored;
            }

            return await WriteAsync(result, request, output, error);
        });

        return command;
    }

    private static Parsed? Parse(ForecastRequest request, TextWriter error)
    {
        string? problem = null;
        if (!DateOnly.TryParseExact(request.AsAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt))
        {
            problem = $"--as-at: '{request.AsAt}' is not a date yyyy-mm-dd";
        }
        else if (request.Months is < 1 or > ForecastOptions.MaxMonths)
        {
            problem = $"--months: {request.Months} is not 1 to {ForecastOptions.MaxMonths}";
        }
        else if (request.Format is not ("table" or "json" or "csv" or "xlsx"))
        {
            problem = $"--format takes table, json, csv or xlsx (not '{request.Format}')";
        }
        else if (request.By is not ("category" or "age-band"))
        {
            problem = $"--by takes category or age-band (not '{request.By}')";
        }
        else if (request.Format == "xlsx" && request.Output is null)
        {
            problem = "--format xlsx needs --output FILE";
        }

        if (problem is not null)
        {
            error.WriteLine($"lodestar forecast: {problem}");
            return null;
        }

        IReadOnlyList<ForecastScenario> scenarios = [];
        if (request.Scenario is { } file)
        {
            var read = ScenarioJson.ReadFile(file);
            if (!read.Succeeded)
            {
                foreach (var p in read.Errors)
                {
                    error.WriteLine($"lodestar forecast: {p}");
                }

                return null;
            }

            if (read.Value.Count != 1)
            {
                error.WriteLine($"lodestar forecast: {file} holds {read.Value.Count} scenarios; --scenario takes a file with one");
                return null;
            }

            scenarios = read.Value;
        }

        return new Parsed(asAt, scenarios);
    }

    private static async Task<int> WriteAsync(Result<LacForecastResult> result, ForecastRequest request, TextWriter output, TextWriter error, IReadOnlyList<LacTargetView>? targets = null)
    {
        if (!result.Succeeded)
        {
            foreach (var p in result.Errors)
            {
                await error.WriteLineAsync($"lodestar forecast: {p}");
            }

            return LodestarCommand.Misuse;
        }

        var forecast = result.Value;
        var shown = forecast.Scenarios.Count > 0 ? forecast.Scenarios[0] : forecast.Baseline;
        if (request.By == "age-band" && request.Format != "table")
        {
            await WriteAgeBandsAsync(ForecastAgeBandRowResponse.Rows(forecast.Council, shown), request, output);
            return 0;
        }

        var rows = ForecastRowResponse.Rows(forecast.Council, shown);
        switch (request.Format)
        {
            case "json":
                await output.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOptions));
                break;
            case "csv":
                await output.WriteLineAsync(string.Join(',', ForecastRowResponse.Columns));
                foreach (var r in rows)
                {
                    await output.WriteLineAsync(Formats.Spreadsheets.CsvText.Line([r.Council, CliOutput.Date(r.Month), r.Category, Number(r.Forecast), Number(r.Lower80), Number(r.Upper80), Number(r.Lower95), Number(r.Upper95)]));
                }

                break;
            case "xlsx":
                await using (var file = request.Output!.Create())
                {
                    ForecastXlsx.Write(file, ForecastRowResponse.Columns, rows.Select(r => (IReadOnlyList<object?>)[r.Council, r.Month, r.Category, r.Forecast, r.Lower80, r.Upper80, r.Lower95, r.Upper95]));
                }

                await output.WriteLineAsync($"Wrote {request.Output.FullName}.");
                break;
            default:
                await output.WriteAsync(Table(forecast, targets ?? [], request.By == "age-band"));
                break;
        }

        return 0;
    }

    private static async Task WriteAgeBandsAsync(IReadOnlyList<ForecastAgeBandRowResponse> rows, ForecastRequest request, TextWriter output)
    {
        switch (request.Format)
        {
            case "json":
                await output.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOptions));
                break;
            case "csv":
                await output.WriteLineAsync(string.Join(',', ForecastAgeBandRowResponse.Columns));
                foreach (var r in rows)
                {
                    await output.WriteLineAsync(Formats.Spreadsheets.CsvText.Line([r.Council, r.Year, r.AgeBand, r.Months.ToString(CultureInfo.InvariantCulture),
                        Placements(r.Forecast), Placements(r.Lower80), Placements(r.Upper80), Placements(r.Lower95), Placements(r.Upper95)]));
                }

                break;
            default:
                await using (var file = request.Output!.Create())
                {
                    ForecastXlsx.Write(file, ForecastAgeBandRowResponse.Columns, rows.Select(r => (IReadOnlyList<object?>)[r.Council, r.Year, r.AgeBand, r.Months, r.Forecast, r.Lower80, r.Upper80, r.Lower95, r.Upper95]));
                }

                await output.WriteLineAsync($"Wrote {request.Output.FullName}.");
                break;
        }
    }

    private static string Table(LacForecastResult forecast, IReadOnlyList<LacTargetView> targets, bool byAgeBand)
    {
        var model = forecast.Model;
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{forecast.Council}: {model.StartCount} looked after on {model.Start:yyyy-MM-dd}; rates from {model.WindowMonths} months: {model.TotalEntryRate:0.0} entries a month, {model.OverallExitRate:P1} of children leave a month");
        var scenario = forecast.Scenarios.Count > 0 ? forecast.Scenarios[0] : null;
        var header = new List<string> { "month", "forecast", "80% interval", "95% interval" };
        if (scenario is not null)
        {
            header.AddRange([$"{scenario.Scenario}", "80% interval"]);
        }

        text.Append(CliOutput.Table(header, forecast.Baseline.Points.Where(p => p.Category == ForecastResult.All).Select(p =>
        {
            var cells = new List<string?> { CliOutput.Date(p.Month), Number(p.Value.Median), Interval(p.Value.Lower80, p.Value.Upper80), Interval(p.Value.Lower95, p.Value.Upper95) };
            if (scenario?.At(p.Month) is { } s)
            {
                cells.AddRange([Number(s.Value.Median), Interval(s.Value.Lower80, s.Value.Upper80)]);
            }

            return (IReadOnlyList<string?>)cells;
        })));

        var last = forecast.Baseline.Points[^1].Month;
        text.AppendLine();
        if (byAgeBand)
        {
            // The scenario's when there is one, as the rows of the other formats are.
            var shown = scenario ?? forecast.Baseline;
            var bandYears = shown.AgeBandYears.Select(y => y.FinancialYear).Distinct().ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"By age band{(scenario is null ? "" : $" ({scenario.Scenario})")}: children on {last:yyyy-MM-dd}, and 52-week placement equivalents by financial year (forecast months only); median (80% interval):");
            text.Append(CliOutput.Table(
                ["age band", $"on {last:yyyy-MM-dd}", .. bandYears.Select(y => $"{ForecastAgeBandRowResponse.YearLabel(y)} ({shown.AgeBandYears.First(x => x.FinancialYear == y).Months} mo)")],
                AgeBands.Names.Select(b =>
                {
                    var children = shown.InBandAt(last, b)!.Value;
                    return (IReadOnlyList<string?>)[b, $"{Number(children.Median)} ({Number(children.Lower80)}–{Number(children.Upper80)})", .. bandYears.Select(y =>
                    {
                        var v = shown.AgeBandYears.Single(x => x.FinancialYear == y && x.AgeBand == b).Value;
                        return $"{Placements(v.Median)} ({Placements(v.Lower80)}–{Placements(v.Upper80)})";
                    })];
                })));
            AppendTargets(text, targets);
            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"By placement category on {last:yyyy-MM-dd}, and 52-week placement equivalents by financial year (forecast months only):");
        var years = forecast.Baseline.PlacementYears.Select(y => y.FinancialYear).Distinct().ToList();
        text.Append(CliOutput.Table(
            ["category", "forecast", "80% interval", .. years.Select(y => $"{y}/{(y + 1) % 100:00} 52-wk")],
            ForecastCategories.Names.Select(c =>
            {
                var p = forecast.Baseline.At(last, c)!.Value;
                return (IReadOnlyList<string?>)[c, Number(p.Median), Interval(p.Lower80, p.Upper80),
                    .. years.Select(y => Number(forecast.Baseline.PlacementYears.Single(x => x.FinancialYear == y && x.Category == c).Value.Median))];
            })));
        AppendTargets(text, targets);
        return text.ToString();
    }

    private static void AppendTargets(System.Text.StringBuilder text, IReadOnlyList<LacTargetView> targets)
    {
        if (targets.Count > 0)
        {
            // The action plans' targets on children looked after (read from the database's action plans).
            text.AppendLine();
            foreach (var t in targets)
            {
                var line = t.Expected is { } expected
                    ? string.Create(CultureInfo.InvariantCulture, $"{(t.Forecast ? "On current trends" : "The returns show")} {Number(expected)} looked after on {t.Month:yyyy-MM-dd} against a target of {t.Target:0.##} ({t.PlanId}, target for {t.Date:yyyy-MM-dd})")
                    : string.Create(CultureInfo.InvariantCulture, $"Target of {t.Target:0.##} for {t.Date:yyyy-MM-dd} ({t.PlanId}): outside the returns held and the forecast");
                text.AppendLine(line);
            }
        }
    }

    private static string Interval(double lower, double upper) => $"{Number(lower)}–{Number(upper)}";

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Placements(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record Parsed(DateOnly AsAt, IReadOnlyList<ForecastScenario> Scenarios);
}

/// <summary>What <c>lodestar forecast</c> was asked, as typed.</summary>
internal sealed record ForecastRequest(
    IReadOnlyList<string> Paths,
    string Council,
    string AsAt,
    int Months,
    string? Scenario,
    string Format,
    FileInfo? Output,
    string? User,
    string By = "category");
