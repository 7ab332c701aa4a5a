using System.CommandLine;
using Lodestar.Cli.Generate;

namespace Lodestar.Cli;

/// <summary>The <c>lodestar</c> command: each subcommand is a thin host over the same calls the web app makes.</summary>
public static class LodestarCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Lodestar: performance and outcomes for children's services, computed from the SSDA903 and CIN census returns.");
        root.Subcommands.Add(GenerateCommand.Create());
        return root;
    }
}
