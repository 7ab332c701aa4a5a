namespace Lodestar.Formats.Validation;

/// <summary>The DfE's CIN rules on the census header, the children and the census as a whole.</summary>
internal static partial class CinValidator
{
    // Called from the static constructor, after the rules of CinValidator.cs.
    private static void AddChildRules()
    {
    }
}
