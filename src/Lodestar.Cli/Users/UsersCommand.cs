using System.CommandLine;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;

namespace Lodestar.Cli.Users;

/// <summary><c>lodestar users add NAME --role ROLE[,ROLE...] [--display-name TEXT]</c>: the password is read from standard input.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The user name to sign in with" };
        var roles = new Option<string>("--role")
        {
            Description = $"Comma-separated roles: {string.Join(", ", Roles.All)}",
            Required = true,
        };
        var displayName = new Option<string?>("--display-name") { Description = "The person's full name" };
        var add = new Command("add", "Create a user. The password (12+ characters) is read from the first line of standard input, never from an argument.")
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

            await using var db = CliDatabase.Open();
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
                $"cli:{Environment.UserName}", AuditActions.UserCreated, $"user {user.UserName}", string.Join(",", user.Roles.Select(r => r.Role)), cancellationToken);
            await output.WriteLineAsync($"Created user {user.UserName} ({string.Join(", ", user.Roles.Select(r => r.Role))}).");
            return 0;
        });
        return new Command("users", "Manage the people who can sign in to Lodestar.") { add };
    }
}
