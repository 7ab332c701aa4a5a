using Lodestar.Formats.Reference;
using Lodestar.Formats.Spreadsheets;
using Lodestar.Formats.Tests.Validation;

namespace Lodestar.Formats.Tests.Reference;

public sealed class OfstedProvidersTests
{
    [Fact]
    public void Read_LodestarsColumns_GivesEachProviderByUrnInAnyCase()
    {
        var providers = ReferenceFixtures.Providers;

        Assert.Equal(6, providers.Count);
        Assert.True(providers.HasPlaceCodes && providers.HasProviderCodes && providers.HasPostcodes && providers.HasEndDates && providers.HasCouncils);
        var home = providers.Find("sc100003")!;
        Assert.Equal(("SC100003", "PE11AA", new DateOnly(2024, 8, 31)), (home.Urn, home.Postcode, home.RegistrationEnd));
        Assert.Equal(["U1", "U2", "U3", "U4", "U5", "U6"], providers.Find("SC100004")!.PlaceCodes);
        Assert.Equal(["PR1", "PR2"], providers.Find("SC100006")!.ProviderCodes);
        Assert.Equal("E06000031", providers.Find("SC100007")!.Council);
        Assert.Null(providers.Find("SC999999"));
    }

    [Fact]
    public void Read_OfstedsColumnNamesUnderTitleRows_FindsTheHeaderAndSkipsNotes()
    {
        const string csv = """
            Children's social care providers and places,,,,,
            As at 31 March 2025,,,,,
            URN,Local authority,Placement code,Placement provider code,Deregistration date,Setting address postcode,Provider type
            SC100001,Cambridgeshire,K2,PR4,,CB2 2BB,Children's home
            2523555,Peterborough,K3,PR4,2025-01-15,pe1 1aa,Supported accommodation
            Source: invented for the tests,,,,,
            """;

        var providers = OfstedProviders.Parse("ofsted.csv", csv).Value;

        Assert.Equal(2, providers.Count);
        Assert.False(providers.HasCouncils);
        var accommodation = providers.Find("2523555")!;
        Assert.Equal(["K3"], accommodation.PlaceCodes);
        Assert.Equal(["PR4"], accommodation.ProviderCodes);
        Assert.Equal(("PE11AA", new DateOnly(2025, 1, 15)), (accommodation.Postcode, accommodation.RegistrationEnd));
    }

    [Fact]
    public void Read_Workbook_ReadsTheFirstSheetWithExcelDates()
    {
        var path = Path.Combine(Path.GetTempPath(), "lodestar-providers-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            using (var file = File.Create(path))
            {
                XlsxWriter.Write(file, [new XlsxSheet("Providers", ["URN", "Placement code", "Placement provider code", "Closed date", "Setting postcode"], [["SC100003", "K2", "PR4", 45535, "PE1 1AA"]])]);
            }

            var provider = OfstedProviders.Read(path).Value.Find("SC100003")!;

            // Day 45,535 from 30 December 1899 is 31 August 2024.
            Assert.Equal(new DateOnly(2024, 8, 31), provider.RegistrationEnd);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("URN,REG_END\nSC1,31/02/2024\n", 2, "REG_END", "31/02/2024", "not a date (dd/mm/yyyy or yyyy-mm-dd)")]
    [InlineData("URN,REG_END\nSC1,\nsc1,\n", 3, "URN", "sc1", "the URN is given twice")]
    [InlineData("URN,REG_END\nSC/1,\n", 2, "URN", "SC/1", "not a URN (letters and digits)")]
    [InlineData("URN,PLACE_CODES\nSC1,K2/Children's home\n", 2, "PLACE_CODES", "K2/Children's home", "'Children's' is not a code (up to 4 letters and digits, such as K2 or PR4)")]
    [InlineData("URN,POSTCODE\nSC1,Cambridge\n", 2, "POSTCODE", "Cambridge", "not a postcode")]
    [InlineData("URN,LA_CODE\nSC1,Cambridgeshire\n", 2, "LA_CODE", "Cambridgeshire", "not a council's GSS code or LA number")]
    public void Read_BadRow_IsRefusedWithItsRowColumnAndValue(string csv, int row, string column, string value, string message)
    {
        var read = OfstedProviders.Parse("providers.csv", csv);

        Assert.False(read.Succeeded);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(("providers.csv", row, column, value, message), (problem.File, problem.Line, problem.Column, problem.Value, problem.Message));
    }

    [Fact]
    public void Read_NoUrnColumn_IsRefused()
    {
        var read = OfstedProviders.Parse("providers.csv", "Reference,Placement code\nSC1,K2\n");

        Assert.Equal("no header row with a URN column", Assert.Single(read.Problems).Message);
    }
}
