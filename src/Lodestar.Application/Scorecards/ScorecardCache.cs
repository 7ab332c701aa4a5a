using Microsoft.Extensions.Caching.Memory;

namespace Lodestar.Application.Scorecards;

/// <summary>
/// Built scorecards and loaded frameworks, kept between requests (one per process). An entry is found only
/// under the data it was built from: its key holds this cache's generation (moved on by
/// <see cref="Invalidate"/> after every write in this process), the newest audit entry's id (every import and
/// edit of frameworks, values, targets and benchmarks commits one with the change, so a write by the command
/// line is seen too) and the version of the council's returns model (a submission confirmed or rolled back).
/// Entries from older data are never read again and age out.
/// </summary>
public sealed class ScorecardCache : IDisposable
{
    /// <summary>At most this many entries (scorecards and frameworks); the least recently used go first.</summary>
    public const int MaxEntries = 512;

    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private long _generation;

    /// <summary>Moves on with every <see cref="Invalidate"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Forgets everything cached: called after every write that may change a scorecard.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _memory.Compact(1.0);
    }

    /// <summary>The value under <paramref name="key"/>, else <paramref name="build"/>'s, kept when the generation did not move while it was built.</summary>
    internal async Task<T?> GetOrBuildAsync<T>(object key, Func<Task<T?>> build)
        where T : class
    {
        var generation = Generation;
        var full = (generation, key);
        if (_memory.TryGetValue(full, out T? found))
        {
            return found;
        }

        var built = await build();
        // A write that finished while this was built may not be in it: give it to this caller, keep it for no one.
        if (built is not null && Generation == generation)
        {
            _memory.Set(full, built, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });
        }

        return built;
    }

    public void Dispose() => _memory.Dispose();
}
