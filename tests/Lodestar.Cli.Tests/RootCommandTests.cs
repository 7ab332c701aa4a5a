namespace Lodestar.Cli.Tests;

public sealed class RootCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await LodestarCommand.Create().Parse(args).InvokeAsync(
            new System.CommandLine.InvocationConfiguration { Output = output, Error = output },
            TestContext.Current.CancellationToken);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Help_Asked_DescribesTheProductAndExitsZero()
    {
        var (exitCode, output) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("children's services", output, StringComparison.Ordinal);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_Asked_PrintsTheAssemblyVersion()
    {
        var (exitCode, output) = await RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("0.1.0", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_Given_FailsWithAMessage()
    {
        var (exitCode, output) = await RunAsync("frobnicate");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("frobnicate", output, StringComparison.Ordinal);
    }
}
