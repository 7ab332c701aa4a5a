using System.CommandLine;
using System.Globalization;
using Lodestar.Application.Imports;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Audit;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Actions;

namespace Lodestar.Cli.Actions;

/// <summary><c>lodestar actions import FILE | export PLAN | status PLAN</c>: action plans (docs/actions.md).</summary>
internal static class ActionsCommand
{
    public static Command Create() => Create(CliDatabase.Open);

    /// <summary>The command over a given database (tests pass their own).</summary>
    public static Command Create(Func<LodestarDbContext> openDatabase)
    {
        var command = new Command("actions", "Action plans: import from YAML, export to YAML or XLSX, RAG status on a date.");
        command.Subcommands.Add(Import(openDatabase));
        command.Subcommands.Add(Export(openDatabase));
        command.Subcommands.Add(Status(openDatabase));
        return command;
    }

    private static Command Import(Func<LodestarDbContext> openDatabase)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An action plan, savings plan or benefits register YAML file (docs/actions.md)." };
        var command = new Command("import", "Import a plan, savings plan or benefits register: an upsert by id, all or nothing; history is only added to.") { file };
        command.SetAction((parse, cancellationToken) => CliGuard.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                await error.WriteLineAsync($"lodestar: {path.FullName} does not exist.");
                return 2;
            }

            Result<ActionsImportSummary> imported;
            await using var db = openDatabase();
            try
            {
                imported = await new Importer(db, new AuditLog(db, TimeProvider.System), TimeProvider.System)
                    .ActionsAsync(CliDatabase.CliActor, path.FullName, cancellationToken);
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"lodestar: cannot read {path.FullName}: {e.Message}");
                return 2;
            }

            if (!imported.Succeeded)
            {
                foreach (var problem in imported.Problems)
                {
                    await error.WriteLineAsync(problem.ToString());
                }

                await error.WriteLineAsync($"lodestar: {imported.Problems.Count} error(s); nothing was imported.");
                return 1;
            }

            var (document, result) = (imported.Value.Document, imported.Value.Stored);
            if (document.Plan is { } plan)
            {
                var deliverables = plan.AllDeliverables.Count();
                await output.WriteLineAsync($"{(result.PlanCreated ? "Imported" : "Updated")} action plan {plan.Id}: {plan.Outcomes.Count} outcomes, {plan.AllWorkstreams.Count()} workstreams, {deliverables} deliverables.");
                if (imported.Value.TargetProblems.Count == 0)
                {
                    await output.WriteLineAsync($"{imported.Value.TargetsSet} target(s) set on the frameworks' measures.");
                }
            }

            if (document.Savings is { } savings)
            {
                await output.WriteLineAsync($"{(result.SavingsCreated ? "Imported" : "Updated")} savings plan {savings.Id}: {savings.ByObjective.Count} objectives, {savings.ByPlacementType.Count} placement types.");
            }

            if (document.Benefits is { } register)
            {
                await output.WriteLineAsync($"{(result.RegisterCreated ? "Imported" : "Updated")} benefits register {register.Id}: {register.Benefits.Count} benefits.");
            }

            await output.WriteLineAsync($"{result.HistoryAdded} new history entries.");
            if (imported.Value.TargetProblems.Count > 0)
            {
                // The plan is stored; its targets on measures are not, and the caller must hear of it.
                foreach (var problem in imported.Value.TargetProblems)
                {
                    await error.WriteLineAsync($"lodestar: the plan's targets were not set on measures: {problem}");
                }

                return 1;
            }

            return 0;
        }));
        return command;
    }

    private static Command Export(Func<LodestarDbContext> openDatabase)
    {
        var planId = new Argument<string>("PLAN") { Description = "The plan's id." };
        var format = new Option<string>("--format") { Description = "yaml (to the standard output unless --output) or xlsx (needs --output).", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "xlsx");
        var outputFile = new Option<FileInfo?>("--output", "-o") { Description = "The file to write." };
        var asAt = new Option<string?>("--as-at") { Description = "For xlsx: the date the RAG column is computed for, YYYY-MM-DD (default: the plan's as_at)." };
        var command = new Command("export", "Export a plan (with its history and its savings plan) as YAML or XLSX.") { planId, format, outputFile, asAt };
        command.SetAction((parse, cancellationToken) => CliGuard.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var id = parse.GetRequiredValue(planId);
            var file = parse.GetValue(outputFile);
            var isXlsx = parse.GetValue(format) == "xlsx";
            if (isXlsx && file is null)
            {
                await error.WriteLineAsync("lodestar: --format xlsx needs --output FILE.");
                return 2;
            }

            if (!TryDate(parse.GetValue(asAt), out var date))
            {
                await error.WriteLineAsync($"lodestar: --as-at '{parse.GetValue(asAt)}' is not a date YYYY-MM-DD.");
                return 2;
            }

            await using var db = openDatabase();
            var plan = await ActionsStore.LoadPlanAsync(db, id, cancellationToken);
            if (plan is null)
            {
                await error.WriteLineAsync($"lodestar: no action plan '{id}'.");
                return 2;
            }

            var savings = await ActionsStore.LoadSavingsAsync(db, id, cancellationToken);
            if (isXlsx)
            {
                var on = date ?? plan.AsAt;
                if (on is null)
                {
                    await error.WriteLineAsync("lodestar: the plan has no as_at date: give --as-at YYYY-MM-DD for the RAG column.");
                    return 2;
                }

                await using var stream = file!.Create();
                ActionsXlsx.WritePlan(stream, plan, on.Value, savings);
                await output.WriteLineAsync($"Wrote {file.FullName}.");
                return 0;
            }

            var yaml = ActionsYamlWriter.Write(new ActionsDocument(plan, savings, null));
            if (file is null)
            {
                await output.WriteAsync(yaml);
            }
            else
            {
                await File.WriteAllTextAsync(file.FullName, yaml, cancellationToken);
                await output.WriteLineAsync($"Wrote {file.FullName}.");
            }

            return 0;
        }));
        return command;
    }

    private static Command Status(Func<LodestarDbContext> openDatabase)
    {
        var planId = new Argument<string>("PLAN") { Description = "The plan's id." };
        var asAt = new Option<string?>("--as-at") { Description = "The date to compute RAG for, YYYY-MM-DD (default: the plan's as_at)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("status", "RAG of every deliverable on a date, rolled up to workstreams and outcomes; counts; overdue list.") { planId, asAt, format };
        command.SetAction((parse, cancellationToken) => CliGuard.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (!TryDate(parse.GetValue(asAt), out var date))
            {
                await error.WriteLineAsync($"lodestar: --as-at '{parse.GetValue(asAt)}' is not a date YYYY-MM-DD.");
                return 2;
            }

            var id = parse.GetRequiredValue(planId);
            await using var db = openDatabase();
            var plan = await ActionsStore.LoadPlanAsync(db, id, cancellationToken);
            if (plan is null)
            {
                await error.WriteLineAsync($"lodestar: no action plan '{id}'.");
                return 2;
            }

            if ((date ?? plan.AsAt) is not { } on)
            {
                await error.WriteLineAsync("lodestar: the plan has no as_at date: give --as-at YYYY-MM-DD.");
                return 2;
            }

            var status = ActionPlanStatus.Compute(plan, on);
            await output.WriteAsync(parse.GetValue(format) == "json" ? CliOutput.ToJson(status) + "\n" : StatusTable(status));
            return 0;
        }));
        return command;
    }

    private static string StatusTable(ActionPlanStatus status)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var outcome in status.Outcomes)
        {
            rows.Add([outcome.Number, outcome.Title, "", "", outcome.Rag.ToString(), ""]);
            foreach (var w in outcome.Workstreams)
            {
                rows.Add([w.Number, w.Title, string.Join(", ", w.Leads), w.Priority?.ToString(), w.Rag.ToString(), w.RecordedRag?.ToString()]);
                rows.AddRange(w.Deliverables.Select(d => (IReadOnlyList<string?>)[d.Number, d.Text, CliOutput.Date(d.EndDate), "", d.Rag.Rag.ToString(), d.Rag.Reason]));
            }
        }

        var counts = ActionPlanStatus.CountedRags.Select(r => $"{r} {status.DeliverablesByRag[r]}");
        var byPriority = status.DeliverablesByPriority.Select(p => (IReadOnlyList<string?>)
            [p.Priority?.ToString() ?? "(none)", .. ActionPlanStatus.CountedRags.Select(r => p.ByRag[r].ToString(CultureInfo.InvariantCulture)), p.Total.ToString(CultureInfo.InvariantCulture)]);
        var overdue = status.Overdue.Select(o => (IReadOnlyList<string?>)
            [o.Number, o.Text, string.Join(", ", o.Leads), CliOutput.Date(o.EndDate), o.DaysOverdue.ToString(CultureInfo.InvariantCulture), o.Rag.ToString()]);

        return $"""
            {status.Title} ({status.PlanId}) as at {status.AsAt:yyyy-MM-dd}: {status.Rag}
            Deliverables: {string.Join(", ", counts)} (warning window {status.WarningWindowDays} days)

            {CliOutput.Table(["Number", "Title", "Lead / end", "Priority", "RAG", "Recorded / reason"], rows)}
            By priority:
            {CliOutput.Table(["Priority", .. ActionPlanStatus.CountedRags.Select(r => r.ToString()), "Total"], byPriority)}
            Overdue ({status.Overdue.Count}):
            {(status.Overdue.Count == 0 ? "none\n" : CliOutput.Table(["Number", "Deliverable", "Leads", "End", "Days overdue", "RAG"], overdue))}
            """;
    }

    internal static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
