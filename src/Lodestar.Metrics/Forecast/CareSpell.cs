using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Forecast;

/// <summary>
/// One stretch of a child's care in one placement category: looked after on every day from
/// <see cref="Start"/> to the day before <see cref="End"/> (the 903's DEC is the day care or the
/// placement ceased), open when <see cref="End"/> is null.
/// </summary>
/// <param name="Child">Any number that tells the children apart.</param>
/// <param name="BirthDate">The child's date of birth.</param>
/// <param name="Start">The first day of the spell.</param>
/// <param name="End">The day the spell ceased (not looked after in this spell that day), or null when open.</param>
/// <param name="Category">An index into <see cref="ForecastCategories.Names"/>.</param>
public sealed record CareSpell(int Child, DateOnly BirthDate, DateOnly Start, DateOnly? End, int Category);

/// <summary>The forecast's placement categories: the KPI placements_52wk_by_type's, in its order.</summary>
public static class ForecastCategories
{
    /// <summary>in_house_fostering, ifa, kinship, residential_homes, …, other (docs/kpis.md).</summary>
    public static IReadOnlyList<string> Names => KpiCatalog.PlacementCategories;

    /// <summary>How many categories.</summary>
    public static int Count => KpiCatalog.PlacementCategories.Count;

    /// <summary>residential_homes: the "from" of the residential-to-foster scenario.</summary>
    public const int ResidentialHomes = 3;

    /// <summary>in_house_fostering, ifa and kinship: the "to" of the residential-to-foster scenario.</summary>
    public static readonly IReadOnlyList<int> Fostering = [0, 1, 2];

    /// <summary>The index of a category name, or -1.</summary>
    public static int IndexOf(string name)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The forecast's age bands: under 1, 1–4, 5–9, 10–15, 16–17 (completed years).</summary>
public static class AgeBands
{
    /// <summary>The bands' labels, in order.</summary>
    public static readonly IReadOnlyList<string> Names = ["under_1", "1_to_4", "5_to_9", "10_to_15", "16_to_17"];

    /// <summary>How many bands.</summary>
    public const int Count = 5;

    /// <summary>Age in completed months at which care ends (18 years).</summary>
    public const int AdultMonths = 18 * 12;

    /// <summary>The band of an age in completed months (0–215).</summary>
    public static int Of(int ageMonths) => ageMonths switch
    {
        < 12 => 0,
        < 60 => 1,
        < 120 => 2,
        < 192 => 3,
        _ => 4,
    };

    /// <summary>Completed months of age on <paramref name="day"/> for a child born on <paramref name="birth"/>.</summary>
    public static int MonthsOld(DateOnly birth, DateOnly day)
    {
        var months = ((day.Year - birth.Year) * 12) + day.Month - birth.Month;
        // Not yet reached the "monthly birthday": born on the 31st, a month end of 30 days counts as reached.
        if (day.Day < birth.Day && day.Day < DateTime.DaysInMonth(day.Year, day.Month))
        {
            months--;
        }

        return months;
    }
}

/// <summary>A council's 903 episodes as care spells for the forecast.</summary>
public static class CareSpells
{
    /// <summary>
    /// The spells known on <paramref name="asAt"/>: episodes started by then, with an end after it
    /// treated as open; short breaks (V3, V4) and episodes with a missing or invalid DECOM or DEC are left
    /// out, as the KPIs leave them out; a child with no valid date of birth is left out.
    /// </summary>
    public static IReadOnlyList<CareSpell> From(Ssda903Data data, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var codes = data.Codes;
        var shortBreaks = codes.SetOf("V3", "V4");
        var categories = new PlacementCategoryMap(codes);
        var header = data.Header;
        var e = data.Episodes;
        var limit = asAt.DayNumber;
        var spells = new List<CareSpell>();
        for (var child = 0; child < data.Children.Count; child++)
        {
            var dob = RecordValues.Blank;
            var headers = header.RowsOf(child);
            for (var h = headers.Start; h < headers.End; h++)
            {
                if (RecordValues.HasValue(header.Dob[h]))
                {
                    dob = header.Dob[h];
                }
            }

            if (dob == RecordValues.Blank)
            {
                continue;
            }

            var birth = DateOnly.FromDayNumber(dob);
            var rows = e.RowsOf(child);
            for (var i = rows.Start; i < rows.End; i++)
            {
                var start = e.Decom[i];
                var end = e.Dec[i];
                if (shortBreaks.Contains(e.Ls[i]) || !RecordValues.HasValue(start) || end == RecordValues.Invalid
                    || (RecordValues.HasValue(end) && end < start) || start > limit)
                {
                    continue;
                }

                DateOnly? until = RecordValues.HasValue(end) && end <= limit ? DateOnly.FromDayNumber(end) : null;
                spells.Add(new CareSpell(child, birth, DateOnly.FromDayNumber(start), until, categories.Of(e.Place[i], e.PlaceProvider[i])));
            }
        }

        return spells;
    }

    /// <summary>The first day the returns cover: 1 April of the earliest collection year's reporting year, or null when no file says.</summary>
    public static DateOnly? CoveredFrom(Ssda903Data data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var years = data.Files.Where(f => f.CollectionYear > 0).Select(f => f.CollectionYear).ToList();
        return years.Count == 0 ? null : new DateOnly(years.Min() - 1, 4, 1);
    }
}
