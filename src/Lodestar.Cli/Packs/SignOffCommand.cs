using System.CommandLine;
using System.Globalization;
using Lodestar.Application.Packs;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Security;
using Lodestar.Domain.Periods;

namespace Lodestar.Cli.Packs;

/// <summary>
/// <c>lodestar signoff status|submit|approve|reopen</c>: sign-off of a council's results for a framework and
/// reporting year (docs/packs.md), as the pack page and the API do it: submit needs the editor role, approve and
/// reopen the manager role (reopen with <c>--reason</c>), status any role; every one a grant for the council.
/// Exit codes: 0 done, 1 unknown framework or council (or no grant: the same message), a missing role, or a
/// transition the status does not allow; 2 misuse.
/// </summary>
internal static class SignOffCommand
{
    public static Command Create(Func<LodestarDbContext>? openDatabase = null, TimeProvider? clock = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var action = new Argument<string>("action") { Description = "status, submit, approve or reopen." };
        action.AcceptOnlyFromAmong("status", "submit", "approve", "reopen");
        var framework = new Option<string>("--framework") { Description = "The framework's id.", Required = true };
        var council = new Option<string>("--council") { Description = "The council's DfE code (E10000003) or LA number (873).", Required = true };
        var year = CliYear.Required();
        var reason = new Option<string?>("--reason") { Description = "Why the figures are reopened (reopen only)." };
        var user = CliUser.CreateOption();
        var command = new Command(
            "signoff",
            "Sign-off of a council's results for a framework and year: status, submit (editor), approve (manager: freezes the "
            + "figures the pack prints) or reopen with --reason (manager). Audited as the --user.")
        {
            action, framework, council, year, reason, user,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var yearValue = parse.GetValue(year);
            var verb = parse.GetRequiredValue(action);
            if (verb == "reopen" && string.IsNullOrWhiteSpace(parse.GetValue(reason)))
            {
                await error.WriteLineAsync("--reason: say why the figures are reopened");
                return LodestarCommand.Misuse;
            }

            if (CliUser.Required(parse, user, "signoff") is not { } userName)
            {
                return LodestarCommand.Misuse;
            }

            var frameworkId = parse.GetRequiredValue(framework);
            var councilText = parse.GetRequiredValue(council);
            var time = clock ?? TimeProvider.System;
            await using var db = open();
            var store = new FrameworkStore(db);
            if (await CliUser.CouncilAsync(db, userName, councilText, time, error, cancel) is not { } chosen)
            {
                return 1;
            }

            if (await store.LoadAsync(frameworkId, cancel) is null)
            {
                await error.WriteLineAsync($"no framework with id '{frameworkId}'");
                return 1;
            }

            var role = verb switch { "submit" => Roles.Editor, "approve" or "reopen" => Roles.Manager, _ => Roles.Viewer };
            if (!await CliUser.AllowsAsync(db, userName, chosen.Code, role, cancel))
            {
                await error.WriteLineAsync($"lodestar signoff {verb}: {userName} does not have the {role} role");
                return 1;
            }

            // The council's model from its confirmed submissions, computed as the web app computes (its population estimates and
            // postcode lookup, from the settings), so an approval freezes what the web app shows.
            var lookup = CliReferences.LoadPostcodes();
            if (!lookup.Succeeded)
            {
                return CliReferences.Refused(error, $"signoff {verb}", lookup.Problems);
            }

            var returns = StatutoryDataStore.From(await ConfirmedReturns.LoadAsync(db, chosen.Code, cancel), CliDatabase.Options(lookup.Value.Postcodes));
            var service = new PackSignOffService(db, new ScorecardService(db, store, new BenchmarkStore(db), returns, time), new AuditLog(db, time), time);
            var actor = CliUser.Actor(userName);
            var result = verb switch
            {
                "submit" => await service.SubmitAsync(actor, frameworkId, chosen.Code, yearValue, cancel),
                "approve" => await service.ApproveAsync(actor, frameworkId, chosen.Code, yearValue, cancel),
                "reopen" => await service.ReopenAsync(actor, frameworkId, chosen.Code, yearValue, parse.GetValue(reason), cancel),
                _ => Domain.Problems.Result.Success(await service.StateAsync(frameworkId, chosen.Code, yearValue, cancel)),
            };
            if (!result.Succeeded)
            {
                await error.WriteLineAsync($"lodestar signoff {verb}: {result.Problems[0].Message}");
                return 1;
            }

            var state = result.Value;
            var last = state.History.LastOrDefault();
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"{frameworkId} {chosen.Code} {Period.ReportingYear(yearValue).Describe()}: {state.Status.ToString().ToLowerInvariant()}"
                + (last is null ? "" : $" ({last.Actor}, {last.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}{(last.Reason is null ? "" : $": {last.Reason}")})"));
            return 0;
        });
        return command;
    }
}
