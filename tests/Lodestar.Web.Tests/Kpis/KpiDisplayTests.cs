using Lodestar.Domain.Frameworks;
using Lodestar.Web.Kpis;

namespace Lodestar.Web.Tests.Kpis;

public sealed class KpiDisplayTests
{
    [Theory]
    [InlineData(42.25, MeasureUnit.Percent, "42.3%")]
    [InlineData(100.0, MeasureUnit.Percent, "100.0%")]
    [InlineData(0.0, MeasureUnit.Percent, "0.0%")]
    [InlineData(65.04, MeasureUnit.RatePer10k, "65.0")]
    [InlineData(1234.0, MeasureUnit.Count, "1,234")]
    [InlineData(0.0, MeasureUnit.Count, "0")]
    [InlineData(412.6, MeasureUnit.Days, "413")]
    [InlineData(14.25, MeasureUnit.Score, "14.3")]
    [InlineData(12.34, MeasureUnit.Placements52wk, "12.3")]
    [InlineData(1500000.0, MeasureUnit.Gbp, "£1,500,000")]
    public void Value_ByUnit_HasTheUnitsDecimalPlaces(double value, MeasureUnit unit, string expected) =>
        Assert.Equal(expected, KpiDisplay.Value(value, unit));

    [Theory]
    [InlineData(MeasureUnit.Percent)]
    [InlineData(MeasureUnit.Count)]
    public void Value_Null_IsNoDataNotZero(MeasureUnit unit) =>
        Assert.Equal("No data", KpiDisplay.Value(null, unit));

    [Fact]
    public void Value_NotANumber_IsNoData() =>
        Assert.Equal("No data", KpiDisplay.Value(double.NaN, MeasureUnit.Percent));

    [Theory]
    [InlineData(512.0, "512")]
    [InlineData(2048.0, "2,048")]
    [InlineData(3.456, "3.46")]
    [InlineData(null, "")]
    public void Number_WholeOrTwoPlaces(double? value, string expected) =>
        Assert.Equal(expected, KpiDisplay.Number(value));

    [Fact]
    public void Council_Known_IsNameAndCode() =>
        Assert.Equal("Cambridgeshire (E10000003)", KpiDisplay.Council("E10000003"));

    [Fact]
    public void Council_Unknown_IsTheCode() =>
        Assert.Equal("X123", KpiDisplay.Council("X123"));

    [Fact]
    public void ReportingYear_IsWrittenAsTheDfEWritesIt() =>
        Assert.Equal("2024 to 2025", KpiDisplay.ReportingYear(2025));

    [Theory]
    [InlineData("in_house_fostering", "In-house fostering")]
    [InlineData("ifa", "Independent fostering agency")]
    [InlineData("residential_schools", "Residential school")]
    [InlineData("placed_for_adoption", "Placed for adoption")]
    [InlineData("NEG", "Neglect")]
    [InlineData("MUL", "Multiple categories")]
    [InlineData("unknown", "Not recorded")]
    [InlineData(null, "")]
    public void Category_KpiCategoryCode_IsShownInWords(string? code, string expected) =>
        Assert.Equal(expected, KpiDisplay.Category(code));

    [Fact]
    public void Category_EveryCategoryOfTheCatalogue_HasWordsNotItsCode()
    {
        foreach (var code in Lodestar.Metrics.Kpis.KpiCatalog.PlacementCategories.Concat(Lodestar.Metrics.Kpis.KpiCatalog.AbuseCategories))
        {
            var words = KpiDisplay.Category(code);
            Assert.NotEqual(code, words);
            Assert.DoesNotContain('_', words);
        }
    }
}
