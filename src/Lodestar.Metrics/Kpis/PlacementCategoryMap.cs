using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Kpis;

/// <summary>
/// An episode's placement category (an index into <see cref="KpiCatalog.PlacementCategories"/>) from its
/// PLACE and PLACE_PROVIDER codes, as docs/kpis.md ("Placement categories") defines it: the one mapping
/// the KPI placements_52wk_by_type and the forecast share.
/// </summary>
internal sealed class PlacementCategoryMap
{
    /// <summary>The index of "other".</summary>
    public const int Other = 8;

    // 9 = foster with other carers (U4–U6), decided by the provider.
    private const int ByProvider = 9;

    private readonly int[] _byPlace;
    private readonly int _pr1;
    private readonly CodeSet _independentProviders;

    public PlacementCategoryMap(CodeTable codes)
    {
        _byPlace = new int[codes.Count];
        Array.Fill(_byPlace, Other);
        Set(ByProvider, "U4", "U5", "U6");
        Set(2, "U1", "U2", "U3");
        Set(3, "K1", "K2", "R1");
        Set(4, "S1");
        Set(5, "K3", "H5");
        Set(6, "A3", "A4", "A5", "A6");
        Set(7, "P1");
        _pr1 = codes.Find("PR1");
        _independentProviders = codes.SetOf("PR4", "PR5");

        void Set(int category, params ReadOnlySpan<string> places)
        {
            foreach (var place in places)
            {
                var id = codes.Find(place);
                if (id >= 0)
                {
                    _byPlace[id] = category;
                }
            }
        }
    }

    /// <summary>The category of an episode with PLACE code id <paramref name="place"/> and provider code id <paramref name="provider"/>.</summary>
    public int Of(int place, int provider)
    {
        var category = (uint)place < (uint)_byPlace.Length ? _byPlace[place] : Other;
        return category != ByProvider ? category
            : provider == _pr1 ? 0
            : _independentProviders.Contains(provider) ? 1
            : Other;
    }
}
