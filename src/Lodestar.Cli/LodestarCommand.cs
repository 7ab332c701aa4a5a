using System.CommandLine;
using Lodestar.Cli.Actions;
using Lodestar.Cli.Benchmarks;
using Lodestar.Cli.Frameworks;
using Lodestar.Cli.Forecast;
using Lodestar.Cli.Generate;
using Lodestar.Cli.Kpi;
using Lodestar.Cli.Packs;
using Lodestar.Cli.Returns;
using Lodestar.Cli.Users;
using Lodestar.Cli.Validate;

namespace Lodestar.Cli;

/// <summary>The <c>lodestar</c> command: each subcommand is a thin host over the same calls the web app makes.</summary>
internal static class LodestarCommand
{
    /// <summary>Exit code for misuse: an unknown command or option, a missing or malformed argument.</summary>
    public const int Misuse = 2;

    /// <summary>
    /// Parses and runs a command line. A command line that does not parse exits <see cref="Misuse"/> (2)
    /// with the parser's messages on standard error — not System.CommandLine's default 1, which Lodestar
    /// keeps for "data errors found".
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        configuration ??= new InvocationConfiguration();
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await configuration.Error.WriteLineAsync($"lodestar: {error.Message}");
            }

            await configuration.Error.WriteLineAsync("Run `lodestar --help` (or `lodestar COMMAND --help`) for usage.");
            return Misuse;
        }

        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Lodestar: performance and outcomes for children's services, computed from the SSDA903 and CIN census returns.");
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(TokensCommand.Create());
        root.Subcommands.Add(BenchmarksCommand.Create());
        root.Subcommands.Add(ActionsCommand.Create());
        root.Subcommands.Add(SavingsCommand.Create());
        root.Subcommands.Add(BenefitsCommand.Create());
        root.Subcommands.Add(FrameworkCommands.Framework());
        root.Subcommands.Add(FrameworkCommands.Values());
        root.Subcommands.Add(FrameworkCommands.Targets());
        root.Subcommands.Add(FrameworkCommands.Scorecard());
        root.Subcommands.Add(PackCommand.Create());
        root.Subcommands.Add(SignOffCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(KpiCommand.Create());
        root.Subcommands.Add(ForecastCommand.Create());
        root.Subcommands.Add(ReturnsCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        return root;
    }
}
