using Lodestar.Domain.Councils;
using Lodestar.Web.Demo;
using Lodestar.Web.Returns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Demo;

/// <summary>The demo council's returns with the generator's deliberate faults (<c>Lodestar:Demo:Faults</c>), generated directly: no app is started.</summary>
public sealed class DemoReturnsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lodestar-demo-returns-tests", Guid.NewGuid().ToString("N"));

    // That the generator writes the 18 faults, each reported by its rule at its file and line, is DeliberateFaultsTests'
    // (Lodestar.Formats.Tests); here, that the demo asks for them when the setting does, without generating the demo (some 9 s).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Options_Faults_AreTheDemosWithTheFaultsAsAsked(bool faults)
    {
        var options = DemoReturns.Options(faults);

        Assert.Equal(faults, options.Faults);
        Assert.Equal((1, 800, 5, 2025, 20250331, true), (options.Councils, options.ChildrenPerCouncil, options.Years, options.YearEnd, options.Seed, options.AnnexA));
        Assert.Equal(DemoReturns.Council, CouncilList.Current[options.FirstCouncil].Code);
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
