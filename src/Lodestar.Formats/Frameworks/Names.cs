using System.Text;

namespace Lodestar.Formats.Frameworks;

/// <summary>Enum names as the files write them: snake_case (<c>LowerIsBetter</c> ↔ <c>lower_is_better</c>).</summary>
internal static class Names
{
    public static string ToSnake<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            // RatePer10k → rate_per_10k: a word starts at a capital, or at a digit after a letter.
            if (i > 0 && (char.IsUpper(c) || (char.IsAsciiDigit(c) && char.IsLetter(name[i - 1]))))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (ToSnake(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Choices<T>()
        where T : struct, Enum => string.Join(" | ", Enum.GetValues<T>().Select(ToSnake));
}
