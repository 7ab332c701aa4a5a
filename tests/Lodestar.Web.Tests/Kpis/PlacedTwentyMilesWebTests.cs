using System.Text.Json;
using Lodestar.Data.Returns;
using Lodestar.Data.Security;
using Lodestar.Web.Tests.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Web.Tests.Kpis;

/// <summary>
/// The web app with <c>Lodestar:Reference:Postcodes</c> set: cla_placed_20_miles from the lookup read at start, on the API
/// (the model in memory) and in the stored results, worked by hand on a return of two children.
/// </summary>
public sealed class PlacedTwentyMilesWebTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostcodesSetting_ApiAndStoredResults_GivePlaced20MilesFromTheLookup()
    {
        var root = Path.Combine(Path.GetTempPath(), "lodestar-placed20-" + Guid.NewGuid().ToString("N"));
        var returns = Path.Combine(root, "returns", "E10000003");
        Directory.CreateDirectory(returns);
        // AB1 1AD is 32,400 m north of AB1 1AA on the grid (20.1324 miles: PL_DISTANCE 20.1, counted); AB1 1AB 32,190 m (20.0019: 20.0, not).
        var postcodes = Path.Combine(root, "postcodes.csv");
        await File.WriteAllTextAsync(postcodes, "pcd,oseast1m,osnrth1m\nAB1 1AA,500000,200000\nAB1 1AB,500000,232190\nAB1 1AD,500000,232400\n", Cancel);
        await File.WriteAllTextAsync(
            Path.Combine(returns, "header_2025.csv"),
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2012,WBRI,A123456789012,,\nC2,F,01/01/2013,WBRI,B123456789012,,\n",
            Cancel);
        await File.WriteAllTextAsync(
            Path.Combine(returns, "episodes_2025.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "C1,01/05/2024,S,C2,N1,U4,PR1,,,,AB1 1AA,AB1 1AD,\n"
            + "C2,01/05/2024,S,C2,N1,U4,PR1,,,,AB1 1AA,AB1 1AB,\n",
            Cancel);
        try
        {
            await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
            {
                ["Lodestar:Returns:Folder"] = Path.Combine(root, "returns"),
                ["Lodestar:Reference:Postcodes"] = postcodes,
            });
            using var client = await app.SignedInClientAsync(Roles.Viewer);

            var api = JsonDocument.Parse(await client.GetStringAsync(
                new Uri("/api/v1/kpis?council=E10000003&year=2025&kpi=cla_placed_20_miles", UriKind.Relative), Cancel)).RootElement[0];
            await using var db = FrameworkTestData.Open(app);
            var stored = await db.Set<KpiResultEntity>().AsNoTracking()
                .SingleAsync(r => r.CouncilCode == "E10000003" && r.Kpi == "cla_placed_20_miles" && r.PeriodStart == new DateOnly(2024, 4, 1) && r.PeriodEnd == new DateOnly(2025, 3, 31), Cancel);
            var set = await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(Cancel);

            // C1 of C1 and C2: 1 of 2, 50%.
            Assert.Equal((1.0, 2.0, 50.0), (api.GetProperty("numerator").GetDouble(), api.GetProperty("denominator").GetDouble(), api.GetProperty("value").GetDouble()));
            Assert.Equal((1.0, 2.0, 50.0), (stored.Numerator, stored.Denominator, stored.Value));
            Assert.StartsWith("postcodes 3 postcodes, sha256 ", set.Inputs, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
