using Lodestar.Formats.Reference;
using Lodestar.Formats.Tests.Validation;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Formats.Tests.Reference;

public sealed class PostcodeLookupTests
{
    private static PostcodeLookup Fixture => ReferenceFixtures.Postcodes;

    [Theory]
    [InlineData("CB1 1AA")]
    [InlineData("cb11aa")]
    [InlineData(" CB1  1AA ")]
    public void Find_AnyCaseWithOrWithoutTheSpace_FindsThePostcode(string written)
    {
        var place = Fixture.Find(written);

        Assert.Equal(new PostcodePlace("CB11AA", new GridPoint(545000, 258000), new GeoPoint(52.2, 0.13), "E10000003", 'E'), place);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NW1 9ZZ")]
    [InlineData("CB1")]
    [InlineData("CB1 1A")]
    public void Find_NotInTheLookupOrNotAPostcode_IsNull(string? written)
    {
        Assert.Null(Fixture.Find(written));
    }

    [Fact]
    public void Read_OnsPostcodeDirectoryColumns_GivesUpperTierFromCountyElseDistrictAndTheCountry()
    {
        Assert.Equal(7, Fixture.Count);
        Assert.True(Fixture.HasGrid && Fixture.HasPositions && Fixture.HasAreas && Fixture.HasCountries);
        // Peterborough is a unitary council: its county is the pseudo code E99999999, so its upper tier is its district.
        Assert.Equal(("E06000031", true), (Fixture.Find("PE1 1AA")!.Value.UpperTier, Fixture.Find("PE1 1AA")!.Value.InEngland!.Value));
        Assert.Equal(("W06000015", 'W', false), (Fixture.Find("CF10 1AA")!.Value.UpperTier, Fixture.Find("CF10 1AA")!.Value.Country!.Value, Fixture.Find("CF10 1AA")!.Value.InEngland!.Value));
    }

    [Fact]
    public void Read_NoGridReferenceAndLatitude99_IsAPlaceWithoutCoordinates()
    {
        var place = Fixture.Find("ZZ1 1ZZ")!.Value;

        Assert.Equal((null, null, "E10000003"), (place.Grid, place.Position, place.UpperTier));
    }

    [Fact]
    public void Read_PostcodeLatitudeAndLongitudeOnly_HasPositionsButNoAreas()
    {
        var lookup = PostcodeLookup.Parse("points.csv", "pcd,lat,long\nCB1 1AA,52.2,0.13\n").Value;

        Assert.Equal((false, true, false, false), (lookup.HasGrid, lookup.HasPositions, lookup.HasAreas, lookup.HasCountries));
        Assert.Equal(new PostcodePlace("CB11AA", null, new GeoPoint(52.2, 0.13), null, null), lookup.Find("CB1 1AA"));
        Assert.Null(lookup.Find("CB1 1AA")!.Value.InEngland);
    }

    [Fact]
    public void Read_AreaColumnsNamedByVintage_AreRecognised()
    {
        var lookup = PostcodeLookup.Parse("onspd.csv", "pcd7,east1m,north1m,cty25cd,lad25cd,ctry25cd\nCB1 1AA,545000,258000,E10000003,E07000008,E92000001\n").Value;

        Assert.Equal(new PostcodePlace("CB11AA", new GridPoint(545000, 258000), null, "E10000003", 'E'), lookup.Find("CB1 1AA"));
    }

    [Fact]
    public void Miles_BothOnTheGrid_IsTheStraightLine()
    {
        // 3 km east and 4 km north: 5,000 m, 5,000 / 1,609.344 = 3.10686 miles.
        var a = new PostcodePlace("AA11AA", new GridPoint(100000, 200000), new GeoPoint(0, 0), null, null);
        var b = new PostcodePlace("AA11AB", new GridPoint(103000, 204000), new GeoPoint(10, 10), null, null);

        Assert.Equal(3.10686, PostcodePlace.Miles(a, b)!.Value, 5);
    }

    [Fact]
    public void Miles_PositionsOnly_IsTheGreatCircle()
    {
        // One degree of latitude on a sphere of radius 6,371,008.8 m: 111,195.08 m, 69.0934 miles.
        var a = new PostcodePlace("AA11AA", null, new GeoPoint(52, 0), null, null);
        var b = new PostcodePlace("AA11AB", null, new GeoPoint(53, 0), null, null);

        Assert.Equal(69.0934, PostcodePlace.Miles(a, b)!.Value, 4);
        Assert.Null(PostcodePlace.Miles(a, new PostcodePlace("AA11AC", new GridPoint(1, 1), null, null, null)));
    }

    [Fact]
    public void Distances_BothOnTheGrid_ArePlDistanceToOneDecimalPlace()
    {
        // CB1 1AA to CB2 2BB: 3,000 m east and 4,000 m north, 5,000 m, 3.10686 miles: 3.1. ZZ1 1ZZ has no coordinates.
        var distances = Fixture.Distances;

        Assert.Equal(3.1, distances.Miles("CB1 1AA", "cb22bb"));
        Assert.Equal(0.0, distances.Miles("CB1 1AA", "CB1 1AA"));
        Assert.Null(distances.Miles("CB1 1AA", "ZZ1 1ZZ"));
        Assert.Null(distances.Miles("CB1 1AA", "NW1 9ZZ"));
        Assert.Null(distances.Miles("not a postcode", "CB1 1AA"));
    }

    [Fact]
    public void Distances_PositionsOnly_AreTheGreatCircleToOneDecimalPlace()
    {
        // One degree of latitude: 69.0934 miles, 69.1.
        var lookup = PostcodePlaceLookup("pcd,lat,long\nAA1 1AA,52,0\nAA1 1AB,53,0\n");

        Assert.Equal(69.1, lookup.Distances.Miles("AA1 1AA", "AA1 1AB"));
    }

    [Fact]
    public void DistancesSource_SamePostcodesAndCoordinates_IsTheSameWhateverTheFileOrItsAreas()
    {
        var one = PostcodeLookup.Parse("a.csv", "pcd,oseast1m,osnrth1m,oslaua\nAA1 1AA,100000,200000,E07000008\nAA1 1AB,103000,204000,E07000008\n").Value;
        var renamed = PostcodeLookup.Parse("b.csv", "pcd,oseast1m,osnrth1m,oslaua\nAA1 1AB,103000,204000,E06000031\nAA1 1AA,100000,200000,E06000031\n").Value;
        var moved = PostcodeLookup.Parse("a.csv", "pcd,oseast1m,osnrth1m,oslaua\nAA1 1AA,100000,200000,E07000008\nAA1 1AB,103000,204001,E07000008\n").Value;

        Assert.Equal(one.Distances.Source, renamed.Distances.Source);
        Assert.NotEqual(one.Distances.Source, moved.Distances.Source);
        Assert.StartsWith("2 postcodes, sha256 ", one.Distances.Source, StringComparison.Ordinal);
    }

    private static PostcodeLookup PostcodePlaceLookup(string csv) => PostcodeLookup.Parse("points.csv", csv).Value;

    [Theory]
    [InlineData("pcd,oseast1m,osnrth1m\nCB1 1AA,545000,258000\nCB1 1XYZ,1,1\n", 3, "pcd", "CB1 1XYZ", "not a postcode")]
    [InlineData("pcd,oseast1m,osnrth1m\nCB1 1AA,545000,258000\ncb11aa,1,1\n", 3, "pcd", "CB11AA", "the postcode is given twice (first on line 2)")]
    [InlineData("pcd,oseast1m,osnrth1m\nCB1 1AA,east,258000\n", 2, "oseast1m", "east", "not a grid reference in metres (a whole number from 0)")]
    [InlineData("pcd,oseast1m,osnrth1m\nCB1 1AA,-5,258000\n", 2, "oseast1m", "-5", "not a grid reference in metres (a whole number from 0)")]
    [InlineData("pcd,lat,long\nCB1 1AA,95,0.1\n", 2, "lat", "95", "not a number of degrees from -90 to 90")]
    [InlineData("pcd,lat,long,oslaua\nCB1 1AA,52,0.1,Cambridge\n", 2, "oslaua", "Cambridge", "not an ONS area code (a letter and 8 digits, such as E10000003)")]
    [InlineData("pcd,lat,long\n,52,0.1\n", 2, "pcd", null, "the postcode is blank")]
    public void Read_BadRow_IsRefusedWithItsLineColumnAndValue(string csv, int line, string column, string? value, string message)
    {
        var read = PostcodeLookup.Parse("postcodes.csv", csv);

        Assert.False(read.Succeeded);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(("postcodes.csv", line, column, value, message), (problem.File, problem.Line, problem.Column, problem.Value, problem.Message));
    }

    [Theory]
    [InlineData("postcode_area,lat,long\nCB,52,0.1\n", "no postcode column: expected one of pcds, pcd, pcd2, pcd7, pcd8, postcode")]
    [InlineData("pcd,lat\nCB1 1AA,52\n", "a position needs both columns: lat or latitude and long or longitude or lon")]
    [InlineData("pcd,name\nCB1 1AA,Cambridge\n", "the file gives neither coordinates (oseast1m and osnrth1m, or lat and long) nor areas (oslaua, oscty, utla, ctry)")]
    public void Read_HeaderWithoutWhatIsNeeded_IsRefused(string csv, string message)
    {
        var read = PostcodeLookup.Parse("postcodes.csv", csv);

        Assert.Equal(("postcodes.csv", 1, message), (read.Problems[0].File, read.Problems[0].Line, read.Problems[0].Message));
        Assert.False(read.Succeeded);
    }

    [Fact]
    public void Read_ManyBadRows_ListsAHundredAndCountsTheRest()
    {
        var csv = "pcd,lat,long\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"bad{i},52,0.1\n"));

        var read = PostcodeLookup.Parse("postcodes.csv", csv);

        Assert.Equal(101, read.Problems.Count);
        Assert.Equal("and 50 more rows with problems, not listed", read.Problems[^1].Message);
    }

    [Fact]
    public void Read_MissingFile_IsAProblemNamingIt()
    {
        var read = PostcodeLookup.Read(Path.Combine(Path.GetTempPath(), "lodestar-no-such-file-" + Guid.NewGuid().ToString("N") + ".csv"));

        Assert.StartsWith("cannot be read: file not found", Assert.Single(read.Problems).Message, StringComparison.Ordinal);
    }
}
