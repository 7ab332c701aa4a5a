using System.Globalization;

namespace Lodestar.Formats.Generation;

/// <summary>
/// The generator's invented Ofsted providers. Each council's area has a pool of 40 providers of each kind: its own
/// children's homes (K2 with PR1), other children's homes (K2), secure homes (K1), residential schools (S1), R1 (never
/// used: R1 has no URN) and supported accommodation (H5, K3, and P2 before them). A provider's URN and postcode follow from its council,
/// kind and place in the pool, so a URN is always one provider with one postcode (DfE 221), whichever council places a
/// child there. The URN is "SC" and six digits: the council's position in the list, the kind, the place in the pool.
/// </summary>
internal static class GeneratedProviders
{
    /// <summary>Providers of each kind in each council's area.</summary>
    public const int PoolSize = 40;

    /// <summary>Whether a placement with PLACE <paramref name="place"/> is with a provider the generator gives a URN.</summary>
    /// <remarks>
    /// K1, K2 and S1 have URNs (R1 has none: DfE 222); supported accommodation (H5, K3) is registered with Ofsted since
    /// 28 October 2023 and needs a URN from then (DfE 230, 218 from 2024/25), but not before (222 to 2022/23, for H5 and P2):
    /// CouncilSimulator.RegisterSupportedAccommodation decides which of these placements keep theirs.
    /// </remarks>
    public static bool NeedsUrn(string place) => place is "K1" or "K2" or "S1" or "H5" or "K3" or "P2";

    /// <summary>The provider of the kind <paramref name="place"/> and <paramref name="provider"/> need, in council <paramref name="council"/>'s area, at <paramref name="slot"/> of its pool (any number: taken modulo the pool's size).</summary>
    public static (string Urn, string Postcode) Of(int council, string place, string provider, int slot)
    {
        var kind = place switch
        {
            "K2" when provider == "PR1" => 0,
            "K2" => 1,
            "K1" => 2,
            "S1" => 3,
            "R1" => 4,
            _ => 5,
        };
        slot = ((slot % PoolSize) + PoolSize) % PoolSize;
        var mix = (uint)((((council * 8) + kind) * PoolSize) + slot) * 2246822519u;
        mix ^= mix >> 15;
        var district = 1 + (int)(mix % GeneratedPlaces.Districts);
        var sector = (int)(mix / GeneratedPlaces.Districts % 10);
        var unit = (int)(mix >> 12);
        return (
            string.Create(CultureInfo.InvariantCulture, $"SC{council:D3}{kind}{slot:D2}"),
            GeneratedPlaces.Postcode(council, district, sector, GeneratedPlaces.Use.Provider, unit));
    }
}
