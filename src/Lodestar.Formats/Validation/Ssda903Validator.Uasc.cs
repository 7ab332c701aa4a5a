using System.Runtime.CompilerServices;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Reference;
using Lodestar.Metrics.Records;
using static Lodestar.Formats.Validation.ValidationContext;

namespace Lodestar.Formats.Validation;

/// <summary>
/// The 903 rules that need the Header's UASC flag (is the child an unaccompanied asylum-seeking child) and, through it, the
/// DfE's "UASC or formerly UASC": UASC in the return's year or either of the two before. The flag is a column of the DfE's
/// XML and optional in a CSV Header; a return without it leaves these rules not run for its year (<see cref="UascNotRun"/>).
/// </summary>
internal static partial class Ssda903Validator
{
    // The rules that need the Header's UASC flag, each version: NotRun names them for a year whose returns gave none.
    private static readonly List<ValidationRule> NeedUasc = [];

    private static void AddUascRules()
    {
        AddSamePostcodeRule();
        NeedingUasc(Add("105", Severity.Error, "UASC (the child's unaccompanied asylum-seeking status) is not 0 or 1, or is blank", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var yes = c.Codes.Find("1");
            var no = c.Codes.Find("0");
            for (var i = 0; i < h.Count; i++)
            {
                // A row from a file without the column is not judged: NotRun says so for its year.
                if (h.Uasc[i] != CodeTable.NotGiven && h.Uasc[i] != yes && h.Uasc[i] != no)
                {
                    c.ReportCode(r, h.Source[i], "UASC", h.Uasc[i]);
                }
            }
        }, "UASC"));
        // New in 2024/25 (the reference's lac2024_25).
        NeedingUasc(Add("231", Severity.Warning, "UASC is 1 but the child is under 11 at the end of the collection year: unaccompanied asylum-seeking children are generally older, so check DOB (if it is right, explain it when the return is submitted)", "Header", new CollectionYears(2025, null), [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var yes = c.Codes.Find("1");
            for (var i = 0; i < h.Count; i++)
            {
                // Born after 31 March eleven years before the year's end: not yet 11 on it.
                if (h.Uasc[i] == yes && Has(h.Dob[i]) && c.Year(h.Source[i]) is > 0 and var year
                    && h.Dob[i] > DateOnly.FromDayNumber(YearEnd(year)).AddYears(-11).DayNumber)
                {
                    c.ReportDate(r, h.Source[i], "DOB", h.Dob[i]);
                }
            }
        }, "UASC"));
        NeedingUasc(Add("303", Severity.Error, "DUC (the date the child ceased to be UASC) is given but the Header of the same return does not have UASC 1", "UASC", [MethodImpl(Optimized)] (c, r) =>
        {
            var u = c.Data.Uasc;
            var yes = c.Codes.Find("1");
            for (var i = 0; i < u.Count; i++)
            {
                // The Header of the UASC row's own return, before the merge kept only the latest year's: judged when it gave the flag.
                if (Has(u.Duc[i]) && HeaderFlag(c.Data, u.Child[i], c.FileYear(u.Source[i])) is { } flag && flag != yes)
                {
                    c.ReportDate(r, u.Source[i], "DUC", u.Duc[i]);
                }
            }
        }, "UASC"));
        Needing(NeedsDistances, NeedingUasc(Add("164", Severity.Error, "The distance from home to the placement (PL_DISTANCE, from HOME_POST and PL_POST by the postcode lookup) is not between 0.0 and 999.9 miles: check the postcodes (not for a child who is or was UASC, nor short breaks)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (!c.IsShortBreak(e.Ls[i]) && Distance(c, i) is { } miles && miles is < 0 or > 999.9 && KnownNotUasc(c, i))
                {
                    c.ReportCode(r, e.Source[i], "PL_POST", e.PlPost[i]);
                }
            }
        }, "HOME_POST", "LS", "UASC")));
        Needing(NeedsDistances, NeedingUasc(Add("392a", Severity.Error, "The child is looked after but no distance from home to the placement can be worked out (PL_DISTANCE: HOME_POST or PL_POST is blank or not in the postcode lookup); not for a child who is or was UASC, nor short breaks", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (!c.IsShortBreak(e.Ls[i]) && Distance(c, i) is null && KnownNotUasc(c, i))
                {
                    var column = c.PlaceOf(e.HomePost[i]) is null ? "HOME_POST" : "PL_POST";
                    c.ReportCode(r, e.Source[i], column, column == "HOME_POST" ? e.HomePost[i] : e.PlPost[i]);
                }
            }
        }, "LS", "UASC")));
        NeedingUasc(Add("392b", Severity.Error, "The child is looked after but HOME_POST or PL_POST is blank (not for a child who is or was UASC, nor short breaks)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (!c.IsShortBreak(e.Ls[i]) && (e.HomePost[i] == CodeTable.Blank || e.PlPost[i] == CodeTable.Blank) && KnownNotUasc(c, i))
                {
                    c.Report(r, e.Source[i], e.HomePost[i] == CodeTable.Blank ? "HOME_POST" : "PL_POST", null);
                }
            }
        }, "LS", "UASC"));
        Needing(NeedsDistances, NeedingUasc(Add("406", Severity.Error, "The child is or was UASC (this year or in the two before) but a distance from home to the placement can be worked out from HOME_POST and PL_POST: PL_DISTANCE should be blank", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (Distance(c, i) is not null && c.Year(e.Source[i]) is > 0 and var year && UascOrFormerly(c, e.Child[i], year))
                {
                    c.ReportCode(r, e.Source[i], "HOME_POST", e.HomePost[i]);
                }
            }
        }, "UASC")));
    }

    // Built with the UASC rules, though it needs no flag: it was listed with them as missing (docs/validation.md, issue 12).
    private static void AddSamePostcodeRule() =>
        Add("392d", Severity.Warning, "HOME_POST and PL_POST are the same but PLACE is not P1 (placed with parents)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var withParents = c.Codes.Find("P1");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Place[i] != CodeTable.Blank && e.Place[i] != withParents && e.HomePost[i] != CodeTable.Blank && e.PlPost[i] != CodeTable.Blank
                    && (e.HomePost[i] == e.PlPost[i] || SamePostcode(c.Text(e.HomePost[i])!, c.Text(e.PlPost[i])!)))
                {
                    c.ReportCode(r, e.Source[i], "PL_POST", e.PlPost[i]);
                }
            }
        });

    // Postcodes written any way: case and spaces ignored (compared in place: most pairs differ, and at every row).
    internal static bool SamePostcode(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && a[i] == ' ')
            {
                i++;
            }

            while (j < b.Length && b[j] == ' ')
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (char.ToUpperInvariant(a[i]) != char.ToUpperInvariant(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    private static ValidationRule NeedingUasc(ValidationRule rule)
    {
        NeedUasc.Add(rule);
        return rule;
    }

    // PL_DISTANCE as the DfE gives it: the miles from HOME_POST to PL_POST, to one decimal place; null when a postcode is blank,
    // not in the lookup, or has no coordinates.
    private static double? Distance(Context c, int i) =>
        c.PlaceOf(c.Data.Episodes.HomePost[i]) is { } home && c.PlaceOf(c.Data.Episodes.PlPost[i]) is { } placed
            ? PostcodePlace.PlDistance(home, placed)
            : null;

    // Whether the child was UASC in the collection year or either of the two before: its Header said UASC 1 in one of those
    // returns, or one of those returns' UASC tables has a row of it (as the reference takes a UASC row to mean UASC 1).
    // Rows built by hand (year 0) count as the year's own.
    private static bool UascOrFormerly(Context c, int child, int year)
    {
        var yes = c.Codes.Find("1");
        var flags = c.Data.HeaderUasc;
        for (var y = year - 2; y <= year; y++)
        {
            if (flags.TryGetValue((child, y), out var flag) && flag == yes)
            {
                return true;
            }
        }

        if (flags.TryGetValue((child, 0), out var own) && own == yes)
        {
            return true;
        }

        var u = c.Data.Uasc;
        var rows = u.RowsOf(child);
        for (var i = rows.Start; i < rows.End; i++)
        {
            var y = c.FileYear(u.Source[i]);
            if (y == 0 || (y >= year - 2 && y <= year))
            {
                return true;
            }
        }

        return false;
    }

    // Whether episode i's child is known not to be UASC nor formerly UASC: the Header of the episode's own return gave the child's
    // flag, and nothing says UASC in that year or the two before (years not given count as not UASC, as the DfE's note on 392a
    // and 392b warns).
    private static bool KnownNotUasc(Context c, int i)
    {
        var e = c.Data.Episodes;
        return HeaderFlag(c.Data, e.Child[i], c.FileYear(e.Source[i])) is not null
            && c.Year(e.Source[i]) is > 0 and var year
            && !UascOrFormerly(c, e.Child[i], year);
    }

    // The UASC flag the child's Header gave in the return of `year`, or in rows built by hand (year 0, which stand for any year);
    // null when neither gave one.
    private static int? HeaderFlag(Ssda903Data data, int child, int year) =>
        data.HeaderUasc.TryGetValue((child, year), out var flag) || data.HeaderUasc.TryGetValue((child, 0), out flag) ? flag : null;

    /// <summary>
    /// The rules that need the Header's UASC flag, for each year with 903 episodes none of whose Header rows gave it (a CSV
    /// Header without the optional UASC column); none when Header rows built by hand gave it.
    /// </summary>
    private static IEnumerable<RuleNotRun> UascNotRun(Ssda903Data data)
    {
        var given = data.HeaderUascYears;
        foreach (var year in YearsOf(data, data.Episodes.Source).Where(y => !given.Contains(y) && !given.Contains(0)))
        {
            foreach (var rule in NeedUasc.Where(r => r.Years.Contains(year)))
            {
                yield return new RuleNotRun(data.CouncilCode, rule, year, UascColumnMissing);
            }
        }
    }
}
