using System.Runtime.CompilerServices;
using Lodestar.Domain.Problems;
using Lodestar.Metrics.Records;
using static Lodestar.Formats.Validation.ValidationContext;

namespace Lodestar.Formats.Validation;

/// <summary>
/// The last of the DfE's 903 rules (docs/validation.md, "Issue 12, last 903 rules"): 205A, 205C and 205D, which compare the
/// Header's UASC flag with last year's; 191 and 215, on the items of children looked after for 12 months (OC2); and 1001 and
/// 1002, which judge a care leaver's information (OC3) by the young person's episodes over the returns since their 14th or 16th
/// birthday. Each is not run, and says so (<see cref="RemainingNotRun"/>), for a year whose returns cannot answer it.
/// </summary>
internal static partial class Ssda903Validator
{
    /// <summary>
    /// How many returns before the year 1002 needs: a care leaver (OC3: the year of the young person's 17th to 21st birthday)
    /// was looked after at 16 or over, and the 16th birthday of one who turns 21 in the year falls five collection years before it.
    /// </summary>
    internal const int ReturnsBefore1002 = 5;

    /// <summary>
    /// How many returns before the year 1001 needs: it counts the time looked after since the 14th birthday, which for one who
    /// turns 21 in the year falls seven collection years before it.
    /// </summary>
    internal const int ReturnsBefore1001 = 7;

    // 205A, 205C and 205D, with the table whose rows' years each is run for: besides last year's return (Across), they need the
    // Header's UASC flag in both years' returns.
    private static readonly List<(ValidationRule Rule, RowsOfTable Rows)> UascAcrossYears = [];

    // 191, which looks for a missing OC2 row only in a year whose return gave the OC2 table.
    private static ValidationRule? _rule191;

    // 1001 and 1002, each with the returns before the year it needs.
    private static readonly List<(ValidationRule Rule, int ReturnsBefore, string Why)> CareLeaverHistory = [];

    // Called from the static constructor after the rules across years (205B, 202 ...).
    private static void AddUascAcrossYears()
    {
        UascAcross(Add("205A", Severity.Error, "Last year's return said the child was UASC (the Header's UASC 1) and this year's says not (0), but last year's DUC (the date UASC status ceased) is not in last year's collection year, or this year's return gives a DUC", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var yes = c.Codes.Find("1");
            var no = c.Codes.Find("0");
            var flagged = c.Data.HeaderUascYears;
            HeaderAndLastYears(c, (now, last) =>
            {
                var year = c.FileYear(now.Source);
                if (!flagged.Contains(year) || !flagged.Contains(year - 1) || now.Table.Uasc[now.Row] != no || last.Table.Uasc[last.Row] != yes)
                {
                    return;
                }

                // Status that ceased last year: last year's DUC is in last year, and this year's return gives none.
                var child = now.Table.Child[now.Row];
                var u = c.Data.Uasc;
                var rows = u.RowsOf(child);
                int? lastDuc = null;
                for (var i = rows.Start; i < rows.End; i++)
                {
                    var rowYear = c.FileYear(u.Source[i]);
                    if (rowYear == year && Has(u.Duc[i]))
                    {
                        c.ReportDate(r, u.Source[i], "DUC", u.Duc[i]);
                        return;
                    }

                    if (rowYear == year - 1 && Has(u.Duc[i]))
                    {
                        lastDuc = u.Duc[i];
                    }
                }

                if (lastDuc is not { } ceased || ceased < YearStart(year - 1) || ceased > YearEnd(year - 1))
                {
                    c.ReportCode(r, now.Source, "UASC", now.Table.Uasc[now.Row]);
                }
            });
        }, "UASC", "DUC"), HeaderRows);
        UascAcross(Add("205C", Severity.Error, "DUC (the date UASC status ceased) is given, this year or last, but neither this year's return nor last year's says the child was UASC (the Header's UASC 1)", "UASC", [MethodImpl(Optimized)] (c, r) =>
        {
            var yes = c.Codes.Find("1");
            var flagged = c.Data.HeaderUascYears;
            var u = c.Data.Uasc;
            for (var i = 0; i < u.Count; i++)
            {
                var year = c.FileYear(u.Source[i]);
                if (year <= 0 || !flagged.Contains(year) || !flagged.Contains(year - 1))
                {
                    continue;
                }

                // UASC rows are kept per child and year (Ssda903Builder): last year's, when there is one, is beside this one.
                var child = u.Child[i];
                var lastDuc = false;
                var rows = u.RowsOf(child);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    lastDuc |= c.FileYear(u.Source[j]) == year - 1 && Has(u.Duc[j]);
                }

                // A child with no Header row in a return is not said to be UASC in it, as the reference reads a missing flag.
                if ((Has(u.Duc[i]) || lastDuc)
                    && c.Data.HeaderUasc.GetValueOrDefault((child, year), CodeTable.Blank) != yes
                    && c.Data.HeaderUasc.GetValueOrDefault((child, year - 1), CodeTable.Blank) != yes)
                {
                    c.Report(r, u.Source[i], "DUC", Has(u.Duc[i]) ? c.Date(u.Duc[i]) : null);
                }
            }
        }, "UASC"), UascRows);
        UascAcross(Add("205D", Severity.Error, "The Header's UASC says the child is UASC (1), but last year's return, which had the child, did not (UASC not 1)", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var yes = c.Codes.Find("1");
            HeaderAndLastYears(c, (now, last) =>
            {
                var before = last.Table.Uasc[last.Row];
                if (now.Table.Uasc[now.Row] == yes && before != CodeTable.NotGiven && before != yes)
                {
                    c.ReportCode(r, now.Source, "UASC", now.Table.Uasc[now.Row]);
                }
            });
        }, "UASC"), HeaderRows);
    }

    // Called from the static constructor after the OC2 rules that work out "looked after continuously for 12 months" (185 ...).
    private static void AddLookedAfterForAYearRules()
    {
        _rule191 = Add("191", Severity.Error, "The child was looked after continuously for 12 months at 31 March, but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank, or the child has no OC2 row for the year", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            // An OC2 row with an item blank: judged as 185 judges a row, in the row's year.
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                var blank = o.Immunisations[i] == CodeTable.Blank ? "IMMUNISATIONS"
                    : o.TeethCheck[i] == CodeTable.Blank ? "TEETH_CHECK"
                    : o.HealthAssessment[i] == CodeTable.Blank ? "HEALTH_ASSESSMENT"
                    : o.SubstanceMisuse[i] == CodeTable.Blank ? "SUBSTANCE_MISUSE"
                    : null;
                if (blank is not null && year > 0 && c.ContinuouslyLookedAfter(o.Child[i], year))
                {
                    c.Report(r, o.Source[i], blank, null);
                }
            }

            // No OC2 row at all: only in a year whose return gave the OC2 table (an OC2 CSV or the XML), on the child's latest
            // episode of that return. The years are the files' own.
            foreach (var year in Oc2Years(c.Data))
            {
                for (var child = 0; child < c.Data.Children.Count; child++)
                {
                    if (!HasOc2Row(c, child, year) && c.ContinuouslyLookedAfter(child, year)
                        && FirstOrLastEpisode(c, child, year, first: false) is { } latest)
                    {
                        c.Report(r, latest.Source, "CHILD", c.Data.Children.IdOf(child));
                    }
                }
            }
        }, "CHILD", "DECOM", "DEC", "RNE", "REC", "LS");
        Add("215", Severity.Error, "Care leaver information (IN_TOUCH, ACTIV, ACCOM) is given for the year, but so is an item for children looked after for 12 months (CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED or INTERVENTION_OFFERED)", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            var leavers = c.Data.Oc3;
            for (var i = 0; i < o.Count; i++)
            {
                var item = FirstOutcomeGiven(o, i);
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                if (item.Column is not { } column || year <= 0)
                {
                    continue;
                }

                // The same child's OC3 row of the same year (both tables are kept per child and year).
                var rows = leavers.RowsOf(o.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if ((leavers.YearAt(j) ?? c.Year(leavers.Source[j])) == year
                        && (leavers.InTouch[j] != CodeTable.Blank || leavers.Activ[j] != CodeTable.Blank || leavers.Accom[j] != CodeTable.Blank))
                    {
                        c.ReportCode(r, o.Source[i], column, item.Code);
                        break;
                    }
                }
            }
        });
    }

    // The first of the items for children looked after for 12 months that OC2 row i gives (null when none).
    private static (string? Column, int Code) FirstOutcomeGiven(Ssda903Oc2 o, int i) =>
        o.Convicted[i] != CodeTable.Blank ? ("CONVICTED", o.Convicted[i])
        : o.HealthCheck[i] != CodeTable.Blank ? ("HEALTH_CHECK", o.HealthCheck[i])
        : o.Immunisations[i] != CodeTable.Blank ? ("IMMUNISATIONS", o.Immunisations[i])
        : o.TeethCheck[i] != CodeTable.Blank ? ("TEETH_CHECK", o.TeethCheck[i])
        : o.HealthAssessment[i] != CodeTable.Blank ? ("HEALTH_ASSESSMENT", o.HealthAssessment[i])
        : o.SubstanceMisuse[i] != CodeTable.Blank ? ("SUBSTANCE_MISUSE", o.SubstanceMisuse[i])
        : o.InterventionReceived[i] != CodeTable.Blank ? ("INTERVENTION_RECEIVED", o.InterventionReceived[i])
        : o.InterventionOffered[i] != CodeTable.Blank ? ("INTERVENTION_OFFERED", o.InterventionOffered[i])
        : (null, CodeTable.Blank);

    // Whether the child has an OC2 row for the year (its own year, else its file's).
    private static bool HasOc2Row(Context c, int child, int year)
    {
        var o = c.Data.Oc2;
        var rows = o.RowsOf(child);
        for (var i = rows.Start; i < rows.End; i++)
        {
            if ((o.YearAt(i) ?? c.FileYear(o.Source[i])) == year)
            {
                return true;
            }
        }

        return false;
    }

    // The collection years whose return gave the OC2 table: an OC2 CSV, or the XML (which holds every table), of the year.
    private static SortedSet<int> Oc2Years(Ssda903Data data) =>
        [.. data.Files.Where(f => f.CollectionYear > 0 && (f.Kind == "903 XML" || f.Kind == "903 OC2 CSV")).Select(f => f.CollectionYear)];

    // Called from the static constructor after the care leaver rules against the other tables (1014 ...).
    private static void AddCareLeaverHistoryRules()
    {
        CareLeaverHistory.Add((Add("1001", Severity.Error, "Care leaver information (IN_TOUCH, ACTIV, ACCOM) is given, but the young person's episodes do not make them a relevant or former relevant child: less than 13 weeks looked after since their 14th birthday, none of it at 16 or over, or their care ended in adoption (short breaks not counted)", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var adoption = c.Codes.SetOf("E11", "E12");
            CareLeaverRows(c, r, ReturnsBefore1001, 14, (i, year, dob) =>
            {
                var e = c.Data.Episodes;
                var rows = e.RowsOf(c.Data.Oc3.Child[i]);
                var fourteen = Birthday(dob, 14);
                var sixteen = Birthday(dob, 16);
                int days = 0, latest = -1;
                var afterSixteen = false;
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (!Has(e.Decom[j]) || e.Decom[j] > YearEnd(year))
                    {
                        continue;
                    }

                    latest = j;
                    if (c.IsShortBreak(e.Ls[j]))
                    {
                        continue;
                    }

                    // Looked after from DECOM up to DEC (not included), or to the year's end when the episode is open.
                    var end = Has(e.Dec[j]) ? Math.Min(e.Dec[j], YearEnd(year) + 1) : YearEnd(year) + 1;
                    days += Math.Max(0, end - Math.Max(e.Decom[j], fourteen));
                    afterSixteen |= end > sixteen && end > e.Decom[j];
                }

                // A young person with no episode at all is 1002's.
                return latest >= 0 && (days < 91 || !afterSixteen || adoption.Contains(e.Rec[latest]));
            });
        }, "DOB", "DECOM", "DEC", "LS", "REC"), ReturnsBefore1001, "it counts the care leaver's time looked after since their 14th birthday, which for one of 21 fell seven returns before"));
        CareLeaverHistory.Add((Add("1002", Severity.Error, "Care leaver information (IN_TOUCH, ACTIV, ACCOM) is given, but the young person has no episode of care in this return or the five before it (a care leaver was looked after at 16 or over, within them)", "OC3", [MethodImpl(Optimized)] (c, r) =>
            CareLeaverRows(c, r, ReturnsBefore1002, 16, (i, year, dob) =>
            {
                var e = c.Data.Episodes;
                var rows = e.RowsOf(c.Data.Oc3.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (Has(e.Decom[j]) && e.Decom[j] <= YearEnd(year))
                    {
                        return false;
                    }
                }

                return true;
            }), "CHILD", "DOB", "DECOM"), ReturnsBefore1002, "it looks for the care leaver's episodes since their 16th birthday, which for one of 21 fell five returns before"));
    }

    /// <summary>
    /// Reports each OC3 row with care leaver information (IN_TOUCH, ACTIV or ACCOM given) of a year whose <paramref name="returnsBefore"/>
    /// returns before were all given, when <paramref name="wrong"/> says so (the row, its year and the young person's date of birth).
    /// A young person whose <paramref name="birthday"/>th birthday fell before the first of those returns (older than 21 at the year's
    /// end, outside the OC3 cohort) is not judged: their care may be older than the returns.
    /// </summary>
    [MethodImpl(Optimized)]
    private static void CareLeaverRows(Context c, ValidationRule r, int returnsBefore, int birthday, Func<int, int, int, bool> wrong)
    {
        var o = c.Data.Oc3;
        var given = c.Data.Files.Select(f => f.CollectionYear).Where(y => y > 0).ToHashSet();
        for (var i = 0; i < o.Count; i++)
        {
            var year = c.FileYear(o.Source[i]);
            var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
            if (year <= 0 || !Has(dob) || (o.InTouch[i] == CodeTable.Blank && o.Activ[i] == CodeTable.Blank && o.Accom[i] == CodeTable.Blank)
                || MissingBefore(given, year, returnsBefore) is not null || Birthday(dob, birthday) < YearStart(year - returnsBefore))
            {
                continue;
            }

            if (wrong(i, year, dob))
            {
                c.ReportCode(r, o.Source[i], "IN_TOUCH", o.InTouch[i]);
            }
        }
    }

    // The earliest of the returns before the year that was not given; null when all were.
    private static int? MissingBefore(HashSet<int> given, int year, int returnsBefore)
    {
        for (var y = year - returnsBefore; y < year; y++)
        {
            if (!given.Contains(y))
            {
                return y;
            }
        }

        return null;
    }

    private static ValidationRule UascAcross(ValidationRule rule, RowsOfTable rows)
    {
        UascAcrossYears.Add((rule, rows));
        return Across(rule, rows);
    }

    // Why a rule that needs the Header's UASC flag is not run for a year whose return gives none (UascNotRun says it too).
    private const string UascColumnMissing = "it needs the Header's UASC column (whether the child is an unaccompanied asylum-seeking child), and the return has none";

    private static ReadOnlySpan<SourceLocation> UascRows(Ssda903Data data) => data.Uasc.Source;

    /// <summary>
    /// The rules of this file not run, and why: 205A, 205C and 205D for a year whose return, or last year's, gave no Header UASC
    /// flag (without last year's return they are listed by <see cref="AcrossYearsNotRun"/>); 191 for a year with episodes whose
    /// return gave no OC2 table; 1001 and 1002 for a year with OC3 rows without enough returns before it.
    /// </summary>
    private static IEnumerable<RuleNotRun> RemainingNotRun(Ssda903Data data, HashSet<int> years)
    {
        var flagged = data.HeaderUascYears;
        foreach (var (rule, rows) in UascAcrossYears)
        {
            var withRows = YearsOf(data, rows(data));
            if (data.Replaced is { } replaced)
            {
                withRows.UnionWith(YearsOf(data, rows(replaced)));
            }

            foreach (var year in withRows.Where(y => rule.Years.Contains(y) && years.Contains(y - 1) && !flagged.Contains(0)))
            {
                if (!flagged.Contains(year))
                {
                    yield return new RuleNotRun(data.CouncilCode, rule, year, UascColumnMissing);
                }
                else if (!flagged.Contains(year - 1))
                {
                    yield return new RuleNotRun(data.CouncilCode, rule, year, $"it compares the Header's UASC column with last year's, and the {new CollectionYears(year - 1, year - 1)} return has none");
                }
            }
        }

        var oc2 = Oc2Years(data);
        var withEpisodes = YearsOf(data, data.Episodes.Source);
        if (data.Replaced is { } before)
        {
            withEpisodes.UnionWith(YearsOf(data, before.Episodes.Source));
        }

        foreach (var year in withEpisodes.Where(y => !oc2.Contains(y)))
        {
            yield return new RuleNotRun(data.CouncilCode, _rule191!, year, "it looks for an OC2 row for each child looked after for 12 months, and the return has no OC2 table");
        }

        foreach (var (rule, returnsBefore, why) in CareLeaverHistory)
        {
            foreach (var year in YearsOf(data, data.Oc3.Source))
            {
                if (rule.Years.Contains(year) && MissingBefore(years, year, returnsBefore) is { } missing)
                {
                    yield return new RuleNotRun(data.CouncilCode, rule, year, $"{why}, and no {new CollectionYears(missing, missing)} return was given");
                }
            }
        }
    }
}
