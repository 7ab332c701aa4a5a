using System.Text.Json.Serialization;

namespace Lodestar.Formats.Generation;

/// <summary>
/// What the generator really created for one council in one reporting year, counted from its own events (not from
/// the files), so that the KPI engine's results can be checked against it. Short-break-only (V3/V4) children are
/// never counted as looked after.
/// </summary>
/// <param name="Year">The reporting year, labelled by the year it ends in.</param>
/// <param name="Population">The 0–17 population used for rates: the mid-year estimate of the calendar year before.</param>
/// <param name="LookedAfterAt31March">Children looked after at 31 March.</param>
/// <param name="StartedToBeLookedAfter">Children with a period of care starting in the year.</param>
/// <param name="CeasedToBeLookedAfter">Children whose period of care ended in the year.</param>
/// <param name="Adopted">Children whose care ended with E11 or E12 in the year.</param>
/// <param name="SpecialGuardianshipOrders">Children whose care ended with E43–E48 in the year.</param>
/// <param name="ThreeOrMorePlacements">
/// Children looked after at 31 March with 3 or more placements in the year, counted as docs/kpis.md ("Placement counting") defines
/// cla_placements_3plus (temporary moves and the return from them left out; a change of placement with the same carer counts).
/// </param>
/// <param name="ChildProtectionPlansAt31March">Children subject to a child protection plan at 31 March.</param>
/// <param name="ChildProtectionPlansStarted">Plans starting in the year.</param>
/// <param name="ChildProtectionPlansSubsequent">Plans starting in the year with a previous plan (recorded or in the data).</param>
/// <param name="Referrals">Referrals with a referral date in the year.</param>
/// <param name="ReReferralsWithin12Months">Of those, referrals within 12 months of the same child's previous referral.</param>
public sealed record YearTruth(
    int Year,
    int Population,
    int LookedAfterAt31March,
    int StartedToBeLookedAfter,
    int CeasedToBeLookedAfter,
    int Adopted,
    int SpecialGuardianshipOrders,
    int ThreeOrMorePlacements,
    int ChildProtectionPlansAt31March,
    int ChildProtectionPlansStarted,
    int ChildProtectionPlansSubsequent,
    int Referrals,
    int ReReferralsWithin12Months);

/// <summary>
/// The ground truth for one council, year by year: of the simulated data, as written before any deliberate fault
/// (<see cref="GenerationOptions.Faults"/>).
/// </summary>
public sealed record CouncilTruth(string CouncilCode, string CouncilName, int ChildrenLookedAfter, IReadOnlyList<YearTruth> Years)
{
    /// <summary>The deliberate mistakes written into the last year's returns, in catalogue order; null (and not in truth.json) without them.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<GeneratedFault>? Faults { get; init; }

    internal static CouncilTruth From(SimCouncil council, GenerationOptions options)
    {
        var lookedAfter = council.Children.Where(c => c.LookedAfterInWindow).ToList();

        // Each child's referral dates and plans in date order, worked out once for all years.
        var referralDates = new List<DateOnly[]>();
        var plans = new List<SimPlan[]>();
        foreach (var child in council.Children)
        {
            if (child.Referrals.Count == 0)
            {
                continue;
            }

            referralDates.Add(child.Referrals.Select(r => r.Date).Order().ToArray());
            var childPlans = child.Referrals.SelectMany(r => r.Plans).OrderBy(p => p.Start).ToArray();
            if (childPlans.Length > 0)
            {
                plans.Add(childPlans);
            }
        }

        var years = new List<YearTruth>();
        foreach (var year in options.ReportingYears)
        {
            var start = new DateOnly(year - 1, 4, 1);
            var end = new DateOnly(year, 3, 31);
            bool InYear(DateOnly? date) => date is { } d && d >= start && d <= end;

            var atEnd = lookedAfter.Where(c => CouncilSimulator.IsLookedAfterOn(c, end)).ToList();
            var ceased = lookedAfter.Where(c => InYear(c.CareEnd)).ToList();
            var reasons = ceased.Select(c => c.Episodes[^1].ReasonEnded).ToList();

            int referrals = 0, reReferrals = 0;
            foreach (var dates in referralDates)
            {
                for (var i = 0; i < dates.Length; i++)
                {
                    if (InYear(dates[i]))
                    {
                        referrals++;
                        if (i > 0 && dates[i - 1] > dates[i].AddYears(-1))
                        {
                            reReferrals++;
                        }
                    }
                }
            }

            int onPlanAtEnd = 0, started = 0, subsequent = 0;
            foreach (var childPlans in plans)
            {
                var onPlan = false;
                for (var i = 0; i < childPlans.Length; i++)
                {
                    var plan = childPlans[i];
                    onPlan |= plan.Start <= end && (plan.End is null || plan.End > end);
                    if (InYear(plan.Start))
                    {
                        started++;
                        if (plan.PreviousPlans > 0 || i > 0)
                        {
                            subsequent++;
                        }
                    }
                }

                onPlanAtEnd += onPlan ? 1 : 0;
            }

            years.Add(new YearTruth(
                year,
                council.Population[year - 1],
                atEnd.Count,
                lookedAfter.Count(c => InYear(c.CareStart)),
                ceased.Count,
                reasons.Count(r => r is "E11" or "E12"),
                reasons.Count(r => r is "E43" or "E44" or "E45" or "E46" or "E47" or "E48"),
                atEnd.Count(c => Placements(c, start, end) >= 3),
                onPlanAtEnd,
                started,
                subsequent,
                referrals,
                reReferrals));
        }

        return new CouncilTruth(council.Council.Code, council.Council.Name, lookedAfter.Count, years);
    }

    private static int Placements(SimChild child, DateOnly start, DateOnly end)
    {
        var count = 0;
        foreach (var episode in child.Episodes)
        {
            if (episode.IsShortBreak || episode.Start > end || (episode.End is { } e && e < start)
                || episode.Placement.IsTemporary || episode.ReturnFromTemporary)
            {
                continue;
            }

            if (count == 0 || episode.ReasonNew is not "L")
            {
                count++;
            }
        }

        return count;
    }
}
