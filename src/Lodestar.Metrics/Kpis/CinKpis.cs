using System.Globalization;
using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Kpis;

/// <summary>
/// The children-in-need and child-protection KPIs (CIN census): one sweep over each child's referrals,
/// assessments, section 47 enquiries and plans, adding the child's contribution to every period asked
/// for. Definitions: docs/kpis.md and <see cref="KpiEngine"/>.
/// </summary>
internal sealed class CinKpis
{
    private static readonly int Referrals = KpiCatalog.SlotOf("referrals");
    private static readonly int Rereferrals = KpiCatalog.SlotOf("rereferrals_12m");
    private static readonly int Nfa = KpiCatalog.SlotOf("referrals_nfa");
    private static readonly int Assessments45 = KpiCatalog.SlotOf("assessments_in_45_days");
    private static readonly int S47Started = KpiCatalog.SlotOf("s47_started");
    private static readonly int S47ToIcpc = KpiCatalog.SlotOf("s47_to_icpc");
    private static readonly int Icpc15 = KpiCatalog.SlotOf("icpc_in_15_days");
    private static readonly int CppAtEnd = KpiCatalog.SlotOf("cpp_at_end");
    private static readonly int CppRate = KpiCatalog.SlotOf("cpp_rate_per_10k");
    private static readonly int CppStarted = KpiCatalog.SlotOf("cpp_started");
    private static readonly int CppSubsequent = KpiCatalog.SlotOf("cpp_subsequent");
    private static readonly int CppSubsequent2y = KpiCatalog.SlotOf("cpp_subsequent_2y");
    private static readonly int CppEnded2y = KpiCatalog.SlotOf("cpp_ended_2y_plus");
    private static readonly int CppReviews = KpiCatalog.SlotOf("cpp_reviews_in_time");
    private static readonly int CppByCategory = KpiCatalog.SlotOf("cpp_by_category");
    private static readonly int CinAtEnd = KpiCatalog.SlotOf("cin_at_end");
    private static readonly int CinRate = KpiCatalog.SlotOf("cin_rate_per_10k");
    private static readonly int CinPlans12 = KpiCatalog.SlotOf("cin_plans_over_12m");
    private static readonly int Cpp2yAtEnd = KpiCatalog.SlotOf("cpp_2y_plus_at_end");
    private static readonly int[] FactorSlots = [.. KpiCatalog.AssessmentFactors.Select(f => KpiCatalog.SlotOf(f.Id))];
    private static readonly int[] OpenFactorSlots = [.. KpiCatalog.OpenCaseFactors.Select(f => KpiCatalog.SlotOf(f.Id))];

    private readonly CinData _data;
    private readonly KpiOptions _options;
    private readonly KpiTally _tally;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly int[] _categoryOf;

    // Assessment factor code id -> bit mask of the factor KPIs (index into FactorSlots) it counts for.
    private readonly int[] _factorsOf;

    // The same for the open-case factor KPIs (index into OpenFactorSlots).
    private readonly int[] _openFactorsOf;

    // Which tables' measures the asked KPIs need (all of them unless a selection was asked for).
    private readonly bool _referrals;
    private readonly bool _openCaseFactors;
    private readonly bool _assessments;
    private readonly bool _section47s;
    private readonly bool _protection;
    private readonly bool _plansOver12m;

    // The child's CP plans in start order (rows of ProtectionPlans).
    private int[] _plans = new int[8];
    private int _planCount;

    public CinKpis(CinData data, KpiOptions options, KpiTally tally, int[] start, int[] end)
    {
        _data = data;
        _options = options;
        _tally = tally;
        _start = start;
        _end = end;
        _categoryOf = new int[data.Codes.Count];
        var unknown = KpiCatalog.AbuseCategories.Count - 1;
        Array.Fill(_categoryOf, unknown);
        for (var c = 0; c < unknown; c++)
        {
            var id = data.Codes.Find(KpiCatalog.AbuseCategories[c]);
            if (id >= 0)
            {
                _categoryOf[id] = c;
            }
        }

        _openFactorsOf = new int[data.Codes.Count];
        for (var f = 0; f < KpiCatalog.OpenCaseFactors.Count; f++)
        {
            foreach (var code in KpiCatalog.OpenCaseFactors[f].Codes)
            {
                var id = data.Codes.Find(code);
                if (id >= 0)
                {
                    _openFactorsOf[id] |= 1 << f;
                }
            }
        }

        _referrals = tally.ComputesAny(Referrals, Rereferrals, Nfa, CinAtEnd, CinRate);
        _openCaseFactors = OpenFactorSlots.Any(tally.Computes);
        _assessments = tally.Computes(Assessments45) || FactorSlots.Any(tally.Computes);
        _section47s = tally.ComputesAny(S47Started, S47ToIcpc, Icpc15);
        _protection = tally.ComputesAny(CppAtEnd, CppRate, CppStarted, CppSubsequent, CppSubsequent2y, CppEnded2y, CppReviews, CppByCategory, Cpp2yAtEnd);
        _plansOver12m = tally.Computes(CinPlans12);

        _factorsOf = new int[data.Codes.Count];
        for (var f = 0; f < KpiCatalog.AssessmentFactors.Count; f++)
        {
            foreach (var code in KpiCatalog.AssessmentFactors[f].Codes)
            {
                var id = data.Codes.Find(code);
                if (id >= 0)
                {
                    _factorsOf[id] |= 1 << f;
                }
            }
        }
    }

    /// <summary>Adds the contributions of children [from, to) to every period.</summary>
    public void Run(int from, int to)
    {
        for (var child = from; child < to; child++)
        {
            if (_protection)
            {
                SortPlans(child);
            }

            // Each table's measures need one of its rows dated in the period, or open during it (or, for
            // re-referrals and subsequent plans, earlier rows, which the windows' first days are before):
            // periods outside a table's window are skipped, unless explaining. A table no asked KPI needs is
            // not looked at (its window is empty).
            var explaining = _tally.Explaining;
            var none = (First: int.MaxValue, Last: int.MinValue);
            var referrals = _referrals || _openCaseFactors ? Window(_data.Referrals.RowsOf(child), _data.Referrals.ReferralDate, _data.Referrals.ClosureDate, true) : none;
            var assessments = _assessments ? Window(_data.Assessments.RowsOf(child), _data.Assessments.Authorised, _data.Assessments.Authorised, false) : none;
            var section47s = _section47s ? Window(_data.Section47s.RowsOf(child), _data.Section47s.Start, _data.Section47s.IcpcDate, false) : none;
            var protection = _protection ? Window(_data.ProtectionPlans.RowsOf(child), _data.ProtectionPlans.Start, _data.ProtectionPlans.End, true) : none;
            var plans = _plansOver12m ? Window(_data.Plans.RowsOf(child), _data.Plans.Start, _data.Plans.End, true) : none;
            for (var p = 0; p < _start.Length; p++)
            {
                int start = _start[p], end = _end[p];
                if (explaining || Overlaps(referrals, start, end))
                {
                    if (_referrals)
                    {
                        Referral(child, p, start, end);
                    }

                    if (_openCaseFactors)
                    {
                        OpenCaseFactors(child, p, end);
                    }
                }

                if (_assessments && (explaining || Overlaps(assessments, start, end)))
                {
                    Assessments(child, p, start, end);
                }

                if (_section47s && (explaining || Overlaps(section47s, start, end)))
                {
                    Section47(child, p, start, end);
                }

                if (_protection && (explaining || Overlaps(protection, start, end)))
                {
                    ProtectionPlans(child, p, start, end);
                }

                if (_plansOver12m && (explaining || Overlaps(plans, start, end)))
                {
                    CinPlans(child, p, end);
                }
            }
        }
    }

    /// <summary>The first and last day rows of a table touch for the child (last: int.MaxValue while one is open).</summary>
    private static (int First, int Last) Window(RowRange rows, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, bool blankEndIsOpen)
    {
        int first = int.MaxValue, last = int.MinValue;
        for (var i = rows.Start; i < rows.End; i++)
        {
            if (RecordValues.HasValue(starts[i]))
            {
                first = Math.Min(first, starts[i]);
                last = Math.Max(last, starts[i]);
            }

            if (RecordValues.HasValue(ends[i]))
            {
                first = Math.Min(first, ends[i]);
                last = Math.Max(last, ends[i]);
            }
            else if (blankEndIsOpen && ends[i] == RecordValues.Blank)
            {
                last = int.MaxValue;
            }
        }

        return (first, last);
    }

    private static bool Overlaps((int First, int Last) window, int start, int end) => window.First <= end && window.Last >= start;

    private void SortPlans(int child)
    {
        var cp = _data.ProtectionPlans;
        var rows = cp.RowsOf(child);
        _planCount = 0;
        if (_plans.Length < rows.End - rows.Start)
        {
            _plans = new int[rows.End - rows.Start];
        }

        for (var i = rows.Start; i < rows.End; i++)
        {
            if (!RecordValues.HasValue(cp.Start[i]))
            {
                _tally.Note(KpiTally.AnySlot, child, $"left out: a child protection plan has no valid start date ({_data.Describe(cp.Source[i])})");
                continue;
            }

            // Insertion sort: a child has few plans, and rows are nearly in start order already. Plans starting the
            // same day are ordered by what they hold, not by row order, so that the result never depends on input order.
            var j = _planCount++;
            while (j > 0 && ComparePlans(_plans[j - 1], i) > 0)
            {
                _plans[j] = _plans[j - 1];
                j--;
            }

            _plans[j] = i;
        }
    }

    private void Referral(int child, int p, int start, int end)
    {
        var r = _data.Referrals;
        var rows = r.RowsOf(child);
        var open = false;
        // The latest referral day so far, and the latest day before it: two referrals on one day each look back to
        // the latest referral on an earlier day, whatever order the rows of that day come in.
        var latest = RecordValues.Blank;
        var beforeLatest = RecordValues.Blank;
        for (var i = rows.Start; i < rows.End; i++)
        {
            var day = r.ReferralDate[i];
            if (!RecordValues.HasValue(day))
            {
                _tally.Note(KpiTally.AnySlot, child, $"left out: a referral has no valid referral date ({_data.Describe(r.Source[i])})");
                continue;
            }

            if (day <= end && (r.ClosureDate[i] == RecordValues.Blank || r.ClosureDate[i] > end))
            {
                open = true;
            }

            var previous = latest == day ? beforeLatest : latest;
            if (day >= start && day <= end)
            {
                _tally.AddNumerator(Referrals, p, child);
                _tally.AddDenominator(Rereferrals, p, child);
                _tally.AddDenominator(Nfa, p, child);
                var within = previous != RecordValues.Blank && previous < day
                    && previous >= DateOnly.FromDayNumber(day).AddMonths(-12).DayNumber;
                if (within)
                {
                    _tally.AddNumerator(Rereferrals, p, child);
                }

                if (r.Nfa[i] == Flag.Yes)
                {
                    _tally.AddNumerator(Nfa, p, child);
                }

                _tally.Note(Referrals, child, $"referral on {Show(day)}");
                _tally.Note(Rereferrals, child, $"{(within
                    ? $"referral on {Show(day)}: re-referral, previous referral {Show(previous)}"
                    : $"referral on {Show(day)}: not a re-referral within 12 months{(previous == RecordValues.Blank ? string.Empty : $" (previous {Show(previous)})")}")}");
                _tally.Note(Nfa, child, $"referral on {Show(day)}: ReferralNFA {r.Nfa[i]}");
            }

            // Rows are in referral-date order, so this is the latest referral so far.
            if (day != latest)
            {
                beforeLatest = latest;
                latest = day;
            }
        }

        if (open)
        {
            _tally.AddNumerator(CinAtEnd, p, child);
            _tally.AddNumerator(CinRate, p, child);
        }

        _tally.Note(CinAtEnd, child, $"{(open ? $"in need at {Show(end)}: a referral open at the end" : $"not in need at {Show(end)}: no referral open at the end")}");
        _tally.Note(CinRate, child, $"{(open ? $"in need at {Show(end)}" : $"not in need at {Show(end)}")}");
    }

    // Of children with a referral open on the last day: the factors recorded by the open referrals' assessments completed by then.
    private void OpenCaseFactors(int child, int p, int end)
    {
        var r = _data.Referrals;
        var rows = r.RowsOf(child);
        var open = false;
        for (var i = rows.Start; i < rows.End && !open; i++)
        {
            open = RecordValues.HasValue(r.ReferralDate[i]) && r.ReferralDate[i] <= end && (r.ClosureDate[i] == RecordValues.Blank || r.ClosureDate[i] > end);
        }

        if (!open)
        {
            return;
        }

        var a = _data.Assessments;
        var found = 0;
        var assessments = a.RowsOf(child);
        for (var i = assessments.Start; i < assessments.End; i++)
        {
            var referral = a.Referral[i];
            var referralOpen = referral >= 0 && RecordValues.HasValue(r.ReferralDate[referral]) && r.ReferralDate[referral] <= end
                && (r.ClosureDate[referral] == RecordValues.Blank || r.ClosureDate[referral] > end);
            if (!referralOpen || !RecordValues.HasValue(a.Authorised[i]) || a.Authorised[i] > end)
            {
                continue;
            }

            foreach (var code in a.Factors[i])
            {
                if ((uint)code < (uint)_openFactorsOf.Length)
                {
                    found |= _openFactorsOf[code];
                }
            }
        }

        for (var f = 0; f < OpenFactorSlots.Length; f++)
        {
            _tally.AddDenominator(OpenFactorSlots[f], p, child);
            var has = (found & (1 << f)) != 0;
            if (has)
            {
                _tally.AddNumerator(OpenFactorSlots[f], p, child);
            }

            _tally.Note(OpenFactorSlots[f], child, $"in need at {Show(end)}: {(has ? "an open referral's assessment records the factor" : "no open referral's assessment records the factor")}");
        }
    }

    private void Assessments(int child, int p, int start, int end)
    {
        var a = _data.Assessments;
        var rows = a.RowsOf(child);

        // The factors of an episode of need (referral): each counts once however many of the episode's
        // assessments completed in the period record it. Rows are in referral order.
        var referral = -1;
        var factors = 0;
        for (var i = rows.Start; i < rows.End; i++)
        {
            if (a.Referral[i] != referral)
            {
                CountFactors(child, p, referral, factors);
                referral = a.Referral[i];
                factors = 0;
            }

            var done = a.Authorised[i];
            if (done < start || done > end)
            {
                continue;
            }

            foreach (var code in a.Factors[i])
            {
                if ((uint)code < (uint)_factorsOf.Length && _factorsOf[code] != 0)
                {
                    factors |= _factorsOf[code];
                    if (_tally.Explaining)
                    {
                        NoteFactor(child, _factorsOf[code], $"assessment completed {Show(done)} (referral of {Show(_data.Referrals.ReferralDate[referral])}) records {_data.Codes[code]}");
                    }
                }
            }

            if (!RecordValues.HasValue(a.Start[i]) || a.Start[i] > done)
            {
                _tally.Note(Assessments45, child, $"left out: assessment completed {Show(done)} has no valid start date, or starts after it");
                continue;
            }

            var days = _options.Calendar.WorkingDaysBetween(a.Start[i], done);
            _tally.AddDenominator(Assessments45, p, child);
            if (days <= 45)
            {
                _tally.AddNumerator(Assessments45, p, child);
            }

            _tally.Note(Assessments45, child, $"assessment started {Show(a.Start[i])}, completed {Show(done)}: {days} working days ({(days <= 45 ? "in time" : "late")})");
        }

        CountFactors(child, p, referral, factors);
    }

    private void CountFactors(int child, int p, int referral, int factors)
    {
        for (var f = 0; factors != 0; f++, factors >>= 1)
        {
            if ((factors & 1) != 0)
            {
                _tally.AddNumerator(FactorSlots[f], p, child);
                _tally.Note(FactorSlots[f], child, $"counted: episode of need referred {Show(_data.Referrals.ReferralDate[referral])} had the factor at the end of an assessment completed in the period");
            }
        }
    }

    private void NoteFactor(int child, int mask, string reason)
    {
        for (var f = 0; mask != 0; f++, mask >>= 1)
        {
            if ((mask & 1) != 0)
            {
                _tally.NoteFixed(FactorSlots[f], child, reason);
            }
        }
    }

    private void Section47(int child, int p, int start, int end)
    {
        var s = _data.Section47s;
        var rows = s.RowsOf(child);
        for (var i = rows.Start; i < rows.End; i++)
        {
            var begun = s.Start[i];
            var icpc = s.IcpcDate[i];
            if (begun >= start && begun <= end)
            {
                _tally.AddNumerator(S47Started, p, child);
                _tally.AddDenominator(S47ToIcpc, p, child);
                var led = RecordValues.HasValue(icpc);
                if (led)
                {
                    _tally.AddNumerator(S47ToIcpc, p, child);
                }

                _tally.Note(S47Started, child, $"section 47 started {Show(begun)}");
                _tally.Note(S47ToIcpc, child, $"section 47 started {Show(begun)}: {(led ? $"ICPC on {Show(icpc)}" : "no ICPC recorded")}");
            }

            if (icpc >= start && icpc <= end)
            {
                if (!RecordValues.HasValue(begun) || begun > icpc)
                {
                    _tally.Note(Icpc15, child, $"left out: ICPC on {Show(icpc)} has no valid section 47 start date, or one after it");
                    continue;
                }

                var days = _options.Calendar.WorkingDaysBetween(begun, icpc);
                _tally.AddDenominator(Icpc15, p, child);
                if (days <= 15)
                {
                    _tally.AddNumerator(Icpc15, p, child);
                }

                _tally.Note(Icpc15, child, $"section 47 started {Show(begun)}, ICPC {Show(icpc)}: {days} working days ({(days <= 15 ? "in time" : "late")})");
            }
        }
    }

    /// <summary>Plans by start; on one day, an ended plan before an open one (the open one is current), then by end, latest category, initial category.</summary>
    private int ComparePlans(int a, int b)
    {
        var cp = _data.ProtectionPlans;
        var byStart = cp.Start[a].CompareTo(cp.Start[b]);
        if (byStart != 0)
        {
            return byStart;
        }

        static long EndKey(int end) => end == RecordValues.Blank ? long.MaxValue : end;
        var byEnd = EndKey(cp.End[a]).CompareTo(EndKey(cp.End[b]));
        return byEnd != 0 ? byEnd
            : cp.LatestCategory[a] != cp.LatestCategory[b] ? string.CompareOrdinal(_data.Codes[cp.LatestCategory[a]], _data.Codes[cp.LatestCategory[b]])
            : string.CompareOrdinal(_data.Codes[cp.InitialCategory[a]], _data.Codes[cp.InitialCategory[b]]);
    }

    private void ProtectionPlans(int child, int p, int start, int end)
    {
        var cp = _data.ProtectionPlans;
        var current = -1;
        for (var k = 0; k < _planCount; k++)
        {
            var i = _plans[k];
            var begun = cp.Start[i];
            var ended = cp.End[i];
            if (begun <= end && (ended == RecordValues.Blank || ended > end))
            {
                current = i;
            }

            if (begun >= start && begun <= end)
            {
                _tally.AddNumerator(CppStarted, p, child);
                _tally.AddDenominator(CppSubsequent, p, child);
                _tally.AddDenominator(CppSubsequent2y, p, child);
                // The latest plan that started on an earlier day: two plans starting the same day are neither earlier than the other.
                var before = -1;
                for (var b = k - 1; b >= 0; b--)
                {
                    if (cp.Start[_plans[b]] < begun)
                    {
                        before = _plans[b];
                        break;
                    }
                }

                var subsequent = before >= 0 || cp.PreviousPlans[i] > 0;
                if (subsequent)
                {
                    _tally.AddNumerator(CppSubsequent, p, child);
                }

                var previousEnd = before >= 0 ? cp.End[before] : RecordValues.Blank;
                var within2y = RecordValues.HasValue(previousEnd) && previousEnd <= begun
                    && previousEnd >= DateOnly.FromDayNumber(begun).AddYears(-2).DayNumber;
                if (within2y)
                {
                    _tally.AddNumerator(CppSubsequent2y, p, child);
                }

                _tally.Note(CppStarted, child, $"plan started {Show(begun)}");
                _tally.Note(CppSubsequent, child, $"plan started {Show(begun)}: {(subsequent ? $"second or subsequent (earlier plan in the data: {before >= 0}, NumberOfPreviousCPP: {cp.PreviousPlansAt(i)?.ToString(CultureInfo.InvariantCulture) ?? "blank"})" : "first plan")}");
                _tally.Note(CppSubsequent2y, child, $"plan started {Show(begun)}: {(within2y ? $"previous plan ended {Show(previousEnd)}, within 2 years" : before >= 0 ? $"previous plan ended {Show(previousEnd)}, not within 2 years" : "no earlier plan in the data")}");
            }

            if (ended >= start && ended <= end)
            {
                _tally.AddDenominator(CppEnded2y, p, child);
                var long2y = ended >= DateOnly.FromDayNumber(begun).AddYears(2).DayNumber;
                if (long2y)
                {
                    _tally.AddNumerator(CppEnded2y, p, child);
                }

                _tally.Note(CppEnded2y, child, $"plan {Show(begun)} to {Show(ended)}: {(long2y ? "lasted 2 years or more" : "lasted less than 2 years")}");
            }

            PlanReviews(child, p, start, end, i);
        }

        if (current >= 0)
        {
            _tally.AddNumerator(CppAtEnd, p, child);
            _tally.AddNumerator(CppRate, p, child);
            var code = RecordValues.HasValue(cp.LatestCategory[current]) && cp.LatestCategory[current] != CodeTable.Blank
                ? cp.LatestCategory[current]
                : cp.InitialCategory[current];
            var category = (uint)code < (uint)_categoryOf.Length ? _categoryOf[code] : KpiCatalog.AbuseCategories.Count - 1;
            _tally.AddNumerator(CppByCategory + category, p, child);
            for (var c = 0; c < KpiCatalog.AbuseCategories.Count; c++)
            {
                _tally.AddDenominator(CppByCategory + c, p, child);
            }

            _tally.AddDenominator(Cpp2yAtEnd, p, child);
            var twoYears = cp.Start[current] <= DateOnly.FromDayNumber(end).AddYears(-2).DayNumber;
            if (twoYears)
            {
                _tally.AddNumerator(Cpp2yAtEnd, p, child);
            }

            _tally.Note(Cpp2yAtEnd, child, $"on a plan at {Show(end)} started {Show(cp.Start[current])}: {(twoYears ? "2 years or more" : "less than 2 years")}");
            _tally.Note(CppAtEnd, child, $"on a plan at {Show(end)} (started {Show(cp.Start[current])})");
            _tally.Note(CppByCategory, child, $"on a plan at {Show(end)}, category {KpiCatalog.AbuseCategories[category]}");
        }
        else
        {
            _tally.Note(CppAtEnd, child, $"not on a plan at {Show(end)}");
            _tally.Note(Cpp2yAtEnd, child, $"not on a plan at {Show(end)}");
        }
    }

    /// <summary>
    /// Reviews due in the period: the first 3 months after the plan starts, each later one 6 months after
    /// the review before it (held late or not). A review is due only while the plan is open.
    /// </summary>
    private void PlanReviews(int child, int p, int start, int end, int plan)
    {
        var cp = _data.ProtectionPlans;
        var reviews = cp.ReviewDates[plan];
        var planEnd = cp.End[plan];
        var previous = cp.Start[plan];
        var due = DateOnly.FromDayNumber(previous).AddMonths(3).DayNumber;
        var next = 0;
        var anyDue = false;
        var allOnTime = true;
        while (due <= end && (planEnd == RecordValues.Blank || planEnd > due))
        {
            // The next review held after the previous one.
            while (next < reviews.Length && (!RecordValues.HasValue(reviews[next]) || reviews[next] <= previous))
            {
                next++;
            }

            var held = next < reviews.Length ? reviews[next] : RecordValues.Blank;
            var onTime = held != RecordValues.Blank && held <= due;
            if (due >= start)
            {
                anyDue = true;
                allOnTime &= onTime;
                _tally.Note(CppReviews, child, $"plan from {Show(cp.Start[plan])}: review due {Show(due)}, {(held == RecordValues.Blank ? "not held" : $"held {Show(held)}")} ({(onTime ? "on time" : "late")})");
            }

            if (held == RecordValues.Blank)
            {
                break;
            }

            previous = held;
            next++;
            due = DateOnly.FromDayNumber(held).AddMonths(6).DayNumber;
        }

        if (anyDue)
        {
            _tally.AddDenominator(CppReviews, p, child);
            if (allOnTime)
            {
                _tally.AddNumerator(CppReviews, p, child);
            }
        }
    }

    private void CinPlans(int child, int p, int end)
    {
        var plans = _data.Plans;
        var rows = plans.RowsOf(child);
        var earliest = int.MaxValue;
        for (var i = rows.Start; i < rows.End; i++)
        {
            var begun = plans.Start[i];
            if (RecordValues.HasValue(begun) && begun <= end && (plans.End[i] == RecordValues.Blank || plans.End[i] > end))
            {
                earliest = Math.Min(earliest, begun);
            }
        }

        if (earliest == int.MaxValue)
        {
            return;
        }

        _tally.AddDenominator(CinPlans12, p, child);
        var over = earliest < DateOnly.FromDayNumber(end).AddYears(-1).DayNumber;
        if (over)
        {
            _tally.AddNumerator(CinPlans12, p, child);
        }

        _tally.Note(CinPlans12, child, $"on a CIN plan at {Show(end)} since {Show(earliest)}: {(over ? "more than 12 months" : "12 months or less")}");
    }

    private static string Show(int day) => RecordValues.Date(day) is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "(blank)";
}
