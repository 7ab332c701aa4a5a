using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lodestar.Application.Returns;
using Lodestar.Cli.Actions;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Data.Security;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Returns;
using Lodestar.Formats;
using Lodestar.Formats.Reference;
using Lodestar.Formats.Text;
using Lodestar.Formats.Validation;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Cli.Returns;

/// <summary>
/// <c>lodestar returns import|list|confirm|discard|rollback</c>: a council's statutory returns stored as
/// submissions, through the <see cref="Submissions"/> use case the web app calls (docs/returns.md). Exit
/// codes: 0 done (stored with no errors), 1 stored with data errors, 2 refused (nothing stored) or misuse.
/// Each acts as a Lodestar user (<see cref="CliUser"/>: <c>--user</c> or <c>LODESTAR_USER</c>) who needs the
/// web app's role (editor to import and discard, manager to confirm and roll back, any to list) and a grant
/// for the council; without them the council, or the submission, is answered as unknown.
/// </summary>
internal static class ReturnsCommand
{
    /// <summary>How many findings an import prints; the rest are counted.</summary>
    public const int FindingsShown = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(Func<LodestarDbContext>? openDatabase = null, TimeProvider? clock = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var time = clock ?? TimeProvider.System;
        var command = new Command(
            "returns",
            "A council's SSDA903 and CIN census returns, stored in Lodestar's database as submissions: import (check), confirm, discard, roll back, list; load many councils at once.");
        command.Subcommands.Add(Import(open, time));
        command.Subcommands.Add(Load(open, time));
        command.Subcommands.Add(List(open, time));
        command.Subcommands.Add(Step("confirm", "Confirm a checked submission: it becomes the council's data for its return and year, superseding the confirmed one (manager role).", Roles.Manager, open, time, storesResults: true, (s, actor, id, c) => s.ConfirmAsync(actor, id, c)));
        command.Subcommands.Add(Step("discard", "Set a checked submission aside unconfirmed; it stays in the history (editor role).", Roles.Editor, open, time, storesResults: false, (s, actor, id, c) => s.DiscardAsync(actor, id, c)));
        command.Subcommands.Add(Step("rollback", "Roll back the confirmed submission: the one it superseded is confirmed again (manager role).", Roles.Manager, open, time, storesResults: true, (s, actor, id, c) => s.RollBackAsync(actor, id, c)));
        return command;
    }

    private static Command Import(Func<LodestarDbContext> open, TimeProvider clock)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "The files of one return and one collection year, or folders (searched recursively for .csv and .xml).",
        };
        var council = new Option<string>("--council") { Description = "The council's code, e.g. E10000003.", Required = true };
        var year = new Option<int?>("--year") { Description = "The collection year of 903 files (2025: April 2024 to March 2025); default: from the file names, else the dates." };
        var confirm = new Option<bool>("--confirm") { Description = "Confirm the submission once stored (data errors included; manager role); without it, it is left checked for someone to confirm." };
        var user = CliUser.CreateOption();
        var command = new Command(
            "import",
            "Check one return (SSDA903 or CIN census) for one collection year and store it as a submission with its files and findings (editor role, a grant for the council). "
            + "A file that cannot be read, or a mixture of returns or years, refuses the whole command and stores nothing. "
            + "The 903 rules that need reference lists use the files named by Lodestar__Reference__Postcodes and Lodestar__Reference__Providers, else are listed as not run; "
            + "the KPIs stored on --confirm use that postcode lookup for cla_placed_20_miles, as the web app does.")
        {
            paths, council, year, confirm, user,
        };
        command.SetAction((parse, cancel) =>
        {
            var (output, error) = Writers(parse);
            return CliGuard.RunAsync(error, async () =>
            {
                var yearValue = parse.GetValue(year);
                if (yearValue is not null and not (>= 1990 and <= 2100))
                {
                    await error.WriteLineAsync($"lodestar returns import: --year {yearValue} is not a collection year (e.g. 2025)");
                    return 2;
                }

                if (CliUser.Required(parse, user, "returns import") is not { } userName)
                {
                    return 2;
                }

                var (files, problems) = ReadFiles(parse.GetRequiredValue(paths), ReadLimits.Default);
                if (problems.Count > 0)
                {
                    return await RefusedAsync(error, problems);
                }

                await using var db = open();
                var councilCode = parse.GetRequiredValue(council);
                if (!await CliUser.AllowsAsync(db, userName, councilCode, Roles.Editor, cancel)
                    || (parse.GetValue(confirm) && !await CliUser.AllowsAsync(db, userName, councilCode, Roles.Manager, cancel)))
                {
                    // Exactly the use case's answer to a council it does not know.
                    return await RefusedAsync(error, [new Problem($"unknown council '{councilCode}'")]);
                }

                // The reference lists some 903 rules need, from the settings as the web app reads them (CliReferences).
                var references = CliReferences.Load();
                if (!references.Succeeded)
                {
                    return await RefusedAsync(error, references.Problems);
                }

                var actor = CliUser.Actor(userName);
                var submissions = new Submissions(db, new AuditLog(db, clock), clock, references: references.Value, engine: CliDatabase.Engine(references.Value.Postcodes));
                var checkedOne = await submissions.CheckAsync(actor, councilCode, files, yearValue, cancel);
                if (!checkedOne.Succeeded)
                {
                    return await RefusedAsync(error, checkedOne.Problems);
                }

                var (summary, findings) = checkedOne.Value;
                await output.WriteAsync(Describe(summary));
                await WriteFindingsAsync(output, findings);
                if (parse.GetValue(confirm))
                {
                    var confirmed = await submissions.ConfirmAsync(actor, summary.Id, cancel);
                    if (!confirmed.Succeeded)
                    {
                        await error.WriteLineAsync($"lodestar returns import: stored, not confirmed: {confirmed.Problems[0].Message}");
                        return 2;
                    }

                    await output.WriteLineAsync(Confirmed(confirmed.Value));
                }
                else
                {
                    await output.WriteLineAsync($"Not confirmed yet: `lodestar returns confirm {summary.Id}` confirms it, `lodestar returns discard {summary.Id}` sets it aside.");
                }

                return summary.Errors > 0 ? 1 : 0;
            });
        });
        return command;
    }

    private static Command Load(Func<LodestarDbContext> open, TimeProvider clock)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Folders of many councils' returns, one folder per council code (as lodestar generate writes them), searched recursively for .csv and .xml.",
        };
        var workers = new Option<int>("--workers") { Description = "Councils read and computed at once (default: one per processor).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var user = CliUser.CreateOption();
        var command = new Command(
            "load",
            "Take in many councils' returns at once: each council's files grouped by return and year, each group checked as an import checks it and stored confirmed, "
            + "and every KPI of every council stored, in one transaction (manager role, a grant for every council). Only for councils with no confirmed submission. "
            + "Anything a submission would refuse, or a failure while writing, stores nothing. "
            + "The reference lists (and the postcode lookup the KPIs use for cla_placed_20_miles) are the files named by Lodestar__Reference__Postcodes and Lodestar__Reference__Providers.")
        {
            paths, workers, user,
        };
        command.SetAction((parse, cancel) =>
        {
            var (output, error) = Writers(parse);
            return CliGuard.RunAsync(error, async () =>
            {
                if (CliUser.Required(parse, user, "returns load") is not { } userName)
                {
                    return 2;
                }

                if (parse.GetValue(workers) is not (>= 1 and <= 64) and var count)
                {
                    await error.WriteLineAsync($"lodestar returns load: --workers {count} is not between 1 and 64");
                    return 2;
                }

                await using var db = open();
                var given = parse.GetRequiredValue(paths);
                var councils = StatutoryDataLoader.GroupByCouncil(given).Councils.Select(c => c.Council).Where(c => c != StatutoryDataLoader.UnknownCouncil).ToList();
                var denied = new List<Problem>();
                foreach (var council in councils)
                {
                    if (!await CliUser.AllowsAsync(db, userName, council, Roles.Manager, cancel))
                    {
                        // Exactly the use case's answer to a council it does not know.
                        denied.Add(new Problem($"unknown council '{council}'"));
                    }
                }

                if (denied.Count > 0)
                {
                    return await RefusedAsync(error, denied, "load");
                }

                // The reference lists some 903 rules need, from the settings as `returns import` reads them.
                var references = CliReferences.Load();
                if (!references.Succeeded)
                {
                    return await RefusedAsync(error, references.Problems, "load");
                }

                var clockStarted = System.Diagnostics.Stopwatch.StartNew();
                var load = new BulkLoad(db, clock, CliDatabase.Engine(references.Value.Postcodes)) { Workers = parse.GetValue(workers), References = references.Value };
                var loaded = await load.LoadAsync(CliUser.Actor(userName), given, cancellationToken: cancel);
                if (!loaded.Succeeded)
                {
                    return await RefusedAsync(error, loaded.Problems, "load");
                }

                var done = loaded.Value;
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Loaded {done.Councils} councils: {done.Submissions} submissions checked and confirmed ({done.Files} files, {done.Bytes / 1e6:N0} MB), {done.Errors} errors, {done.Warnings} warnings; {done.Results:N0} KPI results stored; {clockStarted.Elapsed.TotalSeconds:N1} s."));
                return done.Errors > 0 ? 1 : 0;
            });
        });
        return command;
    }

    private static Command List(Func<LodestarDbContext> open, TimeProvider clock)
    {
        var council = new Option<string>("--council") { Description = "The council's code, e.g. E10000003.", Required = true };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var user = CliUser.CreateOption();
        var command = new Command("list", "A council's submissions, newest first: return, year, status, who checked and confirmed them and when, files with SHA-256, rows, finding counts.")
        {
            council, format, user,
        };
        command.SetAction((parse, cancel) =>
        {
            var (output, error) = Writers(parse);
            return CliGuard.RunAsync(error, async () =>
            {
                if (CliUser.Required(parse, user, "returns list") is not { } userName)
                {
                    return 2;
                }

                await using var db = open();
                var councilCode = parse.GetRequiredValue(council);
                if (!await CliUser.AllowsAsync(db, userName, councilCode, Roles.Viewer, cancel))
                {
                    // An unknown council and one the user has no grant for get the same answer.
                    await error.WriteLineAsync($"lodestar returns list: unknown council '{councilCode}'");
                    return 2;
                }

                var history = await Use(db, clock).ListAsync(councilCode, cancel);
                if (parse.GetValue(format) == "json")
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(history.Select(SubmissionResponse.From), Json));
                    return 0;
                }

                foreach (var summary in history)
                {
                    await output.WriteAsync(Describe(summary));
                }

                if (history.Count == 0)
                {
                    await output.WriteLineAsync($"No submissions for {parse.GetRequiredValue(council)}.");
                }

                return 0;
            });
        });
        return command;
    }

    /// <summary>
    /// A subcommand taking a submission's id to one of the use case's steps: exit 0 done, 2 refused. A
    /// submission of a council the user may not act on (<paramref name="role"/> and a grant) is answered as
    /// one that does not exist.
    /// </summary>
    private static Command Step(
        string name, string description, string role, Func<LodestarDbContext> open, TimeProvider clock, bool storesResults,
        Func<Submissions, string, long, CancellationToken, Task<Result<SubmissionSummary>>> step)
    {
        var id = new Argument<long>("ID") { Description = "The submission's id (from `lodestar returns list`)." };
        var user = CliUser.CreateOption();
        var command = new Command(name, description) { id, user };
        command.SetAction((parse, cancel) =>
        {
            var (output, error) = Writers(parse);
            return CliGuard.RunAsync(error, async () =>
            {
                if (CliUser.Required(parse, user, $"returns {name}") is not { } userName)
                {
                    return 2;
                }

                await using var db = open();
                var submissionId = parse.GetRequiredValue(id);
                var council = await db.Set<SubmissionEntity>().Where(s => s.Id == submissionId).Select(s => s.CouncilCode).FirstOrDefaultAsync(cancel);
                if (council is null || !await CliUser.AllowsAsync(db, userName, council, role, cancel))
                {
                    await error.WriteLineAsync($"lodestar returns {name}: no submission {submissionId}");
                    return 2;
                }

                // The stored results a confirmation or roll-back writes are computed with the web app's postcode lookup.
                var postcodes = storesResults ? CliReferences.LoadPostcodes() : Result.Success(ValidationReferences.None);
                if (!postcodes.Succeeded)
                {
                    return CliReferences.Refused(error, $"returns {name}", postcodes.Problems);
                }

                var done = await step(Use(db, clock, postcodes.Value.Postcodes), CliUser.Actor(userName), submissionId, cancel);
                if (!done.Succeeded)
                {
                    await error.WriteLineAsync($"lodestar returns {name}: {done.Problems[0].Message}");
                    return 2;
                }

                await output.WriteAsync(Describe(done.Value));
                return 0;
            });
        });
        return command;
    }

    /// <summary>
    /// The files named on the command line, read into memory and named by their file name alone (folders
    /// searched recursively for .csv and .xml, as <c>lodestar validate</c> does); a missing path or a file
    /// over the size limit is a problem, checked before reading.
    /// </summary>
    internal static (List<InputFile> Files, List<Problem> Problems) ReadFiles(IEnumerable<string> paths, ReadLimits limits)
    {
        var files = new List<InputFile>();
        var problems = new List<Problem>();
        foreach (var path in paths)
        {
            IEnumerable<string> found;
            if (Directory.Exists(path))
            {
                found = Directory
                    .EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = true })
                    .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
            }
            else if (File.Exists(path))
            {
                found = [path];
            }
            else
            {
                problems.Add(Problem.InFile(path, "no such file or folder"));
                continue;
            }

            foreach (var file in found)
            {
                var size = new FileInfo(file).Length;
                if (size > limits.MaxFileBytes)
                {
                    problems.Add(Problem.InFile(file, $"file is {size:N0} bytes, over the limit of {limits.MaxFileBytes:N0}"));
                    continue;
                }

                files.Add(new InputFile(Path.GetFileName(file), File.ReadAllBytes(file)));
            }
        }

        if (files.Count == 0 && problems.Count == 0)
        {
            problems.Add(new Problem("no .csv or .xml files found"));
        }

        return (files, problems);
    }

    // The web app's engine (its population estimates and postcode lookup), for the stored results a confirmation or roll-back writes.
    private static Submissions Use(LodestarDbContext db, TimeProvider clock, PostcodeLookup? postcodes = null) =>
        new(db, new AuditLog(db, clock), clock, engine: CliDatabase.Engine(postcodes));

    private static async Task<int> RefusedAsync(TextWriter error, IReadOnlyList<Problem> problems, string command = "import")
    {
        await error.WriteLineAsync($"lodestar returns {command}: refused, nothing stored:");
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"  {problem}");
        }

        return 2;
    }

    private static async Task WriteFindingsAsync(TextWriter output, IReadOnlyList<Problem> findings)
    {
        foreach (var finding in findings.Take(FindingsShown))
        {
            await output.WriteLineAsync($"  {(finding.Severity == Severity.Error ? "error" : "warning")} {finding.Rule}: {finding}");
        }

        if (findings.Count > FindingsShown)
        {
            await output.WriteLineAsync($"  … and {findings.Count - FindingsShown} more findings.");
        }
    }

    /// <summary>A submission in a few lines: what, status, who and when, files, rows, counts, the rules that could not run.</summary>
    private static string Describe(SubmissionSummary s)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Submission {s.Id}: {s.Council} {Label(s.Return)} {s.CollectionYear}, {Label(s.Status)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  checked by {s.CheckedBy} at {Time(s.CheckedAt)}");
        if (s.ConfirmedBy is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  confirmed by {s.ConfirmedBy} at {Time(s.ConfirmedAt!.Value)}{(s.SupersededId is { } old ? $", superseding submission {old}" : "")}");
        }

        foreach (var f in s.Files)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  file {f.Name} ({f.Kind}, {f.Size:N0} bytes) sha256 {f.Sha256}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  rows: {string.Join(", ", s.Rows.Select(r => $"{r.Key} {r.Value}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {s.Errors} error{(s.Errors == 1 ? "" : "s")}, {s.Warnings} warning{(s.Warnings == 1 ? "" : "s")}");
        // A rule that could not run is neither counted nor passed: said, on the import and in the list.
        foreach (var line in RuleNotRun.Lines(s.NotRun))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        }

        return text.ToString();
    }

    private static string Confirmed(SubmissionSummary s) =>
        $"Confirmed submission {s.Id} as {s.Council}'s {Label(s.Return)} {s.CollectionYear}{(s.SupersededId is { } old ? $", superseding submission {old}" : "")}.";

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Label(StatutoryReturn r) => r.Label();

    private static string Label(SubmissionStatus status) => status == SubmissionStatus.RolledBack ? "rolled back" : status.ToString().ToLowerInvariant();

    private static (TextWriter Output, TextWriter Error) Writers(ParseResult parse) =>
        (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
}
