using Lodestar.Metrics.Calendar;

namespace Lodestar.Formats.Generation;

internal sealed partial class CouncilSimulator
{
    // The same England bank-holiday list the KPI engine counts with, so an event placed "within 15 working
    // days" here is counted within 15 working days there.
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.England;

    /// <summary>England's referrals per 10,000 children in 2025: 632,830 ÷ 12,183,016 (c1_children_in_need_referrals...csv).</summary>
    private const double ReferralsPer10KPerYear = 519;

    /// <summary>Chance that a closed case is referred again (a re-referral), higher after a child protection plan.</summary>
    private const double ReReferralChance = 0.42;

    private const double ReReferralChanceAfterPlan = 0.5;

    /// <summary>Share of re-referrals that come within 12 months of the previous referral.</summary>
    private const double ReReferralWithinYearShare = 0.78;

    /// <summary>
    /// Chance that a child's first plan in the data still had an earlier plan (before the data, or in another council):
    /// with the plans repeated inside the data this gives England's 24.5% second or subsequent plans (d3_cpps...csv).
    /// </summary>
    private const double PlanHistoryChance = 0.16;

    /// <summary>Children on an agreed series of short breaks (V3/V4): 6% on top of the children looked after.</summary>
    private void SimulateShortBreaks()
    {
        var count = (int)Math.Round(_options.ChildrenPerCouncil * 0.06);
        for (var i = 0; i < count; i++)
        {
            var agreed = _rng.DateBetween(_windowStart.AddYears(-2), _windowEnd.AddDays(-30));
            var birth = agreed.AddYears(-_rng.Between(5, 15)).AddDays(-_rng.Between(0, 364));
            var child = NewChild(birth, _rng.Chance(0.65), _rng.Pick(Ethnicities));
            child.ShortBreaksOnly = true;
            child.Disability = _rng.Pick(Disabilities);
            child.SecondDisability = SecondDisability(child.Id, child.Disability);
            var until = Min(agreed.AddDays(_rng.Between(365, 1460)), birth.AddYears(18).AddDays(-1));
            var home = NewPlacement(_rng.Chance(0.7) ? Kind.Residential : Kind.InHouseFoster, agreed, null);
            if (_rng.Chance(0.5))
            {
                for (var start = agreed; start < until && start <= _windowEnd; start = start.AddDays(_rng.Between(28, 56)))
                {
                    var end = start.AddDays(_rng.Between(1, 3));
                    child.Episodes.Add(new SimEpisode
                    {
                        Start = start,
                        End = end > _windowEnd ? null : end,
                        ReasonEnded = end > _windowEnd ? null : "E4A",
                        ReasonNew = "S",
                        LegalStatus = "V3",
                        CategoryOfNeed = "N2",
                        Placement = home,
                    });
                }
            }
            else
            {
                child.Episodes.Add(new SimEpisode
                {
                    Start = agreed,
                    End = until > _windowEnd ? null : until,
                    ReasonEnded = until > _windowEnd ? null : "E4A",
                    ReasonNew = "S",
                    LegalStatus = "V4",
                    CategoryOfNeed = "N2",
                    Placement = home,
                });
            }

            var referral = NewReferral(agreed.AddDays(-_rng.Between(30, 200)), "N2", nfa: false);
            var assessed = Assess(referral, referral.Date.AddDays(_rng.Between(0, 5)));
            referral.CinPlans.Add((assessed.AddDays(_rng.Between(0, 10)), null));
            // Never before the CIN plan starts (so never before the assessment is authorised: DfE 8565, 4011).
            var closure = Max(until.AddDays(_rng.Between(0, 60)), referral.CinPlans[0].Start);
            if (closure <= birth.AddYears(18).AddDays(-1))
            {
                referral.CinPlans[0] = (referral.CinPlans[0].Start, closure);
                referral.Closure = closure;
                referral.ClosureReason = "RC7";
            }

            child.Referrals.Add(referral);
        }
    }

    /// <summary>The referral that led to care: days to weeks before, or a year before with a child protection plan first.</summary>
    private void AddCareReferral(SimChild child, CarePlan plan, string need)
    {
        var withPlan = !plan.Uasc && plan.Route != Route.Remand && AgeOn(plan.Birth, plan.Start) < 16 && _rng.Chance(0.3);
        var referralDate = plan.Uasc ? plan.Start : plan.Start.AddDays(-(withPlan ? _rng.Between(60, 400) : _rng.Between(0, 60)));
        if (referralDate < plan.Birth)
        {
            referralDate = plan.Birth;
            withPlan = false;
        }

        var referral = NewReferral(referralDate, need, nfa: false);
        Assess(referral, referralDate.AddDays(_rng.Between(0, 5)));
        if (withPlan || (!plan.Uasc && _rng.Chance(0.2)))
        {
            var enquiry = referralDate.AddDays(_rng.Between(0, 10));
            if (enquiry < plan.Start)
            {
                var conference = Calendar.AddWorkingDays(enquiry, _rng.Chance(0.78) ? _rng.Between(3, 15) : _rng.Between(16, 30));
                if (withPlan && conference < plan.Start.AddDays(-20))
                {
                    referral.Section47s.Add(new SimSection47(enquiry, Calendar.AddWorkingDays(enquiry, 15), conference));
                    var cpp = NewPlan(conference, _rng.Chance(PlanHistoryChance) ? _rng.Between(1, 2) : 0);
                    cpp.End = plan.Start;
                    AddPlanReviews(cpp);
                    referral.Plans.Add(cpp);
                }
                else
                {
                    referral.Section47s.Add(new SimSection47(enquiry, Calendar.AddWorkingDays(enquiry, 15), null));
                }
            }
        }

        if (child.CareEnd is { } end)
        {
            // The case closes when care ends, but not before its assessment is authorised (DfE CIN rule 8565).
            referral.Closure = Max(end, referral.Assessments.Max(a => a.Authorised));
            referral.ClosureReason = child.Episodes[^1].ReasonEnded switch
            {
                "E11" or "E12" => "RC1",
                "E2" => "RC2",
                "E41" => "RC3",
                "E45" or "E46" or "E47" or "E48" => "RC4",
                "E3" => "RC5",
                "E7" => "RC6",
                _ => "RC7",
            };
        }

        child.Referrals.Add(referral);
    }

    /// <summary>
    /// Children in need who are not looked after: chains of referrals (a closed case may be referred again), each
    /// with an assessment, perhaps a section 47 enquiry, a conference and a child protection plan, or a CIN plan.
    /// </summary>
    private void SimulateChildrenInNeed(IReadOnlyDictionary<int, int> population)
    {
        var perYear = population.Values.Average() * ReferralsPer10KPerYear / 10_000;
        var lookedAfterReferrals = _children.Count(c => c.LookedAfterInWindow) / (double)(_options.Years + 2.5);
        var chainsPerYear = Math.Max(0, perYear - lookedAfterReferrals) * (1 - ReReferralChance);
        var runIn = _windowStart.AddYears(-4);
        var chains = (int)Math.Round(chainsPerYear * (_options.Years + 4));
        for (var i = 0; i < chains; i++)
        {
            var first = _rng.DateBetween(runIn, _windowEnd);
            var ageGroup = _rng.Pick(ReferralAgeGroups);
            var age = ageGroup switch
            {
                0 => 0,
                1 => _rng.Between(1, 4),
                2 => _rng.Between(5, 9),
                3 => _rng.Between(10, 15),
                _ => _rng.Between(16, 17),
            };
            var birth = first.AddYears(-age).AddDays(-_rng.Between(0, 364));
            var referrals = new List<SimReferral>();
            var plans = _rng.Chance(PlanHistoryChance * 0.9) ? _rng.Between(1, 2) : 0;
            var date = first;
            var adult = birth.AddYears(18).AddDays(-1);
            while (date <= _windowEnd && date <= adult)
            {
                var referral = SimulateReferral(date, plans, adult);
                referrals.Add(referral);
                plans += referral.Plans.Count;
                if (referral.Closure is not { } closed || !_rng.Chance(referral.Plans.Count > 0 ? ReReferralChanceAfterPlan : ReReferralChance))
                {
                    break;
                }

                var withinYear = _rng.Chance(ReReferralWithinYearShare) && closed.AddDays(1) <= date.AddDays(364);
                date = withinYear
                    ? _rng.DateBetween(closed.AddDays(1), date.AddDays(364))
                    : Max(closed.AddDays(1), date.AddDays(366)).AddDays((int)_rng.Exponential(400));
            }

            if (!referrals.Exists(r => r.Date <= _windowEnd && (r.Closure is null || r.Closure >= _windowStart)))
            {
                continue;
            }

            var child = NewChild(birth, _rng.Chance(0.52), _rng.Pick(Ethnicities));
            if (_rng.Chance(0.08))
            {
                child.Disability = _rng.Pick(Disabilities);
                child.SecondDisability = SecondDisability(child.Id, child.Disability);
            }

            child.Referrals.AddRange(referrals.Where(r => r.Date <= _windowEnd));
        }
    }

    private SimReferral SimulateReferral(DateOnly date, int previousPlans, DateOnly adult)
    {
        var nfa = _rng.Chance(0.065);
        var referral = NewReferral(date, nfa ? "N9" : _rng.Pick(CinNeeds), nfa);
        if (nfa)
        {
            referral.Closure = date.AddDays(_rng.Between(0, 5));
            // No assessment, so not closed "after assessment" (RC8 and RC9 want one: DfE 8825Q): services ceased, RC7.
            referral.ClosureReason = "RC7";
            return Clamp(referral, adult);
        }

        var assessmentStart = date.AddDays(_rng.Between(0, 5));
        var assessed = Assess(referral, assessmentStart, noFactorsAllowed: true);
        // An assessment that identified no factors (21 alone) closes the case after it, RC8 or RC9 (DfE 8873Q).
        var nothingFound = referral.Assessments[^1].Factors is ["21"];
        DateOnly last = assessed;
        var enquiry = !nothingFound && _rng.Chance(previousPlans > 0 ? 0.45 : 0.35);
        var planned = false;
        if (enquiry)
        {
            var start = _rng.DateBetween(date, Max(date, assessed.AddDays(-1)));
            DateOnly? conference = null;
            if (_rng.Chance(0.40))
            {
                conference = Calendar.AddWorkingDays(start, _rng.Chance(0.78) ? _rng.Between(3, 15) : _rng.Between(16, 35));
                last = Max(last, conference.Value);
            }

            referral.Section47s.Add(new SimSection47(start, Calendar.AddWorkingDays(start, 15), conference));
            if (conference is { } held && _rng.Chance(previousPlans > 0 ? 0.85 : 0.75))
            {
                var plan = NewPlan(held, previousPlans);
                plan.End = held.AddDays(90 + (int)Math.Min(1010, _rng.Exponential(200)));
                AddPlanReviews(plan);
                referral.Plans.Add(plan);
                // A short plan can end before a long assessment is authorised: the case stays open for both (DfE 8565).
                last = Max(last, plan.End.Value);
                planned = true;
                if (_rng.Chance(0.5))
                {
                    var stepDownEnd = plan.End.Value.AddDays(_rng.Between(90, 270));
                    referral.CinPlans.Add((plan.End.Value, stepDownEnd));
                    last = Max(last, stepDownEnd);
                }
            }
        }

        if (!planned)
        {
            if (!nothingFound && _rng.Chance(0.55))
            {
                var planStart = assessed.AddDays(_rng.Between(0, 10));
                var planEnd = planStart.AddDays(60 + (int)Math.Min(840, _rng.Exponential(240)));
                referral.CinPlans.Add((planStart, planEnd));
                last = Max(last, planEnd);
                referral.ClosureReason = "RC7";
            }
            else
            {
                // Closed after assessment (RC8/RC9) only when nothing followed it: a section 47 enquiry, even one without
                // a conference, rules those codes out (DfE 2990); such a case closes as services ceased (RC7).
                var afterAssessment = _rng.Chance(0.7) ? "RC8" : "RC9";
                referral.ClosureReason = enquiry ? "RC7" : afterAssessment;
            }
        }
        else
        {
            referral.ClosureReason = "RC7";
        }

        referral.Closure = last.AddDays(_rng.Between(0, 20));
        return Clamp(referral, adult);
    }

    /// <summary>Cases close by the day before the 18th birthday; nothing starts after it.</summary>
    private static SimReferral Clamp(SimReferral referral, DateOnly adult)
    {
        if (referral.Closure is not { } closure || closure <= adult)
        {
            return referral;
        }

        referral.Closure = adult;
        referral.ClosureReason = "RC6";
        // An assessment under way at 18 ends with the case, so an enquiry it led to keeps its assessment (DfE 2991Q).
        referral.Assessments.RemoveAll(a => a.Start > adult);
        for (var i = 0; i < referral.Assessments.Count; i++)
        {
            if (referral.Assessments[i].Authorised > adult)
            {
                referral.Assessments[i] = referral.Assessments[i] with { Authorised = adult };
            }
        }

        referral.Section47s.RemoveAll(s => s.Start > adult || s.Conference > adult);
        // A plan starting on the last day that would be cut to end the same day is dropped (DfE 8840, 4012Q).
        referral.Plans.RemoveAll(p => p.Start > adult || (p.Start == adult && p.End > adult));
        foreach (var plan in referral.Plans)
        {
            if (plan.End > adult)
            {
                plan.End = adult;
                plan.Reviews.RemoveAll(r => r > adult);
            }
        }

        for (var i = referral.CinPlans.Count - 1; i >= 0; i--)
        {
            var (start, end) = referral.CinPlans[i];
            if (start > adult || (start == adult && end > adult))
            {
                referral.CinPlans.RemoveAt(i);
            }
            else if (end > adult)
            {
                referral.CinPlans[i] = (start, adult);
            }
        }

        return referral;
    }

    private SimReferral NewReferral(DateOnly date, string need, bool nfa) => new()
    {
        Date = date,
        Source = _rng.Pick(ReferralSources),
        PrimaryNeed = need,
        NoFurtherAction = nfa,
    };

    /// <summary>
    /// Adds an assessment; 86% are authorised within 45 working days. Returns the authorisation date. Factor 21 (no factors
    /// identified) stands alone (DfE 8869): drawn with others it gives way to them, and drawn alone for a case that goes on
    /// whatever the assessment finds (<paramref name="noFactorsAllowed"/> false: care, short breaks) it is drawn again.
    /// </summary>
    private DateOnly Assess(SimReferral referral, DateOnly start, bool noFactorsAllowed = false)
    {
        var days = _rng.Chance(0.86) ? _rng.Between(5, 45) : _rng.Between(46, 80);
        var authorised = Calendar.AddWorkingDays(start, days);
        string[] factors;
        do
        {
            factors = Enumerable.Range(0, _rng.Between(1, 3)).Select(_ => _rng.Pick(AssessmentFactors)).Distinct().Order(StringComparer.Ordinal).ToArray();
            if (factors.Length > 1 && factors.Contains("21"))
            {
                factors = [.. factors.Where(f => f != "21")];
            }
        }
        while (!noFactorsAllowed && factors is ["21"]);

        referral.Assessments.Add(new SimAssessment(start, authorised, factors));
        return authorised;
    }

    private SimPlan NewPlan(DateOnly start, int previousPlans)
    {
        var initial = _rng.Pick(AbuseCategories);
        return new SimPlan
        {
            Start = start,
            InitialCategory = initial,
            LatestCategory = _rng.Chance(0.9) ? initial : _rng.Pick(AbuseCategories),
            PreviousPlans = previousPlans,
        };
    }

    /// <summary>Reviews: first within 3 months of the start, then every 6 months; about 7% late.</summary>
    private void AddPlanReviews(SimPlan plan)
    {
        var end = plan.End ?? _afterWindow;
        var date = _rng.Chance(0.93) ? plan.Start.AddDays(_rng.Between(20, 88)) : plan.Start.AddMonths(3).AddDays(_rng.Between(5, 30));
        while (date < end)
        {
            plan.Reviews.Add(date);
            var due = date.AddMonths(6);
            date = _rng.Chance(0.93) ? due.AddDays(-_rng.Between(0, 30)) : due.AddDays(_rng.Between(5, 40));
        }
    }

    private static readonly Weighted<int> ReferralAgeGroups = new((0, 12), (1, 20), (2, 25), (3, 33), (4, 10));

    private static readonly Weighted<string> CinNeeds = new(
        ("N1", 57), ("N2", 3), ("N3", 3), ("N4", 7), ("N5", 12), ("N6", 3), ("N7", 0.3), ("N8", 2), ("N9", 13));

    private static readonly Weighted<string> ReferralSources = new(
        ("1A", 3), ("1B", 1), ("1C", 1), ("1D", 2), ("2A", 18), ("2B", 1), ("3A", 3), ("3B", 2), ("3C", 1), ("3D", 2), ("3E", 4),
        ("3F", 3), ("4", 2), ("5A", 6), ("5B", 3), ("5C", 2), ("5D", 2), ("6", 29), ("7", 4), ("8", 7), ("9", 2), ("10", 2));

    private static readonly Weighted<string> AbuseCategories = new(("NEG", 50), ("EMO", 37), ("PHY", 7), ("SAB", 4), ("MUL", 2));

    // The DfE's current factor list: 18A and 19A (physical and sexual abuse) were split into 18B/18C and 19B/19C, and the
    // DfE's CIN validator queries the old codes (8945Q, 8950Q), so they are never written. 18B/19B are abuse by another
    // child, 18C/19C by an adult; 22A is female genital mutilation, 23A abuse linked to faith or belief, 24A child
    // criminal exploitation (the CIN census schema's code list; docs/domain.md). The weights of the 15 factors the
    // National Framework shows (3A–3C, 10A–13A, 16A–19C, 23A, 24A) are England's published 2025 rates per 10,000
    // (samples/benchmarks/national-framework/assessment_factors.csv) divided by 9.4, the rate per unit of weight these
    // draws give. 22A is England's 2025 FGM count as a rate (780 episodes against neglect's 90,370 at 74 per 10,000:
    // 0.6) divided by 9.4, rounded up to 0.1 so that it is drawn at all. The other factors keep their earlier
    // proportions; 20 ("Other", which England records at about 69 per 10,000) takes the 2.0 the three corrected codes
    // gave up, so that the total weight, 89.5, and with it the 9.4, is unchanged.
    internal static readonly (string Code, double Weight)[] AssessmentFactorWeights =
    [
        ("1A", 0.7), ("1B", 0.7), ("1C", 0.7), ("2A", 1.4), ("2B", 1.4), ("2C", 0.7), ("3A", 5.1), ("3B", 14.3), ("3C", 2.2),
        ("4A", 4.1), ("4B", 2.1), ("4C", 2.1), ("5A", 0.7), ("5B", 0.7), ("5C", 0.7), ("6A", 1.4), ("6B", 0.7), ("6C", 0.7),
        ("7A", 0.7), ("8B", 1.4), ("8C", 2.1), ("8D", 0.7), ("8E", 0.7), ("8F", 1.4), ("9A", 0.7), ("10A", 1.5), ("11A", 1.1),
        ("12A", 0.2), ("13A", 0.7), ("14A", 0.7), ("15A", 0.7), ("16A", 7.9), ("17A", 8.5), ("18B", 1.4), ("18C", 5.3),
        ("19B", 1.1), ("19C", 1.7), ("20", 2.7), ("21", 6.2), ("22A", 0.1), ("23A", 0.2), ("24A", 1.4),
    ];

    private static readonly Weighted<string> AssessmentFactors = new(AssessmentFactorWeights);

    // The disability most often recorded with each: about 3 in 10 children with a disability have a second, chosen by a hash of
    // their id rather than by the random stream, so adding it changed nothing else the generator draws.
    private static readonly Dictionary<string, string> SecondDisabilities = new(StringComparer.Ordinal)
    {
        ["AUT"] = "COMM", ["LD"] = "COMM", ["BEH"] = "LD", ["COMM"] = "LD", ["MOB"] = "HAND",
        ["HAND"] = "MOB", ["PC"] = "MOB", ["CON"] = "MOB", ["HEAR"] = "COMM", ["VIS"] = "MOB",
    };

    private static string? SecondDisability(string childId, string first)
    {
        var hash = 2166136261u;
        foreach (var c in childId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % 10 < 3 ? SecondDisabilities.GetValueOrDefault(first) : null;
    }

    private static readonly Weighted<string> Disabilities = new(
        ("AUT", 30), ("LD", 25), ("BEH", 10), ("COMM", 10), ("MOB", 8), ("HAND", 4), ("PC", 4), ("CON", 3), ("HEAR", 3), ("VIS", 3));
}
