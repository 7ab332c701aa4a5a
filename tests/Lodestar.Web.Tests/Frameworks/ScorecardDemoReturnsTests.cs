using System.Text.Json;
using Lodestar.Application.Returns;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Returns;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Returns;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Frameworks;

/// <summary>
/// Scorecards over the demo council's generated returns: the test has its own app over a copy of the demo
/// start's database, computing from its confirmed submissions.
/// </summary>
public sealed class ScorecardDemoReturnsTests(DemoApp demo)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // KPI 8: early help outcomes are in neither the returns nor the Annex A lists, so it stays entered.
    private const string EarlyHelpOutcomes = "ctk-kpi-08-early-help-outcomes-achieved";

    [Fact]
    public async Task Scorecard_DemoReturns_KpiMeasureTakesTheComputedValueOverTheEnteredOne_AndThePageOpensOnTheLatestYear()
    {
        // The demo council's returns are generated for Cambridgeshire; this app works on a copy of the demo's database.
        var (app, database) = await demo.StartAppOnCopyAsync();
        await using var _ = database;
        await using var __ = app;
        await FrameworkTestData.ImportAsync(app, Cancel);
        await using (var db = FrameworkTestData.Open(app))
        {
            var entered = await new FrameworkStore(db).ImportValuesAsync(
                [new PeriodicValue { MeasureId = EarlyHelpOutcomes, Council = FrameworkTestData.Council, Period = Period.ReportingYear(2025), Value = 85m }], Cancel);
            Assert.True(entered.Succeeded, string.Join("; ", entered.Problems));
        }

        using var client = await app.SignedInClientAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/frameworks/{FrameworkTestData.FrameworkId}/scorecard?council=E10000003&year=2025", UriKind.Relative), Cancel));

        static IEnumerable<JsonElement> Rows(JsonElement node) =>
            node.GetProperty("measures").EnumerateArray().Concat(node.GetProperty("children").EnumerateArray().SelectMany(Rows));
        var rows = json.RootElement.GetProperty("nodes").EnumerateArray().SelectMany(Rows).ToList();
        var rereferrals = rows.First(r => r.GetProperty("id").GetString() == FrameworkTestData.Rereferrals);
        Assert.True(rereferrals.TryGetProperty("value", out var computed), "the KPI engine gives a value for 2024-25");
        Assert.NotEqual(12m, computed.GetDecimal()); // 12 is the entered stand-in
        Assert.InRange(computed.GetDecimal(), 0m, 100m);
        // KPI 5 is computed from the demo's Annex A lists now, over its entered stand-in.
        var seenAlone = rows.First(r => r.GetProperty("id").GetString() == FrameworkTestData.SeenAlone).GetProperty("value").GetDecimal();
        Assert.NotEqual(85m, seenAlone);
        Assert.InRange(seenAlone, 0m, 100m);
        // An entered measure keeps its entered value.
        Assert.Equal(85m, rows.First(r => r.GetProperty("id").GetString() == EarlyHelpOutcomes).GetProperty("value").GetDecimal());

        // With no council or year asked for, the page opens on the demo council's latest return year (to 31 March 2025).
        // One app for both checks: starting one costs several seconds.
        var page = await client.GetStringAsync(new Uri($"/frameworks/{FrameworkTestData.FrameworkId}/scorecard", UriKind.Relative), Cancel);
        Assert.Contains("Cambridgeshire (E10000003), 2024-25", page, StringComparison.Ordinal);

        // The 2025 CIN census rolled back (the model refreshed): the cached scorecard goes with the old model, and with
        // no census for 2024-25 the engine has no re-referral figure, so the entered 12 stands in.
        using (var scope = app.Services.CreateScope())
        {
            var submissions = scope.ServiceProvider.GetRequiredService<Submissions>();
            var census = (await submissions.ListAsync(FrameworkTestData.Council, Cancel))
                .Single(s => s.Return == StatutoryReturn.Cin && s.CollectionYear == 2025 && s.Status == SubmissionStatus.Confirmed);
            Assert.True((await submissions.RollBackAsync("test", census.Id, Cancel)).Succeeded);
        }

        using var after = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/frameworks/{FrameworkTestData.FrameworkId}/scorecard?council=E10000003&year=2025", UriKind.Relative), Cancel));
        Assert.Equal(12m, after.RootElement.GetProperty("nodes").EnumerateArray().SelectMany(Rows)
            .First(r => r.GetProperty("id").GetString() == FrameworkTestData.Rereferrals).GetProperty("value").GetDecimal());
    }
}
