using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lodestar.Domain.Performance;

namespace Lodestar.Web.Frameworks;

/// <summary>
/// Who sees small numbers (docs/kpis.md, "Small numbers"): signed-in council staff see the real figures, each small one
/// marked; the scorecard page, its XLSX, and the API's scorecard, series and KPIs take <c>suppress=true</c> to show them
/// as the DfE publishes them, "c" — what a figure going outside the council should be. The threshold is
/// <c>Lodestar:SmallNumbers:Threshold</c> (default 5, the DfE's).
/// </summary>
internal static class SmallNumberOptions
{
    public const string ThresholdKey = "Lodestar:SmallNumbers:Threshold";

    /// <summary>The configured rule.</summary>
    public static SmallNumbers Rule(IConfiguration configuration) =>
        configuration.GetValue<int?>(ThresholdKey) is { } n and > 0 ? new SmallNumbers(n) : SmallNumbers.Dfe;

    // Marked and withheld scorecards, kept for as long as the built scorecard they come from (the scorecard cache
    // hands out one object until the data changes): the same object each request, so the page's rendered table
    // (keyed by the object) is reused, and no request rebuilds every row.
    private static readonly ConditionalWeakTable<Scorecard, ConcurrentDictionary<(bool Suppress, int Threshold), Scorecard>> Applied = [];

    /// <summary>The scorecard with small figures marked, or withheld when <paramref name="suppress"/>.</summary>
    public static Scorecard Apply(Scorecard scorecard, bool suppress, IConfiguration configuration)
    {
        var rule = Rule(configuration);
        return Applied.GetValue(scorecard, _ => new()).GetOrAdd(
            (suppress, rule.Threshold), _ => suppress ? rule.Suppress(scorecard) : rule.Mark(scorecard));
    }

    /// <summary>One row (a measure's series), marked or withheld.</summary>
    public static ScorecardRow Apply(ScorecardRow row, bool suppress, IConfiguration configuration) =>
        suppress ? Rule(configuration).Suppress(row) : Rule(configuration).Mark(row);
}
