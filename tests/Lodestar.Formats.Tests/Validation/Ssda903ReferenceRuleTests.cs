using Lodestar.Formats.Reference;
using Lodestar.Formats.Validation;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>
/// The 903 rules that need reference lists (a postcode lookup, Ofsted's providers; <see cref="ReferenceFixtures"/>): their
/// edges, and that without a list each says it did not run instead of passing. Validated for collection year 2025 (1 April
/// 2024 to 31 March 2025) unless a case says otherwise; the council is Cambridgeshire (E10000003).
/// </summary>
public sealed class Ssda903ReferenceRuleTests
{
    private const int Year = 2025;

    private static readonly string[] ReferenceRules = ["169", "179", "218", "219", "221", "224", "227", "228", "229", "230", "392c", "420", "454", "1008", "1015"];

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    // Child X, born 1 May 2010, not UASC (the Header's UASC 0, so that the rules needing it run), with one episode; rows from the file
    // episodes_YEAR.csv of collection year `file` when given.
    private static Ssda903Data One(
        DateOnly decom,
        string place,
        string? provider,
        string? plPost,
        string? urn,
        DateOnly? dec = null,
        string? rec = null,
        string ls = "C2",
        int? file = null,
        string council = "E10000003")
    {
        var b = new Ssda903Builder(council);
        var at = file is { } year ? new SourceLocation(b.AddFile(new SourceFile($"episodes_{year}.csv", "903 Episodes CSV", year)), 2) : (SourceLocation?)null;
        return b.Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI", upn: "A123456789012", uasc: "0")
            .Episode("X", decom: decom, rne: "S", ls: ls, cin: "N1", place: place, provider: provider, dec: dec, rec: rec, plPost: plPost, urn: urn, at: at)
            .Build();
    }

    private static List<string> Rules(Ssda903Data data, ValidationReferences? references, int year = Year) =>
        [.. Ssda903Validator.Validate(data, year, references).Select(d => d.Rule!).Where(ReferenceRules.Contains).Order(StringComparer.Ordinal)];

    // The rules not run for want of a reference list (those across years, which need last year's return too, left out:
    // Ssda903AcrossYearsRuleTests).
    private static List<RuleNotRun> NotRunForLists(Ssda903Data data, ValidationReferences? references = null) =>
        [.. Ssda903Validator.NotRun(data, references).Where(n => Ssda903Validator.NeedsReferences(n.Rule.Id) && !Ssda903Validator.ComparesWithLastYear(n.Rule.Id))];

    [Fact]
    public void ReferenceRules_WithoutTheLists_AreNotRunAndEachSaysWhy()
    {
        // Breaks 1008 (a URN no list holds) and 218 (a foster placement in England without a URN), were they run.
        var unknown = One(D(2024, 6, 1), "K2", "PR4", "CB2 2BB", "SC999999", file: Year);
        var noUrn = One(D(2024, 6, 1), "U1", "PR1", "CB1 1AA", null, file: Year);

        Assert.Empty(Rules(unknown, null));
        Assert.Empty(Rules(noUrn, ValidationReferences.None));
        var notRun = NotRunForLists(unknown);
        // 230 is of 2023/24 and 454 from 2025/26: neither applies to a 2024/25 return. 164, 392a and 406 need distances.
        Assert.Equal(["1008", "1015", "164", "169", "179", "218", "219", "221", "224", "227", "228", "229", "392a", "392c", "406", "420"], notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.All(notRun, n => Assert.Equal((2025, "E10000003"), (n.CollectionYear, n.Council)));
        Assert.Equal("1008 not run for 2024/25 (E10000003): it needs Ofsted's provider list, and none was given", notRun.Single(n => n.Rule.Id == "1008").ToString());
        Assert.Equal("it needs a postcode lookup, and none was given", notRun.Single(n => n.Rule.Id == "218").Reason);
    }

    [Fact]
    public void ReferenceRules_WithBothLists_RunAndNoneIsListedAsNotRun()
    {
        var unknown = One(D(2024, 6, 1), "K2", "PR4", "CB2 2BB", "SC999999", file: Year);

        Assert.Equal(["1008"], Rules(unknown, ReferenceFixtures.Both));
        Assert.Empty(NotRunForLists(unknown, ReferenceFixtures.Both));
    }

    [Fact]
    public void NotRun_ListsEachRuleForTheYearsWithEpisodesItAppliesTo()
    {
        // A 2023/24 return: 230 applies (2023/24 only), and the 218 of 2023/24; no episode row, no year.
        var b = new Ssda903Builder("E10000003");
        var file = b.AddFile(new SourceFile("episodes_2024.csv", "903 Episodes CSV", 2024));
        var header = b.AddFile(new SourceFile("header_2025.csv", "903 Header CSV", 2025));
        var data = b.Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI", at: new SourceLocation(header, 2))
            .Episode("X", decom: D(2023, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", at: new SourceLocation(file, 2))
            .Build();

        // The Header (of 2024/25) gives no UASC flag for 2023/24: the rules needing it are not run for that reason too, left out here.
        var notRun = NotRunForLists(data, new ValidationReferences(Providers: ReferenceFixtures.Providers))
            .Where(n => !n.Reason.Contains("UASC column", StringComparison.Ordinal)).ToList();

        var rule = Assert.Single(notRun, n => n.Rule.Id == "218");
        Assert.Equal(2024, rule.CollectionYear);
        Assert.Equal(new CollectionYears(null, 2024), rule.Rule.Years);
        Assert.Equal(["1015", "164", "169", "179", "218", "230", "392a", "392c", "406", "420"], notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.All(notRun, n => Assert.Equal(2024, n.CollectionYear));
    }

    [Fact]
    public void ProvidersOnly_TheUrnRulesRunAndThoseNeedingThePlacementsCountryDoNot()
    {
        var references = new ValidationReferences(Providers: ReferenceFixtures.Providers);
        var noUrn = One(D(2024, 6, 1), "U1", "PR1", "CB1 1AA", null, file: Year);

        Assert.Empty(Rules(noUrn, references));
        Assert.Equal(["1015", "164", "169", "179", "218", "392a", "392c", "406", "420"], NotRunForLists(noUrn, references).Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["1008"], Rules(One(D(2024, 6, 1), "K2", "PR4", "CB2 2BB", "SC999999"), references));
    }

    [Fact]
    public void PostcodeLookupWithoutAreas_TheRulesNeedingACountryOrCouncilDoNotRunAndNameTheFile()
    {
        var lookup = PostcodeLookup.Parse("points.csv", "pcd,lat,long\nCB1 1AA,52.2,0.13\n").Value;
        var providers = OfstedProviders.Parse("providers.csv", "URN,PLACE_CODES,PROVIDER_CODES,POSTCODE\nSC100006,K1,PR1,PE1 1AA\n").Value;
        var data = One(D(2024, 6, 1), "K1", "PR1", "PE1 1AA", "SC100006", file: Year);

        var notRun = NotRunForLists(data, new ValidationReferences(lookup, providers));

        Assert.Equal(["1015", "169", "179", "218", "227", "228", "229", "420"], notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.Equal("it needs the placement's council, and the postcode lookup points.csv gives no local authority", notRun.Single(n => n.Rule.Id == "169").Reason);
        Assert.Contains("the postcode lookup points.csv gives no country or local authority", notRun.Single(n => n.Rule.Id == "218").Reason, StringComparison.Ordinal);
        Assert.Contains("neither the provider list providers.csv (no la_code column) nor a postcode lookup with local authorities", notRun.Single(n => n.Rule.Id == "229").Reason, StringComparison.Ordinal);
        Assert.Equal("it needs the provider list's registration end column, and providers.csv has none", notRun.Single(n => n.Rule.Id == "227").Reason);
    }

    [Fact]
    public void Rule229_CouncilNotAnEnglishCouncilsCode_IsNotRun()
    {
        var data = One(D(2024, 6, 1), "K1", "PR1", "PE1 1AA", "SC100006", file: Year, council: "demo");

        Assert.Empty(Rules(data, ReferenceFixtures.Both));
        var notRun = NotRunForLists(data, ReferenceFixtures.Both);
        Assert.Equal(["1015", "229"], notRun.Select(n => n.Rule.Id).Order(StringComparer.Ordinal));
        Assert.All(notRun, n => Assert.Contains("demo is not an English council's code", n.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Rule229_ProvidersCouncilFromItsLaCode_NeedsNoPostcodeLookup()
    {
        // SC100007 gives its council as 874 (Peterborough) and no postcode.
        var references = new ValidationReferences(Providers: ReferenceFixtures.Providers);

        Assert.Equal(["229"], Rules(One(D(2024, 6, 1), "K1", "PR1", null, "SC100007"), references));
        Assert.Empty(Rules(One(D(2024, 6, 1), "K1", "PR2", null, "SC100007"), references));
    }

    [Fact]
    public void Rule229_OwnProvisionInTheCouncilsArea_AndAnotherCouncilsThere_AreJudgedFromThePostcode()
    {
        // SC100002 is at CB1 1AA: in Cambridge, whose county, Cambridgeshire, is the council (upper tier from the county).
        Assert.Empty(Rules(One(D(2024, 6, 1), "K1", "PR1", "CB1 1AA", "SC100002"), ReferenceFixtures.Both));
        var other = OfstedProviders.Parse("providers.csv", "URN,PLACE_CODES,PROVIDER_CODES,POSTCODE\nSC100002,K1,PR2,CB1 1AA\n").Value;
        Assert.Equal(["229"], Rules(One(D(2024, 6, 1), "K1", "PR2", "CB1 1AA", "SC100002"), new ValidationReferences(ReferenceFixtures.Postcodes, other)));
    }

    [Fact]
    public void Rule229_ProvidersPostcodeNotInTheLookup_IsNotJudged()
    {
        var providers = OfstedProviders.Parse("providers.csv", "URN,PLACE_CODES,PROVIDER_CODES,POSTCODE\nSC100009,K1,PR1,NW1 9ZZ\n").Value;

        // The placement's own postcode is not found either: 392c, 169 and 179 say so.
        Assert.DoesNotContain("229", Rules(One(D(2024, 6, 1), "K1", "PR1", "NW1 9ZZ", "SC100009"), new ValidationReferences(ReferenceFixtures.Postcodes, providers)));
    }

    [Fact]
    public void Rule228_EpisodeOpenAtTheYearsEndAtAProviderClosedDuringIt_IsReported()
    {
        // SC100003's registration ended on 31 August 2024; checked against 2023/24, the episode open at 31 March 2024 is fine.
        var open = One(D(2024, 3, 1), "K2", "PR4", "PE1 1AA", "SC100003");

        Assert.Equal(["228"], Rules(open, ReferenceFixtures.Both));
        Assert.Empty(Rules(open, ReferenceFixtures.Both, 2024));
    }

    [Fact]
    public void Rule1008_UrnXXXXXXX_IsNoUrnAndNotLookedUp()
    {
        Assert.Empty(Rules(One(D(2024, 6, 1), "K2", "PR4", "CB2 2BB", "XXXXXXX"), ReferenceFixtures.Both));
    }

    [Theory]
    [InlineData("V3")]
    [InlineData("V4")]
    public void Rule218_ShortBreaks_NeedNoUrn(string ls)
    {
        // 214 asks a short break for no URN; the DfE's 218 text does not leave them out (docs/validation.md).
        Assert.Empty(Rules(One(D(2024, 6, 1), "K2", "PR4", null, null, ls: ls), ReferenceFixtures.Both));
    }

    [Fact]
    public void Rule218_EpisodeEndedBeforeTheYear_IsNotChecked()
    {
        Assert.Empty(Rules(One(D(2023, 6, 1), "U1", "PR1", "CB1 1AA", null, dec: D(2024, 3, 31), rec: "E13"), ReferenceFixtures.Both));
        Assert.Equal(["218"], Rules(One(D(2023, 6, 1), "U1", "PR1", "CB1 1AA", null, dec: D(2024, 4, 1), rec: "E13"), ReferenceFixtures.Both));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("NW1 9ZZ")]
    public void Rule218_PlacementPostcodeBlankOrNotInTheLookup_IsTakenAsInEngland(string? plPost)
    {
        // 169 and 179 report the missing placement council too.
        Assert.Contains("218", Rules(One(D(2024, 6, 1), "U1", "PR1", plPost, null), ReferenceFixtures.Both));
    }

    [Fact]
    public void Rule218_ByYear_H5NeedsNoUrnIn2023To24AndK3NeedsOneFrom2024To25()
    {
        // 2023/24: H5 needs none by 218 (230 asks it of H5 from 28 October 2023); 2024/25: K3, its successor, needs one.
        Assert.Equal(["230"], Rules(One(D(2023, 11, 1), "H5", "PR4", "CB1 1AA", null), ReferenceFixtures.Both, 2024));
        Assert.Equal(["218"], Rules(One(D(2024, 6, 1), "K3", "PR4", "CB1 1AA", null), ReferenceFixtures.Both));
        Assert.Empty(Rules(One(D(2024, 6, 1), "P2", "PR4", "CB1 1AA", null), ReferenceFixtures.Both, 2024));
        Assert.Equal(["218"], Rules(One(D(2024, 6, 1), "U1", "PR1", "CB1 1AA", null), ReferenceFixtures.Both, 2026));
        Assert.Empty(Rules(One(D(2024, 6, 1), "Z11", null, "CB1 1AA", null), ReferenceFixtures.Both, 2026));
    }

    [Fact]
    public void Rule230_H5EndingOnOrBefore28October2023_NeedsNoUrn()
    {
        Assert.Empty(Rules(One(D(2023, 6, 1), "H5", "PR4", "CB1 1AA", null, dec: D(2023, 10, 28), rec: "E13"), ReferenceFixtures.Both, 2024));
        Assert.Equal(["230"], Rules(One(D(2023, 6, 1), "H5", "PR4", "CB1 1AA", null, dec: D(2023, 10, 29), rec: "E13"), ReferenceFixtures.Both, 2024));
        Assert.Empty(Rules(One(D(2023, 6, 1), "H5", "PR4", "CF10 1AA", "XXXXXXX"), ReferenceFixtures.Both, 2024));
    }

    [Fact]
    public void PlacementCouncil_FromThePostcodesCountryOrUpperTier_JudgesOwnProvisionOutsideTheArea()
    {
        // A council's own home (PR1, K1) in Wales, in Shetland, in Peterborough: outside Cambridgeshire; in Cambridge: inside.
        Assert.Contains("1015", Rules(One(D(2024, 6, 1), "K1", "PR1", "CF10 1AA", "XXXXXXX"), ReferenceFixtures.Both));
        Assert.Contains("1015", Rules(One(D(2024, 6, 1), "K1", "PR1", "ZE1 0AA", "XXXXXXX"), ReferenceFixtures.Both));
        Assert.Contains("1015", Rules(One(D(2024, 6, 1), "K1", "PR1", "PE1 1AA", "XXXXXXX"), ReferenceFixtures.Both));
        Assert.Empty(Rules(One(D(2024, 6, 1), "K1", "PR1", "CB1 1AA", "XXXXXXX"), ReferenceFixtures.Both));
        // A placement whose council cannot be worked out is 169's, not 1015's.
        Assert.Equal(["169", "179"], Rules(One(D(2024, 6, 1), "K1", "PR1", null, "XXXXXXX"), ReferenceFixtures.Both));
    }

    [Fact]
    public void Rule454_DistanceRoundedToOneDecimalPlace_MoreThan350MilesIsReported()
    {
        // Across the grid from (100000, 100000): 563,340 m is 350.04 miles, 350.0 to one place, not more than 350; 563,420 m is
        // 350.09 miles, 350.1.
        var lookup = PostcodeLookup.Parse("grid.csv", "pcd,oseast1m,osnrth1m\nAA1 1AA,100000,100000\nAA1 1AB,100000,663340\nAA1 1AD,100000,663420\n").Value;
        var references = new ValidationReferences(Postcodes: lookup);
        Ssda903Data Placed(string plPost) => new Ssda903Builder("E10000003")
            .Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI")
            .Episode("X", decom: D(2024, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1", homePost: "AA1 1AA", plPost: plPost, urn: "SC100004")
            .Build();

        Assert.DoesNotContain(Ssda903Validator.Validate(Placed("AA1 1AB"), 2026, references), d => d.Rule == "454");
        Assert.Contains(Ssda903Validator.Validate(Placed("AA1 1AD"), 2026, references), d => d.Rule == "454");
        Assert.DoesNotContain(Ssda903Validator.Validate(Placed("AA1 1AD"), Year, references), d => d.Rule == "454");
    }

    [Theory]
    [InlineData("873", false)]
    [InlineData("909", false)]
    [InlineData("943", false)]
    [InlineData("WAL", false)]
    [InlineData("NUK", false)]
    [InlineData("999", false)]
    [InlineData("000", true)]
    [InlineData("E10000003", true)]
    [InlineData("wal", true)]
    public void Rule633_LaPerm_IsAnEnglishCouncilsLaNumberCurrentOrFormerOrACountryCode(string laPerm, bool reported)
    {
        var data = new Ssda903Builder("E10000003")
            .Header("X", sex: "M", dob: D(2010, 5, 1), ethnic: "WBRI")
            .Episode("X", decom: D(2024, 6, 1), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "PR1")
            .PrevPerm("X", dob: D(2010, 5, 1), prevPerm: "P1", laPerm: laPerm, datePerm: "01/02/2019")
            .Build();

        Assert.Equal(reported, Ssda903Validator.Validate(data, Year).Any(d => d.Rule == "633"));
    }
}
