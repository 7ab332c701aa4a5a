using System.Runtime.CompilerServices;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Reference;
using Lodestar.Metrics.Records;
using static Lodestar.Formats.Validation.ValidationContext;

namespace Lodestar.Formats.Validation;

/// <summary>
/// The 903 rules that compare a return with the council's return of the year before (the DfE's 202, 502, 503A ...), as
/// 205B does: each row's year is its file's own, and last year's return is read as it was given, from the rows the merge
/// kept and those this year's return replaced (<see cref="Ssda903Data.Replaced"/>). Without last year's return a rule is
/// not run for the year and says so (<see cref="NotRun"/>), never passing in silence.
/// </summary>
internal static partial class Ssda903Validator
{
    // The rules that compare with last year's return, each with the table whose rows' years it is run for.
    private static readonly List<(ValidationRule Rule, RowsOfTable Rows)> AcrossYears = [];

    private delegate ReadOnlySpan<SourceLocation> RowsOfTable(Ssda903Data data);

    private static ReadOnlySpan<SourceLocation> EpisodeRows(Ssda903Data data) => data.Episodes.Source;

    private static ReadOnlySpan<SourceLocation> HeaderRows(Ssda903Data data) => data.Header.Source;

    // Called from the static constructor, after the UASC rules (205B).
    private static void AddAcrossYears()
    {
        // 502 and 503A-503J: a child's first episode this year and the latest episode of last year's return, when that
        // one was still open at 31 March (no DEC): the same episode, carried into this year, so it must start on the same
        // day and, but for the DfE's recodings (P2 to H5, H5 to K3, Z1 to Z11-Z14), say the same.
        Across(Add("502", Severity.Error, "Last year's return ended with an open episode, but this year's first episode does not start on the same day (DECOM)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
            CarriedOver(c, everyOpenEpisode: true, (now, last) =>
            {
                if (now.Table.Decom[now.Row] != last.Table.Decom[last.Row])
                {
                    c.ReportDate(r, now.Source, "DECOM", now.Table.Decom[now.Row]);
                }
            })), EpisodeRows);
        SameAsLastYear("503A", "RNE (reason for new episode)", "RNE", e => e.Rne);
        SameAsLastYear("503B", "LS (legal status)", "LS", e => e.Ls);
        SameAsLastYear("503C", "CIN (category of need)", "CIN", e => e.Cin);
        Across(Add("503D", Severity.Error, "This year's first episode's PLACE (placement type) is not that of the episode open at the end of last year's return (P2 then H5, H5 then K3, and Z1 then Z11-Z14 are the DfE's recodings and accepted)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            // The DfE's 503D accepts H5 then K3 (2024/25) and Z1 then Z11-Z14 (2025/26); P2 then H5, its recoding of 2023/24, is
            // accepted too, as Lodestar takes it elsewhere (434, 383): a placement open across the change is recoded in the later return.
            var k3 = c.Codes.Find("K3");
            var h5 = c.Codes.Find("H5");
            var p2 = c.Codes.Find("P2");
            var z1 = c.Codes.Find("Z1");
            var z1Split = c.Codes.SetOf("Z11", "Z12", "Z13", "Z14");
            CarriedOver(c, everyOpenEpisode: false, (now, last) =>
            {
                int place = now.Table.Place[now.Row], before = last.Table.Place[last.Row];
                if (place != before && !(before == h5 && place == k3) && !(before == p2 && place == h5) && !(before == z1 && z1Split.Contains(place)))
                {
                    c.ReportCode(r, now.Source, "PLACE", place);
                }
            });
        }), EpisodeRows);
        SameAsLastYear("503E", "PLACE_PROVIDER (placement provider)", "PLACE_PROVIDER", e => e.PlaceProvider);
        SameAsLastYear("503F", "URN (Ofsted URN)", "URN", e => e.Urn);

        // 503G, 503H, 503J, 452, 453: the placement's distance from home, council and location, which the DfE works out from
        // HOME_POST and PL_POST with a postcode lookup (PL_DISTANCE, PL_LA, PL_LOCATION), and so does Lodestar: without the
        // lookup they are not run, as without last year's return. 452 and 453 ask it only when RNE is also last year's.
        Needing(NeedsDistances, Across(Add("503G", Severity.Error, "This year's first episode's distance from home (PL_DISTANCE, from HOME_POST and PL_POST by the postcode lookup) differs by 0.2 miles or more from that of the episode open at the end of last year's return", "Episodes",
            [MethodImpl(Optimized)] (c, r) => DistanceChanged(c, r, sameRne: false)), EpisodeRows));
        Needing(NeedsAreas, Across(Add("503H", Severity.Error, "This year's first episode's placement council (PL_LA, from PL_POST by the postcode lookup) is not that of the episode open at the end of last year's return", "Episodes",
            [MethodImpl(Optimized)] (c, r) => CouncilChanged(c, r, sameRne: false)), EpisodeRows));
        Needing(NeedsCouncilAreas, Across(Add("503J", Severity.Error, "This year's first episode's placement location in or out of the council's area (PL_LOCATION, from PL_POST by the postcode lookup) is not that of the episode open at the end of last year's return", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var council = CouncilList.Find(c.Data.CouncilCode)!.Code;
            bool? Inside(EpisodeAt e) => c.PlacementLaOf(e.Table.PlPost[e.Row]) is { } la ? string.Equals(la, council, StringComparison.OrdinalIgnoreCase) : null;
            CarriedOver(c, everyOpenEpisode: false, (now, last) =>
            {
                if (Inside(now) != Inside(last))
                {
                    c.ReportCode(r, now.Source, "PL_POST", now.Table.PlPost[now.Row]);
                }
            });
        }), EpisodeRows));
        Needing(NeedsAreas, Across(Add("452", Severity.Error, "The placement council (PL_LA, from PL_POST by the postcode lookup) of this year's first episode is not that of the episode open at the end of last year's return, with the same RNE", "Episodes",
            [MethodImpl(Optimized)] (c, r) => CouncilChanged(c, r, sameRne: true)), EpisodeRows));
        Needing(NeedsDistances, Across(Add("453", Severity.Error, "The distance from home (PL_DISTANCE, from HOME_POST and PL_POST by the postcode lookup) of this year's first episode differs by 0.2 miles or more from that of the episode open at the end of last year's return, with the same RNE", "Episodes",
            [MethodImpl(Optimized)] (c, r) => DistanceChanged(c, r, sameRne: true)), EpisodeRows));

        // 202-208: a child's Header this year against its Header in last year's return.
        Across(Add("202", Severity.Error, "SEX is not the sex last year's return gave the child (1 and M, 2 and F, are the same: the DfE's codes before and from 2024/25)", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var male = c.Codes.SetOf("1", "M");
            var female = c.Codes.SetOf("2", "F");
            HeaderAndLastYears(c, (now, last) =>
            {
                int sex = now.Table.Sex[now.Row], before = last.Table.Sex[last.Row];
                if (sex != before && !(male.Contains(sex) && male.Contains(before)) && !(female.Contains(sex) && female.Contains(before)))
                {
                    c.ReportCode(r, now.Source, "SEX", sex);
                }
            });
        }), HeaderRows);
        Across(Add("203", Severity.Error, "DOB is not the date of birth last year's return gave the child", "Header", [MethodImpl(Optimized)] (c, r) =>
            HeaderAndLastYears(c, (now, last) =>
            {
                var dob = now.Table.Dob[now.Row];
                if (dob != last.Table.Dob[last.Row])
                {
                    c.Report(r, now.Source, "DOB", Has(dob) ? c.Date(dob) : null);
                }
            })), HeaderRows);
        Across(Add("204", Severity.Error, "ETHNIC is not the ethnic origin last year's return gave the child", "Header", [MethodImpl(Optimized)] (c, r) =>
            HeaderAndLastYears(c, (now, last) =>
            {
                var ethnic = now.Table.Ethnic[now.Row];
                if (!string.Equals(c.Text(ethnic), c.Text(last.Table.Ethnic[last.Row]), StringComparison.OrdinalIgnoreCase))
                {
                    c.ReportCode(r, now.Source, "ETHNIC", ethnic);
                }
            })), HeaderRows);
        Across(Add("207", Severity.Error, "Last year's return said the child is a mother (MOTHER 1), but this year's MOTHER does not, for a child with episodes this year", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var one = c.Codes.Find("1");
            HeaderAndLastYears(c, (now, last) =>
            {
                var mother = now.Table.Mother[now.Row];
                if (last.Table.Mother[last.Row] == one && mother != one && FirstOrLastEpisode(c, now.Table.Child[now.Row], c.FileYear(now.Source), first: true) is not null)
                {
                    c.ReportCode(r, now.Source, "MOTHER", mother);
                }
            });
        }), HeaderRows);
        Across(Add("208", Severity.Error, "UPN is not the UPN last year's return gave the child (but an unknown UPN, blank or UN1-UN5, may become known, and blank or UN1 may become UN1-UN5)", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var unknown = c.Codes.SetOf("UN1", "UN2", "UN3", "UN4", "UN5");
            var later = c.Codes.SetOf("UN2", "UN3", "UN4", "UN5");
            var un1 = c.Codes.Find("UN1");
            HeaderAndLastYears(c, (now, last) =>
            {
                int upn = now.Table.Upn[now.Row], before = last.Table.Upn[last.Row];
                var wasUnknown = before == CodeTable.Blank || unknown.Contains(before);
                var isKnown = upn != CodeTable.Blank && !unknown.Contains(upn);
                if (!string.Equals(c.Text(upn), c.Text(before), StringComparison.OrdinalIgnoreCase)
                    && !(wasUnknown && isKnown)
                    && !((before == CodeTable.Blank || before == un1) && (upn == un1 || later.Contains(upn))))
                {
                    c.ReportCode(r, now.Source, "UPN", upn);
                }
            });
        }), HeaderRows);
        // 624 as Lodestar reads "contradicts": another date. A care leaver with no episode this year has MOTHER and so MC_DOB
        // blank (628, 612), whatever last year's said.
        Across(Add("624", Severity.Error, "MC_DOB (the date of birth of the child's first child) is not the one last year's return gave", "Header", [MethodImpl(Optimized)] (c, r) =>
            HeaderAndLastYears(c, (now, last) =>
            {
                int mcDob = now.Table.McDob[now.Row], before = last.Table.McDob[last.Row];
                if (Has(before) && Has(mcDob) && mcDob != before)
                {
                    c.ReportDate(r, now.Source, "MC_DOB", mcDob);
                }
            })), HeaderRows);
        Across(Add("626", Severity.Error, "MOTHER says the child is a mother (1) and MC_DOB is before the collection year, but last year's return said she was not (MOTHER 0)", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var one = c.Codes.Find("1");
            var zero = c.Codes.Find("0");
            HeaderAndLastYears(c, (now, last) =>
            {
                var mcDob = now.Table.McDob[now.Row];
                if (now.Table.Mother[now.Row] == one && last.Table.Mother[last.Row] == zero && Has(mcDob) && mcDob < YearStart(c.FileYear(now.Source)))
                {
                    c.ReportDate(r, now.Source, "MC_DOB", mcDob);
                }
            });
        }), HeaderRows);

        // 562: a child's first episode this year that started before the year must be last year's latest episode.
        Across(Add("562", Severity.Error, "This year's first episode started before the year (DECOM), but it is not the latest episode of last year's return", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            foreach (var year in YearsWithLastYear(c.Data))
            {
                for (var child = 0; child < c.Data.Children.Count; child++)
                {
                    if (FirstOrLastEpisode(c, child, year, first: true) is { } now && now.Table.Decom[now.Row] < YearStart(year)
                        && (FirstOrLastEpisode(c, child, year - 1, first: false) is not { } last || last.Table.Decom[last.Row] != now.Table.Decom[now.Row]))
                    {
                        c.ReportDate(r, now.Source, "DECOM", now.Table.Decom[now.Row]);
                    }
                }
            }
        }), EpisodeRows);

        // 559, 560, 561, 584: each decision to place for adoption this year against those of last year's return.
        Across(Add("559", Severity.Error, "DATE_PLACED (the decision to place for adoption) is before the collection year, but last year's return gave no decision for the child", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
            DecisionsAndLastYears(c, (now, last, year) =>
            {
                var placed = now.Table.DatePlaced[now.Row];
                if (Has(placed) && placed < YearStart(year) && !last.Exists(l => Has(l.Table.DatePlaced[l.Row])))
                {
                    c.ReportDate(r, now.Source, "DATE_PLACED", placed);
                }
            })), PlacedAdoptionRows);
        Across(Add("560", Severity.Error, "DATE_PLACED is not that of last year's decision to place for adoption, which had not ended (no DATE_PLACED_CEASED)", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
            DecisionsAndLastYears(c, (now, last, year) =>
            {
                var placed = now.Table.DatePlaced[now.Row];
                if (last.Exists(l => Has(l.Table.DatePlaced[l.Row]) && !Has(l.Table.DatePlacedCeased[l.Row]) && l.Table.DatePlaced[l.Row] != placed))
                {
                    c.Report(r, now.Source, "DATE_PLACED", Has(placed) ? c.Date(placed) : null);
                }
            })), PlacedAdoptionRows);
        Across(Add("561", Severity.Error, "DATE_PLACED is that of last year's decision to place for adoption, but last year's return said that decision had ended (DATE_PLACED_CEASED or REASON_PLACED_CEASED)", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
            DecisionsAndLastYears(c, (now, last, year) =>
            {
                var placed = now.Table.DatePlaced[now.Row];
                if (Has(placed) && last.Exists(l => l.Table.DatePlaced[l.Row] == placed && Ended(l)))
                {
                    c.ReportDate(r, now.Source, "DATE_PLACED", placed);
                }
            })), PlacedAdoptionRows);
        Across(Add("584", Severity.Error, "Last year's decision to place for adoption had ended (DATE_PLACED_CEASED or REASON_PLACED_CEASED), but this year's DATE_PLACED is blank or not after it", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
            DecisionsAndLastYears(c, (now, last, year) =>
            {
                var placed = now.Table.DatePlaced[now.Row];
                if (last.Exists(l => Ended(l) && (!Has(placed) || (Has(l.Table.DatePlaced[l.Row]) && placed <= l.Table.DatePlaced[l.Row]))))
                {
                    c.Report(r, now.Source, "DATE_PLACED", Has(placed) ? c.Date(placed) : null);
                }
            })), PlacedAdoptionRows);

        // 576: a missing period open at the end of last year's return is this year's first.
        Across(Add("576", Severity.Error, "Last year's return ended with a missing or away period still open (no MIS_END), but this year's first period does not start on its MIS_START", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            Ssda903Missing[] tables = c.Data.Replaced is { } replaced ? [c.Data.Missing, replaced.Missing] : [c.Data.Missing];
            foreach (var year in YearsWithLastYear(c.Data))
            {
                for (var child = 0; child < c.Data.Children.Count; child++)
                {
                    // Most children were never missing: no list gathered for them.
                    if (NoRows(tables, child))
                    {
                        continue;
                    }

                    var now = RowsOfYear(c, tables, child, year);
                    if (now.Count == 0)
                    {
                        continue;
                    }

                    // The first period this year: the earliest MIS_START (one not given counts as last, as the reference's).
                    var first = now.MinBy(m => Has(m.Table.MisStart[m.Row]) ? m.Table.MisStart[m.Row] : int.MaxValue);
                    var start = first.Table.MisStart[first.Row];
                    if (RowsOfYear(c, tables, child, year - 1).Exists(m => !Has(m.Table.MisEnd[m.Row]) && Has(m.Table.MisStart[m.Row]) && m.Table.MisStart[m.Row] != start))
                    {
                        c.Report(r, first.Source, "MIS_START", Has(start) ? c.Date(start) : null);
                    }
                }
            }
        }), MissingRows);

        // 199, 1000: over the episodes of this year's and last year's returns together, as the reference's note on each says.
        Across(Add("199", Severity.Error, "An earlier episode of the child, this year or last, ended in adoption (REC E11 or E12): the child was adopted from care before", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var adopted = c.Codes.SetOf("E11", "E12");
            var tables = EpisodeTables(c.Data);
            var years = YearsWithLastYear(c.Data);
            for (var child = 0; child < c.Data.Children.Count; child++)
            {
                // Most children were never adopted: one look at their episodes, before any year's rows are gathered.
                if (years.Count == 0 || !AnyEpisodeEnded(tables, child, adopted))
                {
                    continue;
                }

                foreach (var year in years)
                {
                    // The child's first adoption in either return (the earliest DECOM of an episode ending E11 or E12).
                    var adoption = int.MaxValue;
                    foreach (var e in RowsOfYear(c, tables, child, year).Concat(RowsOfYear(c, tables, child, year - 1)))
                    {
                        if (adopted.Contains(e.Table.Rec[e.Row]) && Has(e.Table.Decom[e.Row]))
                        {
                            adoption = Math.Min(adoption, e.Table.Decom[e.Row]);
                        }
                    }

                    foreach (var e in adoption == int.MaxValue ? [] : RowsOfYear(c, tables, child, year))
                    {
                        if (Has(e.Table.Decom[e.Row]) && e.Table.Decom[e.Row] > adoption)
                        {
                            c.ReportDate(r, e.Source, "DECOM", e.Table.Decom[e.Row]);
                        }
                    }
                }
            }
        }, "CHILD", "REC"), EpisodeRows);
        Across(Add("1000", Severity.Error, "The child died in care (an episode this year or last ending REC E2), so care leaver information (IN_TOUCH, ACTIV, ACCOM) should not be given", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var died = c.Codes.Find("E2");
            var diedSet = c.Codes.SetOf("E2");
            var tables = EpisodeTables(c.Data);
            var o = c.Data.Oc3;
            var withLastYear = YearsWithLastYear(c.Data);
            for (var i = 0; i < o.Count; i++)
            {
                // Few children died in care: one look at their episodes, before any year's rows are gathered.
                var year = c.FileYear(o.Source[i]);
                if (year > 0 && withLastYear.Contains(year) && AnyEpisodeEnded(tables, o.Child[i], diedSet)
                    && (RowsOfYear(c, tables, o.Child[i], year).Exists(e => e.Table.Rec[e.Row] == died) || RowsOfYear(c, tables, o.Child[i], year - 1).Exists(e => e.Table.Rec[e.Row] == died)))
                {
                    c.ReportCode(r, o.Source[i], "IN_TOUCH", o.InTouch[i]);
                }
            }
        }), Oc3Rows);

        // 1010: a care leaver's OC3 row against the child's episodes in this year's and last year's returns.
        Across(Add("1010", Severity.Error, "Care leaver information (IN_TOUCH, ACTIV, ACCOM) is given, and last year's return ended with the child in an open episode, but this year's has no episode for the child", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            var withLastYear = YearsWithLastYear(c.Data);
            for (var i = 0; i < o.Count; i++)
            {
                var year = c.FileYear(o.Source[i]);
                if (withLastYear.Contains(year) && FirstOrLastEpisode(c, o.Child[i], year, first: true) is null
                    && FirstOrLastEpisode(c, o.Child[i], year - 1, first: false) is { } last && !Has(last.Table.Dec[last.Row]))
                {
                    c.ReportCode(r, o.Source[i], "IN_TOUCH", o.InTouch[i]);
                }
            }
        }), Oc3Rows);

        // 348, new in 2025/26: OC3 rows are kept per child and year (Ssda903Builder), so last year's is at hand.
        Across(Add("348", Severity.Error, "Last year's return said the care leaver had died (IN_TOUCH DIED), but this year's IN_TOUCH does not", "OC3", new CollectionYears(2026, null), [MethodImpl(Optimized)] (c, r) =>
        {
            var died = c.Codes.Find("DIED");
            var o = c.Data.Oc3;
            for (var i = 1; i < o.Count; i++)
            {
                var year = c.FileYear(o.Source[i]);
                for (var j = o.RowsOf(o.Child[i]).Start; j < i && year > 0; j++)
                {
                    if (c.FileYear(o.Source[j]) == year - 1 && o.InTouch[j] == died && o.InTouch[i] != died)
                    {
                        c.ReportCode(r, o.Source[i], "IN_TOUCH", o.InTouch[i]);
                        break;
                    }
                }
            }
        }), Oc3Rows);
    }

    private static ReadOnlySpan<SourceLocation> Oc3Rows(Ssda903Data data) => data.Oc3.Source;

    private static ReadOnlySpan<SourceLocation> PlacedAdoptionRows(Ssda903Data data) => data.PlacedAdoption.Source;

    private static ReadOnlySpan<SourceLocation> MissingRows(Ssda903Data data) => data.Missing.Source;

    /// <summary>A row of last year's or this year's return in a table: one the merge kept, or one it replaced.</summary>
    private readonly record struct RowAt<TTable>(TTable Table, int Row)
        where TTable : RecordTable
    {
        public SourceLocation Source => Table.Source[Row];
    }

    // The child's rows in the return of the year, as given (kept and replaced).
    /// <summary>Whether the child has no row in any of <paramref name="tables"/> (kept or replaced), of any year.</summary>
    [MethodImpl(Optimized)]
    private static bool NoRows<TTable>(TTable[] tables, int child)
        where TTable : RecordTable
    {
        foreach (var table in tables)
        {
            if (!table.RowsOf(child).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private static List<RowAt<TTable>> RowsOfYear<TTable>(Context c, TTable[] tables, int child, int year)
        where TTable : RecordTable
    {
        var found = new List<RowAt<TTable>>();
        foreach (var table in tables)
        {
            var rows = table.RowsOf(child);
            for (var i = rows.Start; i < rows.End; i++)
            {
                if (c.FileYear(table.Source[i]) == year)
                {
                    found.Add(new RowAt<TTable>(table, i));
                }
            }
        }

        return found;
    }

    // Whether last year's decision to place for adoption had ended: DATE_PLACED_CEASED or REASON_PLACED_CEASED given.
    private static bool Ended(RowAt<Ssda903PlacedAdoption> decision) =>
        Has(decision.Table.DatePlacedCeased[decision.Row]) || decision.Table.ReasonPlacedCeased[decision.Row] != CodeTable.Blank;

    /// <summary>
    /// Calls <paramref name="check"/> with each PlacedAdoption row of each year's return whose year before was given, with the
    /// child's rows in that one (perhaps none) and the row's year.
    /// </summary>
    [MethodImpl(Optimized)]
    private static void DecisionsAndLastYears(Context c, Action<RowAt<Ssda903PlacedAdoption>, List<RowAt<Ssda903PlacedAdoption>>, int> check)
    {
        Ssda903PlacedAdoption[] tables = c.Data.Replaced is { } replaced ? [c.Data.PlacedAdoption, replaced.PlacedAdoption] : [c.Data.PlacedAdoption];
        foreach (var year in YearsWithLastYear(c.Data))
        {
            for (var child = 0; child < c.Data.Children.Count; child++)
            {
                if (NoRows(tables, child))
                {
                    continue;
                }

                var now = RowsOfYear(c, tables, child, year);
                if (now.Count == 0)
                {
                    continue;
                }

                var last = RowsOfYear(c, tables, child, year - 1);
                foreach (var decision in now)
                {
                    check(decision, last, year);
                }
            }
        }
    }

    /// <summary>Whether any of the child's episodes, kept or replaced, ended with a reason in <paramref name="reasons"/>.</summary>
    [MethodImpl(Optimized)]
    private static bool AnyEpisodeEnded(Ssda903Episodes[] tables, int child, CodeSet reasons)
    {
        foreach (var table in tables)
        {
            var rows = table.RowsOf(child);
            for (var i = rows.Start; i < rows.End; i++)
            {
                if (reasons.Contains(table.Rec[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static Ssda903Episodes[] EpisodeTables(Ssda903Data data) =>
        data.Replaced is { } replaced ? [data.Episodes, replaced.Episodes] : [data.Episodes];

    /// <summary>A child's Header row in last year's or this year's return: a row the merge kept, or one it replaced.</summary>
    private readonly record struct HeaderAt(Ssda903Headers Table, int Row)
    {
        public SourceLocation Source => Table.Source[Row];
    }

    /// <summary>
    /// Calls <paramref name="check"/> with each child's Header in each year's return whose year before was given, and its Header in
    /// that one. The pairs are found once a validation and kept (<see cref="Context.HeadersAndLastYears"/>): a dozen rules ask.
    /// </summary>
    [MethodImpl(Optimized)]
    private static void HeaderAndLastYears(Context c, Action<HeaderAt, HeaderAt> check)
    {
        var pairs = c.HeadersAndLastYears ??= HeaderPairs(c);
        foreach (var (now, last) in pairs)
        {
            check(now, last);
        }
    }

    [MethodImpl(Optimized)]
    private static List<(HeaderAt Now, HeaderAt Last)> HeaderPairs(Context c)
    {
        var pairs = new List<(HeaderAt, HeaderAt)>();
        var years = YearsWithLastYear(c.Data);
        if (years.Count == 0)
        {
            return pairs;
        }

        // One pass over each child's Header rows finds its (first) row of every year, as HeaderOf would.
        Ssda903Headers[] tables = c.Data.Replaced is { } replaced ? [c.Data.Header, replaced.Header] : [c.Data.Header];
        var from = years[0] - 1;
        var span = years[^1] - from + 1;
        var ofYear = new HeaderAt?[span];
        for (var child = 0; child < c.Data.Children.Count; child++)
        {
            Array.Clear(ofYear);
            foreach (var h in tables)
            {
                var rows = h.RowsOf(child);
                for (var i = rows.Start; i < rows.End; i++)
                {
                    var slot = c.FileYear(h.Source[i]) - from;
                    if ((uint)slot < (uint)span && ofYear[slot] is null)
                    {
                        ofYear[slot] = new HeaderAt(h, i);
                    }
                }
            }

            foreach (var year in years)
            {
                if (ofYear[year - from] is { } now && ofYear[year - 1 - from] is { } last)
                {
                    pairs.Add((now, last));
                }
            }
        }

        return pairs;
    }

    // 503A, 503B ...: the column of this year's first episode is that of the episode open at the end of last year's return.
    private static void SameAsLastYear(string id, string what, string column, Func<Ssda903Episodes, ReadOnlySpan<int>> values) =>
        Across(Add(id, Severity.Error, $"This year's first episode's {what} is not that of the episode open at the end of last year's return", "Episodes", [MethodImpl(Optimized)] (c, r) =>
            CarriedOver(c, everyOpenEpisode: false, (now, last) =>
            {
                var value = values(now.Table)[now.Row];
                if (value != values(last.Table)[last.Row])
                {
                    c.ReportCode(r, now.Source, column, value);
                }
            })), EpisodeRows);

    private static ValidationRule Across(ValidationRule rule, RowsOfTable rows)
    {
        AcrossYears.Add((rule, rows));
        return rule;
    }

    /// <summary>Whether the rule <paramref name="id"/> compares a return with last year's (and is not run without it).</summary>
    internal static bool ComparesWithLastYear(string id) => id == "205B" || AcrossYears.Exists(a => a.Rule.Id == id);

    // 503H, 452: the placement's council (PL_LA) changed from last year's open episode; both unknown is no change, as the DfE's blank PL_LA.
    [MethodImpl(Optimized)]
    private static void CouncilChanged(Context c, ValidationRule r, bool sameRne) =>
        CarriedOver(c, everyOpenEpisode: false, (now, last) =>
        {
            if ((!sameRne || now.Table.Rne[now.Row] == last.Table.Rne[last.Row])
                && !string.Equals(c.PlacementLaOf(now.Table.PlPost[now.Row]), c.PlacementLaOf(last.Table.PlPost[last.Row]), StringComparison.OrdinalIgnoreCase))
            {
                c.ReportCode(r, now.Source, "PL_POST", now.Table.PlPost[now.Row]);
            }
        });

    // 503G, 453: the distance from home (PL_DISTANCE, miles to one decimal place as the DfE gives it) changed by 0.2 or more from
    // last year's open episode, or is known now and was not.
    [MethodImpl(Optimized)]
    private static void DistanceChanged(Context c, ValidationRule r, bool sameRne)
    {
        double? Distance(EpisodeAt e) =>
            c.PlaceOf(e.Table.HomePost[e.Row]) is { } home && c.PlaceOf(e.Table.PlPost[e.Row]) is { } placed ? PostcodePlace.PlDistance(home, placed) : null;
        CarriedOver(c, everyOpenEpisode: false, (now, last) =>
        {
            if (sameRne && now.Table.Rne[now.Row] != last.Table.Rne[last.Row])
            {
                return;
            }

            var (distance, before) = (Distance(now), Distance(last));
            if (distance is { } d && (before is not { } b || Math.Abs(d - b) >= 0.2 - 1e-9))
            {
                c.ReportCode(r, now.Source, "PL_POST", now.Table.PlPost[now.Row]);
            }
        });
    }

    /// <summary>An episode of last year's or this year's return: a row of the episodes the merge kept, or of those it replaced.</summary>
    private readonly record struct EpisodeAt(Ssda903Episodes Table, int Row)
    {
        public SourceLocation Source => Table.Source[Row];
    }

    /// <summary>
    /// Calls <paramref name="check"/> with each child's first episode (earliest DECOM) in each year's return whose year before
    /// was given, and the latest episode of that year's return, when it has no DEC; with <paramref name="everyOpenEpisode"/>,
    /// with each episode of last year's return that has no DEC instead (502: any episode left open). The pairs are found once
    /// a validation and kept (<see cref="Context.EpisodesCarriedOver"/>): some twenty rules ask.
    /// </summary>
    [MethodImpl(Optimized)]
    private static void CarriedOver(Context c, bool everyOpenEpisode, Action<EpisodeAt, EpisodeAt> check)
    {
        var pairs = c.EpisodesCarriedOver[everyOpenEpisode ? 1 : 0] ??= CarriedOverPairs(c, everyOpenEpisode);
        foreach (var (now, last) in pairs)
        {
            check(now, last);
        }
    }

    [MethodImpl(Optimized)]
    private static List<(EpisodeAt Now, EpisodeAt Last)> CarriedOverPairs(Context c, bool everyOpenEpisode)
    {
        var pairs = new List<(EpisodeAt, EpisodeAt)>();
        var years = YearsWithLastYear(c.Data);
        if (years.Count == 0)
        {
            return pairs;
        }

        var tables = EpisodeTables(c.Data);
        for (var child = 0; child < c.Data.Children.Count; child++)
        {
            foreach (var year in years)
            {
                if (FirstOrLastEpisode(c, child, year, first: true) is not { } now)
                {
                    continue;
                }

                if (!everyOpenEpisode)
                {
                    if (FirstOrLastEpisode(c, child, year - 1, first: false) is { } last && !Has(last.Table.Dec[last.Row]))
                    {
                        pairs.Add((now, last));
                    }

                    continue;
                }

                foreach (var e in tables)
                {
                    var rows = e.RowsOf(child);
                    for (var i = rows.Start; i < rows.End; i++)
                    {
                        if (c.FileYear(e.Source[i]) == year - 1 && Has(e.Decom[i]) && !Has(e.Dec[i]))
                        {
                            pairs.Add((now, new EpisodeAt(e, i)));
                        }
                    }
                }
            }
        }

        return pairs;
    }

    // The child's episode with the earliest (first) or latest DECOM in the return of the year, as given; null when it has none.
    private static EpisodeAt? FirstOrLastEpisode(Context c, int child, int year, bool first) =>
        (c.EpisodeYears ??= new EpisodesOfYears(c)).Of(child, year, first);

    /// <summary>
    /// Each child's episode with the earliest and the one with the latest DECOM in the return of each collection year given, kept or
    /// replaced (<see cref="FirstOrLastEpisode"/>'s answers), found once a validation in one pass over each child's rows: the rules
    /// across years ask for them child by child and year by year.
    /// </summary>
    private sealed class EpisodesOfYears
    {
        private readonly int _from;
        private readonly int _span;
        private readonly EpisodeAt?[] _first;
        private readonly EpisodeAt?[] _latest;

        [MethodImpl(Optimized)]
        public EpisodesOfYears(Context c)
        {
            var years = c.Data.Files.Select(f => f.CollectionYear).Where(y => y > 0).ToList();
            _from = years.Count == 0 ? 0 : years.Min();
            _span = years.Count == 0 ? 0 : years.Max() - _from + 1;
            var children = c.Data.Children.Count;
            _first = new EpisodeAt?[children * _span];
            _latest = new EpisodeAt?[children * _span];
            foreach (var e in EpisodeTables(c.Data))
            {
                for (var child = 0; child < children; child++)
                {
                    var rows = e.RowsOf(child);
                    for (var i = rows.Start; i < rows.End; i++)
                    {
                        var slot = c.FileYear(e.Source[i]) - _from;
                        if ((uint)slot >= (uint)_span || !Has(e.Decom[i]))
                        {
                            continue;
                        }

                        // Rows are in DECOM order within a table; between the kept and the replaced, the earlier table wins a tie for
                        // the first, the later one for the latest.
                        var at = (child * _span) + slot;
                        if (_first[at] is not { } earliest || e.Decom[i] < earliest.Table.Decom[earliest.Row])
                        {
                            _first[at] = new EpisodeAt(e, i);
                        }

                        if (_latest[at] is not { } last || e.Decom[i] >= last.Table.Decom[last.Row])
                        {
                            _latest[at] = new EpisodeAt(e, i);
                        }
                    }
                }
            }
        }

        public EpisodeAt? Of(int child, int year, bool first) =>
            (uint)(year - _from) < (uint)_span ? (first ? _first : _latest)[(child * _span) + year - _from] : null;
    }

    // The collection years of the files given whose year before was given too: the years the rules across years run for.
    private static List<int> YearsWithLastYear(Ssda903Data data)
    {
        var years = data.Files.Select(f => f.CollectionYear).Where(y => y > 0).ToHashSet();
        return [.. years.Where(y => years.Contains(y - 1)).Order()];
    }

    // The rules across years not run: each for every year of its own that its table has rows in (kept or replaced) whose year
    // before was not given.
    private static IEnumerable<RuleNotRun> AcrossYearsNotRun(Ssda903Data data, HashSet<int> years)
    {
        foreach (var (rule, rows) in AcrossYears)
        {
            var withRows = YearsOf(data, rows(data));
            if (data.Replaced is { } replaced)
            {
                withRows.UnionWith(YearsOf(data, rows(replaced)));
            }

            foreach (var year in withRows.Where(y => rule.Years.Contains(y) && !years.Contains(y - 1)))
            {
                yield return new RuleNotRun(data.CouncilCode, rule, year, $"it compares the {rule.Table} table with last year's, and no {new CollectionYears(year - 1, year - 1)} return was given");
            }
        }
    }
}
