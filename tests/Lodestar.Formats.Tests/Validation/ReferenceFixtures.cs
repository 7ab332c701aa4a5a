using Lodestar.Formats.Reference;
using Lodestar.Formats.Validation;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>
/// Small reference lists for the 903 rules that need them, made for the tests (the postcodes are of the right form; the
/// places, areas and providers are invented). Cambridgeshire (E10000003, the test council) holds CB1 1AA and CB2 2BB, in the
/// district Cambridge (E07000008); Peterborough (E06000031, a unitary council: no county) holds PE1 1AA; CF10 1AA is in
/// Wales; ZE1 0AA in Shetland, Scotland (888 km, 552 miles from CB1 1AA across the grid); ZZ1 1ZZ has no grid reference or
/// position; FK1 1AA is a wrong row, placed in Cambridgeshire but given a position at 10 degrees north, about 2,900 miles away.
/// </summary>
internal static class ReferenceFixtures
{
    /// <summary>The ONS Postcode Directory's columns, a few of them, in its order.</summary>
    public const string PostcodesCsv = """
        pcd,pcds,oscty,oslaua,ctry,oseast1m,osnrth1m,lat,long
        CB1 1AA,CB1 1AA,E10000003,E07000008,E92000001,545000,258000,52.200000,0.130000
        CB2 2BB,CB2 2BB,E10000003,E07000008,E92000001,548000,262000,52.235000,0.175000
        PE1 1AA,PE1 1AA,E99999999,E06000031,E92000001,519000,299000,52.575000,-0.240000
        CF101AA,CF10 1AA,W99999999,W06000015,W92000004,318000,176000,51.480000,-3.180000
        ZZ1 1ZZ,ZZ1 1ZZ,E10000003,E07000008,E92000001,,,99.999999,0.000000
        ZE1 0AA,ZE1 0AA,S99999999,S12000027,S92000003,447000,1141000,60.150000,-1.150000
        FK1 1AA,FK1 1AA,E10000003,E07000008,E92000001,,,10.000000,0.000000
        """;

    /// <summary>
    /// Providers in Lodestar's column names: SC100001 a private children's home in Cambridge; SC100002 the council's own
    /// children's home; SC100003 a home in Peterborough whose registration ended on 31 August 2024; SC100004 the council's
    /// fostering service; SC100006 a home in Peterborough run by that council (PR1 to it, PR2 to others); SC100007 the same
    /// with its council given as an LA number (874, Peterborough) and no postcode.
    /// </summary>
    public const string ProvidersCsv = """
        URN,PLACE_CODES,PROVIDER_CODES,POSTCODE,REG_END,LA_CODE
        SC100001,K2,PR4,CB2 2BB,,
        SC100002,K1,PR1,CB1 1AA,,
        SC100003,K2,PR4,PE1 1AA,31/08/2024,
        SC100004,U1/U2/U3/U4/U5/U6,PR1,CB1 1AA,,
        SC100006,K1,PR1/PR2,PE1 1AA,,
        SC100007,K1,PR1/PR2,,,874
        """;

    public static PostcodeLookup Postcodes => PostcodeLookup.Parse("postcodes.csv", PostcodesCsv).Value;

    public static OfstedProviders Providers => OfstedProviders.Parse("providers.csv", ProvidersCsv).Value;

    /// <summary>Both lists.</summary>
    public static ValidationReferences Both => new(Postcodes, Providers);
}
