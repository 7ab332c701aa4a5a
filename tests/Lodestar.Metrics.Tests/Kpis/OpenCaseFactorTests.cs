using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Records;
using static Lodestar.Metrics.Tests.Kpis.KpiTestRun;

namespace Lodestar.Metrics.Tests.Kpis;

/// <summary>Factors of the open cases of children in need (docs/kpis.md, "Factors of open cases"), worked by hand.</summary>
public sealed class OpenCaseFactorTests
{
    private static readonly Period Year2025 = Period.ReportingYear(2025);

    [Fact]
    public void OpenCaseFactors_AssessmentOfAnOpenReferralByTheDay_Counts_ClosedOrLaterDoesNot()
    {
        var data = Cin()
            // C1: open at the end, assessed with 3C (another adult of the household) and 4B before it.
            .Referral("C1", referralDate: new(2024, 5, 1))
            .Assessment("C1", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["3C", "4B"])
            // C2: open at the end, but its 2B assessment was completed after the day.
            .Referral("C2", referralDate: new(2025, 3, 1))
            .Assessment("C2", new(2025, 3, 1), start: new(2025, 3, 2), authorised: new(2025, 4, 1), factors: ["2B"])
            // C3: open now; the 11A was on an earlier referral closed before the end.
            .Referral("C3", referralDate: new(2023, 5, 1), closureDate: new(2024, 1, 1))
            .Assessment("C3", new(2023, 5, 1), start: new(2023, 5, 2), authorised: new(2023, 6, 1), factors: ["11A"])
            .Referral("C3", referralDate: new(2025, 1, 10))
            // C4: closed on the last day: not in need at the end.
            .Referral("C4", referralDate: new(2024, 5, 1), closureDate: new(2025, 3, 31))
            .Assessment("C4", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["3B"])
            .Build();

        var results = new KpiEngine().Compute(KpiDataset.Of(data), [Year2025],
            ["cin_open_domestic_abuse_parental", "cin_open_substance_misuse_parental", "cin_open_mental_health_parental", "cin_open_cse", "cin_open_fgm"])
            .ToDictionary(r => r.Kpi, r => (r.Numerator, r.Denominator));

        Assert.Equal((1.0, 3.0), results["cin_open_domestic_abuse_parental"]);
        Assert.Equal((0.0, 3.0), results["cin_open_substance_misuse_parental"]);
        Assert.Equal((1.0, 3.0), results["cin_open_mental_health_parental"]);
        Assert.Equal((0.0, 3.0), results["cin_open_cse"]);
        Assert.Equal((0.0, 3.0), results["cin_open_fgm"]);
    }

    // Six children in need on 31 March 2025, one builder step each (a child's referrals and assessments in order).
    private static readonly (string Child, Action<CinBuilder> Add)[] FgmChildren =
    [
        // C1: FGM (22A) on an open referral's assessment completed on the last day itself: counts.
        ("C1", b => b.Referral("C1", referralDate: new(2024, 9, 1))
            .Assessment("C1", new(2024, 9, 1), start: new(2024, 9, 2), authorised: new(2025, 3, 31), factors: ["22A"])),
        // C2: open, but the 22A assessment was completed the day after: not yet identified.
        ("C2", b => b.Referral("C2", referralDate: new(2025, 3, 1))
            .Assessment("C2", new(2025, 3, 1), start: new(2025, 3, 2), authorised: new(2025, 4, 1), factors: ["22A"])),
        // C3: in need on a second referral; the 22A was on a referral closed on the last day, so no longer open.
        ("C3", b => b.Referral("C3", referralDate: new(2024, 5, 1), closureDate: new(2025, 3, 31))
            .Assessment("C3", new(2024, 5, 1), start: new(2024, 5, 2), authorised: new(2024, 6, 3), factors: ["22A"])
            .Referral("C3", referralDate: new(2025, 2, 1))),
        // C4: referred on the last day and assessed the same day with 22A: counts.
        ("C4", b => b.Referral("C4", referralDate: new(2025, 3, 31))
            .Assessment("C4", new(2025, 3, 31), start: new(2025, 3, 31), authorised: new(2025, 3, 31), factors: ["22A"])),
        // C5: 22A with CSE (11A) on one assessment: counts for both.
        ("C5", b => b.Referral("C5", referralDate: new(2024, 6, 1))
            .Assessment("C5", new(2024, 6, 1), start: new(2024, 6, 2), authorised: new(2024, 7, 1), factors: ["11A", "22A"])),
        // C6: abuse linked to faith or belief (23A), the next code: not FGM.
        ("C6", b => b.Referral("C6", referralDate: new(2024, 6, 1))
            .Assessment("C6", new(2024, 6, 1), start: new(2024, 6, 2), authorised: new(2024, 7, 1), factors: ["23A"])),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OpenCaseFgm_22AByTheLastDayOnAnOpenReferral_CountsWhateverTheInputOrder(bool reversed)
    {
        var builder = Cin();
        foreach (var (_, add) in reversed ? FgmChildren.Reverse() : FgmChildren)
        {
            add(builder);
        }

        var dataset = KpiDataset.Of(builder.Build());
        var results = new KpiEngine().Compute(dataset, [Year2025], ["cin_open_fgm", "cin_open_cse"]).ToDictionary(r => r.Kpi);
        var explanation = new KpiEngine().Explain("cin_open_fgm", dataset, Year2025);

        // In need at the end: all six. FGM identified by then on an open referral: C1, C4, C5 (3 of 6 = 50 %).
        Assert.Equal((3.0, 6.0, 50.0), (results["cin_open_fgm"].Numerator, results["cin_open_fgm"].Denominator, results["cin_open_fgm"].Value));
        Assert.Equal((1.0, 6.0), (results["cin_open_cse"].Numerator, results["cin_open_cse"].Denominator));
        Assert.Equal(["C1", "C4", "C5"], explanation.NumeratorChildren.Order());
        Assert.Contains("in need at 31/03/2025: no open referral's assessment records the factor", explanation.Reasons["C2"]);
        Assert.Contains("in need at 31/03/2025: an open referral's assessment records the factor", explanation.Reasons["C4"]);
    }
}
