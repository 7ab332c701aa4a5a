using Lodestar.Data.Security;

namespace Lodestar.Data.Tests.Security;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("short", "at least 12")]
    [InlineData("elevenchars", "at least 12")]
    [InlineData("aaaaaaaaaaaa", "repeated or sequential")]
    [InlineData("AAAAAAAAAAAAAAAA", "repeated or sequential")]
    [InlineData("abababababab", "repeated or sequential")]
    [InlineData("121212121212", "repeated or sequential")]
    [InlineData("123456789012", "repeated or sequential")]
    [InlineData("abcdefghijklm", "repeated or sequential")]
    [InlineData("zyxwvutsrqpo", "repeated or sequential")]
    [InlineData("qwertyuiopasd", "repeated or sequential")]
    [InlineData("1q2w3e4r5t6y", "repeated or sequential")]
    [InlineData("password1234", "too common")]
    [InlineData("Password123456", "too common")]
    [InlineData("passwordpassword", "too common")]
    [InlineData("iloveyou2025!", "too common")]
    [InlineData("Liverpool1234", "too common")]
    [InlineData("welcome12345", "too common")]
    [InlineData("correct horse battery staple", "too common")]
    [InlineData("lodestar2026!", "too common")]
    public void Check_WeakPassword_IsRefusedWithTheReason(string password, string reason)
    {
        var problem = Assert.Single(PasswordRules.Default.Check(password));

        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(password, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("kettle violin marmalade")]
    [InlineData("alllowercaseletters")]
    [InlineData("tangerine-orbit-42")]
    [InlineData("Quiet river at dawn")]
    [InlineData("123 456 789 fox")]
    public void Check_LongUncommonPassword_IsAccepted_WithoutCompositionRules(string password) =>
        Assert.Empty(PasswordRules.Default.Check(password));

    [Fact]
    public void Check_PasswordContainingTheUserName_IsRefused()
    {
        Assert.Empty(PasswordRules.Default.Check("annabel lee rivers"));
        Assert.Contains("too common", Assert.Single(PasswordRules.Default.Check("annabel lee rivers", "annabel")), StringComparison.Ordinal);
    }

    [Fact]
    public void DenyList_IsShippedInTheAssembly_WithOverAThousandEntries() =>
        Assert.True(PasswordRules.CommonPasswordCount > 1000, $"{PasswordRules.CommonPasswordCount} entries");
}
