using Lodestar.Domain.Councils;

namespace Lodestar.Formats.Generation;

/// <summary>Everything simulated for one council: its children (in id order) and its 0–17 population by calendar year.</summary>
internal sealed record SimCouncil(Council Council, IReadOnlyList<SimChild> Children, IReadOnlyDictionary<int, int> Population);

/// <summary>
/// Simulates one council's children's services over the reporting years: children entering and leaving care
/// (with a long run-in so that the children already in care at the start look like a real caseload), then the
/// referrals, assessments, enquiries and plans of the children-in-need census. See docs/generator.md for the rates.
/// </summary>
internal sealed partial class CouncilSimulator
{
    /// <summary>England's children looked after per 10,000 children at 31 March 2025 (cla_number_and_rate_per_10k_children.csv).</summary>
    public const double EnglandClaRatePer10K = 67;

    private readonly GenerationOptions _options;
    private readonly Council _council;
    private readonly int _councilIndex;
    private readonly Rng _rng;
    private readonly DateOnly _windowStart;
    private readonly DateOnly _windowEnd;
    private readonly DateOnly _afterWindow;
    private readonly List<SimChild> _children = [];
    private readonly HashSet<string> _upns = new(StringComparer.Ordinal);
    private int _postcodesMade;

    // Carers of the placements RegisterSupportedAccommodation adds, numbered apart from the drawn ones.
    private int _registeredCarers = 1_000_000_000;
    private int _nextChild;
    private int _nextCarer;

    public CouncilSimulator(GenerationOptions options, Council council, int councilIndex)
    {
        _options = options;
        _council = council;
        _councilIndex = councilIndex;
        _rng = new Rng(Rng.SeedFor(options.Seed, council.Code));
        _windowStart = options.WindowStart;
        _windowEnd = options.WindowEnd;
        _afterWindow = _windowEnd.AddDays(1);
    }

    public SimCouncil Run()
    {
        SimulateCare();
        SimulateShortBreaks();
        var population = SetPopulation();
        SimulateChildrenInNeed(population);
        _children.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new SimCouncil(_council, _children, population);
    }

    private string NewChildId() => $"{_council.LaNumber}{++_nextChild:D6}";

    /// <summary>
    /// The 0–17 population is set from the simulated caseload so that the council's rate of children looked after
    /// is England's 67 per 10,000 times a council factor between 0.85 and 1.15, with a small yearly growth.
    /// </summary>
    private SortedDictionary<int, int> SetPopulation()
    {
        var counts = _options.ReportingYears
            .Select(year => _children.Count(c => c.LookedAfterInWindow && IsLookedAfterOn(c, new DateOnly(year, 3, 31))))
            .ToList();
        var factor = 0.85 + (0.30 * _rng.NextDouble());
        var mean = Math.Max(1.0, counts.Average());
        var basePopulation = mean / (EnglandClaRatePer10K * factor) * 10_000;
        var middle = (_options.FirstYear + _options.YearEnd) / 2.0;
        var population = new SortedDictionary<int, int>();
        foreach (var year in _options.ReportingYears)
        {
            var growth = 1 + (0.004 * (year - middle)) + (0.003 * (_rng.NextDouble() - 0.5));
            population[year - 1] = (int)Math.Round(basePopulation * growth);
        }

        return population;
    }

    internal static bool IsLookedAfterOn(SimChild child, DateOnly date) =>
        child.Episodes.Any(e => !e.IsShortBreak && e.Start <= date && (e.End is null || e.End > date));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static int AgeOn(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return birth.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>
    /// A postcode in the council's own area (<paramref name="nearHome"/>) or away from it (GeneratedPlaces.FarCouncil), and
    /// what was drawn for it: the postcode sector the generator drew before its postcodes were full ones ("CB12 3"), whose
    /// draws are kept so that every seed draws what it drew then. The last two letters come from a count of the postcodes
    /// made, not from the random draws.
    /// </summary>
    private (string Postcode, string Sector) NewPostcode(bool nearHome, GeneratedPlaces.Use use = GeneratedPlaces.Use.Placement)
    {
        var area = nearHome ? _councilIndex % GeneratedPlaces.Areas.Length : _rng.Between(0, GeneratedPlaces.Areas.Length - 1);
        var district = _rng.Between(1, 30);
        var sector = _rng.Between(1, 9);
        var council = nearHome ? _councilIndex : GeneratedPlaces.FarCouncil(_councilIndex, area, district);
        return (GeneratedPlaces.Postcode(council, district, sector, use, Spread(++_postcodesMade)), $"{GeneratedPlaces.Areas[area]}{district} {sector}");
    }

    // A count spread over the postcodes of a sector, so that consecutive ones differ in their letters.
    private static int Spread(int count) => (int)(((uint)count * 2654435761u) >> 16);

    private SimChild NewChild(DateOnly birth, bool male, string ethnicity)
    {
        var child = new SimChild
        {
            Id = NewChildId(),
            BirthDate = birth,
            Male = male,
            Ethnicity = ethnicity,
            UpnWhenOfSchoolAge = NewUpn(birth),
            HomePostcode = NewPostcode(nearHome: true, GeneratedPlaces.Use.Home).Postcode,
        };
        _children.Add(child);
        return child;
    }

    /// <summary>
    /// A unique pupil number with a valid check letter: LA number, school, 2-digit year, serial. Drawn again on the rare
    /// collision with one already given in the council, as two children never share a UPN (DfE CIN rule 1520).
    /// </summary>
    private string NewUpn(DateOnly birth)
    {
        while (true)
        {
            var body = $"{_council.LaNumber}{_rng.Between(1000, 7999):D4}{(birth.Year + 5) % 100:D2}{_rng.Between(0, 999):D3}";
            var sum = 0;
            for (var i = 0; i < body.Length; i++)
            {
                sum += (body[i] - '0') * (i + 2);
            }

            var upn = "ABCDEFGHJKLMNPQRTUVWXYZ"[sum % 23] + body;
            if (_upns.Add(upn))
            {
                return upn;
            }
        }
    }

    private static readonly Weighted<string> Ethnicities = new(
        ("WBRI", 70), ("WIRI", 0.3), ("WIRT", 0.2), ("WOTH", 5), ("WROM", 0.5), ("MWBC", 3), ("MWBA", 1), ("MWAS", 1),
        ("MOTH", 3), ("AIND", 1), ("APKN", 1.5), ("ABAN", 0.5), ("AOTH", 2), ("BCRB", 1), ("BAFR", 3), ("BOTH", 1),
        ("CHNE", 0.2), ("OOTH", 4), ("REFU", 0.5), ("NOBT", 0.5));

    private static readonly Weighted<string> UascEthnicities = new(("AOTH", 30), ("BAFR", 25), ("OOTH", 35), ("BOTH", 10));
}
