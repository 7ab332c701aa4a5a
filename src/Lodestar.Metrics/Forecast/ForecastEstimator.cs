namespace Lodestar.Metrics.Forecast;

/// <summary>
/// Estimates the forecast's multi-state model from care spells: the state of each child (placement
/// category and age band, or not looked after) at each month end of the window, and the transitions
/// between consecutive month ends: entries, moves between categories, leaving care. Turning 18 is not
/// counted as leaving: the simulation ends care at 18 itself. The month-end view misses a stay that
/// starts and ends within one month, as the month-end count the forecast projects does.
/// </summary>
public static class ForecastEstimator
{
    /// <summary>The estimation window when none is given: 24 months (docs/forecast.md argues it).</summary>
    public const int DefaultWindowMonths = 24;

    /// <summary>
    /// The model as at <paramref name="asAt"/> (normalised to the last month end on or before it), from
    /// spells known on that date, over the <paramref name="windowMonths"/> months before it but not before
    /// <paramref name="coveredFrom"/> (the first day the returns cover: earlier month ends would miss the
    /// children who left before it).
    /// </summary>
    public static ForecastModel Estimate(IReadOnlyList<CareSpell> spells, DateOnly asAt, DateOnly? coveredFrom = null, int windowMonths = DefaultWindowMonths)
    {
        ArgumentNullException.ThrowIfNull(spells);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowMonths, 1);
        var start = MonthEndOnOrBefore(asAt);
        var first = MonthEnd(start.AddMonths(-windowMonths));
        if (coveredFrom is { } covered)
        {
            // Care at the end of the day before the returns begin is known (its episodes are open on the first
            // covered day), so the earliest usable month end is the one on or after that day.
            var earliest = MonthEnd(covered.AddDays(-1));
            if (earliest > first)
            {
                first = earliest;
            }
        }

        var months = 0;
        for (var t = first; t < start; t = MonthEnd(t.AddMonths(1)))
        {
            months++;
        }

        var ends = new int[months + 1];
        for (var m = 0; m <= months; m++)
        {
            ends[m] = MonthEnd(first.AddMonths(m)).DayNumber;
        }

        var entries = new double[AgeBands.Count];
        var entryCategories = new double[AgeBands.Count, ForecastCategories.Count];
        var entryAges = Enumerable.Range(0, AgeBands.Count).Select(_ => new List<int>()).ToArray();
        var exposure = new double[AgeBands.Count, ForecastCategories.Count];
        var outcomes = new double[AgeBands.Count, ForecastCategories.Count, ForecastCategories.Count + 1];
        var population = new List<(int, int)>();

        // Group by child in a fixed order, so the input's order does not matter.
        var byChild = spells.GroupBy(s => s.Child).OrderBy(g => g.Key);
        var states = new int[months + 1];
        foreach (var child in byChild)
        {
            var childSpells = child.OrderBy(s => s.Start).ThenBy(s => s.End ?? DateOnly.MaxValue).ToArray();
            var birth = childSpells[0].BirthDate;
            for (var m = 0; m <= months; m++)
            {
                states[m] = StateOn(childSpells, ends[m]);
            }

            for (var m = 0; m < months; m++)
            {
                var next = DateOnly.FromDayNumber(ends[m + 1]);
                var ageNext = AgeBands.MonthsOld(birth, next);
                if (ageNext >= AgeBands.AdultMonths || ageNext < 0)
                {
                    continue;
                }

                var s = states[m];
                var s2 = states[m + 1];
                if (s >= 0)
                {
                    var band = AgeBands.Of(Math.Max(0, AgeBands.MonthsOld(birth, DateOnly.FromDayNumber(ends[m]))));
                    exposure[band, s]++;
                    outcomes[band, s, s2 + 1]++;
                }
                else if (s2 >= 0)
                {
                    var band = AgeBands.Of(ageNext);
                    entries[band]++;
                    entryCategories[band, s2]++;
                    entryAges[band].Add(ageNext);
                }
            }

            var last = states[months];
            var age = AgeBands.MonthsOld(birth, start);
            if (last >= 0 && age is >= 0 and < AgeBands.AdultMonths)
            {
                population.Add((age, last));
            }
        }

        return new ForecastModel(start, months, entries, entryCategories, entryAges.Select(a => a.ToArray()).ToArray(),
            exposure, outcomes, [.. population]);
    }

    /// <summary>The last day of <paramref name="day"/>'s month.</summary>
    public static DateOnly MonthEnd(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));

    /// <summary>The last month end on or before <paramref name="day"/>.</summary>
    public static DateOnly MonthEndOnOrBefore(DateOnly day)
    {
        var end = MonthEnd(day);
        return end == day ? end : MonthEnd(day.AddMonths(-1));
    }

    // The category of the spell in force at the end of day `day` (start <= day < end), or -1.
    private static int StateOn(CareSpell[] spells, int day)
    {
        var state = -1;
        foreach (var spell in spells)
        {
            if (spell.Start.DayNumber <= day && (spell.End is not { } end || end.DayNumber > day))
            {
                state = spell.Category;
            }
        }

        return state;
    }
}
