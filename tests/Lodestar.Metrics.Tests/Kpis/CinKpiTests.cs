using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using static Lodestar.Metrics.Tests.Kpis.KpiTestRun;

namespace Lodestar.Metrics.Tests.Kpis;

public sealed class CinKpiTests
{
    [Fact]
    public void Referrals_OnTheFirstAndLastDay_CountAndOutsideDoNot()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 4, 1))
            .Referral("C2", referralDate: new(2025, 3, 31))
            .Referral("C3", referralDate: new(2024, 3, 31))
            .Referral("C4", referralDate: new(2025, 4, 1))
            .Build();

        Assert.Equal(2, Value("referrals", data, Year2025));
    }

    [Fact]
    public void Rereferrals_Exactly12MonthsAfterThePrevious_CountsAndOneDayMoreDoesNot()
    {
        // C1: 10 Jun 2023 then 10 Jun 2024 (12 months: a re-referral). C2: 9 Jun 2023 then 10 Jun 2024 (not). C3: first referral.
        var data = Cin()
            .Referral("C1", referralDate: new(2023, 6, 10))
            .Referral("C1", referralDate: new(2024, 6, 10))
            .Referral("C2", referralDate: new(2023, 6, 9))
            .Referral("C2", referralDate: new(2024, 6, 10))
            .Referral("C3", referralDate: new(2024, 6, 10))
            .Build();

        var result = Result("rereferrals_12m", data, Year2025);

        Assert.Equal((1.0, 3.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rereferrals_TwoReferralsOnOneDay_EachLooksBackToTheLatestReferralOnAnEarlierDay(bool reversed)
    {
        // C1: 1 May 2024, then two on 10 June 2024: each of the two looks back to 1 May (a re-referral); 1 May has none before it.
        // C2: two on 10 June 2024 and nothing earlier: neither is a re-referral of the other. 2 of 5 referrals, in any row order.
        var referrals = new (string Child, DateOnly Date)[]
        {
            ("C1", new(2024, 5, 1)), ("C1", new(2024, 6, 10)), ("C1", new(2024, 6, 10)), ("C2", new(2024, 6, 10)), ("C2", new(2024, 6, 10)),
        };
        var builder = Cin();
        foreach (var (child, date) in reversed ? referrals.Reverse() : referrals)
        {
            builder.Referral(child, referralDate: date);
        }

        var result = Result("rereferrals_12m", builder.Build(), Year2025);

        Assert.Equal((2.0, 5.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void ReferralsNfa_OnlyTrueCounts()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 6, 1), nfa: true)
            .Referral("C2", referralDate: new(2024, 6, 1), nfa: false)
            .Referral("C3", referralDate: new(2024, 6, 1))
            .Referral("C4", referralDate: new(2024, 6, 1), nfa: true)
            .Build();

        Assert.Equal(50, Value("referrals_nfa", data, Year2025));
    }

    [Theory]
    [InlineData(25, 1.0)] // 45 working days after Thu 17 Apr 2025 (Good Friday, Easter Monday, 5 May and 26 May bank holidays) is Wed 25 Jun.
    [InlineData(26, 0.0)]
    public void AssessmentsIn45Days_AcrossEasterAndMayBankHolidays(int juneDay, double numerator)
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2025, 4, 16))
            .Assessment("C1", new(2025, 4, 16), start: new(2025, 4, 17), authorised: new(2025, 6, juneDay))
            .Build();

        var result = Result("assessments_in_45_days", data, Period.ReportingYear(2026));

        Assert.Equal((numerator, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void AssessmentsIn45Days_CompletedOutsideThePeriodOrWithoutStart_AreLeftOut()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2025, 3, 1))
            .Assessment("C1", new(2025, 3, 1), start: new(2025, 3, 2), authorised: new(2025, 4, 1))
            .Referral("C2", referralDate: new(2025, 3, 1))
            .Assessment("C2", new(2025, 3, 1), start: null, authorised: new(2025, 3, 20))
            .Build();

        Assert.Equal(0, Result("assessments_in_45_days", data, Year2025).Denominator);
    }

    [Fact]
    public void Section47_StartedAndLedToIcpc()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 6, 1))
            .Section47("C1", new(2024, 6, 1), start: new(2024, 6, 2), icpcDate: new(2024, 6, 20))
            .Section47("C1", new(2024, 6, 1), start: new(2024, 9, 2), icpcNotRequired: true)
            .Section47("C1", new(2024, 6, 1), start: new(2024, 3, 2), icpcDate: new(2024, 3, 20))
            .Build();

        Assert.Equal(2, Value("s47_started", data, Year2025));
        Assert.Equal(50, Value("s47_to_icpc", data, Year2025));
    }

    [Theory]
    [InlineData(8, 1.0)] // 15 working days after Fri 13 Dec 2024 across Christmas and New Year is Wed 8 Jan 2025.
    [InlineData(9, 0.0)]
    public void IcpcIn15Days_AcrossChristmas(int januaryDay, double numerator)
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 12, 12))
            .Section47("C1", new(2024, 12, 12), start: new(2024, 12, 13), icpcDate: new(2025, 1, januaryDay))
            .Build();

        var result = Result("icpc_in_15_days", data, Year2025);

        Assert.Equal((numerator, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void IcpcIn15Days_CountsIcpcsHeldInThePeriodEvenWhenTheEnquiryStartedBefore()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 3, 20))
            .Section47("C1", new(2024, 3, 20), start: new(2024, 3, 25), icpcDate: new(2024, 4, 10))
            .Build();

        // 25 Mar 2024 to 10 Apr 2024: Good Friday 29 Mar and Easter Monday 1 Apr skipped: 26, 27, 28 Mar, 2–5 Apr, 8, 9, 10 Apr = 10.
        Assert.Equal((1.0, 1.0), (Result("icpc_in_15_days", data, Year2025).Numerator!.Value, Result("icpc_in_15_days", data, Year2025).Denominator!.Value));
        Assert.Equal(0, Value("s47_started", data, Year2025));
    }

    [Fact]
    public void CppAtEnd_PlanEndingOnTheLastDay_IsNotOpenAndTwoPlansCountTheChildOnce()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C1", new(2024, 5, 1), start: new(2024, 6, 1), end: new(2025, 3, 31))
            .Referral("C2", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C2", new(2024, 5, 1), start: new(2024, 6, 1))
            .ProtectionPlan("C2", new(2024, 5, 1), start: new(2024, 7, 1))
            .Build();

        Assert.Equal(1, Value("cpp_at_end", data, Year2025));
    }

    [Fact]
    public void CppRatePer10k_WithPopulation_DividesByTheEstimate()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C1", new(2024, 5, 1), start: new(2024, 6, 1))
            .Build();
        var options = new KpiOptions { Population = new PopulationEstimates().Add("E10000003", 2024, 20_000) };

        Assert.Equal(0.5, Value("cpp_rate_per_10k", data, Year2025, options));
        Assert.Null(Value("cpp_rate_per_10k", data, Year2025));
    }

    [Fact]
    public void CppSubsequent_EarlierPlanOrPreviousCount_MakesItSubsequent()
    {
        // C1: plan 2022 then plan in the year (subsequent). C2: first plan in the data but NumberOfPreviousCPP 1. C3: first plan.
        var data = Cin()
            .Referral("C1", referralDate: new(2022, 1, 1))
            .ProtectionPlan("C1", new(2022, 1, 1), start: new(2022, 1, 10), end: new(2022, 6, 1))
            .Referral("C1", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C1", new(2024, 5, 1), start: new(2024, 6, 1))
            .Referral("C2", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C2", new(2024, 5, 1), start: new(2024, 6, 1), previousPlans: 1)
            .Referral("C3", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C3", new(2024, 5, 1), start: new(2024, 6, 1), previousPlans: 0)
            .Build();

        Assert.Equal(3, Value("cpp_started", data, Year2025));
        var result = Result("cpp_subsequent", data, Year2025);
        Assert.Equal((2.0, 3.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CppSubsequent_TwoPlansStartingTheSameDay_NeitherIsEarlierThanTheOther(bool reversed)
    {
        // C1: two plans from 1 June 2024 and none before (NumberOfPreviousCPP 0): neither is a second plan.
        // C2: a plan in 2023 (ended 1 June 2023), then two from 1 June 2024: both are subsequent, and both follow a plan
        // that ended within 2 years. 2 of 4 plans started, in any row order.
        var builder = Cin()
            .Referral("C2", referralDate: new(2023, 1, 1))
            .ProtectionPlan("C2", new(2023, 1, 1), start: new(2023, 1, 10), end: new(2023, 6, 1), previousPlans: 0)
            .Referral("C1", referralDate: new(2024, 5, 1))
            .Referral("C2", referralDate: new(2024, 5, 1));
        var plans = new (string Child, string Category)[] { ("C1", "NEG"), ("C1", "EMO"), ("C2", "NEG"), ("C2", "PHY") };
        foreach (var (child, category) in reversed ? plans.Reverse() : plans)
        {
            builder.ProtectionPlan(child, new(2024, 5, 1), start: new(2024, 6, 1), initialCategory: category, latestCategory: category, previousPlans: 0);
        }

        var data = builder.Build();

        Assert.Equal(4, Value("cpp_started", data, Year2025));
        var subsequent = Result("cpp_subsequent", data, Year2025);
        Assert.Equal((2.0, 4.0), (subsequent.Numerator!.Value, subsequent.Denominator!.Value));
        Assert.Equal(2, Result("cpp_subsequent_2y", data, Year2025).Numerator);
    }

    [Theory]
    [InlineData(2022, 6, 1, 1.0)] // previous plan ended exactly 2 years before 1 Jun 2024
    [InlineData(2022, 5, 31, 0.0)]
    public void CppSubsequent2y_PreviousPlanEndedWithinTwoYears(int year, int month, int day, double numerator)
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2021, 1, 1))
            .ProtectionPlan("C1", new(2021, 1, 1), start: new(2021, 1, 10), end: new(year, month, day))
            .Referral("C1", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C1", new(2024, 5, 1), start: new(2024, 6, 1))
            .Build();

        Assert.Equal(numerator, Result("cpp_subsequent_2y", data, Year2025).Numerator);
    }

    [Theory]
    [InlineData(2022, 6, 1, 1.0)]
    [InlineData(2022, 6, 2, 0.0)]
    public void CppEnded2yPlus_PlanLastingExactlyTwoYears_Counts(int year, int month, int day, double numerator)
    {
        var data = Cin()
            .Referral("C1", referralDate: new(year, month, day))
            .ProtectionPlan("C1", new(year, month, day), start: new(year, month, day), end: new(2024, 6, 1))
            .Build();

        var result = Result("cpp_ended_2y_plus", data, Year2025);

        Assert.Equal((numerator, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void CppReviewsInTime_FirstAt3MonthsThenEvery6Months()
    {
        // C1: plan 1 Jan 2024; reviews 1 Apr 2024 (due 1 Apr: on time), 1 Oct 2024 (due 1 Oct: on time), 1 Apr 2025 (due then, after the year).
        //     Due in the year: 1 Oct 2024 only — on time.
        // C2: plan 1 May 2024; first review 2 Aug 2024 (due 1 Aug: late).
        // C3: plan 1 May 2024 ended 1 Jul 2024, before its first review fell due: not in the denominator.
        var data = Cin()
            .Referral("C1", referralDate: new(2023, 12, 1))
            .ProtectionPlan("C1", new(2023, 12, 1), start: new(2024, 1, 1), reviewDates: [new(2024, 4, 1), new(2024, 10, 1), new(2025, 4, 1)])
            .Referral("C2", referralDate: new(2024, 4, 1))
            .ProtectionPlan("C2", new(2024, 4, 1), start: new(2024, 5, 1), reviewDates: [new(2024, 8, 2)])
            .Referral("C3", referralDate: new(2024, 4, 1))
            .ProtectionPlan("C3", new(2024, 4, 1), start: new(2024, 5, 1), end: new(2024, 7, 1))
            .Build();

        var result = Result("cpp_reviews_in_time", data, Year2025);

        Assert.Equal((1.0, 2.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void CppByCategory_LatestCategoryElseInitial_WithPercentOfChildrenOnPlans()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C1", new(2024, 5, 1), start: new(2024, 6, 1), initialCategory: "PHY", latestCategory: "NEG")
            .Referral("C2", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C2", new(2024, 5, 1), start: new(2024, 6, 1), initialCategory: "EMO")
            .Referral("C3", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C3", new(2024, 5, 1), start: new(2024, 6, 1), initialCategory: "NEG", latestCategory: "NEG")
            .Referral("C4", referralDate: new(2024, 5, 1))
            .ProtectionPlan("C4", new(2024, 5, 1), start: new(2024, 6, 1), latestCategory: "XYZ")
            .Build();

        var results = new KpiEngine().Compute("cpp_by_category", KpiDataset.Of(data), Year2025).ToDictionary(r => r.Category!);

        Assert.Equal((2.0, 4.0, 50.0), (results["NEG"].Numerator!.Value, results["NEG"].Denominator!.Value, results["NEG"].Value!.Value));
        Assert.Equal(1, results["EMO"].Numerator);
        Assert.Equal(1, results["unknown"].Numerator);
        Assert.Equal(0, results["PHY"].Numerator);
    }

    [Fact]
    public void CinAtEnd_ReferralClosedOnTheLastDay_IsNotInNeed()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 5, 1), closureDate: new(2025, 3, 31))
            .Referral("C2", referralDate: new(2024, 5, 1), closureDate: new(2025, 4, 1))
            .Referral("C3", referralDate: new(2025, 3, 31))
            .Build();

        Assert.Equal(2, Value("cin_at_end", data, Year2025));
    }

    [Fact]
    public void Referrals_BlankReferralDate_FallsInNoPeriod()
    {
        var data = Cin()
            .Referral("C1", referralDate: null)
            .Referral("C2", referralDate: new(2024, 6, 1))
            .Build();

        Assert.Equal(1, Value("referrals", data, Year2025));
        Assert.Equal(1, Value("cin_at_end", data, Year2025));
    }

    [Fact]
    public void CinRatePer10k_WithoutPopulation_IsNoData()
    {
        var data = Cin().Referral("C1", referralDate: new(2024, 5, 1)).Build();

        Assert.Null(Value("cin_rate_per_10k", data, Year2025));
    }

    [Theory]
    [InlineData(2024, 3, 30, 1.0)] // more than 12 months before 31 Mar 2025
    [InlineData(2024, 3, 31, 0.0)] // exactly 12 months
    public void CinPlansOver12Months_BoundaryIsStrict(int year, int month, int day, double numerator)
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 1, 1))
            .Plan("C1", new(2024, 1, 1), start: new(year, month, day))
            .Build();

        var result = Result("cin_plans_over_12m", data, Year2025);

        Assert.Equal((numerator, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void Explain_Referrals_ListsTheChildrenAndReasons()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2023, 6, 10))
            .Referral("C1", referralDate: new(2024, 6, 10))
            .Referral("C2", referralDate: new(2024, 7, 1))
            .Build();

        var explanation = new KpiEngine().Explain("rereferrals_12m", KpiDataset.Of(data), Year2025);

        Assert.Equal(["C1"], explanation.NumeratorChildren);
        Assert.Equal(["C1", "C2"], explanation.DenominatorChildren);
        Assert.Contains("previous referral 10/06/2023", explanation.Reasons["C1"].Single(), StringComparison.Ordinal);
        Assert.Equal(50, explanation.Result.Value);
    }

    [Fact]
    public void Compute_SeriesOfMonths_MatchesPeriodByPeriod()
    {
        var data = Cin()
            .Referral("C1", referralDate: new(2024, 5, 3), closureDate: new(2024, 9, 1))
            .Referral("C1", referralDate: new(2024, 10, 3))
            .ProtectionPlan("C1", new(2024, 10, 3), start: new(2024, 10, 20), latestCategory: "NEG", reviewDates: [new(2025, 1, 10)])
            .Assessment("C1", new(2024, 10, 3), start: new(2024, 10, 4), authorised: new(2024, 12, 20))
            .Section47("C1", new(2024, 10, 3), start: new(2024, 10, 5), icpcDate: new(2024, 10, 19))
            .Plan("C1", new(2024, 10, 3), start: new(2024, 10, 4), end: new(2024, 10, 20))
            .Referral("C2", referralDate: new(2024, 5, 20), closureDate: new(2024, 5, 31))
            .Plan("C2", new(2024, 5, 20), start: new(2024, 5, 21))
            .Build();
        var engine = new KpiEngine();
        var dataset = KpiDataset.Of(data);
        var months = Period.Series(PeriodKind.Month, Year2025.Start, Year2025.End);

        // Explain computes without skipping any period, so it is the reference for the skipping sweep.
        var series = engine.Compute(dataset, months).Where(r => r.Category is null or "in_house_fostering" or "NEG").ToList();
        var oneByOne = months.SelectMany(m => KpiCatalog.All.Select(k => engine.Explain(k.Id, dataset, m).Result)).ToList();

        Assert.Equal(oneByOne, series.OrderBy(r => r.PeriodStart).ThenBy(r => KpiCatalog.IndexOf(r.Kpi)).ToList(), new ResultComparer());
    }

    private sealed class ResultComparer : IEqualityComparer<KpiResult>
    {
        public bool Equals(KpiResult? x, KpiResult? y) => x == y;

        public int GetHashCode(KpiResult obj) => obj.GetHashCode();
    }
}
