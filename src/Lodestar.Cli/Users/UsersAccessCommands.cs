using System.CommandLine;
using Lodestar.Data;
using Lodestar.Data.Security;

namespace Lodestar.Cli.Users;

/// <summary>
/// <c>lodestar users disable|enable NAME</c>, <c>users roles NAME --role ROLE[,ROLE...]</c> and
/// <c>users reset NAME</c>, <c>users reset-two-factor NAME</c>: access revoked or changed at once (the user's sessions end at their next
/// request), each audited as the command's actor through <see cref="UserAccounts"/>, as the web app's Users page does.
/// </summary>
internal static class UsersAccessCommands
{
    public static IEnumerable<Command> Create(Func<LodestarDbContext> open) =>
    [
        Active(open, active: false),
        Active(open, active: true),
        RolesCommand(open),
        Reset(open),
        ResetTwoFactor(open),
    ];

    private static Command Active(Func<LodestarDbContext> open, bool active)
    {
        var verb = active ? "enable" : "disable";
        var name = new Argument<string>("name") { Description = "The user name" };
        var command = new Command(
            verb,
            active
                ? "Re-enable a disabled user: they can sign in again with their password."
                : "Disable a user: they cannot sign in, and their sessions end at their next request. Their grants and roles are kept.")
        {
            name,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = open();
            var done = await new UserAccounts(db, TimeProvider.System).SetActiveAsync(CliDatabase.CliActor, parse.GetValue(name)!, active, cancellationToken);
            if (!await ReportAsync(parse, verb, done.Problems))
            {
                return 2;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"{done.Value.UserName}: {(active ? "enabled" : "disabled")}.");
            return 0;
        });
        return command;
    }

    private static Command RolesCommand(Func<LodestarDbContext> open)
    {
        var name = new Argument<string>("name") { Description = "The user name" };
        var roles = new Option<string>("--role")
        {
            Description = $"The user's new roles, comma-separated, replacing the old ones: {string.Join(", ", Roles.All)}",
            Required = true,
        };
        var command = new Command("roles", "Replace a user's roles. Their sessions end at their next request, so the new roles count at once.")
        {
            name, roles,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = open();
            var done = await new UserAccounts(db, TimeProvider.System).SetRolesAsync(
                CliDatabase.CliActor, parse.GetValue(name)!, parse.GetValue(roles)!.Split(','), cancellationToken);
            if (!await ReportAsync(parse, "roles", done.Problems))
            {
                return 2;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"{done.Value.UserName}: {string.Join(", ", done.Value.Roles.Select(r => r.Role).Order(StringComparer.Ordinal))}.");
            return 0;
        });
        return command;
    }

    private static Command Reset(Func<LodestarDbContext> open)
    {
        var name = new Argument<string>("name") { Description = "The user name" };
        var command = new Command(
            "reset",
            "Issue a one-time password-reset link for an active user and print its path once (append it to the web app's address). It works once, for 24 hours; only its hash is stored, and a new one replaces it.")
        {
            name,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = open();
            var issued = await new UserAccounts(db, TimeProvider.System).IssuePasswordResetAsync(CliDatabase.CliActor, parse.GetValue(name)!, cancellationToken);
            if (!await ReportAsync(parse, "reset", issued.Problems))
            {
                return 2;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"/account/reset/{issued.Value}");
            return 0;
        });
        return command;
    }

    private static Command ResetTwoFactor(Func<LodestarDbContext> open)
    {
        var name = new Argument<string>("name") { Description = "The user name" };
        var command = new Command(
            "reset-two-factor",
            "Turn off a user's two-factor sign-in (they lost their phone): their authenticator key and recovery codes are forgotten, their sessions end, and they sign in with their password and may set it up again.")
        {
            name,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = open();
            var done = await new TwoFactor(db, TimeProvider.System).DisableAsync(CliDatabase.CliActor, parse.GetValue(name)!);
            if (!await ReportAsync(parse, "reset-two-factor", done.Problems))
            {
                return 2;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"{done.Value.UserName}: two-factor sign-in off.");
            return 0;
        });
        return command;
    }

    private static async Task<bool> ReportAsync(ParseResult parse, string verb, IReadOnlyList<Lodestar.Domain.Problems.Problem> problems)
    {
        foreach (var problem in problems)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"lodestar users {verb}: {problem.Message}");
        }

        return problems.Count == 0;
    }
}
