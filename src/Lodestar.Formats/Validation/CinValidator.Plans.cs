using System.Runtime.CompilerServices;
using Lodestar.Domain.Problems;
using Lodestar.Metrics.Records;
using static Lodestar.Formats.Validation.ValidationContext;

namespace Lodestar.Formats.Validation;

/// <summary>The DfE's CIN rules on CIN plans, section 47 enquiries and child protection plans.</summary>
internal static partial class CinValidator
{
    // Called from the static constructor, after the rules of CinValidator.cs.
    private static void AddPlanRules()
    {
        // CIN plans
        Add("4000", Severity.Error, "CINPlanDates are given for a referral that led to no further action (ReferralNFA true)", "CINdetails", CollectionYears.All,
            [MethodImpl(Optimized)] (c, r) => c.ModulesOnNoFurtherAction(r, c.Data.Plans), "CINPlanStartDate");
        Add("4001", Severity.Error, "A CIN plan with no CINPlanEndDate is open in a referral whose child protection plan is open too (no CPPendDate): the two cannot run at the same time", "CINPlanDates", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.Plans;
            var cp = c.Data.ProtectionPlans;
            for (var referral = 0; referral < c.Data.Referrals.Count; referral++)
            {
                var plans = p.RowsOfReferral(referral);
                if (plans.IsEmpty)
                {
                    continue;
                }

                var cpOpen = false;
                var cpRows = cp.RowsOfReferral(referral);
                for (var j = cpRows.Start; j < cpRows.End && !cpOpen; j++)
                {
                    cpOpen = cp.End[j] == RecordValues.Blank;
                }

                for (var i = plans.Start; i < plans.End && cpOpen; i++)
                {
                    if (p.End[i] == RecordValues.Blank)
                    {
                        c.Report(r, p.Source[i], "CINPlanEndDate", null);
                    }
                }
            }
        });
        // "Between" taken with both ends: an open plan runs to the reference date. A review on the CP plan's own end date is allowed.
        Add("4003", Severity.Error, "A CPPreviewDate falls on or between the CINPlanStartDate and CINPlanEndDate (the reference date, for an open plan) of a CIN plan of the same referral, and is not the plan's CPPendDate: a child protection review is shown while a CIN plan is open", "ChildProtectionPlans", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.Plans;
            var cp = c.Data.ProtectionPlans;
            for (var j = 0; j < cp.Count; j++)
            {
                var year = c.Year(cp.Source[j]);
                var plans = p.RowsOfReferral(cp.Referral[j]);
                if (year == 0 || plans.IsEmpty)
                {
                    continue;
                }

                foreach (var review in cp.ReviewDates[j])
                {
                    if (!Has(review) || review == cp.End[j])
                    {
                        continue;
                    }

                    for (var i = plans.Start; i < plans.End; i++)
                    {
                        if (PlanOpenOn(p.Start[i], p.End[i], review, YearEnd(year), endIncluded: true))
                        {
                            c.ReportDate(r, cp.Source[j], "CPPreviewDate", review);
                            break;
                        }
                    }
                }
            }
        });
        Add("4008", Severity.Error, "CINPlanStartDate is after the child's PersonDeathDate", "CINPlanDates",
            [MethodImpl(Optimized)] (c, r) => AfterDeath(c, r, c.Data.Plans, c.Data.Plans.Start, "CINPlanStartDate"));
        Add("4009Q", Severity.Warning, "CINPlanEndDate is after the child's PersonDeathDate: check and amend, or give a reason", "CINPlanDates",
            [MethodImpl(Optimized)] (c, r) => AfterDeath(c, r, c.Data.Plans, c.Data.Plans.End, "CINPlanEndDate"));
        Add("4012Q", Severity.Warning, "CINPlanStartDate and CINPlanEndDate are the same day: check and amend, or give a reason", "CINPlanDates",
            [MethodImpl(Optimized)] (c, r) => SameDay(c, r, c.Data.Plans, c.Data.Plans.Start, c.Data.Plans.End, "CINPlanEndDate"));
        Add("4014", Severity.Error, "CIN plans overlap: a CINPlanStartDate falls on or between the CINPlanStartDate and CINPlanEndDate (the reference date, for an open plan) of another of the child's CIN plans", "CINPlanDates",
            [MethodImpl(Optimized)] (c, r) => Overlapping(c, r, c.Data.Plans, c.Data.Plans.Start, c.Data.Plans.End, "CINPlanStartDate"));
        // "Unless" the CIN plan starts on the day the CP plan ends (4016), or the CP plan starts on the day the CIN plan ends (4017).
        Add("4016", Severity.Error, "A CIN plan starts while a child protection plan is open: CINPlanStartDate is on or after a CPPstartDate and before its CPPendDate (on or before the reference date, for an open plan)", "CINPlanDates", [MethodImpl(Optimized)] (c, r) =>
            StartsWhileOpen(c, r, c.Data.Plans, c.Data.Plans.Start, c.Data.ProtectionPlans, c.Data.ProtectionPlans.Start, c.Data.ProtectionPlans.End, "CINPlanStartDate"));
        Add("4017", Severity.Error, "A child protection plan starts while a CIN plan is open: CPPstartDate is on or after a CINPlanStartDate and before its CINPlanEndDate (on or before the reference date, for an open plan)", "ChildProtectionPlans", [MethodImpl(Optimized)] (c, r) =>
            StartsWhileOpen(c, r, c.Data.ProtectionPlans, c.Data.ProtectionPlans.Start, c.Data.Plans, c.Data.Plans.Start, c.Data.Plans.End, "CPPstartDate"));

        // Section 47
        // More than 15 working days (England's bank holidays excluded) from the start to the reference date: the conference is overdue.
        Add("8675Q", Severity.Warning, "A section 47 enquiry started more than 15 working days before the reference date but has no DateOfInitialCPC, and ICPCnotRequired is false: check and amend, or give a reason", "Section47", [MethodImpl(Optimized)] (c, r) =>
        {
            // More than 15 working days after the start up to and including the reference date: 16 or more, so the start is
            // before the 16th working day counting back from the reference date, itself counted (the day after it, not).
            var s = c.Data.Section47s;
            for (var i = 0; i < s.Count; i++)
            {
                var year = c.Year(s.Source[i]);
                if (year > 0 && s.IcpcDate[i] == RecordValues.Blank && s.IcpcNotRequired[i] == Flag.No && Has(s.Start[i])
                    && s.Start[i] < c.WorkingDaysBefore(YearEnd(year) + 1, 16))
                {
                    c.ReportDate(r, s.Source[i], "S47ActualStartDate", s.Start[i]);
                }
            }
        });
        Add("8839", Severity.Error, "The referral has more than one section 47 enquiry still waiting for its conference (no DateOfInitialCPC and ICPCnotRequired not true)", "Section47", [MethodImpl(Optimized)] (c, r) =>
        {
            var s = c.Data.Section47s;
            for (var referral = 0; referral < c.Data.Referrals.Count; referral++)
            {
                var rows = s.RowsOfReferral(referral);
                var waiting = 0;
                for (var i = rows.Start; i < rows.End; i++)
                {
                    // The second and each later one is reported.
                    if (s.IcpcDate[i] == RecordValues.Blank && s.IcpcNotRequired[i] != Flag.Yes && ++waiting > 1)
                    {
                        c.Report(r, s.Source[i], "DateOfInitialCPC", null);
                    }
                }
            }
        });
        Add("8870Q", Severity.Warning, "InitialCPCtarget is a Saturday or Sunday: check and amend, or give a reason", "Section47",
            [MethodImpl(Optimized)] (c, r) => c.CheckWeekends(r, c.Data.Section47s, t => t.IcpcTarget, "InitialCPCtarget"));
        // The date of the conference, on the section 47 enquiry or on the referral (the same census item, N00110).
        Add("8875", Severity.Error, "DateOfInitialCPC is a Saturday or Sunday", "Section47", [MethodImpl(Optimized)] (c, r) =>
        {
            c.CheckWeekends(r, c.Data.Section47s, t => t.IcpcDate, "DateOfInitialCPC");
            c.CheckWeekends(r, c.Data.Referrals, t => t.InitialCpc, "DateOfInitialCPC");
        });
        // Another enquiry of the referral runs from its start to its conference, or to the reference date while it waits for one.
        Add("8890", Severity.Error, "A section 47 enquiry starts while another of the referral's is ongoing: S47ActualStartDate falls on or between the other's S47ActualStartDate and DateOfInitialCPC (the reference date, when it has no DateOfInitialCPC and ICPCnotRequired is not true)", "Section47", [MethodImpl(Optimized)] (c, r) =>
        {
            var s = c.Data.Section47s;
            for (var i = 0; i < s.Count; i++)
            {
                var year = c.Year(s.Source[i]);
                if (year == 0 || !Has(s.Start[i]))
                {
                    continue;
                }

                var rows = s.RowsOfReferral(s.Referral[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (j == i || !Has(s.Start[j]) || s.Start[i] < s.Start[j])
                    {
                        continue;
                    }

                    var ongoing = Has(s.IcpcDate[j])
                        ? s.Start[i] <= s.IcpcDate[j]
                        : s.IcpcDate[j] == RecordValues.Blank && s.IcpcNotRequired[j] != Flag.Yes && s.Start[i] <= YearEnd(year);
                    if (ongoing)
                    {
                        c.ReportDate(r, s.Source[i], "S47ActualStartDate", s.Start[i]);
                        break;
                    }
                }
            }
        });

        // Child protection plans
        Add("8840", Severity.Error, "CPPstartDate and CPPendDate are the same day", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => SameDay(c, r, c.Data.ProtectionPlans, c.Data.ProtectionPlans.Start, c.Data.ProtectionPlans.End, "CPPendDate"));
        // The reader counts, per plan, the Reviews groups with no CPPreviewDate and the empty CPPreviewDate elements.
        Add("8842Q", Severity.Warning, "A review group (Reviews) of the child protection plan has no CPPreviewDate: check and amend, or give a reason", "ChildProtectionPlans", [MethodImpl(Optimized)] (c, r) =>
        {
            var cp = c.Data.ProtectionPlans;
            for (var i = 0; i < cp.Count; i++)
            {
                if (Has(cp.BlankReviews[i]) && cp.BlankReviews[i] > 0)
                {
                    c.Report(r, cp.Source[i], "CPPreviewDate", null);
                }
            }
        });
        Add("8915", Severity.Error, "CPPstartDate is after the child's PersonDeathDate", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => AfterDeath(c, r, c.Data.ProtectionPlans, c.Data.ProtectionPlans.Start, "CPPstartDate"));
        Add("8920", Severity.Error, "CPPendDate is after the child's PersonDeathDate", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => AfterDeath(c, r, c.Data.ProtectionPlans, c.Data.ProtectionPlans.End, "CPPendDate"));
        Add("8940", Severity.Error, "Child protection plans overlap: a CPPstartDate falls on or between the CPPstartDate and CPPendDate (the reference date, for an open plan) of another of the child's child protection plans", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => Overlapping(c, r, c.Data.ProtectionPlans, c.Data.ProtectionPlans.Start, c.Data.ProtectionPlans.End, "CPPstartDate"));
    }

    // Whether a plan from start to end (blank: open to the reference date) is open on day: from its start, to its end included or not.
    private static bool PlanOpenOn(int start, int end, int day, int reference, bool endIncluded) =>
        Has(start) && day >= start
        && (Has(end) ? (endIncluded ? day <= end : day < end) : end == RecordValues.Blank && day <= reference);

    // 4008, 4009Q, 8915, 8920: a date of the row after its child's date of death.
    [MethodImpl(Optimized)]
    private static void AfterDeath(Context c, ValidationRule rule, ReferralTable table, ReadOnlySpan<int> dates, string name)
    {
        var children = table.Child;
        for (var i = 0; i < table.Count; i++)
        {
            var death = c.Death[children[i]];
            if (Has(dates[i]) && Has(death) && dates[i] > death)
            {
                c.ReportDate(rule, table.Source[i], name, dates[i]);
            }
        }
    }

    // 4012Q, 8840: a plan that starts and ends on the same day.
    [MethodImpl(Optimized)]
    private static void SameDay(Context c, ValidationRule rule, ReferralTable table, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, string name)
    {
        for (var i = 0; i < table.Count; i++)
        {
            if (Has(starts[i]) && starts[i] == ends[i])
            {
                c.ReportDate(rule, table.Source[i], name, ends[i]);
            }
        }
    }

    // 4014, 8940: a child's plan (of one census) that starts on or between the start and end of another of its plans of that census.
    [MethodImpl(Optimized)]
    private static void Overlapping(Context c, ValidationRule rule, ReferralTable table, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, string name)
    {
        var source = table.Source;
        for (var child = 0; child < c.Data.Children.Count; child++)
        {
            var rows = table.RowsOf(child);
            if (rows.End - rows.Start < 2)
            {
                continue;
            }

            for (var i = rows.Start; i < rows.End; i++)
            {
                var year = c.Year(source[i]);
                if (year == 0 || !Has(starts[i]))
                {
                    continue;
                }

                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (j != i && source[j].File == source[i].File && PlanOpenOn(starts[j], ends[j], starts[i], YearEnd(year), endIncluded: true))
                    {
                        c.ReportDate(rule, source[i], name, starts[i]);
                        break;
                    }
                }
            }
        }
    }

    // 4016, 4017: a child's plan of one kind (of one census) that starts while a plan of the other kind of that census is open:
    // on or after its start and before its end (on or before the reference date when it has none).
    [MethodImpl(Optimized)]
    private static void StartsWhileOpen(Context c, ValidationRule rule, ReferralTable table, ReadOnlySpan<int> starts, ReferralTable other, ReadOnlySpan<int> otherStarts, ReadOnlySpan<int> otherEnds, string name)
    {
        var source = table.Source;
        var otherSource = other.Source;
        for (var child = 0; child < c.Data.Children.Count; child++)
        {
            var rows = table.RowsOf(child);
            var otherRows = other.RowsOf(child);
            if (rows.IsEmpty || otherRows.IsEmpty)
            {
                continue;
            }

            for (var i = rows.Start; i < rows.End; i++)
            {
                var year = c.Year(source[i]);
                if (year == 0 || !Has(starts[i]))
                {
                    continue;
                }

                for (var j = otherRows.Start; j < otherRows.End; j++)
                {
                    if (otherSource[j].File == source[i].File && PlanOpenOn(otherStarts[j], otherEnds[j], starts[i], YearEnd(year), endIncluded: false))
                    {
                        c.ReportDate(rule, source[i], name, starts[i]);
                        break;
                    }
                }
            }
        }
    }
}
