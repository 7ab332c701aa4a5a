using System.Net;
using System.Text.RegularExpressions;
using Lodestar.Application.Returns;
using Lodestar.Application.Savings;
using Lodestar.Data.Actions;
using Lodestar.Data.Security;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Formats.Actions;
using Lodestar.Web.Actions;
using Lodestar.Web.Tests.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Savings;

/// <summary>The savings plan page computes delivered and forecast from the council's 903 returns, through the CLI's use case.</summary>
public sealed partial class SavingsFromReturnsPageTests : IAsyncLifetime
{
    private const string Plan = $"/savings/{ActionsSamples.Seed004}?year=2016/17";

    private readonly string _returns = Directory.CreateTempSubdirectory("lodestar-savings-returns-").FullName;
    private RunningApp? _app;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RunningApp App => _app!;

    public async ValueTask InitializeAsync()
    {
        // Before and all through the 2015/16 return: C1 in in-house fostering (U4 with provider PR1) from 1 April 2014,
        // still there; C2 in an IFA placement (U4 with PR4) from 1 April 2014 until it ceased on 1 November 2015.
        var folder = Directory.CreateDirectory(Path.Combine(_returns, "E10000003", "903")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "header.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2008,WBRI,A123456789012,,\nC2,2,01/01/2009,WBRI,B123456789012,,\n", Cancel);
        await File.WriteAllTextAsync(
            Path.Combine(folder, "episodes.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nC1,01/04/2014,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n"
            + "C2,01/04/2014,S,C2,N1,U4,PR4,01/11/2015,E4A,,AB1 2CD,EF3 4GH,SC123456\n",
            Cancel);
        _app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["Lodestar:Returns:Folder"] = _returns });
        await ActionsSamples.ImportAsync(App, ActionsSamples.Seed004);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(_returns, true);
    }

    [Fact]
    public async Task SavingsPlan_WithBaselineAndTo_ShowsWhatTheUseCaseComputesAndBlankWithout()
    {
        using var client = await App.SignedInClientAsync(Roles.Viewer);

        var without = await client.GetStringAsync(new Uri(Plan, UriKind.Relative), Cancel);
        var with = await client.GetStringAsync(new Uri(Plan + "&baseline=2016&to=2016-09-30", UriKind.Relative), Cancel);

        // What `lodestar savings report --returns … --baseline 2016 --to 2016-09-30` reports for the line.
        await using var db = ActionsSamples.OpenDatabase(App);
        var plan = (await ActionsStore.LoadSavingsAsync(db, ActionsSamples.Seed004, Cancel))!;
        var model = SavingsFromReturns.CostModel(App.Services.GetRequiredService<StatutoryDataStore>(), null, 2016, new DateOnly(2016, 9, 30), CostsYamlReader.Illustrative());
        var year = SavingsReport.Build(plan, model.Value, Period.ReportingYear(2017)).Years.Single();
        var expected = year.ByPlacementType.Single(l => l.Line == "In house fostering").DeliveredK;

        Assert.Equal("", InHouseFosteringDelivered(without));
        Assert.NotNull(expected);
        Assert.Equal(ActionsViews.Money(expected, "#,0.#"), InHouseFosteringDelivered(with));
    }

    [Fact]
    public async Task SavingsPlan_BadBaseline_SaysWhatToEnter()
    {
        using var client = await App.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri(Plan + "&baseline=last&to=2016-09-30", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Baseline year: enter a year such as 2016", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    /// <summary>The Delivered £k cell of the "In house fostering" line in the by-placement-type table.</summary>
    private static string InHouseFosteringDelivered(string html)
    {
        var row = InHouseFosteringRow().Match(html);
        Assert.True(row.Success, "no In house fostering row");
        var cells = Cell().Matches(row.Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();
        return cells[3]; // line, placement type, plan, delivered, forecast
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\">\\s*<td class=\"govuk-table__cell\">In house fostering</td>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex InHouseFosteringRow();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
