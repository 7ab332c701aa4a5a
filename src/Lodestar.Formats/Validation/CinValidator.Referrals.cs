namespace Lodestar.Formats.Validation;

/// <summary>The DfE's CIN rules on referrals (CINdetails) and assessments.</summary>
internal static partial class CinValidator
{
    // Called from the static constructor, after the rules of CinValidator.cs.
    private static void AddReferralRules()
    {
    }
}
