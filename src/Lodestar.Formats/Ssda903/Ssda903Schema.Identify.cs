namespace Lodestar.Formats.Ssda903;

internal static partial class Ssda903Schema
{
    /// <summary>The table whose identifying columns are all in <paramref name="header"/> (with CHILD); null when none or several match.</summary>
    public static ISsda903Table? Identify(IReadOnlyCollection<string> header)
    {
        if (!header.Contains("CHILD"))
        {
            return null;
        }

        ISsda903Table? found = null;
        foreach (var table in All)
        {
            if (table.Signature.All(header.Contains))
            {
                if (found is not null)
                {
                    return null;
                }

                found = table;
            }
        }

        return found;
    }

    /// <summary>The table whose XML row element is <paramref name="element"/> (any case, underscores ignored).</summary>
    public static ISsda903Table? ForXmlElement(string element)
    {
        var name = element.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        foreach (var table in All)
        {
            foreach (var xml in table.XmlNames)
            {
                if (xml.Replace("_", string.Empty, StringComparison.Ordinal) == name)
                {
                    return table;
                }
            }
        }

        return null;
    }
}
