using Lodestar.Domain.Periods;
using Lodestar.Formats.Generation;
using Lodestar.Metrics.Kpis;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Generation;

/// <summary>The generator's Annex A workbooks agree with its returns (docs/generator.md, "Annex A").</summary>
public sealed class AnnexAGenerationTests
{
    [Fact]
    public void AnnexAWorkbooks_ReadBack_AgreeWithTheReturnsOfTheSameYear()
    {
        using var folder = new TempFolder();
        var options = new GenerationOptions(councils: 1, childrenPerCouncil: 150, years: 2, yearEnd: 2025, seed: 11) { AnnexA = true };
        SyntheticDataGenerator.Generate(options, folder.Root, cancellationToken: TestContext.Current.CancellationToken);

        var loaded = StatutoryDataLoader.Load([folder.Root]);

        Assert.Empty(loaded.Refusals);
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Rule?.StartsWith("ANNEXA", StringComparison.Ordinal) == true && d.Severity == Domain.Problems.Severity.Error);
        var council = Assert.Single(loaded.Councils);
        Assert.Equal([2024, 2025], council.AnnexA!.Files.Select(f => f.CollectionYear));
        var dataset = KpiDataset.Of(council);
        var results = new KpiEngine().Compute(dataset, [Period.ReportingYear(2025)],
            ["referrals", "cpp_at_end", "cla_at_end", "annexa_contacts", "annexa_cp_visits_10wd", "annexa_cla_12_months", "annexa_care_leavers", "care_leavers_in_touch_19_21"])
            .ToDictionary(r => r.Kpi);

        // List 3 is the census's referrals of the year; List 7's plans open at the end are the census's; List 8's the 903's.
        var list3 = council.AnnexA.Referrals.Count(r => r.Date >= new DateOnly(2024, 4, 1).DayNumber && council.AnnexA.YearOf(r.Source) == 2025);
        Assert.Equal(results["referrals"].Value, list3);
        Assert.Equal(results["cpp_at_end"].Value, results["annexa_cp_visits_10wd"].Denominator);
        Assert.Equal(results["cla_at_end"].Value, results["annexa_cla_12_months"].Denominator);
        // Every referral came from a contact; some contacts led to none.
        Assert.True(results["annexa_contacts"].Value > list3);
        // List 9 holds the year's OC3 rows, whatever their age.
        Assert.True(results["annexa_care_leavers"].Value >= results["care_leavers_in_touch_19_21"].Denominator);
    }

    [Fact]
    public void AnnexAWorkbooks_Lists2And11_FollowTheCensusAndThe903()
    {
        using var folder = new TempFolder();
        var options = new GenerationOptions(councils: 1, childrenPerCouncil: 150, years: 2, yearEnd: 2025, seed: 11) { AnnexA = true };
        SyntheticDataGenerator.Generate(options, folder.Root, cancellationToken: TestContext.Current.CancellationToken);

        var council = Assert.Single(StatutoryDataLoader.Load([folder.Root]).Councils);
        var annexA = council.AnnexA!;
        var dataset = KpiDataset.Of(council);
        var year = Period.ReportingYear(2025);
        var results = new KpiEngine().Compute(dataset, [year], ["annexa_early_help_assessments", "annexa_adopters_available"])
            .ToDictionary(r => r.Kpi);

        // Both lists are written and read, and their KPIs have values.
        Assert.NotEmpty(annexA.EarlyHelp);
        Assert.NotEmpty(annexA.AdopterRecords);
        Assert.True(results["annexa_early_help_assessments"].Value > 0);
        // Some assessments are still open on the list's day (the rate needs a population, which this run does not load).
        Assert.Contains(annexA.EarlyHelp, e => e.Completed == RecordValues.Blank);
        Assert.NotNull(results["annexa_adopters_available"].Value);
        // Every early help assessment is of a child the census knows, and completes after it starts.
        Assert.All(annexA.EarlyHelp, e => Assert.True(council.Cin!.Children.Find(annexA.Children.IdOf(e.Child)) >= 0));
        Assert.All(annexA.EarlyHelp.Where(e => e.Completed != RecordValues.Blank), e => Assert.True(e.Completed > e.Start));
        // Every adopter matched was approved before the match, after the enquiry.
        var matched = annexA.AdopterRecords.Where(a => a.Matched != RecordValues.Blank).ToList();
        Assert.NotEmpty(matched);
        Assert.All(matched, a => Assert.True(a.Enquiry < a.Approved && a.Approved < a.Matched));
    }
}
