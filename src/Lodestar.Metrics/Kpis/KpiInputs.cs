using Lodestar.Domain.Periods;
using Lodestar.Metrics.Calendar;
using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Kpis;

/// <summary>One council's child-level data: its 903 records, its CIN census records, its Annex A lists, or any of them.</summary>
public sealed record KpiDataset
{
    public KpiDataset(string council, Ssda903Data? cla, CinData? cin, AnnexAData? annexA = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(council);
        if (cla is not null && cla.CouncilCode != council)
        {
            throw new ArgumentException($"The 903 data belongs to {cla.CouncilCode}, not {council}.", nameof(cla));
        }

        if (cin is not null && cin.CouncilCode != council)
        {
            throw new ArgumentException($"The CIN data belongs to {cin.CouncilCode}, not {council}.", nameof(cin));
        }

        if (annexA is not null && annexA.CouncilCode != council)
        {
            throw new ArgumentException($"The Annex A data belongs to {annexA.CouncilCode}, not {council}.", nameof(annexA));
        }

        Council = council;
        Cla = cla;
        Cin = cin;
        AnnexA = annexA;
        _claYears = YearsOf(cla?.Files);
        _cinYears = YearsOf(cin?.Files);
        _annexAYears = YearsOf(annexA?.Files);
    }

    private readonly HashSet<int>? _claYears;
    private readonly HashSet<int>? _cinYears;
    private readonly HashSet<int>? _annexAYears;

    /// <summary>The council's Ofsted Annex A lists, or null.</summary>
    public AnnexAData? AnnexA { get; }

    public string Council { get; }

    public Ssda903Data? Cla { get; }

    public CinData? Cin { get; }

    /// <summary>
    /// Whether the returns of <paramref name="source"/> cover <paramref name="period"/>: there are records of
    /// that return, and a return for every collection year the period touches. A period before the returns
    /// begin, after they end or in a year between them that no return covers has no data — never 0. Records
    /// built without files (or from files whose collection year is not known) are taken to cover any period.
    /// </summary>
    public bool Covers(KpiSource source, Period period)
    {
        var (records, years) = source switch
        {
            KpiSource.Ssda903 => ((object?)Cla, _claYears),
            KpiSource.Cin => (Cin, _cinYears),
            _ => (AnnexA, _annexAYears),
        };
        if (records is null)
        {
            return false;
        }

        if (years is null)
        {
            return true;
        }

        for (var year = Period.ReportingYearOf(period.Start); year <= Period.ReportingYearOf(period.End); year++)
        {
            if (!years.Contains(year))
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<int>? YearsOf(IReadOnlyList<SourceFile>? files)
    {
        var years = files?.Where(f => f.CollectionYear > 0).Select(f => f.CollectionYear).ToHashSet();
        return years is { Count: > 0 } ? years : null;
    }

    /// <summary>A council's data as the loader gives it.</summary>
    public static KpiDataset Of(CouncilData council)
    {
        ArgumentNullException.ThrowIfNull(council);
        return new(council.CouncilCode, council.Ssda903, council.Cin, council.AnnexA);
    }

    /// <summary>A dataset with 903 records only.</summary>
    public static KpiDataset Of(Ssda903Data cla) => new(cla.CouncilCode, cla, null);

    /// <summary>A dataset with CIN records only.</summary>
    public static KpiDataset Of(CinData cin) => new(cin.CouncilCode, null, cin);
}

/// <summary>A point on the map, in degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Metres in a statute mile.</summary>
    public const double MetresPerMile = 1609.344;

    // The mean radius of the Earth (IUGG).
    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>The great-circle distance to <paramref name="other"/> in metres (haversine, on a sphere of the Earth's mean radius).</summary>
    public double MetresTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}

/// <summary>
/// Mid-year population estimates of children aged 0–17, by area code (council, region or England) and
/// calendar year.
/// </summary>
public sealed class PopulationEstimates
{
    private readonly Dictionary<(string Code, int Year), long> _values = [];
    private string? _source;

    /// <summary>No estimates: every rate per 10,000 is "no data".</summary>
    public static PopulationEstimates None { get; } = new();

    /// <summary>Records an estimate (a later value for the same area and year replaces the earlier one).</summary>
    public PopulationEstimates Add(string code, int year, long population)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(population);
        _values[(code, year)] = population;
        _source = null;
        return this;
    }

    /// <summary>
    /// What the estimates are: "N estimates, sha256 " and a digest of every area, year and estimate (in order, so the same
    /// estimates read from any file give the same source); empty when there are none. Results computed with other estimates
    /// are out of date (<see cref="KpiOptions.Inputs"/>).
    /// </summary>
    public string Source => _source ??= _values.Count == 0 ? "" : $"{_values.Count} estimates, sha256 {Digest()}";

    private string Digest()
    {
        var text = new System.Text.StringBuilder();
        foreach (var ((code, year), population) in _values.OrderBy(v => v.Key.Code, StringComparer.Ordinal).ThenBy(v => v.Key.Year))
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},{year},{population}\n");
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>How many estimates are held.</summary>
    public int Count => _values.Count;

    /// <summary>The estimate for <paramref name="code"/> in mid-<paramref name="year"/>, or null.</summary>
    public long? Find(string code, int year) => _values.TryGetValue((code, year), out var value) ? value : null;

    /// <summary>
    /// The population a rate for a period ending on <paramref name="periodEnd"/> divides by: the
    /// estimate of the calendar year before the period ends (the 2025 reporting year, ending
    /// 2025-03-31, uses the mid-2024 estimate), or null.
    /// </summary>
    public long? ForPeriodEnding(string code, DateOnly periodEnd) => Find(code, periodEnd.Year - 1);
}

/// <summary>What the engine needs besides the records.</summary>
public sealed record KpiOptions
{
    /// <summary>Populations for the rates per 10,000 (none: the rates are "no data").</summary>
    public PopulationEstimates Population { get; init; } = PopulationEstimates.None;

    /// <summary>Working days for the 45- and 15-working-day timescales.</summary>
    public WorkingDayCalendar Calendar { get; init; } = WorkingDayCalendar.England;

    /// <summary>How far a placement is from home, for cla_placed_20_miles; without it that KPI is "no data".</summary>
    public PostcodeDistances? Distances { get; init; }

    /// <summary>
    /// Whether a change of placement with REASON_PLACE_CHANGE = PLACE (the status of the placement
    /// changed, the child did not move) counts as a new placement in cla_placements_3plus. Default false.
    /// </summary>
    public bool CountPlaceStatusChanges { get; init; }

    /// <summary>The defaults: no population, England's bank holidays, no postcode lookup.</summary>
    public static KpiOptions Default { get; } = new();

    /// <summary>
    /// What these options give a stored result besides the records, as the stored results record it
    /// (<c>kpi_result_sets.Inputs</c>): "postcodes " and the distances' source, and "population " and the estimates' source,
    /// each when given, joined by "; " (empty with neither). Results stored with other inputs are out of date: a new postcode
    /// lookup or a new population.csv marks them so, and the hosts' start recomputes them.
    /// </summary>
    public string Inputs => (Distances, Population.Count) switch
    {
        (null, 0) => "",
        ({ } distances, 0) => $"postcodes {distances.Source}",
        (null, _) => $"population {Population.Source}",
        ({ } distances, _) => $"postcodes {distances.Source}; population {Population.Source}",
    };
}

/// <summary>
/// How far placements are from home, for cla_placed_20_miles: the miles from a home postcode to a placement postcode as the
/// DfE works out PL_DISTANCE (a postcode lookup gives them: <c>PostcodeLookup.Distances</c> in Lodestar.Formats).
/// </summary>
/// <param name="Miles">
/// The distance from the first postcode (HOME_POST) to the second (PL_POST) in miles to one decimal place, or null when either
/// is not a postcode the lookup can place.
/// </param>
/// <param name="Source">
/// What the distances come from, the same for the same postcodes and coordinates (a digest of them): results computed
/// with a different source are out of date (<see cref="KpiOptions.Inputs"/>).
/// </param>
public sealed record PostcodeDistances(Func<string, string, double?> Miles, string Source);
