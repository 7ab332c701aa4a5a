using System.Text.Json;

namespace Lodestar.Cli.Tests.Kpi;

/// <summary>
/// <c>lodestar kpi --postcodes FILE</c> and the setting <c>Lodestar__Reference__Postcodes</c>: cla_placed_20_miles from a
/// postcode lookup, worked by hand on a return of three children and a lookup of three postcodes.
/// </summary>
public sealed class KpiPostcodesTests : IDisposable
{
    // Grid references 32,190 m and 32,400 m north of AB1 1AA: 32,190 / 1,609.344 = 20.0019 miles, PL_DISTANCE 20.0 (not more
    // than 20); 32,400 / 1,609.344 = 20.1324 miles, PL_DISTANCE 20.1. All three share one latitude and longitude, so a
    // distance along the great circle would be 0: the grid is what counts when both postcodes have a grid reference.
    private const string Lookup = "pcd,oseast1m,osnrth1m,lat,long\n"
        + "AB1 1AA,500000,200000,52.0,-1.0\n"
        + "AB1 1AB,500000,232190,52.0,-1.0\n"
        + "AB1 1AD,500000,232400,52.0,-1.0\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "lodestar-kpi-postcodes-" + Guid.NewGuid().ToString("N"));
    private readonly string _returns;

    public KpiPostcodesTests()
    {
        _returns = Path.Combine(_root, "returns");
        var folder = Path.Combine(_returns, "E10000003", "2025");
        Directory.CreateDirectory(folder);
        File.WriteAllText(
            Path.Combine(folder, "header.csv"),
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2015,WBRI,A123456789012,,\nC2,F,01/06/2012,WBRI,B123456789012,,\nC3,F,01/06/2013,WBRI,C123456789012,,\n");
        // Looked after at 31 March 2025, all three: C1 placed 20.1 miles from home, C2 20.0 miles, C3 at a postcode the
        // lookup does not hold (left out of the denominator).
        File.WriteAllText(
            Path.Combine(folder, "episodes.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "C1,01/05/2024,S,C2,N1,U4,PR1,,,,AB1 1AA,AB1 1AD,\n"
            + "C2,01/05/2024,S,C2,N1,U4,PR1,,,,AB1 1AA,AB1 1AB,\n"
            + "C3,01/05/2024,S,C2,N1,U4,PR1,,,,AB1 1AA,ZZ9 9ZZ,\n");
        File.WriteAllText(Path.Combine(folder, "prev_perm.csv"), "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,01/01/2015,Z1,,\nC2,01/06/2012,Z1,,\nC3,01/06/2013,Z1,,\n");
        File.WriteAllText(Path.Combine(_root, "postcodes.csv"), Lookup);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Kpi_WithPostcodes_CountsOnlyPlacementsWhosePlDistanceIsOver20Miles()
    {
        var (exitCode, output, error) = await RunAsync(null, "kpi", _returns, "--year", "2025", "--kpi", "cla_placed_20_miles", "--postcodes", Path.Combine(_root, "postcodes.csv"));

        Assert.True(exitCode == 0, error);
        var result = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        // C1 of C1 and C2: 1 of 2.
        Assert.Equal((1.0, 2.0, 50.0), (result.GetProperty("numerator").GetDouble(), result.GetProperty("denominator").GetDouble(), result.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Kpi_WithoutPostcodes_Placed20MilesHasNoValue()
    {
        var (exitCode, output, _) = await RunAsync(null, "kpi", _returns, "--year", "2025", "--kpi", "cla_placed_20_miles");

        Assert.Equal(0, exitCode);
        var result = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        Assert.Equal(
            (JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null),
            (result.GetProperty("value").ValueKind, result.GetProperty("numerator").ValueKind, result.GetProperty("denominator").ValueKind));
    }

    [Fact]
    public async Task Kpi_TheSettingNamesTheLookup_UsesItAsTheWebAppDoes()
    {
        var (exitCode, output, error) = await RunAsync(
            new Dictionary<string, string> { ["Lodestar__Reference__Postcodes"] = Path.Combine(_root, "postcodes.csv") },
            "kpi", _returns, "--year", "2025", "--kpi", "cla_placed_20_miles");

        Assert.True(exitCode == 0, error);
        Assert.Equal(50.0, JsonDocument.Parse(output).RootElement[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Kpi_BadPostcodeLookup_IsRefusedWithFileLineColumnAndValueAndNothingComputed()
    {
        File.WriteAllText(Path.Combine(_root, "bad.csv"), "pcd,oseast1m,osnrth1m\nAB1 1AA,500000,200000\nAB1 1AB,500000,north\n");

        var (exitCode, output, error) = await RunAsync(null, "kpi", _returns, "--year", "2025", "--postcodes", Path.Combine(_root, "bad.csv"));

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("lodestar kpi: postcode lookup refused: bad.csv, line 3, column osnrth1m, value 'north': ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_BadLookupInTheSetting_IsRefusedToo()
    {
        File.WriteAllText(Path.Combine(_root, "bad.csv"), "pcd,lat,long\nAB1 1AA,95.5,0\n");

        var (exitCode, _, error) = await RunAsync(
            new Dictionary<string, string> { ["Lodestar__Reference__Postcodes"] = Path.Combine(_root, "bad.csv") },
            "kpi", _returns, "--year", "2025", "--kpi", "cla_at_end");

        Assert.Equal(2, exitCode);
        Assert.Contains("bad.csv, line 2, column lat, value '95.5': ", error, StringComparison.Ordinal);
    }

    // In its own process: the setting is an environment variable, read by the program.
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary<string, string>? environment, params string[] args) =>
        await CliProcess.RunAsync(_root, null, environment, args);
}
