namespace Lodestar.Metrics.Forecast;

/// <summary>
/// A change to the estimated rates from a chosen month: every factor multiplies the baseline rate
/// (1 = unchanged, 0.8 = a fifth fewer) for the forecast months ending on or after <see cref="From"/>'s
/// month end.
/// </summary>
public sealed record ForecastScenario
{
    /// <summary>A scenario; factors must be 0 or more, and <paramref name="entryFactorByBand"/> has one factor per age band when given.</summary>
    public ForecastScenario(string name, DateOnly from, double entryFactor = 1, IReadOnlyList<double>? entryFactorByBand = null,
        double residentialToFosterFactor = 1, double exitFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var factor in (ReadOnlySpan<double>)[entryFactor, residentialToFosterFactor, exitFactor])
        {
            Check(factor);
        }

        if (entryFactorByBand is not null)
        {
            if (entryFactorByBand.Count != AgeBands.Count)
            {
                throw new ArgumentException($"Give one entry factor per age band ({AgeBands.Count}).", nameof(entryFactorByBand));
            }

            foreach (var factor in entryFactorByBand)
            {
                Check(factor);
            }
        }

        Name = name;
        From = from;
        EntryFactor = entryFactor;
        EntryFactorByBand = entryFactorByBand ?? [1, 1, 1, 1, 1];
        ResidentialToFosterFactor = residentialToFosterFactor;
        ExitFactor = exitFactor;

        static void Check(double factor)
        {
            if (!(factor >= 0) || double.IsInfinity(factor))
            {
                throw new ArgumentOutOfRangeException(nameof(factor), factor, "A scenario factor is a finite number, 0 or more.");
            }
        }
    }

    /// <summary>The scenario's name, e.g. "Edge of care service".</summary>
    public string Name { get; }

    /// <summary>The first month the changes apply to (its month end and later).</summary>
    public DateOnly From { get; }

    /// <summary>Entries in every age band.</summary>
    public double EntryFactor { get; }

    /// <summary>Entries by age band (under 1, 1–4, 5–9, 10–15, 16–17), on top of <see cref="EntryFactor"/>.</summary>
    public IReadOnlyList<double> EntryFactorByBand { get; }

    /// <summary>Moves from residential homes to fostering (in-house, IFA, kinship), taken from or given back to staying put.</summary>
    public double ResidentialToFosterFactor { get; }

    /// <summary>Leaving care (before 18); the other outcomes (staying, moving) are scaled to make up the difference.</summary>
    public double ExitFactor { get; }
}
