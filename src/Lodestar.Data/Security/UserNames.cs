using System.Text.RegularExpressions;

namespace Lodestar.Data.Security;

/// <summary>
/// What a user name and a display name may be. A user name is 1 to 100 letters (ASCII), digits and
/// <c>. _ - @</c> (so an e-mail address works), stored in lower case: never HTML, never spaces, so it is
/// safe wherever it is shown or logged. A display name is trimmed, 1 to 200 characters, without control
/// characters or angle brackets.
/// </summary>
public static partial class UserNames
{
    public const int MaximumLength = 100;
    public const int MaximumDisplayNameLength = 200;

    /// <summary>The stored form: trimmed, lower case.</summary>
    public static string Normalise(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.Trim().ToLowerInvariant();
    }

    /// <summary>Why the (normalised) user name may not be used, or null.</summary>
    public static string? Problem(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        if (userName.Length is 0 or > MaximumLength)
        {
            return $"A user name is 1 to {MaximumLength} characters.";
        }

        return Allowed().IsMatch(userName)
            ? null
            : "A user name may have only letters, digits and . _ - @ (no spaces).";
    }

    /// <summary>Why the display name may not be used, or null. Blank is allowed (the user name is shown instead).</summary>
    public static string? DisplayNameProblem(string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        var trimmed = displayName.Trim();
        if (trimmed.Length > MaximumDisplayNameLength)
        {
            return $"A full name is at most {MaximumDisplayNameLength} characters.";
        }

        return trimmed.Any(c => char.IsControl(c) || c is '<' or '>')
            ? "A full name may not have < or > or control characters."
            : null;
    }

    [GeneratedRegex("^[a-z0-9._@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
