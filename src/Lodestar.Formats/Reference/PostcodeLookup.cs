using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Formats.Reference;

/// <summary>A point on the British National Grid, in metres (the ONS Postcode Directory's oseast1m and osnrth1m).</summary>
public readonly record struct GridPoint(int Easting, int Northing);

/// <summary>
/// Where a postcode is, as a postcode lookup gives it: its grid reference and latitude and longitude (either may be
/// unknown), the upper-tier local authority whose area it is in (the council for children's services), and the country.
/// </summary>
/// <param name="Postcode">The postcode, upper case without spaces.</param>
/// <param name="Grid">Its grid reference, or null.</param>
/// <param name="Position">Its latitude and longitude, or null.</param>
/// <param name="UpperTier">The GSS code of the upper-tier local authority (E10000003, E06000031 ...), or null.</param>
/// <param name="Country">The first letter of the country's GSS code (E England, W Wales, S Scotland, N Northern Ireland, L Channel Islands, M Isle of Man), or null.</param>
public readonly record struct PostcodePlace(string Postcode, GridPoint? Grid, GeoPoint? Position, string? UpperTier, char? Country)
{
    /// <summary>Whether the postcode is in England; null when the lookup gives no country.</summary>
    public bool? InEngland => Country is { } country ? country == 'E' : null;

    /// <summary>
    /// The distance from <paramref name="from"/> to <paramref name="to"/> in miles: straight across the grid when both have a
    /// grid reference (as the DfE works out PL_DISTANCE), else along the great circle when both have a latitude and longitude;
    /// null when neither pair is known for both.
    /// </summary>
    public static double? Miles(PostcodePlace from, PostcodePlace to)
    {
        if (from.Grid is { } a && to.Grid is { } b)
        {
            double dx = a.Easting - b.Easting;
            double dy = a.Northing - b.Northing;
            return Math.Sqrt((dx * dx) + (dy * dy)) / GeoPoint.MetresPerMile;
        }

        return from.Position is { } p && to.Position is { } q ? p.MetresTo(q) / GeoPoint.MetresPerMile : null;
    }

    /// <summary>
    /// PL_DISTANCE as the DfE gives it: <see cref="Miles"/> from <paramref name="home"/> (HOME_POST) to <paramref name="placed"/>
    /// (PL_POST), to one decimal place; null when neither pair of coordinates is known for both.
    /// </summary>
    public static double? PlDistance(PostcodePlace home, PostcodePlace placed) => Miles(home, placed) is { } miles ? Math.Round(miles, 1) : null;
}

/// <summary>
/// Postcodes and where they are, read from the ONS Postcode Directory (ONSPD) or a smaller CSV with its column names:
/// the postcode (pcds, pcd, pcd2, pcd7, pcd8 or postcode), a grid reference (oseast1m and osnrth1m, or east1m and north1m,
/// or easting and northing) and/or latitude and longitude (lat and long, or latitude and longitude), and optionally the
/// areas (oslaua or laua or ladNNcd: the district; oscty or cty or ctyNNcd: the county; utla or utlaNNcd: the upper tier;
/// ctry or ctryNNcd: the country). Used by the 903 rules that need a placement's local authority or country, and for distances.
/// </summary>
/// <remarks>
/// Held as sorted arrays keyed by the postcode packed into a number, so that the whole ONSPD (about 2.7 million postcodes)
/// fits in about 100 MB. A postcode's upper-tier authority is its utla when given, else its county unless that is a pseudo
/// code (E99999999: no county), else its district; its country is the first letter of its ctry, else of its district,
/// county or upper tier.
/// </remarks>
public sealed class PostcodeLookup
{
    private static readonly string[] PostcodeNames = ["pcds", "pcd", "pcd2", "pcd7", "pcd8", "postcode"];
    private static readonly string[] EastingNames = ["oseast1m", "east1m", "easting"];
    private static readonly string[] NorthingNames = ["osnrth1m", "north1m", "northing"];
    private static readonly string[] LatitudeNames = ["lat", "latitude"];
    private static readonly string[] LongitudeNames = ["long", "longitude", "lon"];
    private static readonly string[] DistrictNames = ["oslaua", "laua", "lad"];
    private static readonly string[] CountyNames = ["oscty", "cty"];
    private static readonly string[] UpperTierNames = ["utla"];
    private static readonly string[] CountryNames = ["ctry"];

    // ONSPD writes latitude 99.999999 (and longitude 0) for a postcode it cannot place.
    private const double NoLatitude = 99.999999;

    private readonly long[] _keys;
    private readonly int[] _east;
    private readonly int[] _north;
    private readonly double[] _lat;
    private readonly double[] _long;
    private readonly int[] _upper;
    private readonly char[] _country;
    private readonly string[] _areas;
    private PostcodeDistances? _distances;

    private PostcodeLookup(string source, Columns columns, Builder rows, long[] keys, int[] order)
    {
        Source = source;
        HasGrid = columns.Easting >= 0;
        HasPositions = columns.Latitude >= 0;
        HasAreas = columns.District >= 0 || columns.County >= 0 || columns.UpperTier >= 0;
        HasCountries = HasAreas || columns.Country >= 0;
        _keys = keys;
        _east = Sorted(rows.East, order);
        _north = Sorted(rows.North, order);
        _lat = Sorted(rows.Lat, order);
        _long = Sorted(rows.Long, order);
        _upper = Sorted(rows.Upper, order);
        _country = Sorted(rows.Country, order);
        _areas = [.. rows.Areas];
    }

    private static T[] Sorted<T>(List<T> values, int[] order)
    {
        var sorted = new T[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = values[order[i]];
        }

        return sorted;
    }

    /// <summary>The file it was read from (its name), for messages.</summary>
    public string Source { get; }

    /// <summary>How many postcodes it holds.</summary>
    public int Count => _keys.Length;

    /// <summary>Whether the file gave grid references.</summary>
    public bool HasGrid { get; }

    /// <summary>Whether the file gave latitudes and longitudes.</summary>
    public bool HasPositions { get; }

    /// <summary>Whether the file gave local authorities (district, county or upper tier): a postcode's council can be known.</summary>
    public bool HasAreas { get; }

    /// <summary>Whether the file gave countries, or areas to tell them from: whether a postcode is in England can be known.</summary>
    public bool HasCountries { get; }

    /// <summary>
    /// The distances the KPI engine takes for cla_placed_20_miles: PL_DISTANCE (<see cref="PostcodePlace.PlDistance"/>) from
    /// one postcode to another, null when either is not a postcode, not in the lookup or has no coordinates. Its source is
    /// "N postcodes, " and a digest of the postcodes and their coordinates (not the file's name, nor its areas, which change
    /// no distance): the same file read twice, or renamed, gives the same source; a lookup that places any postcode elsewhere
    /// gives another.
    /// </summary>
    public PostcodeDistances Distances => _distances ??= new PostcodeDistances(
        (home, placed) => Find(home) is { } a && Find(placed) is { } b ? PostcodePlace.PlDistance(a, b) : null,
        $"{Count} postcodes, sha256 {Digest()}");

    // The first 16 hex digits of SHA-256 over the arrays a distance is made of (about 90 MB for the whole ONSPD: under a second).
    private string Digest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(MemoryMarshal.AsBytes(_keys.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(_east.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(_north.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(_lat.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(_long.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>Where <paramref name="postcode"/> (any case, with or without its space) is, or null when it is not a postcode or not in the lookup.</summary>
    public PostcodePlace? Find(string? postcode)
    {
        if (postcode is null || Normalise(postcode) is not { } text || !TryKey(text, out var key))
        {
            return null;
        }

        var at = Array.BinarySearch(_keys, key);
        if (at < 0)
        {
            return null;
        }

        return new PostcodePlace(
            Unpack(key),
            _east[at] == int.MinValue ? null : new GridPoint(_east[at], _north[at]),
            double.IsNaN(_lat[at]) ? null : new GeoPoint(_lat[at], _long[at]),
            _upper[at] < 0 ? null : _areas[_upper[at]],
            _country[at] == '\0' ? null : _country[at]);
    }

    /// <summary>
    /// <paramref name="text"/> as a postcode, upper case without spaces ("CB2 1TN" gives "CB21TN"), or null when it is not
    /// a postcode's form: 5 to 8 letters and digits, a letter first, a digit and two letters last (the inward code).
    /// </summary>
    public static string? Normalise(ReadOnlySpan<char> text)
    {
        Span<char> chars = stackalloc char[8];
        var n = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                continue;
            }

            if (n == chars.Length || !char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }

            chars[n++] = char.ToUpperInvariant(c);
        }

        return n >= 5 && char.IsAsciiLetter(chars[0]) && char.IsAsciiDigit(chars[n - 3]) && char.IsAsciiLetter(chars[n - 2]) && char.IsAsciiLetter(chars[n - 1])
            ? new string(chars[..n])
            : null;
    }

    /// <summary>Reads the file at <paramref name="path"/>: every bad row is a problem with its file, line, column and value, and any problem refuses the file.</summary>
    public static Result<PostcodeLookup> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Path.GetFileName(path);
        try
        {
            using var stream = TextInput.OpenRead(path, new ReadLimits(long.MaxValue));
            return Read(file, stream);
        }
        catch (UnreadableFileException e)
        {
            return Result.Failure<PostcodeLookup>(Problem.InFile(file, $"cannot be read: {e.Message}"));
        }
    }

    /// <summary>Reads CSV from <paramref name="stream"/> (UTF-8); <paramref name="file"/> names it in problems.</summary>
    public static Result<PostcodeLookup> Read(string file, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(stream);
        using var csv = new CsvCursor(stream, TextInput.StrictUtf8);
        var problems = new Problems(file);
        Columns columns;
        var rows = new Builder();
        try
        {
            if (!csv.Next())
            {
                return Result.Failure<PostcodeLookup>(Problem.InFile(file, "the file is empty; a header row is expected"));
            }

            columns = Columns.Of(csv, problems);
            if (problems.Count > 0)
            {
                return Result.Failure<PostcodeLookup>(problems.All);
            }

            while (csv.Next())
            {
                ReadRow(csv, columns, rows, problems);
            }
        }
        catch (Exception e) when (e is UnreadableFileException or DecoderFallbackException)
        {
            return Result.Failure<PostcodeLookup>(new Problem(file, csv.Line, null, null, $"cannot be read as CSV: {e.Message}"));
        }

        // Sorted by postcode for the binary search; a postcode given twice is then next to itself.
        var keys = rows.Keys.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] == keys[i - 1])
            {
                var (first, later) = (Math.Min(order[i], order[i - 1]), Math.Max(order[i], order[i - 1]));
                problems.Add(rows.Lines[later], columns.PostcodeName, Unpack(keys[i]), $"the postcode is given twice (first on line {rows.Lines[first]})");
            }
        }

        return problems.Count > 0 ? Result.Failure<PostcodeLookup>(problems.All) : Result.Success(new PostcodeLookup(file, columns, rows, keys, order));
    }

    /// <summary>Reads CSV text; <paramref name="file"/> names it in problems.</summary>
    public static Result<PostcodeLookup> Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return Read(file, stream);
    }

    private static void ReadRow(CsvCursor csv, Columns columns, Builder rows, Problems problems)
    {
        var line = csv.Line;
        var raw = Cell(csv, columns.Postcode);
        if (raw.IsEmpty)
        {
            problems.Add(line, columns.PostcodeName, [], "the postcode is blank");
            return;
        }

        if (Normalise(raw) is not { } postcode || !TryKey(postcode, out var key))
        {
            problems.Add(line, columns.PostcodeName, raw, "not a postcode");
            return;
        }

        var east = int.MinValue;
        var north = int.MinValue;
        if (columns.Easting >= 0)
        {
            var e = Grid(csv, columns.Easting, columns.EastingName, line, problems);
            var n = Grid(csv, columns.Northing, columns.NorthingName, line, problems);
            if (e is { } x && n is { } y)
            {
                (east, north) = (x, y);
            }
        }

        double lat = double.NaN, lon = double.NaN;
        if (columns.Latitude >= 0)
        {
            var a = Degrees(csv, columns.Latitude, columns.LatitudeName, 90, line, problems);
            var b = Degrees(csv, columns.Longitude, columns.LongitudeName, 180, line, problems);
            if (a is { } p && b is { } q && p != NoLatitude)
            {
                (lat, lon) = (p, q);
            }
        }

        var district = Area(csv, columns.District, columns.DistrictName, line, problems);
        var county = Area(csv, columns.County, columns.CountyName, line, problems);
        var upper = Area(csv, columns.UpperTier, columns.UpperTierName, line, problems);
        var country = Area(csv, columns.Country, columns.CountryName, line, problems);
        upper = Real(upper) ?? Real(county) ?? Real(district);
        var letter = (country ?? district ?? county ?? upper) is { } code ? code[0] : '\0';
        rows.Add(key, line, east, north, lat, lon, upper, letter);
    }

    // A pseudo code (E99999999, W99999999 ...) says there is no such area there.
    private static string? Real(string? code) => code is null || code.EndsWith("99999999", StringComparison.Ordinal) ? null : code;

    private static ReadOnlySpan<char> Cell(CsvCursor csv, int column) => column < csv.FieldCount ? csv[column].Trim() : [];

    private static int? Grid(CsvCursor csv, int column, string name, int line, Problems problems)
    {
        var text = Cell(csv, column);
        if (text.IsEmpty)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var metres) || metres > 10_000_000)
        {
            problems.Add(line, name, text, "not a grid reference in metres (a whole number from 0)");
            return null;
        }

        return (int)Math.Round(metres);
    }

    private static double? Degrees(CsvCursor csv, int column, string name, double limit, int line, Problems problems)
    {
        var text = Cell(csv, column);
        if (text.IsEmpty)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var degrees)
            || (Math.Abs(degrees) > limit && degrees != NoLatitude))
        {
            problems.Add(line, name, text, $"not a number of degrees from -{limit} to {limit}");
            return null;
        }

        return degrees;
    }

    private static string? Area(CsvCursor csv, int column, string? name, int line, Problems problems)
    {
        if (column < 0)
        {
            return null;
        }

        var text = Cell(csv, column);
        if (text.IsEmpty)
        {
            return null;
        }

        if (!IsGssCode(text))
        {
            problems.Add(line, name, text, "not an ONS area code (a letter and 8 digits, such as E10000003)");
            return null;
        }

        return text.ToString().ToUpperInvariant();
    }

    /// <summary>Whether <paramref name="text"/> is an ONS (GSS) area code's form: a letter and 8 digits.</summary>
    internal static bool IsGssCode(ReadOnlySpan<char> text)
    {
        if (text.Length != 9 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // A normalised postcode packed into a number, base 37 with no zero digit, so that every length gives its own keys.
    private static bool TryKey(string postcode, out long key)
    {
        key = 0;
        foreach (var c in postcode)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' + 27 : c - 'A' + 1;
            key = (key * 37) + digit;
        }

        return postcode.Length is >= 5 and <= 8;
    }

    // The postcode a key packs (TryKey backwards).
    private static string Unpack(long key)
    {
        Span<char> chars = stackalloc char[8];
        var n = chars.Length;
        for (; key > 0; key /= 37)
        {
            var digit = (int)(key % 37);
            chars[--n] = digit > 26 ? (char)('0' + digit - 27) : (char)('A' + digit - 1);
        }

        return new string(chars[n..]);
    }

    /// <summary>The columns found in the header row, by index (-1: not there).</summary>
    private sealed class Columns
    {
        public int Postcode { get; private init; } = -1;

        public string PostcodeName { get; private init; } = "";

        public int Easting { get; private init; } = -1;

        public string EastingName { get; private init; } = "";

        public int Northing { get; private init; } = -1;

        public string NorthingName { get; private init; } = "";

        public int Latitude { get; private init; } = -1;

        public string LatitudeName { get; private init; } = "";

        public int Longitude { get; private init; } = -1;

        public string LongitudeName { get; private init; } = "";

        public int District { get; private init; } = -1;

        public string? DistrictName { get; private init; }

        public int County { get; private init; } = -1;

        public string? CountyName { get; private init; }

        public int UpperTier { get; private init; } = -1;

        public string? UpperTierName { get; private init; }

        public int Country { get; private init; } = -1;

        public string? CountryName { get; private init; }

        public static Columns Of(CsvCursor csv, Problems problems)
        {
            var header = new string[csv.FieldCount];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = csv[i].Trim().ToString().ToLowerInvariant();
            }

            (int Index, string Name) Find(string[] names, string? coded = null)
            {
                foreach (var name in names)
                {
                    var at = Array.IndexOf(header, name);
                    if (at >= 0)
                    {
                        return (at, header[at]);
                    }
                }

                // The ONS's lookups name an area column by its kind and vintage: lad25cd, cty23cd, ctry12cd ...
                for (var i = 0; coded is not null && i < header.Length; i++)
                {
                    var h = header[i];
                    if (h.Length == coded.Length + 4 && h.StartsWith(coded, StringComparison.Ordinal) && h.EndsWith("cd", StringComparison.Ordinal)
                        && char.IsAsciiDigit(h[coded.Length]) && char.IsAsciiDigit(h[coded.Length + 1]))
                    {
                        return (i, h);
                    }
                }

                return (-1, "");
            }

            var postcode = Find(PostcodeNames);
            var east = Find(EastingNames);
            var north = Find(NorthingNames);
            var lat = Find(LatitudeNames);
            var lon = Find(LongitudeNames);
            var district = Find(DistrictNames, "lad");
            var county = Find(CountyNames, "cty");
            var upper = Find(UpperTierNames, "utla");
            var country = Find(CountryNames, "ctry");
            var line = csv.Line;
            if (postcode.Index < 0)
            {
                problems.Add(line, null, [], $"no postcode column: expected one of {string.Join(", ", PostcodeNames)}");
            }

            if ((east.Index < 0) != (north.Index < 0))
            {
                problems.Add(line, null, [], $"a grid reference needs both columns: {string.Join(" or ", EastingNames)} and {string.Join(" or ", NorthingNames)}");
            }

            if ((lat.Index < 0) != (lon.Index < 0))
            {
                problems.Add(line, null, [], $"a position needs both columns: {string.Join(" or ", LatitudeNames)} and {string.Join(" or ", LongitudeNames)}");
            }

            if (east.Index < 0 && lat.Index < 0 && district.Index < 0 && county.Index < 0 && upper.Index < 0 && country.Index < 0)
            {
                problems.Add(line, null, [], "the file gives neither coordinates (oseast1m and osnrth1m, or lat and long) nor areas (oslaua, oscty, utla, ctry)");
            }

            return new Columns
            {
                Postcode = postcode.Index,
                PostcodeName = postcode.Name,
                Easting = north.Index < 0 ? -1 : east.Index,
                EastingName = east.Name,
                Northing = north.Index,
                NorthingName = north.Name,
                Latitude = lon.Index < 0 ? -1 : lat.Index,
                LatitudeName = lat.Name,
                Longitude = lon.Index,
                LongitudeName = lon.Name,
                District = district.Index,
                DistrictName = district.Index < 0 ? null : district.Name,
                County = county.Index,
                CountyName = county.Index < 0 ? null : county.Name,
                UpperTier = upper.Index,
                UpperTierName = upper.Index < 0 ? null : upper.Name,
                Country = country.Index,
                CountryName = country.Index < 0 ? null : country.Name,
            };
        }
    }

    /// <summary>The rows read so far, column by column, with the line of each (for a postcode given twice).</summary>
    private sealed class Builder
    {
        public List<long> Keys { get; } = [];

        public List<int> Lines { get; } = [];

        public List<int> East { get; } = [];

        public List<int> North { get; } = [];

        public List<double> Lat { get; } = [];

        public List<double> Long { get; } = [];

        public List<int> Upper { get; } = [];

        public List<char> Country { get; } = [];

        // Area codes repeat for thousands of postcodes: each is held once, and a postcode holds its index.
        public List<string> Areas { get; } = [];

        private readonly Dictionary<string, int> _areaIndex = new(StringComparer.Ordinal);

        public void Add(long key, int line, int east, int north, double lat, double lon, string? upper, char country)
        {
            Keys.Add(key);
            Lines.Add(line);
            East.Add(east);
            North.Add(north);
            Lat.Add(lat);
            Long.Add(lon);
            Country.Add(country);
            if (upper is null)
            {
                Upper.Add(-1);
            }
            else if (_areaIndex.TryGetValue(upper, out var index))
            {
                Upper.Add(index);
            }
            else
            {
                _areaIndex[upper] = Areas.Count;
                Upper.Add(Areas.Count);
                Areas.Add(upper);
            }
        }
    }
}

/// <summary>
/// The problems of one reference file, listed up to a limit and counted beyond it: a wrong file (the ONSPD has millions
/// of rows) would otherwise give millions.
/// </summary>
internal sealed class Problems(string file, int max = 100)
{
    private readonly List<Problem> _listed = [];
    private int _more;

    public int Count => _listed.Count + _more;

    /// <summary>The problems listed, and one more saying how many were not when there were too many.</summary>
    public IReadOnlyList<Problem> All => _more == 0 ? _listed : [.. _listed, Problem.InFile(file, $"and {_more:N0} more rows with problems, not listed")];

    public void Add(int line, string? column, ReadOnlySpan<char> value, string message)
    {
        if (_listed.Count < max)
        {
            _listed.Add(new Problem(file, line, column, value.IsEmpty ? null : value.ToString(), message));
        }
        else
        {
            _more++;
        }
    }
}
