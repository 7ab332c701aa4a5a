using System.CommandLine;
using System.Globalization;
using Lodestar.Data;
using Lodestar.Data.Security;
using Lodestar.Domain.Problems;

namespace Lodestar.Cli.Users;

/// <summary>
/// <c>lodestar tokens add USER [--name N] [--expires-days D]</c> (prints the token once), <c>tokens revoke USER
/// [--all | --name N]</c> and <c>tokens list USER</c>: personal access tokens for the JSON API
/// (<see cref="ApiTokens"/>), created and revoked as the command's actor (<see cref="CliDatabase.CliActor"/>),
/// audited, as the users commands are.
/// </summary>
internal static class TokensCommand
{
    public static Command Create(Func<LodestarDbContext>? openDatabase = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        return new Command("tokens", "Personal access tokens for the JSON API (/api/v1): sent as `Authorization: Bearer lsp_…`, they act as their owner with the owner's roles and council grants.")
        {
            Add(open),
            Revoke(open),
            List(open),
        };
    }

    private static Command Add(Func<LodestarDbContext> open)
    {
        var user = new Argument<string>("user") { Description = "The user the token acts as" };
        var name = new Option<string?>("--name") { Description = "A name for the token, unique among the user's live tokens (default token-N)" };
        var days = new Option<int?>("--expires-days") { Description = $"Days until it expires, 1 to {ApiTokens.MaxExpiresDays} (default: never)" };
        var command = new Command("add", "Create a token for an active user and print it once: only its hash is stored, so it cannot be shown again.")
        {
            user, name, days,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = open();
            var issued = await new ApiTokens(db, TimeProvider.System).CreateAsync(
                CliDatabase.CliActor, parse.GetValue(user)!, parse.GetValue(name), parse.GetValue(days), cancellationToken);
            if (!await ReportAsync(parse, "add", issued.Problems))
            {
                return 2;
            }

            var info = issued.Value.Info;
            await parse.InvocationConfiguration.Output.WriteLineAsync(issued.Value.Token);
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"Token '{info.Name}' for {UserNames.Normalise(parse.GetValue(user)!)}{(info.ExpiresAt is { } e ? $", expires {Date(e)}" : ", no expiry")}. It is shown once: keep it now.");
            return 0;
        });
        return command;
    }

    private static Command Revoke(Func<LodestarDbContext> open)
    {
        var user = new Argument<string>("user") { Description = "The token's owner" };
        var name = new Option<string?>("--name") { Description = "The token to revoke" };
        var all = new Option<bool>("--all") { Description = "Revoke every live token of the user" };
        var command = new Command("revoke", "Revoke a user's token (--name) or all of them (--all): it stops working at its next request.")
        {
            user, name, all,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var tokenName = parse.GetValue(name);
            if (parse.GetValue(all) == (tokenName is not null))
            {
                await error.WriteLineAsync("lodestar tokens revoke: give --name NAME or --all (one of them).");
                return 2;
            }

            await using var db = open();
            var revoked = await new ApiTokens(db, TimeProvider.System).RevokeAsync(CliDatabase.CliActor, parse.GetValue(user)!, tokenName, cancellationToken);
            if (!await ReportAsync(parse, "revoke", revoked.Problems))
            {
                return 2;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(revoked.Value.Count == 0
                ? "No live token to revoke."
                : $"Revoked: {string.Join(", ", revoked.Value)}.");
            return 0;
        });
        return command;
    }

    private static Command List(Func<LodestarDbContext> open)
    {
        var user = new Argument<string>("user") { Description = "The tokens' owner" };
        var command = new Command("list", "A user's tokens, newest first: name, created, expires, last used, and whether revoked or expired (never the token).")
        {
            user,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = open();
            var tokens = await new ApiTokens(db, TimeProvider.System).ListAsync(parse.GetValue(user)!, cancellationToken);
            if (tokens is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"lodestar tokens list: No user '{UserNames.Normalise(parse.GetValue(user)!)}'.");
                return 2;
            }

            var output = parse.InvocationConfiguration.Output;
            var now = DateTimeOffset.UtcNow;
            foreach (var t in tokens)
            {
                var state = t.RevokedAt is { } r ? $"revoked {Date(r)}" : t.IsLive(now) ? "live" : "expired";
                await output.WriteLineAsync(
                    $"{t.Name}\tcreated {Date(t.CreatedAt)}\texpires {(t.ExpiresAt is { } e ? Date(e) : "never")}\tlast used {(t.LastUsedAt is { } u ? Date(u) : "never")}\t{state}");
            }

            return 0;
        });
        return command;
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<bool> ReportAsync(ParseResult parse, string verb, IReadOnlyList<Problem> problems)
    {
        foreach (var problem in problems)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"lodestar tokens {verb}: {problem.Message}");
        }

        return problems.Count == 0;
    }
}
