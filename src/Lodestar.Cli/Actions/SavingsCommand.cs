using System.CommandLine;
using Lodestar.Application.Returns;
using Lodestar.Application.Savings;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Formats;
using Lodestar.Formats.Actions;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Cli.Actions;

/// <summary><c>lodestar savings report PLAN</c>: plan vs delivered vs forecast, and the reconciliation (docs/savings.md).</summary>
internal static class SavingsCommand
{
    public static Command Create() => Create(CliDatabase.Open);

    public static Command Create(Func<LodestarDbContext> openDatabase)
    {
        var command = new Command("savings", "Savings plans: targets by objective and placement type, delivery and forecast.");
        command.Subcommands.Add(Report(openDatabase));
        return command;
    }

    private static Command Report(Func<LodestarDbContext> openDatabase)
    {
        var planId = new Argument<string>("PLAN") { Description = "The savings plan's id, or the id of the action plan it was imported with." };
        var year = new Option<string?>("--year") { Description = "Only this financial year: 2016/17, or YYYY for the year ending in March YYYY (2017 = 2016/17)." };
        var format = new Option<string>("--format") { Description = "table, json or xlsx (xlsx needs --output).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "xlsx");
        var outputFile = new Option<FileInfo?>("--output", "-o") { Description = "The XLSX file to write." };
        var actuals = new Option<FileInfo?>("--actuals") { Description = "52-week placements by category for a period and a baseline year (YAML, docs/savings.md): adds delivered and forecast." };
        var returns = new Option<string[]>("--returns")
        {
            Description = "SSDA903 returns (files or folders, as for `lodestar kpi`): the 52-week placements come from the KPI placements_52wk_by_type. Needs --baseline and --to.",
            AllowMultipleArgumentsPerToken = true,
        };
        var baseline = new Option<int?>("--baseline") { Description = "With --returns: the baseline year, YYYY for the financial year ending in March YYYY." };
        var to = new Option<DateOnly?>("--to") { Description = "With --returns: the period is the financial year to date ending on this date (YYYY-MM-DD)." };
        var council = new Option<string?>("--council") { Description = "With --returns: the council, when the returns hold several." };
        var unitCosts = new Option<FileInfo?>("--unit-costs") { Description = "Unit costs per placement category and year (YAML; default: the illustrative samples/costs/unit-costs.yaml)." };
        var command = new Command("report", "Plan vs delivered vs forecast savings by objective, placement type and year; exits 1 when a stated total disagrees with the computed one.")
        {
            planId, year, format, outputFile, actuals, returns, baseline, to, council, unitCosts,
        };
        command.SetAction((parse, cancellationToken) => CliGuard.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var file = parse.GetValue(outputFile);
            var isXlsx = parse.GetValue(format) == "xlsx";
            if (isXlsx && file is null)
            {
                await error.WriteLineAsync("lodestar: --format xlsx needs --output FILE.");
                return 2;
            }

            var yearText = parse.GetValue(year);
            Period? onlyYear = null;
            if (yearText is not null)
            {
                onlyYear = Period.TryParseYear(yearText, out var asked) ? asked : null;
                if (onlyYear is null)
                {
                    await error.WriteLineAsync($"lodestar: --year '{yearText}' is not a financial year like 2016/17 or 2017.");
                    return 2;
                }
            }

            CostModelResult? model = null;
            if (parse.GetValue(returns) is { Length: > 0 } returnPaths)
            {
                var (costModel, failure) = CostModelFromReturns(returnPaths, parse.GetValue(baseline), parse.GetValue(to), parse.GetValue(council), parse.GetValue(unitCosts));
                if (failure is not null)
                {
                    await error.WriteLineAsync(failure);
                    return 2;
                }

                model = costModel;
            }
            else if (parse.GetValue(actuals) is { } actualsFile)
            {
                var (costModel, failure) = ReadCostModel(actualsFile, parse.GetValue(unitCosts));
                if (failure is not null)
                {
                    await error.WriteAsync(failure);
                    return failure.StartsWith("lodestar: cannot read", StringComparison.Ordinal) ? 2 : 1;
                }

                model = costModel;
            }

            var id = parse.GetRequiredValue(planId);
            await using var db = openDatabase();
            var plan = await ActionsStore.LoadSavingsAsync(db, id, cancellationToken);
            if (plan is null)
            {
                await error.WriteLineAsync($"lodestar: no savings plan '{id}'.");
                return 2;
            }

            if (onlyYear is { } only && !plan.Years.Contains(only))
            {
                await error.WriteLineAsync($"lodestar: the plan has no year {only.ToFinancialYearLabel()}; its years are {string.Join(", ", plan.Years.Select(y => y.ToFinancialYearLabel()))}.");
                return 2;
            }

            var report = SavingsReport.Build(plan, model, onlyYear);
            switch (parse.GetValue(format))
            {
                case "xlsx":
                    await using (var stream = file!.Create())
                    {
                        ActionsXlsx.WriteSavings(stream, report);
                    }

                    await output.WriteLineAsync($"Wrote {file.FullName}.");
                    break;
                case "json":
                    await output.WriteLineAsync(CliOutput.ToJson(report));
                    break;
                default:
                    await output.WriteAsync(Table(report));
                    break;
            }

            foreach (var issue in report.Reconciliation)
            {
                await error.WriteLineAsync($"lodestar: {issue.Line}: stated {CliOutput.Money(issue.StatedK)} £k but the lines add up to {CliOutput.Money(issue.ComputedK)} £k.");
            }

            return report.Reconciliation.Count == 0 ? 0 : 1;
        }));
        return command;
    }

    /// <summary>The cost model over 52-week placements computed from the 903 returns (docs/savings.md).</summary>
    private static (CostModelResult? Model, string? Failure) CostModelFromReturns(string[] paths, int? baselineYear, DateOnly? to, string? councilCode, FileInfo? unitCostsFile)
    {
        if (baselineYear is null || to is null)
        {
            return (null, "lodestar: --returns needs --baseline YYYY and --to YYYY-MM-DD.");
        }

        var (costs, costFailure) = ReadUnitCosts(unitCostsFile);
        if (costs is null)
        {
            return (null, costFailure);
        }

        var loaded = StatutoryDataLoader.Load(paths, new LoadOptions(CouncilCode: councilCode));
        var model = SavingsFromReturns.CostModel(StatutoryDataStore.From(loaded, PopulationEstimates.None), councilCode, baselineYear.Value, to.Value, costs);
        return model.Succeeded
            ? (model.Value, null)
            : (null, $"lodestar: --returns: {string.Join("; ", model.Problems.Select(p => p.Message))}{(model.Problems[0].Message.StartsWith("the returns hold several", StringComparison.Ordinal) ? " with --council" : "")}.");
    }

    private static (UnitCostTable? Costs, string? Failure) ReadUnitCosts(FileInfo? unitCostsFile)
    {
        if (unitCostsFile is null)
        {
            return (CostsYamlReader.Illustrative(), null);
        }

        using var costReader = unitCostsFile.OpenText();
        var costRead = CostsYamlReader.ReadUnitCosts(costReader, unitCostsFile.FullName);
        return costRead.Succeeded ? (costRead.Value, null) : (null, string.Concat(costRead.Problems.Select(e => e + "\n")));
    }

    private static (CostModelResult? Model, string? Failure) ReadCostModel(FileInfo actualsFile, FileInfo? unitCostsFile)
    {
        try
        {
            var (costs, costFailure) = ReadUnitCosts(unitCostsFile);
            if (costs is null)
            {
                return (null, costFailure);
            }

            using var reader = actualsFile.OpenText();
            var read = CostsYamlReader.ReadActuals(reader, actualsFile.FullName);
            if (!read.Succeeded)
            {
                return (null, string.Concat(read.Problems.Select(e => e + "\n")));
            }

            return (CostModel.Compute(read.Value.Period, read.Value.Baseline, costs), null);
        }
        catch (IOException e)
        {
            return (null, $"lodestar: cannot read {e.Message}\n");
        }
    }

    private static string Table(SavingsReport report)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"{report.Title} ({report.PlanId}), £k; savings are negative");
        foreach (var year in report.Years)
        {
            text.AppendLine().AppendLine($"{year.Year.ToFinancialYearLabel()} by objective:");
            text.Append(CliOutput.Table(
                ["Objective", "BP ref", "Plan", "Delivered", "Forecast"],
                year.ByObjective.Append(year.Total).Select(l => (IReadOnlyList<string?>)[l.Line, l.Reference, CliOutput.Money(l.PlanK), CliOutput.Money(l.DeliveredK), CliOutput.Money(l.ForecastK)])));
            if (year.ByPlacementType.Count > 0)
            {
                text.AppendLine().AppendLine($"{year.Year.ToFinancialYearLabel()} by placement type:");
                text.Append(CliOutput.Table(
                    ["Placement type", "Lines", "Plan", "Delivered", "Forecast"],
                    year.ByPlacementType.Select(l => (IReadOnlyList<string?>)[l.Reference, l.Line, CliOutput.Money(l.PlanK), CliOutput.Money(l.DeliveredK), CliOutput.Money(l.ForecastK)])));
            }
        }

        if (report.CostModel is { } model)
        {
            text.AppendLine().AppendLine($"Cost model {model.From:yyyy-MM-dd} to {model.To:yyyy-MM-dd} against {model.BaselineYear.ToFinancialYearLabel()} (£):");
            text.Append(CliOutput.Table(
                ["Category", "Unit cost", "Baseline 52wk", "Actual 52wk", "Forecast 52wk", "Spend", "Forecast spend", "Delivered", "Forecast saving"],
                model.Categories.Select(c => (IReadOnlyList<string?>)
                [
                    c.Category.ToString(), CliOutput.Money(c.UnitCost), CliOutput.Money(c.Baseline52Wk), CliOutput.Money(c.Actual52Wk), CliOutput.Money(c.Forecast52Wk),
                    CliOutput.Money(c.ActualSpend), CliOutput.Money(c.ForecastSpend), CliOutput.Money(c.DeliveredSavings), CliOutput.Money(c.ForecastSavings),
                ])));
            if (model.MissingUnitCosts.Count > 0)
            {
                text.AppendLine($"No unit cost for {model.Year.ToFinancialYearLabel()}: {string.Join(", ", model.MissingUnitCosts)} (left out).");
            }
        }

        text.AppendLine().AppendLine(report.Reconciliation.Count == 0 ? "Reconciliation: every stated total agrees." : $"Reconciliation: {report.Reconciliation.Count} stated total(s) disagree:");
        foreach (var issue in report.Reconciliation)
        {
            text.AppendLine($"  {issue.Line}: stated {CliOutput.Money(issue.StatedK)}, computed {CliOutput.Money(issue.ComputedK)}, difference {CliOutput.Money(issue.DifferenceK)}");
        }

        return text.ToString();
    }
}
