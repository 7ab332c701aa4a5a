using Lodestar.Application.Returns;
using Lodestar.Application.Savings;
using Lodestar.Domain.Savings;
using Lodestar.Formats;
using Lodestar.Formats.Actions;
using Lodestar.Metrics.Kpis;

namespace Lodestar.Application.Tests.Savings;

public sealed class SavingsFromReturnsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-savings-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void CostModel_NoReturns_SaysThereIsNo903Data()
    {
        var model = SavingsFromReturns.CostModel(StatutoryDataStore.Empty, null, 2024, new DateOnly(2024, 9, 30), CostsYamlReader.Illustrative());

        Assert.Equal("the returns hold no SSDA903 data", Assert.Single(model.Problems).Message);
    }

    [Fact]
    public void CostModel_TwoCouncilsAndNoneChosen_AsksForOne()
    {
        Write("E10000003", "C1");
        Write("E10000015", "D1");
        var store = StatutoryDataStore.From(StatutoryDataLoader.Load([_folder]), PopulationEstimates.None);

        var model = SavingsFromReturns.CostModel(store, null, 2024, new DateOnly(2024, 9, 30), CostsYamlReader.Illustrative());
        var chosen = SavingsFromReturns.CostModel(store, "E10000015", 2024, new DateOnly(2024, 9, 30), CostsYamlReader.Illustrative());

        Assert.Equal("the returns hold several councils (E10000003, E10000015): choose one", Assert.Single(model.Problems).Message);
        Assert.True(chosen.Succeeded);
    }

    [Fact]
    public void CostModel_OneChildInHouseFosteringSinceApril2023_IsThatChildsDaysOver364()
    {
        Write("E10000003", "C1");
        var store = StatutoryDataStore.From(StatutoryDataLoader.Load([_folder]), PopulationEstimates.None);

        var model = SavingsFromReturns.CostModel(store, null, 2024, new DateOnly(2024, 9, 30), CostsYamlReader.Illustrative()).Value;

        // Baseline 2023/24: the nights from 1 April 2023 to 1 April 2024 are 366 (2024 is a leap year) → 366/364;
        // the year to date, 1 April to 30 September 2024, is 183 nights → 183/364. U4 with PR1 is in-house fostering.
        var fostering = model.Categories.Single(c => c.Category == PlacementCategory.InHouseFostering);
        Assert.Equal(366m / 364m, fostering.Baseline52Wk, 6);
        Assert.Equal(183m / 364m, fostering.Actual52Wk, 6);
    }

    [Fact]
    public void CostModel_TwoCouncilsOneAllowed_UsesTheAllowedOneAndAnswersTheOtherAsAbsent()
    {
        Write("E10000003", "C1");
        Write("E10000015", "D1");
        var store = StatutoryDataStore.From(StatutoryDataLoader.Load([_folder]), PopulationEstimates.None);
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "E10000015" };

        var defaulted = SavingsFromReturns.CostModel(store, null, 2024, new DateOnly(2024, 9, 30), CostsYamlReader.Illustrative(), allowed);
        var refused = SavingsFromReturns.CostModel(store, "E10000003", 2024, new DateOnly(2024, 9, 30), CostsYamlReader.Illustrative(), allowed);
        var absent = SavingsFromReturns.CostModel(store, "E06000001", 2024, new DateOnly(2024, 9, 30), CostsYamlReader.Illustrative(), allowed);

        Assert.True(defaulted.Succeeded);
        Assert.Equal("the returns hold no SSDA903 data for E10000003", Assert.Single(refused.Problems).Message);
        Assert.Equal(Assert.Single(absent.Problems).Message.Replace("E06000001", "E10000003", StringComparison.Ordinal), refused.Problems[0].Message);
    }

    [Fact]
    public void QualityOf_TwoCouncils_CountsEachCouncilsFilesAlone()
    {
        Write("E10000003", "C1");
        Write("E10000015", "D1");
        File.WriteAllText(Path.Combine(_folder, "E10000015", "903", "reviews.csv"), "CHILD,DOB,REVIEW,REVIEW_CODE\nD1,01/01/2012,01/06/2023,PN1\n");
        var store = StatutoryDataStore.From(StatutoryDataLoader.Load([_folder]), PopulationEstimates.None);

        // Write gives each council a header and an episodes file for each of two years: 4; E10000015 has reviews too.
        Assert.Equal((4, 5, 0), (store.QualityOf("E10000003").Files, store.QualityOf("E10000015").Files, store.QualityOf("E06000001").Files));
        Assert.Equal(9, store.FilesRead);
    }

    private void Write(string council, string child)
    {
        // The 2023/24 and 2024/25 returns, each carrying the open episode: a year without its return has no data.
        var folder = Directory.CreateDirectory(Path.Combine(_folder, council, "903")).FullName;
        foreach (var year in new[] { 2024, 2025 })
        {
            File.WriteAllText(Path.Combine(folder, $"header_{year}.csv"), $"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n{child},1,01/01/2012,WBRI,A123456789012,,\n");
            File.WriteAllText(
                Path.Combine(folder, $"episodes_{year}.csv"),
                $"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n{child},01/04/2023,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n");
        }
    }
}
