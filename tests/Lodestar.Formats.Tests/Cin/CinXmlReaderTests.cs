using System.Text;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Cin;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Cin;

public sealed class CinXmlReaderTests
{
    private const string Census = """
        <?xml version="1.0" encoding="utf-8"?>
        <Message>
          <Header>
            <CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails>
            <Source><LEA>873</LEA></Source>
          </Header>
          <Children>
            <Child>
              <ChildIdentifiers>
                <LAchildID>A1</LAchildID>
                <UPN>A123456789012</UPN>
                <PersonBirthDate>2015-01-01</PersonBirthDate>
                <Sex>M</Sex>
              </ChildIdentifiers>
              <ChildCharacteristics>
                <Ethnicity>WBRI</Ethnicity>
                <Disabilities><Disability>MOB</Disability><Disability>HAND</Disability></Disabilities>
              </ChildCharacteristics>
              <CINdetails>
                <CINreferralDate>2024-05-01</CINreferralDate>
                <ReferralSource>1A</ReferralSource>
                <PrimaryNeedCode>N1</PrimaryNeedCode>
                <CINclosureDate>2024-12-01</CINclosureDate>
                <ReasonForClosure>RC1</ReasonForClosure>
                <DateOfInitialCPC>2024-05-20</DateOfInitialCPC>
                <ReferralNFA>0</ReferralNFA>
                <Assessments>
                  <AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate>
                  <AssessmentAuthorisationDate>2024-06-10</AssessmentAuthorisationDate>
                  <FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors><AssessmentFactors>3B</AssessmentFactors></FactorsIdentifiedAtAssessment>
                </Assessments>
                <CINPlanDates><CINPlanStartDate>2024-06-11</CINPlanStartDate><CINPlanEndDate>2024-11-30</CINPlanEndDate></CINPlanDates>
                <Section47>
                  <S47ActualStartDate>2024-05-03</S47ActualStartDate>
                  <InitialCPCtarget>2024-05-24</InitialCPCtarget>
                  <DateOfInitialCPC>2024-05-20</DateOfInitialCPC>
                  <ICPCnotRequired>false</ICPCnotRequired>
                </Section47>
                <ChildProtectionPlans>
                  <CPPstartDate>2024-05-20</CPPstartDate>
                  <CPPendDate>2024-11-01</CPPendDate>
                  <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
                  <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
                  <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
                  <Reviews><CPPreviewDate>2024-08-15</CPPreviewDate></Reviews>
                </ChildProtectionPlans>
              </CINdetails>
            </Child>
            <Child>
              <ChildIdentifiers>
                <LAchildID>A2</LAchildID>
                <PersonBirthDate>2012-02-29</PersonBirthDate>
                <GenderCurrent>2</GenderCurrent>
              </ChildIdentifiers>
              <CINdetails>
                <CINreferralDate>2024-07-01</CINreferralDate>
                <ReferralNFA>true</ReferralNFA>
              </CINdetails>
              <CINdetails>
                <CINreferralDate>2024-02-01</CINreferralDate>
                <ReferralNFA>1</ReferralNFA>
              </CINdetails>
            </Child>
          </Children>
        </Message>
        """;

    private static (FileReadResult Result, CinBuilder Builder, List<Problem> Diagnostics) Read(string xml)
    {
        var builder = new CinBuilder("E10000003");
        var diagnostics = new List<Problem>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return (CinXmlReader.Read("cin.xml", stream, builder, diagnostics), builder, diagnostics);
    }

    [Fact]
    public void Read_Census_ReadsChildrenReferralsAndTheirRecords()
    {
        var (result, builder, diagnostics) = Read(Census);
        var data = builder.Build();

        Assert.Null(result.Refusal);
        Assert.Empty(diagnostics);
        Assert.Equal(2025, data.Files[0].CollectionYear);
        var a1 = data.Children.Find("A1");
        var a2 = data.Children.Find("A2");
        Assert.Equal("M", data.Codes[data.ChildRecords.Sex[data.ChildRecords.RowsOf(a1).Start]]);
        Assert.Equal("2", data.Codes[data.ChildRecords.Sex[data.ChildRecords.RowsOf(a2).Start]]);
        Assert.Equal(["MOB", "HAND"], data.ChildRecords.Disabilities[0].ToArray().Select(id => data.Codes[id]));
        Assert.Equal(3, data.Referrals.Count);
        var r1 = data.Referrals.RowsOf(a1).Start;
        Assert.Equal(new DateOnly(2024, 12, 1), data.Referrals.ClosureDateAt(r1));
        Assert.Equal(Flag.No, data.Referrals.Nfa[r1]);
        Assert.Equal("1A", data.Codes[data.Referrals.ReferralSource[r1]]);
        var a2Referrals = data.Referrals.RowsOf(a2);
        Assert.Equal(new DateOnly(2024, 2, 1), data.Referrals.ReferralDateAt(a2Referrals.Start));
        Assert.Equal(Flag.Yes, data.Referrals.Nfa[a2Referrals.Start]);
        Assert.Equal(Flag.Yes, data.Referrals.Nfa[a2Referrals.Start + 1]);
        Assert.Equal(new DateOnly(2024, 6, 10), data.Assessments.AuthorisedAt(0));
        Assert.Equal(["2A", "3B"], data.Assessments.Factors[0].ToArray().Select(id => data.Codes[id]));
        Assert.Equal(r1, data.Plans.Referral[0]);
        Assert.Equal(new DateOnly(2024, 11, 30), data.Plans.EndAt(0));
        Assert.Equal(Flag.No, data.Section47s.IcpcNotRequired[0]);
        Assert.Equal(new DateOnly(2024, 5, 24), data.Section47s.IcpcTargetAt(0));
        Assert.Equal("EMO", data.Codes[data.ProtectionPlans.LatestCategory[0]]);
        Assert.Equal(1, data.ProtectionPlans.PreviousPlansAt(0));
        Assert.Equal([new DateOnly(2024, 8, 15).DayNumber], data.ProtectionPlans.ReviewDates[0].ToArray());
    }

    [Fact]
    public void Read_HeaderReferenceDateAndFormerUpn_AreKeptForTheRules()
    {
        var xml = Census.Replace("<UPN>A123456789012</UPN>", "<UPN>A123456789012</UPN><FormerUPN>B12345678901C</FormerUPN>", StringComparison.Ordinal);

        var (_, builder, diagnostics) = Read(xml);
        var data = builder.Build();

        Assert.Empty(diagnostics);
        Assert.Equal((new DateOnly(2025, 3, 31).DayNumber, 4), (data.Files[0].ReferenceDate, data.Files[0].HeaderLine));
        Assert.Equal("B12345678901C", data.Codes[data.ChildRecords.FormerUpn[data.ChildRecords.RowsOf(data.Children.Find("A1")).Start]]);
    }

    [Fact]
    public void Read_HeaderWithNoReferenceDate_KeepsTheHeadersLine()
    {
        var xml = Census.Replace("<ReferenceDate>2025-03-31</ReferenceDate>", "", StringComparison.Ordinal);

        var data = Read(xml).Builder.Build();

        Assert.Equal((RecordValues.Blank, 3), (data.Files[0].ReferenceDate, data.Files[0].HeaderLine));
    }

    [Fact]
    public void Read_BadFlagAndDate_AreReportedWithTheirElementAndLine()
    {
        var xml = Census.Replace("<ReferralNFA>0</ReferralNFA>", "<ReferralNFA>maybe</ReferralNFA>", StringComparison.Ordinal)
            .Replace("<CINclosureDate>2024-12-01</CINclosureDate>", "<CINclosureDate>01/12/2024 </CINclosureDate>", StringComparison.Ordinal);

        var (_, builder, diagnostics) = Read(xml);
        var data = builder.Build();

        Assert.Contains(new Problem("cin.xml", 26, "ReferralNFA", "maybe", "ReferralNFA should be true, false, 1 or 0") { Rule = "FLAG-FORMAT", Severity = Severity.Error }, diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Column == "CINclosureDate");
        Assert.Equal(Flag.Invalid, data.Referrals.Nfa[0]);
        Assert.Equal(new DateOnly(2024, 12, 1), data.Referrals.ClosureDateAt(0));
    }

    [Fact]
    public void Read_Truncated_IsRefusedAndNothingIsKept()
    {
        var (result, builder, _) = Read(Census[..(Census.Length / 2)]);

        Assert.Equal("the XML ends before its elements are closed (truncated file?)", result.Refusal?.Message);
        var data = builder.Build();
        Assert.Equal(0, data.Referrals.Count);
        Assert.Equal(0, data.Children.Count);
    }

    [Fact]
    public void Read_NotWellFormed_IsRefusedWithItsPosition()
    {
        var (result, _, _) = Read("<Message><Children><Child></Children></Message>");

        Assert.StartsWith("not well-formed XML at line 1", result.Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReviewGroupsWithNoDate_AreCountedPerPlan()
    {
        // An empty Reviews group and one with an empty CPPreviewDate are counted (the DfE's 8842Q); the dated review is not.
        var xml = Census.Replace(
            "<Reviews><CPPreviewDate>2024-08-15</CPPreviewDate></Reviews>",
            "<Reviews/><Reviews><CPPreviewDate>2024-08-15</CPPreviewDate></Reviews><Reviews><CPPreviewDate></CPPreviewDate></Reviews>",
            StringComparison.Ordinal);

        var (_, builder, diagnostics) = Read(xml);
        var data = builder.Build();

        Assert.Empty(diagnostics);
        Assert.Equal(2, data.ProtectionPlans.BlankReviewsAt(0));
        Assert.Equal([new DateOnly(2024, 8, 15).DayNumber], data.ProtectionPlans.ReviewDates[0].ToArray());
    }

    [Fact]
    public void Read_DatedReviewsOnly_CountNoBlankReview()
    {
        var data = Read(Census).Builder.Build();

        // None counted: the reader holds 0 (a Reviews group was read) where a plan with no Reviews at all holds blank.
        Assert.Equal(0, data.ProtectionPlans.BlankReviewsAt(0));
    }

    [Fact]
    public void Read_UnknownElement_IsWarnedAndSkipped()
    {
        var xml = Census.Replace("<Ethnicity>WBRI</Ethnicity>", "<Ethnicity>WBRI</Ethnicity><ShoeSize>5</ShoeSize>", StringComparison.Ordinal);

        var (_, _, diagnostics) = Read(xml);

        Assert.Equal(("ELEMENT-UNKNOWN", Severity.Warning, "ShoeSize"), (diagnostics.Single().Rule, diagnostics.Single().Severity, diagnostics.Single().Column));
    }
}
