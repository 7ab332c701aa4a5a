using System.CommandLine;
using Lodestar.Cli.Actions;
using Lodestar.Cli.Benchmarks;
using Lodestar.Cli.Frameworks;
using Lodestar.Cli.Generate;
using Lodestar.Cli.Kpi;
using Lodestar.Cli.Users;
using Lodestar.Cli.Validate;

namespace Lodestar.Cli;

/// <summary>The <c>lodestar</c> command: each subcommand is a thin host over the same calls the web app makes.</summary>
public static class LodestarCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Lodestar: performance and outcomes for children's services, computed from the SSDA903 and CIN census returns.");
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(BenchmarksCommand.Create());
        root.Subcommands.Add(ActionsCommand.Create());
        root.Subcommands.Add(SavingsCommand.Create());
        root.Subcommands.Add(BenefitsCommand.Create());
        root.Subcommands.Add(FrameworkCommands.Framework());
        root.Subcommands.Add(FrameworkCommands.Values());
        root.Subcommands.Add(FrameworkCommands.Targets());
        root.Subcommands.Add(FrameworkCommands.Scorecard());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(KpiCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        return root;
    }
}
