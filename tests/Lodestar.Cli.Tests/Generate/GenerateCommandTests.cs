namespace Lodestar.Cli.Tests.Generate;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lodestar-cli-generate-tests", Guid.NewGuid().ToString("N"));

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await LodestarCommand.Create().Parse(args).InvokeAsync(
            new System.CommandLine.InvocationConfiguration { Output = output, Error = output },
            TestContext.Current.CancellationToken);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Generate_SmallRun_WritesTheReturnsAndExitsZero()
    {
        var (exitCode, output) = await RunAsync(
            "generate", "--out", _folder, "--councils", "2", "--children-per-council", "60", "--years", "2", "--year-end", "2024", "--seed", "3");

        Assert.Equal(0, exitCode);
        Assert.Contains("Wrote 2 council(s) × 2 year(s) (2023–2024)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "E09000002", "903", "episodes_2023.csv")));
        Assert.True(File.Exists(Path.Combine(_folder, "E09000003", "903", "sw_episodes_2024.csv")));
        Assert.True(File.Exists(Path.Combine(_folder, "E09000003", "cin", "cin_2024.xml")));
        Assert.True(File.Exists(Path.Combine(_folder, "population.csv")));
        Assert.True(File.Exists(Path.Combine(_folder, "reference", "generated-postcodes.csv")));
        Assert.True(File.Exists(Path.Combine(_folder, "reference", "generated-providers.csv")));
        Assert.Contains(
            $"--postcodes {Path.Combine(_folder, "reference", "generated-postcodes.csv")} --providers {Path.Combine(_folder, "reference", "generated-providers.csv")}",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_GeneratedReturnsWithTheGeneratedLists_ExitsZeroAndRunsTheRulesThatNeedThem()
    {
        await RunAsync("generate", "--out", _folder, "--councils", "2", "--children-per-council", "60", "--years", "2", "--year-end", "2024", "--seed", "3");

        var (exitCode, output) = await RunAsync(
            "validate", _folder, "--postcodes", Path.Combine(_folder, "reference", "generated-postcodes.csv"), "--providers", Path.Combine(_folder, "reference", "generated-providers.csv"));

        Assert.True(exitCode == 0, output);
        Assert.Contains(": 0 errors", output, StringComparison.Ordinal);
        // Without the lists: "1008, 219 ... not run for 2023/24 (E09000002): it needs Ofsted's provider list, and none was given".
        Assert.DoesNotContain("none was given", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ReturnsGeneratedWithFaults_ExitsOneWithTheirErrors()
    {
        await RunAsync(
            "generate", "--out", _folder, "--councils", "1", "--children-per-council", "60", "--years", "2", "--year-end", "2024", "--seed", "3", "--faults");

        var (exitCode, output) = await RunAsync(
            "validate", _folder, "--postcodes", Path.Combine(_folder, "reference", "generated-postcodes.csv"), "--providers", Path.Combine(_folder, "reference", "generated-providers.csv"));

        Assert.True(exitCode == 1, output);
        Assert.DoesNotContain(": 0 errors", output, StringComparison.Ordinal);
        // Two of the faults, one in each return: a Header SEX that is no code (101) and a census UPN with a wrong check letter (1510).
        Assert.Matches(@"header_2024\.csv:\d+: error 101 SEX=""X""", output);
        Assert.Matches(@"cin_2024\.xml:\d+: error 1510 UPN=", output);
        Assert.Contains("\"faults\"", await File.ReadAllTextAsync(Path.Combine(_folder, "E09000002", "truth.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_WithoutOut_ExitsTwoWithOneLine()
    {
        var (exitCode, output) = await RunAsync("generate", "--councils", "1");

        Assert.Equal(2, exitCode);
        Assert.Equal("lodestar generate: --out DIR is required.", output.Trim());
    }

    [Theory]
    [InlineData("--councils", "0")]
    [InlineData("--councils", "9999")]
    [InlineData("--children-per-council", "1")]
    [InlineData("--years", "0")]
    [InlineData("--year-end", "1999")]
    public async Task Generate_ValueOutOfRange_ExitsTwoNamingTheOption(string option, string value)
    {
        var (exitCode, output) = await RunAsync("generate", "--out", _folder, option, value);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"lodestar generate: {option} {value}: Must be between", output.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_OutIsAFile_ExitsTwoWithoutAStackTrace()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);

        var (exitCode, output) = await RunAsync("generate", "--out", file, "--children-per-council", "20", "--years", "1");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("lodestar generate: cannot write to", output.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_NotANumber_FailsWithAMessage()
    {
        var (exitCode, output) = await RunAsync("generate", "--out", _folder, "--councils", "many");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("many", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
