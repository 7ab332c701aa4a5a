using System.Text.Json;
using Lodestar.Web.Demo;
using Lodestar.Web.Returns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Demo;

/// <summary>The demo council's returns with the generator's deliberate faults (<c>Lodestar:Demo:Faults</c>), generated directly: no app is started.</summary>
public sealed class DemoReturnsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lodestar-demo-returns-tests", Guid.NewGuid().ToString("N"));

    // That the validator reports each fault at its file and line is DeliberateFaultsTests' (Lodestar.Formats.Tests), at a smaller
    // size; here, that the demo's generation writes them, in its last year only, without validating the demo (some 9 s).
    [Fact]
    public void GenerateIfEmpty_WithFaults_WritesTheCataloguesFaultsInTheLastYear()
    {
        Assert.True(DemoReturns.GenerateIfEmpty(_folder, faults: true));

        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, DemoReturns.Council, "truth.json")));
        var faults = truth.RootElement.GetProperty("faults").EnumerateArray().ToList();

        // The 18 kinds of docs/generator.md, "Deliberate faults", in the last year (2024/25) of the demo council, each in a file it names.
        Assert.Equal(18, faults.Count);
        Assert.All(faults, f => Assert.EndsWith("2025", Path.GetFileNameWithoutExtension(f.GetProperty("file").GetString()!), StringComparison.Ordinal));
        Assert.All(faults, f => Assert.True(File.Exists(Path.Combine(_folder, DemoReturns.Council, f.GetProperty("file").GetString()!))));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void AddStatutoryData_DemoFaultsSetting_ReachesTheReturnsOptions(string? setting, bool expected)
    {
        var settings = new Dictionary<string, string?> { ["Lodestar:Demo:Enabled"] = "true", ["Lodestar:Returns:Folder"] = _folder };
        if (setting is not null)
        {
            settings["Lodestar:Demo:Faults"] = setting;
        }

        var services = new ServiceCollection();
        services.AddStatutoryData(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _folder);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<ReturnsOptions>();

        Assert.True(options.Demo);
        Assert.Equal(expected, options.DemoFaults);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
