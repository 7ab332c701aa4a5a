using System.CommandLine;
using Lodestar.Cli.Frameworks;
using Lodestar.Data;
using Lodestar.Testing;

namespace Lodestar.Cli.Tests.Frameworks;

public sealed class SampleFrameworksTests
{
    private static string? SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lodestar.slnx")))
            {
                var folder = Path.Combine(dir.FullName, "samples", "frameworks");
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }

    [Fact]
    public async Task FrameworkImport_EverySampleFrameworkTogether_Succeeds()
    {
        var files = SamplesFolder() is { } folder ? Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length == 0)
        {
            Assert.Skip("samples/frameworks/*.yaml is not in this checkout: the seed frameworks are written on another branch and arrive at merge.");
        }

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
