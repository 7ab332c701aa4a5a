using System.Text.Json;
using Lodestar.Cli.Kpi;

namespace Lodestar.Cli.Tests.Kpi;

public sealed class KpiCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lodestar-kpi-" + Guid.NewGuid().ToString("N"));

    public KpiCommandTests()
    {
        var folder = Path.Combine(_root, "E10000003", "2025");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "header.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2015,WBRI,A123456789012,,\nC2,F,01/06/2012,WBRI,B123456789012,,\n");
        File.WriteAllText(
            Path.Combine(folder, "episodes.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "C1,01/05/2024,S,C2,N1,U4,PR1,01/07/2024,X1,CARPL,,,\n"
            + "C1,01/07/2024,P,C2,N1,K2,PR4,,,,,,\n"
            + "C2,01/06/2024,S,V4,N2,K2,PR4,,,,,,\n");

        // C1 starts care in the year: its previous permanence option (none) is part of the return (DfE 630).
        File.WriteAllText(Path.Combine(folder, "prev_perm.csv"), "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,01/01/2015,Z1,,\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Kpi_YearAsJson_PrintsSnakeCaseResultsWithNullForNoData()
    {
        var (exitCode, output, _) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end,cla_rate_per_10k");

        Assert.Equal(0, exitCode);
        var results = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("cla_at_end", results[0].GetProperty("kpi").GetString());
        Assert.Equal("E10000003", results[0].GetProperty("council").GetString());
        Assert.Equal("2024-04-01", results[0].GetProperty("period_start").GetString());
        Assert.Equal("2025-03-31", results[0].GetProperty("period_end").GetString());
        Assert.Equal(1, results[0].GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Kpi_SeriesOfMonths_GivesOneResultPerMonth()
    {
        var (exitCode, output, _) = await RunAsync("kpi", _root, "--series", "month", "--from", "2024-04-01", "--to", "2025-03-31", "--kpi", "cla_at_end");

        Assert.Equal(0, exitCode);
        var values = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(r => r.GetProperty("value").GetDouble()).ToList();
        Assert.Equal([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], values);
    }

    [Fact]
    public async Task Kpi_SeriesYearToDate_CountsFromFirstAprilToEachMonthEnd()
    {
        // C1 starts on 1 May 2024 (RNE S); C2's start is a V4 short break, not counted. Year to date April: 0; May on: 1.
        var (exitCode, output, _) = await RunAsync("kpi", _root, "--series", "ytd", "--from", "2024-04-01", "--to", "2024-07-31", "--kpi", "cla_started");

        Assert.Equal(0, exitCode);
        var results = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["2024-04-01"], results.Select(r => r.GetProperty("period_start").GetString()).Distinct());
        Assert.Equal(["2024-04-30", "2024-05-31", "2024-06-30", "2024-07-31"], results.Select(r => r.GetProperty("period_end").GetString()));
        Assert.Equal([0, 1, 1, 1], results.Select(r => r.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Kpi_SeriesRolling12_EndsAtEachMonthEndAndHasNoValueWhereTheReturnDoesNotCover()
    {
        // The return covers 2024-04-01..2025-03-31: only the 12 months to March 2025 lie inside it.
        var (exitCode, output, _) = await RunAsync("kpi", _root, "--series", "rolling12", "--from", "2025-02-01", "--to", "2025-03-31", "--kpi", "cla_started");

        Assert.Equal(0, exitCode);
        var results = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["2024-03-01", "2024-04-01"], results.Select(r => r.GetProperty("period_start").GetString()));
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("value").ValueKind);
        Assert.Equal(1, results[1].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Kpi_SmallNumbers_AreMarkedAndWithSuppressSmallWrittenAsC()
    {
        // One child looked after at 31 March 2025 (C1; C2's V4 short break does not count): a count under 5.
        var (_, marked, _) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end");
        var (exitCode, suppressed, _) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end", "--suppress-small");
        var (_, csv, _) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end", "--suppress-small", "--format", "csv");
        var (_, threshold, _) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end", "--suppress-small", "--small-threshold", "1");

        var shown = JsonDocument.Parse(marked).RootElement[0];
        Assert.Equal((1.0, true), (shown.GetProperty("value").GetDouble(), shown.GetProperty("small_number").GetBoolean()));
        Assert.False(shown.TryGetProperty("suppressed", out _));
        Assert.Equal(0, exitCode);
        var hidden = JsonDocument.Parse(suppressed).RootElement[0];
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "c"), (hidden.GetProperty("value").ValueKind, hidden.GetProperty("numerator").ValueKind, hidden.GetProperty("suppressed").GetString()));
        Assert.Equal("cla_at_end,E10000003,2024-04-01,2025-03-31,c,,,count,,yes", csv.Split('\n')[1].TrimEnd());
        Assert.Equal(1.0, JsonDocument.Parse(threshold).RootElement[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Kpi_Csv_HasTheHeaderAndCategoryColumn()
    {
        var (exitCode, output, _) = await RunAsync("kpi", _root, "--from", "2024-04-01", "--to", "2024-06-30", "--kpi", "placements_52wk_by_type", "--format", "csv");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kpi,council,period_start,period_end,value,numerator,denominator,unit,category,small_number", lines[0]);
        Assert.Contains("placements_52wk_by_type,E10000003,2024-04-01,2024-06-30,0.167582,61,364,placements_52wk,in_house_fostering,no", lines);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("C1", "C1")]
    public void Csv_CellStartingWithAFormulaCharacter_IsNeutralised(string cell, string written)
    {
        Assert.Equal(written, KpiOutput.Csv(cell));
    }

    [Fact]
    public async Task Kpi_Explain_ListsTheChildrenAndWhy()
    {
        var (exitCode, output, _) = await RunAsync("kpi", _root, "--year", "2025", "--explain", "cla_at_end", "--format", "table");

        Assert.Equal(0, exitCode);
        Assert.Contains("numerator children (1): C1", output, StringComparison.Ordinal);
        Assert.Contains("C2: left out: episode 1 (started 01/06/2024) is V4 short breaks", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_ExplainAsCsv_OneRowPerReason()
    {
        var (exitCode, output, _) = await RunAsync("kpi", _root, "--year", "2025", "--explain", "cla_at_end", "--format", "csv");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kpi,council,period_start,period_end,child,in_numerator,in_denominator,reason", lines[0]);
        Assert.Contains("cla_at_end,E10000003,2024-04-01,2025-03-31,C1,yes,no,looked after at 31/03/2025: episode from 01/07/2024 open at the end", lines);
    }

    [Fact]
    public async Task Kpi_ExplainAsJson_HasChildrenAndReasons()
    {
        var (exitCode, output, _) = await RunAsync("kpi", _root, "--year", "2025", "--explain", "cla_at_end");

        Assert.Equal(0, exitCode);
        var explanation = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal("C1", explanation.GetProperty("numerator_children")[0].GetString());
        Assert.Equal(1, explanation.GetProperty("result").GetProperty("value").GetDouble());
        Assert.True(explanation.GetProperty("reasons").TryGetProperty("C2", out _));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("table")]
    public async Task Kpi_ExplainOverTwoCouncils_OneListingInCouncilOrder(string format)
    {
        // A second council with the same files: each council's explanation is written as it is done, in one listing.
        var second = Path.Combine(_root, "E09000002", "2025");
        Directory.CreateDirectory(second);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_root, "E10000003", "2025")))
        {
            File.Copy(file, Path.Combine(second, Path.GetFileName(file)));
        }

        var (exitCode, output, _) = await RunAsync("kpi", _root, "--year", "2025", "--explain", "cla_at_end", "--format", format);

        Assert.Equal(0, exitCode);
        var councils = format switch
        {
            "json" => JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.GetProperty("result").GetProperty("council").GetString()).ToList(),
            "csv" => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[1]).Distinct()],
            _ => [.. output.Split('\n').Where(l => l.StartsWith("cla_at_end ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1])],
        };
        Assert.Equal(["E09000002", "E10000003"], councils);
        Assert.Equal(format == "csv" ? 1 : 0, output.Split('\n').Count(l => l.StartsWith("kpi,council,", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("--year", "25")]
    [InlineData("--from", "2024-04-01")]
    [InlineData("--year", "2025", "--from", "2024-04-01")]
    [InlineData("--year", "2025", "--kpi", "no_such_kpi")]
    [InlineData("--year", "2025", "--format", "xml")]
    [InlineData("--series", "week", "--from", "2024-04-01", "--to", "2025-03-31")]
    [InlineData("--from", "1800-04-01", "--to", "1801-03-31")]
    [InlineData("--series", "month", "--from", "2024-04-01", "--to", "9999-12-31")]
    [InlineData("--series", "rolling12", "--from", "2025-03-01", "--to", "2025-03-31", "--kpi", "cla_at_end")]
    public async Task Kpi_Misuse_ExitsTwoWithOneLine(params string[] options)
    {
        var (exitCode, _, error) = await RunAsync(["kpi", _root, .. options]);

        Assert.Equal(2, exitCode);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("lodestar kpi: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_NoReadableData_ExitsTwo()
    {
        var empty = Path.Combine(_root, "empty");
        Directory.CreateDirectory(empty);

        var (exitCode, _, error) = await RunAsync("kpi", empty, "--year", "2025");

        Assert.Equal(2, exitCode);
        Assert.Contains("no readable", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_DataErrors_AreCountedOnStderrAndExitOne()
    {
        File.WriteAllText(
            Path.Combine(_root, "E10000003", "2025", "episodes.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "C1,01/05/2024,S,C2,N1,U4,PR1,,,,,,\n"
            + "C3,31/02/2024,S,C2,N1,U4,PR1,,,,,,\n");

        var (exitCode, output, error) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end");

        Assert.Equal(1, exitCode);
        Assert.Contains("error(s)", error, StringComparison.Ordinal);
        Assert.Equal(1, JsonDocument.Parse(output).RootElement[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Kpi_RuleFindings_AreCountedOnlyWithValidate()
    {
        // C1 starts care in the year without a PrevPerm row: DfE 630, a validation rule; reading finds nothing wrong.
        File.Delete(Path.Combine(_root, "E10000003", "2025", "prev_perm.csv"));

        var (plainExit, plainOutput, plainError) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end");
        var (validatedExit, validatedOutput, validatedError) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end", "--validate");

        Assert.Equal(0, plainExit);
        Assert.Equal(string.Empty, plainError);
        Assert.Equal(1, validatedExit);
        Assert.Contains("the data has 1 error(s)", validatedError, StringComparison.Ordinal);
        Assert.Equal(plainOutput, validatedOutput);
    }

    [Fact]
    public async Task Kpi_Validate_ChecksWithThePostcodeLookupAsValidateDoes()
    {
        // C1's placement postcode is not in the lookup: 392a (no distance can be worked out) and 392c (a postcode the lookup
        // does not know), rules that run only with a lookup.
        var folder = Path.Combine(_root, "E10000003", "2025");
        File.WriteAllText(Path.Combine(folder, "header.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC\nC1,M,01/01/2015,WBRI,A123456789012,,,0\n");
        File.WriteAllText(
            Path.Combine(folder, "episodes.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nC1,01/07/2024,S,C2,N1,K2,PR4,,,,CB1 1AA,ZZ9 9ZZ,\n");
        var lookup = Path.Combine(_root, "postcodes.csv");
        File.WriteAllText(lookup, "pcds,oseast1m,osnrth1m\nCB1 1AA,545000,258000\n");

        var (withoutExit, _, withoutError) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end", "--validate");
        var (withExit, _, withError) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end", "--validate", "--postcodes", lookup);

        Assert.Equal((0, string.Empty), (withoutExit, withoutError));
        Assert.Equal(1, withExit);
        Assert.Contains("the data has 2 error(s)", withError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_OnlyThe903Asked_DoesNotReadTheCinCensus()
    {
        // A census cut off mid-file: refused when read, passed over when no KPI asked for needs it.
        File.WriteAllText(Path.Combine(_root, "E10000003", "2025", "cin.xml"), "<Message><Header><CollectionDetails><Year>2025</Year>");

        var (claExit, claOutput, claError) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end");
        var (_, _, cinError) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "referrals,cla_at_end");

        Assert.Equal(0, claExit);
        Assert.Equal(string.Empty, claError);
        Assert.Equal(1, JsonDocument.Parse(claOutput).RootElement[0].GetProperty("value").GetDouble());
        Assert.Contains("skipped", cinError, StringComparison.Ordinal);
        Assert.Contains("cin.xml", cinError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_CouncilNotInThePaths_IsNotGivenTheOtherCouncilsFiles()
    {
        // The only file outside a council folder is a statistics CSV, which is no return: nothing is the asked council's.
        File.WriteAllText(Path.Combine(_root, "population.csv"), "time_period,time_identifier,geographic_level\n2024,Reporting year,Local authority\n");

        var (exitCode, output, error) = await RunAsync("kpi", _root, "--year", "2025", "--kpi", "cla_at_end", "--council", "E09000002");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("no data for council E09000002", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await LodestarCommand.Create().Parse(args).InvokeAsync(
            new System.CommandLine.InvocationConfiguration { Output = output, Error = error },
            TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
