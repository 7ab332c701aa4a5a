using System.Text.RegularExpressions;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Formats.Actions;
using Lodestar.Testing;
using Microsoft.Extensions.Configuration;

namespace Lodestar.Web.Tests.Actions;

/// <summary>The shipped samples imported into a running app's database through the store, and form helpers.</summary>
internal static partial class ActionsSamples
{
    /// <summary>Seed 004's action plan (with its savings plan).</summary>
    public const string Seed004 = "cambs-lac-action-plan-2015-17";

    /// <summary>Seed 000's benefits register.</summary>
    public const string Seed000 = "ld-benefits-register";

    public static async Task ImportAsync(RunningApp app, string sample)
    {
        var read = ActionsYamlReader.ReadFile(Repository.File("samples", "actions", sample + ".yaml"));
        Assert.True(read.Succeeded, string.Join("\n", read.Problems));
        await using var db = OpenDatabase(app);
        var document = read.Value;
        await ActionsStore.ImportAsync(db, document.Plan, document.Savings, document.Benefits, TestContext.Current.CancellationToken);
    }

    /// <summary>A sample's action plan alone (no savings plan or register) imported under the id <paramref name="id"/>.</summary>
    public static async Task ImportPlanAsync(RunningApp app, string sample, string id)
    {
        var read = ActionsYamlReader.ReadFile(Repository.File("samples", "actions", sample + ".yaml"));
        Assert.True(read.Succeeded, string.Join("\n", read.Problems));
        await using var db = OpenDatabase(app);
        await ActionsStore.ImportAsync(db, read.Value.Plan! with { Id = id }, null, null, TestContext.Current.CancellationToken);
    }

    /// <summary>A context on the app's own SQLite database (the default in its data folder).</summary>
    public static LodestarDbContext OpenDatabase(RunningApp app) =>
        DatabaseOptions.FromConfiguration(new ConfigurationBuilder().Build(), app.DataFolder).CreateContext();

    /// <summary>The anti-forgery token of a page's form, read from its HTML.</summary>
    public static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>One app for a class's readers, with seed 004's action plan and seed 000's benefits register imported.</summary>
public sealed class ImportedActionsSamples : SharedApp
{
    protected override async Task PrepareAsync(RunningApp app)
    {
        await ActionsSamples.ImportAsync(app, ActionsSamples.Seed004);
        await ActionsSamples.ImportAsync(app, ActionsSamples.Seed000);
    }
}
