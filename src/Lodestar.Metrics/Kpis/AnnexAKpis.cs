using System.Globalization;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Kpis;

/// <summary>
/// The KPIs computed from the Ofsted ILACS Annex A lists: one pass over each list's rows, adding each row's
/// contribution to every period asked for. Definitions: docs/kpis.md ("Annex A") and each KPI's
/// <see cref="KpiDefinition.Definition"/>.
/// </summary>
/// <remarks>
/// A file speaks for its collection year (1 April to 31 March): a row dated in a period counts when that
/// date falls in its file's year, and a measure read on a period's last day reads the file of the year
/// holding that day, so two years' workbooks whose lists overlap never count a row twice. Rows built by
/// hand (no file) speak for every year.
/// </remarks>
internal sealed class AnnexAKpis
{
    /// <summary>Days after a contact within which a referral of the same child counts as following it.</summary>
    internal const int ContactToReferralDays = 30;

    /// <summary>Weeks within which a child in need is to have been seen.</summary>
    internal const int CinSeenWeeks = 4;

    private static readonly int Contacts = KpiCatalog.SlotOf("annexa_contacts");
    private static readonly int ContactsToReferral = KpiCatalog.SlotOf("annexa_contacts_to_referral");
    private static readonly int Decision1Wd = KpiCatalog.SlotOf("annexa_referral_decision_1wd");
    private static readonly int EarlyHelp = KpiCatalog.SlotOf("annexa_early_help_assessments");
    private static readonly int EarlyHelpOpen = KpiCatalog.SlotOf("annexa_early_help_open_rate_per_10k");
    private static readonly int S47Rate = KpiCatalog.SlotOf("annexa_s47_rate_per_10k");
    private static readonly int IcpcNoPlan = KpiCatalog.SlotOf("annexa_icpc_no_plan");
    private static readonly int CinSeen = KpiCatalog.SlotOf("annexa_cin_seen_4w");
    private static readonly int Caseload = KpiCatalog.SlotOf("annexa_caseload_average");
    private static readonly int CpVisits = KpiCatalog.SlotOf("annexa_cp_visits_10wd");
    private static readonly int CpAlone = KpiCatalog.SlotOf("annexa_cp_seen_alone");
    private static readonly int CpVisitsAlone = KpiCatalog.SlotOf("annexa_cp_visits_10wd_seen_alone");
    private static readonly int CpEnded = KpiCatalog.SlotOf("annexa_cp_ended");
    private static readonly int ClaVisits = KpiCatalog.SlotOf("annexa_cla_visits_6w");
    private static readonly int ClaReviews = KpiCatalog.SlotOf("annexa_cla_reviews_in_time");
    private static readonly int ClaPermanence = KpiCatalog.SlotOf("annexa_cla_permanence_plan");
    private static readonly int Cla12Months = KpiCatalog.SlotOf("annexa_cla_12_months");
    private static readonly int ClaHealthDental = KpiCatalog.SlotOf("annexa_cla_health_dental");
    private static readonly int RiOffered = KpiCatalog.SlotOf("annexa_missing_ri_offered");
    private static readonly int RiAccepted = KpiCatalog.SlotOf("annexa_missing_ri_accepted");
    private static readonly int RiHeld = KpiCatalog.SlotOf("annexa_missing_ri_held");
    private static readonly int CareLeavers = KpiCatalog.SlotOf("annexa_care_leavers");
    private static readonly int InTouch = KpiCatalog.SlotOf("annexa_care_leavers_in_touch");
    private static readonly int Placed12m = KpiCatalog.SlotOf("annexa_adoption_placed_12m_of_decision");
    private static readonly int Under18m = KpiCatalog.SlotOf("annexa_adoption_under_18m");
    private static readonly int AdoptersAvailable = KpiCatalog.SlotOf("annexa_adopters_available");

    private readonly AnnexAData _data;
    private readonly KpiOptions _options;
    private readonly KpiTally _tally;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly int[] _yearOfEnd;
    private readonly bool[] _yearEnd;

    public AnnexAKpis(AnnexAData data, KpiOptions options, KpiTally tally, int[] start, int[] end)
    {
        _data = data;
        _options = options;
        _tally = tally;
        _start = start;
        _end = end;
        _yearOfEnd = [.. end.Select(e => Period.ReportingYearOf(DateOnly.FromDayNumber(e)))];
        _yearEnd = [.. end.Select(e => DateOnly.FromDayNumber(e) is { Month: 3, Day: 31 })];
    }

    /// <summary>True for the KPIs that count adopters (List 11), whose ids are adopters', not children's.</summary>
    public static bool CountsAdopters(string kpiId) => kpiId == "annexa_adopters_available";

    /// <summary>Adds the rows of children [from, to) (adopters [adopterFrom, adopterTo)) to every period.</summary>
    public void Run(int from, int to, int adopterFrom, int adopterTo)
    {
        bool In(int child) => child >= from && child < to;
        var referralDays = DaysByChild(_data.Referrals.Select(r => (r.Child, r.Date)));
        var contactDays = DaysByChild(_data.Contacts.Select(c => (c.Child, c.Date)));
        var caseload = new HashSet<int>[_start.Length];
        // A KPI whose list no file held has no data: 0 would say the council had none.
        int[][] needs =
        [
            [1, Contacts], [1, ContactsToReferral], [3, ContactsToReferral], [1, Decision1Wd], [3, Decision1Wd], [2, EarlyHelp], [2, EarlyHelpOpen],
            [5, S47Rate], [5, IcpcNoPlan], [6, CinSeen], [6, Caseload], [7, CpVisits], [7, CpAlone], [7, CpVisitsAlone], [7, CpEnded],
            [8, ClaVisits], [8, ClaReviews], [8, ClaPermanence], [8, Cla12Months], [8, ClaHealthDental], [8, RiOffered], [8, RiAccepted], [8, RiHeld],
            [9, CareLeavers], [9, InTouch], [10, Placed12m], [10, Under18m], [11, AdoptersAvailable],
        ];
        for (var p = 0; p < _start.Length; p++)
        {
            foreach (var need in needs.Where(n => !_data.Holds(n[0])))
            {
                _tally.MarkNoData(need[1], p);
            }

            caseload[p] = [];
            if (!_yearEnd[p])
            {
                foreach (var slot in (int[])[RiOffered, RiAccepted, RiHeld, CareLeavers, InTouch])
                {
                    _tally.MarkNoData(slot, p);
                }
            }
        }

        foreach (var c in _data.Contacts.Where(c => In(c.Child)))
        {
            Contact(c, referralDays);
        }

        foreach (var r in _data.Referrals.Where(r => In(r.Child)))
        {
            Referral(r, contactDays);
        }

        foreach (var e in _data.EarlyHelp.Where(e => In(e.Child)))
        {
            EarlyHelpAssessment(e);
        }

        foreach (var s in _data.Section47s.Where(s => In(s.Child)))
        {
            Section47(s);
        }

        foreach (var c in _data.CinCases.Where(c => In(c.Child)))
        {
            CinCase(c, caseload);
        }

        foreach (var plan in _data.ProtectionPlans.Where(x => In(x.Child)))
        {
            ProtectionPlan(plan);
        }

        foreach (var cla in _data.LookedAfter.Where(x => In(x.Child)))
        {
            LookedAfter(cla);
        }

        foreach (var leaver in _data.CareLeavers.Where(x => In(x.Child)))
        {
            CareLeaver(leaver);
        }

        foreach (var adoption in _data.Adoptions.Where(x => In(x.Child)))
        {
            Adoption(adoption);
        }

        foreach (var adopter in _data.AdopterRecords.Where(x => x.Adopter >= adopterFrom && x.Adopter < adopterTo))
        {
            Adopter(adopter);
        }

        for (var p = 0; p < _start.Length; p++)
        {
            _tally.SetDenominator(Caseload, p, caseload[p].Count);
        }
    }

    private List<int>[] DaysByChild(IEnumerable<(int Child, int Day)> rows)
    {
        var days = new List<int>[_data.Children.Count];
        foreach (var (child, day) in rows.Where(r => RecordValues.HasValue(r.Day)))
        {
            (days[child] ??= []).Add(day);
        }

        foreach (var list in days)
        {
            list?.Sort();
        }

        return days;
    }

    // A row dated `day` counts in period p when the day is in the period and in its file's year.
    private bool Dated(SourceLocation at, int day, int p) =>
        RecordValues.HasValue(day) && day >= _start[p] && day <= _end[p] && Speaks(at, day);

    private bool Speaks(SourceLocation at, int day)
    {
        var year = _data.YearOf(at);
        return year == 0 || year == Period.ReportingYearOf(DateOnly.FromDayNumber(day));
    }

    // A row read on period p's last day: its file is the one of the year holding that day.
    private bool AtEnd(SourceLocation at, int p)
    {
        var year = _data.YearOf(at);
        return year == 0 || year == _yearOfEnd[p];
    }

    private static bool OpenAt(int start, int end, int day, bool blankStartIsOpen = false) =>
        (RecordValues.HasValue(start) ? start <= day : blankStartIsOpen && start == RecordValues.Blank)
        && (end == RecordValues.Blank || (RecordValues.HasValue(end) && end > day));

    private static string Show(int day) =>
        RecordValues.Date(day)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "blank";

    private void Contact(AnnexAContact c, List<int>[] referralDays)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            if (!Dated(c.Source, c.Date, p))
            {
                continue;
            }

            _tally.AddNumerator(Contacts, p, c.Child);
            _tally.AddDenominator(ContactsToReferral, p, c.Child);
            var referral = referralDays[c.Child]?.FirstOrDefault(d => d >= c.Date && d <= c.Date + ContactToReferralDays, RecordValues.Blank) ?? RecordValues.Blank;
            if (referral != RecordValues.Blank)
            {
                _tally.AddNumerator(ContactsToReferral, p, c.Child);
            }

            _tally.Note(Contacts, c.Child, $"contact on {Show(c.Date)} ({_data.Describe(c.Source)})");
            _tally.Note(ContactsToReferral, c.Child, $"contact on {Show(c.Date)}: {(referral == RecordValues.Blank ? $"no referral within {ContactToReferralDays} days" : $"referral on {Show(referral)}")}");
        }
    }

    private void Referral(AnnexAReferral r, List<int>[] contactDays)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            if (!Dated(r.Source, r.Date, p))
            {
                continue;
            }

            var contact = contactDays[r.Child]?.LastOrDefault(d => d <= r.Date && d >= r.Date - ContactToReferralDays, RecordValues.Blank) ?? RecordValues.Blank;
            if (contact == RecordValues.Blank)
            {
                _tally.Note(Decision1Wd, r.Child, $"left out: referral on {Show(r.Date)} has no contact in the {ContactToReferralDays} days before it");
                continue;
            }

            var days = _options.Calendar.WorkingDaysBetween(contact, r.Date);
            _tally.AddDenominator(Decision1Wd, p, r.Child);
            if (days <= 1)
            {
                _tally.AddNumerator(Decision1Wd, p, r.Child);
            }

            _tally.Note(Decision1Wd, r.Child, $"contact on {Show(contact)}, referral on {Show(r.Date)}: {days} working days");
        }
    }

    private void EarlyHelpAssessment(AnnexAEarlyHelp e)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            if (Dated(e.Source, e.Start, p))
            {
                _tally.AddNumerator(EarlyHelp, p, e.Child);
                _tally.Note(EarlyHelp, e.Child, $"early help assessment started {Show(e.Start)}");
            }

            if (AtEnd(e.Source, p) && OpenAt(e.Start, e.Completed, _end[p]))
            {
                _tally.AddNumerator(EarlyHelpOpen, p, e.Child);
                _tally.Note(EarlyHelpOpen, e.Child, $"early help assessment started {Show(e.Start)}, completed {Show(e.Completed)}: open at the end");
            }
        }
    }

    private void Section47(AnnexASection47 s)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            if (Dated(s.Source, s.Start, p))
            {
                _tally.AddNumerator(S47Rate, p, s.Child);
                _tally.Note(S47Rate, s.Child, $"section 47 enquiry started {Show(s.Start)}");
            }

            if (Dated(s.Source, s.Icpc, p) && s.IcpcToPlan is Flag.Yes or Flag.No)
            {
                _tally.AddDenominator(IcpcNoPlan, p, s.Child);
                if (s.IcpcToPlan == Flag.No)
                {
                    _tally.AddNumerator(IcpcNoPlan, p, s.Child);
                }

                _tally.Note(IcpcNoPlan, s.Child, $"ICPC on {Show(s.Icpc)}: plan {(s.IcpcToPlan == Flag.Yes ? "made" : "not made")}");
            }
        }
    }

    private void CinCase(AnnexACinCase c, HashSet<int>[] caseload)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            var end = _end[p];
            if (!AtEnd(c.Source, p) || !OpenAt(c.Start, c.Closed, end, blankStartIsOpen: true))
            {
                continue;
            }

            if (c.Worker >= 0)
            {
                _tally.AddNumerator(Caseload, p, c.Child);
                caseload[p].Add(c.Worker);
            }

            if (RecordValues.HasValue(c.LastSeen) && c.LastSeen > end)
            {
                _tally.Note(CinSeen, c.Child, $"left out: last seen {Show(c.LastSeen)}, after the end: the list cannot say when the child was seen before it");
                continue;
            }

            _tally.AddDenominator(CinSeen, p, c.Child);
            var inTime = RecordValues.HasValue(c.LastSeen) && c.LastSeen >= end - (CinSeenWeeks * 7);
            if (inTime)
            {
                _tally.AddNumerator(CinSeen, p, c.Child);
            }

            _tally.Note(CinSeen, c.Child, $"open at the end, last seen {Show(c.LastSeen)}: {(inTime ? "within" : "not within")} {CinSeenWeeks} weeks");
        }
    }

    private void ProtectionPlan(AnnexAProtectionPlan plan)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            if (Dated(plan.Source, plan.End, p))
            {
                _tally.AddNumerator(CpEnded, p, plan.Child);
                _tally.Note(CpEnded, plan.Child, $"plan ended {Show(plan.End)}");
            }

            var end = _end[p];
            if (!AtEnd(plan.Source, p) || !OpenAt(plan.Start, plan.End, end))
            {
                continue;
            }

            if (RecordValues.HasValue(plan.LastVisit) && plan.LastVisit > end)
            {
                _tally.Note(KpiTally.AnySlot, plan.Child, $"left out: last visit {Show(plan.LastVisit)}, after the end: the list cannot say what the visit before it was");
                continue;
            }

            var visited = RecordValues.HasValue(plan.LastVisit);
            var inTime = visited && _options.Calendar.WorkingDaysBetween(plan.LastVisit, end) <= 10;
            var alone = plan.SeenAlone == Flag.Yes;
            _tally.AddDenominator(CpVisits, p, plan.Child);
            _tally.AddDenominator(CpVisitsAlone, p, plan.Child);
            if (inTime)
            {
                _tally.AddNumerator(CpVisits, p, plan.Child);
            }

            if (inTime && alone)
            {
                _tally.AddNumerator(CpVisitsAlone, p, plan.Child);
            }

            if (visited)
            {
                _tally.AddDenominator(CpAlone, p, plan.Child);
                if (alone)
                {
                    _tally.AddNumerator(CpAlone, p, plan.Child);
                }
            }

            _tally.Note(KpiTally.AnySlot, plan.Child, $"on a plan at the end, last visit {Show(plan.LastVisit)} ({(inTime ? "within" : "not within")} 10 working days), seen alone: {plan.SeenAlone}");
        }
    }

    private void LookedAfter(AnnexALookedAfter cla)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            var end = _end[p];
            if (_yearEnd[p] && AtEnd(cla.Source, p) && cla.MissingEpisodes > 0 && RecordValues.HasValue(cla.MissingEpisodes))
            {
                _tally.AddDenominator(RiOffered, p, cla.Child);
                _tally.AddDenominator(RiHeld, p, cla.Child);
                if (cla.InterviewOffered == Flag.Yes)
                {
                    _tally.AddNumerator(RiOffered, p, cla.Child);
                    _tally.AddDenominator(RiAccepted, p, cla.Child);
                    if (cla.InterviewAccepted == Flag.Yes)
                    {
                        _tally.AddNumerator(RiAccepted, p, cla.Child);
                        _tally.AddNumerator(RiHeld, p, cla.Child);
                    }
                }

                _tally.Note(KpiTally.AnySlot, cla.Child, $"{cla.MissingEpisodes} missing episodes; return interview offered: {cla.InterviewOffered}, accepted: {cla.InterviewAccepted}");
            }

            if (!AtEnd(cla.Source, p) || !OpenAt(cla.Start, cla.Ceased, end))
            {
                continue;
            }

            var date = DateOnly.FromDayNumber(end);
            var yearBefore = date.AddYears(-1).DayNumber;
            _tally.AddDenominator(ClaPermanence, p, cla.Child);
            _tally.AddDenominator(Cla12Months, p, cla.Child);
            if (cla.PermanencePlan)
            {
                _tally.AddNumerator(ClaPermanence, p, cla.Child);
            }

            if (cla.Start <= yearBefore)
            {
                _tally.AddNumerator(Cla12Months, p, cla.Child);
                if (LaterThan(cla.LastHealthAssessment, end) || LaterThan(cla.LastDentalCheck, end))
                {
                    _tally.NoteFixed(ClaHealthDental, cla.Child, "left out: a check dated after the end");
                }
                else
                {
                    _tally.AddDenominator(ClaHealthDental, p, cla.Child);
                    if (Within(cla.LastHealthAssessment, yearBefore, end) && Within(cla.LastDentalCheck, yearBefore, end))
                    {
                        _tally.AddNumerator(ClaHealthDental, p, cla.Child);
                    }
                }
            }

            // Visits: the first is due within a week of the start of care, then every 6 weeks.
            if (LaterThan(cla.LastVisit, end))
            {
                _tally.Note(ClaVisits, cla.Child, $"left out: last visit {Show(cla.LastVisit)}, after the end");
            }
            else if (end - cla.Start < 7 && !RecordValues.HasValue(cla.LastVisit))
            {
                _tally.Note(ClaVisits, cla.Child, $"left out: looked after since {Show(cla.Start)}, first visit not yet due");
            }
            else
            {
                _tally.AddDenominator(ClaVisits, p, cla.Child);
                if (Within(cla.LastVisit, end - 42, end))
                {
                    _tally.AddNumerator(ClaVisits, p, cla.Child);
                }

                _tally.Note(ClaVisits, cla.Child, $"looked after at the end, last visit {Show(cla.LastVisit)}");
            }

            // Reviews: the first is due 20 working days after the start of care; every later one within 6 months.
            if (LaterThan(cla.LatestReview, end))
            {
                _tally.Note(ClaReviews, cla.Child, $"left out: latest review {Show(cla.LatestReview)}, after the end");
            }
            else if (_options.Calendar.WorkingDaysBetween(cla.Start, end) <= 20)
            {
                _tally.Note(ClaReviews, cla.Child, $"left out: looked after since {Show(cla.Start)}, first review not yet due");
            }
            else
            {
                _tally.AddDenominator(ClaReviews, p, cla.Child);
                if (Within(cla.LatestReview, date.AddMonths(-6).DayNumber, end))
                {
                    _tally.AddNumerator(ClaReviews, p, cla.Child);
                }

                _tally.Note(ClaReviews, cla.Child, $"looked after since {Show(cla.Start)}, latest review {Show(cla.LatestReview)}");
            }
        }
    }

    private static bool LaterThan(int day, int end) => RecordValues.HasValue(day) && day > end;

    private static bool Within(int day, int from, int to) => RecordValues.HasValue(day) && day >= from && day <= to;

    private void CareLeaver(AnnexACareLeaver leaver)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            if (!_yearEnd[p] || !AtEnd(leaver.Source, p))
            {
                continue;
            }

            _tally.AddNumerator(CareLeavers, p, leaver.Child);
            if (leaver.InTouch is not (AnnexAInTouch.Died or AnnexAInTouch.Blank or AnnexAInTouch.Invalid))
            {
                _tally.AddDenominator(InTouch, p, leaver.Child);
                if (leaver.InTouch == AnnexAInTouch.Yes)
                {
                    _tally.AddNumerator(InTouch, p, leaver.Child);
                }
            }

            _tally.Note(KpiTally.AnySlot, leaver.Child, $"care leaver, LA in touch: {leaver.InTouch}");
        }
    }

    private void Adoption(AnnexAAdoption a)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            if (!Dated(a.Source, a.AdoptionOrder, p))
            {
                continue;
            }

            if (RecordValues.HasValue(a.Decision) && RecordValues.HasValue(a.Placed))
            {
                _tally.AddDenominator(Placed12m, p, a.Child);
                if (a.Placed <= DateOnly.FromDayNumber(a.Decision).AddMonths(12).DayNumber)
                {
                    _tally.AddNumerator(Placed12m, p, a.Child);
                }
            }

            if (RecordValues.HasValue(a.EnteredCare) && RecordValues.HasValue(a.Placed))
            {
                _tally.AddDenominator(Under18m, p, a.Child);
                if (a.Placed < DateOnly.FromDayNumber(a.EnteredCare).AddMonths(18).DayNumber)
                {
                    _tally.AddNumerator(Under18m, p, a.Child);
                }
            }

            _tally.Note(KpiTally.AnySlot, a.Child, $"adopted {Show(a.AdoptionOrder)}: entered care {Show(a.EnteredCare)}, decision {Show(a.Decision)}, placed {Show(a.Placed)}");
        }
    }

    private void Adopter(AnnexAAdopter a)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            var end = _end[p];
            if (AtEnd(a.Source, p) && Within(a.Approved, int.MinValue + 2, end) && !Within(a.Matched, int.MinValue + 2, end) && !Within(a.Left, int.MinValue + 2, end))
            {
                _tally.AddNumerator(AdoptersAvailable, p, a.Adopter);
                _tally.Note(AdoptersAvailable, a.Adopter, $"approved {Show(a.Approved)}, not matched or left by the end");
            }
        }
    }
}
