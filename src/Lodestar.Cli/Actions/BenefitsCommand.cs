using System.CommandLine;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Formats.Actions;

namespace Lodestar.Cli.Actions;

/// <summary><c>lodestar benefits report</c>: every stored benefits register (docs/benefits.md).</summary>
internal static class BenefitsCommand
{
    public static Command Create() => Create(CliDatabase.Open);

    public static Command Create(Func<LodestarDbContext> openDatabase)
    {
        var command = new Command("benefits", "Benefits registers: value, confidence, risk-adjusted value and what has been realised.");
        var format = new Option<string>("--format") { Description = "table, json or xlsx (xlsx needs --output).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "xlsx");
        var outputFile = new Option<FileInfo?>("--output", "-o") { Description = "The XLSX file to write." };
        var report = new Command("report", "Every benefit of every imported register, with totals.") { format, outputFile };
        report.SetAction((parse, cancellationToken) => CliGuard.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var file = parse.GetValue(outputFile);
            if (parse.GetValue(format) == "xlsx" && file is null)
            {
                await error.WriteLineAsync("lodestar: --format xlsx needs --output FILE.");
                return 2;
            }

            await using var db = openDatabase();
            var registers = await ActionsStore.LoadRegistersAsync(db, cancellationToken);
            switch (parse.GetValue(format))
            {
                case "xlsx":
                    await using (var stream = file!.Create())
                    {
                        ActionsXlsx.WriteBenefits(stream, registers);
                    }

                    await output.WriteLineAsync($"Wrote {file.FullName}.");
                    break;
                case "json":
                    await output.WriteLineAsync(CliOutput.ToJson(registers.Select(r => new
                    {
                        r.Id,
                        r.Title,
                        r.Source,
                        r.ValuePerYear,
                        r.RiskAdjustedValuePerYear,
                        r.RealisedToDate,
                        Benefits = r.Benefits.Select(b => new
                        {
                            b.Id, b.Description, b.Financial, b.Timing, b.HowMeasured, b.Baseline, b.BaselineValue, b.Target, b.ValuePerYear,
                            b.ConfidencePercent, b.RiskAdjustedValuePerYear, b.RealisedToDate, b.Measures, b.Realised,
                        }),
                    })));
                    break;
                default:
                    if (registers.Count == 0)
                    {
                        await output.WriteLineAsync("No benefits registers: import one with `lodestar actions import FILE`.");
                    }

                    foreach (var r in registers)
                    {
                        await output.WriteLineAsync($"{r.Title} ({r.Id}): £{CliOutput.Money(r.ValuePerYear)} a year, £{CliOutput.Money(r.RiskAdjustedValuePerYear)} risk-adjusted, £{CliOutput.Money(r.RealisedToDate)} realised");
                        await output.WriteLineAsync(CliOutput.Table(
                            ["Benefit", "Timing", "Baseline", "Target", "£ a year", "Confidence", "Risk-adjusted £", "Realised £"],
                            r.Benefits.Select(b => (IReadOnlyList<string?>)
                            [
                                b.Description, b.Timing, b.Baseline, b.Target, CliOutput.Money(b.ValuePerYear), $"{b.ConfidencePercent}%",
                                CliOutput.Money(b.RiskAdjustedValuePerYear), CliOutput.Money(b.RealisedToDate),
                            ]),
                            maxWidth: 50));
                    }

                    break;
            }

            return 0;
        }));
        command.Subcommands.Add(report);
        return command;
    }
}
