namespace Lodestar.Metrics.Forecast;

/// <summary>
/// What the forecast learnt from a council's history: the month-end transitions counted in the window,
/// and the children looked after at its end. Counts, not rates, so the simulation can draw the rates'
/// uncertainty from them (<see cref="ForecastSimulator"/>).
/// </summary>
public sealed class ForecastModel
{
    internal ForecastModel(DateOnly start, int windowMonths, double[] entries, double[,] entryCategories, int[][] entryAges,
        double[,] exposure, double[,,] outcomes, (int AgeMonths, int Category)[] population)
    {
        Start = start;
        WindowMonths = windowMonths;
        Entries = entries;
        EntryCategories = entryCategories;
        EntryAges = entryAges;
        Exposure = exposure;
        Outcomes = outcomes;
        Population = population;
    }

    /// <summary>The month end the forecast starts from: the last month end on or before the "as at" date.</summary>
    public DateOnly Start { get; }

    /// <summary>How many months of transitions the rates were estimated from.</summary>
    public int WindowMonths { get; }

    /// <summary>Entries in the window by age band at the month end after entry.</summary>
    internal double[] Entries { get; }

    /// <summary>Entries by age band and placement category at the first month end in care.</summary>
    internal double[,] EntryCategories { get; }

    /// <summary>The ages (completed months) of the children who entered, by age band.</summary>
    internal int[][] EntryAges { get; }

    /// <summary>Child-months in care by age band and category (month ends followed by another in the window, under 18 at both).</summary>
    internal double[,] Exposure { get; }

    /// <summary>Where those child-months went by the next month end: [band, from, 0] = left care, [band, from, 1 + c] = in category c.</summary>
    internal double[,,] Outcomes { get; }

    /// <summary>The children looked after at <see cref="Start"/>: age in completed months and category.</summary>
    internal (int AgeMonths, int Category)[] Population { get; }

    /// <summary>Children looked after at the start.</summary>
    public int StartCount => Population.Length;

    /// <summary>Entries per month in age band <paramref name="band"/>.</summary>
    public double EntryRate(int band) => WindowMonths == 0 ? 0 : Entries[band] / WindowMonths;

    /// <summary>Entries per month in all bands.</summary>
    public double TotalEntryRate => WindowMonths == 0 ? 0 : Entries.Sum() / WindowMonths;

    /// <summary>The share of children in <paramref name="band"/> and <paramref name="category"/> who leave care by the next month end (raw, before pooling; NaN with no exposure).</summary>
    public double ExitRate(int band, int category) =>
        Exposure[band, category] == 0 ? double.NaN : Outcomes[band, category, 0] / Exposure[band, category];

    /// <summary>The share of children in <paramref name="band"/> and <paramref name="from"/> who are in <paramref name="to"/> at the next month end (raw).</summary>
    public double MoveRate(int band, int from, int to) =>
        Exposure[band, from] == 0 ? double.NaN : Outcomes[band, from, 1 + to] / Exposure[band, from];

    /// <summary>The share of all children in care who leave by the next month end (raw).</summary>
    public double OverallExitRate
    {
        get
        {
            double exits = 0, exposure = 0;
            for (var b = 0; b < AgeBands.Count; b++)
            {
                for (var c = 0; c < ForecastCategories.Count; c++)
                {
                    exits += Outcomes[b, c, 0];
                    exposure += Exposure[b, c];
                }
            }

            return exposure == 0 ? double.NaN : exits / exposure;
        }
    }
}
