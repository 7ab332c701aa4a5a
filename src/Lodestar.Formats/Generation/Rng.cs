namespace Lodestar.Formats.Generation;

/// <summary>The generator's only source of chance: one <see cref="Random"/> per council, seeded, never shared.</summary>
internal sealed class Rng(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>A seed for one council from the run's seed and the council's code (stable across runs and machines).</summary>
    public static int SeedFor(int seed, string councilCode)
    {
        var hash = 2166136261u;
        foreach (var c in councilCode)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= (uint)seed * 2654435761u;
        hash = (hash ^ (hash >> 15)) * 2246822519u;
        return (int)(hash & 0x7FFFFFFF);
    }

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    public double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    public double Normal(double mean, double deviation)
    {
        var u1 = 1 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + (deviation * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    /// <summary>A count with the given mean (Poisson by inversion; fine for the small means used here).</summary>
    public int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var count = 0;
        var product = _random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }

        return count;
    }

    public DateOnly DateBetween(DateOnly first, DateOnly last) =>
        first.AddDays(_random.Next(0, last.DayNumber - first.DayNumber + 1));

    public T Pick<T>(Weighted<T> weighted) => weighted.Pick(_random.NextDouble());
}

/// <summary>Values with weights (need not sum to 1), picked by a uniform number in [0, 1).</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public Weighted(params (T Value, double Weight)[] items)
    {
        _values = items.Select(i => i.Value).ToArray();
        _cumulative = new double[items.Length];
        var total = items.Sum(i => i.Weight);
        var running = 0.0;
        for (var i = 0; i < items.Length; i++)
        {
            running += items[i].Weight / total;
            _cumulative[i] = running;
        }
    }

    public T Pick(double uniform)
    {
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (uniform < _cumulative[i])
            {
                return _values[i];
            }
        }

        return _values[^1];
    }
}
