using System.Globalization;
using Lodestar.Domain.Councils;

namespace Lodestar.Formats.Generation;

/// <summary>
/// The generator's invented postcode space (docs/generator.md, "Postcodes and providers"). Each council of the list has a
/// real English postcode area's letters (the list's areas in turn: two councils may share an area) and its own block of
/// 30 districts in it (CB1-CB30 for the first council with CB, CB31-CB60 for the second), so every postcode belongs to
/// exactly one council. Grid references are invented too: each council has a centre near its region's (the regions laid
/// out roughly as England's, drawn in so that no two postcodes are more than 350 miles apart), each district a point
/// within 12 km of it (4 km in London), each sector within 1.2 km of that, each postcode within 150 m of that.
/// Nothing here is a real place: the files written from it say they are the generator's.
/// </summary>
internal static class GeneratedPlaces
{
    /// <summary>Districts each council has in its area's letters.</summary>
    public const int Districts = 30;

    /// <summary>England's GSS country code, the lookup's ctry.</summary>
    public const string England = "E92000001";

    // The letters of a postcode's last two characters (Royal Mail leaves out C, I, K, M, O and V there). A home's
    // postcode takes its first letter from the first group, a carer's or another placement's from the second, a
    // provider's from the third: a placement away from home is then never at the home postcode (DfE 392d), and a
    // provider's postcode is no one's home.
    private const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";
    private const string HomeLetters = "ABDEFGH";
    private const string PlacementLetters = "JLNPQRS";
    private const string ProviderLetters = "TUWXYZ";

    /// <summary>What a postcode is used for: it decides the first letter of its last two.</summary>
    public enum Use
    {
        Home,
        Placement,
        Provider,
    }

    public static readonly string[] Areas =
    [
        "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "CA", "CB", "CH", "CM", "CO", "CR", "CT", "CV", "CW",
        "DA", "DE", "DH", "DL", "DN", "DT", "DY", "E", "EN", "EX", "FY", "GL", "GU", "HA", "HD", "HG", "HP", "HR", "HU",
        "HX", "IG", "IP", "KT", "L", "LA", "LE", "LN", "LS", "LU", "M", "ME", "MK", "N", "NE", "NG", "NN", "NR", "NW",
        "OL", "OX", "PE", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR",
        "SS", "ST", "SW", "SY", "TA", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WD", "WF", "WN", "WR", "WS",
        "WV", "YO",
    ];

    // Each region's centre in km on the grid, roughly where it is, and how far apart its councils' centres are spread.
    // London's two regions share one centre, inner boroughs first.
    private static readonly Dictionary<string, (double East, double North, double Spacing)> RegionCentres = new(StringComparer.Ordinal)
    {
        ["North East"] = (420, 570, 14),
        ["North West"] = (355, 440, 12),
        ["Yorkshire and The Humber"] = (445, 445, 14),
        ["East Midlands"] = (470, 330, 16),
        ["West Midlands"] = (385, 285, 12),
        ["East of England"] = (570, 265, 16),
        ["Inner London"] = (530, 180, 4.5),
        ["Outer London"] = (530, 180, 4.5),
        ["South East"] = (505, 145, 16),
        ["South West"] = (310, 110, 16),
    };

    // England drawn in around this point by this factor, so that the far corners are under 350 miles apart (DfE 454).
    private const double MiddleEast = 450, MiddleNorth = 300, DrawnIn = 0.75;
    private const double GoldenAngle = 2.399963229728653;

    private static readonly Lazy<(int East, int North)[]> Centres = new(CouncilCentres);

    // Each council's region's councils (itself included), in list order.
    private static readonly Lazy<int[][]> Neighbours = new(() =>
        [.. Enumerable.Range(0, Councils.Count).Select(c => Enumerable.Range(0, Councils.Count).Where(i => SameRegion(Councils[i].Region, Councils[c].Region)).ToArray())]);

    /// <summary>The councils, in list order (the generator's council index is a position in it).</summary>
    public static IReadOnlyList<Council> Councils => CouncilList.Current;

    /// <summary>The postcode of council <paramref name="council"/>'s district <paramref name="district"/> (1-30), sector <paramref name="sector"/> (0-9), the <paramref name="unit"/>th postcode of its kind there.</summary>
    public static string Postcode(int council, int district, int sector, Use use, int unit)
    {
        var first = use switch { Use.Home => HomeLetters, Use.Placement => PlacementLetters, _ => ProviderLetters };
        unit = ((unit % (first.Length * UnitLetters.Length)) + (first.Length * UnitLetters.Length)) % (first.Length * UnitLetters.Length);
        var letters = string.Concat(first[unit / UnitLetters.Length], UnitLetters[unit % UnitLetters.Length]);
        return string.Create(CultureInfo.InvariantCulture, $"{Areas[council % Areas.Length]}{((council / Areas.Length) * Districts) + district} {sector}{letters}");
    }

    /// <summary>The council index and grid reference (metres) of a postcode this class made, or null for any other.</summary>
    public static (int Council, int East, int North)? Locate(string postcode)
    {
        var space = postcode.IndexOf(' ', StringComparison.Ordinal);
        if (space < 2 || postcode.Length != space + 4)
        {
            return null;
        }

        var digits = 0;
        while (digits < space && char.IsAsciiLetter(postcode[digits]))
        {
            digits++;
        }

        var area = Array.IndexOf(Areas, postcode[..digits]);
        if (area < 0 || !int.TryParse(postcode.AsSpan(digits, space - digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return null;
        }

        var block = (number - 1) / Districts;
        var council = (block * Areas.Length) + area;
        var district = number - (block * Districts);
        if (council >= Councils.Count || !char.IsAsciiDigit(postcode[space + 1]))
        {
            return null;
        }

        var sector = postcode[space + 1] - '0';
        var (east, north) = Centres.Value[council];
        var london = Councils[council].Region.EndsWith("London", StringComparison.Ordinal);
        var (dx, dy) = Sunflower(district - 1, Districts, london ? 4_000 : 12_000);
        var (sx, sy) = Sunflower(sector, 10, london ? 500 : 1_200);

        // The postcode itself: within 150 m of its sector's point, from its two letters.
        var unit = (UnitLetters.IndexOf(postcode[space + 2], StringComparison.Ordinal) * UnitLetters.Length) + UnitLetters.IndexOf(postcode[space + 3], StringComparison.Ordinal);
        var (ux, uy) = Sunflower(unit % 97, 97, 150);
        return (council, east + (int)Math.Round(dx + sx + ux), north + (int)Math.Round(dy + sy + uy));
    }

    /// <summary>
    /// The council of a placement drawn away from the council's own area, from the two numbers drawn for it (an area's
    /// position 0-96 and a district 1-30, as the generator has always drawn them): six in ten in the council's region,
    /// the rest anywhere in England.
    /// </summary>
    public static int FarCouncil(int home, int area, int district)
    {
        var mix = (area * Districts) + district - 1;
        if (area < 58)
        {
            var neighbours = Neighbours.Value[home];
            return neighbours[mix % neighbours.Length];
        }

        return (mix - (58 * Districts)) % Councils.Count;
    }

    private static bool SameRegion(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || (a.EndsWith("London", StringComparison.Ordinal) && b.EndsWith("London", StringComparison.Ordinal));

    // The n-th of count points spread evenly over a disc of the radius (a sunflower's seeds).
    private static (double X, double Y) Sunflower(int n, int count, double radius)
    {
        var r = radius * Math.Sqrt((n + 0.5) / count);
        var angle = n * GoldenAngle;
        return (r * Math.Cos(angle), r * Math.Sin(angle));
    }

    private static (int East, int North)[] CouncilCentres()
    {
        var centres = new (int East, int North)[Councils.Count];
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var london in new[] { true, false })
        {
            // London's inner boroughs take the middle of its disc.
            for (var i = 0; i < Councils.Count; i++)
            {
                var region = Councils[i].Region;
                if ((region == "Inner London") != london)
                {
                    continue;
                }

                var group = region.EndsWith("London", StringComparison.Ordinal) ? "London" : region;
                placed.TryGetValue(group, out var k);
                placed[group] = k + 1;
                var (east, north, spacing) = RegionCentres[region];
                var r = spacing * Math.Sqrt(k + 0.5);
                var angle = (k * GoldenAngle) + group.Length;
                centres[i] = (
                    (int)Math.Round(((MiddleEast + ((east - MiddleEast) * DrawnIn)) + (r * Math.Cos(angle))) * 1000),
                    (int)Math.Round(((MiddleNorth + ((north - MiddleNorth) * DrawnIn)) + (r * Math.Sin(angle))) * 1000));
            }
        }

        return centres;
    }
}
