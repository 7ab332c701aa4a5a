namespace Lodestar.Data.Security;

/// <summary>
/// Failed sign-ins counted per submitted user name, known or not, so that an unknown name locks out exactly
/// as a known one does and lockout says nothing about which names exist. In memory and bounded (at most
/// <see cref="Capacity"/> names; expired entries go first, then the longest quiet): a flood of made-up names
/// cannot grow it. One per process (a singleton in the web app); with several instances each counts its own.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FailuresBeforeLockout = 5;
    public const int Capacity = 10_000;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>True while the name is locked out.</summary>
    public bool IsLockedOut(string userName)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(userName, out var entry) && entry.LockedUntil > clock.GetUtcNow();
        }
    }

    /// <summary>Counts a failure; true when it locks the name out (the <see cref="FailuresBeforeLockout"/>th in a row).</summary>
    public bool Fail(string userName)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(userName, out var entry) || entry.LastFailure + LockoutDuration <= now && entry.LockedUntil <= now)
            {
                // Failures older than the lockout window are forgotten, as is a lockout served.
                MakeRoom(now);
                entry = new Entry();
                _entries[userName] = entry;
            }

            entry.LastFailure = now;
            entry.Failures++;
            if (entry.Failures >= FailuresBeforeLockout)
            {
                entry.Failures = 0;
                entry.LockedUntil = now + LockoutDuration;
                return true;
            }

            return false;
        }
    }

    /// <summary>A successful sign-in clears the name's failures.</summary>
    public void Succeed(string userName)
    {
        lock (_lock)
        {
            _entries.Remove(userName);
        }
    }

    /// <summary>How many names are held (for tests of the bound).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_entries.Count < Capacity)
        {
            return;
        }

        foreach (var expired in _entries.Where(e => e.Value.LockedUntil <= now && e.Value.LastFailure + LockoutDuration <= now).Select(e => e.Key).ToList())
        {
            _entries.Remove(expired);
        }

        if (_entries.Count >= Capacity)
        {
            // Still full of live entries: forget the longest quiet tenth rather than grow.
            foreach (var quiet in _entries.OrderBy(e => e.Value.LastFailure).Take(Capacity / 10).Select(e => e.Key).ToList())
            {
                _entries.Remove(quiet);
            }
        }
    }

    private sealed class Entry
    {
        public int Failures { get; set; }
        public DateTimeOffset LastFailure { get; set; }
        public DateTimeOffset LockedUntil { get; set; }
    }
}
