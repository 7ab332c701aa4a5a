using System.CommandLine;
using Lodestar.Cli.Frameworks;

namespace Lodestar.Cli;

/// <summary>The <c>lodestar</c> command: each subcommand is a thin host over the same calls the web app makes.</summary>
public static class LodestarCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Lodestar: performance and outcomes for children's services, computed from the SSDA903 and CIN census returns.");
        root.Subcommands.Add(FrameworkCommands.Framework());
        root.Subcommands.Add(FrameworkCommands.Values());
        root.Subcommands.Add(FrameworkCommands.Targets());
        root.Subcommands.Add(FrameworkCommands.Scorecard());
        return root;
    }
}
