using Lodestar.Domain.Councils;
using Lodestar.Formats.Generation;
using Lodestar.Formats.Reference;

namespace Lodestar.Formats.Tests.Generation;

/// <summary>The generator's invented postcode space and providers (docs/generator.md, "Postcodes and providers").</summary>
public sealed class GeneratedPlacesTests
{
    private const double MetresPerMile = 1609.344;

    [Fact]
    public void Postcode_TheFirstCouncilsAndTheSecondWithItsLetters_TakeTheirOwnDistricts()
    {
        // 97 areas' letters for 153 councils: council 0 (Barking and Dagenham) and council 97 both have AL, in districts 1-30 and 31-60.
        Assert.Equal("AL1 3AA", GeneratedPlaces.Postcode(0, 1, 3, GeneratedPlaces.Use.Home, 0));
        Assert.Equal("AL31 3AA", GeneratedPlaces.Postcode(97, 1, 3, GeneratedPlaces.Use.Home, 0));
        Assert.Equal("AL60 0JB", GeneratedPlaces.Postcode(97, 30, 0, GeneratedPlaces.Use.Placement, 1));
        Assert.Equal("B2 9TA", GeneratedPlaces.Postcode(1, 2, 9, GeneratedPlaces.Use.Provider, 0));
    }

    [Fact]
    public void Locate_EveryCouncilsPostcodes_GivesThatCouncilAndNoOtherHasThem()
    {
        var outward = new HashSet<string>(StringComparer.Ordinal);
        for (var council = 0; council < CouncilList.Current.Count; council++)
        {
            for (var district = 1; district <= GeneratedPlaces.Districts; district++)
            {
                var postcode = GeneratedPlaces.Postcode(council, district, district % 10, GeneratedPlaces.Use.Home, district);

                Assert.Equal(council, GeneratedPlaces.Locate(postcode)!.Value.Council);
                Assert.True(outward.Add(postcode.Split(' ')[0]), $"{postcode}: its district is another council's too");
                Assert.NotNull(PostcodeLookup.Normalise(postcode));
            }
        }
    }

    [Fact]
    public void Locate_NotAGeneratedPostcode_GivesNull()
    {
        Assert.Null(GeneratedPlaces.Locate("ZZ1 1AA")); // no area ZZ
        Assert.Null(GeneratedPlaces.Locate("YO61 1AA")); // YO (area 96) in districts 61-90 would be council 290: there is none
        Assert.Null(GeneratedPlaces.Locate("CB2 1T")); // not a postcode's form
    }

    [Fact]
    public void Distances_AnyTwoPostcodes_AreUnder350Miles_AndACouncilsOwnUnder20()
    {
        // Each council's points (every district and sector, a postcode of each kind), its middle and how far its points reach
        // from it, plus the 150 m a postcode may lie from its sector's point: an upper bound on any distance between two.
        var reach = new List<(double East, double North, double Radius)>();
        for (var council = 0; council < CouncilList.Current.Count; council++)
        {
            var points = new List<(int East, int North)>();
            for (var district = 1; district <= GeneratedPlaces.Districts; district++)
            {
                for (var sector = 0; sector < 10; sector++)
                {
                    foreach (var use in new[] { GeneratedPlaces.Use.Home, GeneratedPlaces.Use.Placement, GeneratedPlaces.Use.Provider })
                    {
                        var at = GeneratedPlaces.Locate(GeneratedPlaces.Postcode(council, district, sector, use, district * sector))!.Value;
                        points.Add((at.East, at.North));
                    }
                }
            }

            var east = points.Average(p => p.East);
            var north = points.Average(p => p.North);
            reach.Add((east, north, points.Max(p => Math.Sqrt(Math.Pow(p.East - east, 2) + Math.Pow(p.North - north, 2))) + 150));
        }

        var widest = 0.0;
        foreach (var a in reach)
        {
            Assert.True(2 * a.Radius < 20 * MetresPerMile, $"a council {2 * a.Radius / MetresPerMile:0.0} miles across");
            foreach (var b in reach)
            {
                widest = Math.Max(widest, Math.Sqrt(Math.Pow(a.East - b.East, 2) + Math.Pow(a.North - b.North, 2)) + a.Radius + b.Radius);
            }
        }

        Assert.InRange(widest / MetresPerMile, 150, 350);
    }

    [Fact]
    public void Providers_OfOneCouncilKindAndSlot_AreOneUrnAtOnePostcodeInThatCouncil()
    {
        var first = GeneratedProviders.Of(11, "K2", "PR4", 7);
        var again = GeneratedProviders.Of(11, "K2", "PR5", 7 + GeneratedProviders.PoolSize);
        var own = GeneratedProviders.Of(11, "K2", "PR1", 7);

        Assert.Equal("SC011107", first.Urn);
        Assert.Equal(first, again);
        Assert.Equal("SC011007", own.Urn);
        Assert.Equal(11, GeneratedPlaces.Locate(first.Postcode)!.Value.Council);
        Assert.StartsWith("CB", first.Postcode, StringComparison.Ordinal);
    }
}
