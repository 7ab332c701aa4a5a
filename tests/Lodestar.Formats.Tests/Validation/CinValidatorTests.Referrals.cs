using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

public sealed partial class CinValidatorTests
{
    // A bad record and a good one for each rule of CinValidator.Referrals.cs.
    private static readonly Dictionary<string, (Func<CinBuilder, CinBuilder> Bad, Func<CinBuilder, CinBuilder> Good)> ReferralCases = new()
    {
    };
}
