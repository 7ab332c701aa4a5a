namespace Lodestar.Formats.Validation;

/// <summary>The DfE's CIN rules on CIN plans, section 47 enquiries and child protection plans.</summary>
internal static partial class CinValidator
{
    // Called from the static constructor, after the rules of CinValidator.cs.
    private static void AddPlanRules()
    {
    }
}
