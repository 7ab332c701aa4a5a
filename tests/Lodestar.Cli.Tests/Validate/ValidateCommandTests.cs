using System.Text.Json;

namespace Lodestar.Cli.Tests.Validate;

public sealed class ValidateCommandTests : IDisposable
{
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/05/2010,WBRI,A123456789012,,\n";
    private const string Episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "lodestar-cli-" + Guid.NewGuid().ToString("N"));

    public ValidateCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
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

    [Fact]
    public async Task Validate_CleanReturn_ExitsZeroWithASummary()
    {
        Write("E10000003/903/header.csv", Header);
        Write("E10000003/903/episodes.csv", Episodes + "1,01/06/2024,S,C2,N1,U1,PR1,,,,,,\n");
        Write("E10000003/903/prev_perm.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n1,01/05/2010,Z1,,\n");

        var (exitCode, output, error) = await RunAsync("validate", _root, "--year", "2025");

        Assert.Equal("", error);
        // Without last year's return the rules across years are not run, nor without reference lists the rules that need one,
        // nor without the Header's UASC flag (this CSV Header does not give it) the rules that need it; each is said (grouped
        // by reason, in the order the rules are defined), not passed. 452, 453 and 503G-503J need last year and a lookup; 191
        // looks for the OC2 rows of the children looked after for 12 months, and the return gives no OC2 table.
        Assert.Equal(
            [
                "3 files read: 0 errors, 0 warnings",
                "502, 503A, 503B, 503C, 503D, 503E, 503F, 503G, 503H, 503J, 452, 453, 562, 199 not run for 2024/25 (E10000003): it compares the Episodes table with last year's, and no 2023/24 return was given",
                "202, 203, 204, 207, 208, 624, 626, 205A, 205D not run for 2024/25 (E10000003): it compares the Header table with last year's, and no 2023/24 return was given",
                "503G, 503H, 503J, 452, 453, 218, 392c, 169, 179, 420, 1015, 164, 392a, 406 not run for 2024/25 (E10000003): it needs a postcode lookup, and none was given",
                "1008, 219, 224, 221, 227, 228, 229 not run for 2024/25 (E10000003): it needs Ofsted's provider list, and none was given",
                "105, 231, 303, 164, 392a, 392b, 406 not run for 2024/25 (E10000003): it needs the Header's UASC column (whether the child is an unaccompanied asylum-seeking child), and the return has none",
                "191 not run for 2024/25 (E10000003): it looks for an OC2 row for each child looked after for 12 months, and the return has no OC2 table",
            ],
            output.Trim().Split('\n'));
        Assert.Equal(0, exitCode);
    }

    // An invented lookup and provider list (docs/validation.md, "Issue 12, reference lists"): SC100001 is a children's home at CB2 2BB in Cambridgeshire.
    private const string Postcodes = "pcd,oscty,oslaua,ctry,lat,long\nCB1 1AA,E10000003,E07000008,E92000001,52.2,0.13\nCB2 2BB,E10000003,E07000008,E92000001,52.235,0.175\n";
    private const string Providers = "URN,PLACE_CODES,PROVIDER_CODES,POSTCODE,REG_END\nSC100001,K2,PR4,CB2 2BB,\n";

    [Fact]
    public async Task Validate_WithReferenceLists_RunsTheirRulesAndListsNoneAsNotRun()
    {
        // The Header gives the UASC flag, so that the rules needing it and the postcode lookup run too.
        Write("E10000003/903/header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC\n1,M,01/05/2010,WBRI,A123456789012,,,0\n");
        Write("E10000003/903/episodes.csv", Episodes + "1,01/06/2024,S,C2,N1,K2,PR4,,,,CB1 1AA,CB2 2BB,SC999999\n");
        Write("E10000003/903/prev_perm.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n1,01/05/2010,Z1,,\n");
        var postcodes = Write("lists/postcodes.csv", Postcodes);
        var providers = Write("lists/providers.csv", Providers);

        var (exitCode, output, _) = await RunAsync("validate", Path.Combine(_root, "E10000003"), "--year", "2025", "--postcodes", postcodes, "--providers", providers, "--format", "json");

        using var json = JsonDocument.Parse(output);
        var urn = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "1008");
        Assert.Equal(("SC999999", 2), (urn.GetProperty("value").GetString(), urn.GetProperty("line").GetInt32()));
        // None for want of a list (the rules across years may be, for want of last year's return).
        Assert.DoesNotContain(json.RootElement.GetProperty("not_run").EnumerateArray(), n => n.GetProperty("reason").GetString()!.StartsWith("it needs", StringComparison.Ordinal));
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Validate_BadReferenceList_ExitsTwoNamingTheFileRowColumnAndValue()
    {
        Write("E10000003/903/header.csv", Header);
        var providers = Write("lists/providers.csv", "URN,REG_END\nSC100001,31/02/2024\n");

        var (exitCode, output, error) = await RunAsync("validate", Path.Combine(_root, "E10000003"), "--providers", providers);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal("lodestar validate: reference list refused: providers.csv, line 2, column REG_END, value '31/02/2024': not a date (dd/mm/yyyy or yyyy-mm-dd)", error.Trim());
    }

    [Fact]
    public async Task Validate_ReferenceListMissing_ExitsTwo()
    {
        Write("E10000003/903/header.csv", Header);

        var (exitCode, _, error) = await RunAsync("validate", Path.Combine(_root, "E10000003"), "--postcodes", Path.Combine(_root, "no-such.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains("no-such.csv: cannot be read: file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateRules_Markdown_IsTheCatalogueTheDocsHold()
    {
        var (exitCode, output, error) = await RunAsync("validate", "--rules", "--format", "markdown");

        Assert.Equal(("", 0), (error, exitCode));
        Assert.StartsWith("<!-- rule catalogue", output, StringComparison.Ordinal);
        Assert.Contains("| 205B | error | UASC |", output, StringComparison.Ordinal);
        Assert.Contains("| 8740 | error | Section47 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateRules_Json_GivesEveryRuleWithItsYears()
    {
        var (exitCode, output, _) = await RunAsync("validate", "--rules", "--format", "json");

        using var json = JsonDocument.Parse(output);
        var sw = json.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "LS-SW-ID-BLANK");
        Assert.Equal(("903", "from 2023/24"), (sw.GetProperty("return").GetString(), sw.GetProperty("years").GetString()));
        Assert.True(json.RootElement.GetArrayLength() > 170);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Validate_NoPathAndNoRules_ExitsTwo()
    {
        var (exitCode, _, error) = await RunAsync("validate");

        Assert.Equal(2, exitCode);
        Assert.Contains("give at least one PATH", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UascWithoutLastYearsReturn_SaysWhichRuleDidNotRun()
    {
        Write("E10000003/903/2025/header.csv", Header);
        Write("E10000003/903/2025/uasc.csv", "CHILD,SEX,DOB,DUC\n1,M,01/05/2010,01/05/2028\n");

        var (_, output, _) = await RunAsync("validate", _root);

        Assert.Contains("205B, 205C not run for 2024/25 (E10000003): ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_JsonUascWithoutLastYearsReturn_ListsTheRuleAsNotRun()
    {
        Write("E10000003/903/2025/header.csv", Header);
        Write("E10000003/903/2025/uasc.csv", "CHILD,SEX,DOB,DUC\n1,M,01/05/2010,01/05/2028\n");

        var (_, output, _) = await RunAsync("validate", _root, "--format", "json");

        var notRun = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("not_run").EnumerateArray(), n => n.GetProperty("rule").GetString() == "205B");
        Assert.Equal("205B", notRun.GetProperty("rule").GetString());
        Assert.Equal("E10000003", notRun.GetProperty("council").GetString());
        Assert.Equal(2025, notRun.GetProperty("collection_year").GetInt32());
        Assert.Contains("no 2023/24 return was given", notRun.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_CleanCinCensus_ExitsZero()
    {
        // Clean under every rule: the UPN's check letter J (1510), eight different disability codes (2887Q, 2888Q judge the census
        // as a whole), the reference date (100), and factors on the completed assessment (8897Q).
        Write("E10000003/cin/cin_2025.xml", """
            <Message>
              <Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>
              <Children>
                <Child>
                  <ChildIdentifiers><LAchildID>A1</LAchildID><UPN>J873123456789</UPN><PersonBirthDate>2015-01-01</PersonBirthDate><Sex>M</Sex></ChildIdentifiers>
                  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>MOB</Disability><Disability>HAND</Disability><Disability>PC</Disability><Disability>INC</Disability><Disability>COMM</Disability><Disability>LD</Disability><Disability>HEAR</Disability><Disability>VIS</Disability></Disabilities></ChildCharacteristics>
                  <CINdetails>
                    <CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
                    <CINclosureDate>2024-09-01</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure><ReferralNFA>0</ReferralNFA>
                    <Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-06-10</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
                  </CINdetails>
                </Child>
              </Children>
            </Message>
            """);

        var (exitCode, output, error) = await RunAsync("validate", _root);

        Assert.Equal("", error);
        Assert.Equal("1 file read: 0 errors, 0 warnings", output.Trim());
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Validate_DataError_ExitsOneAndPointsAtTheLine()
    {
        Write("E10000003/903/header.csv", Header);
        var episodes = Write("E10000003/903/episodes.csv", Episodes + "1,01/06/2024,S,C2,N1,U1,PR1,01/05/2024,E13,,,,\n");

        var (exitCode, output, _) = await RunAsync("validate", _root, "--year", "2025");

        Assert.Equal(1, exitCode);
        Assert.Contains($"{episodes}:2: error 356 DEC=\"01/05/2024\": DEC is before DECOM", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_WritesOneObjectPerFinding()
    {
        Write("E10000003/903/header.csv", Header);
        var episodes = Write("E10000003/903/episodes.csv", Episodes + "1,01/06/2024,S,C2,N1,U1,PR1,01/05/2024,E13,,,,\n");

        var (exitCode, output, _) = await RunAsync("validate", _root, "--year", "2025", "--format", "json");

        Assert.Equal(1, exitCode);
        var finding = JsonDocument.Parse(output).RootElement.GetProperty("findings").EnumerateArray().Single(e => e.GetProperty("rule").GetString() == "356");
        Assert.Equal(episodes, finding.GetProperty("file").GetString());
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        Assert.Equal("DEC", finding.GetProperty("column").GetString());
        Assert.Equal("01/05/2024", finding.GetProperty("value").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("DEC is before DECOM", finding.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validate_HostileXml_ExitsTwoWithOneLineAndNoStackTrace()
    {
        var xml = Write("E10000003/903.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><EXPSSDA903>&e;</EXPSSDA903>");

        var (exitCode, _, error) = await RunAsync("validate", xml);

        Assert.Equal(2, exitCode);
        Assert.Equal($"lodestar validate: cannot read {xml}: XML with a DTD (document type declaration) is refused: entities are never expanded or fetched", error.Trim());
    }

    [Fact]
    public async Task Validate_UnrecognisedCsv_ExitsTwo()
    {
        Write("notes.csv", "NAME,NOTE\na,b\n");

        var (exitCode, _, error) = await RunAsync("validate", _root);

        Assert.Equal(2, exitCode);
        Assert.Contains("unrecognised table", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_EmptyFolder_ExitsTwo()
    {
        var (exitCode, _, error) = await RunAsync("validate", _root);

        Assert.Equal(2, exitCode);
        Assert.Equal("lodestar validate: no .csv or .xml files found", error.Trim());
    }

    [Fact]
    public async Task Validate_WarningsOnly_ExitsZero()
    {
        Write("E10000003/903/episodes.csv", Episodes + "1,01/06/2024,S,C2,N1,U1,PR1,,,,,,\n");
        Write("E10000003/903/prev_perm.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n1,01/05/2010,Z1,,\n");

        var (exitCode, output, _) = await RunAsync("validate", _root, "--year", "2025");

        Assert.Equal(0, exitCode);
        Assert.Contains("warning LS-NO-HEADER", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--year", "last")]
    public async Task Validate_BadOptionValue_ExitsTwoWithOneLine(string option, string value)
    {
        var (exitCode, output, error) = await RunAsync("validate", _root, option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"lodestar validate: {option} {value} is not", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ImpossibleYear_ExitsTwo()
    {
        var (exitCode, _, error) = await RunAsync("validate", _root, "--year", "25");

        Assert.Equal(2, exitCode);
        Assert.Contains("--year 25", error, StringComparison.Ordinal);
    }
}
