using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Lodestar.Web.Tests.SlowFirst))]

namespace Lodestar.Web.Tests;

/// <summary>
/// Starts the longest test classes first (the accessibility sweeps, the 375-pixel sweep), so they do not begin at the
/// end of the run beside nothing else and set its length; the others follow in the runner's usual order. Only the
/// order changes: each class still runs on its own as before. They wait for the demo's start (<see cref="DemoApp"/>),
/// blocking a runner thread each meanwhile, so the runner has six threads (xunit.runner.json): the rest of the run
/// goes on beside them.
/// </summary>
public sealed class SlowFirst : ITestCollectionOrderer
{
    private static readonly string[] Slow = ["SignedInSweep", "NarrowScreenBrowserTests", "ScorecardWordsTests", "ForecastApiTests"];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection =>
        [.. testCollections.OrderBy(c => Array.FindIndex(Slow, s => c.TestCollectionDisplayName.Contains(s, StringComparison.Ordinal)) is var i and >= 0 ? i : Slow.Length)];
}
