using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Tests.Kpis;

/// <summary>The Annex A KPIs worked by hand (docs/kpis.md, "Annex A"), boundaries on both sides.</summary>
public sealed class AnnexAKpiTests
{
    private const string Council = "E10000003";
    private static readonly SourceLocation ByHand = SourceLocation.None;

    // 31 March 2025 is a Monday; no bank holiday falls in March 2025.
    private static readonly Period Year2025 = Period.ReportingYear(2025);

    private static int D(int y, int m, int d) => new DateOnly(y, m, d).DayNumber;

    private static AnnexAData Data(params SourceFile[] files) => new(Council, new ChildIndex(), files);

    private static KpiResult One(string kpi, AnnexAData data, Period? period = null) =>
        Assert.Single(new KpiEngine().Compute(new KpiDataset(Council, null, null, data), [period ?? Year2025], [kpi]));

    [Fact]
    public void Contacts_RowsDatedInThePeriod_CountEachContact()
    {
        var data = Data();
        var c1 = data.Children.GetOrAdd("C1");
        data.Contacts.Add(new(c1, D(2024, 4, 1), ByHand));
        data.Contacts.Add(new(c1, D(2025, 3, 31), ByHand));
        data.Contacts.Add(new(c1, D(2024, 3, 31), ByHand));
        data.Contacts.Add(new(c1, D(2025, 4, 1), ByHand));

        Assert.Equal(2, One("annexa_contacts", data).Value);
    }

    [Fact]
    public void ContactsToReferral_ReferralOnDay30_CountsButDay31DoesNot()
    {
        var data = Data();
        int c1 = data.Children.GetOrAdd("C1"), c2 = data.Children.GetOrAdd("C2"), c3 = data.Children.GetOrAdd("C3");
        data.Contacts.Add(new(c1, D(2024, 6, 1), ByHand));
        data.Referrals.Add(new(c1, D(2024, 7, 1), Flag.No, ByHand));
        data.Contacts.Add(new(c2, D(2024, 6, 1), ByHand));
        data.Referrals.Add(new(c2, D(2024, 7, 2), Flag.No, ByHand));
        // A referral before the contact does not follow it.
        data.Contacts.Add(new(c3, D(2024, 6, 1), ByHand));
        data.Referrals.Add(new(c3, D(2024, 5, 31), Flag.No, ByHand));

        var result = One("annexa_contacts_to_referral", data);

        Assert.Equal((1.0, 3.0), (result.Numerator, result.Denominator));
    }

    [Fact]
    public void ReferralDecision_OneWorkingDayOverAWeekend_InTimeAndTwoIsNot_NoContactLeftOut()
    {
        var data = Data();
        int c1 = data.Children.GetOrAdd("C1"), c2 = data.Children.GetOrAdd("C2"), c3 = data.Children.GetOrAdd("C3");
        // Friday 7 June 2024 to Monday 10 June: 1 working day; to Tuesday 11 June: 2.
        data.Contacts.Add(new(c1, D(2024, 6, 7), ByHand));
        data.Referrals.Add(new(c1, D(2024, 6, 10), Flag.No, ByHand));
        data.Contacts.Add(new(c2, D(2024, 6, 7), ByHand));
        data.Referrals.Add(new(c2, D(2024, 6, 11), Flag.No, ByHand));
        data.Referrals.Add(new(c3, D(2024, 6, 11), Flag.No, ByHand));

        var result = One("annexa_referral_decision_1wd", data);

        Assert.Equal((1.0, 2.0), (result.Numerator, result.Denominator));
    }

    [Fact]
    public void CpVisits_TenWorkingDaysBeforeTheEnd_InTimeElevenNot_VisitAfterTheEndLeftOut()
    {
        var data = Data();
        int c1 = data.Children.GetOrAdd("C1"), c2 = data.Children.GetOrAdd("C2"), c3 = data.Children.GetOrAdd("C3"), c4 = data.Children.GetOrAdd("C4"), c5 = data.Children.GetOrAdd("C5");
        // Monday 17 March 2025 is 10 working days before Monday 31 March; Friday 14 March is 11.
        data.ProtectionPlans.Add(new(c1, D(2024, 10, 1), D(2025, 3, 17), Flag.Yes, RecordValues.Blank, RecordValues.Blank, ByHand));
        data.ProtectionPlans.Add(new(c2, D(2024, 10, 1), D(2025, 3, 14), Flag.Yes, RecordValues.Blank, RecordValues.Blank, ByHand));
        data.ProtectionPlans.Add(new(c3, D(2024, 10, 1), D(2025, 4, 2), Flag.Yes, RecordValues.Blank, RecordValues.Blank, ByHand));
        // Seen in time but not alone; and a plan that ended on the last day is not open at the end.
        data.ProtectionPlans.Add(new(c4, D(2024, 10, 1), D(2025, 3, 28), Flag.No, RecordValues.Blank, RecordValues.Blank, ByHand));
        data.ProtectionPlans.Add(new(c5, D(2024, 10, 1), D(2025, 3, 28), Flag.Yes, RecordValues.Blank, D(2025, 3, 31), ByHand));

        var visits = One("annexa_cp_visits_10wd", data);
        var alone = One("annexa_cp_seen_alone", data);
        var both = One("annexa_cp_visits_10wd_seen_alone", data);

        Assert.Equal((2.0, 3.0), (visits.Numerator, visits.Denominator));
        Assert.Equal((2.0, 3.0), (alone.Numerator, alone.Denominator));
        Assert.Equal((1.0, 3.0), (both.Numerator, both.Denominator));
        Assert.Equal(1, One("annexa_cp_ended", data).Value);
    }

    [Fact]
    public void ClaVisits_42DaysInTime43Not_NewChildNotYetDueLeftOut()
    {
        var data = Data();
        int c1 = data.Children.GetOrAdd("C1"), c2 = data.Children.GetOrAdd("C2"), c3 = data.Children.GetOrAdd("C3"), c4 = data.Children.GetOrAdd("C4");
        data.LookedAfter.Add(Cla(c1, D(2023, 1, 1), visit: D(2025, 2, 17)));
        data.LookedAfter.Add(Cla(c2, D(2023, 1, 1), visit: D(2025, 2, 16)));
        data.LookedAfter.Add(Cla(c3, D(2025, 3, 27), visit: RecordValues.Blank));
        data.LookedAfter.Add(Cla(c4, D(2023, 1, 1), visit: D(2025, 4, 1)));

        var result = One("annexa_cla_visits_6w", data);

        Assert.Equal((1.0, 2.0), (result.Numerator, result.Denominator));
    }

    [Fact]
    public void ClaReviews_SixMonthsToTheDayInTime_DayBeforeNot_First20WorkingDaysLeftOut()
    {
        var data = Data();
        int c1 = data.Children.GetOrAdd("C1"), c2 = data.Children.GetOrAdd("C2"), c3 = data.Children.GetOrAdd("C3"), c4 = data.Children.GetOrAdd("C4");
        data.LookedAfter.Add(Cla(c1, D(2024, 1, 1), review: D(2024, 9, 30)));
        data.LookedAfter.Add(Cla(c2, D(2024, 1, 1), review: D(2024, 9, 29)));
        // Monday 10 March to Monday 31 March 2025: 15 working days, first review not yet due.
        data.LookedAfter.Add(Cla(c3, D(2025, 3, 10)));
        // Ceased before the end: not looked after then.
        data.LookedAfter.Add(Cla(c4, D(2024, 1, 1), review: D(2025, 1, 1), ceased: D(2025, 3, 1)));

        var result = One("annexa_cla_reviews_in_time", data);

        Assert.Equal((1.0, 2.0), (result.Numerator, result.Denominator));
    }

    [Fact]
    public void ClaTwelveMonthsAndChecks_StartedAYearBeforeToTheDay_InTheCohort()
    {
        var data = Data();
        int c1 = data.Children.GetOrAdd("C1"), c2 = data.Children.GetOrAdd("C2"), c3 = data.Children.GetOrAdd("C3");
        data.LookedAfter.Add(Cla(c1, D(2024, 3, 31), health: D(2024, 3, 31), dental: D(2025, 1, 5), plan: true));
        data.LookedAfter.Add(Cla(c2, D(2024, 1, 1), health: D(2024, 3, 30), dental: D(2025, 1, 5)));
        data.LookedAfter.Add(Cla(c3, D(2024, 4, 1), health: D(2025, 1, 5), dental: D(2025, 1, 5), plan: true));

        var twelve = One("annexa_cla_12_months", data);
        var checks = One("annexa_cla_health_dental", data);
        var plans = One("annexa_cla_permanence_plan", data);

        Assert.Equal((2.0, 3.0), (twelve.Numerator, twelve.Denominator));
        Assert.Equal((1.0, 2.0), (checks.Numerator, checks.Denominator));
        Assert.Equal((2.0, 3.0), (plans.Numerator, plans.Denominator));
    }

    [Fact]
    public void CinSeen_28DaysInTime29Not_ClosedOnTheDayNotOpen()
    {
        var data = Data();
        int c1 = data.Children.GetOrAdd("C1"), c2 = data.Children.GetOrAdd("C2"), c3 = data.Children.GetOrAdd("C3");
        data.CinCases.Add(new(c1, D(2024, 5, 1), D(2025, 3, 3), RecordValues.Blank, 0, ByHand));
        data.CinCases.Add(new(c2, RecordValues.Blank, D(2025, 3, 2), RecordValues.Blank, 1, ByHand));
        data.CinCases.Add(new(c3, D(2024, 5, 1), D(2025, 3, 30), D(2025, 3, 31), 0, ByHand));

        var seen = One("annexa_cin_seen_4w", data);
        var caseload = One("annexa_caseload_average", data);

        Assert.Equal((1.0, 2.0), (seen.Numerator, seen.Denominator));
        // Two open cases, two different workers.
        Assert.Equal((2.0, 2.0, 1.0), (caseload.Numerator, caseload.Denominator, caseload.Value));
    }

    [Fact]
    public void ReturnInterviews_OfferedOfMissing_AcceptedOfOffered_OnlyAtTheYearEnd()
    {
        var data = Data();
        int c1 = data.Children.GetOrAdd("C1"), c2 = data.Children.GetOrAdd("C2"), c3 = data.Children.GetOrAdd("C3");
        data.LookedAfter.Add(Cla(c1, D(2023, 1, 1), missing: 2, offered: Flag.Yes, accepted: Flag.No));
        data.LookedAfter.Add(Cla(c2, D(2023, 1, 1), missing: 1, offered: Flag.No));
        data.LookedAfter.Add(Cla(c3, D(2023, 1, 1), missing: 0, offered: Flag.Yes, accepted: Flag.Yes));

        var offered = One("annexa_missing_ri_offered", data);
        var accepted = One("annexa_missing_ri_accepted", data);

        Assert.Equal((1.0, 2.0), (offered.Numerator, offered.Denominator));
        Assert.Equal((0.0, 1.0), (accepted.Numerator, accepted.Denominator));
        var held = One("annexa_missing_ri_held", data);
        Assert.Equal((0.0, 2.0), (held.Numerator, held.Denominator));
        Assert.Null(One("annexa_missing_ri_offered", data, Period.Between(new(2024, 4, 1), new(2025, 2, 28))).Value);
    }

    [Fact]
    public void CareLeaversInTouch_DiedLeftOut_RefusedStaysInTheDenominator()
    {
        var data = Data();
        data.CareLeavers.Add(new(data.Children.GetOrAdd("C1"), AnnexAInTouch.Yes, ByHand));
        data.CareLeavers.Add(new(data.Children.GetOrAdd("C2"), AnnexAInTouch.No, ByHand));
        data.CareLeavers.Add(new(data.Children.GetOrAdd("C3"), AnnexAInTouch.Died, ByHand));
        data.CareLeavers.Add(new(data.Children.GetOrAdd("C4"), AnnexAInTouch.Refused, ByHand));

        var inTouch = One("annexa_care_leavers_in_touch", data);

        Assert.Equal((1.0, 3.0), (inTouch.Numerator, inTouch.Denominator));
        Assert.Equal(4, One("annexa_care_leavers", data).Value);
    }

    [Fact]
    public void Adoption_PlacedTwelveMonthsToTheDay_InTime_EighteenMonthsToTheDayIsNotLess()
    {
        var data = Data();
        int c1 = data.Children.GetOrAdd("C1"), c2 = data.Children.GetOrAdd("C2");
        data.Adoptions.Add(new(c1, D(2022, 11, 10), D(2023, 5, 10), D(2024, 4, 1), D(2024, 5, 10), D(2024, 12, 1), ByHand));
        data.Adoptions.Add(new(c2, D(2022, 11, 11), D(2023, 5, 9), D(2024, 4, 1), D(2024, 5, 10), D(2024, 12, 1), ByHand));

        var placed = One("annexa_adoption_placed_12m_of_decision", data);
        var under18 = One("annexa_adoption_under_18m", data);

        Assert.Equal((1.0, 2.0), (placed.Numerator, placed.Denominator));
        Assert.Equal((1.0, 2.0), (under18.Numerator, under18.Denominator));
    }

    [Fact]
    public void AdoptersAvailable_ApprovedNotMatched_AtTheEnd()
    {
        var data = Data();
        data.AdopterRecords.Add(new(data.Adopters.GetOrAdd("A1"), D(2024, 1, 1), D(2024, 9, 1), RecordValues.Blank, RecordValues.Blank, ByHand));
        data.AdopterRecords.Add(new(data.Adopters.GetOrAdd("A2"), D(2024, 1, 1), D(2024, 9, 1), D(2025, 3, 31), RecordValues.Blank, ByHand));
        data.AdopterRecords.Add(new(data.Adopters.GetOrAdd("A3"), D(2024, 1, 1), D(2024, 9, 1), D(2025, 4, 1), RecordValues.Blank, ByHand));

        Assert.Equal(2, One("annexa_adopters_available", data).Value);
        var explanation = new KpiEngine().Explain("annexa_adopters_available", new KpiDataset(Council, null, null, data), Year2025);
        Assert.Equal(["A1", "A3"], explanation.NumeratorChildren);
    }

    [Fact]
    public void YearRule_AContactInAFileOfAnotherYear_IsNotCounted_AndAYearWithoutAFileHasNoData()
    {
        var data = Data(new SourceFile("annex_a_2024.xlsx", "Annex A workbook", 2024), new SourceFile("annex_a_2025.xlsx", "Annex A workbook", 2025));
        var c1 = data.Children.GetOrAdd("C1");
        // The 2024 workbook ran past its year's end: its April 2024 contact is the 2025 workbook's to count.
        data.Contacts.Add(new(c1, D(2024, 4, 2), new SourceLocation(0, 5)));
        data.Contacts.Add(new(c1, D(2024, 4, 2), new SourceLocation(1, 7)));

        Assert.Equal(1, One("annexa_contacts", data).Value);
        Assert.Null(One("annexa_contacts", data, Period.ReportingYear(2026)).Value);
    }

    [Fact]
    public void ListNotHeld_GivesNoData_AndAListReadWithNoRowsGivesZero()
    {
        var data = Data();
        data.Contacts.Add(new(data.Children.GetOrAdd("C1"), D(2024, 6, 1), ByHand));
        data.ListsRead.Add(7);

        Assert.Null(One("annexa_early_help_assessments", data).Value);
        Assert.Null(One("annexa_contacts_to_referral", data).Value);
        Assert.Equal(0, One("annexa_cp_ended", data).Value);
    }

    private static AnnexALookedAfter Cla(
        int child, int start, int visit = int.MinValue, int review = int.MinValue, int ceased = int.MinValue, int health = int.MinValue,
        int dental = int.MinValue, bool plan = false, int missing = int.MinValue, Flag offered = Flag.Blank, Flag accepted = Flag.Blank) =>
        new(child, start, review, visit, plan, health, dental, ceased, missing, offered, accepted, ByHand);
}
