namespace Lodestar.Cli.Tests;

public sealed class RootCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await LodestarCommand.RunAsync(
            args, new System.CommandLine.InvocationConfiguration { Output = output, Error = output }, TestContext.Current.CancellationToken);
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
    public async Task UnknownCommand_Given_ExitsTwoWithAMessage()
    {
        var (exitCode, output) = await RunAsync("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Contains("frobnicate", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate", "--out", "x", "--councils", "abc")]
    [InlineData("kpi")]
    [InlineData("validate", "--format", "yaml", "x")]
    [InlineData("returns", "import", "x")]
    [InlineData("returns", "list", "--council", "E10000003", "--format", "yaml")]
    [InlineData("returns", "confirm", "seven")]
    public async Task MalformedCommandLine_AnyCommand_ExitsTwo(params string[] args)
    {
        var (exitCode, output) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("lodestar", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pack", "--framework", "f", "--council", "873", "--year", "0", "--format", "pdf", "--out", "x.pdf")]
    [InlineData("signoff", "status", "--framework", "f", "--council", "873", "--year", "99999")]
    [InlineData("scorecard", "--framework", "f", "--council", "873", "--year", "1900")]
    [InlineData("scorecard", "national", "--framework", "f", "--year", "9999")]
    public async Task YearOutOfRange_EveryCommandWithAReportingYear_ExitsTwoNamingIt(params string[] args)
    {
        var (exitCode, output) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains($"--year: {args[Array.IndexOf(args, "--year") + 1]} is not a year (1901 to 9998)", output, StringComparison.Ordinal);
    }
}
