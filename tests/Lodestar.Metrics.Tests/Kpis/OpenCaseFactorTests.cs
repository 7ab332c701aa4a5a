using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
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
            ["cin_open_domestic_abuse_parental", "cin_open_substance_misuse_parental", "cin_open_mental_health_parental", "cin_open_cse"])
            .ToDictionary(r => r.Kpi, r => (r.Numerator, r.Denominator));

        Assert.Equal((1.0, 3.0), results["cin_open_domestic_abuse_parental"]);
        Assert.Equal((0.0, 3.0), results["cin_open_substance_misuse_parental"]);
        Assert.Equal((1.0, 3.0), results["cin_open_mental_health_parental"]);
        Assert.Equal((0.0, 3.0), results["cin_open_cse"]);
    }
}
