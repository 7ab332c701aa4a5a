using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using static Lodestar.Metrics.Tests.Kpis.KpiTestRun;

namespace Lodestar.Metrics.Tests.Kpis;

public sealed class ClaOutcomeTests
{
    [Theory]
    [InlineData(22, 1.0)] // Wed 22 Jan 2025 is the 20th working day after Fri 20 Dec 2024 (25, 26 Dec and 1 Jan are bank holidays).
    [InlineData(23, 0.0)]
    public void ReviewsInTime_FirstReview_Within20WorkingDaysAcrossChristmas(int januaryDay, double numerator)
    {
        var data = Cla()
            .Episode("C1", decom: new(2024, 12, 20), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Review("C1", review: new(2025, 1, januaryDay))
            .Build();

        var result = Result("cla_reviews_in_time", data, Year2025);

        Assert.Equal((numerator, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void ReviewsInTime_SecondWithin3MonthsThirdWithin6Months()
    {
        // Care from 1 May 2024; first review 20 May (in time); second 20 Aug (due by 20 Aug: in time);
        // third 21 Feb 2025 (due by 20 Feb 2025: late).
        var data = Cla()
            .Episode("C1", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Review("C1", review: new(2024, 5, 20))
            .Review("C1", review: new(2024, 8, 20))
            .Review("C1", review: new(2025, 2, 21))
            .Build();

        var result = Result("cla_reviews_in_time", data, Year2025);

        Assert.Equal((2.0, 3.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void ReviewsInTime_ReviewsBeforeThePeriod_SetTheTimescaleOfLaterOnes()
    {
        // Reviews on 10 Jan 2024 and 10 Mar 2024 (before the year) make the 9 Sep 2024 review the third: due by 10 Sep 2024.
        var data = Cla()
            .Episode("C1", decom: new(2024, 1, 2), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Review("C1", review: new(2024, 1, 10))
            .Review("C1", review: new(2024, 3, 10))
            .Review("C1", review: new(2024, 9, 9))
            .Build();

        var result = Result("cla_reviews_in_time", data, Year2025);

        Assert.Equal((1.0, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void ReviewsInTime_NewPeriodOfCare_RestartsTheFirstReviewRule()
    {
        // Care ended 1 Jun 2024 and began again 1 Oct 2024; the review of 10 Oct 2024 is the first of the new period (in time).
        var data = Cla()
            .Episode("C1", decom: new(2024, 1, 2), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 6, 1), rec: "E4A")
            .Episode("C1", decom: new(2024, 10, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Review("C1", review: new(2024, 1, 10))
            .Review("C1", review: new(2024, 10, 10))
            .Build();

        var result = Result("cla_reviews_in_time", data, Year2025);

        Assert.Equal((1.0, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Theory]
    [InlineData(2024, 4, 1, 1.0)]
    [InlineData(2024, 4, 2, 0.0)]
    public void HealthCheck_Oc2Cohort_IsLookedAfterEveryDayOfThe12Months(int year, int month, int day, double denominator)
    {
        var data = Cla()
            .Episode("C1", decom: new(year, month, day), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Oc2("C1", year: 2025, healthCheck: "1", teethCheck: "0", immunisations: "1", sdqScore: 14)
            .Build();

        Assert.Equal(denominator, Result("cla_health_check", data, Year2025).Denominator);
    }

    [Fact]
    public void HealthKpis_Oc2RowOfTheYear_GivesEachCheck()
    {
        var data = Cla()
            .Episode("C1", decom: new(2022, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Oc2("C1", year: 2025, healthCheck: "1", teethCheck: "0", immunisations: "1", sdqScore: 14)
            .Oc2("C1", year: 2024, healthCheck: "0", teethCheck: "1", immunisations: "0", sdqScore: 30)
            .Episode("C2", decom: new(2022, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Oc2("C2", year: 2025, healthCheck: "1", teethCheck: "1", immunisations: "0", sdqScore: 20)
            .Episode("C3", decom: new(2022, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Oc2("C3", year: 2025, healthCheck: "0", teethCheck: "0", immunisations: "0")
            .Episode("C4", decom: new(2022, 1, 1), rne: "S", ls: "V3", place: "U4", provider: "PR1")
            .Oc2("C4", year: 2025, healthCheck: "1", teethCheck: "1", immunisations: "1", sdqScore: 2)
            .Build();

        Assert.Equal(2.0 / 3 * 100, Value("cla_health_check", data, Year2025));
        Assert.Equal(1.0 / 3 * 100, Value("cla_teeth_check", data, Year2025));
        Assert.Equal(1.0 / 3 * 100, Value("cla_immunisations", data, Year2025));
        var sdq = Result("cla_sdq_average", data, Year2025);
        Assert.Equal((34.0, 2.0, 17.0, MeasureUnit.Score), (sdq.Numerator!.Value, sdq.Denominator!.Value, sdq.Value!.Value, sdq.Unit));
    }

    [Fact]
    public void HealthCheck_CohortChildWithoutOc2Row_CountsAsNotDone()
    {
        var data = Cla()
            .Episode("C1", decom: new(2022, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Build();

        var result = Result("cla_health_check", data, Year2025);

        Assert.Equal((0.0, 1.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void HealthCheck_PeriodNotEndingOn31March_IsNoData()
    {
        var data = Cla()
            .Episode("C1", decom: new(2022, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1")
            .Oc2("C1", year: 2025, healthCheck: "1")
            .Build();

        Assert.Null(Value("cla_health_check", data, Period.Month(2025, 2)));
    }

    [Fact]
    public void CareLeavers_AgeAtTheEnd_PicksTheGroupAndNotKnownStaysInTheDenominator()
    {
        // Ages at 31 Mar 2025: C1 19, C2 21, C3 20, C4 17, C5 22 (out), C6 row of another year (out).
        var data = Cla()
            .Oc3("C1", year: 2025, dob: new(2005, 10, 1), inTouch: "YES", activ: "F2", accom: "B1")
            .Oc3("C2", year: 2025, dob: new(2003, 4, 1), inTouch: "NREQ", activ: "0", accom: "0")
            .Oc3("C3", year: 2025, dob: new(2004, 6, 1), inTouch: "YES", activ: "G4", accom: "C2")
            .Oc3("C4", year: 2025, dob: new(2007, 9, 1), inTouch: "YES", activ: "P5", accom: "D2")
            .Oc3("C5", year: 2025, dob: new(2003, 3, 31), inTouch: "YES", activ: "F1", accom: "B1")
            .Oc3("C6", year: 2024, dob: new(2005, 1, 1), inTouch: "YES", activ: "F1", accom: "B1")
            .Build();

        Assert.Equal((1.0, 3.0), NumDen("care_leavers_eet_19_21", data));
        Assert.Equal((1.0, 3.0), NumDen("care_leavers_suitable_accom_19_21", data));
        Assert.Equal((2.0, 3.0), NumDen("care_leavers_in_touch_19_21", data));
        Assert.Equal((1.0, 1.0), NumDen("care_leavers_eet_17_18", data));
        Assert.Equal((0.0, 1.0), NumDen("care_leavers_suitable_accom_17_18", data));
    }

    [Fact]
    public void CareLeavers_NoDateOnTheRow_UsesTheHeaderDateOfBirth()
    {
        var data = Cla()
            .Header("C1", dob: new(2005, 10, 1))
            .Oc3("C1", year: 2025, inTouch: "YES", activ: "F2", accom: "B1")
            .Build();

        Assert.Equal((1.0, 1.0), NumDen("care_leavers_eet_19_21", data));
    }

    [Fact]
    public void AdoptionA1_EntryToAdoptivePlacement_IsAveragedOverThreeYears()
    {
        // C1: care from 10 Jan 2022, placed A4 on 10 Jan 2023: 365 days; adopted 1 Jun 2024.
        // C2: care from 1 Jan 2021, placed 1 Jan 2022 (365 days), adopted 1 Apr 2022: inside 1 Apr 2022–31 Mar 2025.
        // C3: adopted 31 Mar 2022, outside the three years.
        var data = Cla()
            .Episode("C1", decom: new(2022, 1, 10), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2023, 1, 10), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2023, 1, 10), rne: "B", ls: "E1", place: "A4", provider: "PR1", dec: new(2024, 6, 1), rec: "E11")
            .Episode("C2", decom: new(2021, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2022, 1, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C2", decom: new(2022, 1, 1), rne: "B", ls: "E1", place: "A5", provider: "PR1", dec: new(2022, 4, 1), rec: "E12")
            .Episode("C3", decom: new(2020, 1, 1), rne: "S", ls: "E1", place: "A4", provider: "PR1", dec: new(2022, 3, 31), rec: "E11")
            .Build();

        var result = Result("adoption_a1_days", data, Year2025);

        Assert.Equal((730.0, 2.0, 365.0, MeasureUnit.Days), (result.Numerator!.Value, result.Denominator!.Value, result.Value!.Value, result.Unit));
    }

    [Fact]
    public void AdoptionA1_FosterCarerAdoption_CountsFromTheStartOfThatCarersPlacement()
    {
        // Care from 10 Jan 2022; fostered by the future adopters from 1 Mar 2022 (P); the same carers become adopters (T) on 10 Jan 2023.
        // A10: 10 Jan 2022 to 1 Mar 2022 = 50 days.
        var data = Cla()
            .Episode("C1", decom: new(2022, 1, 10), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2022, 3, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2022, 3, 1), rne: "P", ls: "C2", place: "U4", provider: "PR4", dec: new(2023, 1, 10), rec: "X1", reasonPlaceChange: "PLACE")
            .Episode("C1", decom: new(2023, 1, 10), rne: "T", ls: "E1", place: "A4", provider: "PR4", dec: new(2024, 6, 1), rec: "E11")
            .Ad1("C1", fosterCare: "1", dateMatch: new(2022, 12, 1))
            .Build();

        Assert.Equal(50, Value("adoption_a1_days", data, Year2025));
    }

    [Fact]
    public void AdoptionA2_CourtAuthorityToMatch_AndZeroWhenMatchedBefore()
    {
        // C1: placement order (E1) from 1 Jun 2022, matched 1 Dec 2022: 183 days.
        // C2: matched 1 May 2022, before the placement order of 1 Jun 2022: 0 days.
        // C3: no placement or freeing order: left out.
        var data = Cla()
            .Episode("C1", decom: new(2022, 1, 10), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2022, 6, 1), rec: "X1")
            .Episode("C1", decom: new(2022, 6, 1), rne: "L", ls: "E1", place: "U4", provider: "PR1", dec: new(2023, 1, 10), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2023, 1, 10), rne: "B", ls: "E1", place: "A4", provider: "PR1", dec: new(2024, 6, 1), rec: "E11")
            .Ad1("C1", dateMatch: new(2022, 12, 1))
            .Episode("C2", decom: new(2022, 1, 10), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2022, 6, 1), rec: "X1")
            .Episode("C2", decom: new(2022, 6, 1), rne: "B", ls: "E1", place: "A4", provider: "PR1", dec: new(2024, 6, 1), rec: "E11")
            .Ad1("C2", dateMatch: new(2022, 5, 1))
            .Episode("C3", decom: new(2022, 1, 10), rne: "S", ls: "C2", place: "A4", provider: "PR1", dec: new(2024, 6, 1), rec: "E11")
            .Ad1("C3", dateMatch: new(2022, 5, 1))
            .Build();

        var result = Result("adoption_a2_days", data, Year2025);

        Assert.Equal((183.0, 2.0), (result.Numerator!.Value, result.Denominator!.Value));
    }

    [Fact]
    public void AdoptionA1_AdoptedWithoutAnAdoptivePlacement_IsLeftOut()
    {
        var data = Cla()
            .Episode("C1", decom: new(2022, 1, 10), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 6, 1), rec: "E11")
            .Build();

        var result = Result("adoption_a1_days", data, Year2025);

        Assert.Equal(0, result.Denominator);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Placements52Weeks_DaysInEachCategory_DividedBy364()
    {
        // In-house foster (U4 PR1) 1 Apr–1 Jul 2024 = 91 days; IFA (U5 PR4) 1 Jul 2024 onwards = 274 days to 31 Mar 2025;
        // kinship U1 (any provider) all year = 365 days; V3 short breaks left out.
        var data = Cla()
            .Episode("C1", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2024, 7, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2024, 7, 1), rne: "P", ls: "C2", place: "U5", provider: "PR4")
            .Episode("C2", decom: new(2024, 1, 1), rne: "S", ls: "C2", place: "U1", provider: "PR4")
            .Episode("C3", decom: new(2024, 1, 1), rne: "S", ls: "V3", place: "K2", provider: "PR4")
            .Build();

        var results = new KpiEngine().Compute("placements_52wk_by_type", KpiDataset.Of(data), Year2025).ToDictionary(r => r.Category!);

        Assert.Equal(9, results.Count);
        Assert.Equal((91.0, 364.0, 0.25), (results["in_house_fostering"].Numerator!.Value, results["in_house_fostering"].Denominator!.Value, results["in_house_fostering"].Value!.Value));
        Assert.Equal(274, results["ifa"].Numerator);
        Assert.Equal(365, results["kinship"].Numerator);
        Assert.Equal(0, results["residential_homes"].Numerator);
        Assert.All(results.Values, r => Assert.Equal(MeasureUnit.Placements52wk, r.Unit));
    }

    [Fact]
    public void Compute_SeriesOfMonths_MatchesPeriodByPeriod()
    {
        var data = Cla()
            .Header("C1", dob: new(2015, 1, 1))
            .Episode("C1", decom: new(2021, 1, 10), rne: "S", ls: "C2", place: "U4", provider: "PR1", dec: new(2023, 1, 10), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C1", decom: new(2023, 1, 10), rne: "B", ls: "E1", place: "A4", provider: "PR1", dec: new(2024, 6, 1), rec: "E11")
            .Ad1("C1", dateMatch: new(2022, 12, 1))
            .Header("C2", dob: new(2010, 1, 1))
            .Episode("C2", decom: new(2024, 5, 1), rne: "S", ls: "C2", place: "K2", provider: "PR4", dec: new(2024, 8, 1), rec: "X1", reasonPlaceChange: "CARPL")
            .Episode("C2", decom: new(2024, 8, 1), rne: "P", ls: "C2", place: "U5", provider: "PR4")
            .Missing("C2", missing: "M", misStart: new(2024, 9, 1), misEnd: new(2024, 9, 2))
            .Review("C2", review: new(2024, 5, 20))
            .Build();
        var engine = new KpiEngine();
        var dataset = KpiDataset.Of(data);
        var months = Period.Series(PeriodKind.Month, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31));

        // Explain computes without skipping any period, so it is the reference for the skipping sweep.
        var series = engine.Compute(dataset, months).Where(r => r.Category is null or "in_house_fostering" or "NEG").ToList();
        var oneByOne = months.SelectMany(m => KpiCatalog.All.Select(k => engine.Explain(k.Id, dataset, m).Result)).ToList();

        Assert.Equal(oneByOne, [.. series.OrderBy(r => r.PeriodStart).ThenBy(r => KpiCatalog.IndexOf(r.Kpi))]);
    }

    private static (double Numerator, double Denominator) NumDen(string kpi, Lodestar.Metrics.Records.Ssda903Data data)
    {
        var result = Result(kpi, data, Year2025);
        return (result.Numerator!.Value, result.Denominator!.Value);
    }
}
