using System.Collections.Frozen;
using System.Reflection;

namespace Lodestar.Data.Security;

/// <summary>
/// Password rules as the NCSC advises: length (at least <see cref="MinimumLength"/> characters) and a
/// deny list of the commonest passwords, no composition rules (no "a digit and a symbol"), no expiry.
/// One small class so that the move to ASP.NET Core Identity can wrap it as an <c>IPasswordValidator</c>.
/// </summary>
public sealed class PasswordRules
{
    public const int MinimumLength = 12;

    /// <summary>Longer passwords are refused: hashing megabytes of text on every sign-in is a denial of service.</summary>
    public const int MaximumLength = 200;

    /// <summary>Fewer distinct characters than this is a repetition (<c>aaaaaaaaaaaa</c>, <c>abababababab</c>, <c>121212121212</c>).</summary>
    private const int MinimumDistinctCharacters = 5;

    private const string ResourceName = "Lodestar.Data.Security.common-passwords.txt";

    // Runs of keys people type in order: a password that is a stretch of one of these (either way) is refused.
    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
        "0123456789012345678901234567890123456789",
        "qwertyuiopasdfghjklzxcvbnm",
        "qwertyuiopqwertyuiop",
        "asdfghjklasdfghjkl",
        "zxcvbnmzxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "1q2w3e4r5t6y7u8i9o0p",
        "q1w2e3r4t5y6u7i8o9p0",
    ];

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    /// <summary>The rules, one instance for the whole process (the deny list is read once).</summary>
    public static PasswordRules Default { get; } = new();

    /// <summary>How many passwords the shipped deny list holds.</summary>
    public static int CommonPasswordCount => Common.Value.Count;

    /// <summary>
    /// Why the password may not be used, or an empty list when it may. Messages never repeat the password.
    /// <paramref name="userName"/>, when given, may not be the password either.
    /// </summary>
    public IReadOnlyList<string> Check(string password, string? userName = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinimumLength)
        {
            return [$"A password needs at least {MinimumLength} characters."];
        }

        if (password.Length > MaximumLength)
        {
            return [$"A password is at most {MaximumLength} characters."];
        }

        var lower = password.ToLowerInvariant();
        if (lower.Distinct().Count() < MinimumDistinctCharacters || IsSequence(lower))
        {
            return ["That password is a repeated or sequential run of characters: choose one that is harder to guess, for example three random words."];
        }

        if (IsCommon(lower) || (userName is { Length: > 0 } && lower.Contains(userName.Trim().ToLowerInvariant(), StringComparison.Ordinal) && userName.Trim().Length >= 4))
        {
            return ["That password is too common or too easy to guess: choose another, for example three random words."];
        }

        return [];
    }

    private static bool IsCommon(string lower)
    {
        var common = Common.Value;
        if (common.Contains(lower) || common.Contains(lower.Replace(" ", "", StringComparison.Ordinal)))
        {
            return true;
        }

        // A common password with digits or symbols added at the end ("password123456", "monkey!!2025!") is as easy to guess.
        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        return stem.Length > 0 && stem.Length < lower.Length && common.Contains(stem);
    }

    private static bool IsSequence(string lower)
    {
        var reversed = new string([.. lower.Reverse()]);
        return Sequences.Any(s => s.Contains(lower, StringComparison.Ordinal) || s.Contains(reversed, StringComparison.Ordinal));
    }

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The deny list {ResourceName} is not embedded in Lodestar.Data.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
