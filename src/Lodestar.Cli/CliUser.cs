using System.CommandLine;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Security;
using Lodestar.Domain.Councils;

namespace Lodestar.Cli;

/// <summary>
/// The Lodestar user a command that reads or changes a council's stored data acts as: <c>--user NAME</c>,
/// else the <c>LODESTAR_USER</c> environment variable. The user must exist, be active, hold the role the
/// web app would require and a grant for the council (<see cref="CouncilGrants"/>, the web app's rule);
/// otherwise the command answers as it does for a council it does not know. Audited as <c>cli:NAME</c>.
/// </summary>
internal static class CliUser
{
    public const string EnvironmentVariable = "LODESTAR_USER";

    public static Option<string?> CreateOption() => new("--user")
    {
        Description = $"The Lodestar user to act as (default: ${EnvironmentVariable}); needs the role and a grant for the council",
        HelpName = "NAME",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } name ? name : null,
    };

    /// <summary>Who the command acts as, in the audit log.</summary>
    public static string Actor(string userName) => $"cli:{userName.Trim().ToLowerInvariant()}";

    /// <summary>The user's name, or null after saying on standard error how to give it (the command exits 2).</summary>
    public static string? Required(ParseResult parse, Option<string?> option, string command)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(option) is { Length: > 0 } name)
        {
            return name;
        }

        parse.InvocationConfiguration.Error.WriteLine($"lodestar {command}: name the Lodestar user to act as: --user NAME, or set {EnvironmentVariable}");
        return null;
    }

    /// <summary>The one rule: the active user holds <paramref name="role"/> and may see <paramref name="council"/>.</summary>
    public static Task<bool> AllowsAsync(LodestarDbContext db, string userName, string council, string role, CancellationToken cancellationToken) =>
        new CouncilGrants(db, TimeProvider.System).AllowsAsync(userName, council, role, cancellationToken);

    /// <summary>
    /// The council named by code or LA number when the user may see it; else null, with the message for a council that
    /// does not exist written to <paramref name="error"/> (a council without a grant is answered as an unknown one).
    /// </summary>
    public static async Task<Council?> CouncilAsync(
        LodestarDbContext db, string userName, string councilText, TimeProvider clock, TextWriter error, CancellationToken cancellationToken)
    {
        var chosen = await new ScorecardService(db, new FrameworkStore(db), new BenchmarkStore(db), StatutoryDataStore.Empty, clock)
            .CouncilAsync(councilText, cancellationToken);
        if (chosen is null || !await AllowsAsync(db, userName, chosen.Code, Roles.Viewer, cancellationToken))
        {
            await error.WriteLineAsync($"no council with code or LA number '{councilText}'");
            return null;
        }

        return chosen;
    }
}
