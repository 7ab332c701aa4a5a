using Lodestar.Domain.Periods;
using Lodestar.Formats.Generation;
using Lodestar.Metrics.Kpis;

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
}
