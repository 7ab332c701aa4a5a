using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Formats.Actions;

namespace Lodestar.Formats.Tests.Actions;

public sealed class CostsYamlReaderTests
{
    [Fact]
    public void ReadUnitCosts_FinancialYears_AreReportingYears()
    {
        var result = CostsYamlReader.ReadUnitCosts(new StringReader("""
            unit_costs:
              "2016/17": { ifa: 45000 }
              "2017/18": { ifa: 45900 }
            """), "costs.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(45_900m, result.Value!.Find(PlacementCategory.Ifa, Period.ReportingYear(2018)));
        Assert.All(result.Value.Costs, c => Assert.Equal(PeriodKind.ReportingYear, c.Year.Kind));
    }

    [Fact]
    public void ReadUnitCosts_YearThatIsNotAFinancialYear_IsAProblemNamingFileLineColumnAndValue()
    {
        var result = CostsYamlReader.ReadUnitCosts(new StringReader("""
            unit_costs:
              "2016/17": { ifa: 45000 }
              "2017": { ifa: 45900 }
            """), "costs.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("costs.yaml", 3, "3", "2017"), (problem.File, problem.Line, problem.Column, problem.Value));
        Assert.Equal("a year of 'unit_costs': '2017' is not a financial year like 2016/17.", problem.Message);
    }

    [Fact]
    public void ReadUnitCosts_SameYearWrittenTwoWays_IsAProblemNotAnException()
    {
        var result = CostsYamlReader.ReadUnitCosts(new StringReader("""
            unit_costs:
              "2016/17": { ifa: 45000 }
              "2016-17": { ifa: 45900 }
            """), "costs.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, "2016-17"), (problem.Line, problem.Value));
    }

    [Fact]
    public void Illustrative_ShippedFile_HasUnitCostsFor2016To17()
    {
        Assert.NotNull(CostsYamlReader.Illustrative().Find(PlacementCategory.Ifa, Period.ReportingYear(2017)));
    }
}
