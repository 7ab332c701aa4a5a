using System.CommandLine;
using Lodestar.Cli.Frameworks;
using Lodestar.Cli.Packs;
using Lodestar.Data;
using Lodestar.Data.Security;
using Lodestar.Testing;

namespace Lodestar.Cli.Tests.Packs;

public sealed class PackCommandTests : IAsyncLifetime
{
    private const string Yaml = """
        id: cli-pack
        title: "CLI pack framework"
        measures:
          - id: complaints
            title: "Complaints received"
            unit: count
            polarity: lower_is_better
        nodes:
          - { kind: outcome, id: safe, title: "Safe", measures: [complaints] }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-cli-pack-").FullName;
    private TestDatabase? _database;

    private TestDatabase Database => _database!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = _database.CreateContext();
        await TestUsers.AddAsync(db, "ann");
        await TestUsers.AddAsync(db, "bob", ["E06000001"], Roles.Viewer);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(_folder, true);
    }

    [Fact]
    public async Task Pack_EachFormat_WritesTheFileAndAnUngrantedCouncilIsUnknown()
    {
        var yaml = Path.Combine(_folder, "f.yaml");
        var values = Path.Combine(_folder, "v.csv");
        await File.WriteAllTextAsync(yaml, Yaml, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(values, "measure,council,period,value\ncomplaints,873,2025,12\n", TestContext.Current.CancellationToken);
        await RunAsync("framework", "import", yaml);
        await RunAsync("values", "import", values);

        var results = new List<(int, string)>();
        foreach (var format in new[] { "pdf", "xlsx", "html" })
        {
            var file = Path.Combine(_folder, "pack." + format);
            var (exitCode, output, _) = await RunAsync("pack", "--framework", "cli-pack", "--council", "873", "--year", "2025", "--format", format, "--out", file, "--user", "ann");
            results.Add((exitCode, output.Trim()));
            Assert.True(new FileInfo(file).Length > 0);
        }

        var denied = await RunAsync("pack", "--framework", "cli-pack", "--council", "873", "--year", "2025", "--format", "pdf", "--out", Path.Combine(_folder, "x.pdf"), "--user", "bob");

        Assert.All(results, r => Assert.Equal(0, r.Item1));
        Assert.Matches("^Wrote the pack for .+, 2024-25: 1 measures, 0 exceptions, to pack.pdf.$", results[0].Item2);
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(Path.Combine(_folder, "pack.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal((1, "no council with code or LA number '873'"), (denied.ExitCode, denied.Error.Trim()));
        Assert.False(File.Exists(Path.Combine(_folder, "x.pdf")));
    }

    [Fact]
    public async Task Pack_ConfigFileOrStoredId_BuildsTheConfiguredPack_BadFileNamedUnknownIdIs1()
    {
        var cancel = TestContext.Current.CancellationToken;
        var yaml = Path.Combine(_folder, "g.yaml");
        var config = Path.Combine(_folder, "panel.yaml");
        var bad = Path.Combine(_folder, "bad.yaml");
        await File.WriteAllTextAsync(yaml, Yaml.Replace("cli-pack", "cli-config", StringComparison.Ordinal), cancel);
        await File.WriteAllTextAsync(config, "id: panel\ntitle: \"Safety panel\"\nframework: cli-config\nsections: [safe]\n", cancel);
        await File.WriteAllTextAsync(bad, "id: panel\ntitle: \"Safety panel\"\nframework: cli-config\nsections: [happy]\n", cancel);
        await RunAsync("framework", "import", yaml);
        await using (var db = Database.CreateContext())
        {
            await Lodestar.Application.Packs.PackConfigs.ImportAsync(db, new Lodestar.Data.Audit.AuditLog(db, TimeProvider.System), TimeProvider.System, "ann", config, cancel);
        }

        var fromFile = await RunAsync("pack", "--config", config, "--council", "873", "--year", "2025", "--format", "html", "--out", Path.Combine(_folder, "panel.html"), "--user", "ann");
        var byId = await RunAsync("pack", "--pack", "panel", "--council", "873", "--year", "2025", "--format", "pdf", "--out", Path.Combine(_folder, "panel.pdf"), "--user", "ann");
        var badFile = await RunAsync("pack", "--config", bad, "--council", "873", "--year", "2025", "--format", "pdf", "--out", Path.Combine(_folder, "bad.pdf"), "--user", "ann");
        var unknown = await RunAsync("pack", "--pack", "nope", "--council", "873", "--year", "2025", "--format", "pdf", "--out", Path.Combine(_folder, "nope.pdf"), "--user", "ann");
        var both = await RunAsync("pack", "--pack", "panel", "--framework", "cli-config", "--council", "873", "--year", "2025", "--format", "pdf", "--out", Path.Combine(_folder, "both.pdf"), "--user", "ann");

        Assert.Equal((0, 0, 2, 1, 2), (fromFile.ExitCode, byId.ExitCode, badFile.ExitCode, unknown.ExitCode, both.ExitCode));
        Assert.Contains("<h1 class=\"govuk-heading-l\">Safety panel: ", await File.ReadAllTextAsync(Path.Combine(_folder, "panel.html"), cancel), StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(_folder, "panel.pdf")).Length > 0);
        Assert.Contains("bad.yaml", badFile.Error, StringComparison.Ordinal);
        Assert.Contains("framework 'cli-config' has no node 'happy'", badFile.Error, StringComparison.Ordinal);
        Assert.Equal("no configured pack with id 'nope'", unknown.Error.Trim());
        Assert.Equal("give one of --framework ID, --pack ID or --config FILE", both.Error.Trim());
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test")
        {
            FrameworkCommands.Framework(Database.CreateContext),
            FrameworkCommands.Values(Database.CreateContext),
            PackCommand.Create(Database.CreateContext),
        };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
