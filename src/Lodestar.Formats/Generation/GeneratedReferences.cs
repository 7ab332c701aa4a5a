using System.Globalization;
using System.Text;

namespace Lodestar.Formats.Generation;

/// <summary>
/// The postcodes and providers the generated returns use, gathered as each council's returns are written and merged
/// (in council order) into the two reference files: a postcode lookup in the ONS Postcode Directory's column names and a
/// provider list in Lodestar's (docs/validation.md, "Issue 12, reference lists"). Both are invented, as the returns are.
/// </summary>
internal sealed class GeneratedReferences
{
    /// <summary>The folder under the output folder that holds the two files.</summary>
    public const string Folder = "reference";

    /// <summary>The postcode lookup's file name.</summary>
    public const string PostcodesFile = "generated-postcodes.csv";

    /// <summary>The provider list's file name.</summary>
    public const string ProvidersFile = "generated-providers.csv";

    private readonly HashSet<string> _postcodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Use> _providers = new(StringComparer.Ordinal);

    /// <summary>How one provider is used in the returns: the codes written with its URN, and the last day it is used.</summary>
    private sealed class Use(string postcode)
    {
        public string Postcode { get; } = postcode;

        public SortedSet<string> Places { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> Providers { get; } = new(StringComparer.Ordinal);

        /// <summary>The latest DEC of an episode with it; null while one is open at the end of the last year.</summary>
        public DateOnly? LastEnd { get; set; } = DateOnly.MinValue;
    }

    /// <summary>A postcode written in a return (HOME_POST or PL_POST).</summary>
    public void Postcode(string postcode) => _postcodes.Add(postcode);

    /// <summary>A URN written in a return, with the episode's PLACE, PLACE_PROVIDER and PL_POST and the day it ended (null: open at the end of the years).</summary>
    public void Provider(string urn, string place, string provider, string postcode, DateOnly? end)
    {
        if (!_providers.TryGetValue(urn, out var use))
        {
            use = _providers[urn] = new Use(postcode);
        }
        else if (!string.Equals(use.Postcode, postcode, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The generator gave URN {urn} two postcodes, {use.Postcode} and {postcode}.");
        }

        use.Places.Add(place);
        if (provider.Length > 0)
        {
            use.Providers.Add(provider);
        }

        use.LastEnd = end is null || use.LastEnd is null ? null : end > use.LastEnd ? end : use.LastEnd;
    }

    /// <summary>Adds another council's postcodes and providers to these.</summary>
    public void Add(GeneratedReferences other)
    {
        _postcodes.UnionWith(other._postcodes);
        foreach (var (urn, use) in other._providers)
        {
            foreach (var place in use.Places)
            {
                Provider(urn, place, use.Providers.FirstOrDefault() ?? string.Empty, use.Postcode, use.LastEnd);
            }

            foreach (var provider in use.Providers)
            {
                _providers[urn].Providers.Add(provider);
            }
        }
    }

    /// <summary>
    /// Writes DIR/reference/generated-postcodes.csv (pcds, oseast1m, osnrth1m, utla, ctry) and
    /// DIR/reference/generated-providers.csv (URN, PLACE_CODES, PROVIDER_CODES, POSTCODE, REG_END, LA_CODE), rows sorted.
    /// A provider last used before <paramref name="lastDay"/> has, one time in three, a registration that ended 1 to 335 days
    /// after its last use (so that DfE 227 and 228 have dates to check and never fire).
    /// </summary>
    public void Write(string outputDirectory, DateOnly lastDay)
    {
        var folder = Path.Combine(outputDirectory, Folder);
        Directory.CreateDirectory(folder);
        var lookup = new StringBuilder("pcds,oseast1m,osnrth1m,utla,ctry\n");
        foreach (var postcode in _postcodes.Order(StringComparer.Ordinal))
        {
            var (council, east, north) = GeneratedPlaces.Locate(postcode)
                ?? throw new InvalidOperationException($"The generator wrote {postcode}, which is not one of its postcodes.");
            lookup.Append(CultureInfo.InvariantCulture, $"{postcode},{east},{north},{GeneratedPlaces.Councils[council].Code},{GeneratedPlaces.England}\n");
        }

        var providers = new StringBuilder("URN,PLACE_CODES,PROVIDER_CODES,POSTCODE,REG_END,LA_CODE\n");
        foreach (var (urn, use) in _providers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var council = GeneratedPlaces.Locate(use.Postcode)!.Value.Council;
            var hash = (uint)urn.Aggregate(17, (h, c) => unchecked((h * 31) + c)) * 2654435761u;
            var ended = use.LastEnd is { } last && last != DateOnly.MinValue && hash % 3 == 0 ? last.AddDays(1 + (int)(hash >> 8) % 335) : (DateOnly?)null;
            var end = ended is { } day && day <= lastDay ? Ssda903CsvWriter.Date(day) : string.Empty;
            providers.Append(CultureInfo.InvariantCulture, $"{urn},{string.Join('/', use.Places)},{string.Join('/', use.Providers)},{use.Postcode},{end},{GeneratedPlaces.Councils[council].Code}\n");
        }

        File.WriteAllText(Path.Combine(folder, PostcodesFile), lookup.ToString(), Ssda903CsvWriter.Utf8);
        File.WriteAllText(Path.Combine(folder, ProvidersFile), providers.ToString(), Ssda903CsvWriter.Utf8);
    }
}
