using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Tests.Records;

public sealed class CinBuilderTests
{
    [Fact]
    public void Build_ReferralsAndTheirRecords_AreLinkedAndSorted()
    {
        var data = new CinBuilder("E10000003")
            .Child("C1", dob: new(2015, 1, 1), sex: "M", disabilities: ["NONE"])
            .Referral("C1", referralDate: new(2024, 9, 1), nfa: true)
            .Referral("C1", referralDate: new(2024, 5, 1), closureDate: new(2024, 8, 1), reasonForClosure: "RC1", nfa: false)
            .Assessment("C1", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 1), factors: ["2A", "3A"])
            .Section47("C1", new(2024, 5, 1), start: new(2024, 5, 3), icpcDate: new(2024, 5, 20))
            .ProtectionPlan("C1", new(2024, 5, 1), start: new(2024, 5, 20), end: new(2024, 7, 30), latestCategory: "NEG",
                previousPlans: 1, reviewDates: [new(2024, 6, 15), new(2024, 7, 15)])
            .Plan("C1", new(2024, 9, 1), start: new(2024, 10, 1))
            .Build();

        Assert.Equal(2, data.Referrals.Count);
        Assert.Equal(new DateOnly(2024, 5, 1), data.Referrals.ReferralDateAt(0));
        Assert.Equal(Flag.No, data.Referrals.Nfa[0]);
        Assert.Equal(Flag.Yes, data.Referrals.Nfa[1]);
        Assert.Equal(0, data.Assessments.Referral[0]);
        Assert.Equal(new RowRange(0, 1), data.Assessments.RowsOfReferral(0));
        Assert.True(data.Assessments.RowsOfReferral(1).IsEmpty);
        Assert.Equal(["2A", "3A"], data.Assessments.Factors[0].ToArray().Select(id => data.Codes[id]));
        Assert.Equal(1, data.Plans.Referral[0]);
        Assert.Equal(new RowRange(0, 1), data.Plans.RowsOfReferral(1));
        Assert.Equal(new DateOnly(2024, 5, 20), data.Section47s.IcpcDateAt(0));
        Assert.Equal(1, data.ProtectionPlans.PreviousPlansAt(0));
        Assert.Equal(
            [new DateOnly(2024, 6, 15).DayNumber, new DateOnly(2024, 7, 15).DayNumber],
            data.ProtectionPlans.ReviewDates[0].ToArray());
        Assert.Equal(new RowRange(0, 1), data.ProtectionPlans.RowsOf(data.Children.Find("C1")));
        Assert.Equal("NONE", data.Codes[data.ChildRecords.Disabilities[0][0]]);
    }

    [Fact]
    public void Build_SameReferralInTwoCensuses_LaterWinsWithItsOwnAssessments()
    {
        var builder = new CinBuilder("E10000003");
        var y2024 = builder.AddFile(new SourceFile("cin_2024.xml", "CIN XML", 2024));
        var y2025 = builder.AddFile(new SourceFile("cin_2025.xml", "CIN XML", 2025));

        var oldC1 = builder.AddReferral(builder.ChildNumber("C1"), Referral(new(2024, 2, 1), closure: null), new(y2024, 10));
        builder.AddAssessment(oldC1, Assessment(new(2024, 2, 2), authorised: null), [], new(y2024, 11));
        var oldC2 = builder.AddReferral(builder.ChildNumber("C2"), Referral(new(2023, 6, 1), closure: new(2023, 9, 1)), new(y2024, 20));
        builder.AddAssessment(oldC2, Assessment(new(2023, 6, 2), authorised: new(2023, 7, 1)), [], new(y2024, 21));
        var newC1 = builder.AddReferral(builder.ChildNumber("C1"), Referral(new(2024, 2, 1), closure: new(2024, 6, 1)), new(y2025, 10));
        builder.AddAssessment(newC1, Assessment(new(2024, 2, 2), authorised: new(2024, 3, 1)), [], new(y2025, 11));

        var data = builder.Build();

        Assert.Equal(2, data.Referrals.Count);
        var c1 = data.Referrals.RowsOf(data.Children.Find("C1"));
        Assert.Equal(1, c1.Length);
        Assert.Equal(new DateOnly(2024, 6, 1), data.Referrals.ClosureDateAt(c1.Start));
        var c1Assessments = data.Assessments.RowsOfReferral(c1.Start);
        Assert.Equal(1, c1Assessments.Length);
        Assert.Equal(new DateOnly(2024, 3, 1), data.Assessments.AuthorisedAt(c1Assessments.Start));
        var c2 = data.Referrals.RowsOf(data.Children.Find("C2"));
        Assert.Equal(1, data.Assessments.RowsOfReferral(c2.Start).Length);
        Assert.Equal(2, data.Assessments.Count);
    }

    [Fact]
    public void Build_ModuleOnlyInTheOlderCensus_IsKeptWithTheLaterReferral()
    {
        // A referral open across two years: its first assessment was completed in 2023/24, so only the 2024 census
        // has it (the DfE's 8696 keeps it out of 2025's); the 2025 census has the second.
        var builder = new CinBuilder("E10000003");
        var y2024 = builder.AddFile(new SourceFile("cin_2024.xml", "CIN XML", 2024));
        var y2025 = builder.AddFile(new SourceFile("cin_2025.xml", "CIN XML", 2025));
        var old = builder.AddReferral(builder.ChildNumber("C1"), Referral(new(2023, 6, 1), closure: null), new(y2024, 10));
        builder.AddAssessment(old, Assessment(new(2023, 6, 2), authorised: new(2023, 7, 1)), [], new(y2024, 11));
        var now = builder.AddReferral(builder.ChildNumber("C1"), Referral(new(2023, 6, 1), closure: new(2024, 9, 1)), new(y2025, 10));
        builder.AddAssessment(now, Assessment(new(2024, 5, 2), authorised: new(2024, 6, 1)), [], new(y2025, 11));

        var data = builder.Build();

        var referral = Assert.Single(Enumerable.Range(0, data.Referrals.Count));
        Assert.Equal(new DateOnly(2024, 9, 1), data.Referrals.ClosureDateAt(referral));
        var assessments = data.Assessments.RowsOfReferral(referral);
        Assert.Equal(2, assessments.Length);
        Assert.Equal(new DateOnly(2023, 7, 1), data.Assessments.AuthorisedAt(assessments.Start));
        Assert.Equal(new DateOnly(2024, 6, 1), data.Assessments.AuthorisedAt(assessments.Start + 1));
    }

    [Fact]
    public void Append_TwoCensuses_EachModuleFollowsItsReferral()
    {
        // 2024's census: C1's referral with an assessment completed that year. 2025's: C2's referral with its assessment,
        // then C1's referral again, now closed, without the old assessment (as the DfE's 8696 leaves it out).
        var y2024 = new CinBuilder("E10000003");
        var f2024 = y2024.AddFile(new SourceFile("cin_2024.xml", "CIN XML", 2024));
        y2024
            .Referral("C1", referralDate: new(2023, 6, 1), at: new(f2024, 10))
            .Assessment("C1", new(2023, 6, 1), start: new(2023, 6, 2), authorised: new(2023, 7, 1), factors: ["2A"], at: new(f2024, 11));
        var y2025 = new CinBuilder("E10000003");
        var f2025 = y2025.AddFile(new SourceFile("cin_2025.xml", "CIN XML", 2025));
        y2025
            .Referral("C2", referralDate: new(2024, 5, 1), at: new(f2025, 10))
            .Assessment("C2", new(2024, 5, 1), start: new(2024, 5, 3), authorised: new(2024, 6, 9), factors: ["3A"], at: new(f2025, 11))
            .Referral("C1", referralDate: new(2023, 6, 1), closureDate: new(2024, 9, 1), at: new(f2025, 12));

        var data = new CinBuilder("E10000003").Append(y2024).Append(y2025).Build();

        // Referrals by child: C1's (2025's version, closed, with 2024's assessment kept), then C2's with its own.
        Assert.Equal(2, data.Referrals.Count);
        Assert.Equal(new DateOnly(2024, 9, 1), data.Referrals.ClosureDateAt(0));
        Assert.Equal(new RowRange(0, 1), data.Assessments.RowsOfReferral(0));
        Assert.Equal(new DateOnly(2023, 7, 1), data.Assessments.AuthorisedAt(0));
        Assert.Equal(["2A"], data.Assessments.Factors[0].ToArray().Select(id => data.Codes[id]));
        Assert.Equal(new RowRange(1, 2), data.Assessments.RowsOfReferral(1));
        Assert.Equal(new DateOnly(2024, 6, 9), data.Assessments.AuthorisedAt(1));
        Assert.Equal(["3A"], data.Assessments.Factors[1].ToArray().Select(id => data.Codes[id]));
        Assert.Equal(new SourceLocation(1, 11), data.Assessments.Source[1]);
    }

    [Theory]
    [InlineData(new[] { "NONE" }, false)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "MOB", "HAND" }, true)]
    public void HasDisability_Codes_TrueForAnyCodeButNone(string[] codes, bool expected)
    {
        var data = new CinBuilder("E10000003").Child("C1", disabilities: codes).Build();

        Assert.Equal(expected, data.ChildRecords.HasDisability(0, data.Codes));
    }

    [Fact]
    public void Assessment_BeforeItsReferral_Throws()
    {
        var builder = new CinBuilder("E10000003").Child("C1");

        Assert.Throws<InvalidOperationException>(() => builder.Assessment("C1", new(2024, 1, 1), start: new(2024, 1, 2)));
    }

    private static CinReferralRow Referral(DateOnly date, DateOnly? closure)
    {
        var row = CinReferralRow.Empty;
        row.ReferralDate = date.DayNumber;
        row.ClosureDate = RecordValues.Day(closure);
        return row;
    }

    private static CinAssessmentRow Assessment(DateOnly start, DateOnly? authorised)
    {
        var row = CinAssessmentRow.Empty;
        row.Start = start.DayNumber;
        row.Authorised = RecordValues.Day(authorised);
        return row;
    }
}
