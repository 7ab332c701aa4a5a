using Lodestar.Data.Security;

namespace Lodestar.Data.Tests.Security;

public sealed class UserNamesTests
{
    [Theory]
    [InlineData("ann")]
    [InlineData("ann.analyst")]
    [InlineData("ann_analyst-2")]
    [InlineData("ann@cambridgeshire.gov.uk")]
    [InlineData("a")]
    public void Problem_LettersDigitsAndDotUnderscoreHyphenAt_IsNone(string userName) =>
        Assert.Null(UserNames.Problem(UserNames.Normalise(userName)));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<b>ann</b>")]
    [InlineData("ann smith")]
    [InlineData("ann\"")]
    [InlineData("ann'")]
    [InlineData("ann&co")]
    [InlineData("ann/..")]
    [InlineData("zoë")]
    public void Problem_MarkupSpacesOrOtherCharacters_IsRefused(string userName) =>
        Assert.Equal("A user name may have only letters, digits and . _ - @ (no spaces).", UserNames.Problem(UserNames.Normalise(userName)));

    [Fact]
    public void Problem_BlankOrOverAHundred_IsRefused()
    {
        Assert.Equal("A user name is 1 to 100 characters.", UserNames.Problem(UserNames.Normalise("   ")));
        Assert.Equal("A user name is 1 to 100 characters.", UserNames.Problem(new string('a', 101)));
        Assert.Null(UserNames.Problem(new string('a', 100)));
    }

    [Theory]
    [InlineData("<script>x</script>")]
    [InlineData("Ann\u0007")]
    public void DisplayNameProblem_MarkupOrControlCharacters_IsRefused(string displayName) =>
        Assert.NotNull(UserNames.DisplayNameProblem(displayName));

    [Fact]
    public void DisplayNameProblem_LongOrOrdinary_IsCheckedAfterTrimming()
    {
        Assert.Null(UserNames.DisplayNameProblem("  Zoë O'Brien-Smith  "));
        Assert.Null(UserNames.DisplayNameProblem("  " + new string('a', 200) + "  "));
        Assert.NotNull(UserNames.DisplayNameProblem(new string('a', 201)));
    }
}
