using System.Runtime.CompilerServices;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Reference;
using Lodestar.Metrics.Records;
using static Lodestar.Formats.Validation.ValidationContext;

namespace Lodestar.Formats.Validation;

/// <summary>
/// The SSDA903 data-quality rules. Rule ids are the DfE's 903 validation rule numbers where the DfE
/// has one; Lodestar's own checks start "LS-". Checks that need the collection year are skipped for
/// rows whose year is unknown. Reading problems (dates and numbers that cannot be read, blank CHILD,
/// unknown columns) are reported by the readers under their own ids (DATE-FORMAT, DATE-IMPOSSIBLE …).
/// </summary>
internal static partial class Ssda903Validator
{
    private const string Return = "903";

    // Placements that have no provider: temporary moves and, to 2024/25, Z1 (from 2025/26 split into Z11-Z14).
    private static readonly string[] NoProvider = ["T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14"];
    private static readonly List<(ValidationRule Rule, Action<Context, ValidationRule> Run)> Checks = [];

    // The fields of the rules whose message names none (it says "the episode", "date of birth", "SDQ score" ...).
    private static readonly Dictionary<string, string[]> FieldsNotNamed = new(StringComparer.Ordinal)
    {
        ["LS-HEADER-TWICE"] = ["CHILD"],
        ["378"] = ["PLACE", "LS"],
        ["302"] = ["DECOM", "DOB"],
        ["358"] = ["LS", "DOB", "DECOM"],
        ["352"] = ["DECOM", "DOB"],
        ["501"] = ["DECOM", "DEC"],
        ["380"] = ["PLACE", "RNE"],
        ["379"] = ["PLACE", "DECOM", "DEC"],
        ["351"] = ["DOB"],
        ["LS-REVIEW-OUTSIDE-CARE"] = ["REVIEW", "DECOM", "DEC"],
        ["188"] = ["SDQ_SCORE", "SDQ_REASON", "DOB"],
        ["189"] = ["SDQ_SCORE", "SDQ_REASON", "DOB"],
        ["1016"] = ["IN_TOUCH", "ACTIV", "ACCOM", "DOB", "DEC"],
        ["574"] = ["MIS_START", "MIS_END"],
        ["LS-NO-HEADER"] = ["CHILD"],
    };

    // LA_PERM (633): the LA number of any English council, current or former (CouncilList), and the codes for the other countries
    // of the UK and for outside it, with 999 as the reference's list of the DfE's codes has it.
    private static readonly HashSet<string> LaPermCodes = [.. CouncilList.All.Select(c => c.LaNumber), "WAL", "SCO", "NIR", "NUK", "999"];

    // Why a rule cannot run with the reference lists given (null: it can), for the rules that need a list (each version of an id).
    private static readonly Dictionary<ValidationRule, Func<ValidationReferences, Ssda903Data, string?>> Needs = [];

    // The SWEpisodes table is part of the return from 2023/24.
    private static readonly CollectionYears SocialWorkerYears = new(2024, null);

    static Ssda903Validator()
    {
        // Header
        Add("101", Severity.Error, "SEX is not a valid code for the collection year (1 or 2 to 2023/24; M, F or U from 2024/25) or is blank", "Header",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Header, t => t.Sex, "SEX", CodeLists.Sex, required: true));
        Add("102", Severity.Error, "DOB is blank", "Header",
            [MethodImpl(Optimized)] (c, r) => c.CheckRequiredDates(r, c.Data.Header, t => t.Dob, "DOB"));
        Add("103", Severity.Error, "ETHNIC is not a valid ethnicity code or is blank", "Header",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Header, t => t.Ethnic, "ETHNIC", CodeLists.Ethnic, required: true));
        Add("165", Severity.Error, "MOTHER is not a valid code (0 or 1), is given for a boy, or is blank for a girl looked after in the year", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            c.CheckCodes(r, c.Data.Header, t => t.Mother, "MOTHER", CodeLists.ZeroOne, required: false);
            var h = c.Data.Header;
            var e = c.Data.Episodes;
            var male = c.Codes.SetOf("1", "M");
            var female = c.Codes.SetOf("2", "F");
            var shortBreaks = c.Codes.SetOf("V3", "V4");
            for (var i = 0; i < h.Count; i++)
            {
                if (h.Mother[i] != CodeTable.Blank && male.Contains(h.Sex[i]))
                {
                    c.ReportCode(r, h.Source[i], "MOTHER", h.Mother[i]);
                    continue;
                }

                var year = c.Year(h.Source[i]);
                if (h.Mother[i] != CodeTable.Blank || !female.Contains(h.Sex[i]) || year <= 0)
                {
                    continue;
                }

                // As the DfE's rule: only a girl with an episode (other than short breaks) open in the year needs MOTHER.
                var rows = e.RowsOf(h.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (!shortBreaks.Contains(e.Ls[j]) && Has(e.Decom[j]) && e.Decom[j] <= YearEnd(year)
                        && (!Has(e.Dec[j]) || e.Dec[j] >= YearStart(year)))
                    {
                        c.Report(r, h.Source[i], "MOTHER", null);
                        break;
                    }
                }
            }
        });
        Add("301", Severity.Error, "DOB is after the end of the collection year", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            for (var i = 0; i < h.Count; i++)
            {
                var year = c.Year(h.Source[i]);
                if (year > 0 && Has(h.Dob[i]) && h.Dob[i] > YearEnd(year))
                {
                    c.ReportDate(r, h.Source[i], "DOB", h.Dob[i]);
                }
            }
        });
        Add("611", Severity.Error, "MOTHER says the child is a mother (1) but MC_DOB is blank", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var one = c.Codes.Find("1");
            for (var i = 0; i < h.Count; i++)
            {
                if (h.Mother[i] == one && h.McDob[i] == RecordValues.Blank)
                {
                    c.ReportCode(r, h.Source[i], "MOTHER", h.Mother[i]);
                }
            }
        });
        Add("612", Severity.Error, "MC_DOB is given but MOTHER does not say the child is a mother", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var one = c.Codes.Find("1");
            for (var i = 0; i < h.Count; i++)
            {
                if (Has(h.McDob[i]) && h.Mother[i] != one)
                {
                    c.ReportDate(r, h.Source[i], "MC_DOB", h.McDob[i]);
                }
            }
        });
        Add("174", Severity.Error, "MC_DOB is given but SEX says the child is male", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var male = c.Codes.SetOf("1", "M");
            for (var i = 0; i < h.Count; i++)
            {
                if (Has(h.McDob[i]) && male.Contains(h.Sex[i]))
                {
                    c.ReportDate(r, h.Source[i], "MC_DOB", h.McDob[i]);
                }
            }
        });
        Add("LS-MC-DOB-EARLY", Severity.Error, "MC_DOB is before the mother's 12th birthday", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            for (var i = 0; i < h.Count; i++)
            {
                if (Has(h.McDob[i]) && Has(h.Dob[i]) && h.McDob[i] < Birthday(h.Dob[i], 12))
                {
                    c.ReportDate(r, h.Source[i], "MC_DOB", h.McDob[i]);
                }
            }
        });
        Add("LS-HEADER-TWICE", Severity.Error, "The child has more than one Header row in the same return", "Header",
            [MethodImpl(Optimized)] (c, r) => c.Duplicates(r, c.Data.Header, null, "CHILD"));

        // Episodes: codes and required fields
        Add("141", Severity.Error, "DECOM is blank", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.CheckRequiredDates(r, c.Data.Episodes, t => t.Decom, "DECOM"));
        Add("143", Severity.Error, "RNE is not a valid reason for new episode or is blank", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Episodes, t => t.Rne, "RNE", CodeLists.Rne, required: true));
        Add("144", Severity.Error, "LS is not a valid legal status or is blank", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Episodes, t => t.Ls, "LS", CodeLists.LegalStatus, required: true));
        Add("145", Severity.Error, "CIN is not a valid category of need or is blank", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Episodes, t => t.Cin, "CIN", CodeLists.CategoryOfNeed, required: true));
        Add("146", Severity.Error, "PLACE is not a valid placement type for the collection year or is blank", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Episodes, t => t.Place, "PLACE", CodeLists.Place, required: true));
        Add("149", Severity.Error, "REC is not a valid reason episode ceased", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Episodes, t => t.Rec, "REC", CodeLists.Rec, required: false));
        Add("178", Severity.Error, "PLACE_PROVIDER is not a valid placement provider, or is given for a placement that has none (T0-T4, Z1, Z11-Z14)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            c.CheckCodes(r, c.Data.Episodes, t => t.PlaceProvider, "PLACE_PROVIDER", CodeLists.PlaceProvider, required: false);
            var e = c.Data.Episodes;
            var none = c.Codes.SetOf(NoProvider);
            for (var i = 0; i < e.Count; i++)
            {
                if (e.PlaceProvider[i] != CodeTable.Blank && none.Contains(e.Place[i]))
                {
                    c.ReportCode(r, e.Source[i], "PLACE_PROVIDER", e.PlaceProvider[i]);
                }
            }
        });
        Add("1009", Severity.Error, "REASON_PLACE_CHANGE is not a valid reason for placement change", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Episodes, t => t.ReasonPlaceChange, "REASON_PLACE_CHANGE", CodeLists.ReasonPlaceChange, required: false));
        Add("148", Severity.Error, "DEC and REC should both be given or both be blank", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (Has(e.Dec[i]) && e.Rec[i] == CodeTable.Blank)
                {
                    c.ReportDate(r, e.Source[i], "DEC", e.Dec[i]);
                }
                else if (e.Rec[i] != CodeTable.Blank && e.Dec[i] == RecordValues.Blank)
                {
                    c.ReportCode(r, e.Source[i], "REC", e.Rec[i]);
                }
            }
        });
        // Retired by the DfE from 2024/25 (the reference's lac2024_25 drops it).
        Add("451", Severity.Error, "LS is D1 (freed for adoption) on an episode still open, but freeing orders could not be applied for since 30 December 2005", "Episodes", new CollectionYears(null, 2024), [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var d1 = c.Codes.Find("D1");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Ls[i] == d1 && e.Dec[i] == RecordValues.Blank && e.Rec[i] == CodeTable.Blank)
                {
                    c.ReportCode(r, e.Source[i], "LS", e.Ls[i]);
                }
            }
        }, "DEC", "REC");
        Add("526", Severity.Error, "PLACE_PROVIDER is blank (it is needed for every placement except temporary moves T0-T4 and Z1, Z11-Z14)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var temporary = c.Codes.SetOf(NoProvider);
            for (var i = 0; i < e.Count; i++)
            {
                if (e.PlaceProvider[i] == CodeTable.Blank && e.Place[i] != CodeTable.Blank && !temporary.Contains(e.Place[i]))
                {
                    c.ReportCode(r, e.Source[i], "PLACE", e.Place[i]);
                }
            }
        });
        Add("530", Severity.Error, "PLACE_PROVIDER PR4 (private) cannot go with placement P1 (with parents)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.Pair(r, "PR4", "P1"));
        Add("531", Severity.Error, "PLACE_PROVIDER PR5 (voluntary) cannot go with placement P1 (with parents)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.Pair(r, "PR5", "P1"));
        Add("550", Severity.Error, "PLACE_PROVIDER PR0 (parents) can only go with placement P1 (with parents)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var pr0 = c.Codes.Find("PR0");
            var p1 = c.Codes.Find("P1");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.PlaceProvider[i] == pr0 && e.Place[i] != p1)
                {
                    c.ReportCode(r, e.Source[i], "PLACE", e.Place[i]);
                }
            }
        });
        Add("378", Severity.Error, "A child placed with parents (P1) cannot be looked after under a single period of accommodation (V2)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var p1 = c.Codes.Find("P1");
            var v2 = c.Codes.Find("V2");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Place[i] == p1 && e.Ls[i] == v2)
                {
                    c.ReportCode(r, e.Source[i], "LS", e.Ls[i]);
                }
            }
        });
        // Retired by the DfE from 2024/25 (the reference's lac2024_25 drops it).
        Add("445", Severity.Error, "LS D1 (freeing order) is not valid for an episode starting after 31/12/2005", "Episodes", new CollectionYears(null, 2024),
            [MethodImpl(Optimized)] (c, r) => c.LegalStatusDated(r, "D1", new DateOnly(2005, 12, 31), after: true));
        Add("446", Severity.Error, "LS E1 (placement order) is not valid for an episode starting before 01/12/2005", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.LegalStatusDated(r, "E1", new DateOnly(2005, 12, 1), after: false));

        // Episodes: dates against the year and the child
        Add("356", Severity.Error, "DEC is before DECOM", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.Episodes, t => t.Decom, t => t.Dec, "DEC"));
        Add("354", Severity.Error, "DEC is after the end of the collection year", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                var year = c.Year(e.Source[i]);
                if (year > 0 && Has(e.Dec[i]) && e.Dec[i] > YearEnd(year))
                {
                    c.ReportDate(r, e.Source[i], "DEC", e.Dec[i]);
                }
            }
        });
        Add("LS-DECOM-LATE", Severity.Error, "DECOM is after the end of the collection year", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                var year = c.Year(e.Source[i]);
                if (year > 0 && Has(e.Decom[i]) && e.Decom[i] > YearEnd(year))
                {
                    c.ReportDate(r, e.Source[i], "DECOM", e.Decom[i]);
                }
            }
        });
        Add("302", Severity.Error, "The episode starts before the child's date of birth", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                var dob = c.Dob[e.Child[i]];
                if (Has(dob) && Has(e.Decom[i]) && e.Decom[i] < dob)
                {
                    c.ReportDate(r, e.Source[i], "DECOM", e.Decom[i]);
                }
            }
        });
        Add("355", Severity.Warning, "The episode appears to have lasted less than a day (DEC equals DECOM) and did not end with X1", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var x1 = c.Codes.Find("X1");
            for (var i = 0; i < e.Count; i++)
            {
                if (Has(e.Decom[i]) && e.Dec[i] == e.Decom[i] && e.Rec[i] != x1)
                {
                    c.ReportDate(r, e.Source[i], "DEC", e.Dec[i]);
                }
            }
        });
        Add("358", Severity.Error, "A child under 10 cannot have legal status J1, J2 or J3", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var youth = c.Codes.SetOf("J1", "J2", "J3");
            for (var i = 0; i < e.Count; i++)
            {
                var dob = c.Dob[e.Child[i]];
                if (youth.Contains(e.Ls[i]) && Has(dob) && Has(e.Decom[i]) && Age(dob, e.Decom[i]) < 10)
                {
                    c.ReportCode(r, e.Source[i], "LS", e.Ls[i]);
                }
            }
        });
        Add("352", Severity.Error, "The child started to be looked after aged 18 or over", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var s = c.Codes.Find("S");
            for (var i = 0; i < e.Count; i++)
            {
                var dob = c.Dob[e.Child[i]];
                if (e.Rne[i] == s && Has(dob) && Has(e.Decom[i]) && Age(dob, e.Decom[i]) >= 18)
                {
                    c.ReportDate(r, e.Source[i], "DECOM", e.Decom[i]);
                }
            }
        });
        Add("386", Severity.Error, "The child was adopted (REC E11/E12) at 18 or over", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.AgeAtCeasing(r, ["E11", "E12"], age => age >= 18));
        Add("387", Severity.Error, "The child moved to independent living (REC E5/E6) aged under 14", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.AgeAtCeasing(r, ["E5", "E6"], age => age < 14));
        Add("389", Severity.Error, "The child moved to adult social care (REC E7) aged under 16", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.AgeAtCeasing(r, ["E7"], age => age < 16));

        // Episodes: chronology within a child's history
        Add("501", Severity.Error, "The episode starts before the previous episode ended (episodes overlap)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.Consecutive((prev, next) =>
            {
                var e = c.Data.Episodes;
                if (Has(e.Dec[prev]) && Has(e.Decom[next]) && e.Decom[next] < e.Dec[prev])
                {
                    c.ReportDate(r, e.Source[next], "DECOM", e.Decom[next]);
                }
            }));
        Add("142", Severity.Error, "A later episode has started but this episode has no DEC", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.Consecutive((prev, next) =>
            {
                var e = c.Data.Episodes;
                if (e.Dec[prev] == RecordValues.Blank && Has(e.Decom[next]))
                {
                    c.Report(r, e.Source[prev], "DEC", null);
                }
            }));
        Add("388", Severity.Error, "REC is X1 but no episode starts on DEC, or REC is not X1 but the next episode starts on DEC", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var x1 = c.Codes.Find("X1");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Rec[i] == CodeTable.Blank || !Has(e.Dec[i]))
                {
                    continue;
                }

                var next = i + 1 < e.ChildOffsets[e.Child[i] + 1] ? i + 1 : -1;
                var continues = next >= 0 && e.Decom[next] == e.Dec[i];
                if ((e.Rec[i] == x1) != continues)
                {
                    c.ReportCode(r, e.Source[i], "REC", e.Rec[i]);
                }
            }
        });
        Add("433", Severity.Error, "RNE says this episode continues the previous one, but it does not start the day the previous one ended", "Episodes",
            [MethodImpl(Optimized)] (c, r) =>
            {
                var continuation = c.Codes.SetOf("L", "P", "T", "B", "U");
                c.Consecutive((prev, next) =>
                {
                    var e = c.Data.Episodes;
                    if (continuation.Contains(e.Rne[next]) && Has(e.Dec[prev]) && Has(e.Decom[next]) && e.Decom[next] != e.Dec[prev])
                    {
                        c.ReportCode(r, e.Source[next], "RNE", e.Rne[next]);
                    }
                });
            });
        Add("431", Severity.Error, "RNE is S (started to be looked after) but the previous episode ended the same day", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var s = c.Codes.Find("S");
            c.Consecutive((prev, next) =>
            {
                var e = c.Data.Episodes;
                if (e.Rne[next] == s && Has(e.Decom[next]) && e.Dec[prev] == e.Decom[next])
                {
                    c.ReportCode(r, e.Source[next], "RNE", e.Rne[next]);
                }
            });
        });
        Add("432", Severity.Error, "The previous episode ended the child's care (REC other than X1) but RNE is not S", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var s = c.Codes.Find("S");
            var x1 = c.Codes.Find("X1");
            c.Consecutive((prev, next) =>
            {
                var e = c.Data.Episodes;
                if (e.Rec[prev] != CodeTable.Blank && e.Rec[prev] != x1 && e.Rne[next] != s && e.Rne[next] != CodeTable.Blank)
                {
                    c.ReportCode(r, e.Source[next], "RNE", e.Rne[next]);
                }
            });
        });
        Add("357", Severity.Error, "The child's first episode starts in the collection year but RNE is not S", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var s = c.Codes.Find("S");
            for (var child = 0; child < c.Data.Children.Count; child++)
            {
                var rows = e.RowsOf(child);
                if (rows.IsEmpty)
                {
                    continue;
                }

                var i = rows.Start;
                var year = c.Year(e.Source[i]);
                if (year > 0 && Has(e.Decom[i]) && e.Decom[i] >= YearStart(year) && e.Rne[i] != s && e.Rne[i] != CodeTable.Blank)
                {
                    c.ReportCode(r, e.Source[i], "RNE", e.Rne[i]);
                }
            }
        });
        Add("434", Severity.Error, "RNE is L (legal status changed, same placement) but the legal status is unchanged or the placement changed", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var l = c.Codes.Find("L");
            c.Consecutive((prev, next) =>
            {
                var e = c.Data.Episodes;
                if (e.Rne[next] == l && (e.Ls[next] == e.Ls[prev] || !c.SamePlace(e.Place[next], e.Place[prev])))
                {
                    c.ReportCode(r, e.Source[next], "RNE", e.Rne[next]);
                }
            });
        });
        Add("436", Severity.Error, "RNE is B or U (legal status and placement changed) but the legal status is unchanged, or the placement is (same PLACE, PL_POST, URN and PLACE_PROVIDER)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var both = c.Codes.SetOf("B", "U");
            c.Consecutive((prev, next) =>
            {
                var e = c.Data.Episodes;
                var samePlacement = e.Place[next] == e.Place[prev] && e.PlPost[next] == e.PlPost[prev]
                    && e.Urn[next] == e.Urn[prev] && e.PlaceProvider[next] == e.PlaceProvider[prev];
                if (both.Contains(e.Rne[next]) && (e.Ls[next] == e.Ls[prev] || samePlacement))
                {
                    c.ReportCode(r, e.Source[next], "RNE", e.Rne[next]);
                }
            });
        });
        Add("435", Severity.Error, "RNE is P or T (placement changed, same legal status) but the legal status changed, or the placement is the same (same PLACE, PL_POST, URN and PLACE_PROVIDER)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var placementOnly = c.Codes.SetOf("P", "T");
            c.Consecutive((prev, next) =>
            {
                var e = c.Data.Episodes;
                var samePlacement = e.Place[next] == e.Place[prev] && e.PlPost[next] == e.PlPost[prev]
                    && e.Urn[next] == e.Urn[prev] && e.PlaceProvider[next] == e.PlaceProvider[prev];
                if (placementOnly.Contains(e.Rne[next]) && (e.Ls[next] != e.Ls[prev] || samePlacement))
                {
                    c.ReportCode(r, e.Source[next], "RNE", e.Rne[next]);
                }
            });
        });
        Add("336", Severity.Error, "PLACE is A3 or A5 (placed for adoption with the current foster carer) but the placement before was not a foster placement (A3-A6, U1-U6)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var withCarer = c.Codes.SetOf("A3", "A5");
            var foster = c.Codes.SetOf("A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6");
            c.Consecutive((prev, next) =>
            {
                var e = c.Data.Episodes;
                if (withCarer.Contains(e.Place[next]) && !foster.Contains(e.Place[prev]))
                {
                    c.ReportCode(r, e.Source[next], "PLACE", e.Place[next]);
                }
            });
        });
        Add("437", Severity.Error, "The episode ended with the child's death (REC E2) or an age assessment finding the young person an adult (E15) but the child has later episodes", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var final = c.Codes.SetOf("E2", "E15");
            c.Consecutive((prev, next) =>
            {
                var e = c.Data.Episodes;
                if (final.Contains(e.Rec[prev]))
                {
                    c.ReportCode(r, e.Source[prev], "REC", e.Rec[prev]);
                }
            });
        });
        // As the DfE's rule: a move into or out of a temporary placement (T0-T4) needs no reason.
        Add("225", Severity.Error, "REASON_PLACE_CHANGE is required: the episode ends with X1 and the next starts with a placement change (RNE P, B, T or U), neither being a temporary placement (T0-T4)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var x1 = c.Codes.Find("X1");
            var move = c.Codes.SetOf("P", "B", "T", "U");
            var temporary = c.Codes.SetOf("T0", "T1", "T2", "T3", "T4");
            c.Consecutive((prev, next) =>
            {
                var e = c.Data.Episodes;
                if (e.Rec[prev] == x1 && move.Contains(e.Rne[next]) && e.ReasonPlaceChange[prev] == CodeTable.Blank
                    && !temporary.Contains(e.Place[prev]) && !temporary.Contains(e.Place[next]))
                {
                    c.Report(r, e.Source[prev], "REASON_PLACE_CHANGE", null);
                }
            });
        });
        Add("226", Severity.Error, "REASON_PLACE_CHANGE must be blank for a temporary placement (T0-T4) and for the episode before it", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var temporary = c.Codes.SetOf("T0", "T1", "T2", "T3", "T4");
            for (var i = 0; i < e.Count; i++)
            {
                if (!temporary.Contains(e.Place[i]))
                {
                    continue;
                }

                if (e.ReasonPlaceChange[i] != CodeTable.Blank)
                {
                    c.ReportCode(r, e.Source[i], "REASON_PLACE_CHANGE", e.ReasonPlaceChange[i]);
                }

                if (i > e.ChildOffsets[e.Child[i]] && e.ReasonPlaceChange[i - 1] != CodeTable.Blank)
                {
                    c.ReportCode(r, e.Source[i - 1], "REASON_PLACE_CHANGE", e.ReasonPlaceChange[i - 1]);
                }
            }
        });
        Add("LS-RPC-NO-MOVE", Severity.Error, "REASON_PLACE_CHANGE must be blank: the episode is not followed by a placement change", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var x1 = c.Codes.Find("X1");
            var move = c.Codes.SetOf("P", "B", "T", "U");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.ReasonPlaceChange[i] == CodeTable.Blank)
                {
                    continue;
                }

                var hasNext = i + 1 < e.ChildOffsets[e.Child[i] + 1];
                var movesOn = e.Rec[i] == x1 && hasNext && move.Contains(e.Rne[i + 1]);
                if (!movesOn && !(e.Rec[i] == x1 && !hasNext))
                {
                    c.ReportCode(r, e.Source[i], "REASON_PLACE_CHANGE", e.ReasonPlaceChange[i]);
                }
            }
        });
        Add("362", Severity.Error, "An emergency protection order (LS L2) lasted longer than 21 days (one still open is counted to the end of the year)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.LegalStatusRun(r, "L2", 21));
        Add("363", Severity.Error, "A child assessment order (LS L3) lasted longer than 7 days (one still open is counted to the end of the year)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.LegalStatusRun(r, "L3", 7));
        Add("361", Severity.Error, "Police protection (LS L1) lasted longer than 72 hours (one still open is counted to the end of the year)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.LegalStatusRun(r, "L1", 3));
        Add("380", Severity.Error, "A period of care cannot start with a temporary placement (T0-T4)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var s = c.Codes.Find("S");
            var temporary = c.Codes.SetOf("T0", "T1", "T2", "T3", "T4");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Rne[i] == s && temporary.Contains(e.Place[i]))
                {
                    c.ReportCode(r, e.Source[i], "PLACE", e.Place[i]);
                }
            }
        });
        // The DfE's 383 asks for the same PL_POST too from 2025/26; before, RNE P and the same PLACE.
        Add("383", Severity.Warning, "After a temporary placement (T0-T4) the child should return (RNE P) to the placement held before it (same PLACE)", "Episodes",
            new CollectionYears(null, 2025), [MethodImpl(Optimized)] (c, r) => c.ReturnFromTemporary(r, samePostcode: false), "RNE");
        Add("383", Severity.Warning, "After a temporary placement (T0-T4) the child should return (RNE P) to the placement held before it (same PLACE and PL_POST)", "Episodes",
            new CollectionYears(2026, null), [MethodImpl(Optimized)] (c, r) => c.ReturnFromTemporary(r, samePostcode: true), "RNE");
        Add("527", Severity.Error, "PLACE_PROVIDER PR1 (own provision) cannot go with placements P1, R2 or R5", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.ProviderWith(r, "PR1", "P1", "R2", "R5"), "PLACE");
        Add("528", Severity.Error, "PLACE_PROVIDER PR2 (another council's provision) cannot go with placements P1, R2 or R5", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.ProviderWith(r, "PR2", "P1", "R2", "R5"), "PLACE");
        Add("529", Severity.Error, "PLACE_PROVIDER PR3 (another public body) cannot go with placements P1, A3-A6, K1, K2 or U1-U6", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.ProviderWith(r, "PR3", "P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"), "PLACE");
        // H5 dropped from the DfE's 222 list in 2023/24.
        Add("222", Severity.Error, "URN should not be given for this placement type (H5, P1, P2, P3, R1, R2, R5, T0-T4 or Z1)", "Episodes", new CollectionYears(null, 2023),
            [MethodImpl(Optimized)] (c, r) => c.UrnNotExpected(r, "H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"), "PLACE");
        Add("222", Severity.Error, "URN should not be given for this placement type (P1, P2, P3, R1, R2, R5, T0-T4, Z1 or Z11-Z14)", "Episodes", new CollectionYears(2024, null),
            [MethodImpl(Optimized)] (c, r) => c.UrnNotExpected(r, "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14"), "PLACE");
        Add("217", Severity.Error, "A placement for adoption with the current foster carers (PLACE A3 or A5) starting on or after 1 April 2015 must start with RNE S, T or U", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var fosterAdoption = c.Codes.SetOf("A3", "A5");
            var allowed = c.Codes.SetOf("S", "T", "U");
            var from = new DateOnly(2015, 4, 1).DayNumber;
            for (var i = 0; i < e.Count; i++)
            {
                if (fosterAdoption.Contains(e.Place[i]) && Has(e.Decom[i]) && e.Decom[i] >= from && e.Rne[i] != CodeTable.Blank && !allowed.Contains(e.Rne[i]))
                {
                    c.ReportCode(r, e.Source[i], "RNE", e.Rne[i]);
                }
            }
        }, "DECOM");
        Add("426", Severity.Error, "A child on respite care cannot have both LS V3 and LS V4 episodes in the same year", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var v3 = c.Codes.Find("V3");
            var v4 = c.Codes.Find("V4");
            for (var child = 0; child + 1 < e.ChildOffsets.Length; child++)
            {
                bool hasV3 = false, hasV4 = false;
                for (var i = e.ChildOffsets[child]; i < e.ChildOffsets[child + 1]; i++)
                {
                    hasV3 |= e.Ls[i] == v3;
                    hasV4 |= e.Ls[i] == v4;
                }

                if (hasV3 && hasV4)
                {
                    for (var i = e.ChildOffsets[child]; i < e.ChildOffsets[child + 1]; i++)
                    {
                        if (e.Ls[i] == v3 || e.Ls[i] == v4)
                        {
                            c.ReportCode(r, e.Source[i], "LS", e.Ls[i]);
                        }
                    }
                }
            }
        });
        Add("504", Severity.Error, "CIN (category of need) differs from the previous episode's within the same period of care (the previous episode ended X1 the day this one started)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var x1 = c.Codes.Find("X1");
            c.Consecutive((previous, next) =>
            {
                if (e.Rec[previous] == x1 && Has(e.Dec[previous]) && e.Dec[previous] == e.Decom[next] && e.Cin[next] != e.Cin[previous])
                {
                    c.ReportCode(r, e.Source[next], "CIN", e.Cin[next]);
                }
            });
        });
        // New in the DfE's 2025/26 rules.
        Add("233", Severity.Error, "REASON_PLACE_CHANGE is given but the episode has not ended (DEC is blank)", "Episodes", new CollectionYears(2026, null), [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (e.ReasonPlaceChange[i] != CodeTable.Blank && e.Dec[i] == RecordValues.Blank)
                {
                    c.ReportCode(r, e.Source[i], "REASON_PLACE_CHANGE", e.ReasonPlaceChange[i]);
                }
            }
        }, "DEC");
        Add("234", Severity.Error, "REASON_PLACE_CHANGE CUSTOD (admitted to custody) for a child under 10 at the start of the episode", "Episodes", new CollectionYears(2026, null), [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var custody = c.Codes.Find("CUSTOD");
            for (var i = 0; i < e.Count; i++)
            {
                var dob = c.Dob[e.Child[i]];
                if (e.ReasonPlaceChange[i] == custody && Has(dob) && Has(e.Decom[i]) && e.Decom[i] < Birthday(dob, 10))
                {
                    c.ReportCode(r, e.Source[i], "REASON_PLACE_CHANGE", e.ReasonPlaceChange[i]);
                }
            }
        }, "DECOM", "DOB");
        Add("408", Severity.Error, "A child placed for adoption under a placement order (PLACE A5 or A6) should have LS E1 (placement order)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var withOrder = c.Codes.SetOf("A5", "A6");
            var e1 = c.Codes.Find("E1");
            for (var i = 0; i < e.Count; i++)
            {
                if (withOrder.Contains(e.Place[i]) && e.Ls[i] != e1 && e.Ls[i] != CodeTable.Blank)
                {
                    c.ReportCode(r, e.Source[i], "LS", e.Ls[i]);
                }
            }
        }, "PLACE");
        Add("359", Severity.Error, "A child looked after (episode open) after their 18th birthday must be accommodated under section 20(5) (LS V2) in a community home (PLACE K2)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var v2 = c.Codes.Find("V2");
            var k2 = c.Codes.Find("K2");
            for (var i = 0; i < e.Count; i++)
            {
                var dob = c.Dob[e.Child[i]];
                var year = c.Year(e.Source[i]);
                if (e.Dec[i] == RecordValues.Blank && year > 0 && Has(dob) && Birthday(dob, 18) < YearEnd(year) && !(e.Ls[i] == v2 && e.Place[i] == k2))
                {
                    c.ReportCode(r, e.Source[i], "LS", e.Ls[i]);
                }
            }
        }, "DOB", "DEC", "PLACE");
        // The DfE's 2023/24 rule for P2's end on 28 October 2023.
        Add("217t", Severity.Error, "PLACE P2 (independent living) is not valid after 28 October 2023: the episode ends after it or is still open", "Episodes", new CollectionYears(2024, 2024), [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var p2 = c.Codes.Find("P2");
            var last = new DateOnly(2023, 10, 28).DayNumber;
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Place[i] == p2 && (e.Dec[i] == RecordValues.Blank || (Has(e.Dec[i]) && e.Dec[i] > last)))
                {
                    c.ReportCode(r, e.Source[i], "PLACE", e.Place[i]);
                }
            }
        }, "DEC");
        // Episodes: placement types, ages and lengths (the DfE's 36x and 37x-39x rules)
        Add("353", Severity.Error, "DECOM is before 14 October 1991: no episode can start before the Children Act 1989 came into force", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var first = new DateOnly(1991, 10, 14).DayNumber;
            for (var i = 0; i < e.Count; i++)
            {
                if (Has(e.Decom[i]) && e.Decom[i] < first)
                {
                    c.ReportDate(r, e.Source[i], "DECOM", e.Decom[i]);
                }
            }
        });
        Add("364", Severity.Error, "A child detained in local authority accommodation under PACE (LS J2) for longer than 21 days (one still open is counted to the end of the year)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.LegalStatusRun(r, "J2", 21));
        Add("365", Severity.Error, "A short-term respite break (LS V3) lasted longer than 17 days (one still open is counted to the end of the year)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.LongerThan(r, "LS", c.Codes.SetOf("V3"), isPlace: false, 17, openToYearEnd: true));
        Add("366", Severity.Error, "A short-term respite break (LS V3) must start a new episode with RNE S: the placement cannot change during the break", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var v3 = c.Codes.Find("V3");
            var s = c.Codes.Find("S");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Ls[i] == v3 && e.Rne[i] != s && e.Rne[i] != CodeTable.Blank)
                {
                    c.ReportCode(r, e.Source[i], "RNE", e.Rne[i]);
                }
            }
        });
        Add("367", Severity.Error, "The child had more than 75 days of short-term respite care (LS V3) in the collection year", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var v3 = c.Codes.Find("V3");
            // Each collection year's days apart: several years' returns read together hold a child's short breaks of every year.
            var byYear = new Dictionary<int, (int Days, int Last)>();
            for (var child = 0; child + 1 < e.ChildOffsets.Length; child++)
            {
                byYear.Clear();
                for (var i = e.ChildOffsets[child]; i < e.ChildOffsets[child + 1]; i++)
                {
                    var year = c.Year(e.Source[i]);
                    if (e.Ls[i] != v3 || !Has(e.Decom[i]) || year <= 0)
                    {
                        continue;
                    }

                    // Only the days within the year: from its start (or DECOM) to its end (or DEC).
                    var from = Math.Max(e.Decom[i], YearStart(year));
                    var to = Has(e.Dec[i]) ? Math.Min(e.Dec[i], YearEnd(year)) : YearEnd(year);
                    byYear[year] = (byYear.GetValueOrDefault(year).Days + Math.Max(0, to - from), i);
                }

                foreach (var (days, last) in byYear.Values)
                {
                    if (days > 75)
                    {
                        c.ReportCode(r, e.Source[last], "LS", e.Ls[last]);
                    }
                }
            }
        });
        // Independent living (P2): at least 15 to 2022/23, 16 in 2023/24; P2 ended in October 2023 and the rule with it.
        Add("370", Severity.Error, "A child in independent living (PLACE P2) should be at least 15 when the placement starts", "Episodes", new CollectionYears(null, 2023),
            [MethodImpl(Optimized)] (c, r) => c.PlacedUnderAge(r, "P2", 15), "DECOM", "DOB");
        Add("370", Severity.Error, "A child in independent living (PLACE P2) should be at least 16 when the placement starts", "Episodes", new CollectionYears(2024, 2024),
            [MethodImpl(Optimized)] (c, r) => c.PlacedUnderAge(r, "P2", 16), "DECOM", "DOB");
        // Semi-independent living (H5): at least 14 to 2022/23, 16 in 2023/24; from 2024/25 supported accommodation (K3), at least 16.
        Add("371", Severity.Error, "A child in semi-independent living not subject to children's homes regulations (PLACE H5) should be at least 14 when the placement starts", "Episodes", new CollectionYears(null, 2023),
            [MethodImpl(Optimized)] (c, r) => c.PlacedUnderAge(r, "H5", 14), "DECOM", "DOB");
        Add("371", Severity.Error, "A child in semi-independent living not subject to children's homes regulations (PLACE H5) should be at least 16 when the placement starts", "Episodes", new CollectionYears(2024, 2024),
            [MethodImpl(Optimized)] (c, r) => c.PlacedUnderAge(r, "H5", 16), "DECOM", "DOB");
        Add("371", Severity.Error, "A child in supported accommodation not subject to children's homes regulations (PLACE K3) should be at least 16 when the placement starts", "Episodes", new CollectionYears(2025, null),
            [MethodImpl(Optimized)] (c, r) => c.PlacedUnderAge(r, "K3", 16), "DECOM", "DOB");
        Add("372", Severity.Error, "A child in youth custody or prison (PLACE R5) should be at least 10 when the placement starts", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.PlacedUnderAge(r, "R5", 10), "DECOM", "DOB");
        Add("373", Severity.Error, "A child placed in a school (PLACE S1) should be at least 4 when the placement starts", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.PlacedUnderAge(r, "S1", 4), "DECOM", "DOB");
        Add("374", Severity.Error, "A child in residential employment (PLACE P3) should be at least 14 when the placement starts", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.PlacedUnderAge(r, "P3", 14), "DECOM", "DOB");
        Add("375", Severity.Error, "A temporary placement in hospital (PLACE T1) that ended lasted longer than six weeks", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.LongerThan(r, "PLACE", c.Codes.SetOf("T1"), isPlace: true, 42, openToYearEnd: false));
        Add("376", Severity.Error, "A temporary placement during the usual foster carers' holiday (PLACE T3) that ended lasted longer than three weeks", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.LongerThan(r, "PLACE", c.Codes.SetOf("T3"), isPlace: true, 21, openToYearEnd: false));
        Add("377", Severity.Error, "More than two temporary placements during the usual foster carers' holiday (PLACE T3) within 12 months", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var t3 = c.Codes.Find("T3");
            for (var child = 0; child + 1 < e.ChildOffsets.Length; child++)
            {
                // The starts of the child's last two T3 stays (a stay continued in the next episode, a legal status change, is one stay).
                int older = RecordValues.Blank, newer = RecordValues.Blank;
                for (var i = e.ChildOffsets[child]; i < e.ChildOffsets[child + 1]; i++)
                {
                    if (e.Place[i] != t3 || !Has(e.Decom[i]) || (i > e.ChildOffsets[child] && e.Place[i - 1] == t3 && e.Dec[i - 1] == e.Decom[i]))
                    {
                        continue;
                    }

                    if (Has(older) && e.Decom[i] < DateOnly.FromDayNumber(older).AddYears(1).DayNumber)
                    {
                        c.ReportCode(r, e.Source[i], "PLACE", e.Place[i]);
                    }

                    older = newer;
                    newer = e.Decom[i];
                }
            }
        });
        Add("381", Severity.Error, "A period of care cannot end in a temporary placement (T0-T4): REC should be X1", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var temporary = c.Codes.SetOf("T0", "T1", "T2", "T3", "T4");
            var x1 = c.Codes.Find("X1");
            for (var i = 0; i < e.Count; i++)
            {
                if (temporary.Contains(e.Place[i]) && e.Rec[i] != CodeTable.Blank && e.Rec[i] != x1)
                {
                    c.ReportCode(r, e.Source[i], "REC", e.Rec[i]);
                }
            }
        }, "PLACE");
        Add("382", Severity.Error, "A child on respite care (LS V3 or V4) cannot be in a temporary placement (T0-T4)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.LegalStatusWithPlace(r, ["V3", "V4"], ["T0", "T1", "T2", "T3", "T4"]));
        Add("384", Severity.Error, "A child on respite care (LS V3 or V4) cannot be in a long-term foster placement (U1 or U4)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.LegalStatusWithPlace(r, ["V3", "V4"], ["U1", "U4"]));
        Add("390", Severity.Error, "REC says the child was adopted (E11 or E12) but PLACE is not a placement for adoption (A3-A6)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var adopted = c.Codes.SetOf("E11", "E12");
            var forAdoption = c.Codes.SetOf("A3", "A4", "A5", "A6");
            for (var i = 0; i < e.Count; i++)
            {
                if (adopted.Contains(e.Rec[i]) && !forAdoption.Contains(e.Place[i]))
                {
                    c.ReportCode(r, e.Source[i], "PLACE", e.Place[i]);
                }
            }
        });
        Add("407", Severity.Error, "REC says a special guardianship order (E45-E48) but the child was 18 or over when the episode ended", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.AgeAtCeasing(r, ["E45", "E46", "E47", "E48"], age => age >= 18), "DEC", "DOB");
        Add("460", Severity.Error, "REC says the child stayed with their carers at 18 or over (E17) but the child was under 18 when the episode ended", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.AgeAtCeasing(r, ["E17"], age => age < 18), "DEC", "DOB");
        Add("214", Severity.Error, "PL_POST and URN should be blank for short breaks (LS V3 or V4)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var shortBreaks = c.Codes.SetOf("V3", "V4");
            for (var i = 0; i < e.Count; i++)
            {
                if (shortBreaks.Contains(e.Ls[i]) && (e.PlPost[i] != CodeTable.Blank || e.Urn[i] != CodeTable.Blank))
                {
                    c.ReportCode(r, e.Source[i], e.PlPost[i] != CodeTable.Blank ? "PL_POST" : "URN", e.PlPost[i] != CodeTable.Blank ? e.PlPost[i] : e.Urn[i]);
                }
            }
        });
        Add("398", Severity.Error, "HOME_POST and PL_POST should be blank for short breaks (LS V3 or V4)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var shortBreaks = c.Codes.SetOf("V3", "V4");
            for (var i = 0; i < e.Count; i++)
            {
                if (shortBreaks.Contains(e.Ls[i]) && (e.HomePost[i] != CodeTable.Blank || e.PlPost[i] != CodeTable.Blank))
                {
                    c.ReportCode(r, e.Source[i], e.HomePost[i] != CodeTable.Blank ? "HOME_POST" : "PL_POST", e.HomePost[i] != CodeTable.Blank ? e.HomePost[i] : e.PlPost[i]);
                }
            }
        });
        Add("399", Severity.Error, "A child looked after only under short breaks (LS V3 or V4) should have MOTHER blank and no reviews", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var h = c.Data.Header;
            var v = c.Data.Reviews;
            var shortBreaks = c.Codes.SetOf("V3", "V4");
            for (var i = 0; i < h.Count; i++)
            {
                var rows = e.RowsOf(h.Child[i]);
                var onlyShortBreaks = !rows.IsEmpty;
                for (var j = rows.Start; j < rows.End && onlyShortBreaks; j++)
                {
                    onlyShortBreaks = shortBreaks.Contains(e.Ls[j]);
                }

                if (onlyShortBreaks && (h.Mother[i] != CodeTable.Blank || !v.RowsOf(h.Child[i]).IsEmpty))
                {
                    c.Report(r, h.Source[i], h.Mother[i] != CodeTable.Blank ? "MOTHER" : "CHILD", h.Mother[i] != CodeTable.Blank ? c.Text(h.Mother[i]) : c.Data.Children.IdOf(h.Child[i]));
                }
            }
        });
        Add("628", Severity.Error, "A care leaver with OC3 information but no episode should have MOTHER blank", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var o = c.Data.Oc3;
            for (var i = 0; i < h.Count; i++)
            {
                if (h.Mother[i] != CodeTable.Blank && c.Data.Episodes.RowsOf(h.Child[i]).IsEmpty && !o.RowsOf(h.Child[i]).IsEmpty)
                {
                    c.ReportCode(r, h.Source[i], "MOTHER", h.Mother[i]);
                }
            }
        });
        Add("379", Severity.Error, "A temporary placement for an unspecified reason (T4) lasted more than 7 days", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var t4 = c.Codes.Find("T4");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Place[i] == t4 && Has(e.Decom[i]) && Has(e.Dec[i]) && e.Dec[i] - e.Decom[i] > 7)
                {
                    c.ReportCode(r, e.Source[i], "PLACE", e.Place[i]);
                }
            }
        });
        Add("516", Severity.Error, "REC E45 or E46 (special guardianship order) needs a foster placement (PLACE U1-U6)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var reasons = c.Codes.SetOf("E45", "E46");
            var foster = c.Codes.SetOf("U1", "U2", "U3", "U4", "U5", "U6");
            for (var i = 0; i < e.Count; i++)
            {
                if (reasons.Contains(e.Rec[i]) && !foster.Contains(e.Place[i]))
                {
                    c.ReportCode(r, e.Source[i], "REC", e.Rec[i]);
                }
            }
        });
        Add("LS-EPISODE-TWICE", Severity.Error, "The child has two episodes with the same DECOM in the same return", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.Duplicates(r, c.Data.Episodes, t => t.Decom, "DECOM"));
        Add("351", Severity.Error, "The child was over 25 at the start of the collection year", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            for (var i = 0; i < h.Count; i++)
            {
                var year = c.Year(h.Source[i]);
                if (year > 0 && Has(h.Dob[i]) && Birthday(h.Dob[i], 25) < YearStart(year))
                {
                    c.ReportDate(r, h.Source[i], "DOB", h.Dob[i]);
                }
            }
        });

        // Reviews
        Add("166", Severity.Error, "REVIEW is blank", "Reviews",
            [MethodImpl(Optimized)] (c, r) => c.CheckRequiredDates(r, c.Data.Reviews, t => t.Review, "REVIEW"));
        Add("167", Severity.Error, "REVIEW_CODE is not a valid participation code (PN0-PN7) or is blank", "Reviews",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Reviews, t => t.ReviewCode, "REVIEW_CODE", CodeLists.ReviewCode, required: true));
        Add("440", Severity.Error, "REVIEW_CODE PN0 (child under 4) but the child was 4 or over at the review", "Reviews",
            [MethodImpl(Optimized)] (c, r) => c.ReviewAge(r, pn0: true));
        Add("441", Severity.Error, "The child was under 4 at the review but REVIEW_CODE is not PN0", "Reviews",
            [MethodImpl(Optimized)] (c, r) => c.ReviewAge(r, pn0: false));
        Add("LS-REVIEW-OUTSIDE-CARE", Severity.Warning, "The review date is not within any of the child's episodes", "Reviews", [MethodImpl(Optimized)] (c, r) =>
        {
            var v = c.Data.Reviews;
            var e = c.Data.Episodes;
            for (var i = 0; i < v.Count; i++)
            {
                if (!Has(v.Review[i]))
                {
                    continue;
                }

                var inCare = false;
                var rows = e.RowsOf(v.Child[i]);
                for (var j = rows.Start; j < rows.End && !inCare; j++)
                {
                    inCare = Has(e.Decom[j]) && e.Decom[j] <= v.Review[i] && (!Has(e.Dec[j]) || e.Dec[j] >= v.Review[i]);
                }

                if (!inCare)
                {
                    c.ReportDate(r, v.Source[i], "REVIEW", v.Review[i]);
                }
            }
        });

        // UASC
        Add("304", Severity.Error, "DUC (date UASC status ceased) is after the child's 18th birthday", "UASC", [MethodImpl(Optimized)] (c, r) =>
        {
            var u = c.Data.Uasc;
            for (var i = 0; i < u.Count; i++)
            {
                var dob = Has(u.Dob[i]) ? u.Dob[i] : c.Dob[u.Child[i]];
                if (Has(dob) && Has(u.Duc[i]) && u.Duc[i] > Birthday(dob, 18))
                {
                    c.ReportDate(r, u.Source[i], "DUC", u.Duc[i]);
                }
            }
        });
        Add("104", Severity.Error, "DUC (date UASC status ceased) is before the start of the collection year", "UASC", [MethodImpl(Optimized)] (c, r) =>
        {
            var u = c.Data.Uasc;
            for (var i = 0; i < u.Count; i++)
            {
                var year = c.Year(u.Source[i]);
                if (year > 0 && Has(u.Duc[i]) && u.Duc[i] < YearStart(year))
                {
                    c.ReportDate(r, u.Source[i], "DUC", u.Duc[i]);
                }
            }
        });
        Add("LS-DUC-BEFORE-DOB", Severity.Error, "DUC is before the child's date of birth", "UASC",
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.Uasc, t => t.Dob, t => t.Duc, "DUC"));
        Add("205B", Severity.Error, "The child is on the UASC table this year and last year, but last year's DUC is not the 18th birthday, or this year's is neither in the year nor last year's", "UASC", [MethodImpl(Optimized)] (c, r) =>
        {
            // Across returns: each UASC row is kept per child and year (Ssda903Builder), so last year's row is at hand
            // when last year's return was given. Years are the files' own, whatever year the rows are checked against.
            var u = c.Data.Uasc;
            for (var i = 1; i < u.Count; i++)
            {
                var year = c.FileYear(u.Source[i]);
                var last = i - 1;
                if (u.Child[last] != u.Child[i] || year <= 0 || c.FileYear(u.Source[last]) != year - 1)
                {
                    continue;
                }

                var dob = Has(u.Dob[i]) ? u.Dob[i] : c.Dob[u.Child[i]];
                if (!Has(dob))
                {
                    continue;
                }

                // As the DfE reads it: a child still UASC has DUC = their 18th birthday, so last year's must be that, and
                // this year's either ceased in the year or is unchanged.
                var inYear = Has(u.Duc[i]) && u.Duc[i] >= YearStart(year) && u.Duc[i] <= YearEnd(year);
                if (u.Duc[last] != Birthday(dob, 18) || (!inYear && u.Duc[i] != u.Duc[last]))
                {
                    c.Report(r, u.Source[i], "DUC", Has(u.Duc[i]) ? c.Date(u.Duc[i]) : null);
                }
            }
        });

        // The rules that compare a return with last year's, besides 205B (Ssda903Validator.AcrossYears.cs).
        AddAcrossYears();
        // And those comparing the Header's UASC flag with last year's (Ssda903Validator.Remaining.cs).
        AddUascAcrossYears();

        // OC2
        Add("181", Severity.Error, "CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE must be 0 or 1", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            c.CheckCodes(r, o, t => t.Convicted, "CONVICTED", CodeLists.ZeroOne, required: false);
            c.CheckCodes(r, o, t => t.HealthCheck, "HEALTH_CHECK", CodeLists.ZeroOne, required: false);
            c.CheckCodes(r, o, t => t.Immunisations, "IMMUNISATIONS", CodeLists.ZeroOne, required: false);
            c.CheckCodes(r, o, t => t.TeethCheck, "TEETH_CHECK", CodeLists.ZeroOne, required: false);
            c.CheckCodes(r, o, t => t.HealthAssessment, "HEALTH_ASSESSMENT", CodeLists.ZeroOne, required: false);
            c.CheckCodes(r, o, t => t.SubstanceMisuse, "SUBSTANCE_MISUSE", CodeLists.ZeroOne, required: false);
        });
        Add("180", Severity.Error, "SDQ_SCORE must be a whole number from 0 to 40", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                if (Has(o.SdqScore[i]) && o.SdqScore[i] is < 0 or > 40)
                {
                    c.Report(r, o.Source[i], "SDQ_SCORE", o.SdqScore[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        });
        Add("196", Severity.Error, "SDQ_REASON is not a valid reason (SDQ1-SDQ5)", "OC2",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Oc2, t => t.SdqReason, "SDQ_REASON", CodeLists.SdqReason, required: false));
        Add("197a", Severity.Error, "Both SDQ_SCORE and SDQ_REASON are given: a reason is for when there is no score", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                if (Has(o.SdqScore[i]) && o.SdqReason[i] != CodeTable.Blank)
                {
                    c.ReportCode(r, o.Source[i], "SDQ_REASON", o.SdqReason[i]);
                }
            }
        });
        Add("192", Severity.Error, "SUBSTANCE_MISUSE is 1 but INTERVENTION_RECEIVED is blank", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            var one = c.Codes.Find("1");
            for (var i = 0; i < o.Count; i++)
            {
                if (o.SubstanceMisuse[i] == one && o.InterventionReceived[i] == CodeTable.Blank)
                {
                    c.Report(r, o.Source[i], "INTERVENTION_RECEIVED", null);
                }
            }
        });
        Add("193", Severity.Error, "SUBSTANCE_MISUSE is not 1 but an intervention is recorded", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            var one = c.Codes.Find("1");
            for (var i = 0; i < o.Count; i++)
            {
                if (o.SubstanceMisuse[i] != one && (o.InterventionReceived[i] != CodeTable.Blank || o.InterventionOffered[i] != CodeTable.Blank))
                {
                    c.ReportCode(r, o.Source[i], "SUBSTANCE_MISUSE", o.SubstanceMisuse[i]);
                }
            }
        });
        Add("158", Severity.Error, "INTERVENTION_RECEIVED is 1 so INTERVENTION_OFFERED must be blank", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            var one = c.Codes.Find("1");
            for (var i = 0; i < o.Count; i++)
            {
                if (o.InterventionReceived[i] == one && o.InterventionOffered[i] != CodeTable.Blank)
                {
                    c.ReportCode(r, o.Source[i], "INTERVENTION_OFFERED", o.InterventionOffered[i]);
                }
            }
        });
        Add("159", Severity.Error, "INTERVENTION_RECEIVED is 0 so INTERVENTION_OFFERED must be given", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            var zero = c.Codes.Find("0");
            for (var i = 0; i < o.Count; i++)
            {
                if (o.InterventionReceived[i] == zero && o.InterventionOffered[i] == CodeTable.Blank)
                {
                    c.Report(r, o.Source[i], "INTERVENTION_OFFERED", null);
                }
            }
        });
        Add("182", Severity.Error, "IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE should all be given, or every OC2 health and offending item left blank", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                var anyOther = o.Convicted[i] != CodeTable.Blank || o.HealthCheck[i] != CodeTable.Blank
                    || o.InterventionReceived[i] != CodeTable.Blank || o.InterventionOffered[i] != CodeTable.Blank;
                if (anyOther && c.HealthItemMissing(i) is { } missing)
                {
                    c.Report(r, o.Source[i], missing, null);
                }
            }
        }, "CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED");
        Add("544", Severity.Error, "CONVICTED is 1 but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank", "OC2",
            [MethodImpl(Optimized)] (c, r) => c.HealthItemsWith(r, c.Data.Oc2.Convicted));
        Add("547", Severity.Error, "HEALTH_CHECK is 1 but IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE is blank", "OC2",
            [MethodImpl(Optimized)] (c, r) => c.HealthItemsWith(r, c.Data.Oc2.HealthCheck));
        Add("543", Severity.Error, "A child aged 10 or over at 31 March, looked after for 12 months, should have CONVICTED given", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                if (o.Convicted[i] == CodeTable.Blank && year > 0 && Has(dob) && Birthday(dob, 10) < YearEnd(year))
                {
                    c.Report(r, o.Source[i], "CONVICTED", null);
                }
            }
        }, "DOB");
        Add("545", Severity.Error, "A child under 5 at 31 March, looked after for 12 months, should have HEALTH_CHECK given", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                if (o.HealthCheck[i] == CodeTable.Blank && year > 0 && Has(dob) && Birthday(dob, 5) > YearEnd(year))
                {
                    c.Report(r, o.Source[i], "HEALTH_CHECK", null);
                }
            }
        }, "DOB");
        Add("542", Severity.Error, "A child under 10 at 31 March should have CONVICTED blank", "OC2",
            [MethodImpl(Optimized)] (c, r) => c.Oc2ByAge(r, t => t.Convicted, "CONVICTED", age => age < 10));
        Add("546", Severity.Error, "A child aged 5 or over at 31 March should have HEALTH_CHECK blank", "OC2",
            [MethodImpl(Optimized)] (c, r) => c.Oc2ByAge(r, t => t.HealthCheck, "HEALTH_CHECK", age => age >= 5));
        Add("157", Severity.Error, "SDQ_REASON is SDQ1 (under 4) but the child was 4 or over at the start of the year and not over 16 at its end", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            var sdq1 = c.Codes.Find("SDQ1");
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                if (o.SdqReason[i] == sdq1 && !Has(o.SdqScore[i]) && year > 0 && Has(dob)
                    && Birthday(dob, 4) <= YearStart(year) && Birthday(dob, 16) >= YearEnd(year))
                {
                    c.ReportCode(r, o.Source[i], "SDQ_REASON", o.SdqReason[i]);
                }
            }
        });
        Add("188", Severity.Error, "The child was under 4 at 31 March but an SDQ score or reason is given", "OC2",
            [MethodImpl(Optimized)] (c, r) => c.SdqAge(r, age => age < 4, atStart: false));
        Add("189", Severity.Error, "The child turned 17 before the start of the year but an SDQ score or reason is given", "OC2",
            [MethodImpl(Optimized)] (c, r) => c.SdqAge(r, age => age >= 17, atStart: true, dayBefore: true));
        Add("197B", Severity.Error, "The child turned 4 or 17 in the year but neither SDQ_SCORE nor SDQ_REASON is given", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            // Every OC2 row is taken as a child looked after for 12 months, which is what an OC2 row is (as 546).
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                if (year <= 0 || !Has(dob) || Has(o.SdqScore[i]) || o.SdqReason[i] != CodeTable.Blank || o.SdqScore[i] == RecordValues.Invalid)
                {
                    continue;
                }

                var fourth = Birthday(dob, 4);
                var seventeenth = Birthday(dob, 17);
                if ((fourth >= YearStart(year) && fourth <= YearEnd(year)) || (seventeenth >= YearStart(year) && seventeenth <= YearEnd(year)))
                {
                    c.Report(r, o.Source[i], "SDQ_SCORE", null);
                }
            }
        });

        // "Looked after continuously for 12 months at 31 March", worked out from the episodes as the DfE defines it (ContinuouslyLookedAfter).
        Add("185", Severity.Error, "SDQ_SCORE is given but the child has not been looked after continuously for 12 months at 31 March", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                if (Has(o.SdqScore[i]) && c.NotContinuouslyLookedAfter(i))
                {
                    c.Report(r, o.Source[i], "SDQ_SCORE", o.SdqScore[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }, "DECOM", "DEC", "RNE", "REC", "LS");
        Add("198", Severity.Error, "SDQ_REASON is given but the child has not been looked after continuously for 12 months at 31 March", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                if (o.SdqReason[i] != CodeTable.Blank && c.NotContinuouslyLookedAfter(i))
                {
                    c.ReportCode(r, o.Source[i], "SDQ_REASON", o.SdqReason[i]);
                }
            }
        }, "DECOM", "DEC", "RNE", "REC", "LS");
        Add("190", Severity.Error, "CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED or INTERVENTION_OFFERED is given but the child has not been looked after continuously for 12 months at 31 March", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                var given = FirstOutcomeGiven(o, i);
                if (given.Column is { } column && c.NotContinuouslyLookedAfter(i))
                {
                    c.ReportCode(r, o.Source[i], column, given.Code);
                }
            }
        }, "DECOM", "DEC", "RNE", "REC", "LS");
        Add("186", Severity.Error, "The child was 4 or over at the start of the year, under 17 at its end and looked after continuously for 12 months at 31 March, but neither SDQ_SCORE nor SDQ_REASON is given", "OC2", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                if (year > 0 && Has(dob) && !Has(o.SdqScore[i]) && o.SdqReason[i] == CodeTable.Blank
                    && Birthday(dob, 4) <= YearStart(year) && Birthday(dob, 17) > YearEnd(year)
                    && c.ContinuouslyLookedAfter(o.Child[i], year))
                {
                    c.Report(r, o.Source[i], "SDQ_SCORE", null);
                }
            }
        }, "DOB", "DECOM", "DEC", "RNE", "REC", "LS");
        Add("187", Severity.Error, "The child was looked after continuously for 12 months at 31 March, but adoption (AD1) or care leaver items (IN_TOUCH, ACTIV, ACCOM) are given", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            for (var i = 0; i < o.Count; i++)
            {
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                (string? Column, int Code) given = o.InTouch[i] != CodeTable.Blank ? ("IN_TOUCH", o.InTouch[i])
                    : o.Activ[i] != CodeTable.Blank ? ("ACTIV", o.Activ[i])
                    : o.Accom[i] != CodeTable.Blank ? ("ACCOM", o.Accom[i])
                    : (null, CodeTable.Blank);
                if (given.Column is { } column && year > 0 && c.ContinuouslyLookedAfter(o.Child[i], year))
                {
                    c.ReportCode(r, o.Source[i], column, given.Code);
                }
            }

            var a = c.Data.Ad1;
            for (var i = 0; i < a.Count; i++)
            {
                var year = c.Year(a.Source[i]);
                var given = Has(a.DateInt[i]) || Has(a.DateMatch[i]) || a.FosterCare[i] != CodeTable.Blank || a.NbAdoptr[i] != CodeTable.Blank
                    || a.SexAdoptr[i] != CodeTable.Blank || a.LsAdoptr[i] != CodeTable.Blank;
                if (given && year > 0 && c.ContinuouslyLookedAfter(a.Child[i], year))
                {
                    c.Report(r, a.Source[i], "CHILD", c.Data.Children.IdOf(a.Child[i]));
                }
            }
        }, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR", "DECOM", "DEC", "RNE", "REC", "LS");
        // 191 and 215 (Ssda903Validator.Remaining.cs).
        AddLookedAfterForAYearRules();

        // OC3
        Add("131", Severity.Error, "IN_TOUCH is not a valid code", "OC3",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Oc3, t => t.InTouch, "IN_TOUCH", CodeLists.InTouch, required: true));
        Add("132", Severity.Error, "ACTIV is not a valid activity code", "OC3",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Oc3, t => t.Activ, "ACTIV", CodeLists.Activ, required: false));
        Add("133", Severity.Error, "ACCOM is not a valid accommodation code", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            for (var i = 0; i < o.Count; i++)
            {
                if (o.Accom[i] != CodeTable.Blank && !CodeLists.IsAccommodation(c.Text(o.Accom[i])!))
                {
                    c.ReportCode(r, o.Source[i], "ACCOM", o.Accom[i]);
                }
            }
        });
        Add("345", Severity.Error, "IN_TOUCH is YES but ACTIV or ACCOM is 0", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            var yes = c.Codes.Find("YES");
            var zero = c.Codes.Find("0");
            for (var i = 0; i < o.Count; i++)
            {
                if (o.InTouch[i] == yes && (o.Activ[i] == zero || o.Accom[i] == zero))
                {
                    c.ReportCode(r, o.Source[i], o.Activ[i] == zero ? "ACTIV" : "ACCOM", zero);
                }
            }
        });
        Add("1011", Severity.Error, "The child's last episode ended with a transfer to another council (REC E3): no care-leaver information is returned", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            var e = c.Data.Episodes;
            var e3 = c.Codes.Find("E3");
            for (var i = 0; i < o.Count; i++)
            {
                var rows = e.RowsOf(o.Child[i]);
                if (!rows.IsEmpty && e.Rec[rows.End - 1] == e3
                    && (o.InTouch[i] != CodeTable.Blank || o.Activ[i] != CodeTable.Blank || o.Accom[i] != CodeTable.Blank))
                {
                    c.ReportCode(r, o.Source[i], "IN_TOUCH", o.InTouch[i]);
                }
            }
        });
        // New in the DfE's 2023/24 rules.
        Add("1016", Severity.Error, "A young person aged 17 (or 18) at 31 March who left care on or after their 17th (18th) birthday needs no care-leaver information", "OC3", new CollectionYears(2024, null), [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            var e = c.Data.Episodes;
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                if (year <= 0 || !Has(dob) || (o.InTouch[i] == CodeTable.Blank && o.Activ[i] == CodeTable.Blank && o.Accom[i] == CodeTable.Blank))
                {
                    continue;
                }

                var age = Age(dob, YearEnd(year));
                if (age is not (17 or 18))
                {
                    continue;
                }

                var rows = e.RowsOf(o.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (Has(e.Dec[j]) && e.Dec[j] >= Birthday(dob, age))
                    {
                        c.ReportCode(r, o.Source[i], "IN_TOUCH", o.InTouch[i]);
                        break;
                    }
                }
            }
        });
        Add("1007", Severity.Error, "Care-leaver information (IN_TOUCH, ACTIV, ACCOM) is given for a young person aged 17 or 18 at 31 March who was still looked after on their latest birthday", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            var e = c.Data.Episodes;
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                if (year <= 0 || !Has(dob) || (o.InTouch[i] == CodeTable.Blank && o.Activ[i] == CodeTable.Blank && o.Accom[i] == CodeTable.Blank))
                {
                    continue;
                }

                var age = Age(dob, YearEnd(year));
                if (age is not (17 or 18))
                {
                    continue;
                }

                // Looked after on the birthday: an episode begun by then and not ended by it (or not ended at all).
                var birthday = Birthday(dob, age);
                var rows = e.RowsOf(o.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (Has(e.Decom[j]) && e.Decom[j] <= birthday && (e.Dec[j] == RecordValues.Blank || (Has(e.Dec[j]) && e.Dec[j] > birthday)))
                    {
                        c.ReportCode(r, o.Source[i], "IN_TOUCH", o.InTouch[i]);
                        break;
                    }
                }
            }
        }, "DOB", "DECOM", "DEC");
        Add("153", Severity.Error, "IN_TOUCH, ACTIV and ACCOM must all be given or all be blank", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            for (var i = 0; i < o.Count; i++)
            {
                var given = (o.InTouch[i] != CodeTable.Blank ? 1 : 0) + (o.Activ[i] != CodeTable.Blank ? 1 : 0) + (o.Accom[i] != CodeTable.Blank ? 1 : 0);
                if (given is 1 or 2)
                {
                    c.Report(r, o.Source[i], o.InTouch[i] == CodeTable.Blank ? "IN_TOUCH" : o.Activ[i] == CodeTable.Blank ? "ACTIV" : "ACCOM", null);
                }
            }
        });

        // AD1
        Add("151", Severity.Error, "All adoption items (DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR) must be given or all left blank", "AD1", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Ad1;
            for (var i = 0; i < a.Count; i++)
            {
                var given = (Has(a.DateInt[i]) ? 1 : 0) + (Has(a.DateMatch[i]) ? 1 : 0) + (a.FosterCare[i] != 0 ? 1 : 0)
                    + (a.NbAdoptr[i] != 0 ? 1 : 0) + (a.SexAdoptr[i] != 0 ? 1 : 0) + (a.LsAdoptr[i] != 0 ? 1 : 0);
                if (given is > 0 and < 6)
                {
                    c.Report(r, a.Source[i], null, null);
                }
            }
        });
        Add("114", Severity.Error, "FOSTER_CARE is not a valid code (0 or 1)", "AD1",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Ad1, t => t.FosterCare, "FOSTER_CARE", CodeLists.ZeroOne, required: false));
        Add("175", Severity.Error, "NB_ADOPTR is not a valid number of adopters (1 or 2)", "AD1",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Ad1, t => t.NbAdoptr, "NB_ADOPTR", CodeLists.NbAdoptr, required: false));
        Add("176", Severity.Error, "SEX_ADOPTR is not a valid code (M1, F1, MM, FF, MF)", "AD1",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Ad1, t => t.SexAdoptr, "SEX_ADOPTR", CodeLists.SexAdoptr, required: false));
        Add("177", Severity.Error, "LS_ADOPTR is not a valid legal status of adopters", "AD1",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Ad1, t => t.LsAdoptr, "LS_ADOPTR", CodeLists.LsAdoptr, required: false));
        Add("333", Severity.Error, "DATE_MATCH is before DATE_INT (the decision to place for adoption)", "AD1",
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.Ad1, t => t.DateInt, t => t.DateMatch, "DATE_MATCH"));
        Add("511", Severity.Error, "SEX_ADOPTR does not agree with NB_ADOPTR (M1/F1 for one adopter; MM, FF or MF for two)", "AD1", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Ad1;
            var one = c.Codes.Find("1");
            var two = c.Codes.Find("2");
            var single = c.Codes.SetOf("M1", "F1");
            var couple = c.Codes.SetOf("MM", "FF", "MF");
            for (var i = 0; i < a.Count; i++)
            {
                if ((a.NbAdoptr[i] == one && couple.Contains(a.SexAdoptr[i])) || (a.NbAdoptr[i] == two && single.Contains(a.SexAdoptr[i])))
                {
                    c.ReportCode(r, a.Source[i], "SEX_ADOPTR", a.SexAdoptr[i]);
                }
            }
        });
        Add("514", Severity.Error, "LS_ADOPTR L0 is a single adopter but NB_ADOPTR says a couple", "AD1", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Ad1;
            var l0 = c.Codes.Find("L0");
            var two = c.Codes.Find("2");
            for (var i = 0; i < a.Count; i++)
            {
                if (a.LsAdoptr[i] == l0 && a.NbAdoptr[i] == two)
                {
                    c.ReportCode(r, a.Source[i], "NB_ADOPTR", a.NbAdoptr[i]);
                }
            }
        });
        Add("601", Severity.Error, "The child was adopted (REC E11/E12) in the collection year but there is no AD1 row", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var adopted = c.Codes.SetOf("E11", "E12");
            for (var i = 0; i < e.Count; i++)
            {
                if (adopted.Contains(e.Rec[i]) && c.EndsInYear(i) && c.Data.Ad1.RowsOf(e.Child[i]).IsEmpty)
                {
                    c.ReportCode(r, e.Source[i], "REC", e.Rec[i]);
                }
            }
        });
        Add("602", Severity.Error, "There is an AD1 row but the episodes do not show the child adopted (REC E11/E12) in the collection year", "AD1", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Ad1;
            var e = c.Data.Episodes;
            var adopted = c.Codes.SetOf("E11", "E12");
            for (var i = 0; i < a.Count; i++)
            {
                // As the DfE's rule: a row with every adoption item blank says nothing.
                if (a.DateInt[i] == RecordValues.Blank && a.DateMatch[i] == RecordValues.Blank && a.FosterCare[i] == CodeTable.Blank && a.NbAdoptr[i] == CodeTable.Blank
                    && a.SexAdoptr[i] == CodeTable.Blank && a.LsAdoptr[i] == CodeTable.Blank)
                {
                    continue;
                }

                var rows = e.RowsOf(a.Child[i]);
                var found = false;
                for (var j = rows.Start; j < rows.End && !found; j++)
                {
                    found = adopted.Contains(e.Rec[j]) && c.EndsInYear(j);
                }

                if (!found)
                {
                    c.Report(r, a.Source[i], null, null);
                }
            }
        });

        // PlacedAdoption
        Add("115", Severity.Error, "DATE_PLACED is blank", "PlacedAdoption",
            [MethodImpl(Optimized)] (c, r) => c.CheckRequiredDates(r, c.Data.PlacedAdoption, t => t.DatePlaced, "DATE_PLACED"));
        Add("120", Severity.Error, "REASON_PLACED_CEASED is not a valid code (RD1-RD4)", "PlacedAdoption",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.PlacedAdoption, t => t.ReasonPlacedCeased, "REASON_PLACED_CEASED", CodeLists.ReasonPlacedCeased, required: false));
        Add("119", Severity.Error, "DATE_PLACED_CEASED and REASON_PLACED_CEASED must both be given or both be blank", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PlacedAdoption;
            for (var i = 0; i < p.Count; i++)
            {
                if ((p.DatePlacedCeased[i] == RecordValues.Blank) != (p.ReasonPlacedCeased[i] == CodeTable.Blank))
                {
                    c.Report(r, p.Source[i], p.DatePlacedCeased[i] == RecordValues.Blank ? "DATE_PLACED_CEASED" : "REASON_PLACED_CEASED", null);
                }
            }
        });
        Add("522", Severity.Error, "DATE_PLACED_CEASED is before DATE_PLACED", "PlacedAdoption",
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.PlacedAdoption, t => t.DatePlaced, t => t.DatePlacedCeased, "DATE_PLACED_CEASED"));

        // PrevPerm
        Add("631", Severity.Error, "PREV_PERM is not a valid previous permanence code", "PrevPerm",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.PrevPerm, t => t.PrevPerm, "PREV_PERM", CodeLists.PrevPerm, required: false));
        Add("632", Severity.Error, "DATE_PERM is not a date written dd/mm/yyyy (ZZ may stand for an unknown day or month, ZZZZ for the year), or is not before the child's first episode", "PrevPerm", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PrevPerm;
            var e = c.Data.Episodes;
            for (var i = 0; i < p.Count; i++)
            {
                if (p.DatePerm[i] == CodeTable.Blank)
                {
                    continue;
                }

                var latest = LatestPermanenceDay(c.Text(p.DatePerm[i])!);
                var first = e.RowsOf(p.Child[i]);
                if (latest is null || (!first.IsEmpty && Has(e.Decom[first.Start]) && latest >= e.Decom[first.Start]))
                {
                    c.ReportCode(r, p.Source[i], "DATE_PERM", p.DatePerm[i]);
                }
            }
        });
        // From the 2016/17 return, the first with the PrevPerm table (634 asks for no row of a child looked after before 1 April 2016).
        Add("630", Severity.Error, "The child started to be looked after in the year (RNE S) but there is no PrevPerm row, PREV_PERM is blank, or it is not Z1 and LA_PERM or DATE_PERM is blank", "Episodes", new CollectionYears(2017, null), [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var p = c.Data.PrevPerm;
            var s = c.Codes.Find("S");
            var z1 = c.Codes.Find("Z1");
            var shortBreaks = c.Codes.SetOf("V3", "V4");
            for (var child = 0; child < c.Data.Children.Count; child++)
            {
                var childRows = e.RowsOf(child);
                for (var i = childRows.Start; i < childRows.End; i++)
                {
                    var year = c.Year(e.Source[i]);
                    // Lodestar's reading: a short break (V3/V4) is not a start of care that asks for a previous permanence option.
                    if (e.Rne[i] != s || shortBreaks.Contains(e.Ls[i]) || year <= 0 || !Has(e.Decom[i])
                        || e.Decom[i] < YearStart(year) || e.Decom[i] > YearEnd(year))
                    {
                        continue;
                    }

                    var rows = p.RowsOf(child);
                    var complete = false;
                    for (var j = rows.Start; j < rows.End; j++)
                    {
                        complete |= p.PrevPerm[j] != CodeTable.Blank
                            && (p.PrevPerm[j] == z1 || (p.LaPerm[j] != CodeTable.Blank && p.DatePerm[j] != CodeTable.Blank));
                    }

                    if (!complete)
                    {
                        c.ReportCode(r, e.Source[i], "RNE", e.Rne[i]);
                    }
                }
            }
        });
        Add("635", Severity.Error, "PREV_PERM is Z1 (no previous permanence) but DATE_PERM or LA_PERM is given", "PrevPerm", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PrevPerm;
            var z1 = c.Codes.Find("Z1");
            for (var i = 0; i < p.Count; i++)
            {
                if (p.PrevPerm[i] == z1 && (p.DatePerm[i] != CodeTable.Blank || p.LaPerm[i] != CodeTable.Blank))
                {
                    c.ReportCode(r, p.Source[i], "PREV_PERM", p.PrevPerm[i]);
                }
            }
        });

        Add("634", Severity.Error, "There is a PrevPerm row (PREV_PERM, LA_PERM or DATE_PERM given) but no episode of the child starts on or after 1 April 2016", "PrevPerm", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PrevPerm;
            var e = c.Data.Episodes;
            var since = new DateOnly(2016, 4, 1).DayNumber;
            for (var i = 0; i < p.Count; i++)
            {
                var rows = e.RowsOf(p.Child[i]);
                if (rows.IsEmpty || (p.PrevPerm[i] == CodeTable.Blank && p.LaPerm[i] == CodeTable.Blank && p.DatePerm[i] == CodeTable.Blank))
                {
                    // A child with no episode at all is 1012's.
                    continue;
                }

                var latest = RecordValues.Blank;
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (Has(e.Decom[j]) && (!Has(latest) || e.Decom[j] > latest))
                    {
                        latest = e.Decom[j];
                    }
                }

                if (Has(latest) && latest < since)
                {
                    c.Report(r, p.Source[i], p.PrevPerm[i] != CodeTable.Blank ? "PREV_PERM" : p.LaPerm[i] != CodeTable.Blank ? "LA_PERM" : "DATE_PERM",
                        c.Text(p.PrevPerm[i] != CodeTable.Blank ? p.PrevPerm[i] : p.LaPerm[i] != CodeTable.Blank ? p.LaPerm[i] : p.DatePerm[i]));
                }
            }
        }, "DECOM");

        // Missing
        Add("1006", Severity.Error, "MISSING is not a valid code (M or A)", "Missing",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Missing, t => t.MissingType, "MISSING", CodeLists.MissingType, required: true));
        Add("564", Severity.Error, "MIS_START is blank", "Missing",
            [MethodImpl(Optimized)] (c, r) => c.CheckRequiredDates(r, c.Data.Missing, t => t.MisStart, "MIS_START"));
        Add("566", Severity.Error, "MIS_END is given but MISSING is blank", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            for (var i = 0; i < m.Count; i++)
            {
                if (m.MissingType[i] == CodeTable.Blank && m.MisEnd[i] != RecordValues.Blank)
                {
                    c.ReportDate(r, m.Source[i], "MIS_END", m.MisEnd[i]);
                }
            }
        });
        Add("567", Severity.Error, "MIS_END is before MIS_START", "Missing",
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.Missing, t => t.MisStart, t => t.MisEnd, "MIS_END"));
        Add("570", Severity.Error, "MIS_START is after the end of the collection year", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            for (var i = 0; i < m.Count; i++)
            {
                var year = c.Year(m.Source[i]);
                if (year > 0 && Has(m.MisStart[i]) && m.MisStart[i] > YearEnd(year))
                {
                    c.ReportDate(r, m.Source[i], "MIS_START", m.MisStart[i]);
                }
            }
        });
        Add("574", Severity.Error, "A missing period starts before the previous one ended, or while it is still open", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            for (var i = 1; i < m.Count; i++)
            {
                if (m.Child[i] == m.Child[i - 1] && Has(m.MisStart[i]) && Has(m.MisStart[i - 1])
                    && (m.MisEnd[i - 1] == RecordValues.Blank || m.MisStart[i] < m.MisEnd[i - 1]))
                {
                    c.ReportDate(r, m.Source[i], "MIS_START", m.MisStart[i]);
                }
            }
        });

        // SWEpisodes
        Add("LS-SW-ID-BLANK", Severity.Error, "SW_ID is blank", "SWEpisodes", SocialWorkerYears, [MethodImpl(Optimized)] (c, r) =>
        {
            var s = c.Data.SwEpisodes;
            for (var i = 0; i < s.Count; i++)
            {
                if (s.SwId[i] == CodeTable.Blank)
                {
                    c.Report(r, s.Source[i], "SW_ID", null);
                }
            }
        });
        Add("LS-SW-DEC-BEFORE-DECOM", Severity.Error, "SW_DEC is before SW_DECOM", "SWEpisodes", SocialWorkerYears,
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.SwEpisodes, t => t.SwDecom, t => t.SwDec, "SW_DEC"));

        // Across tables
        // Header: UPN and mother (the DfE's 168, 2xx and 62x rules)
        Add("168", Severity.Error, "UPN is not a valid Unique Pupil Number (a letter other than I, O or S, then 12 digits or 11 digits and a letter) or unknown code (UN1-UN5)", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            for (var i = 0; i < h.Count; i++)
            {
                if (h.Upn[i] != CodeTable.Blank && !ValidUpn(c.Text(h.Upn[i])!))
                {
                    c.ReportCode(r, h.Source[i], "UPN", h.Upn[i]);
                }
            }
        });
        Add("442", Severity.Error, "UPN is blank for a child looked after other than on short breaks (LS V3 or V4)", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var e = c.Data.Episodes;
            var shortBreaks = c.Codes.SetOf("V3", "V4");
            for (var i = 0; i < h.Count; i++)
            {
                if (h.Upn[i] != CodeTable.Blank)
                {
                    continue;
                }

                var rows = e.RowsOf(h.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (e.Ls[j] != CodeTable.Blank && !shortBreaks.Contains(e.Ls[j]))
                    {
                        c.Report(r, h.Source[i], "UPN", null);
                        break;
                    }
                }
            }
        }, "LS");
        Add("209", Severity.Error, "UPN is UN1 (not known) for a child of school age: aged 4 or over on 31 August before the collection year", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var un1 = c.Codes.Find("UN1");
            for (var i = 0; i < h.Count; i++)
            {
                var year = c.Year(h.Source[i]);
                if (h.Upn[i] == un1 && year > 0 && Has(h.Dob[i]) && Birthday(h.Dob[i], 4) <= new DateOnly(year - 2, 8, 31).DayNumber)
                {
                    c.ReportCode(r, h.Source[i], "UPN", h.Upn[i]);
                }
            }
        }, "DOB");
        Add("210", Severity.Error, "UPN is UN4 (not yet obtained) for a child looked after for more than a week at 31 March", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var e = c.Data.Episodes;
            var un4 = c.Codes.Find("UN4");
            for (var i = 0; i < h.Count; i++)
            {
                var year = c.Year(h.Source[i]);
                if (h.Upn[i] != un4 || year <= 0)
                {
                    continue;
                }

                // An episode open at 31 March that started more than seven days before it.
                var rows = e.RowsOf(h.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (Has(e.Decom[j]) && e.Decom[j] < YearEnd(year) - 7 && (e.Dec[j] == RecordValues.Blank || (Has(e.Dec[j]) && e.Dec[j] > YearEnd(year))))
                    {
                        c.ReportCode(r, h.Source[i], "UPN", h.Upn[i]);
                        break;
                    }
                }
            }
        }, "DECOM");
        // New in the DfE's 2024/25 rules, when U joined the SEX codes.
        Add("232", Severity.Error, "SEX is U (unknown): check that the child's sex is not known", "Header", new CollectionYears(2025, null), [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var u = c.Codes.Find("U");
            for (var i = 0; i < h.Count; i++)
            {
                if (h.Sex[i] == u)
                {
                    c.ReportCode(r, h.Source[i], "SEX", h.Sex[i]);
                }
            }
        });
        // New in the DfE's 2025/26 rules.
        Add("444", Severity.Error, "UPN is given for another child in the same year's return (only UN1-UN5 may be shared)", "Header", new CollectionYears(2026, null), [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var unknown = c.Codes.SetOf("UN1", "UN2", "UN3", "UN4", "UN5");
            var first = new Dictionary<(int Year, int Upn), int>();
            for (var i = 0; i < h.Count; i++)
            {
                if (h.Upn[i] == CodeTable.Blank || unknown.Contains(h.Upn[i]))
                {
                    continue;
                }

                var key = (c.Year(h.Source[i]), h.Upn[i]);
                if (!first.TryAdd(key, h.Child[i]) && first[key] != h.Child[i])
                {
                    c.ReportCode(r, h.Source[i], "UPN", h.Upn[i]);
                }
            }
        });
        Add("620", Severity.Error, "MOTHER says the child is a mother (1) but the child was under 11 at the start of the collection year", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var one = c.Codes.Find("1");
            for (var i = 0; i < h.Count; i++)
            {
                var year = c.Year(h.Source[i]);
                if (h.Mother[i] == one && year > 0 && Has(h.Dob[i]) && Birthday(h.Dob[i], 11) > YearStart(year))
                {
                    c.ReportCode(r, h.Source[i], "MOTHER", h.Mother[i]);
                }
            }
        }, "DOB");
        Add("621", Severity.Error, "MC_DOB is on or before the mother's own DOB", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            for (var i = 0; i < h.Count; i++)
            {
                if (Has(h.McDob[i]) && Has(h.Dob[i]) && h.McDob[i] <= h.Dob[i])
                {
                    c.ReportDate(r, h.Source[i], "MC_DOB", h.McDob[i]);
                }
            }
        });
        Add("625", Severity.Error, "MC_DOB is after the end of the collection year or after the mother ceased to be looked after (DEC of her last episode)", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var h = c.Data.Header;
            var e = c.Data.Episodes;
            for (var i = 0; i < h.Count; i++)
            {
                var year = c.Year(h.Source[i]);
                if (!Has(h.McDob[i]))
                {
                    continue;
                }

                var rows = e.RowsOf(h.Child[i]);
                var ceased = rows.IsEmpty ? RecordValues.Blank : e.Dec[rows.End - 1];
                if ((year > 0 && h.McDob[i] > YearEnd(year)) || (Has(ceased) && h.McDob[i] > ceased))
                {
                    c.ReportDate(r, h.Source[i], "MC_DOB", h.McDob[i]);
                }
            }
        });

        // Missing: against the year and the child's care (the DfE's 565-586 rules)
        Add("565", Severity.Error, "MIS_START is given but MISSING (missing or away without authorisation) is blank", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            for (var i = 0; i < m.Count; i++)
            {
                if (Has(m.MisStart[i]) && m.MissingType[i] == CodeTable.Blank)
                {
                    c.Report(r, m.Source[i], "MISSING", null);
                }
            }
        });
        Add("571", Severity.Error, "MIS_END is before the start or after the end of the collection year", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            for (var i = 0; i < m.Count; i++)
            {
                var year = c.Year(m.Source[i]);
                if (year > 0 && Has(m.MisEnd[i]) && (m.MisEnd[i] < YearStart(year) || m.MisEnd[i] > YearEnd(year)))
                {
                    c.ReportDate(r, m.Source[i], "MIS_END", m.MisEnd[i]);
                }
            }
        });
        Add("577", Severity.Error, "The child ceased to be looked after (DEC of the last episode) but a missing period that started before has no MIS_END", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            for (var i = 0; i < m.Count; i++)
            {
                var ceased = c.CareEnded(m.Child[i]);
                if (Has(ceased) && Has(m.MisStart[i]) && m.MisStart[i] <= ceased && m.MisEnd[i] == RecordValues.Blank)
                {
                    c.Report(r, m.Source[i], "MIS_END", null);
                }
            }
        }, "MIS_START", "DEC");
        Add("578", Severity.Error, "MIS_START is after the child ceased to be looked after (DEC of the last episode)", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            for (var i = 0; i < m.Count; i++)
            {
                var ceased = c.CareEnded(m.Child[i]);
                if (Has(ceased) && Has(m.MisStart[i]) && m.MisStart[i] > ceased)
                {
                    c.ReportDate(r, m.Source[i], "MIS_START", m.MisStart[i]);
                }
            }
        }, "DEC");
        Add("575", Severity.Error, "The placement (episode) the child went missing from has ended, but the missing period that started in it has no MIS_END", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            var e = c.Data.Episodes;
            for (var i = 0; i < m.Count; i++)
            {
                if (m.MisEnd[i] != RecordValues.Blank || !Has(m.MisStart[i]))
                {
                    continue;
                }

                var rows = e.RowsOf(m.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (Has(e.Decom[j]) && Has(e.Dec[j]) && m.MisStart[i] >= e.Decom[j] && m.MisStart[i] <= e.Dec[j])
                    {
                        c.Report(r, m.Source[i], "MIS_END", null);
                        break;
                    }
                }
            }
        }, "MIS_START", "DECOM", "DEC");
        Add("580", Severity.Error, "A missing period ends on the child's 18th birthday, the day the episode ended (DEC), but REC is not E8", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            var e = c.Data.Episodes;
            var e8 = c.Codes.Find("E8");
            for (var i = 0; i < m.Count; i++)
            {
                var dob = Has(m.Dob[i]) ? m.Dob[i] : c.Dob[m.Child[i]];
                if (!Has(dob) || !Has(m.MisEnd[i]) || m.MisEnd[i] != Birthday(dob, 18))
                {
                    continue;
                }

                var rows = e.RowsOf(m.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (e.Dec[j] == m.MisEnd[i] && e.Rec[j] != e8)
                    {
                        c.ReportCode(r, e.Source[j], "REC", e.Rec[j]);
                    }
                }
            }
        }, "MIS_END", "DEC", "DOB");
        Add("581", Severity.Error, "MIS_START is before the child started to be looked after (DECOM of the first episode)", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            var e = c.Data.Episodes;
            for (var i = 0; i < m.Count; i++)
            {
                var rows = e.RowsOf(m.Child[i]);
                if (!rows.IsEmpty && Has(e.Decom[rows.Start]) && Has(m.MisStart[i]) && m.MisStart[i] < e.Decom[rows.Start])
                {
                    c.ReportDate(r, m.Source[i], "MIS_START", m.MisStart[i]);
                }
            }
        }, "DECOM");
        Add("586", Severity.Error, "MIS_START is on or before the child's DOB", "Missing", [MethodImpl(Optimized)] (c, r) =>
        {
            var m = c.Data.Missing;
            for (var i = 0; i < m.Count; i++)
            {
                var dob = Has(m.Dob[i]) ? m.Dob[i] : c.Dob[m.Child[i]];
                if (Has(dob) && Has(m.MisStart[i]) && m.MisStart[i] <= dob)
                {
                    c.ReportDate(r, m.Source[i], "MIS_START", m.MisStart[i]);
                }
            }
        });

        // Adoption: the adopters and the decision to place (the DfE's 33x, 5xx and 1003 rules)
        Add("517", Severity.Error, "LS_ADOPTR L3 (an unmarried couple of different sexes) needs SEX_ADOPTR MF", "AD1", [MethodImpl(Optimized)] (c, r) => c.AdopterSexes(r, "L3", "MF"));
        Add("518", Severity.Error, "LS_ADOPTR L4 (an unmarried couple of the same sex) needs SEX_ADOPTR MM or FF", "AD1", [MethodImpl(Optimized)] (c, r) => c.AdopterSexes(r, "L4", "MM", "FF"));
        Add("519", Severity.Error, "LS_ADOPTR L2 (a civil partnership) needs SEX_ADOPTR of a couple: MM, FF or MF", "AD1", [MethodImpl(Optimized)] (c, r) => c.AdopterSexes(r, "L2", "MM", "FF", "MF"));
        Add("520", Severity.Error, "LS_ADOPTR L11 (a married couple of different sexes) needs SEX_ADOPTR MF", "AD1", [MethodImpl(Optimized)] (c, r) => c.AdopterSexes(r, "L11", "MF"));
        Add("524", Severity.Error, "LS_ADOPTR L12 (a married couple of the same sex) needs SEX_ADOPTR MM or FF", "AD1", [MethodImpl(Optimized)] (c, r) => c.AdopterSexes(r, "L12", "MM", "FF"));
        Add("521", Severity.Error, "DATE_INT (the decision that adoption is in the child's best interests) is after the child was placed for adoption (DECOM of an A3-A6 episode)", "AD1", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Ad1;
            var e = c.Data.Episodes;
            var forAdoption = c.Codes.SetOf("A3", "A4", "A5", "A6");
            for (var i = 0; i < a.Count; i++)
            {
                var rows = e.RowsOf(a.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (forAdoption.Contains(e.Place[j]) && Has(e.Decom[j]) && Has(a.DateInt[i]) && a.DateInt[i] > e.Decom[j])
                    {
                        c.ReportDate(r, a.Source[i], "DATE_INT", a.DateInt[i]);
                        break;
                    }
                }
            }
        }, "DECOM", "PLACE");
        Add("523", Severity.Error, "DATE_PLACED (the decision that the child should be placed for adoption) differs from the AD1's DATE_INT (the decision that adoption is in the child's best interests)", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PlacedAdoption;
            var a = c.Data.Ad1;
            for (var i = 0; i < p.Count; i++)
            {
                if (!Has(p.DatePlaced[i]))
                {
                    continue;
                }

                var rows = a.RowsOf(p.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (Has(a.DateInt[j]) && a.DateInt[j] != p.DatePlaced[i])
                    {
                        c.ReportDate(r, p.Source[i], "DATE_PLACED", p.DatePlaced[i]);
                        break;
                    }
                }
            }
        });
        Add("331", Severity.Error, "DATE_MATCH is after the start (DECOM) of the placement from which the child was adopted (REC E11 or E12)", "AD1", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Ad1;
            var e = c.Data.Episodes;
            var adopted = c.Codes.SetOf("E11", "E12");
            for (var i = 0; i < a.Count; i++)
            {
                var rows = e.RowsOf(a.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (adopted.Contains(e.Rec[j]) && Has(e.Decom[j]) && Has(a.DateMatch[i]) && a.DateMatch[i] > e.Decom[j])
                    {
                        c.ReportDate(r, a.Source[i], "DATE_MATCH", a.DateMatch[i]);
                        break;
                    }
                }
            }
        }, "DECOM", "REC");
        Add("334", Severity.Error, "DATE_INT is before the child started to be looked after in the latest period of care (DECOM of the last episode with RNE S)", "AD1", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Ad1;
            for (var i = 0; i < a.Count; i++)
            {
                var started = c.LatestCareStart(a.Child[i]);
                if (Has(started) && Has(a.DateInt[i]) && a.DateInt[i] < started)
                {
                    c.ReportDate(r, a.Source[i], "DATE_INT", a.DateInt[i]);
                }
            }
        }, "DECOM", "RNE");
        Add("184", Severity.Error, "DATE_PLACED (the decision that the child should be placed for adoption) is before the child's DOB", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PlacedAdoption;
            for (var i = 0; i < p.Count; i++)
            {
                var dob = Has(p.Dob[i]) ? p.Dob[i] : c.Dob[p.Child[i]];
                if (Has(dob) && Has(p.DatePlaced[i]) && p.DatePlaced[i] < dob)
                {
                    c.ReportDate(r, p.Source[i], "DATE_PLACED", p.DatePlaced[i]);
                }
            }
        });
        Add("1003", Severity.Error, "DATE_PLACED (the decision that the child should be placed for adoption) is before the child first started to be looked after (DECOM of the first episode with RNE S)", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PlacedAdoption;
            var e = c.Data.Episodes;
            var s = c.Codes.Find("S");
            for (var i = 0; i < p.Count; i++)
            {
                var rows = e.RowsOf(p.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (e.Rne[j] == s && Has(e.Decom[j]))
                    {
                        if (Has(p.DatePlaced[i]) && p.DatePlaced[i] < e.Decom[j])
                        {
                            c.ReportDate(r, p.Source[i], "DATE_PLACED", p.DatePlaced[i]);
                        }

                        break;
                    }
                }
            }
        }, "DECOM", "RNE");
        Add("551", Severity.Error, "The child was placed for adoption (PLACE A3-A6) but there is no DATE_PLACED (the decision that the child should be placed for adoption)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.WithoutDecisionToPlace(r, "PLACE", c.Codes.SetOf("A3", "A4", "A5", "A6"), isPlace: true), "DATE_PLACED");
        Add("552", Severity.Error, "The decision that the child should be placed for adoption (the latest DATE_PLACED) is after the child's first placement for adoption (DECOM of the first A3-A6 episode)", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PlacedAdoption;
            var e = c.Data.Episodes;
            var forAdoption = c.Codes.SetOf("A3", "A4", "A5", "A6");
            for (var child = 0; child + 1 < p.ChildOffsets.Length; child++)
            {
                var latest = -1;
                for (var i = p.ChildOffsets[child]; i < p.ChildOffsets[child + 1]; i++)
                {
                    if (Has(p.DatePlaced[i]) && (latest < 0 || p.DatePlaced[i] > p.DatePlaced[latest]))
                    {
                        latest = i;
                    }
                }

                if (latest < 0)
                {
                    continue;
                }

                var rows = e.RowsOf(child);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (forAdoption.Contains(e.Place[j]) && Has(e.Decom[j]))
                    {
                        if (e.Decom[j] < p.DatePlaced[latest])
                        {
                            c.ReportDate(r, p.Source[latest], "DATE_PLACED", p.DatePlaced[latest]);
                        }

                        break;
                    }
                }
            }
        }, "DECOM", "PLACE");
        Add("553", Severity.Error, "A placement order was granted (LS E1) but there is no DATE_PLACED (the decision that the child should be placed for adoption)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.WithoutDecisionToPlace(r, "LS", c.Codes.SetOf("E1"), isPlace: false), "DATE_PLACED");

        Add("554", Severity.Error, "DATE_PLACED (the decision that the child should be placed for adoption) is after the placement order was granted (DECOM of the child's first episode with LS E1)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => DecidedAfterOrder(c, r, "E1"), "DATE_PLACED", "DECOM");
        // 556 and 555, on freeing orders (D1), are retired by the DfE from 2024/25 (the reference's lac2024_25 drops them).
        Add("556", Severity.Error, "DATE_PLACED (the decision that the child should be placed for adoption) is after the freeing order was granted (DECOM of the child's first episode with LS D1)", "Episodes",
            new CollectionYears(null, 2024), [MethodImpl(Optimized)] (c, r) => DecidedAfterOrder(c, r, "D1"), "DATE_PLACED", "DECOM");
        Add("555", Severity.Error, "A freeing order was granted (LS D1) but there is no decision that the child should be placed for adoption (PlacedAdoption row), or the order is still open and the decision has a DATE_PLACED_CEASED or REASON_PLACED_CEASED", "Episodes",
            new CollectionYears(null, 2024), [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var p = c.Data.PlacedAdoption;
            var d1 = c.Codes.Find("D1");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Ls[i] != d1)
                {
                    continue;
                }

                var rows = p.RowsOf(e.Child[i]);
                if (rows.IsEmpty)
                {
                    c.ReportCode(r, e.Source[i], "LS", e.Ls[i]);
                    continue;
                }

                // An order still open: the decision to place cannot have ended.
                for (var j = rows.Start; j < rows.End && e.Dec[i] == RecordValues.Blank; j++)
                {
                    if (Has(p.DatePlacedCeased[j]))
                    {
                        c.ReportDate(r, p.Source[j], "DATE_PLACED_CEASED", p.DatePlacedCeased[j]);
                    }
                    else if (p.ReasonPlacedCeased[j] != CodeTable.Blank)
                    {
                        c.ReportCode(r, p.Source[j], "REASON_PLACED_CEASED", p.ReasonPlacedCeased[j]);
                    }
                }
            }
        }, "DEC");
        // To 2023/24 a freeing order (D1) counts with a placement order; from 2024/25 (the reference's lac2024_25) only E1.
        Add("557", Severity.Error, "The child was placed for adoption (PLACE A3-A6) or under a placement or freeing order (LS E1, D1) and left care without being adopted (REC other than E11, E12, X1), but DATE_PLACED_CEASED and REASON_PLACED_CEASED are not both given", "Episodes",
            new CollectionYears(null, 2024), [MethodImpl(Optimized)] (c, r) => LeftWithoutAdoption(c, r, "E1", "D1"));
        Add("557", Severity.Error, "The child was placed for adoption (PLACE A3-A6) or under a placement order (LS E1) and left care without being adopted (REC other than E11, E12, X1), but DATE_PLACED_CEASED and REASON_PLACED_CEASED are not both given", "Episodes",
            new CollectionYears(2025, null), [MethodImpl(Optimized)] (c, r) => LeftWithoutAdoption(c, r, "E1"));
        Add("335", Severity.Error, "FOSTER_CARE does not agree with the placement the child was adopted from: 0 with A2, A3 or A5 (adopted by the foster carer), or 1 with A1, A4 or A6", "AD1", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Ad1;
            var e = c.Data.Episodes;
            var adopted = c.Codes.SetOf("E1", "E11", "E12");
            var byCarer = c.Codes.SetOf("A2", "A3", "A5");
            var notByCarer = c.Codes.SetOf("A1", "A4", "A6");
            var zero = c.Codes.Find("0");
            var one = c.Codes.Find("1");
            for (var i = 0; i < a.Count; i++)
            {
                if (a.FosterCare[i] == CodeTable.Blank)
                {
                    continue;
                }

                var rows = e.RowsOf(a.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (adopted.Contains(e.Rec[j])
                        && ((a.FosterCare[i] == zero && byCarer.Contains(e.Place[j])) || (a.FosterCare[i] == one && notByCarer.Contains(e.Place[j]))))
                    {
                        c.ReportCode(r, a.Source[i], "FOSTER_CARE", a.FosterCare[i]);
                        break;
                    }
                }
            }
        }, "PLACE", "REC");

        // Care leavers (OC3), against the other tables
        // New in the DfE's 2023/24 rules.
        Add("347", Severity.Error, "ACCOM is T1 or T2 (a foyer) for a young person under 18 at the start of the collection year", "OC3", new CollectionYears(2024, null), [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            var foyer = c.Codes.SetOf("T1", "T2");
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                if (foyer.Contains(o.Accom[i]) && year > 0 && Has(dob) && Birthday(dob, 18) > YearStart(year))
                {
                    c.ReportCode(r, o.Source[i], "ACCOM", o.Accom[i]);
                }
            }
        }, "DOB");
        Add("391", Severity.Error, "Care-leaver information (IN_TOUCH, ACTIV, ACCOM) is given for a young person not yet 17 at the end of the collection year", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                var given = o.InTouch[i] != CodeTable.Blank || o.Activ[i] != CodeTable.Blank || o.Accom[i] != CodeTable.Blank;
                if (given && year > 0 && Has(dob) && Birthday(dob, 17) > YearEnd(year))
                {
                    c.Report(r, o.Source[i], "DOB", c.Date(dob));
                }
            }
        });
        Add("3001", Severity.Error, "ACCOM Z1 or Z2 (with former foster carers) for a young person whose 17th birthday is in the collection year", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            var withCarers = c.Codes.SetOf("Z1", "Z2");
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : c.Dob[o.Child[i]];
                var year = o.YearAt(i) ?? c.Year(o.Source[i]);
                if (withCarers.Contains(o.Accom[i]) && year > 0 && Has(dob) && Birthday(dob, 17) >= YearStart(year) && Birthday(dob, 17) <= YearEnd(year))
                {
                    c.ReportCode(r, o.Source[i], "ACCOM", o.Accom[i]);
                }
            }
        }, "DOB");
        Add("344", Severity.Error, "IN_TOUCH is DIED or RHOM (the young person has died, or has lived with a parent for 6 months or more), but ACTIV or ACCOM is given other than 0", "OC3", [MethodImpl(Optimized)] (c, r) =>
        {
            var o = c.Data.Oc3;
            var gone = c.Codes.SetOf("DIED", "RHOM");
            var zero = c.Codes.Find("0");
            for (var i = 0; i < o.Count; i++)
            {
                if (!gone.Contains(o.InTouch[i]))
                {
                    continue;
                }

                if (o.Activ[i] != CodeTable.Blank && o.Activ[i] != zero)
                {
                    c.ReportCode(r, o.Source[i], "ACTIV", o.Activ[i]);
                }
                else if (o.Accom[i] != CodeTable.Blank && o.Accom[i] != zero)
                {
                    c.ReportCode(r, o.Source[i], "ACCOM", o.Accom[i]);
                }
            }
        }, "IN_TOUCH");
        Add("134", Severity.Error, "The child has adoption information (AD1) and care-leaver information (OC3): the OC3 cohort has no adoption data", "AD1", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Ad1;
            var o = c.Data.Oc3;
            for (var i = 0; i < a.Count; i++)
            {
                var adoption = Has(a.DateInt[i]) || Has(a.DateMatch[i]) || a.FosterCare[i] != CodeTable.Blank || a.NbAdoptr[i] != CodeTable.Blank
                    || a.SexAdoptr[i] != CodeTable.Blank || a.LsAdoptr[i] != CodeTable.Blank;
                if (!adoption)
                {
                    continue;
                }

                var rows = o.RowsOf(a.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (o.InTouch[j] != CodeTable.Blank || o.Activ[j] != CodeTable.Blank || o.Accom[j] != CodeTable.Blank)
                    {
                        c.Report(r, a.Source[i], "DATE_INT", Has(a.DateInt[i]) ? c.Date(a.DateInt[i]) : null);
                        break;
                    }
                }
            }
        }, "IN_TOUCH", "ACTIV", "ACCOM");
        Add("1014", Severity.Error, "UASC information is given for a care leaver (OC3 information and no episode in the same collection year)", "UASC", [MethodImpl(Optimized)] (c, r) =>
        {
            var u = c.Data.Uasc;
            var o = c.Data.Oc3;
            var e = c.Data.Episodes;
            for (var i = 0; i < u.Count; i++)
            {
                var year = c.Year(u.Source[i]);
                var child = u.Child[i];
                if (year <= 0)
                {
                    continue;
                }

                // Care-leaver information of the same year.
                var careLeaver = false;
                var leavers = o.RowsOf(child);
                for (var j = leavers.Start; j < leavers.End && !careLeaver; j++)
                {
                    careLeaver = (o.YearAt(j) ?? c.Year(o.Source[j])) == year
                        && (o.InTouch[j] != CodeTable.Blank || o.Activ[j] != CodeTable.Blank || o.Accom[j] != CodeTable.Blank);
                }

                if (!careLeaver)
                {
                    continue;
                }

                var inYear = false;
                var rows = e.RowsOf(child);
                for (var j = rows.Start; j < rows.End && !inYear; j++)
                {
                    inYear = Has(e.Decom[j]) && e.Decom[j] <= YearEnd(year) && (e.Dec[j] == RecordValues.Blank || (Has(e.Dec[j]) && e.Dec[j] >= YearStart(year)));
                }

                if (!inYear)
                {
                    c.Report(r, u.Source[i], "DUC", Has(u.Duc[i]) ? c.Date(u.Duc[i]) : null);
                }
            }
        }, "IN_TOUCH", "ACTIV", "ACCOM", "DECOM", "DEC");
        // 1001 and 1002, over the returns since the care leaver's 14th or 16th birthday (Ssda903Validator.Remaining.cs).
        AddCareLeaverHistoryRules();

        // Placement for adoption: the decision against the year, care and adoption
        Add("117", Severity.Error, "DATE_PLACED or DATE_PLACED_CEASED is after the end of the collection year or after the child ceased to be looked after", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PlacedAdoption;
            for (var i = 0; i < p.Count; i++)
            {
                var year = c.Year(p.Source[i]);
                var limit = year > 0 ? YearEnd(year) : int.MaxValue;
                var ceased = c.CareEnded(p.Child[i]);
                if (Has(ceased))
                {
                    limit = Math.Min(limit, ceased);
                }

                if (Has(p.DatePlaced[i]) && p.DatePlaced[i] > limit)
                {
                    c.ReportDate(r, p.Source[i], "DATE_PLACED", p.DatePlaced[i]);
                }
                else if (Has(p.DatePlacedCeased[i]) && p.DatePlacedCeased[i] > limit)
                {
                    c.ReportDate(r, p.Source[i], "DATE_PLACED_CEASED", p.DatePlacedCeased[i]);
                }
            }
        }, "DEC");
        Add("118", Severity.Error, "DATE_PLACED_CEASED is before the start of the collection year or before the child started to be looked after (DECOM of the first episode other than short breaks)", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PlacedAdoption;
            var e = c.Data.Episodes;
            var shortBreaks = c.Codes.SetOf("V3", "V4");
            for (var i = 0; i < p.Count; i++)
            {
                var year = c.Year(p.Source[i]);
                if (!Has(p.DatePlacedCeased[i]))
                {
                    continue;
                }

                var started = RecordValues.Blank;
                var rows = e.RowsOf(p.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (!shortBreaks.Contains(e.Ls[j]) && Has(e.Decom[j]))
                    {
                        started = e.Decom[j];
                        break;
                    }
                }

                if ((year > 0 && p.DatePlacedCeased[i] < YearStart(year)) || (Has(started) && p.DatePlacedCeased[i] < started))
                {
                    c.ReportDate(r, p.Source[i], "DATE_PLACED_CEASED", p.DatePlacedCeased[i]);
                }
            }
        }, "DECOM");
        Add("525", Severity.Error, "The decision to place the child for adoption was reversed (DATE_PLACED_CEASED) but the child has adoption information (AD1) for the year", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PlacedAdoption;
            var a = c.Data.Ad1;
            for (var i = 0; i < p.Count; i++)
            {
                if (!Has(p.DatePlacedCeased[i]))
                {
                    continue;
                }

                var rows = a.RowsOf(p.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (Has(a.DateInt[j]) || Has(a.DateMatch[j]) || a.FosterCare[j] != CodeTable.Blank || a.NbAdoptr[j] != CodeTable.Blank
                        || a.SexAdoptr[j] != CodeTable.Blank || a.LsAdoptr[j] != CodeTable.Blank)
                    {
                        c.ReportDate(r, p.Source[i], "DATE_PLACED_CEASED", p.DatePlacedCeased[i]);
                        break;
                    }
                }
            }
        }, "DATE_INT", "DATE_MATCH");
        Add("579", Severity.Error, "A new decision that the child should be placed for adoption (DATE_PLACED) while an earlier one is still open (no DATE_PLACED_CEASED, or ceased after it)", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PlacedAdoption;
            for (var child = 0; child + 1 < p.ChildOffsets.Length; child++)
            {
                var start = p.ChildOffsets[child];
                var end = p.ChildOffsets[child + 1];
                for (var i = start; i < end; i++)
                {
                    if (!Has(p.DatePlaced[i]))
                    {
                        continue;
                    }

                    for (var j = start; j < end; j++)
                    {
                        // An earlier decision not revoked before this one was made.
                        if (j != i && Has(p.DatePlaced[j]) && p.DatePlaced[j] < p.DatePlaced[i]
                            && (p.DatePlacedCeased[j] == RecordValues.Blank || (Has(p.DatePlacedCeased[j]) && p.DatePlacedCeased[j] > p.DatePlaced[i])))
                        {
                            c.ReportDate(r, p.Source[i], "DATE_PLACED", p.DatePlaced[i]);
                            break;
                        }
                    }
                }
            }
        }, "DATE_PLACED_CEASED");
        Add("583", Severity.Error, "More than one decision that the child should be placed for adoption (DATE_PLACED), but an earlier one has no DATE_PLACED_CEASED (it was not revoked)", "PlacedAdoption", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PlacedAdoption;
            for (var child = 0; child + 1 < p.ChildOffsets.Length; child++)
            {
                var start = p.ChildOffsets[child];
                var end = p.ChildOffsets[child + 1];
                var latest = -1;
                for (var i = start; i < end; i++)
                {
                    if (Has(p.DatePlaced[i]) && (latest < 0 || p.DatePlaced[i] > p.DatePlaced[latest]))
                    {
                        latest = i;
                    }
                }

                for (var i = start; i < end && latest >= 0; i++)
                {
                    if (i != latest && Has(p.DatePlaced[i]) && p.DatePlacedCeased[i] == RecordValues.Blank)
                    {
                        c.Report(r, p.Source[i], "DATE_PLACED_CEASED", null);
                    }
                }
            }
        }, "DATE_PLACED");
        Add("582", Severity.Error, "The child was adopted (REC E11 or E12) on the day it was matched with its adopters (DEC is the AD1's DATE_MATCH): a match is expected before the adoption", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var a = c.Data.Ad1;
            var adopted = c.Codes.SetOf("E11", "E12");
            for (var i = 0; i < e.Count; i++)
            {
                if (!adopted.Contains(e.Rec[i]) || !Has(e.Dec[i]))
                {
                    continue;
                }

                var rows = a.RowsOf(e.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (a.DateMatch[j] == e.Dec[i])
                    {
                        c.ReportDate(r, e.Source[i], "DEC", e.Dec[i]);
                        break;
                    }
                }
            }
        }, "REC", "DATE_MATCH");
        Add("558", Severity.Error, "The child was adopted (REC E11 or E12) but the latest decision to place for adoption has a DATE_PLACED_CEASED: it should be blank", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var p = c.Data.PlacedAdoption;
            var adopted = c.Codes.SetOf("E11", "E12");
            for (var i = 0; i < e.Count; i++)
            {
                if (!adopted.Contains(e.Rec[i]))
                {
                    continue;
                }

                var latest = -1;
                var rows = p.RowsOf(e.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (latest < 0 || p.DatePlaced[j] > p.DatePlaced[latest])
                    {
                        latest = j;
                    }
                }

                if (latest >= 0 && Has(p.DatePlacedCeased[latest]))
                {
                    c.ReportCode(r, e.Source[i], "REC", e.Rec[i]);
                }
            }
        }, "DATE_PLACED");

        Add("1012", Severity.Error, "The child has no episode in the collection year, so there should be no PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2 row for it", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            c.WithoutEpisodeInYear(r, c.Data.PlacedAdoption);
            c.WithoutEpisodeInYear(r, c.Data.Missing);
            c.WithoutEpisodeInYear(r, c.Data.Reviews);
            c.WithoutEpisodeInYear(r, c.Data.Ad1);
            c.WithoutEpisodeInYear(r, c.Data.PrevPerm);
            c.WithoutEpisodeInYear(r, c.Data.Oc2);
        }, "CHILD", "DECOM", "DEC");

        // Rules that need reference lists besides the return (ValidationReferences): without the list a rule needs, it is not
        // run and is listed as not run (NotRun), never passed in silence. The lists' columns are in docs/validation.md.
        Add("633", Severity.Error, "LA_PERM is not a valid local authority code (an English council's LA number, or WAL, SCO, NIR, NUK or 999)", "PrevPerm", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.PrevPerm;
            var valid = new Dictionary<int, bool>();
            for (var i = 0; i < p.Count; i++)
            {
                var code = p.LaPerm[i];
                if (code == CodeTable.Blank)
                {
                    continue;
                }

                if (!valid.TryGetValue(code, out var ok))
                {
                    ok = valid[code] = c.Text(code) is { } text && LaPermCodes.Contains(text);
                }

                if (!ok)
                {
                    c.ReportCode(r, p.Source[i], "LA_PERM", code);
                }
            }
        });
        Needing(NeedsProviders, Add("1008", Severity.Error, "URN is not on the Ofsted provider list (a URN given, not XXXXXXX)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (c.IsUrn(e.Urn[i]) && c.ProviderOf(e.Urn[i]) is null)
                {
                    c.ReportCode(r, e.Source[i], "URN", e.Urn[i]);
                }
            }
        }));
        Needing(NeedsProviderColumn(p => p.HasPlaceCodes, "placement codes"), Add("219", Severity.Error, "PLACE is not one of the placement types the Ofsted provider list gives for the URN", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Place[i] != CodeTable.Blank && c.ProviderOf(e.Urn[i]) is { } provider && !provider.PlaceCodes.Contains(c.Text(e.Place[i])!, StringComparer.OrdinalIgnoreCase))
                {
                    c.ReportCode(r, e.Source[i], "PLACE", e.Place[i]);
                }
            }
        }, "URN"));
        Needing(NeedsProviderColumn(p => p.HasProviderCodes, "placement provider codes"), Add("224", Severity.Error, "PLACE_PROVIDER is not one of the provider types the Ofsted provider list gives for the URN", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (e.PlaceProvider[i] != CodeTable.Blank && c.ProviderOf(e.Urn[i]) is { } provider
                    && !provider.ProviderCodes.Contains(c.Text(e.PlaceProvider[i])!, StringComparer.OrdinalIgnoreCase))
                {
                    c.ReportCode(r, e.Source[i], "PLACE_PROVIDER", e.PlaceProvider[i]);
                }
            }
        }, "URN"));
        Needing(NeedsProviderColumn(p => p.HasPostcodes, "postcode"), Add("221", Severity.Error, "PL_POST is not the postcode the Ofsted provider list gives for the URN (placements H5, K1, K2, K3, R3 and S1, not on short breaks)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            // H5 is a placement type of 2023/24 only and K3 from 2024/25 (146 reports either in another year), so one list serves every year.
            var e = c.Data.Episodes;
            var places = c.Codes.SetOf("H5", "K1", "K2", "K3", "R3", "S1");
            for (var i = 0; i < e.Count; i++)
            {
                if (places.Contains(e.Place[i]) && !c.IsShortBreak(e.Ls[i]) && e.PlPost[i] != CodeTable.Blank && c.ProviderOf(e.Urn[i]) is { } provider
                    && !string.Equals(PostcodeLookup.Normalise(c.Text(e.PlPost[i])), provider.Postcode, StringComparison.Ordinal))
                {
                    c.ReportCode(r, e.Source[i], "PL_POST", e.PlPost[i]);
                }
            }
        }, "URN", "LS"));
        Needing(NeedsProviderColumn(p => p.HasEndDates, "registration end"), Add("227", Severity.Error, "DECOM is on or after the day the URN's registration ended (Ofsted provider list)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (Has(e.Decom[i]) && c.ProviderOf(e.Urn[i]) is { RegistrationEnd: { } ended } && e.Decom[i] >= ended.DayNumber)
                {
                    c.ReportDate(r, e.Source[i], "DECOM", e.Decom[i]);
                }
            }
        }, "URN"));
        Needing(NeedsProviderColumn(p => p.HasEndDates, "registration end"), Add("228", Severity.Error, "DEC is after the day the URN's registration ended, or the episode is open at the end of the year and the registration ended before it (Ofsted provider list)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (c.ProviderOf(e.Urn[i]) is not { RegistrationEnd: { } registration })
                {
                    continue;
                }

                var ended = registration.DayNumber;
                var year = c.Year(e.Source[i]);
                if (Has(e.Dec[i]) ? e.Dec[i] > ended : e.Dec[i] == RecordValues.Blank && year > 0 && YearEnd(year) > ended)
                {
                    c.Report(r, e.Source[i], "DEC", Has(e.Dec[i]) ? c.Date(e.Dec[i]) : null);
                }
            }
        }, "URN"));
        Needing(NeedsProviderCouncils, Add("229", Severity.Error, "PLACE_PROVIDER is PR1 (own provision) but the URN's provider is in another council's area, or PR2 (another council's provision) but it is in this council's area (Ofsted provider list; its council from its la_code or its postcode)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var own = c.Codes.Find("PR1");
            var other = c.Codes.Find("PR2");
            var council = CouncilList.Find(c.Data.CouncilCode)!.Code;
            for (var i = 0; i < e.Count; i++)
            {
                if ((e.PlaceProvider[i] == own || e.PlaceProvider[i] == other) && c.ProviderOf(e.Urn[i]) is { } provider
                    && (provider.Council ?? c.PlaceOf(provider.Postcode)?.UpperTier) is { } area
                    && (e.PlaceProvider[i] == own) != string.Equals(area, council, StringComparison.OrdinalIgnoreCase))
                {
                    c.ReportCode(r, e.Source[i], "PLACE_PROVIDER", e.PlaceProvider[i]);
                }
            }
        }, "URN"));
        // To 2023/24, H5 and P2 (semi-independent and independent living) need no URN; from 2024/25 their successor, K3, does.
        Needing(NeedsCountries, Add("218", Severity.Error, "URN is blank for a placement in England that needs one (all but H5, P1, P2, P3, R1, R2, R5, T0-T4 and Z1) in an episode open at or ending after the start of the year (the placement's country from PL_POST by the postcode lookup)", "Episodes", new CollectionYears(null, 2024),
            [MethodImpl(Optimized)] (c, r) => c.UrnNeeded(r, c.Codes.SetOf("H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1")), "PLACE", "DEC", "PL_POST"));
        Needing(NeedsCountries, Add("218", Severity.Error, "URN is blank for a placement in England that needs one (all but P1, P3, R1, R2, R5, T0-T4, Z1 and Z11-Z14) in an episode open at or ending after the start of the year (the placement's country from PL_POST by the postcode lookup)", "Episodes", new CollectionYears(2025, null),
            [MethodImpl(Optimized)] (c, r) => c.UrnNeeded(r, c.Codes.SetOf("P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14")), "PLACE", "DEC", "PL_POST"));
        Needing(NeedsCountries, Add("230", Severity.Error, "URN is blank or XXXXXXX for an H5 placement in England in an episode ending after 28 October 2023 or still open (the placement's country from PL_POST by the postcode lookup)", "Episodes", new CollectionYears(2024, 2024), [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var h5 = c.Codes.Find("H5");
            var from = new DateOnly(2023, 10, 29).DayNumber;
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Place[i] == h5 && !c.IsShortBreak(e.Ls[i]) && !c.IsUrn(e.Urn[i]) && (e.Dec[i] == RecordValues.Blank || e.Dec[i] >= from)
                    && c.PlaceOf(e.PlPost[i])?.InEngland != false)
                {
                    c.ReportCode(r, e.Source[i], "URN", e.Urn[i]);
                }
            }
        }, "PLACE", "PL_POST"));

        // The placement's council (PL_LA), its location (PL_LOCATION) and its distance from home (PL_DISTANCE) are not columns
        // of the return: the DfE works them out from HOME_POST and PL_POST with a postcode lookup, and so does Lodestar.
        Needing(NeedsPostcodes, Add("392c", Severity.Error, "HOME_POST or PL_POST is not a postcode the postcode lookup knows", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (e.HomePost[i] != CodeTable.Blank && c.PlaceOf(e.HomePost[i]) is null)
                {
                    c.ReportCode(r, e.Source[i], "HOME_POST", e.HomePost[i]);
                }

                if (e.PlPost[i] != CodeTable.Blank && c.PlaceOf(e.PlPost[i]) is null)
                {
                    c.ReportCode(r, e.Source[i], "PL_POST", e.PlPost[i]);
                }
            }
        }));
        Needing(NeedsAreas, Add("169", Severity.Error, "The placement's council (PL_LA, from PL_POST by the postcode lookup) is missing: PL_POST is blank or not a known postcode (not on short breaks)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.PlacementLaMissing(r)));
        Needing(NeedsAreas, Add("179", Severity.Error, "The placement's location in or out of the council's area (PL_LOCATION, from PL_POST by the postcode lookup) is missing: PL_POST is blank or not a known postcode (not on short breaks)", "Episodes",
            [MethodImpl(Optimized)] (c, r) => c.PlacementLaMissing(r)));
        Needing(NeedsAreas, Add("420", Severity.Error, "The placement's council (PL_LA, from PL_POST by the postcode lookup) is given for a short break (LS V3 or V4)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (c.IsShortBreak(e.Ls[i]) && c.PlacementLa(i) is not null)
                {
                    c.ReportCode(r, e.Source[i], "PL_POST", e.PlPost[i]);
                }
            }
        }, "LS"));
        Needing(NeedsCouncilAreas, Add("1015", Severity.Error, "PLACE_PROVIDER is PR1 (own provision) but the placement is outside the council's area (its council from PL_POST by the postcode lookup; not foster or adoption placements, not short breaks)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            var own = c.Codes.Find("PR1");
            var family = c.Codes.SetOf("A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6");
            var council = CouncilList.Find(c.Data.CouncilCode)!.Code;
            for (var i = 0; i < e.Count; i++)
            {
                if (e.PlaceProvider[i] == own && e.Place[i] != CodeTable.Blank && e.Ls[i] != CodeTable.Blank && !family.Contains(e.Place[i]) && !c.IsShortBreak(e.Ls[i])
                    && c.PlacementLa(i) is { } la && !string.Equals(la, council, StringComparison.OrdinalIgnoreCase))
                {
                    c.ReportCode(r, e.Source[i], "PL_POST", e.PlPost[i]);
                }
            }
        }, "PLACE", "LS"));
        // New in 2025/26 (the reference's lac2025_26).
        Needing(NeedsDistances, Add("454", Severity.Error, "The placement is more than 350 miles from home (PL_DISTANCE, from HOME_POST and PL_POST by the postcode lookup)", "Episodes", new CollectionYears(2026, null), [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (c.PlaceOf(e.HomePost[i]) is { } home && c.PlaceOf(e.PlPost[i]) is { } placed && PostcodePlace.PlDistance(home, placed) > 350)
                {
                    c.ReportCode(r, e.Source[i], "PL_POST", e.PlPost[i]);
                }
            }
        }, "HOME_POST"));
        AddUascRules();

        Add("LS-NO-HEADER", Severity.Warning, "The child has episodes but no Header row (sex, date of birth and ethnicity unknown)", "Episodes", [MethodImpl(Optimized)] (c, r) =>
        {
            var e = c.Data.Episodes;
            for (var child = 0; child < c.Data.Children.Count; child++)
            {
                var rows = e.RowsOf(child);
                if (!rows.IsEmpty && c.Data.Header.RowsOf(child).IsEmpty)
                {
                    c.Report(r, e.Source[rows.Start], "CHILD", c.Data.Children.IdOf(child));
                }
            }
        });

        Rules = [.. Checks.Select(c => c.Rule)];
    }

    /// <summary>Every 903 rule, in the order they run.</summary>
    public static IReadOnlyList<ValidationRule> Rules { get; }

    /// <summary>
    /// The rules that could not run on <paramref name="data"/>, and why, rather than passed in silence: 205B for each year whose
    /// UASC table has rows but whose previous year's return was not given, and so each other rule across years for its table;
    /// and each rule that needs a reference list (a postcode lookup, Ofsted's providers) not in <paramref name="references"/>,
    /// or a column it lacks, for each year with episodes.
    /// </summary>
    public static IReadOnlyList<RuleNotRun> NotRun(Ssda903Data data, ValidationReferences? references = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        references ??= ValidationReferences.None;
        var years = data.Files.Select(f => f.CollectionYear).Where(y => y > 0).ToHashSet();
        var uascYears = YearsOf(data, data.Uasc.Source);
        var rule = Rules.First(r => r.Id == "205B");
        var notRun = uascYears
            .Where(y => !years.Contains(y - 1))
            .Select(y => new RuleNotRun(data.CouncilCode, rule, y, $"it compares the UASC table with last year's, and no {new CollectionYears(y - 1, y - 1)} return was given"))
            .ToList();
        notRun.AddRange(AcrossYearsNotRun(data, years));
        var episodeYears = YearsOf(data, data.Episodes.Source);
        foreach (var (needing, need) in Needs)
        {
            if (need(references, data) is { } reason)
            {
                notRun.AddRange(episodeYears.Where(needing.Years.Contains).Select(y => new RuleNotRun(data.CouncilCode, needing, y, reason)));
            }
        }

        notRun.AddRange(UascNotRun(data));
        notRun.AddRange(RemainingNotRun(data, years));
        return [.. notRun.OrderBy(n => n.CollectionYear)];
    }

    // The collection years (known ones) of the files the rows come from.
    private static SortedSet<int> YearsOf(Ssda903Data data, ReadOnlySpan<SourceLocation> rows)
    {
        var years = new SortedSet<int>();
        foreach (var at in rows)
        {
            if (at.File >= 0 && at.File < data.Files.Count && data.Files[at.File].CollectionYear > 0)
            {
                years.Add(data.Files[at.File].CollectionYear);
            }
        }

        return years;
    }

    /// <summary>Runs every rule over <paramref name="data"/>, but those that need a reference list not in <paramref name="references"/> (see <see cref="NotRun"/>).</summary>
    /// <param name="data">One council's 903 records.</param>
    /// <param name="collectionYear">The year to check every row against; null: each row's file's year.</param>
    /// <param name="references">The reference lists; null: none.</param>
    public static IReadOnlyList<Problem> Validate(Ssda903Data data, int? collectionYear = null, ValidationReferences? references = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        references ??= ValidationReferences.None;
        var context = new Context(data, collectionYear, references);
        foreach (var (rule, run) in Checks)
        {
            // A rule of other years is not run at all when every row is checked against one year; nor one without the list it needs.
            if ((collectionYear is not { } year || rule.Years.Contains(year))
                && !(Needs.TryGetValue(rule, out var need) && need(references, data) is not null))
            {
                run(context, rule);
            }
        }

        return context.Diagnostics;
    }

    private const string NoProviders = "it needs Ofsted's provider list, and none was given";

    private const string NoPostcodes = "it needs a postcode lookup, and none was given";

    private static string? NeedsProviders(ValidationReferences references, Ssda903Data data) =>
        references.Providers is null ? NoProviders : null;

    private static Func<ValidationReferences, Ssda903Data, string?> NeedsProviderColumn(Func<OfstedProviders, bool> has, string column) =>
        (references, data) => NeedsProviders(references, data)
            ?? (has(references.Providers!) ? null : $"it needs the provider list's {column} column, and {references.Providers!.Source} has none");

    private static string? NeedsPostcodes(ValidationReferences references, Ssda903Data data) =>
        references.Postcodes is null ? NoPostcodes : null;

    private static string? NeedsCountries(ValidationReferences references, Ssda903Data data) => references.Postcodes switch
    {
        null => NoPostcodes,
        { HasCountries: false } lookup => $"it needs the placement's country, and the postcode lookup {lookup.Source} gives no country or local authority",
        _ => null,
    };

    private static string? NeedsAreas(ValidationReferences references, Ssda903Data data) => references.Postcodes switch
    {
        null => NoPostcodes,
        { HasAreas: false } lookup => $"it needs the placement's council, and the postcode lookup {lookup.Source} gives no local authority",
        _ => null,
    };

    private static string? NeedsCouncilAreas(ValidationReferences references, Ssda903Data data) =>
        NeedsAreas(references, data)
        ?? (CouncilList.Find(data.CouncilCode) is null ? $"it compares the placement's council with this one, and {data.CouncilCode} is not an English council's code" : null);

    private static string? NeedsDistances(ValidationReferences references, Ssda903Data data) => references.Postcodes switch
    {
        null => NoPostcodes,
        { HasGrid: false, HasPositions: false } lookup => $"it needs distances, and the postcode lookup {lookup.Source} gives no grid references or positions",
        _ => null,
    };

    private static string? NeedsProviderCouncils(ValidationReferences references, Ssda903Data data) =>
        NeedsProviders(references, data)
        ?? (CouncilList.Find(data.CouncilCode) is null ? $"it compares each provider's council with this one, and {data.CouncilCode} is not an English council's code"
            : references.Providers!.HasCouncils || references.Postcodes is { HasAreas: true } ? null
            : $"it needs each provider's council, and neither the provider list {references.Providers!.Source} (no la_code column) nor a postcode lookup with local authorities gives it");

    private static void Needing(Func<ValidationReferences, Ssda903Data, string?> need, ValidationRule rule) => Needs[rule] = need;

    /// <summary>Whether the rule <paramref name="id"/> (any version) needs a reference list.</summary>
    internal static bool NeedsReferences(string id) => Needs.Keys.Any(r => r.Id == id);

    // 554, 556: the child's earliest DATE_PLACED is after the DECOM of its first episode with the order's legal status.
    [MethodImpl(Optimized)]
    private static void DecidedAfterOrder(Context c, ValidationRule r, string legalStatus)
    {
        var e = c.Data.Episodes;
        var p = c.Data.PlacedAdoption;
        var ls = c.Codes.Find(legalStatus);
        for (var i = 0; i < e.Count; i++)
        {
            if (e.Ls[i] != ls || !Has(e.Decom[i]))
            {
                continue;
            }

            // The first episode of the child with this status: earlier rows of the child are before it (rows are in DECOM order).
            var rows = e.RowsOf(e.Child[i]);
            var first = true;
            for (var j = rows.Start; j < i && first; j++)
            {
                first = e.Ls[j] != ls;
            }

            var decisions = p.RowsOf(e.Child[i]);
            var earliest = RecordValues.Blank;
            for (var j = decisions.Start; j < decisions.End; j++)
            {
                if (Has(p.DatePlaced[j]) && (!Has(earliest) || p.DatePlaced[j] < earliest))
                {
                    earliest = p.DatePlaced[j];
                }
            }

            if (first && Has(earliest) && earliest > e.Decom[i])
            {
                c.ReportDate(r, e.Source[i], "DECOM", e.Decom[i]);
            }
        }
    }

    // 557: an episode in an adoption placement (A3-A6) or under one of the orders that ended other than by adoption (E11, E12) or a
    // move (X1) needs every decision to place the child for adoption ended: DATE_PLACED_CEASED and REASON_PLACED_CEASED given.
    [MethodImpl(Optimized)]
    private static void LeftWithoutAdoption(Context c, ValidationRule r, params string[] orders)
    {
        var e = c.Data.Episodes;
        var p = c.Data.PlacedAdoption;
        var placed = c.Codes.SetOf("A3", "A4", "A5", "A6");
        var ordered = c.Codes.SetOf(orders);
        var stays = c.Codes.SetOf("E11", "E12", "X1");
        for (var i = 0; i < e.Count; i++)
        {
            if (e.Rec[i] == CodeTable.Blank || stays.Contains(e.Rec[i]) || !(placed.Contains(e.Place[i]) || ordered.Contains(e.Ls[i])))
            {
                continue;
            }

            var rows = p.RowsOf(e.Child[i]);
            var ended = !rows.IsEmpty;
            for (var j = rows.Start; j < rows.End && ended; j++)
            {
                ended = Has(p.DatePlacedCeased[j]) && p.ReasonPlacedCeased[j] != CodeTable.Blank;
            }

            if (!ended)
            {
                c.ReportCode(r, e.Source[i], "REC", e.Rec[i]);
            }
        }
    }

    private static ValidationRule Add(string id, Severity severity, string message, string table, Action<Context, ValidationRule> run, params string[] fields) =>
        Add(id, severity, message, table, CollectionYears.All, run, fields);

    // Fields: the names the message speaks of (every message names what it checks), plus any given.
    private static ValidationRule Add(string id, Severity severity, string message, string table, CollectionYears years, Action<Context, ValidationRule> run, params string[] fields)
    {
        var rule = new ValidationRule(id, severity, message, Return, table)
        {
            Years = years,
            Fields = [.. RuleFields.FieldsNamed(message, RuleFields.Ssda903Columns).Union(fields, StringComparer.Ordinal).Union(FieldsNotNamed.GetValueOrDefault(id, []), StringComparer.Ordinal)],
        };
        Checks.Add((rule, run));
        return rule;
    }

    /// <summary>Whether <paramref name="upn"/> is a UPN's form (a capital letter other than I, O or S, then 12 digits, or 11 digits and a capital letter) or UN1-UN5.</summary>
    [MethodImpl(Optimized)]
    private static bool ValidUpn(string upn)
    {
        if (upn.Length == 3)
        {
            return upn.StartsWith("UN", StringComparison.Ordinal) && upn[2] is >= '1' and <= '5';
        }

        if (upn.Length != 13 || !char.IsAsciiLetterUpper(upn[0]) || upn[0] is 'I' or 'O' or 'S')
        {
            return false;
        }

        for (var k = 1; k < 12; k++)
        {
            if (!char.IsAsciiDigit(upn[k]))
            {
                return false;
            }
        }

        return char.IsAsciiDigit(upn[12]) || char.IsAsciiLetterUpper(upn[12]);
    }

    /// <summary>
    /// The latest day a DATE_PERM can mean, or null when it is not dd/mm/yyyy with ZZ for an unknown day or month and ZZZZ
    /// for an unknown year (upper case, as the DfE writes them). The latest day is taken so that an unknown part never
    /// makes the date look later than the first episode when it may not be.
    /// </summary>
    private static int? LatestPermanenceDay(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 3 || parts[0].Length != 2 || parts[1].Length != 2 || parts[2].Length != 4)
        {
            return null;
        }

        static int? Number(string part) => part.All(char.IsAsciiDigit) ? int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) : null;
        var dayKnown = parts[0] != "ZZ";
        var monthKnown = parts[1] != "ZZ";
        var yearKnown = parts[2] != "ZZZZ";
        var day = dayKnown ? Number(parts[0]) : 1;
        var month = monthKnown ? Number(parts[1]) : 12;
        var year = yearKnown ? Number(parts[2]) : null;
        if (day is null or < 1 or > 31 || month is null or < 1 or > 12 || (yearKnown && year is null or < 1))
        {
            return null;
        }

        if (!yearKnown)
        {
            // Any year: only the form can be checked, and no first episode is later than "some day".
            return int.MinValue;
        }

        if (dayKnown && day > DateTime.DaysInMonth(year!.Value, month!.Value))
        {
            return null;
        }

        var date = new DateOnly(year!.Value, month!.Value, dayKnown ? day!.Value : DateTime.DaysInMonth(year.Value, month.Value));
        return date.DayNumber;
    }

    private sealed class Context : ValidationContext
    {
        private readonly CodeSet _beforeK3;
        private readonly int _k3;
        private readonly int _z1;
        private readonly CodeSet _z1Split;
        private readonly int _x1;
        private readonly int _p2;
        private readonly int _h5;
        private readonly int _s;
        private readonly CodeSet _shortBreaks;

        // Each URN's provider and each postcode's place, looked up once per code (null: not a URN, not found).
        private readonly Dictionary<int, OfstedProvider?> _providers = [];
        private readonly Dictionary<int, PostcodePlace?> _places = [];
        private readonly int _unknownUrn;

        public Context(Ssda903Data data, int? collectionYear, ValidationReferences references)
            : base(data.Files, data.Codes, collectionYear, isoDates: false)
        {
            Data = data;
            References = references;
            _unknownUrn = data.Codes.Find("XXXXXXX");
            _beforeK3 = data.Codes.SetOf("H5", "P2");
            _k3 = data.Codes.Find("K3");
            _z1 = data.Codes.Find("Z1");
            _z1Split = data.Codes.SetOf("Z11", "Z12", "Z13", "Z14");
            _x1 = data.Codes.Find("X1");
            _p2 = data.Codes.Find("P2");
            _h5 = data.Codes.Find("H5");
            _s = data.Codes.Find("S");
            _shortBreaks = data.Codes.SetOf("V3", "V4");
            Dob = new int[data.Children.Count];
            Array.Fill(Dob, RecordValues.Blank);
            var h = data.Header;
            for (var i = h.Count - 1; i >= 0; i--)
            {
                if (Has(h.Dob[i]))
                {
                    Dob[h.Child[i]] = h.Dob[i];
                }
            }
        }

        public Ssda903Data Data { get; }

        /// <summary>The reference lists given (a rule that needs one not given is not run).</summary>
        public ValidationReferences References { get; }

        /// <summary>Whether <paramref name="urn"/> is a URN: given, and not XXXXXXX (no URN for the placement).</summary>
        public bool IsUrn(int urn) => urn != CodeTable.Blank && urn != _unknownUrn;

        /// <summary>Whether <paramref name="ls"/> is a short break (V3, V4).</summary>
        public bool IsShortBreak(int ls) => _shortBreaks.Contains(ls);

        /// <summary>The provider list's entry for <paramref name="urn"/>, or null when it is not a URN or not on the list.</summary>
        public OfstedProvider? ProviderOf(int urn)
        {
            if (!IsUrn(urn) || References.Providers is not { } list)
            {
                return null;
            }

            if (!_providers.TryGetValue(urn, out var provider))
            {
                provider = _providers[urn] = list.Find(Text(urn));
            }

            return provider;
        }

        /// <summary>Where the postcode with code <paramref name="postcode"/> is, or null when it is blank, not a postcode or not in the lookup.</summary>
        public PostcodePlace? PlaceOf(int postcode)
        {
            if (postcode == CodeTable.Blank || References.Postcodes is not { } lookup)
            {
                return null;
            }

            if (!_places.TryGetValue(postcode, out var place))
            {
                place = _places[postcode] = lookup.Find(Text(postcode));
            }

            return place;
        }

        /// <summary>Where <paramref name="postcode"/> is, or null when it is null or not in the lookup.</summary>
        public PostcodePlace? PlaceOf(string? postcode) => References.Postcodes?.Find(postcode);

        /// <summary>
        /// The placement's council as the DfE's PL_LA gives it, worked out from PL_POST of episode <paramref name="i"/>: the upper-tier
        /// council's GSS code in England, WAL, SCO or NIR elsewhere in the UK, NUK outside it (the Channel Islands, the Isle of
        /// Man); null when PL_POST is blank, not in the lookup, or an English postcode the lookup gives no council for.
        /// </summary>
        public string? PlacementLa(int i) => PlacementLaOf(Data.Episodes.PlPost[i]);

        /// <summary>The placement's council as <see cref="PlacementLa"/> gives it, from the PL_POST with code <paramref name="plPost"/>.</summary>
        public string? PlacementLaOf(int plPost) => PlaceOf(plPost) is { } place
            ? place.Country switch
            {
                'W' => "WAL",
                'S' => "SCO",
                'N' => "NIR",
                'L' or 'M' => "NUK",
                _ => place.UpperTier,
            }
            : null;

        /// <summary>169, 179: reports each episode, not a short break, whose placement's council cannot be worked out from PL_POST.</summary>
        [MethodImpl(Optimized)]
        public void PlacementLaMissing(ValidationRule rule)
        {
            var e = Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (!IsShortBreak(e.Ls[i]) && PlacementLa(i) is null)
                {
                    ReportCode(rule, e.Source[i], "PL_POST", e.PlPost[i]);
                }
            }
        }

        /// <summary>
        /// 218: reports each episode without a URN whose placement needs one: not a short break (214 asks a short break for no URN),
        /// PLACE not in <paramref name="exempt"/>, open at or ending after the start of its year, and not known to be outside
        /// England (a PL_POST that the lookup does not find, or none, leaves the placement's country unknown, as the DfE's
        /// placement LA is then blank).
        /// </summary>
        [MethodImpl(Optimized)]
        public void UrnNeeded(ValidationRule rule, CodeSet exempt)
        {
            var e = Data.Episodes;
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Urn[i] != CodeTable.Blank || exempt.Contains(e.Place[i]) || IsShortBreak(e.Ls[i]))
                {
                    continue;
                }

                var year = Year(e.Source[i]);
                if ((year > 0 && Has(e.Dec[i]) && e.Dec[i] < YearStart(year)) || PlaceOf(e.PlPost[i])?.InEngland == false)
                {
                    continue;
                }

                Report(rule, e.Source[i], "URN", null);
            }
        }

        /// <summary>Each child's date of birth from the Header table (blank when none).</summary>
        public int[] Dob { get; }

        /// <summary>What <see cref="CarriedOver"/> pairs, worked out at its first call: every rule across years that compares episodes shares it.</summary>
        public List<(EpisodeAt Now, EpisodeAt Last)>?[] EpisodesCarriedOver { get; } = new List<(EpisodeAt, EpisodeAt)>?[2];

        /// <summary>Each child's first and latest episode of each year (<see cref="FirstOrLastEpisode"/>), found at the first ask.</summary>
        public EpisodesOfYears? EpisodeYears { get; set; }

        /// <summary>What <see cref="HeaderAndLastYears"/> pairs, worked out at its first call.</summary>
        public List<(HeaderAt Now, HeaderAt Last)>? HeadersAndLastYears { get; set; }

        /// <summary>Whether episode <paramref name="i"/> ended (DEC) within its row's collection year; true when the year is unknown.</summary>
        public bool EndsInYear(int i)
        {
            var e = Data.Episodes;
            var year = Year(e.Source[i]);
            return Has(e.Dec[i]) && (year <= 0 || (e.Dec[i] >= YearStart(year) && e.Dec[i] <= YearEnd(year)));
        }

        /// <summary>Calls <paramref name="check"/> for each pair of a child's consecutive episodes (previous, next).</summary>
        [MethodImpl(Optimized)]
        public void Consecutive(Action<int, int> check)
        {
            var e = Data.Episodes;
            for (var i = 1; i < e.Count; i++)
            {
                if (e.Child[i] == e.Child[i - 1])
                {
                    check(i - 1, i);
                }
            }
        }

        /// <summary>
        /// Whether two episodes' PLACE codes name the same placement type. A placement open across a code-list change is
        /// recoded in the later return (P2 becomes H5 in 2023/24, H5 or P2 K3 from 2024/25, Z1 one of Z11-Z14 from 2025/26), so with
        /// several years merged an episode may show the old code and the next, in the same placement, the new one.
        /// </summary>
        [MethodImpl(Optimized)]
        public bool SamePlace(int a, int b) => a == b || Recoded(a, b) || Recoded(b, a);

        private bool Recoded(int old, int now) =>
            (_beforeK3.Contains(old) && now == _k3) || (old == _z1 && _z1Split.Contains(now)) || (old == _p2 && now == _h5);

        /// <summary>
        /// Reports the episode after a temporary stay (T0-T4, perhaps several episodes when the legal status changed during
        /// it) that is not a return (RNE P) to the placement held before: the same PLACE, and the same PL_POST when asked.
        /// </summary>
        [MethodImpl(Optimized)]
        public void ReturnFromTemporary(ValidationRule rule, bool samePostcode)
        {
            var e = Data.Episodes;
            var p = Codes.Find("P");
            var temporary = Codes.SetOf("T0", "T1", "T2", "T3", "T4");
            for (var i = 0; i < e.Count; i++)
            {
                var first = e.ChildOffsets[e.Child[i]];
                if (!temporary.Contains(e.Place[i]) || i == first || temporary.Contains(e.Place[i - 1]))
                {
                    continue;
                }

                var end = e.ChildOffsets[e.Child[i] + 1];
                var after = i + 1;
                while (after < end && temporary.Contains(e.Place[after]))
                {
                    after++;
                }

                if (after < end && (e.Rne[after] != p || !SamePlace(e.Place[after], e.Place[i - 1]) || (samePostcode && e.PlPost[after] != e.PlPost[i - 1])))
                {
                    ReportCode(rule, e.Source[after], "PLACE", e.Place[after]);
                }
            }
        }

        /// <summary>Reports an episode in <paramref name="place"/> that started before the child's <paramref name="years"/>th birthday.</summary>
        [MethodImpl(Optimized)]
        public void PlacedUnderAge(ValidationRule rule, string place, int years)
        {
            var e = Data.Episodes;
            var code = Codes.Find(place);
            for (var i = 0; i < e.Count; i++)
            {
                var dob = Dob[e.Child[i]];
                if (e.Place[i] == code && Has(e.Decom[i]) && Has(dob) && e.Decom[i] < Birthday(dob, years))
                {
                    ReportDate(rule, e.Source[i], "DECOM", e.Decom[i]);
                }
            }
        }

        /// <summary>Reports an episode whose LS (or PLACE) is in <paramref name="codes"/> lasting more than <paramref name="days"/> days; one still open is measured to the year end when asked, else not judged.</summary>
        [MethodImpl(Optimized)]
        public void LongerThan(ValidationRule rule, string column, CodeSet codes, bool isPlace, int days, bool openToYearEnd)
        {
            var e = Data.Episodes;
            var values = isPlace ? e.Place : e.Ls;
            for (var i = 0; i < e.Count; i++)
            {
                if (!codes.Contains(values[i]) || !Has(e.Decom[i]))
                {
                    continue;
                }

                var year = Year(e.Source[i]);
                var end = Has(e.Dec[i]) ? e.Dec[i] : openToYearEnd && e.Dec[i] == RecordValues.Blank && year > 0 ? YearEnd(year) : RecordValues.Blank;
                if (Has(end) && end - e.Decom[i] > days)
                {
                    ReportCode(rule, e.Source[i], column, values[i]);
                }
            }
        }

        /// <summary>Reports an episode whose LS is one of <paramref name="statuses"/> and PLACE one of <paramref name="places"/>.</summary>
        [MethodImpl(Optimized)]
        public void LegalStatusWithPlace(ValidationRule rule, string[] statuses, string[] places)
        {
            var e = Data.Episodes;
            var ls = Codes.SetOf(statuses);
            var pl = Codes.SetOf(places);
            for (var i = 0; i < e.Count; i++)
            {
                if (ls.Contains(e.Ls[i]) && pl.Contains(e.Place[i]))
                {
                    ReportCode(rule, e.Source[i], "PLACE", e.Place[i]);
                }
            }
        }

        /// <summary>The DEC of the child's last episode when it ended care (REC other than X1); blank when the child is still looked after or has no episode.</summary>
        public int CareEnded(int child)
        {
            var e = Data.Episodes;
            var rows = e.RowsOf(child);
            if (rows.IsEmpty)
            {
                return RecordValues.Blank;
            }

            var last = rows.End - 1;
            return Has(e.Dec[last]) && e.Rec[last] != CodeTable.Blank && e.Rec[last] != _x1 ? e.Dec[last] : RecordValues.Blank;
        }

        /// <summary>The DECOM of the child's last episode with RNE S (the start of the latest period of care); blank when none.</summary>
        [MethodImpl(Optimized)]
        public int LatestCareStart(int child)
        {
            var e = Data.Episodes;
            var rows = e.RowsOf(child);
            for (var j = rows.End - 1; j >= rows.Start; j--)
            {
                if (e.Rne[j] == _s && Has(e.Decom[j]))
                {
                    return e.Decom[j];
                }
            }

            return RecordValues.Blank;
        }

        /// <summary>Reports an AD1 row with LS_ADOPTR <paramref name="status"/> whose SEX_ADOPTR is given and not one of <paramref name="sexes"/>.</summary>
        [MethodImpl(Optimized)]
        public void AdopterSexes(ValidationRule rule, string status, params string[] sexes)
        {
            var a = Data.Ad1;
            var ls = Codes.Find(status);
            var allowed = Codes.SetOf(sexes);
            for (var i = 0; i < a.Count; i++)
            {
                if (a.LsAdoptr[i] == ls && a.SexAdoptr[i] != CodeTable.Blank && !allowed.Contains(a.SexAdoptr[i]))
                {
                    ReportCode(rule, a.Source[i], "SEX_ADOPTR", a.SexAdoptr[i]);
                }
            }
        }

        /// <summary>Reports the first episode of a child whose LS (or PLACE) is in <paramref name="codes"/> when the child has no PlacedAdoption row with DATE_PLACED.</summary>
        [MethodImpl(Optimized)]
        public void WithoutDecisionToPlace(ValidationRule rule, string column, CodeSet codes, bool isPlace)
        {
            var e = Data.Episodes;
            var p = Data.PlacedAdoption;
            var values = isPlace ? e.Place : e.Ls;
            for (var child = 0; child + 1 < e.ChildOffsets.Length; child++)
            {
                for (var j = e.ChildOffsets[child]; j < e.ChildOffsets[child + 1]; j++)
                {
                    if (!codes.Contains(values[j]))
                    {
                        continue;
                    }

                    var decided = false;
                    var rows = p.RowsOf(child);
                    for (var i = rows.Start; i < rows.End && !decided; i++)
                    {
                        decided = Has(p.DatePlaced[i]);
                    }

                    if (!decided)
                    {
                        ReportCode(rule, e.Source[j], column, values[j]);
                    }

                    break;
                }
            }
        }

        /// <summary>The first of IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE that OC2 row <paramref name="i"/> leaves blank; null when all are given.</summary>
        public string? HealthItemMissing(int i)
        {
            var o = Data.Oc2;
            return o.Immunisations[i] == CodeTable.Blank ? "IMMUNISATIONS"
                : o.TeethCheck[i] == CodeTable.Blank ? "TEETH_CHECK"
                : o.HealthAssessment[i] == CodeTable.Blank ? "HEALTH_ASSESSMENT"
                : o.SubstanceMisuse[i] == CodeTable.Blank ? "SUBSTANCE_MISUSE"
                : null;
        }

        /// <summary>Reports an OC2 row whose <paramref name="item"/> is 1 while one of the four health items is blank.</summary>
        [MethodImpl(Optimized)]
        public void HealthItemsWith(ValidationRule rule, ReadOnlySpan<int> item)
        {
            var o = Data.Oc2;
            var one = Codes.Find("1");
            for (var i = 0; i < o.Count; i++)
            {
                if (item[i] == one && HealthItemMissing(i) is { } missing)
                {
                    Report(rule, o.Source[i], missing, null);
                }
            }
        }

        /// <summary>Reports an episode with PLACE_PROVIDER <paramref name="provider"/> in one of <paramref name="places"/>.</summary>
        [MethodImpl(Optimized)]
        public void ProviderWith(ValidationRule rule, string provider, params string[] places)
        {
            var e = Data.Episodes;
            var pr = Codes.Find(provider);
            var pl = Codes.SetOf(places);
            for (var i = 0; i < e.Count; i++)
            {
                if (e.PlaceProvider[i] == pr && pl.Contains(e.Place[i]))
                {
                    ReportCode(rule, e.Source[i], "PLACE_PROVIDER", e.PlaceProvider[i]);
                }
            }
        }

        /// <summary>Reports an episode in one of <paramref name="places"/> with a URN other than XXXXXXX (the DfE's "no URN").</summary>
        [MethodImpl(Optimized)]
        public void UrnNotExpected(ValidationRule rule, params string[] places)
        {
            var e = Data.Episodes;
            var pl = Codes.SetOf(places);
            var none = Codes.Find("XXXXXXX");
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Urn[i] != CodeTable.Blank && e.Urn[i] != none && pl.Contains(e.Place[i]))
                {
                    ReportCode(rule, e.Source[i], "URN", e.Urn[i]);
                }
            }
        }

        [MethodImpl(Optimized)]
        public void Pair(ValidationRule rule, string provider, string place)
        {
            var e = Data.Episodes;
            var pr = Codes.Find(provider);
            var pl = Codes.Find(place);
            for (var i = 0; i < e.Count; i++)
            {
                if (e.PlaceProvider[i] == pr && e.Place[i] == pl)
                {
                    ReportCode(rule, e.Source[i], "PLACE_PROVIDER", e.PlaceProvider[i]);
                }
            }
        }

        [MethodImpl(Optimized)]
        public void LegalStatusDated(ValidationRule rule, string status, DateOnly limit, bool after)
        {
            var e = Data.Episodes;
            var ls = Codes.Find(status);
            var cutoff = limit.DayNumber;
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Ls[i] == ls && Has(e.Decom[i]) && (after ? e.Decom[i] > cutoff : e.Decom[i] < cutoff))
                {
                    ReportCode(rule, e.Source[i], "LS", e.Ls[i]);
                }
            }
        }

        [MethodImpl(Optimized)]
        public void AgeAtCeasing(ValidationRule rule, string[] reasons, Func<int, bool> wrongAge)
        {
            var e = Data.Episodes;
            var set = Codes.SetOf(reasons);
            for (var i = 0; i < e.Count; i++)
            {
                var dob = Dob[e.Child[i]];
                if (set.Contains(e.Rec[i]) && Has(dob) && Has(e.Dec[i]) && wrongAge(Age(dob, e.Dec[i])))
                {
                    ReportCode(rule, e.Source[i], "REC", e.Rec[i]);
                }
            }
        }

        /// <summary>Reports runs of consecutive episodes with legal status <paramref name="status"/> lasting more than <paramref name="maxDays"/> days.</summary>
        [MethodImpl(Optimized)]
        public void LegalStatusRun(ValidationRule rule, string status, int maxDays)
        {
            var e = Data.Episodes;
            var ls = Codes.Find(status);
            for (var i = 0; i < e.Count; i++)
            {
                if (e.Ls[i] != ls || (i > 0 && e.Child[i - 1] == e.Child[i] && e.Ls[i - 1] == ls && e.Dec[i - 1] == e.Decom[i]))
                {
                    continue;
                }

                var j = i;
                while (j + 1 < e.Count && e.Child[j + 1] == e.Child[i] && e.Ls[j + 1] == ls && e.Dec[j] == e.Decom[j + 1])
                {
                    j++;
                }

                // As the DfE's rule: an order still open is measured to the end of the collection year.
                var year = Year(e.Source[j]);
                var end = Has(e.Dec[j]) ? e.Dec[j] : e.Dec[j] == RecordValues.Blank && year > 0 ? YearEnd(year) : RecordValues.Blank;
                if (Has(e.Decom[i]) && Has(end) && end - e.Decom[i] > maxDays)
                {
                    ReportCode(rule, e.Source[i], "LS", e.Ls[i]);
                }
            }
        }

        [MethodImpl(Optimized)]
        public void ReviewAge(ValidationRule rule, bool pn0)
        {
            var v = Data.Reviews;
            var code = Codes.Find("PN0");
            for (var i = 0; i < v.Count; i++)
            {
                var dob = Has(v.Dob[i]) ? v.Dob[i] : Dob[v.Child[i]];
                if (!Has(dob) || !Has(v.Review[i]) || v.ReviewCode[i] == CodeTable.Blank)
                {
                    continue;
                }

                var under4 = Age(dob, v.Review[i]) < 4;
                if (pn0 ? v.ReviewCode[i] == code && !under4 : v.ReviewCode[i] != code && under4)
                {
                    ReportCode(rule, v.Source[i], "REVIEW_CODE", v.ReviewCode[i]);
                }
            }
        }

        /// <summary>Reports an OC2 code given for a child whose age at 31 March is one that should leave it blank.</summary>
        [MethodImpl(Optimized)]
        public void Oc2ByAge(ValidationRule rule, ColumnOf<Ssda903Oc2> column, string name, Func<int, bool> mustBeBlank)
        {
            var o = Data.Oc2;
            var values = column(o);
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : Dob[o.Child[i]];
                var year = o.YearAt(i) ?? Year(o.Source[i]);
                if (values[i] != CodeTable.Blank && year > 0 && Has(dob) && mustBeBlank(Age(dob, YearEnd(year))))
                {
                    ReportCode(rule, o.Source[i], name, values[i]);
                }
            }
        }

        /// <summary>Reports an SDQ score or reason given at an age out of range: at the year start (or the day before it, so that a birthday on 1 April counts as in the year, as the DfE's 189 reads) or at its end.</summary>
        [MethodImpl(Optimized)]
        public void SdqAge(ValidationRule rule, Func<int, bool> outOfRange, bool atStart, bool dayBefore = false)
        {
            var o = Data.Oc2;
            for (var i = 0; i < o.Count; i++)
            {
                var dob = Has(o.Dob[i]) ? o.Dob[i] : Dob[o.Child[i]];
                var year = o.YearAt(i) ?? Year(o.Source[i]);
                if (year > 0 && Has(dob) && (Has(o.SdqScore[i]) || o.SdqReason[i] != CodeTable.Blank)
                    && outOfRange(Age(dob, atStart ? YearStart(year) - (dayBefore ? 1 : 0) : YearEnd(year))))
                {
                    Report(rule, o.Source[i], Has(o.SdqScore[i]) ? "SDQ_SCORE" : "SDQ_REASON", null);
                }
            }
        }

        /// <summary>
        /// Whether <paramref name="child"/> was looked after continuously for 12 months at 31 March of <paramref name="year"/>, as the DfE
        /// defines it from the episodes: an episode open at some time in the year, and none that starts care in it (RNE S after its first
        /// day), ends care in it (DEC in the year, REC other than X1) or is a short break (LS V3, V4).
        /// </summary>
        [MethodImpl(Optimized)]
        public bool ContinuouslyLookedAfter(int child, int year)
        {
            var e = Data.Episodes;
            var start = YearStart(year);
            var end = YearEnd(year);
            var rows = e.RowsOf(child);
            var during = false;
            for (var j = rows.Start; j < rows.End; j++)
            {
                if (!Has(e.Decom[j]) || e.Decom[j] > end || (Has(e.Dec[j]) && e.Dec[j] < start))
                {
                    continue;
                }

                during = true;
                if ((e.Rne[j] == _s && e.Decom[j] > start) || (Has(e.Dec[j]) && e.Dec[j] <= end && e.Rec[j] != _x1) || _shortBreaks.Contains(e.Ls[j]))
                {
                    return false;
                }
            }

            return during;
        }

        /// <summary>Whether OC2 row <paramref name="i"/>'s child was not looked after continuously for 12 months at 31 March of the row's year (false when the year is unknown).</summary>
        public bool NotContinuouslyLookedAfter(int i)
        {
            var o = Data.Oc2;
            var year = o.YearAt(i) ?? Year(o.Source[i]);
            return year > 0 && !ContinuouslyLookedAfter(o.Child[i], year);
        }

        /// <summary>
        /// Reports each row of <paramref name="table"/> whose child has no episode open in the row's collection year (starting by its end,
        /// not ended before its start); no episode at all when the year is unknown (1012).
        /// </summary>
        [MethodImpl(Optimized)]
        public void WithoutEpisodeInYear<TTable>(ValidationRule rule, TTable table)
            where TTable : RecordTable
        {
            var e = Data.Episodes;
            for (var i = 0; i < table.Count; i++)
            {
                var year = Year(table.Source[i]);
                var rows = e.RowsOf(table.Child[i]);
                var found = false;
                for (var j = rows.Start; j < rows.End && !found; j++)
                {
                    found = year <= 0 || (Has(e.Decom[j]) && e.Decom[j] <= YearEnd(year) && (!Has(e.Dec[j]) || e.Dec[j] >= YearStart(year)));
                }

                if (!found)
                {
                    Report(rule, table.Source[i], "CHILD", Data.Children.IdOf(table.Child[i]));
                }
            }
        }

        /// <summary>Reports rows of the same child with the same key from the same file (a return holding a record twice).</summary>
        [MethodImpl(Optimized)]
        public void Duplicates<TTable>(ValidationRule rule, TTable table, ColumnOf<TTable>? key, string column)
            where TTable : RecordTable
        {
            var keys = key is null ? default : key(table);
            for (var i = 1; i < table.Count; i++)
            {
                if (table.Child[i] == table.Child[i - 1]
                    && (key is null || keys[i] == keys[i - 1])
                    && table.Source[i].File == table.Source[i - 1].File)
                {
                    Report(rule, table.Source[i], column, key is null ? Data.Children.IdOf(table.Child[i]) : Date(keys[i]));
                }
            }
        }
    }
}
