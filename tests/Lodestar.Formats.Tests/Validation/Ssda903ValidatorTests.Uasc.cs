using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>
/// The cases of the rules of Ssda903Validator.Uasc.cs (those that need the Header's UASC flag, and 392d), added to <see cref="Cases"/>
/// with those of Ssda903Validator.Remaining.cs (Ssda903ValidatorTests.Remaining.cs).
/// </summary>
public sealed partial class Ssda903ValidatorTests
{
    static Ssda903ValidatorTests()
    {
        foreach (var (rule, @case) in UascCases.Concat(RemainingCases))
        {
            Cases.Add(rule, @case);
        }
    }

    // Child X with the Header's UASC flag given.
    private static Ssda903Builder XUasc(Ssda903Builder b, string uasc, DateOnly? dob = null) =>
        b.Header("X", sex: "M", dob: dob ?? D(2010, 5, 1), ethnic: "WBRI", upn: "A123456789012", uasc: uasc);

    private static readonly Dictionary<string, (Func<Ssda903Builder, Ssda903Builder> Bad, Func<Ssda903Builder, Ssda903Builder> Good)> UascCases = new()
    {
        ["105"] = (b => XUasc(b, "2"), b => XUasc(b, "0")),
        // 31 March 2025 is the end of the year: born 1 June 2014 the child is 10 then, born 31 March 2014 just 11.
        ["231"] = (b => XUasc(b, "1", D(2014, 6, 1)), b => XUasc(b, "1", D(2014, 3, 31))),
        ["303"] = (b => XUasc(b, "0").Uasc("X", sex: "M", dob: D(2010, 5, 1), duc: D(2024, 6, 1)),
            b => XUasc(b, "1").Uasc("X", sex: "M", dob: D(2010, 5, 1), duc: D(2024, 6, 1))),
        // FK1 1AA is placed about 2,900 miles from CB2 2BB by the test lookup.
        ["164"] = (b => Ep(XUasc(b, "0"), D(2024, 6, 1), homePost: "CB2 2BB", plPost: "FK1 1AA", urn: "SC100004"),
            b => Ep(XUasc(b, "0"), D(2024, 6, 1), homePost: "CB2 2BB", plPost: "CB1 1AA", urn: "SC100004")),
        // ZZ1 1ZZ has no grid reference or position: no distance.
        ["392a"] = (b => Ep(XUasc(b, "0"), D(2024, 6, 1), homePost: "CB2 2BB", plPost: "ZZ1 1ZZ", urn: "SC100004"),
            b => Ep(XUasc(b, "0"), D(2024, 6, 1), homePost: "CB2 2BB", plPost: "CB1 1AA", urn: "SC100004")),
        ["392b"] = (b => Ep(XUasc(b, "0"), D(2024, 6, 1), plPost: "CB1 1AA", urn: "SC100004"),
            b => Ep(XUasc(b, "0"), D(2024, 6, 1), homePost: "CB2 2BB", plPost: "CB1 1AA", urn: "SC100004")),
        // The same postcode written another way (case, spaces) is the same postcode.
        ["392d"] = (b => Ep(X(b), D(2024, 6, 1), homePost: "cb11aa", plPost: "CB1 1AA", urn: "SC100004"),
            b => Ep(X(b), D(2024, 6, 1), homePost: "CB2 2BB", plPost: "CB1 1AA", urn: "SC100004")),
        ["406"] = (b => Ep(XUasc(b, "1"), D(2024, 6, 1), homePost: "CB2 2BB", plPost: "CB1 1AA", urn: "SC100004"),
            b => Ep(XUasc(b, "1"), D(2024, 6, 1), plPost: "CB1 1AA", urn: "SC100004")),
    };

    [Theory]
    [InlineData("CB1 1AA", "CB1 1AA", true)]
    [InlineData("CB1 1AA", "cb11aa", true)]
    [InlineData(" CB1  1AA ", "CB11AA", true)]
    [InlineData("CB1 1AA", "CB1 1AB", false)]
    [InlineData("CB1 1AA", "CB1 1A", false)]
    [InlineData("CB1 1A", "CB1 1AA", false)]
    [InlineData("CB1 1AA", "CB1 1AA A", false)]
    [InlineData(" ", "", true)]
    public void Postcodes_are_the_same_whatever_their_case_and_spaces(string a, string b, bool same) =>
        Assert.Equal(same, Lodestar.Formats.Validation.Ssda903Validator.SamePostcode(a, b));
}
