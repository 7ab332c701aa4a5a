using System.Runtime.CompilerServices;
using Lodestar.Domain.Problems;
using Lodestar.Metrics.Records;
using static Lodestar.Formats.Validation.ValidationContext;

namespace Lodestar.Formats.Validation;

/// <summary>The DfE's CIN rules on referrals (CINdetails) and assessments.</summary>
internal static partial class CinValidator
{
    // Called from the static constructor, after the rules of CinValidator.cs.
    private static void AddReferralRules()
    {
        // Judged over the whole census: one finding for a file, on its first child protection plan.
        Add("2883", Severity.Error, "More child protection plans start in the census year (CPPstartDate) than initial conferences are held in it (DateOfInitialCPC of the referrals and their section 47 enquiries)", "ChildProtectionPlans", [MethodImpl(Optimized)] (c, r) =>
        {
            var counts = new Dictionary<int, (SourceLocation First, int Plans, int Conferences)>();
            var p = c.Data.ProtectionPlans;
            for (var i = 0; i < p.Count; i++)
            {
                var at = p.Source[i];
                var (first, plans, conferences) = counts.TryGetValue(at.File, out var found) ? found : (at, 0, 0);
                counts[at.File] = (first, plans + (ReferralInYear(c, at, p.Start[i]) ? 1 : 0), conferences);
            }

            // Conferences count only in a census that has a child protection plan: where none has, none can be too many.
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                if (ReferralInYear(c, f.Source[i], f.InitialCpc[i]) && counts.TryGetValue(f.Source[i].File, out var found))
                {
                    counts[f.Source[i].File] = found with { Conferences = found.Conferences + 1 };
                }
            }

            var s = c.Data.Section47s;
            for (var i = 0; i < s.Count; i++)
            {
                if (ReferralInYear(c, s.Source[i], s.IcpcDate[i]) && counts.TryGetValue(s.Source[i].File, out var found))
                {
                    counts[s.Source[i].File] = found with { Conferences = found.Conferences + 1 };
                }
            }

            foreach (var (first, plans, conferences) in counts.Values)
            {
                if (plans > conferences)
                {
                    c.Report(r, first, "CPPstartDate", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{plans} plans started, {conferences} conferences held"));
                }
            }
        });
        Add("2885", Severity.Error, "A child protection plan starting in the census year does not start on the day of an initial conference: CPPstartDate must be the DateOfInitialCPC of a section 47 enquiry of the referral, or of the referral when it has no section 47 enquiry", "ChildProtectionPlans", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.ProtectionPlans;
            var s = c.Data.Section47s;
            var f = c.Data.Referrals;
            for (var i = 0; i < p.Count; i++)
            {
                if (!ReferralInYear(c, p.Source[i], p.Start[i]))
                {
                    continue;
                }

                var referral = p.Referral[i];
                var enquiries = s.RowsOfReferral(referral);
                var matched = false;
                if (enquiries.IsEmpty)
                {
                    matched = f.InitialCpc[referral] == p.Start[i];
                }
                else
                {
                    for (var j = enquiries.Start; j < enquiries.End && !matched; j++)
                    {
                        matched = s.IcpcDate[j] == p.Start[i];
                    }
                }

                if (!matched)
                {
                    c.ReportDate(r, p.Source[i], "CPPstartDate", p.Start[i]);
                }
            }
        });
        Add("2991Q", Severity.Warning, "A section 47 enquiry is recorded on a referral that has no assessment: check and amend, or give a reason", "CINdetails", CollectionYears.All, [MethodImpl(Optimized)] (c, r) =>
        {
            var s = c.Data.Section47s;
            var a = c.Data.Assessments;
            for (var i = 0; i < s.Count; i++)
            {
                if (a.RowsOfReferral(s.Referral[i]).IsEmpty)
                {
                    c.Report(r, s.Source[i], "S47ActualStartDate", Has(s.Start[i]) ? c.Date(s.Start[i]) : null);
                }
            }
        }, "S47ActualStartDate", "AssessmentActualStartDate");
        Add("8569Q", Severity.Warning, "ReferralNFA is true for a referral made before the working day before the census year started (CINreferralDate): check and amend, or give a reason", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                var year = c.Year(f.Source[i]);
                if (year == 0 || f.Nfa[i] != Flag.Yes || !Has(f.ReferralDate[i]))
                {
                    continue;
                }

                if (f.ReferralDate[i] < c.WorkingDaysBefore(YearStart(year), 1))
                {
                    c.Report(r, f.Source[i], "ReferralNFA", "true");
                }
            }
        });
        Add("8585Q", Severity.Warning, "ReasonForClosure is RC2 (died) but the child has no PersonDeathDate: check and amend, or give a reason", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            var k = c.Data.ChildRecords;
            var died = c.Codes.Find("RC2");
            for (var i = 0; i < f.Count; i++)
            {
                if (f.ReasonForClosure[i] != died || died == CodeTable.Blank)
                {
                    continue;
                }

                // The child's record in the same census.
                var records = k.RowsOf(f.Child[i]);
                var death = false;
                for (var j = records.Start; j < records.End && !death; j++)
                {
                    death = k.Source[j].File == f.Source[i].File && Has(k.Death[j]);
                }

                if (!death)
                {
                    c.ReportCode(r, f.Source[i], "ReasonForClosure", f.ReasonForClosure[i]);
                }
            }
        });
        Add("8816", Severity.Error, "An open referral (no CINclosureDate) that led to further action (ReferralNFA false) is not the child's latest: another referral in the census has a later CINreferralDate", "CINdetails", CollectionYears.All, [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var child = 0; child < c.Data.Children.Count; child++)
            {
                var rows = f.RowsOf(child);
                for (var i = rows.Start; i < rows.End; i++)
                {
                    if (f.ClosureDate[i] != RecordValues.Blank || f.Nfa[i] != Flag.No || !Has(f.ReferralDate[i]))
                    {
                        continue;
                    }

                    for (var j = rows.Start; j < rows.End; j++)
                    {
                        if (f.Source[j].File == f.Source[i].File && f.ReferralDate[j] > f.ReferralDate[i])
                        {
                            c.ReportDate(r, f.Source[i], "CINreferralDate", f.ReferralDate[i]);
                            break;
                        }
                    }
                }
            }
        }, "ReferralNFA");
        // A referral may start the day the one before it closed.
        Add("8820", Severity.Error, "The child's referrals overlap: a CINreferralDate falls on or after another referral's CINreferralDate and before its CINclosureDate (or, when that one is open and led to further action, by the reference date)", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var child = 0; child < c.Data.Children.Count; child++)
            {
                var rows = f.RowsOf(child);
                for (var i = rows.Start; i < rows.End; i++)
                {
                    var year = c.Year(f.Source[i]);
                    var start = f.ReferralDate[i];
                    if (!Has(start))
                    {
                        continue;
                    }

                    for (var j = rows.Start; j < rows.End; j++)
                    {
                        if (j == i || f.Source[j].File != f.Source[i].File || !Has(f.ReferralDate[j]) || start < f.ReferralDate[j])
                        {
                            continue;
                        }

                        var closed = f.ClosureDate[j];
                        var overlaps = Has(closed)
                            ? start < closed
                            : closed == RecordValues.Blank && f.Nfa[j] == Flag.No && year > 0 && start <= YearEnd(year);
                        if (overlaps)
                        {
                            c.ReportDate(r, f.Source[i], "CINreferralDate", start);
                            break;
                        }
                    }
                }
            }
        });
        Add("8825Q", Severity.Warning, "ReasonForClosure is RC8 or RC9 (closed after assessment) but the referral has no assessment: check and amend, or give a reason", "CINdetails", CollectionYears.All, [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            var afterAssessment = c.Codes.SetOf("RC8", "RC9");
            for (var i = 0; i < f.Count; i++)
            {
                if (afterAssessment.Contains(f.ReasonForClosure[i]) && c.Data.Assessments.RowsOfReferral(i).IsEmpty)
                {
                    c.ReportCode(r, f.Source[i], "ReasonForClosure", f.ReasonForClosure[i]);
                }
            }
        }, "AssessmentActualStartDate");
        Add("8831", Severity.Error, "Activity is recorded on a referral with no further action (ReferralNFA true): an AssessmentActualStartDate, AssessmentAuthorisationDate, S47ActualStartDate or DateOfInitialCPC", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            var a = c.Data.Assessments;
            var s = c.Data.Section47s;
            for (var i = 0; i < f.Count; i++)
            {
                if (f.Nfa[i] != Flag.Yes)
                {
                    continue;
                }

                var activity = Has(f.InitialCpc[i]);
                var assessments = a.RowsOfReferral(i);
                for (var j = assessments.Start; j < assessments.End && !activity; j++)
                {
                    activity = Has(a.Start[j]) || Has(a.Authorised[j]);
                }

                var enquiries = s.RowsOfReferral(i);
                for (var j = enquiries.Start; j < enquiries.End && !activity; j++)
                {
                    activity = Has(s.Start[j]) || Has(s.IcpcDate[j]);
                }

                if (activity)
                {
                    c.Report(r, f.Source[i], "ReferralNFA", "true");
                }
            }
        });
        Add("8832", Severity.Error, "A child protection plan is recorded on a referral with no further action (ReferralNFA true)", "CINdetails", CollectionYears.All,
            [MethodImpl(Optimized)] (c, r) => c.ModulesOnNoFurtherAction(r, c.Data.ProtectionPlans), "CPPstartDate");
        Add("8867", Severity.Error, "The referral is closed (CINclosureDate given) but one of its assessments is not completed (AssessmentAuthorisationDate blank)", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            var closures = c.Data.Referrals.ClosureDate;
            for (var i = 0; i < a.Count; i++)
            {
                if (a.Authorised[i] == RecordValues.Blank && Has(closures[a.Referral[i]]))
                {
                    c.Report(r, a.Source[i], "AssessmentAuthorisationDate", null);
                }
            }
        });
        Add("8868", Severity.Error, "The referral is closed (CINclosureDate given) but one of its section 47 enquiries is not completed: it has neither a DateOfInitialCPC nor ICPCnotRequired true", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var s = c.Data.Section47s;
            var closures = c.Data.Referrals.ClosureDate;
            for (var i = 0; i < s.Count; i++)
            {
                if (s.IcpcDate[i] == RecordValues.Blank && s.IcpcNotRequired[i] != Flag.Yes && Has(closures[s.Referral[i]]))
                {
                    c.Report(r, s.Source[i], "DateOfInitialCPC", null);
                }
            }
        });
        Add("8873Q", Severity.Warning, "The referral's only assessment gives AssessmentFactors 21 (no factors identified) but ReasonForClosure is not RC8 or RC9 (closed after assessment): check and amend, or give a reason", "Assessments", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            var f = c.Data.Referrals;
            var none = c.Codes.Find("21");
            var afterAssessment = c.Codes.SetOf("RC8", "RC9");
            for (var i = 0; i < f.Count; i++)
            {
                var assessments = a.RowsOfReferral(i);
                if (none != CodeTable.Blank && assessments.End - assessments.Start == 1 && a.Factors[assessments.Start].Contains(none)
                    && !afterAssessment.Contains(f.ReasonForClosure[i]))
                {
                    c.Report(r, f.Source[i], "ReasonForClosure", c.Text(f.ReasonForClosure[i]));
                }
            }
        });

        // Assessments
        Add("8670Q", Severity.Warning, "An assessment not completed (AssessmentAuthorisationDate blank) started more than 45 working days before the reference date (AssessmentActualStartDate): check and amend, or give a reason", "Assessments", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            for (var i = 0; i < a.Count; i++)
            {
                var year = c.Year(a.Source[i]);
                if (year == 0 || a.Authorised[i] != RecordValues.Blank || !Has(a.Start[i]))
                {
                    continue;
                }

                if (a.Start[i] < c.WorkingDaysBefore(YearEnd(year), 45))
                {
                    c.ReportDate(r, a.Source[i], "AssessmentActualStartDate", a.Start[i]);
                }
            }
        });
        Add("8736", Severity.Error, "An assessment not completed (AssessmentAuthorisationDate blank) must start within the census year (AssessmentActualStartDate)", "Assessments", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            for (var i = 0; i < a.Count; i++)
            {
                var year = c.Year(a.Source[i]);
                if (year > 0 && a.Authorised[i] == RecordValues.Blank && Has(a.Start[i]) && (a.Start[i] < YearStart(year) || a.Start[i] > YearEnd(year)))
                {
                    c.ReportDate(r, a.Source[i], "AssessmentActualStartDate", a.Start[i]);
                }
            }
        });
        Add("8863Q", Severity.Warning, "An assessment starts while another assessment of the referral is ongoing: its AssessmentActualStartDate is on or after the other's and on or before the other's AssessmentAuthorisationDate (or the reference date when it has none): check and amend, or give a reason", "Assessments", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            for (var referral = 0; referral < c.Data.Referrals.Count; referral++)
            {
                var rows = a.RowsOfReferral(referral);
                for (var i = rows.Start; i < rows.End; i++)
                {
                    var start = a.Start[i];
                    var year = c.Year(a.Source[i]);
                    if (!Has(start))
                    {
                        continue;
                    }

                    for (var j = rows.Start; j < rows.End; j++)
                    {
                        if (j == i || !Has(a.Start[j]) || start < a.Start[j])
                        {
                            continue;
                        }

                        var ongoing = Has(a.Authorised[j])
                            ? start <= a.Authorised[j]
                            : a.Authorised[j] == RecordValues.Blank && year > 0 && start <= YearEnd(year);
                        if (ongoing)
                        {
                            c.ReportDate(r, a.Source[i], "AssessmentActualStartDate", start);
                            break;
                        }
                    }
                }
            }
        });
        Add("8869", Severity.Error, "AssessmentFactors 21 (no factors identified) cannot be given with other factors", "Assessments", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            var none = c.Codes.Find("21");
            for (var i = 0; i < a.Count; i++)
            {
                var factors = a.Factors[i];
                if (none != CodeTable.Blank && factors.Length > 1 && factors.Contains(none) && factors.ContainsAnyExcept(none))
                {
                    c.Report(r, a.Source[i], "AssessmentFactors", "21");
                }
            }
        });
        Add("8896", Severity.Error, "The referral has more than one open assessment (no AssessmentAuthorisationDate)", "Assessments", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            for (var referral = 0; referral < c.Data.Referrals.Count; referral++)
            {
                var rows = a.RowsOfReferral(referral);
                var open = false;
                for (var i = rows.Start; i < rows.End; i++)
                {
                    if (a.Authorised[i] != RecordValues.Blank)
                    {
                        continue;
                    }

                    if (open)
                    {
                        c.Report(r, a.Source[i], "AssessmentAuthorisationDate", null);
                    }

                    open = true;
                }
            }
        });
        Add("8897Q", Severity.Warning, "An assessment completed in the census year or later (AssessmentAuthorisationDate) gives no valid AssessmentFactors: check and amend, or give a reason", "Assessments", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            var retired18 = c.Codes.Find("18A");
            var retired19 = c.Codes.Find("19A");
            for (var i = 0; i < a.Count; i++)
            {
                var year = c.Year(a.Source[i]);
                if (year == 0 || !Has(a.Authorised[i]) || a.Authorised[i] < YearStart(year))
                {
                    continue;
                }

                // 18A and 19A are codes the DfE knows (it queries them: 8945Q, 8950Q).
                var valid = false;
                foreach (var code in a.Factors[i])
                {
                    if (code != CodeTable.Blank && (code == retired18 || code == retired19 || c.IsValid(CodeLists.AssessmentFactors, code, 0)))
                    {
                        valid = true;
                        break;
                    }
                }

                if (!valid)
                {
                    c.Report(r, a.Source[i], "AssessmentFactors", a.Factors[i].Length > 0 ? c.Text(a.Factors[i][0]) : null);
                }
            }
        });
        Add("8898", Severity.Error, "The assessment gives the same AssessmentFactors code more than once", "Assessments", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            for (var i = 0; i < a.Count; i++)
            {
                var factors = a.Factors[i];
                for (var j = 1; j < factors.Length; j++)
                {
                    // Reported once a code, at its second appearance.
                    if (factors[..j].Contains(factors[j]) && factors[..j].IndexOf(factors[j]) == factors[..j].LastIndexOf(factors[j]))
                    {
                        c.ReportCode(r, a.Source[i], "AssessmentFactors", factors[j]);
                    }
                }
            }
        });
    }

    /// <summary>Whether <paramref name="day"/> is given and falls within the census year of the row at <paramref name="at"/>.</summary>
    private static bool ReferralInYear(Context c, SourceLocation at, int day)
    {
        var year = c.Year(at);
        return year > 0 && Has(day) && day >= YearStart(year) && day <= YearEnd(year);
    }
}
