using System.CommandLine;
using Lodestar.Cli.Frameworks;
using Lodestar.Data;
using Lodestar.Testing;

namespace Lodestar.Cli.Tests.Frameworks;

public sealed class SampleFrameworksTests
{
    [Fact]
    public async Task FrameworkImport_EverySampleFrameworkTogether_Succeeds()
    {
        var files = Directory.GetFiles(Path.Combine(Repository.Root(), "samples", "frameworks"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4, files.Length);

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand("test") { FrameworkCommands.Framework(database.CreateContext) };

        var exitCode = await root.Parse(["framework", "import", .. files]).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, error.ToString());
        Assert.Equal(files.Length, output.ToString().Trim().Split('\n').Length);
    }
}
