using System.CommandLine;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Cli.Users;

/// <summary>
/// <c>lodestar users add NAME --role ROLE[,ROLE...] [--display-name TEXT]</c> (the password is read from
/// standard input); <c>users disable|enable|roles|reset</c> (<see cref="UsersAccessCommands"/>); <c>users grant NAME --council CODE... | --all-councils</c>, <c>users revoke NAME
/// --council CODE... | --all-councils</c>, <c>users list</c>: council grants (<see cref="CouncilGrants"/>), audited.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(Func<LodestarDbContext>? openDatabase = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var name = new Argument<string>("name") { Description = "The user name to sign in with" };
        var roles = new Option<string>("--role")
        {
            Description = $"Comma-separated roles: {string.Join(", ", Roles.All)}",
            Required = true,
        };
        var displayName = new Option<string?>("--display-name") { Description = "The person's full name" };
        var add = new Command("add", "Create a user. The password is read from the first line of standard input, never from an argument: at least 12 characters, not a common password (no other rules). The user name: letters, digits and . _ - @.")
        {
            name, roles, displayName,
        };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var password = await Console.In.ReadLineAsync(cancellationToken);
            if (string.IsNullOrEmpty(password))
            {
                await error.WriteLineAsync("lodestar users add: give the password on standard input, e.g. `lodestar users add ann --role viewer < password.txt`.");
                return 2;
            }

            await using var db = open();
            var created = await new UserAccounts(db, TimeProvider.System).CreateAsync(
                parse.GetValue(name)!, parse.GetValue(displayName) ?? "", password, parse.GetValue(roles)!.Split(','), cancellationToken);
            if (!created.Succeeded)
            {
                foreach (var problem in created.Problems)
                {
                    await error.WriteLineAsync($"lodestar users add: {problem.Message}");
                }

                return 2;
            }

            var user = created.Value;
            await new AuditLog(db, TimeProvider.System).RecordAsync(
                CliDatabase.CliActor, AuditActions.UserCreated, $"user {user.UserName}", string.Join(",", user.Roles.Select(r => r.Role)), cancellationToken);
            await output.WriteLineAsync($"Created user {user.UserName} ({string.Join(", ", user.Roles.Select(r => r.Role))}).");
            return 0;
        });
        var users = new Command("users", "Manage the people who can sign in to Lodestar, their roles and access, and the councils they may see.")
        {
            add, Grant(open, revoke: false), Grant(open, revoke: true), List(open),
        };
        foreach (var command in UsersAccessCommands.Create(open))
        {
            users.Subcommands.Add(command);
        }

        return users;
    }

    private static Command Grant(Func<LodestarDbContext> open, bool revoke)
    {
        var verb = revoke ? "revoke" : "grant";
        var name = new Argument<string>("name") { Description = "The user name" };
        var councils = new Option<string[]>("--council")
        {
            Description = "Council codes (E10000003) or LA numbers (873); several after one --council or --council repeated",
            HelpName = "CODE",
            AllowMultipleArgumentsPerToken = true,
        };
        var all = new Option<bool>("--all-councils")
        {
            Description = revoke ? "Take back all councils (the councils granted one by one stay)" : "Every council, now and later (a regional team)",
        };
        var command = new Command(
            verb,
            revoke
                ? "Revoke councils from a user: from the next request they answer as councils that do not exist."
                : "Grant a user councils: they see those councils' child-level data and results, as their roles allow.")
        {
            name, councils, all,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var codes = parse.GetValue(councils) ?? [];
            var allCouncils = parse.GetValue(all);
            if (codes.Length == 0 == !allCouncils)
            {
                await error.WriteLineAsync($"lodestar users {verb}: give --council CODE... or --all-councils (one of the two)");
                return 2;
            }

            await using var db = open();
            var grants = new CouncilGrants(db, TimeProvider.System);
            var userName = parse.GetValue(name)!;
            var done = allCouncils
                ? await grants.SetAllCouncilsAsync(CliDatabase.CliActor, userName, !revoke, cancellationToken)
                : revoke
                    ? await grants.RevokeAsync(CliDatabase.CliActor, userName, codes, cancellationToken)
                    : await grants.GrantAsync(CliDatabase.CliActor, userName, codes, cancellationToken);
            if (!done.Succeeded)
            {
                foreach (var problem in done.Problems)
                {
                    await error.WriteLineAsync($"lodestar users {verb}: {problem.Message}");
                }

                return 2;
            }

            await output.WriteLineAsync($"{done.Value.UserName}: {Describe(done.Value)}.");
            return 0;
        });
        return command;
    }

    private static Command List(Func<LodestarDbContext> open)
    {
        var command = new Command("list", "Every user: name, roles, active or not, and the councils they may see.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            await using var db = open();
            var users = await db.Set<UserEntity>().AsNoTracking().Include(u => u.Roles).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
            var grants = (await new CouncilGrants(db, TimeProvider.System).ListAsync(cancellationToken)).ToDictionary(g => g.UserName, StringComparer.Ordinal);
            foreach (var user in users)
            {
                var roles = string.Join(",", user.Roles.Select(r => r.Role).Order(StringComparer.Ordinal));
                await output.WriteLineAsync($"{user.UserName}\t{roles}\t{(user.IsActive ? "active" : "inactive")}\t{Describe(grants[user.UserName])}");
            }

            if (users.Count == 0)
            {
                await output.WriteLineAsync("No users yet.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>"all councils", "E10000003, E10000015", "all councils (and E10000003)" or "no councils".</summary>
    private static string Describe(UserCouncils grants) => (grants.AllCouncils, grants.Councils.Count) switch
    {
        (true, 0) => "all councils",
        (true, _) => $"all councils (and {string.Join(", ", grants.Councils)})",
        (false, 0) => "no councils",
        _ => string.Join(", ", grants.Councils),
    };
}
