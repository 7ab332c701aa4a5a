using Lodestar.Domain.Benefits;

namespace Lodestar.Domain.Tests.Benefits;

public sealed class BenefitsRegisterTests
{
    private static Benefit ResidentialCosts() => new()
    {
        Id = "residential-cost-reduction",
        Description = "At least 35% reduction in residential placement costs",
        Financial = true,
        Baseline = "£2,312,659",
        BaselineValue = 2_312_659m,
        Target = "A saving of £270K per year",
        ValuePerYear = 270_000m,
        ConfidencePercent = 75,
        Realised = [new RealisedValue(new(2016, 3, 31), 50_000m, null), new RealisedValue(new(2017, 3, 31), 120_000m, "year 2")],
    };

    [Fact]
    public void RiskAdjustedValue_FinancialBenefit_IsValueTimesConfidence()
    {
        // 270,000 × 75% = 202,500.
        Assert.Equal(202_500m, ResidentialCosts().RiskAdjustedValuePerYear);
    }

    [Fact]
    public void RiskAdjustedValue_NonFinancialBenefit_IsNull()
    {
        Assert.Null((ResidentialCosts() with { Financial = false, ValuePerYear = null }).RiskAdjustedValuePerYear);
    }

    [Fact]
    public void RealisedTo_Date_SumsWhatWasRealisedByThen()
    {
        var benefit = ResidentialCosts();

        Assert.Equal(50_000m, benefit.RealisedTo(new DateOnly(2017, 3, 30)));
        Assert.Equal(170_000m, benefit.RealisedTo(new DateOnly(2017, 3, 31)));
        Assert.Equal(170_000m, benefit.RealisedToDate);
    }

    [Fact]
    public void Register_Totals_SumFinancialBenefits()
    {
        var adults = ResidentialCosts() with { Id = "adults", ValuePerYear = 95_142m, ConfidencePercent = 100, Realised = [] };
        var register = new BenefitsRegister { Id = "r", Title = "R", Benefits = [ResidentialCosts(), adults] };

        Assert.Equal(365_142m, register.ValuePerYear);
        Assert.Equal(297_642m, register.RiskAdjustedValuePerYear);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void ConfidencePercent_OutOfRange_IsRefused(int percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResidentialCosts() with { ConfidencePercent = percent });
    }
}
