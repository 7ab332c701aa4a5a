using Lodestar.Domain.Councils;

namespace Lodestar.Formats.Generation;

/// <summary>
/// What <see cref="SyntheticDataGenerator"/> makes: how many councils (the first N of the DfE list), how many
/// children each looked after at any time during the years, which reporting years, and the seed.
/// </summary>
public sealed record GenerationOptions
{
    public GenerationOptions(int councils = 1, int childrenPerCouncil = 1000, int years = 5, int yearEnd = 2025, int seed = 1)
    {
        if (councils < 1 || councils > CouncilList.Current.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(councils), councils, $"Must be between 1 and {CouncilList.Current.Count}.");
        }

        if (childrenPerCouncil < 10 || childrenPerCouncil > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(childrenPerCouncil), childrenPerCouncil, "Must be between 10 and 1,000,000.");
        }

        if (years < 1 || years > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "Must be between 1 and 20.");
        }

        if (yearEnd < 2012 || yearEnd > 2040)
        {
            throw new ArgumentOutOfRangeException(nameof(yearEnd), yearEnd, "Must be between 2012 and 2040.");
        }

        Councils = councils;
        ChildrenPerCouncil = childrenPerCouncil;
        Years = years;
        YearEnd = yearEnd;
        Seed = seed;
    }

    /// <summary>The first N councils of samples/councils.tsv.</summary>
    public int Councils { get; }

    /// <summary>
    /// The position in samples/councils.tsv of the first council generated (default 0): the councils are
    /// <see cref="Councils"/> councils from there. The web app's demo uses it to generate one named council.
    /// </summary>
    public int FirstCouncil
    {
        get;
        init => field = value >= 0 && value + Councils <= CouncilList.Current.Count
            ? value
            : throw new ArgumentOutOfRangeException(nameof(FirstCouncil), value, $"The councils must lie within the {CouncilList.Current.Count} of the list.");
    }

    /// <summary>Children looked after at any time during the reporting years (short-break-only children not included).</summary>
    public int ChildrenPerCouncil { get; }

    /// <summary>How many reporting years, ending with <see cref="YearEnd"/>.</summary>
    public int Years { get; }

    /// <summary>The last reporting year, labelled by the year it ends in: 2025 = 1 April 2024 to 31 March 2025.</summary>
    public int YearEnd { get; }

    public int Seed { get; }

    public int FirstYear => YearEnd - Years + 1;

    /// <summary>1 April of the first reporting year.</summary>
    public DateOnly WindowStart => new(FirstYear - 1, 4, 1);

    /// <summary>31 March of the last reporting year.</summary>
    public DateOnly WindowEnd => new(YearEnd, 3, 31);

    public IEnumerable<int> ReportingYears => Enumerable.Range(FirstYear, Years);

    /// <summary>Whether each council's Ofsted Annex A lists are written too, a workbook a year (annex_a/annex_a_YYYY.xlsx). Default false.</summary>
    public bool AnnexA { get; init; }

    /// <summary>
    /// Whether each council's returns of the last reporting year (<see cref="YearEnd"/>) carry the fixed catalogue of deliberate
    /// mistakes (docs/generator.md, "Deliberate faults"), each recorded in its truth.json (<see cref="CouncilTruth.Faults"/>), so
    /// that the validator has findings to show. Default false: data that passes every rule.
    /// </summary>
    public bool Faults { get; init; }
}
