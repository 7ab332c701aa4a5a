using Lodestar.Formats.Generation;

namespace Lodestar.Formats.Tests.Generation;

/// <summary>Rules checked on the simulated events themselves, over many seeds, where one file set would be luck.</summary>
public sealed class SimulationTests
{
    private const int MostSeeds = 15;

    // Each seed is simulated once for the class (the simulation is deterministic and the tests only read it).
    private static readonly Lazy<IReadOnlyList<SimChild>[]> Simulated = new(() =>
        [.. Enumerable.Range(1, MostSeeds).Select(seed => SyntheticDataGenerator.Simulate(new GenerationOptions(1, 300, 3, 2025, seed), 0).Children)]);

    private static IEnumerable<SimChild> Children(int seeds) => Simulated.Value.Take(seeds).SelectMany(children => children);

    [Fact]
    public void Adoptions_OverManySeeds_AllEndFromAnAdoptivePlacement()
    {
        var adopted = Children(15).Where(c => c.Episodes.Count > 0 && c.Episodes[^1].ReasonEnded is "E11" or "E12").ToList();

        Assert.NotEmpty(adopted);
        Assert.All(adopted, c => Assert.Matches("^A[3-6]$", c.Episodes[^1].Placement.Place));
        Assert.All(adopted, c => Assert.Contains(c.Episodes[^1].LegalStatus, new[] { "E1", "V2" }));
    }

    [Fact]
    public void Episodes_OverManySeeds_ChainWithoutGapsAndEndAfterTheyStart()
    {
        foreach (var child in Children(10).Where(c => c.LookedAfterInWindow))
        {
            for (var i = 0; i < child.Episodes.Count; i++)
            {
                var episode = child.Episodes[i];
                Assert.True(episode.End is null || episode.End > episode.Start);
                if (i + 1 < child.Episodes.Count)
                {
                    Assert.Equal("X1", episode.ReasonEnded);
                    Assert.Equal(episode.End, child.Episodes[i + 1].Start);
                }
                else
                {
                    Assert.NotEqual("X1", episode.ReasonEnded);
                }
            }

            Assert.Equal("S", child.Episodes[0].ReasonNew);
            Assert.True(child.BirthDate <= child.Episodes[0].Start);
            Assert.True(child.Episodes[^1].End is null || child.Episodes[^1].End <= child.BirthDate.AddYears(18));
        }
    }

    [Fact]
    public void Referrals_OverManySeeds_NeverOverlapForOneChild()
    {
        foreach (var child in Children(10))
        {
            var referrals = child.Referrals.OrderBy(r => r.Date).ToList();
            for (var i = 1; i < referrals.Count; i++)
            {
                Assert.NotNull(referrals[i - 1].Closure);
                Assert.True(referrals[i].Date > referrals[i - 1].Closure);
            }
        }
    }
}
